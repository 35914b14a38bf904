//! The SEPA credit transfer file (ISO 20022 `pain.001.001.03`): one batch of euro transfers
//! from the brand's account, one transaction per creator, as European business banks accept it
//! (the European Payments Council's rulebook narrows the ISO schema; the tests validate every
//! file against `../shared/specs/pain.001.001.03.xsd`).
//!
//! Contract:
//! - Pure: a [`SepaBatch`] in, the XML text out, or every problem at once
//!   ([`Error::Validation`], each at its field: `debtor.iban`, `transfers.3.iban`, … with the
//!   creator's name in the sentence). Nothing is guessed or silently dropped: a transfer
//!   without a valid IBAN, a zero or negative amount, an identification that is too long or
//!   uses characters a bank refuses is a problem, not a skipped line.
//! - EUR only, amounts in cents (`12.34`); the control sums are the exact integer sums.
//! - Text goes out in the Latin characters the rulebook allows (`a-z A-Z 0-9 / - ? : ( ) . , ' +`
//!   and space): other letters are transliterated (`Zoë Çelik` → `Zoe Celik`), anything else
//!   becomes a space; names are cut at 70 characters and the remittance text at 140, as the
//!   rulebook's fields hold.
//! - Identifications (the message, the payment block, each end-to-end ID) are the caller's,
//!   1–35 characters of that set, never starting with `/` nor holding `//`: the end-to-end ID is
//!   what ties a transfer on the bank statement back to its run line.
//! - Without a BIC (optional for IBANs inside the SEPA zone) the debtor's bank is written as
//!   `NOTPROVIDED`, as the rulebook asks, and the creditor's is left out.

use crate::error::{Error, FieldError, Result};
use chrono::{NaiveDate, NaiveDateTime};
use std::fmt::Write as _;

/// The account the money leaves: the brand's (workspace settings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debtor {
    pub name: String,
    pub iban: String,
    pub bic: Option<String>,
}

/// One transfer to one creator, in euro cents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    pub name: String,
    pub iban: String,
    pub bic: Option<String>,
    pub amount_cents: i64,
    pub end_to_end_id: String,
    /// What the creator reads on their statement (`Chorus payout November 2026`).
    pub remittance: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SepaBatch {
    pub message_id: String,
    pub payment_id: String,
    pub created_at: NaiveDateTime,
    /// The day the bank is asked to pay.
    pub execution_date: NaiveDate,
    pub debtor: Debtor,
    pub transfers: Vec<Transfer>,
}

const NAME_MAX: usize = 70;
const REMITTANCE_MAX: usize = 140;
const ID_MAX: usize = 35;

