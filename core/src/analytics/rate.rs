//! The exact numbers of analytics and the shape of every result. A rate is a [`Ratio`]: a fraction
//! of whole numbers, kept reduced, never a float; an average over many posts (whose common
//! denominator outgrows `i128`) stays exact because the fraction is held in big integers. It is
//! rounded once, when shown: to whole basis points (0.01%), halves away from zero, the rule of
//! [`crate::commissions::rounding`]; [`Ratio::percent_text`] writes it as the window writes
//! percentages ([`crate::charts::scale::exact`]: `1.81%`, `3,4%`).
//!
//! A figure is a [`Figure`]: its value, or [`NotEnoughData`] with the reason, in words in English
//! and Dutch. A mistake in what was handed in (two currencies in one sum) is [`Refused`].

use super::formulas::Count;
use crate::charts::scale;
use crate::charts::Unit;
use crate::money::Currency;
use crate::numbers::Spelling;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use serde::ser::SerializeStruct;
use serde::Serialize;
use std::cmp::Ordering;

/// Basis points in one whole: 10 000 bp = 100%.
pub const BASIS_POINTS_PER_WHOLE: i128 = 10_000;

/// A ratio is below 10^30 either way: no count or amount divided by another comes near it, and
/// below it every ratio is a whole number of basis points in `i128` when shown.
const LIMIT: u128 = 10u128.pow(30);

/// An exact fraction, reduced, its denominator above zero, its size below 10^30.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ratio {
    numerator: BigInt,
    denominator: BigInt,
}

impl Ratio {
    /// `numerator / denominator`; `None` when the denominator is zero or the ratio is 10^30 or
    /// more either way.
    pub fn new(numerator: i128, denominator: i128) -> Option<Ratio> {
        if denominator == 0 {
            return None;
        }
        if numerator == i128::MIN || denominator == i128::MIN {
            return Ratio::from_big(BigInt::from(numerator), BigInt::from(denominator));
        }
        // Reduced in i128 (a rate is a count over a count): what `from_big` gives, without the
        // big integers' division on every post.
        let (n, d) = if denominator < 0 { (-numerator, -denominator) } else { (numerator, denominator) };
        let common = gcd(n.unsigned_abs(), d.unsigned_abs()) as i128;
        let (n, d) = (n / common, d / common);
        if (d.unsigned_abs()).checked_mul(LIMIT).is_some_and(|bound| n.unsigned_abs() >= bound) {
            return None;
        }
        Some(Ratio { numerator: BigInt::from(n), denominator: BigInt::from(d) })
    }

    /// A rate written in basis points: 181 is 1.81%.
    pub fn from_basis_points(basis_points: i64) -> Ratio {
        Ratio::new(i128::from(basis_points), BASIS_POINTS_PER_WHOLE).expect("an i64 of basis points is below the limit")
    }

    pub(crate) fn from_big(numerator: BigInt, denominator: BigInt) -> Option<Ratio> {
        if denominator.sign() == Sign::NoSign {
            return None;
        }
        let (numerator, denominator) = if denominator.sign() == Sign::Minus { (-numerator, -denominator) } else { (numerator, denominator) };
        let common = numerator.gcd(&denominator);
        let (numerator, denominator) = (numerator / &common, denominator / &common);
        if *numerator.magnitude() >= denominator.magnitude() * BigUint::from(LIMIT) {
            return None;
        }
        Some(Ratio { numerator, denominator })
    }

    pub fn zero() -> Ratio {
        Ratio { numerator: BigInt::ZERO, denominator: BigInt::from(1) }
    }

    pub fn is_zero(&self) -> bool {
        self.numerator.sign() == Sign::NoSign
    }

    pub fn numerator(&self) -> &BigInt {
        &self.numerator
    }

    pub fn denominator(&self) -> &BigInt {
        &self.denominator
    }

    /// The ratio in whole basis points, rounded once, halves away from zero: 1/3 is 3333 bp,
    /// 1/8 is 1250 bp, 0.605% is 61 bp.
    pub fn basis_points(&self) -> i128 {
        let rounded = divide_rounded(&(&self.numerator * BASIS_POINTS_PER_WHOLE), &self.denominator);
        i128::try_from(&rounded).expect("a ratio below 10^30 is below 10^34 basis points")
    }

