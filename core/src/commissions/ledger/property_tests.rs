//! The ledger's invariants over generated orders (issue 9): booking twice books nothing; any
//! sequence of order states (refunds growing, a cancellation, attribution moving) applied in
//! any interleaving ends with every order's lines summing to the commission of its final state,
//! worked out here independently from the building blocks; and no rounding drift: the ledger's
//! total is exactly the sum of the orders' commissions.

use super::tests::Shop;
use crate::commissions::base::{order_base, OrderAmounts, ShopPrices};
use crate::commissions::commission::{commission_of, CustomerHistory, OrderForCommission};
use crate::commissions::rounding::apply_rate;
use crate::commissions::rules::{AppliedRule, Rule, RuleLevel};
use crate::money::{Currency, Money};
use proptest::prelude::*;

const RULES: [&str; 4] = ["percent:1250", "tiers:EUR:0=1000,50000=1500,120000=2000", "flat:EUR:500", "percent:1000 first_order_only"];

/// One state of an order: refunded so far, cancelled, attributed to collaboration 0, 1 or none.
#[derive(Debug, Clone)]
struct State {
    refunded: i64,
    cancelled: bool,
    attributed: Option<usize>,
}

#[derive(Debug, Clone)]
struct GeneratedOrder {
    day: u32,
    subtotal: i64,
    customer: Option<u8>,
    /// In the order they happen; refunds never shrink, a cancellation stays.
    states: Vec<State>,
}

fn order_strategy() -> impl Strategy<Value = GeneratedOrder> {
    (1u32..=28, 0i64..150_000, prop::option::weighted(0.8, 0u8..3), prop::collection::vec((0i64..60_000, any::<bool>(), prop::option::weighted(0.8, 0usize..2)), 1..4)).prop_map(
        |(day, subtotal, customer, steps)| {
            let (mut refunded, mut cancelled) = (0, false);
            let states = steps
                .into_iter()
                .enumerate()
                .map(|(i, (more, cancel, attributed))| {
                    if i > 0 {
                        refunded += more;
                        cancelled |= cancel && more % 5 == 0;
                    }
                    State { refunded, cancelled, attributed }
                })
                .collect();
            GeneratedOrder { day, subtotal, customer, states }
        },
    )
}

/// A workspace with two creators' collaborations and `rule` as the workspace default.
fn shop(rule: &str) -> (Shop, [i64; 2]) {
    let shop = Shop::new();
    let campaign = shop.campaign("Zomer");
    let collaborations = [shop.collaboration(campaign, shop.creator("Sanne")), shop.collaboration(campaign, shop.creator("Bo"))];
    shop.rule("workspace", None, rule);
    (shop, collaborations)
}

/// The time of order `i`: its day, with a minute of its own so no two orders share a time.
fn time_of(o: &GeneratedOrder, i: usize) -> String {
    format!("2026-05-{:02}T{:02}:{:02}:00Z", o.day, 8 + i / 60, i % 60)
}

fn apply(shop: &Shop, ids: &mut [Option<i64>], collaborations: [i64; 2], orders: &[GeneratedOrder], i: usize, state: &State) {
    let collaboration = state.attributed.map(|c| collaborations[c]);
    let id = *ids[i].get_or_insert_with(|| {
        let id = shop.order(&format!("#{i}"), &time_of(&orders[i], i), orders[i].subtotal, collaboration);
        if let Some(c) = orders[i].customer {
            shop.sql(&format!("UPDATE orders SET customer_hash = 'customer-{c}' WHERE id = {id}"));
        }
        id
    });
    shop.sql(&format!(
        "UPDATE orders SET refunded_minor = {}, cancelled_at = {} WHERE id = {id}",
        state.refunded,
        if state.cancelled { "'2026-05-29T00:00:00Z'" } else { "NULL" }
    ));
    shop.attribute(id, collaboration);
}