/// The XML of `batch`, or every problem with it.
pub fn write_sepa(batch: &SepaBatch) -> Result<String> {
    let mut problems = Vec::new();
    check_id("message_id", &batch.message_id, "The file's identification", &mut problems);
    check_id("payment_id", &batch.payment_id, "The batch's identification", &mut problems);
    let debtor_name = latin(&batch.debtor.name, NAME_MAX);
    if debtor_name.is_empty() {
        problems.push(FieldError::new("debtor.name", "sepa_debtor_name_missing", "The brand's account holder is missing: set it in Settings, as the bank knows the account."));
    }
    let debtor_iban = check_iban("debtor.iban", &batch.debtor.iban, "The brand's IBAN", &mut problems);
    let debtor_bic = check_bic("debtor.bic", batch.debtor.bic.as_deref(), "The brand's BIC", &mut problems);
    if batch.transfers.is_empty() {
        problems.push(FieldError::new("transfers", "sepa_no_transfers", "There is nobody to pay by bank transfer in this run."));
    }
    let mut total: i64 = 0;
    let mut ids = std::collections::HashSet::new();
    let mut lines = Vec::with_capacity(batch.transfers.len());
    for (at, t) in batch.transfers.iter().enumerate() {
        let field = |f: &str| format!("transfers.{at}.{f}");
        let who = t.name.trim();
        let name = latin(&t.name, NAME_MAX);
        if name.is_empty() {
            problems.push(FieldError::new(field("name"), "sepa_creditor_name_missing", format!("Transfer {} has no account holder's name.", at + 1)));
        }
        let iban = check_iban(&field("iban"), &t.iban, &format!("{who}'s IBAN"), &mut problems);
        let bic = check_bic(&field("bic"), t.bic.as_deref(), &format!("{who}'s BIC"), &mut problems);
        if t.amount_cents <= 0 {
            problems.push(
                FieldError::new(field("amount"), "sepa_amount_not_positive", format!("{who} would be paid {}: a bank transfer needs an amount above zero.", euros(t.amount_cents)))
                    .with_value(euros(t.amount_cents)),
            );
        }
        check_id(&field("end_to_end_id"), &t.end_to_end_id, &format!("The reference of {who}'s transfer"), &mut problems);
        if !ids.insert(t.end_to_end_id.as_str()) {
            problems.push(FieldError::new(field("end_to_end_id"), "sepa_duplicate_reference", format!("The reference {} is used twice in this file.", t.end_to_end_id)).with_value(&t.end_to_end_id));
        }
        match total.checked_add(t.amount_cents.max(0)) {
            Some(sum) => total = sum,
            None => problems.push(FieldError::new(field("amount"), "sepa_total_too_large", "The file's total is too large for a bank file.")),
        }
        lines.push((name, iban, bic, latin(&t.remittance, REMITTANCE_MAX)));
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }

    let count = batch.transfers.len();
    let sum = euros(total);
    let mut x = String::with_capacity(1_000 + 700 * count);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
    x.push_str("  <CstmrCdtTrfInitn>\n    <GrpHdr>\n");
    element(&mut x, 6, "MsgId", &batch.message_id);
    element(&mut x, 6, "CreDtTm", &batch.created_at.format("%Y-%m-%dT%H:%M:%S").to_string());
    element(&mut x, 6, "NbOfTxs", &count.to_string());
    element(&mut x, 6, "CtrlSum", &sum);
    x.push_str("      <InitgPty>\n");
    element(&mut x, 8, "Nm", &debtor_name);
    x.push_str("      </InitgPty>\n    </GrpHdr>\n    <PmtInf>\n");
    element(&mut x, 6, "PmtInfId", &batch.payment_id);
    element(&mut x, 6, "PmtMtd", "TRF");
    element(&mut x, 6, "BtchBookg", "true");
    element(&mut x, 6, "NbOfTxs", &count.to_string());
    element(&mut x, 6, "CtrlSum", &sum);
    x.push_str("      <PmtTpInf>\n        <SvcLvl>\n");
    element(&mut x, 10, "Cd", "SEPA");
    x.push_str("        </SvcLvl>\n      </PmtTpInf>\n");
    element(&mut x, 6, "ReqdExctnDt", &batch.execution_date.format("%Y-%m-%d").to_string());
    x.push_str("      <Dbtr>\n");
    element(&mut x, 8, "Nm", &debtor_name);
    x.push_str("      </Dbtr>\n      <DbtrAcct>\n        <Id>\n");
    element(&mut x, 10, "IBAN", &debtor_iban);
    x.push_str("        </Id>\n      </DbtrAcct>\n      <DbtrAgt>\n        <FinInstnId>\n");
    match &debtor_bic {
        Some(bic) => element(&mut x, 10, "BIC", bic),
        None => {
            x.push_str("          <Othr>\n");
            element(&mut x, 12, "Id", "NOTPROVIDED");
            x.push_str("          </Othr>\n");
        }
    }
    x.push_str("        </FinInstnId>\n      </DbtrAgt>\n");
    element(&mut x, 6, "ChrgBr", "SLEV");
    for (t, (name, iban, bic, remittance)) in batch.transfers.iter().zip(&lines) {
        x.push_str("      <CdtTrfTxInf>\n        <PmtId>\n");
        element(&mut x, 10, "EndToEndId", &t.end_to_end_id);
        x.push_str("        </PmtId>\n        <Amt>\n");
        let _ = writeln!(x, "          <InstdAmt Ccy=\"EUR\">{}</InstdAmt>", euros(t.amount_cents));
        x.push_str("        </Amt>\n");
        if let Some(bic) = bic {
            x.push_str("        <CdtrAgt>\n          <FinInstnId>\n");
            element(&mut x, 12, "BIC", bic);
            x.push_str("          </FinInstnId>\n        </CdtrAgt>\n");
        }
        x.push_str("        <Cdtr>\n");
        element(&mut x, 10, "Nm", name);
        x.push_str("        </Cdtr>\n        <CdtrAcct>\n          <Id>\n");
        element(&mut x, 12, "IBAN", iban);
        x.push_str("          </Id>\n        </CdtrAcct>\n");
        if !remittance.is_empty() {
            x.push_str("        <RmtInf>\n");
            element(&mut x, 10, "Ustrd", remittance);
            x.push_str("        </RmtInf>\n");
        }
        x.push_str("      </CdtTrfTxInf>\n");
    }
    x.push_str("    </PmtInf>\n  </CstmrCdtTrfInitn>\n</Document>\n");
    Ok(x)
}

