//! How a stored order moves when a later (or older) export of it is imported: refunds only up
//! (the larger amount wins), a cancellation set once and never cleared, the financial status
//! only forward by [`status_rank`]. Everything else of a stored order (amounts, date, codes,
//! lines, customer) stays as its first import wrote it: a shop does not change them after the
//! order, and an export that did would otherwise move an order's attribution and commission
//! behind the person's back.
//!
//! Moving by a total order (the larger wins) makes the outcome of any set of exports the same
//! whatever order they are imported in.

use crate::sales::orders::FinancialStatus;

/// The rank of a status on the way an order's payment goes; a status only replaces a lower
/// one. Unstated < a word Chorus does not know < pending < authorized < partially paid < paid <
/// partially refunded < refunded < expired < failed < voided < cancelled: the last four end an
/// order's payment, ranked among themselves only so that the outcome never depends on which
/// export came first. Two unknown words of one rank: the larger (as text) wins, for the same reason.
pub fn status_rank(s: &FinancialStatus) -> u8 {
    match s {
        FinancialStatus::Unstated => 0,
        FinancialStatus::Other(_) => 1,
        FinancialStatus::Pending => 2,
        FinancialStatus::Authorized => 3,
        FinancialStatus::PartiallyPaid => 4,
        FinancialStatus::Paid => 5,
        FinancialStatus::PartiallyRefunded => 6,
        FinancialStatus::Refunded => 7,
        FinancialStatus::Expired => 8,
        FinancialStatus::Failed => 9,
        FinancialStatus::Voided => 10,
        FinancialStatus::Cancelled => 11,
    }
}

/// The stored word of a status (`orders.financial_status`): snake_case, or an unknown word
/// as the file wrote it.
pub fn status_text(s: &FinancialStatus) -> &str {
    match s {
        FinancialStatus::Paid => "paid",
        FinancialStatus::Pending => "pending",
        FinancialStatus::Authorized => "authorized",
        FinancialStatus::PartiallyPaid => "partially_paid",
        FinancialStatus::PartiallyRefunded => "partially_refunded",
        FinancialStatus::Refunded => "refunded",
        FinancialStatus::Voided => "voided",
        FinancialStatus::Cancelled => "cancelled",
        FinancialStatus::Failed => "failed",
        FinancialStatus::Expired => "expired",
        FinancialStatus::Unstated => "unstated",
        FinancialStatus::Other(word) => word,
    }
}

/// Reads a stored word back ([`status_text`]'s inverse).
pub fn stored_status(text: &str) -> FinancialStatus {
    match text {
        "unstated" => FinancialStatus::Unstated,
        "paid" | "pending" | "authorized" | "partially_paid" | "partially_refunded" | "refunded" | "voided" | "cancelled" | "failed" | "expired" => FinancialStatus::read(text),
        other => FinancialStatus::Other(other.to_string()),
    }
}

/// The parts of an order that move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moving {
    pub refunded: i64,
    /// RFC 3339, as the file wrote it.
    pub cancelled_at: Option<String>,
    pub status: FinancialStatus,
}

/// What a file says of a stored order, compared with what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moves {
    pub refund_up: bool,
    pub cancelled: bool,
    pub status_forward: bool,
    /// Something in the file is behind what is stored (kept as stored).
    pub older: bool,
}

impl Moves {
    pub fn any(&self) -> bool {
        self.refund_up || self.cancelled || self.status_forward
    }
}

/// What the stored order becomes, and which way each part moved.
pub fn merge(stored: &Moving, file: &Moving) -> (Moving, Moves) {
    let refund_up = file.refunded > stored.refunded;
    let cancelled = stored.cancelled_at.is_none() && file.cancelled_at.is_some();
    let (rs, rf) = (status_rank(&stored.status), status_rank(&file.status));
    let status_forward = rf > rs || rf == rs && rf == 1 && status_text(&file.status) > status_text(&stored.status);
    let older = file.refunded < stored.refunded
        || stored.cancelled_at.is_some() && file.cancelled_at.is_none()
        || (rf < rs || rf == rs && status_text(&file.status) != status_text(&stored.status)) && !status_forward;
    let merged = Moving {
        refunded: stored.refunded.max(file.refunded),
        cancelled_at: stored.cancelled_at.clone().or_else(|| file.cancelled_at.clone()),
        status: if status_forward { file.status.clone() } else { stored.status.clone() },
    };
    (merged, Moves { refund_up, cancelled, status_forward, older })
}

#[cfg(test)]
mod tests {
    use super::*;
    use FinancialStatus::*;

    fn m(refunded: i64, cancelled: Option<&str>, status: FinancialStatus) -> Moving {
        Moving { refunded, cancelled_at: cancelled.map(str::to_string), status }
    }

    #[test]
    fn a_later_export_moves_refunds_up_sets_the_cancellation_and_the_status_forward() {
        let (after, moves) = merge(&m(0, None, Paid), &m(500, Some("2025-05-13T08:00:00+02:00"), PartiallyRefunded));
        assert_eq!(after, m(500, Some("2025-05-13T08:00:00+02:00"), PartiallyRefunded));
        assert_eq!(moves, Moves { refund_up: true, cancelled: true, status_forward: true, older: false });
    }

    #[test]
    fn an_older_export_never_undoes_a_refund_a_cancellation_or_a_status() {
        let stored = m(500, Some("2025-05-13T08:00:00+02:00"), Refunded);
        let (after, moves) = merge(&stored, &m(0, None, Paid));
        assert_eq!(after, stored);
        assert!(!moves.any() && moves.older);
    }

    #[test]
    fn the_same_export_again_moves_nothing_and_is_not_older() {
        let stored = m(500, None, PartiallyRefunded);
        let (after, moves) = merge(&stored, &stored.clone());
        assert_eq!(after, stored);
        assert!(!moves.any() && !moves.older);
    }

    #[test]
    fn a_cancellation_is_set_once() {
        let stored = m(0, Some("2025-05-13T08:00:00+02:00"), Cancelled);
        let (after, moves) = merge(&stored, &m(0, Some("2025-06-01T08:00:00+02:00"), Cancelled));
        assert_eq!(after.cancelled_at.as_deref(), Some("2025-05-13T08:00:00+02:00"));
        assert!(!moves.any());
    }

    #[test]
    fn the_ranks_are_a_total_order_of_every_status() {
        let all = [Unstated, Other("x".into()), Pending, Authorized, PartiallyPaid, Paid, PartiallyRefunded, Refunded, Expired, Failed, Voided, Cancelled];
        for (i, s) in all.iter().enumerate() {
            assert_eq!(status_rank(s) as usize, i, "{s:?}");
            assert_eq!(&stored_status(status_text(s)), s, "{s:?} is stored and read back");
        }
    }

    #[test]
    fn two_unknown_words_end_the_same_whichever_comes_first() {
        let (a, _) = merge(&m(0, None, Other("b-word".into())), &m(0, None, Other("a-word".into())));
        let (b, _) = merge(&m(0, None, Other("a-word".into())), &m(0, None, Other("b-word".into())));
        assert_eq!(a, b);
    }
}
