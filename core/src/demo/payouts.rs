//! The demo's payouts, so the Payouts screen is alive on a first run: the brand's bank and VAT
//! details, one VAT-registered creator, last month's run finalised and paid, and this month's
//! draft with someone payable, someone carried (under the minimum) and someone blocked (no
//! payout method), each through the same calls a person's clicks make.

use crate::payouts::adjustments::add_adjustment;
use crate::payouts::runs::{compute_run, finalise_run, mark_paid};
use crate::workspace::settings::PayoutSettings;
use crate::{Result, Workspace};
use chrono::{Datelike, NaiveDate};
use rusqlite::OptionalExtension;

pub(crate) struct PayoutsWritten {
    pub runs: u64,
}

pub(crate) fn write(ws: &mut Workspace, today: NaiveDate) -> Result<PayoutsWritten> {
    let payouts = PayoutSettings {
        min_payout_minor: 2_500,
        brand_account_holder: "Studio Zon B.V.".into(),
        brand_iban: "NL91ABNA0417164300".into(),
        brand_bic: "ABNANL2A".into(),
        brand_address: "Keizersgracht 221\n1016 DV Amsterdam".into(),
        brand_vat_number: "NL860012345B01".into(),
    };
    ws.write(|tx| {
        crate::workspace::settings::save_payout_settings(tx, &payouts, &crate::workspace::now_utc())?;
        // The creator of the largest fee that fell due invoices with VAT.
        tx.execute(
            "UPDATE creators SET vat_status = 'registered', vat_number = 'NL001234567B01', vat_rate_bp = 2100,
                 billing_address = 'Oudegracht 12' || char(10) || '3511 AP Utrecht'
             WHERE id = (SELECT c.creator_id FROM collaborations c
                         WHERE c.kind IN ('paid', 'hybrid') AND c.fee_minor > 0 AND c.status <> 'cancelled'
                           AND EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = c.id)
                           AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = c.id AND d.status NOT IN ('published', 'verified'))
                         ORDER BY c.fee_minor DESC, c.creator_id LIMIT 1)",
            [],
        )?;
        Ok(())
    })?;
    let first_of_month = today.with_day(1).expect("day 1 exists");
    let last_month_end = first_of_month.pred_opt().expect("a day before");
    let october = compute_run(ws, last_month_end, today)?.summary.id;
    finalise_run(ws, october, today)?;
    let paid_on = (last_month_end + chrono::Days::new(2)).min(today);
    mark_paid(ws, october, None, paid_on, "ABN-BATCH-0001")?;

    // This month: a bonus paid, a small one carried, one blocked for want of a payout method.
    let pick = |ws: &Workspace, sql: &str| -> Result<Option<i64>> { Ok(ws.conn().query_row(sql, [], |r| r.get(0)).optional()?) };
    let untouched = "AND id NOT IN (SELECT creator_id FROM commission_lines) AND id NOT IN (SELECT creator_id FROM fee_lines)";
    let payable = pick(ws, &format!("SELECT id FROM creators WHERE payout_method = 'paypal' AND paypal_email LIKE '%@%' {untouched} ORDER BY id LIMIT 1"))?;
    let carried = pick(ws, &format!("SELECT id FROM creators WHERE payout_method = 'paypal' AND paypal_email LIKE '%@%' {untouched} ORDER BY id LIMIT 1 OFFSET 1"))?;
    let blocked = pick(ws, &format!("SELECT id FROM creators WHERE payout_method = 'none' {untouched} ORDER BY id LIMIT 1"))?;
    for (creator, amount, reason) in [
        (payable, 4_000, "Bonus: the launch reel passed 50k views"),
        (carried, 850, "Travel costs for the shoot"),
        (blocked, 6_000, "Bonus: extra stories in launch week"),
    ] {
        if let Some(id) = creator {
            add_adjustment(ws, id, amount, reason, first_of_month)?;
        }
    }
    compute_run(ws, today, today)?;
    Ok(PayoutsWritten { runs: 2 })
}
