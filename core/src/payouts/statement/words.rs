//! The statement's words in English and Dutch (Dutch addresses the creator as "je" and calls
//! them "creator"), and amounts, rates and dates as each language writes them. Amounts are
//! placed as text from [`format_plain`]'s digits: `€1,234.56` and `−€12.00` in English,
//! `€ 1.234,56` and `€ −12,00` in Dutch (as the window's `fmt.money` shows them); a currency
//! whose symbol is letters, or has none, is written with its code: `CHF 1,234.56`.

use crate::money::{format_plain, Currency};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The language a statement is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StatementLanguage {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "nl")]
    Dutch,
}

impl StatementLanguage {
    pub fn code(self) -> &'static str {
        match self {
            StatementLanguage::English => "en",
            StatementLanguage::Dutch => "nl",
        }
    }
}

pub(crate) struct Words {
    pub statement_title: &'static str,
    pub invoice_title: &'static str,
    pub statements_title: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    pub period: &'static str,
    pub up_to: &'static str,
    pub creator: &'static str,
    pub vat_number: &'static str,
    pub iban: &'static str,
    pub email: &'static str,
    pub commissions: &'static str,
    pub fees: &'static str,
    pub adjustments: &'static str,
    pub col_date: &'static str,
    pub col_order: &'static str,
    pub col_description: &'static str,
    pub col_base: &'static str,
    pub col_commission: &'static str,
    pub col_collaboration: &'static str,
    pub col_reason: &'static str,
    pub col_amount: &'static str,
    pub col_net: &'static str,
    pub col_vat: &'static str,
    pub col_gross: &'static str,
    pub carried_mark: &'static str,
    pub carried_in_note: &'static str,
    pub vat_on: &'static str,
    pub draft_title: &'static str,
    pub status: &'static str,
    pub draft_status: &'static str,
    pub draft_note: &'static str,
    pub draft_mark: &'static str,
    pub we_would_pay: &'static str,
    pub method_paypal: &'static str,
    pub method_bank: &'static str,
    pub below_minimum: &'static str,
    pub below_zero: &'static str,
    pub blocked_reasons: &'static [(&'static str, &'static str)],
    pub line_reasons: &'static [(&'static str, &'static str)],
    pub clawback: &'static str,
    pub rule_percent: &'static str,
    pub rule_flat: &'static str,
    pub rule_tiers: &'static str,
    pub rule_per_product: &'static str,
    pub rule_first_order: &'static str,
    pub fee_changed: &'static str,
    pub payable_net: &'static str,
    pub vat_at: &'static str,
    pub vat_reverse: &'static str,
    pub to_pay_gross: &'static str,
    pub to_pay: &'static str,
    pub carried_out: &'static str,
    pub on_hold: &'static str,
    pub we_pay: &'static str,
    pub paid: &'static str,
    pub paid_on: &'static str,
    pub reference: &'static str,
    pub nothing_paid: &'static str,
    pub blocked: &'static str,
    pub reason: &'static str,
    pub balance_carried: &'static str,
    pub once_resolved: &'static str,
    pub self_billing: &'static str,
    pub reverse_charge: &'static str,
    pub page: &'static str,
    pub of: &'static str,
    pub months: [&'static str; 12],
    pub short_months: Option<[&'static str; 12]>,
}

pub(crate) fn words(language: StatementLanguage) -> &'static Words {
    match language {
        StatementLanguage::English => &ENGLISH,
        StatementLanguage::Dutch => &DUTCH,
    }
}

static ENGLISH: Words = Words {
    statement_title: "Payout statement",
    invoice_title: "Self-billing invoice",
    statements_title: "Payout statements",
    number: "Number",
    date: "Date",
    period: "Period",
    up_to: "up to",
    creator: "Creator",
    vat_number: "VAT number",
    iban: "IBAN",
    email: "Email",
    commissions: "Commissions",
    fees: "Fees",
    adjustments: "Adjustments",
    col_date: "Date",
    col_order: "Order",
    col_description: "Description",
    col_base: "Base",
    col_commission: "Commission",
    col_collaboration: "Collaboration",
    col_reason: "Reason",
    col_amount: "Amount",
    col_net: "Net",
    col_vat: "VAT",
    col_gross: "Gross",
    carried_mark: "(carried in)",
    carried_in_note: "This includes {amount} carried in from earlier payouts, marked {mark}.",
    vat_on: "on fees and adjustments",
    draft_title: "Draft payout statement",
    status: "Status",
    draft_status: "Draft, not an invoice",
    draft_note: "This is a draft: the payout run is not finalised yet, so the amounts can still change. It is not an invoice.",
    draft_mark: "DRAFT",
    we_would_pay: "Once the run is finalised, we pay you",
    method_paypal: "PayPal",
    method_bank: "Bank transfer",
    below_minimum: "your balance is below the minimum payout of {amount}",
    below_zero: "clawbacks and deductions outweigh what you earned",
    blocked_reasons: &[
        ("payout_method_missing", "we have no payout method for you"),
        ("paypal_email_missing", "we have no PayPal email address for you"),
        ("invalid_email", "your PayPal email address is not a valid address"),
        ("iban_missing", "we have no IBAN for you"),
        ("invalid_iban", "your IBAN is not valid"),
        ("account_holder_missing", "we have no account holder name for your bank account"),
        ("", "your payout details are incomplete"),
    ],
    line_reasons: &[
        ("refund", "Refund"),
        ("cancelled", "Order cancelled"),
        ("attribution_changed", "Attribution changed"),
        ("rejected", "Commission rejected"),
        ("order_changed", "Order changed"),
        ("rate_changed", "Exchange rate changed"),
        ("tier_changed", "The month's tier changed"),
        ("first_order_changed", "First order of the customer changed"),
        ("rule_changed", "Commission rule changed"),
        ("recalculated", "Recalculated"),
        ("", "Correction"),
    ],
    clawback: "Clawback",
    rule_percent: "{rate} of the base",
    rule_flat: "{amount} per order",
    rule_tiers: "tiered rate by the month's sales",
    rule_per_product: "rates per product",
    rule_first_order: "first order only",
    fee_changed: "fee changed",
    payable_net: "Payable (net)",
    vat_at: "VAT",
    vat_reverse: "VAT (reverse-charged)",
    to_pay_gross: "To pay (gross)",
    to_pay: "To pay",
    carried_out: "Carried to your next payout",
    on_hold: "On hold",
    we_pay: "We pay you",
    paid: "Paid",
    paid_on: "Paid on",
    reference: "Reference",
    nothing_paid: "Nothing is paid out this time.",
    blocked: "Your payout is on hold.",
    reason: "Reason",
    balance_carried: "The balance of {amount} is carried to your next payout",
    once_resolved: "once this is resolved",
    self_billing: "Self-billing: this invoice is issued by the customer, {brand}, on behalf of the supplier, {creator}.",
    reverse_charge: "VAT reverse-charged: the customer accounts for the VAT (Article 196, Council Directive 2006/112/EC).",
    page: "Page",
    of: "of",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    short_months: Some(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
};

static DUTCH: Words = Words {
    statement_title: "Uitbetalingsoverzicht",
    invoice_title: "Factuur (self-billing)",
    statements_title: "Uitbetalingsoverzichten",
    number: "Nummer",
    date: "Datum",
    period: "Periode",
    up_to: "tot en met",
    creator: "Creator",
    vat_number: "Btw-nummer",
    iban: "IBAN",
    email: "E-mail",
    commissions: "Commissies",
    fees: "Vergoedingen",
    adjustments: "Correcties",
    col_date: "Datum",
    col_order: "Bestelling",
    col_description: "Omschrijving",
    col_base: "Grondslag",
    col_commission: "Commissie",
    col_collaboration: "Samenwerking",
    col_reason: "Reden",
    col_amount: "Bedrag",
    col_net: "Netto",
    col_vat: "Btw",
    col_gross: "Bruto",
    carried_mark: "(overgedragen)",
    carried_in_note: "Hierin zit {amount} uit eerdere uitbetalingen, gemarkeerd met {mark}.",
    vat_on: "over vergoedingen en correcties",
    draft_title: "Concept-uitbetalingsoverzicht",
    status: "Status",
    draft_status: "Concept, geen factuur",
    draft_note: "Dit is een concept: de uitbetaling is nog niet afgesloten, dus de bedragen kunnen nog veranderen. Het is geen factuur.",
    draft_mark: "CONCEPT",
    we_would_pay: "Zodra de uitbetaling is afgesloten, betalen we je",
    method_paypal: "PayPal",
    method_bank: "Bankoverschrijving",
    below_minimum: "je saldo ligt onder het minimumbedrag voor uitbetaling van {amount}",
    below_zero: "de terugboekingen en inhoudingen zijn hoger dan wat je verdiende",
    blocked_reasons: &[
        ("payout_method_missing", "we hebben geen uitbetaalmethode van je"),
        ("paypal_email_missing", "we hebben geen PayPal-e-mailadres van je"),
        ("invalid_email", "je PayPal-e-mailadres is geen geldig adres"),
        ("iban_missing", "we hebben geen IBAN van je"),
        ("invalid_iban", "je IBAN klopt niet"),
        ("account_holder_missing", "we hebben geen naam van de rekeninghouder van je bankrekening"),
        ("", "je uitbetaalgegevens zijn niet compleet"),
    ],
    line_reasons: &[
        ("refund", "Terugbetaling"),
        ("cancelled", "Bestelling geannuleerd"),
        ("attribution_changed", "Toeschrijving gewijzigd"),
        ("rejected", "Commissie afgewezen"),
        ("order_changed", "Bestelling gewijzigd"),
        ("rate_changed", "Wisselkoers gewijzigd"),
        ("tier_changed", "Staffel van de maand gewijzigd"),
        ("first_order_changed", "Eerste bestelling van de klant gewijzigd"),
        ("rule_changed", "Commissieregel gewijzigd"),
        ("recalculated", "Opnieuw berekend"),
        ("", "Correctie"),
    ],
    clawback: "Terugboeking",
    rule_percent: "{rate} van de grondslag",
    rule_flat: "{amount} per bestelling",
    rule_tiers: "staffel op de omzet van de maand",
    rule_per_product: "tarieven per product",
    rule_first_order: "alleen de eerste bestelling",
    fee_changed: "vergoeding gewijzigd",
    payable_net: "Te betalen (netto)",
    vat_at: "Btw",
    vat_reverse: "Btw verlegd",
    to_pay_gross: "Te betalen (bruto)",
    to_pay: "Te betalen",
    carried_out: "Naar je volgende uitbetaling",
    on_hold: "Staat stil",
    we_pay: "We betalen je",
    paid: "Betaald",
    paid_on: "Betaald op",
    reference: "Kenmerk",
    nothing_paid: "Deze keer betalen we niets uit.",
    blocked: "Je uitbetaling staat stil.",
    reason: "Reden",
    balance_carried: "Het saldo van {amount} gaat mee naar je volgende uitbetaling",
    once_resolved: "zodra dit is opgelost",
    self_billing: "Factuur uitgereikt door afnemer: {brand} stelt deze factuur op namens de leverancier, {creator}.",
    reverse_charge: "Btw verlegd: de afnemer draagt de btw af (artikel 196, Btw-richtlijn 2006/112/EG).",
    page: "Pagina",
    of: "van",
    months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    short_months: None,
};

/// `minor` in `currency` as the language writes money (see the module's contract).
pub fn amount(minor: i64, currency: Currency, language: StatementLanguage) -> String {
    let plain = format_plain(minor, currency);
    let digits = plain.trim_start_matches('-');
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let (group, decimal) = match language {
        StatementLanguage::English => (',', '.'),
        StatementLanguage::Dutch => ('.', ','),
    };
    let mut number = grouped(whole, group);
    if !fraction.is_empty() {
        number.push(decimal);
        number.push_str(fraction);
    }
    let minus = if minor < 0 { "\u{2212}" } else { "" };
    let symbol = currency.symbol();
    let written_as_code = symbol.is_empty() || symbol.chars().any(char::is_alphabetic);
    match (written_as_code, language) {
        (true, _) => format!("{} {minus}{number}", currency.code()),
        (false, StatementLanguage::English) => format!("{minus}{symbol}{number}"),
        (false, StatementLanguage::Dutch) => format!("{symbol} {minus}{number}"),
    }
}

fn grouped(whole: &str, group: char) -> String {
    let mut out = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// A VAT rate in basis points as a percentage: 2100 → `21%`, 950 → `9.5%` (`9,5%`).
pub fn percent(rate_bp: u32, language: StatementLanguage) -> String {
    let (whole, hundredths) = (rate_bp / 100, rate_bp % 100);
    let decimal = if language == StatementLanguage::Dutch { ',' } else { '.' };
    match hundredths {
        0 => format!("{whole}%"),
        h if h % 10 == 0 => format!("{whole}{decimal}{}%", h / 10),
        h => format!("{whole}{decimal}{h:02}%"),
    }
}

/// `30 November 2026`, `30 november 2026`.
pub fn long_date(day: NaiveDate, language: StatementLanguage) -> String {
    format!("{} {} {}", day.day(), words(language).months[day.month0() as usize], day.year())
}

/// A table's date: `30 Nov 2026`, `30-11-2026`.
pub fn short_date(day: NaiveDate, language: StatementLanguage) -> String {
    match words(language).short_months {
        Some(months) => format!("{} {} {}", day.day(), months[day.month0() as usize], day.year()),
        None => format!("{:02}-{:02}-{}", day.day(), day.month(), day.year()),
    }
}

/// `sentence` with each placeholder put in once, in one pass: a name that itself holds
/// `{creator}` stays as it was written.
pub(crate) fn fill(sentence: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(sentence.len() + 64);
    let mut rest = sentence;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match values.iter().find(|(key, _)| rest.starts_with(key)) {
            Some((key, value)) => {
                out.push_str(value);
                rest = &rest[key.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The word for `code` in a list ending with its fallback (code `""`).
fn looked_up(list: &[(&str, &'static str)], code: &str) -> &'static str {
    list.iter().find(|(c, _)| *c == code).or(list.last()).map(|(_, w)| *w).unwrap_or_default()
}

/// How a commission line was made, in the statement's language: the rule for an order's own
/// line (`10% of the base`), else why it was booked (`Refund`, `Clawback: Refund`); a manual
/// line with the person's words after it. `rule` is the stored machine text.
pub(crate) fn line_description(kind: &str, reason: &str, rule: &str, note: &str, currency: Currency, language: StatementLanguage) -> String {
    use crate::commissions::rules::{RateRule, Rule};
    let w = words(language);
    let mut text = if reason == "order" {
        match Rule::from_machine_text(rule) {
            Ok(rule) => {
                let mut text = match rule.rate() {
                    RateRule::Percent { basis_points } => fill(w.rule_percent, &[("{rate}", &percent(*basis_points, language))]),
                    RateRule::Flat { amount: a } => fill(w.rule_flat, &[("{amount}", &amount(a.minor, currency, language))]),
                    RateRule::Tiers { .. } => w.rule_tiers.to_string(),
                };
                if !rule.sku_rates().is_empty() {
                    text = format!("{text}; {}", w.rule_per_product);
                }
                if rule.first_order_only() {
                    text = format!("{text}; {}", w.rule_first_order);
                }
                upper_first(&text)
            }
            Err(_) => w.col_commission.to_string(),
        }
    } else {
        looked_up(w.line_reasons, reason).to_string()
    };
    if kind == "clawback" {
        text = format!("{}: {text}", w.clawback);
    }
    match note.trim() {
        "" => text,
        note => format!("{text}: {note}"),
    }
}

/// Why a creator's balance is carried (`below_minimum`, `below_zero`), as a clause.
pub(crate) fn carried_reason(code: &str, min_payout_minor: i64, currency: Currency, language: StatementLanguage) -> String {
    let w = words(language);
    match code {
        "below_zero" => w.below_zero.to_string(),
        _ => fill(w.below_minimum, &[("{amount}", &amount(min_payout_minor, currency, language))]),
    }
}

/// What a blocked creator's payout details lack, as a clause.
pub(crate) fn blocked_reason(code: &str, language: StatementLanguage) -> &'static str {
    looked_up(words(language).blocked_reasons, code)
}

/// `text` with its first letter in upper case.
pub(crate) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
