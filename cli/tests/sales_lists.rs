//! `chorus orders` and `chorus commissions` as a script uses them: real processes on a
//! workspace whose orders, attribution and ledger lines are written with plain SQL (as the
//! order import and the ledger write them), read back as tables and as JSON.

use rusqlite::{params, Connection};
use std::path::{Path, PathBuf};
mod support;
use support::{chorus, ok};


fn fails(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(!out.status.success(), "chorus {args:?} should have failed");
    assert!(out.stdout.is_empty(), "a failure prints nothing on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("chorus: ") && err.lines().count() == 1, "one clear line: {err}");
    err
}

/// An argument clap refuses (as every command's): non-zero, nothing on stdout, clap's words.
fn refused_argument(args: &[&str]) -> String {
    let out = chorus(args);
    assert!(!out.status.success() && out.stdout.is_empty(), "chorus {args:?} should have been refused");
    String::from_utf8(out.stderr).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).unwrap()
}

const NOW: &str = "2026-05-01T10:00:00Z";

/// A workspace with Sanne (instagram sanne.groen, tiktok sanne) and Emma (tiktok sanne too, and
/// instagram emma.eet) in campaign Zomer, five orders and their ledger lines.
fn sales_workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("groen.chorus");
    ok(&["new", ws.to_str().unwrap(), "--brand", "Groen", "--currency", "EUR"]);
    let conn = Connection::open(&ws).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) VALUES (1, 'Sanne Groen', 'sanne groen', '{NOW}', '{NOW}'), (2, 'Emma Eet', 'emma eet', '{NOW}', '{NOW}');
         INSERT INTO handles (creator_id, platform, handle, handle_key) VALUES (1, 'instagram', 'sanne.groen', 'sanne.groen'), (1, 'tiktok', 'Sanne', 'sanne'),
                (2, 'instagram', 'emma.eet', 'emma.eet'), (2, 'youtube', 'sanne', 'sanne');
         INSERT INTO campaigns (id, name, goal, created_at, updated_at) VALUES (1, 'Zomer', 'sales', '{NOW}', '{NOW}');
         INSERT INTO collaborations (id, campaign_id, creator_id, kind, status, discount_code, discount_code_key, last_activity_on, created_at, updated_at)
                VALUES (1, 1, 1, 'affiliate', 'active', 'SANNE10', 'SANNE10', '2026-05-01', '{NOW}', '{NOW}'),
                       (2, 1, 2, 'affiliate', 'active', 'EMMA10', 'EMMA10', '2026-05-01', '{NOW}', '{NOW}');"
    ))
    .unwrap();
    let order = |id: i64, day: &str, subtotal: i64, state: &str, collaboration: Option<i64>, reason: &str| {
        conn.execute(
            "INSERT INTO orders (id, source, number, placed_at, placed_at_utc, placed_on, currency, subtotal_minor, tax_minor, financial_status,
                                 attribution, collaboration_id, attribution_reason, imported_at, updated_at)
             VALUES (?1, 'shopify', '#' || (1000 + ?1), ?2 || ' 12:00:00 +0200', ?2 || 'T10:00:00Z', ?2, 'EUR', ?3, 0, 'paid', ?4, ?5, ?6, ?7, ?7)",
            params![id, day, subtotal, state, collaboration, reason, NOW],
        )
        .unwrap();
    };
    order(1, "2026-05-02", 10000, "attributed", Some(1), "code");
    order(2, "2026-05-10", 5000, "attributed", Some(2), "code");
    order(3, "2026-05-11", 7000, "unattributed", None, "expired");
    order(4, "2026-05-12", 8000, "review", None, "two_creators");
    order(5, "2026-05-20", 2000, "attributed", Some(1), "code");
    let line = |order: i64, collaboration: i64, creator: i64, kind: &str, amount: i64, hold: &str| {
        conn.execute(
            "INSERT INTO commission_lines (order_id, collaboration_id, creator_id, kind, reason, amount_minor, currency, base_minor, rule, rule_level,
                                           explanation, explanation_code, explanation_params, hold_until, created_at)
             VALUES (?1, ?2, ?3, ?4, 'order', ?5, 'EUR', ?6, 'percent:1000', 'collaboration', 'ten percent', 'percent', '{\"rate\":\"10%\"}', ?7, ?8)",
            params![order, collaboration, creator, kind, amount, amount * 10, hold, NOW],
        )
        .unwrap();
    };
    line(1, 1, 1, "commission", 1000, "2026-06-01");
    line(2, 2, 2, "commission", 500, "2026-06-09");
    line(5, 1, 1, "commission", 200, "2026-06-19");
    conn.execute("UPDATE commission_lines SET rejected_at = ?1, rejected_reason = 'Staff order' WHERE order_id = 2", [NOW]).unwrap();
    ws
}