    /// The ratio as a percentage, as shown: `1.81%`, `3.4%`, `-12.9%` (`1,81%`, `3,4%` in Dutch).
    pub fn percent_text(&self, spelling: Spelling) -> String {
        scale::exact(self.basis_points(), Unit::Percent, spelling)
    }

    /// The sum of the ratios, unlimited (a sum may pass 10^30 before it is divided), exact while
    /// its denominator stays within [`EXACT_SUM_BITS`]; `None` beyond (see [`Ratio::mean`]).
    pub(crate) fn sum(ratios: &[Ratio]) -> Option<(BigInt, BigInt)> {
        let mut sum = (BigInt::ZERO, BigInt::from(1));
        for r in ratios {
            let numerator = &sum.0 * &r.denominator + &r.numerator * &sum.1;
            let denominator = &sum.1 * &r.denominator;
            let common = numerator.gcd(&denominator);
            sum = (numerator / &common, denominator / &common);
            if sum.1.bits() > EXACT_SUM_BITS {
                return None;
            }
        }
        Some(sum)
    }

    /// The ratios added up ÷ how many there are. Exact while the sum's common denominator stays
    /// small (a creator's posts, a campaign's of a few creators). Rates of many accounts share
    /// no denominator (the exact sum of 40,000 rates by followers has a denominator of many
    /// thousands of digits, and adding it up takes minutes), so beyond [`EXACT_SUM_BITS`] each
    /// rate is taken to [`MEAN_SCALE`] (10^-24, truncated) and the mean is that sum ÷ the count:
    /// off by less than 10^-24 from the exact mean, a hundred billion billion times finer than
    /// the 0.01% it is shown to. `None` for no ratios.
    pub(crate) fn mean(ratios: &[Ratio]) -> Option<Ratio> {
        if ratios.is_empty() {
            return None;
        }
        let count = BigInt::from(ratios.len());
        if let Some((numerator, denominator)) = Ratio::sum(ratios) {
            return Ratio::from_big(numerator, denominator * count);
        }
        let scale = BigInt::from(MEAN_SCALE);
        // Each rate taken to 10^-24 (truncated toward zero, as BigInt division is): in i128 while
        // the rates and their running sum fit, in big integers from the first that does not.
        let scaled_big = |r: &Ratio| (&r.numerator * &scale) / &r.denominator;
        let mut total: i128 = 0;
        let mut big: Option<BigInt> = None;
        for r in ratios {
            if let Some(sum) = big.as_mut() {
                *sum += scaled_big(r);
                continue;
            }
            let scaled = match r.small() {
                // A count below 10^13 over a count: the scaled rate fits in i128.
                Some((n, d)) if n.unsigned_abs() < 10u128.pow(13) => Some(n * MEAN_SCALE / d),
                _ => None,
            };
            match scaled.and_then(|v| total.checked_add(v)) {
                Some(sum) => total = sum,
                None => big = Some(BigInt::from(total) + scaled_big(r)),
            }
        }
        Ratio::from_big(big.unwrap_or_else(|| BigInt::from(total)), scale * count)
    }

    /// The ratio as an `i128` fraction, when both fit (every rate of real counts does).
    fn small(&self) -> Option<(i128, i128)> {
        Some((i128::try_from(&self.numerator).ok()?, i128::try_from(&self.denominator).ok()?))
    }
}

/// The greatest common divisor (Euclid's); `gcd(0, d)` is `d`.
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The largest common denominator, in bits, a mean is added up with exactly (about 150 digits).
pub(crate) const EXACT_SUM_BITS: u64 = 512;
/// What each rate is taken to when a mean cannot be added up exactly: 10^24.
pub(crate) const MEAN_SCALE: i128 = 1_000_000_000_000_000_000_000_000;

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    /// By value (both denominators are positive); in `i128` when both sides' products fit.
    fn cmp(&self, other: &Ratio) -> Ordering {
        if let (Some((a, b)), Some((c, d))) = (self.small(), other.small()) {
            if let (Some(left), Some(right)) = (a.checked_mul(d), c.checked_mul(b)) {
                return left.cmp(&right);
            }
        }
        (&self.numerator * &other.denominator).cmp(&(&other.numerator * &self.denominator))
    }
}

