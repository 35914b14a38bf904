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

pub(super) struct Words {
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
    pub carried_in: &'static str,
    pub payable_net: &'static str,
    pub vat_at: &'static str,
    pub vat_reverse: &'static str,
    pub to_pay_gross: &'static str,
    pub to_pay: &'static str,
    pub carried_out: &'static str,
    pub on_hold: &'static str,
    pub we_pay: &'static str,
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

pub(super) fn words(language: StatementLanguage) -> &'static Words {
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
    carried_in: "Carried in from earlier runs",
    payable_net: "Payable (net)",
    vat_at: "VAT",
    vat_reverse: "VAT (reverse-charged)",
    to_pay_gross: "To pay (gross)",
    to_pay: "To pay",
    carried_out: "Carried to your next payout",
    on_hold: "On hold",
    we_pay: "We pay you",
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
    carried_in: "Overgedragen uit eerdere uitbetalingen",
    payable_net: "Te betalen (netto)",
    vat_at: "Btw",
    vat_reverse: "Btw verlegd",
    to_pay_gross: "Te betalen (bruto)",
    to_pay: "Te betalen",
    carried_out: "Naar je volgende uitbetaling",
    on_hold: "Staat stil",
    we_pay: "We betalen je",
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
