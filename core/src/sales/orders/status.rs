//! An order's payment status in one vocabulary, read from any shop's words: Shopify's
//! `Financial Status` (`paid`, `partially_refunded`, …), WooCommerce's slugs (`wc-completed`,
//! `on-hold`) and labels (`Completed`, `Pending payment`), and a Dutch spreadsheet's words
//! (`betaald`, `terugbetaald`). A word it does not know is kept as written ([`FinancialStatus::Other`]).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FinancialStatus {
    /// Paid in full (Shopify `paid`; WooCommerce `completed` and `processing`).
    Paid,
    /// Waiting for the payment (Shopify `pending`; WooCommerce `pending`, `on-hold`).
    Pending,
    /// Authorized, not yet captured.
    Authorized,
    PartiallyPaid,
    PartiallyRefunded,
    Refunded,
    /// The payment was voided (Shopify `voided`).
    Voided,
    /// The order was cancelled (WooCommerce `cancelled`; Shopify says so in `Cancelled at`).
    Cancelled,
    /// The payment failed (WooCommerce `failed`).
    Failed,
    /// The authorization expired (Shopify `expired`).
    Expired,
    /// The file has no status for this order.
    Unstated,
    /// A word Chorus does not know, as written.
    Other(String),
}

impl FinancialStatus {
    /// Reads a status cell (already trimmed); an empty cell is [`FinancialStatus::Unstated`].
    pub fn read(text: &str) -> FinancialStatus {
        let t = text.trim();
        if t.is_empty() {
            return FinancialStatus::Unstated;
        }
        // Shopify's own words, as it writes them, without building a lower-case copy.
        match t {
            "paid" => return FinancialStatus::Paid,
            "pending" => return FinancialStatus::Pending,
            "refunded" => return FinancialStatus::Refunded,
            "partially_refunded" => return FinancialStatus::PartiallyRefunded,
            "voided" => return FinancialStatus::Voided,
            "authorized" => return FinancialStatus::Authorized,
            _ => {}
        }
        let lower = t.to_lowercase();
        let word = lower.strip_prefix("wc-").unwrap_or(&lower).replace([' ', '-'], "_");
        match word.as_str() {
            "paid" | "completed" | "complete" | "processing" | "betaald" | "voltooid" | "afgerond" | "in_behandeling" => FinancialStatus::Paid,
            "pending" | "pending_payment" | "on_hold" | "onhold" | "in_afwachting" | "in_afwachting_van_betaling" | "wachtend" | "openstaand" => FinancialStatus::Pending,
            "authorized" | "authorised" | "geautoriseerd" => FinancialStatus::Authorized,
            "partially_paid" | "deels_betaald" | "gedeeltelijk_betaald" => FinancialStatus::PartiallyPaid,
            "partially_refunded" | "partial_refund" | "deels_terugbetaald" | "gedeeltelijk_terugbetaald" => FinancialStatus::PartiallyRefunded,
            "refunded" | "terugbetaald" => FinancialStatus::Refunded,
            "voided" | "void" | "vervallen" => FinancialStatus::Voided,
            "cancelled" | "canceled" | "geannuleerd" => FinancialStatus::Cancelled,
            "failed" | "mislukt" => FinancialStatus::Failed,
            "expired" | "verlopen" => FinancialStatus::Expired,
            _ => FinancialStatus::Other(t.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shops_words_read_as_one_vocabulary() {
        use FinancialStatus::*;
        let cases = [
            ("paid", Paid),
            ("partially_refunded", PartiallyRefunded),
            ("refunded", Refunded),
            ("voided", Voided),
            ("authorized", Authorized),
            ("pending", Pending),
            ("expired", Expired),
            ("partially_paid", PartiallyPaid),
            ("wc-completed", Paid),
            ("processing", Paid),
            ("on-hold", Pending),
            ("Pending payment", Pending),
            ("Completed", Paid),
            ("Refunded", Refunded),
            ("cancelled", Cancelled),
            ("Failed", Failed),
            ("  PAID ", Paid),
            ("Terugbetaald", Refunded),
            ("", Unstated),
        ];
        for (text, expected) in cases {
            assert_eq!(FinancialStatus::read(text), expected, "{text}");
        }
        assert_eq!(FinancialStatus::read(" Checkout-draft "), Other("Checkout-draft".into()), "kept as written, trimmed");
    }
}
