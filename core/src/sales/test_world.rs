//! Test support for the sales tests: a workspace with creators, campaigns and collaborations
//! written with plain SQL (as the affiliate import would write them), and small Shopify
//! exports written row by row.

use crate::workspace::settings::Settings;
use crate::Workspace;

pub struct World {
    pub ws: Workspace,
}

impl World {
    pub fn new() -> World {
        World { ws: Workspace::in_memory(&Settings::new("Groen Skincare", "EUR", "nl-NL")).unwrap() }
    }

    /// A workspace-wide rule (10 %), for tests that need something booked.
    pub fn with_default_rule(self) -> World {
        self.sql("INSERT INTO commission_rules (level, owner_id, rule, as_written, created_at, updated_at) VALUES ('workspace', NULL, 'percent:1000', '10%', 't', 't')");
        self
    }

    pub fn sql(&self, sql: &str) {
        self.ws.conn().execute_batch(sql).unwrap();
    }

    pub fn one<T: rusqlite::types::FromSql>(&self, sql: &str) -> T {
        self.ws.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// A creator with an Instagram handle.
    pub fn creator(&self, name: &str, handle: &str) -> i64 {
        let c = self.ws.conn();
        c.execute("INSERT INTO creators (display_name, sort_name, created_at, updated_at) VALUES (?1, lower(?1), 't', 't')", [name]).unwrap();
        let id = c.last_insert_rowid();
        c.execute("INSERT INTO handles (creator_id, platform, handle, handle_key) VALUES (?1, 'instagram', ?2, lower(?2))", rusqlite::params![id, handle]).unwrap();
        id
    }

    pub fn campaign(&self, name: &str, slug: &str, starts: Option<&str>, ends: Option<&str>) -> i64 {
        let c = self.ws.conn();
        c.execute(
            "INSERT INTO campaigns (name, goal, starts_on, ends_on, utm_slug, created_at, updated_at) VALUES (?1, 'sales', ?2, ?3, ?4, 't', 't')",
            rusqlite::params![name, starts, ends, slug],
        )
        .unwrap();
        c.last_insert_rowid()
    }

    /// An active affiliate collaboration holding `code` ('' for none).
    pub fn collaboration(&self, campaign: i64, creator: i64, code: &str, starts: Option<&str>, ends: Option<&str>) -> i64 {
        let c = self.ws.conn();
        c.execute(
            "INSERT INTO collaborations (campaign_id, creator_id, kind, status, starts_on, ends_on, discount_code, discount_code_key,
                 last_activity_on, created_at, updated_at)
             VALUES (?1, ?2, 'affiliate', 'active', ?3, ?4, ?5, ?6, '2025-01-01', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
            rusqlite::params![campaign, creator, starts, ends, code, crate::sales::codes::code_key(code)],
        )
        .unwrap();
        c.last_insert_rowid()
    }

    /// Every row of every table an order import writes, for comparing two moments.
    pub fn order_tables(&self) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        for sql in [
            "SELECT * FROM orders ORDER BY id",
            "SELECT * FROM order_lines ORDER BY order_id, position",
            "SELECT * FROM order_codes ORDER BY order_id, position",
            "SELECT * FROM audit_log ORDER BY id",
            "SELECT * FROM commission_lines ORDER BY id",
        ] {
            let mut stmt = self.ws.conn().prepare(sql).unwrap();
            let n = stmt.column_count();
            let rows = stmt.query_map([], |r| (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect::<rusqlite::Result<Vec<_>>>()).unwrap();
            for row in rows {
                let mut row = row.unwrap();
                row.insert(0, sql.to_string());
                out.push(row);
            }
        }
        out
    }
}

/// One order of a small Shopify export.
#[derive(Debug, Clone)]
pub struct ShopOrder {
    pub number: String,
    pub created: String,
    pub status: String,
    pub currency: String,
    pub subtotal: String,
    pub refunded: String,
    pub cancelled: String,
    pub codes: String,
    pub utm_campaign: String,
    pub utm_content: String,
    pub email: String,
}

impl ShopOrder {
    /// A paid order of € 50.00 on `day` (`2025-05-11`) at noon in Amsterdam's summer time.
    pub fn new(number: &str, day: &str, codes: &str) -> ShopOrder {
        ShopOrder {
            number: number.into(),
            created: format!("{day} 12:00:00 +0200"),
            status: "paid".into(),
            currency: "EUR".into(),
            subtotal: "50.00".into(),
            refunded: "0.00".into(),
            cancelled: String::new(),
            codes: codes.into(),
            utm_campaign: String::new(),
            utm_content: String::new(),
            email: format!("{}@example.com", number.trim_start_matches('#')),
        }
    }
}

/// A Shopify export of `orders`, each with two line items (two rows).
pub fn shopify_csv(orders: &[ShopOrder]) -> String {
    let mut out = String::from("Name,Email,Financial Status,Currency,Subtotal,Refunded Amount,Cancelled at,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,UTM Campaign,UTM Content\n");
    for o in orders {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},\"{}\",{},1,Serum,40.00,SER,{},{}\n{},,,,,,,,{},1,Lipbalm,10.00,LIP,,\n",
            o.number, o.email, o.status, o.currency, o.subtotal, o.refunded, o.cancelled, o.codes, o.created, o.utm_campaign, o.utm_content, o.number, o.created
        ));
    }
    out
}
