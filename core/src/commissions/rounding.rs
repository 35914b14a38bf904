//! THE place money is rounded: a rate applied to a base, and an amount converted at an exchange
//! rate. Everything is exact integer arithmetic in `i128`, rounded once, to the nearest minor
//! unit, halves away from zero (2.5 → 3, −2.5 → −3); a result that does not fit an amount is a
//! [`Refusal`], never a wrapped number.
//!
//! Drift: each rounding moves an amount by at most half a minor unit, so the sum of `n` rounded
//! commissions differs from the exact sum of the unrounded ones by at most `n / 2` minor units
//! (a property test holds that). Nothing is rounded twice: callers pass the exact ratio and let
//! this module round it.

use super::Refusal;

/// Basis points in one whole: 10 000 bp = 100%.
pub const BASIS_POINTS_PER_WHOLE: i128 = 10_000;

/// `numerator / denominator`, rounded to the nearest whole number, halves away from zero.
/// `None` when the denominator is zero.
pub fn divide_rounded(numerator: i128, denominator: i128) -> Option<i128> {
    if denominator == 0 {
        return None;
    }
    let (n, d) = if denominator < 0 { (numerator.checked_neg()?, denominator.checked_neg()?) } else { (numerator, denominator) };
    let quotient = n / d; // truncates toward zero
    let remainder = n % d; // same sign as n
    // |remainder| * 2 >= d means the fraction is at least a half: move away from zero.
    if remainder.unsigned_abs() * 2 >= d.unsigned_abs() {
        Some(if n < 0 { quotient - 1 } else { quotient + 1 })
    } else {
        Some(quotient)
    }
}

/// An exact whole number as an amount of minor units, or the refusal that it is too large.
pub(crate) fn to_minor(value: i128) -> Result<i64, Refusal> {
    i64::try_from(value).map_err(|_| too_large())
}

pub(crate) fn too_large() -> Refusal {
    Refusal::new("amount_too_large", &[], "The amount is too large to work with: check the order's amounts and the rule.")
}

/// `base_minor × basis_points / 10 000`, rounded to the nearest minor unit, halves away from
/// zero. Negative bases (a reversal) round symmetrically: `apply_rate(-x, r) == -apply_rate(x, r)`.
pub fn apply_rate(base_minor: i64, basis_points: u32) -> Result<i64, Refusal> {
    let exact = i128::from(base_minor) * i128::from(basis_points);
    to_minor(divide_rounded(exact, BASIS_POINTS_PER_WHOLE).expect("non-zero denominator"))
}

/// `base_minor × numerator / denominator`, rounded once: a blended rate (per-SKU overrides) or
/// any other exact ratio. `denominator` must not be zero.
pub fn apply_ratio(base_minor: i64, numerator: i128, denominator: i128) -> Result<i64, Refusal> {
    let exact = i128::from(base_minor).checked_mul(numerator).ok_or_else(too_large)?;
    to_minor(divide_rounded(exact, denominator).ok_or_else(too_large)?)
}