/// Cents as the file writes euros: `1234` → `12.34`.
fn euros(cents: i64) -> String {
    crate::money::format_plain(cents, super::euro())
}

/// `text` in the rulebook's characters: transliterated, anything else a space, spaces
/// collapsed, trimmed, at most `max` characters.
pub fn latin(text: &str, max: usize) -> String {
    // Dashes of any length are one hyphen (deunicode writes an em dash as `--`).
    let dashes: String = text.chars().map(|c| if matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}') { '-' } else { c }).collect();
    let ascii = deunicode::deunicode(&dashes);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        let c = match c {
            '&' => '+',
            c if allowed(c) => c,
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let cut: String = out.trim_end().chars().take(max).collect();
    cut.trim_end().to_string()
}

fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "/-?:().,'+ ".contains(c)
}

fn check_id(field: &str, id: &str, what: &str, problems: &mut Vec<FieldError>) {
    let ok = (1..=ID_MAX).contains(&id.chars().count()) && id.chars().all(|c| allowed(c) && c != ' ') && !id.starts_with('/') && !id.contains("//");
    if !ok {
        problems.push(
            FieldError::new(field, "sepa_bad_reference", format!("{what} “{id}” cannot go to the bank: 1 to {ID_MAX} letters, digits and / - ? : ( ) . , ' +, not starting with /."))
                .with_value(id),
        );
    }
}

fn check_iban(field: &str, text: &str, what: &str, problems: &mut Vec<FieldError>) -> String {
    let compact = crate::roster::validate::compact_iban(text);
    if compact.is_empty() {
        problems.push(FieldError::new(field, "sepa_iban_missing", format!("{what} is missing.")));
    } else if compact.parse::<iban::Iban>().is_err() {
        problems.push(FieldError::new(field, "invalid_iban", format!("{what} “{}” is not a valid IBAN: check for a typo.", text.trim())).with_value(text.trim()));
    }
    compact
}

fn check_bic(field: &str, text: Option<&str>, what: &str, problems: &mut Vec<FieldError>) -> Option<String> {
    let bic = text.map(|t| t.trim().to_ascii_uppercase()).filter(|t| !t.is_empty())?;
    if !crate::roster::validate::is_bic(&bic) {
        problems.push(FieldError::new(field, "invalid_bic", format!("{what} “{bic}” is not a BIC: 8 or 11 letters and digits, like INGBNL2A.")).with_value(&bic));
    }
    Some(bic)
}

/// `<name>text</name>` on its own line, the text escaped (the rulebook's characters need only
/// `'`, but nothing here relies on that).
fn element(x: &mut String, indent: usize, name: &str, text: &str) {
    let _ = write!(x, "{:indent$}<{name}>", "");
    for c in text.chars() {
        match c {
            '&' => x.push_str("&amp;"),
            '<' => x.push_str("&lt;"),
            '>' => x.push_str("&gt;"),
            '"' => x.push_str("&quot;"),
            '\'' => x.push_str("&apos;"),
            c => x.push(c),
        }
    }
    let _ = writeln!(x, "</{name}>");
}