impl Serialize for Ratio {
    /// `{"basis_points": 181, "numerator": "181", "denominator": "10000"}`: the value as shown and
    /// the exact fraction as digits (a JavaScript number would lose them).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Ratio", 3)?;
        out.serialize_field("basis_points", &self.basis_points())?;
        out.serialize_field("numerator", &self.numerator.to_string())?;
        out.serialize_field("denominator", &self.denominator.to_string())?;
        out.end()
    }
}

/// `numerator / denominator` (denominator above zero) to the nearest whole number, halves away
/// from zero: the rule of [`crate::commissions::rounding::divide_rounded`], for numbers wider
/// than `i128` (a test holds the two to the same answers).
pub(crate) fn divide_rounded(numerator: &BigInt, denominator: &BigInt) -> BigInt {
    let (quotient, remainder) = numerator.div_rem(denominator); // truncates toward zero
    if remainder.magnitude() * 2u32 >= *denominator.magnitude() {
        if numerator.sign() == Sign::Minus { quotient - 1 } else { quotient + 1 }
    } else {
        quotient
    }
}

/// A figure, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure<T> {
    Value(T),
    NotEnoughData { reason: NotEnoughData },
}

impl<T> Figure<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::NotEnoughData { .. } => None,
        }
    }

    pub fn reason(&self) -> Option<NotEnoughData> {
        match self {
            Figure::Value(_) => None,
            Figure::NotEnoughData { reason } => Some(*reason),
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Figure<U> {
        match self {
            Figure::Value(v) => Figure::Value(f(v)),
            Figure::NotEnoughData { reason } => Figure::NotEnoughData { reason },
        }
    }

    pub(crate) fn lacking(reason: NotEnoughData) -> Figure<T> {
        Figure::NotEnoughData { reason }
    }
}

/// Why a figure cannot be given. The window words it from `reason` and `count`; [`Self::sentence`]
/// is the same in English and Dutch for the CLI and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NotEnoughData {
    /// No post to measure (none given, none in the window).
    NoPosts,
    /// Published posts, but nobody has entered or imported their results yet.
    NoResults,
    /// Posts, but none of them has the counts the figure needs (each is listed as left out).
    NoPostWithData,
    /// A count the formula needs is not known (never taken as 0).
    Unknown { count: Count },
    /// The count divided by is 0 (0 followers, 0 impressions).
    Zero { count: Count },
    /// A count below 0: a mistake in the data, not a measurement.
    Negative { count: Count },
    /// Likes, comments, shares and saves add up to 0: nothing to divide the spend by.
    NoInteractions,
    /// Nothing was spent, so there is no return on it.
    NoSpend,
    /// A difference relative to a rate of 0.
    ComparedWithZero,
    /// EMV: no known count has a value set for it.
    NoValuedCounts,
    /// A result of 10^30 or more: no real count gives one.
    TooLarge,
}

impl NotEnoughData {
    /// `Not enough data: the reach is not known.` / `Te weinig gegevens: het bereik is niet bekend.`
    pub fn sentence(self, spelling: Spelling) -> String {
        let dutch = spelling == Spelling::Dutch;
        let lead = if dutch { "Te weinig gegevens" } else { "Not enough data" };
        match self {
            NotEnoughData::NoPosts => words(spelling, "No posts to measure.", "Geen posts om te meten.").to_string(),
            NotEnoughData::NoResults => words(spelling, "No results entered for these posts yet.", "Voor deze posts zijn nog geen resultaten ingevoerd.").to_string(),
            NotEnoughData::NoPostWithData => format!("{lead}: {}", words(spelling, "none of the posts has the counts this figure needs.", "geen van de posts heeft de aantallen die hiervoor nodig zijn.")),
            NotEnoughData::Unknown { count } => format!("{lead}: {} {}", count.phrase(spelling), words(spelling, "is not known.", "is niet bekend.")),
            NotEnoughData::Zero { count } => format!("{lead}: {} {}", count.phrase(spelling), words(spelling, "is 0.", "is 0.")),
            NotEnoughData::Negative { count } => format!("{lead}: {} {}", count.phrase(spelling), words(spelling, "is below 0; check the figures.", "is lager dan 0; controleer de cijfers.")),
            NotEnoughData::NoInteractions => format!("{lead}: {}", words(spelling, "no likes, comments, shares or saves to divide by.", "geen likes, reacties, shares of saves om door te delen.")),
            NotEnoughData::NoSpend => format!("{lead}: {}", words(spelling, "nothing was spent.", "er is niets uitgegeven.")),
            NotEnoughData::ComparedWithZero => words(spelling, "No comparison: the figure it is compared with is 0.", "Niet te vergelijken: het getal waarmee je vergelijkt is 0.").to_string(),
            NotEnoughData::NoValuedCounts => format!("{lead}: {}", words(spelling, "none of the known counts has a value set for it.", "voor geen van de bekende aantallen heb je een waarde ingesteld.")),
            NotEnoughData::TooLarge => words(spelling, "The figure is too large to show; check the counts.", "Het getal is te groot om te tonen; controleer de aantallen.").to_string(),
        }
    }
}

