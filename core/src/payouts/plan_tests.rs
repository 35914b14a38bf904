use super::plan::{plan, CreatorDue, Item, ItemKind, Method, Outcome, PayoutDetails};
use crate::money::Currency;
use proptest::prelude::*;

fn eur() -> Currency {
    Currency::parse("EUR").unwrap()
}

fn item(kind: ItemKind, id: i64, amount_minor: i64, carried: bool) -> Item {
    Item { kind, id, amount_minor, carried }
}

fn creator(id: i64, details: PayoutDetails, items: Vec<Item>) -> CreatorDue {
    CreatorDue { creator_id: id, name: format!("Creator {id}"), details, items }
}

fn paypal() -> PayoutDetails {
    PayoutDetails::Paypal { email: "sanne@example.nl".into() }
}

#[test]
fn a_creator_over_the_minimum_is_payable_and_every_item_is_taken() {
    let due = [creator(1, paypal(), vec![item(ItemKind::Commission, 10, 2_000, false), item(ItemKind::Fee, 3, 15_000, false), item(ItemKind::Commission, 7, 600, true), item(ItemKind::Adjustment, 1, -500, false)])];
    let p = &plan(eur(), 2_500, &due).unwrap()[0];
    assert_eq!((p.commissions.minor, p.fees.minor, p.adjustments.minor, p.carried_in.minor), (2_000, 15_000, -500, 600));
    assert_eq!((p.total.minor, p.payable.minor, p.carried_out.minor), (17_100, 17_100, 0));
    assert_eq!(p.outcome, Outcome::Payable { method: Method::Paypal });
    assert_eq!(p.taken, [(ItemKind::Commission, 10), (ItemKind::Fee, 3), (ItemKind::Commission, 7), (ItemKind::Adjustment, 1)]);
}

#[test]
fn under_the_minimum_or_below_zero_is_carried_and_nothing_is_taken() {
    let due = [
        creator(1, paypal(), vec![item(ItemKind::Commission, 1, 2_499, false)]),
        creator(2, paypal(), vec![item(ItemKind::Commission, 2, 1_000, true), item(ItemKind::Commission, 3, -4_000, false)]),
        creator(3, paypal(), vec![item(ItemKind::Commission, 4, 2_500, false)]),
        creator(4, paypal(), vec![]),
        creator(5, paypal(), vec![item(ItemKind::Commission, 5, 800, false), item(ItemKind::Commission, 6, -800, false)]),
    ];
    let plans = plan(eur(), 2_500, &due).unwrap();
    let shape: Vec<(i64, Outcome, i64, i64, usize)> = plans.iter().map(|p| (p.creator_id, p.outcome.clone(), p.payable.minor, p.carried_out.minor, p.taken.len())).collect();
    assert_eq!(
        shape,
        [
            (1, Outcome::Carried { reason: "below_minimum" }, 0, 2_499, 0),
            (2, Outcome::Carried { reason: "below_zero" }, 0, -3_000, 0),
            (3, Outcome::Payable { method: Method::Paypal }, 2_500, 0, 1),
            (5, Outcome::Carried { reason: "below_minimum" }, 0, 0, 0),
        ],
        "exactly the minimum is payable; a creator with nothing is not listed"
    );
}