/// An amount converted between currencies at the exact ratio `rate_numerator / rate_denominator`
/// (units of the target per unit of the source), from a currency with `from_exponent` decimals
/// to one with `to_exponent`: `minor × ratio × 10^to / 10^from`, rounded once.
pub fn convert_minor(minor: i64, from_exponent: u32, to_exponent: u32, rate_numerator: i128, rate_denominator: i128) -> Result<i64, Refusal> {
    let ten = |e: u32| 10i128.checked_pow(e).ok_or_else(too_large);
    let numerator = i128::from(minor).checked_mul(rate_numerator).and_then(|n| n.checked_mul(ten(to_exponent).ok()?)).ok_or_else(too_large)?;
    let denominator = rate_denominator.checked_mul(ten(from_exponent)?).ok_or_else(too_large)?;
    to_minor(divide_rounded(numerator, denominator).ok_or_else(too_large)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn halves_round_away_from_zero_on_both_sides() {
        assert_eq!(apply_rate(25, 1000), Ok(3), "2.5 → 3");
        assert_eq!(apply_rate(-25, 1000), Ok(-3), "−2.5 → −3");
        assert_eq!(apply_rate(24, 1000), Ok(2));
        assert_eq!(apply_rate(-24, 1000), Ok(-2));
        assert_eq!(apply_rate(26, 1000), Ok(3));
        assert_eq!(divide_rounded(7, -2), Some(-4));
        assert_eq!(divide_rounded(-7, -2), Some(4));
        assert_eq!(divide_rounded(1, 0), None);
    }

    #[test]
    fn twelve_and_a_half_percent_of_a_cent_amount_is_exact_to_the_cent() {
        assert_eq!(apply_rate(9_999, 1_250), Ok(1_250), "1249.875 cents → 1250");
        assert_eq!(apply_rate(10_000, 1_250), Ok(1_250));
        assert_eq!(apply_rate(0, 1_250), Ok(0));
        assert_eq!(apply_rate(123_456, 10_000), Ok(123_456), "100% is the base itself");
    }

    #[test]
    fn an_amount_too_large_to_hold_is_refused_not_wrapped() {
        let refused = apply_rate(i64::MAX, 20_000).unwrap_err();
        assert_eq!(refused.code, "amount_too_large");
        assert_eq!(apply_rate(i64::MAX, 10_000), Ok(i64::MAX));
        assert!(convert_minor(i64::MAX, 0, 3, i128::MAX / 2, 1).is_err());
        assert!(apply_ratio(i64::MAX, i128::MAX, 1).is_err());
    }

    #[test]
    fn a_conversion_moves_the_decimals_between_currencies() {
        // 100.00 EUR at 163.45 JPY per EUR = 16345 JPY (no decimals).
        assert_eq!(convert_minor(10_000, 2, 0, 16_345, 100), Ok(16_345));
        // 10.00 EUR at 0.3395 KWD per EUR = 3.395 KWD (three decimals).
        assert_eq!(convert_minor(1_000, 2, 3, 3_395, 10_000), Ok(3_395));
        // 1 JPY at 1/163.45 EUR per JPY = 0.006 EUR → 0.01 EUR (a cent at least half).
        assert_eq!(convert_minor(1, 0, 2, 100, 16_345), Ok(1));
        assert_eq!(convert_minor(-10_000, 2, 0, 16_345, 100), Ok(-16_345));
    }

    proptest! {
        #[test]
        fn rounding_is_symmetric_around_zero(base in -1_000_000_000_000i64..1_000_000_000_000, bp in 0u32..=100_000) {
            prop_assert_eq!(apply_rate(-base, bp).unwrap(), -apply_rate(base, bp).unwrap());
        }

        #[test]
        fn the_rounded_commission_is_within_half_a_minor_unit_of_the_exact_one(base in any::<i64>(), bp in 0u32..=10_000) {
            let rounded = apply_rate(base, bp).unwrap();
            let exact_times_10000 = i128::from(base) * i128::from(bp);
            let off = (i128::from(rounded) * 10_000 - exact_times_10000).abs();
            prop_assert!(off <= 5_000, "off by {off}/10000 of a minor unit");
            // Exactly half: always the larger magnitude.
            if off == 5_000 {
                prop_assert!(i128::from(rounded).abs() * 10_000 > exact_times_10000.abs());
            }
        }

        #[test]
        fn a_larger_base_never_earns_less(a in -1_000_000_000_000i64..1_000_000_000_000, step in 0i64..1_000_000, bp in 0u32..=10_000) {
            prop_assert!(apply_rate(a + step, bp).unwrap() >= apply_rate(a, bp).unwrap());
        }

        #[test]
        fn many_orders_drift_at_most_half_a_minor_unit_each(bases in proptest::collection::vec(0i64..10_000_000, 1..500), bp in 1u32..=10_000) {
            let rounded_sum: i128 = bases.iter().map(|b| i128::from(apply_rate(*b, bp).unwrap())).sum();
            let exact_sum_times_10000: i128 = bases.iter().map(|b| i128::from(*b) * i128::from(bp)).sum();
            let drift = (rounded_sum * 10_000 - exact_sum_times_10000).abs();
            prop_assert!(drift <= 5_000 * bases.len() as i128, "drift {drift}/10000 over {} orders", bases.len());
        }

        #[test]
        fn a_converted_amount_is_within_half_a_minor_unit(minor in -1_000_000_000_000i64..1_000_000_000_000, num in 1i128..10_000_000_000, den in 1i128..10_000_000_000, from in 0u32..4, to in 0u32..4) {
            let got = convert_minor(minor, from, to, num, den).unwrap();
            let exact_num = i128::from(minor) * num * 10i128.pow(to);
            let exact_den = den * 10i128.pow(from);
            prop_assert!((i128::from(got) * exact_den - exact_num).abs() * 2 <= exact_den);
        }
    }
}