#[test]
fn orders_lists_newest_first_with_attribution_base_and_the_review_count() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sales_workspace(dir.path());
    let ws = ws.to_str().unwrap();
    let text = ok(&["orders", ws]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ORDER") && lines[0].contains("COMMISSION"), "{text}");
    assert!(lines[1].starts_with("#1005") && lines[1].contains("Sanne Groen · Zomer"), "{text}");
    assert!(lines[2].contains("review queue: codes of two creators"), "{text}");
    assert!(lines[3].contains("unattributed: code expired") && lines[3].contains("70.00*"), "{text}");
    assert!(text.contains("* base worked out from the order's amounts"), "{text}");
    assert!(text.trim_end().ends_with("5 orders; 1 in the review queue"), "{text}");
    let unattributed = ok(&["orders", ws, "--unattributed"]);
    assert!(unattributed.contains("#1003") && !unattributed.contains("#1004"), "{unattributed}");
    let review = json(&["orders", ws, "--review", "--json"]);
    assert_eq!(review["total"], 1);
    assert_eq!(review["rows"][0]["number"], "#1004");
    assert_eq!(review["rows"][0]["reason"], "two_creators");
}

#[test]
fn orders_of_a_creator_are_named_by_handle_and_an_unclear_handle_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sales_workspace(dir.path());
    let ws = ws.to_str().unwrap();
    let sanne = json(&["orders", ws, "--creator", "@Sanne.Groen", "--json"]);
    let numbers: Vec<&str> = sanne["rows"].as_array().unwrap().iter().map(|r| r["number"].as_str().unwrap()).collect();
    assert_eq!(numbers, ["#1005", "#1001"]);
    assert_eq!(sanne["rows"][0]["commission"][0]["minor"], 200);
    let err = fails(&["orders", ws, "--creator", "sanne"]);
    assert!(err.contains("belongs to 2 creators on different platforms") && err.contains("platform:handle"), "{err}");
    let tiktok = json(&["orders", ws, "--creator", "tiktok:sanne", "--json"]);
    assert_eq!(tiktok["total"], 2);
    let err = fails(&["orders", ws, "--creator", "nobody"]);
    assert!(err.contains("No creator has the handle “nobody”"), "{err}");
}

#[test]
fn commissions_list_each_line_and_the_totals_by_status_as_of_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sales_workspace(dir.path());
    let ws = ws.to_str().unwrap();
    let text = ok(&["commissions", ws, "--as-of", "2026-06-10"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ORDER") && lines[0].contains("BASE") && lines[0].contains("RULE") && lines[0].contains("RATE") && lines[0].contains("STATUS"), "{text}");
    assert!(lines[1].starts_with("#1005") && lines[1].contains("Sanne Groen") && lines[1].contains("10% of the base (collaboration)") && lines[1].ends_with("pending"), "{text}");
    assert!(lines[2].starts_with("#1002") && lines[2].ends_with("rejected"), "{text}");
    assert!(lines[3].starts_with("#1001") && lines[3].contains("10.00") && lines[3].contains("EUR") && lines[3].ends_with("approved"), "{text}");
    assert!(text.contains("3 lines, statuses as of 2026-06-10"), "{text}");
    let totals: Vec<Vec<&str>> = text.lines().skip_while(|l| !l.starts_with("TOTAL")).skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(totals, [vec!["pending", "2.00", "EUR", "1"], vec!["approved", "10.00", "EUR", "1"], vec!["rejected", "5.00", "EUR", "1"]]);

    let approved = json(&["commissions", ws, "--status", "approved", "--as-of", "2026-06-30", "--json"]);
    assert_eq!(approved["total"], 2);
    assert_eq!(approved["rows"].as_array().unwrap().len(), 2);
    let sanne = json(&["commissions", ws, "--creator", "emma.eet", "--as-of", "2026-06-10", "--json"]);
    assert_eq!((sanne["total"].as_i64(), sanne["rows"][0]["rejected_reason"].as_str()), (Some(1), Some("Staff order")));
    let err = refused_argument(&["commissions", ws, "--status", "late"]);
    assert!(err.contains("“late” is not a status: use pending, approved, paid or rejected"), "{err}");
    let err = refused_argument(&["commissions", ws, "--as-of", "10-06-2026"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn an_empty_workspace_says_there_is_nothing_yet() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("leeg.chorus");
    ok(&["new", ws.to_str().unwrap(), "--brand", "Leeg"]);
    let ws = ws.to_str().unwrap();
    assert_eq!(ok(&["orders", ws]), "No orders match.\n0 orders; 0 in the review queue\n");
    assert_eq!(ok(&["commissions", ws, "--as-of", "2026-06-01"]), "No commission lines match.\n0 lines, statuses as of 2026-06-01\n");
}