/// A mistake in what was handed in, refused rather than worked around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Refused {
    #[error("These amounts are in {first} and {second}: Chorus adds and compares amounts in one currency only. Convert them first.")]
    MixedCurrencies { first: Currency, second: Currency },
    #[error("An amount below zero cannot be spent, earned or used as a value: check the figures.")]
    NegativeAmount,
    #[error("EMV has no value for {}: values are set for views, impressions, likes, comments, shares, saves, link clicks and new followers.", .count.label())]
    NotAnEmvCount { count: Count },
    #[error("The amount is too large to work with: check the figures.")]
    TooLarge,
}

/// `(this − that) ÷ that`: how much more (above 0) or less (below 0) `this` is than `that`,
/// exact. Either side without data, or `that` at 0, gives no figure.
pub fn relative_difference(this: &Figure<Ratio>, that: &Figure<Ratio>) -> Figure<Ratio> {
    let (this, that) = match (this, that) {
        (Figure::NotEnoughData { reason }, _) | (_, Figure::NotEnoughData { reason }) => return Figure::lacking(*reason),
        (Figure::Value(this), Figure::Value(that)) => (this, that),
    };
    if that.is_zero() {
        return Figure::lacking(NotEnoughData::ComparedWithZero);
    }
    // (n1/d1 − n2/d2) ÷ (n2/d2) = (n1·d2 − n2·d1) ÷ (d1·n2)
    let numerator = &this.numerator * &that.denominator - &that.numerator * &this.denominator;
    let denominator = &this.denominator * &that.numerator;
    match Ratio::from_big(numerator, denominator) {
        Some(difference) => Figure::Value(difference),
        None => Figure::lacking(NotEnoughData::TooLarge),
    }
}

/// The English or the Dutch of a pair (the English for a spelling not known).
pub(crate) fn words(spelling: Spelling, english: &'static str, dutch: &'static str) -> &'static str {
    if spelling == Spelling::Dutch { dutch } else { english }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_ratio_of_whole_numbers_is_the_one_big_integers_reduce_to(numerator in any::<i128>(), denominator in any::<i128>(), small in -1_000_000i128..1_000_000, count in 0i128..10_000_000) {
            for (n, d) in [(numerator, denominator), (small, count), (count, small), (numerator, count), (small * 7, 7 * count)] {
                prop_assert_eq!(Ratio::new(n, d), Ratio::from_big(BigInt::from(n), BigInt::from(d)), "{} / {}", n, d);
            }
        }
    }

    #[test]
    fn the_edges_of_a_ratio() {
        assert_eq!(Ratio::new(5, 0), None);
        assert_eq!(Ratio::new(0, -7), Some(Ratio::zero()));
        assert_eq!(Ratio::new(6, -4).map(|r| (r.numerator().clone(), r.denominator().clone())), Some((BigInt::from(-3), BigInt::from(2))));
        assert_eq!(Ratio::new(i128::MIN, -1), None, "beyond 10^30");
        assert_eq!(Ratio::new(10i128.pow(30), 1), None, "10^30 itself is beyond");
        assert!(Ratio::new(10i128.pow(30) - 1, 1).is_some());
    }
}