/// What every (order, collaboration) must sum to for the orders' final states, from the
/// building blocks alone: the base, the creator's month in time order, the customer's
/// earlier orders, and `commission_of`.
fn expected(orders: &[GeneratedOrder], rule: &str) -> Vec<[i64; 2]> {
    let rule = Rule::from_machine_text(rule).unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let mut by_time: Vec<usize> = (0..orders.len()).collect();
    by_time.sort_by_key(|&i| (orders[i].day, i));
    let mut month = [0i64; 2];
    let mut out = vec![[0i64; 2]; orders.len()];
    for &i in &by_time {
        let o = &orders[i];
        let last = o.states.last().unwrap();
        let amounts = OrderAmounts { currency: eur, subtotal_after_discounts: o.subtotal, item_tax: 0, refunded: last.refunded, cancelled: last.cancelled };
        let base = order_base(&amounts, ShopPrices::ExcludeTax).unwrap().base;
        let Some(c) = last.attributed else { continue };
        let earlier = by_time.iter().take_while(|&&j| j != i).any(|&j| orders[j].customer.is_some() && orders[j].customer == o.customer && !orders[j].states.last().unwrap().cancelled);
        let customer = match o.customer {
            None => CustomerHistory::Unknown,
            Some(_) if earlier => CustomerHistory::Repeat,
            Some(_) => CustomerHistory::FirstOrder,
        };
        let order = OrderForCommission { base, lines: &[], month_base_before: Money { minor: month[c], currency: eur }, customer };
        // An unknown customer under a first-order rule waits: nothing is booked.
        out[i][c] = commission_of(&order, AppliedRule { rule: &rule, level: RuleLevel::Workspace }).map(|m| m.amount.minor).unwrap_or(0);
        month[c] += base.minor;
    }
    out
}

fn sums(shop: &Shop, ids: &[Option<i64>], collaborations: [i64; 2]) -> Vec<[i64; 2]> {
    ids.iter().map(|id| id.map_or([0, 0], |id| [shop.booked(id, collaborations[0]), shop.booked(id, collaborations[1])])).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_interleaving_of_order_states_ends_in_the_commission_of_the_final_states(
        orders in prop::collection::vec(order_strategy(), 1..7),
        keys in prop::collection::vec(any::<u32>(), 24),
        rule in 0usize..RULES.len(),
        filler in prop::sample::select(vec![0usize, 30]),
    ) {
        let (mut shop, collaborations) = shop(RULES[rule]);
        shop.filler(filler);
        // Every order's states in their own order; the orders' events interleaved by the keys.
        let mut events: Vec<(u32, usize)> = orders.iter().enumerate().flat_map(|(i, o)| (0..o.states.len()).map(move |j| (i, j))).enumerate().map(|(n, (i, _))| (keys[n % keys.len()].wrapping_add(n as u32), i)).collect();
        events.sort();
        let mut ids = vec![None; orders.len()];
        let mut next = vec![0usize; orders.len()];
        for (_, i) in events {
            let state = orders[i].states[next[i]].clone();
            next[i] += 1;
            apply(&shop, &mut ids, collaborations, &orders, i, &state);
            shop.book(&[ids[i].unwrap()]);
        }
        let all: Vec<i64> = ids.iter().flatten().copied().collect();
        prop_assert_eq!(shop.book(&all).lines_added, 0, "booking again books nothing");
        prop_assert_eq!(sums(&shop, &ids, collaborations), expected(&orders, RULES[rule]));
    }

    #[test]
    fn the_ledger_total_is_exactly_the_sum_of_the_orders_commissions(
        bases in prop::collection::vec((1i64..5_000_000, 0i64..6_000_000), 50..300),
        basis_points in 1u32..=10_000,
    ) {
        let (mut shop, collaborations) = shop(&format!("percent:{basis_points}"));
        let mut ids = Vec::new();
        for (n, (subtotal, _)) in bases.iter().enumerate() {
            ids.push(shop.order(&format!("#{n}"), &format!("2026-05-{:02}T10:{:02}:00Z", 1 + n % 28, n % 60), *subtotal, Some(collaborations[n % 2])));
        }
        shop.book(&ids);
        for (id, (_, refunded)) in ids.iter().zip(&bases) {
            shop.sql(&format!("UPDATE orders SET refunded_minor = {refunded} WHERE id = {id}"));
        }
        shop.book(&ids);
        let total: i64 = shop.ws.conn().query_row("SELECT sum(amount_minor) FROM commission_lines", [], |r| r.get(0)).unwrap();
        let expected: i64 = bases.iter().map(|(s, r)| apply_rate((s - r).max(0), basis_points).unwrap()).sum();
        prop_assert_eq!(total, expected);
    }
}