#[test]
fn a_payable_creator_without_the_details_their_method_needs_is_blocked_with_the_reason() {
    let items = || vec![item(ItemKind::Commission, 1, 5_000, false)];
    let due = [
        creator(1, PayoutDetails::None, items()),
        creator(2, PayoutDetails::Paypal { email: " ".into() }, items()),
        creator(3, PayoutDetails::Paypal { email: "sanne@".into() }, items()),
        creator(4, PayoutDetails::Bank { iban: "".into(), account_holder: "S. Bakker".into() }, items()),
        creator(5, PayoutDetails::Bank { iban: "NL91 ABNA 0417 1643 01".into(), account_holder: "S. Bakker".into() }, items()),
        creator(6, PayoutDetails::Bank { iban: "NL91 ABNA 0417 1643 00".into(), account_holder: " ".into() }, items()),
        creator(7, PayoutDetails::Bank { iban: "nl91abna0417164300".into(), account_holder: "S. Bakker".into() }, items()),
    ];
    let plans = plan(eur(), 2_500, &due).unwrap();
    let codes: Vec<&str> = plans
        .iter()
        .map(|p| match &p.outcome {
            Outcome::Blocked { code, .. } => code,
            Outcome::Payable { .. } => "payable",
            Outcome::Carried { .. } => "carried",
        })
        .collect();
    assert_eq!(codes, ["payout_method_missing", "paypal_email_missing", "invalid_email", "iban_missing", "invalid_iban", "account_holder_missing", "payable"]);
    for p in &plans[..6] {
        assert_eq!((p.payable.minor, p.carried_out.minor, p.taken.len()), (0, 5_000, 0), "a blocked creator's money stays for the next run");
    }
    let Outcome::Blocked { message, .. } = &plans[0].outcome else { unreachable!() };
    assert!(message.starts_with("Creator 1 has no payout method"), "{message}");
}

#[test]
fn an_overflowing_total_is_refused_not_wrapped() {
    let due = [creator(1, paypal(), vec![item(ItemKind::Commission, 1, i64::MAX, false), item(ItemKind::Fee, 2, 1, false)])];
    assert_eq!(plan(eur(), 2_500, &due).unwrap_err().code, "amount_too_large");
}

fn details() -> impl Strategy<Value = PayoutDetails> {
    prop_oneof![
        Just(PayoutDetails::None),
        Just(paypal()),
        Just(PayoutDetails::Paypal { email: String::new() }),
        Just(PayoutDetails::Bank { iban: "NL91ABNA0417164300".into(), account_holder: "A".into() }),
        Just(PayoutDetails::Bank { iban: "NL91ABNA0417164301".into(), account_holder: "A".into() }),
    ]
}

fn kind() -> impl Strategy<Value = ItemKind> {
    prop_oneof![Just(ItemKind::Commission), Just(ItemKind::Fee), Just(ItemKind::Adjustment)]
}

proptest! {
    /// For every creator: payable + carried out = commissions + fees + adjustments + carried
    /// in, to the cent; what is taken sums to what is payable; nothing is taken twice; a
    /// payable creator is at or above the minimum.
    #[test]
    fn every_run_conserves_money_and_takes_each_item_at_most_once(
        creators in prop::collection::vec((details(), prop::collection::vec((kind(), -50_000i64..200_000, any::<bool>()), 0..12)), 0..30),
        min in 0i64..10_000,
    ) {
        let mut next_id = 0;
        let due: Vec<CreatorDue> = creators
            .into_iter()
            .enumerate()
            .map(|(at, (details, items))| {
                let items = items.into_iter().map(|(kind, amount, carried)| { next_id += 1; item(kind, next_id, amount, carried) }).collect();
                creator(at as i64 + 1, details, items)
            })
            .collect();
        let plans = plan(eur(), min, &due).unwrap();
        let mut seen = std::collections::HashSet::new();
        for p in &plans {
            let c = due.iter().find(|c| c.creator_id == p.creator_id).unwrap();
            let all: i64 = c.items.iter().map(|i| i.amount_minor).sum();
            prop_assert_eq!(p.commissions.minor + p.fees.minor + p.adjustments.minor + p.carried_in.minor, all);
            prop_assert_eq!(p.payable.minor + p.carried_out.minor, all);
            let taken: i64 = p.taken.iter().map(|(k, id)| c.items.iter().find(|i| i.kind == *k && i.id == *id).unwrap().amount_minor).sum();
            prop_assert_eq!(taken, p.payable.minor);
            for t in &p.taken {
                prop_assert!(seen.insert(*t), "taken twice: {:?}", t);
            }
            if matches!(p.outcome, Outcome::Payable { .. }) {
                prop_assert!(p.payable.minor >= min && p.payable.minor > 0);
            } else {
                prop_assert!(p.taken.is_empty());
            }
        }
        prop_assert_eq!(plans.len(), due.iter().filter(|c| !c.items.is_empty()).count());
    }
}
