//! `chorus orders import` and `chorus attribute` as a script uses them: real processes on
//! temporary files. A refused file or decision exits non-zero with one clear line on stderr
//! and leaves the workspace as it was.

use std::path::{Path, PathBuf};
mod support;
use support::{ok, fails, s};


const HEADER: &str = "Name,Email,Financial Status,Currency,Subtotal,Refunded Amount,Cancelled at,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku";

fn export(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    path
}

/// A workspace where Sanne holds SANNE10 and Lotte LOTTE15 in the summer campaign (written as
/// the affiliate import writes them).
fn workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("groen.chorus");
    ok(&["new", s(&ws), "--brand", "Groen", "--currency", "EUR", "--locale", "nl-NL"]);
    let w = chorus_core::Workspace::open(&ws).unwrap();
    w.conn()
        .execute_batch(
            "INSERT INTO creators (id, display_name, sort_name, created_at, updated_at) VALUES (1, 'Sanne', 'sanne', 't', 't'), (2, 'Lotte', 'lotte', 't', 't');
             INSERT INTO handles (creator_id, platform, handle, handle_key) VALUES (1, 'instagram', 'sanne', 'sanne'), (2, 'tiktok', 'lotte', 'lotte');
             INSERT INTO campaigns (id, name, goal, utm_slug, created_at, updated_at) VALUES (1, 'Zomer', 'sales', 'zomer', 't', 't');
             INSERT INTO collaborations (campaign_id, creator_id, kind, status, discount_code, discount_code_key, last_activity_on, created_at, updated_at)
             VALUES (1, 1, 'affiliate', 'active', 'SANNE10', 'SANNE10', 'd', 't', 't'), (1, 2, 'affiliate', 'active', 'LOTTE15', 'LOTTE15', 'd', 't', 't');",
        )
        .unwrap();
    ws
}

const ORDERS: &[&str] = &[
    "#1001,a@example.com,paid,EUR,50.00,0.00,,,2025-05-11 12:00:00 +0200,1,Serum,50.00,SER",
    "#1002,b@example.com,paid,EUR,20.00,0.00,,\"SANNE10, LOTTE15\",2025-05-12 12:00:00 +0200,1,Lipbalm,20.00,LIP",
];

fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn importing_an_export_twice_reports_nothing_new_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let file = export(dir.path(), "orders_export.csv", ORDERS);
    let first = ok(&["orders", "import", s(&ws), s(&file)]);
    assert!(first.contains("Imported 2 new, 0 changed, 0 unchanged."), "{first}");
    assert!(first.contains("1 to review"), "{first}");
    let again = ok(&["orders", "import", s(&ws), s(&file)]);
    assert!(again.contains("Imported 0 new, 0 changed, 2 unchanged."), "{again}");
}

#[test]
fn a_preview_says_what_would_move_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    ok(&["orders", "import", s(&ws), s(&export(dir.path(), "may.csv", ORDERS))]);
    let later = export(dir.path(), "june.csv", &["#1001,a@example.com,partially_refunded,EUR,50.00,10.00,,,2025-05-11 12:00:00 +0200,1,Serum,50.00,SER", ORDERS[1]]);
    let before = file_bytes(&ws);
    let json: serde_json::Value = serde_json::from_str(&ok(&["orders", "import", s(&ws), s(&later), "--preview", "--json"])).unwrap();
    assert_eq!((json["changed"].as_u64(), json["moves"]["refunds"].as_u64(), json["unchanged"].as_u64()), (Some(1), Some(1), Some(1)));
    assert_eq!(file_bytes(&ws), before, "a preview writes nothing");
    let text = ok(&["orders", "import", s(&ws), s(&later)]);
    assert!(text.contains("1 changed") && text.contains("1 refunds"), "{text}");
}

#[test]
fn a_file_with_problems_is_refused_with_its_rows_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let bad = export(dir.path(), "bad.csv", &[ORDERS[0], "#1002,b@example.com,paid,EUR,twenty,0.00,,,2025-05-12 12:00:00 +0200,1,Lipbalm,20.00,LIP"]);
    let err = fails(&["orders", "import", s(&ws), s(&bad)]);
    assert!(err.contains("Nothing was imported") && err.contains("Row 3, column ‘Subtotal’"), "{err}");
    let again = ok(&["orders", "import", s(&ws), s(&export(dir.path(), "good.csv", ORDERS)), "--preview"]);
    assert!(again.contains("Would import 2 new"), "nothing was imported: {again}");
}

#[test]
fn a_mapped_csv_reads_with_map_either_way_round() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let path = dir.path().join("bestellingen.csv");
    std::fs::write(&path, "Bestelnummer;Datum;Subtotaal;Codes\nNL-1;11-05-2025 09:55;12,50;SANNE10\n").unwrap();
    let out = ok(&["orders", "import", s(&ws), s(&path), "--preview", "--map", "Bestelnummer=order_number", "--map", "created_at=Datum", "--map", "Subtotaal=subtotal", "--map", "Codes=codes"]);
    assert!(out.contains("Would import 1 new") && out.contains("1 attributed"), "{out}");
    let err = fails(&["orders", "import", s(&ws), s(&path), "--map", "Bestelnummer"]);
    assert!(err.contains("HEADER=FIELD"), "{err}");
}

#[test]
fn a_review_order_is_left_to_nobody_with_a_reason_and_the_reason_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    ok(&["orders", "import", s(&ws), s(&export(dir.path(), "orders.csv", ORDERS))]);
    let err = fails(&["attribute", s(&ws), "1002", "none", "--reason", " "]);
    assert!(err.contains("Say why"), "{err}");
    let out = ok(&["attribute", s(&ws), "1002", "none", "--reason", "Staff order"]);
    assert_eq!(out.trim(), "Order #1002 left unattributed.");
    let err = fails(&["attribute", s(&ws), "#9999", "none", "--reason", "x"]);
    assert!(err.contains("There is no order #9999"), "{err}");
}

#[test]
fn a_creator_whose_code_the_order_lacks_is_refused_unless_said_and_an_unknown_handle_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    ok(&["orders", "import", s(&ws), s(&export(dir.path(), "orders.csv", ORDERS))]);
    let err = fails(&["attribute", s(&ws), "#1001", "@sanne", "--reason", "Her follower"]);
    assert!(err.contains("carries no discount code of Sanne in Zomer"), "{err}");
    let err = fails(&["attribute", s(&ws), "#1001", "@nobody", "--reason", "x"]);
    assert!(err.contains("No creator on the roster has the handle @nobody"), "{err}");
}

#[test]
fn a_review_order_is_given_to_one_creator_by_handle() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    ok(&["orders", "import", s(&ws), s(&export(dir.path(), "orders.csv", ORDERS))]);
    let out = ok(&["attribute", s(&ws), "#1002", "tiktok:lotte", "--reason", "Lotte's post brought her"]);
    assert_eq!(out.trim(), "Order #1002 attributed to tiktok:lotte.");
}
