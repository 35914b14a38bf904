//! Test support for the tests of other domains that need a commission line paid: since schema
//! 6 a line is marked paid only by the item of a finalised payout run that took it, so this
//! writes that run (finalised and paid, one creator row per creator) with plain SQL, as
//! [`super::runs`] would.

use rusqlite::{params, Connection};

/// Marks `line_ids` paid by one finalised, paid run; returns each line's item id, in order.
pub(crate) fn pay_lines(conn: &Connection, line_ids: &[i64]) -> Vec<i64> {
    conn.execute(
        "INSERT INTO payout_runs (state, cutoff, currency, min_payout_minor, created_at, computed_at) VALUES ('draft', '2026-01-31', 'EUR', 0, 'now', 'now')",
        [],
    )
    .unwrap();
    let run = conn.last_insert_rowid();
    let placeholders = vec!["?"; line_ids.len()].join(", ");
    let in_lines = format!("id IN ({placeholders})");
    conn.execute(
        &format!(
            "INSERT INTO payout_creators (run_id, creator_id, name, outcome, commissions_minor, fees_minor, adjustments_minor, carried_in_minor, payable_minor, carried_out_minor, items)
             SELECT {run}, l.creator_id, c.display_name, 'payable', sum(l.amount_minor), 0, 0, 0, sum(l.amount_minor), 0, count(*)
             FROM commission_lines l JOIN creators c ON c.id = l.creator_id WHERE l.{in_lines} GROUP BY l.creator_id"
        ),
        rusqlite::params_from_iter(line_ids),
    )
    .unwrap();
    let mut items = Vec::with_capacity(line_ids.len());
    for &line in line_ids {
        conn.execute(
            "INSERT INTO payout_items (run_id, creator_id, commission_line_id, amount_minor, vat_minor, carried)
             SELECT ?1, creator_id, id, amount_minor, 0, 0 FROM commission_lines WHERE id = ?2",
            params![run, line],
        )
        .unwrap();
        items.push(conn.last_insert_rowid());
    }
    conn.execute("UPDATE payout_runs SET state = 'finalised', finalised_at = 'now' WHERE id = ?1", [run]).unwrap();
    conn.execute("UPDATE payout_creators SET paid_on = '2026-02-01', paid_reference = 'TEST', paid_at = 'now' WHERE run_id = ?1", [run]).unwrap();
    for (&line, &item) in line_ids.iter().zip(&items) {
        conn.execute("UPDATE commission_lines SET payout_line_id = ?1 WHERE id = ?2", [item, line]).unwrap();
    }
    items
}
