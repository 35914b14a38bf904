//! The value axis: round steps over the data's range, and their labels in the window's
//! spelling. Values are integers (minor units of money, or counts) and so are the ticks, so a
//! label is exact text, never a float printed: `€1,200`, `€1.5K`, `€0.50` in English,
//! `€ 1.200`, `€ 1,5K` in Dutch, as the window writes amounts (`fmt.money`, `fmt.compact`).
//!
//! Contract: [`Ticks::over`] takes any range (empty, one value, negative, up to the whole of
//! `i64`) and gives at least two ticks from at or below zero and the lowest value to at or
//! above the highest, 1, 2, 2.5 or 5 times a power of ten apart, about five steps; no
//! division by zero, no overflow (the arithmetic is `i128`).

use super::Unit;
use crate::money::Currency;
use crate::numbers::Spelling;

/// Round values along the value axis, lowest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticks {
    pub values: Vec<i128>,
    pub step: i128,
}

impl Ticks {
    /// About five round steps covering `low..=high` and zero.
    pub fn over(low: i128, high: i128) -> Ticks {
        let (low, high) = (low.min(0), high.max(0));
        let span = (high - low).max(1);
        let step = round_step((span + 4) / 5);
        let first = low.div_euclid(step) * step;
        let last = -((-high).div_euclid(step) * step);
        let last = if last == first { first + step } else { last };
        let values = (0..).map(|i| first + i * step).take_while(|v| *v <= last).collect();
        Ticks { values, step }
    }
    pub fn low(&self) -> i128 {
        self.values[0]
    }
    pub fn high(&self) -> i128 {
        self.values[self.values.len() - 1]
    }
}

/// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `at_least` (≥ 1).
fn round_step(at_least: i128) -> i128 {
    let mut power: i128 = 1;
    loop {
        for (times, per) in [(1, 1), (2, 1), (5, 2), (5, 1)] {
            // 2.5 × power only where it is whole.
            if per == 2 && power < 10 {
                continue;
            }
            let step = power * times / per;
            if step >= at_least {
                return step;
            }
        }
        power *= 10;
    }
}

/// How the labels of one axis are written: which unit, divided by what, how many decimals.
#[derive(Debug, Clone, Copy)]
pub struct LabelFormat {
    unit: Unit,
    spelling: Spelling,
    /// Minor units per written unit: 100 for whole euros, 100,000 for thousands of euros.
    divisor: i128,
    suffix: &'static str,
    decimals: u32,
}

impl LabelFormat {
    /// The format that writes every tick of `ticks` exactly, in as few digits as it can.
    pub fn for_ticks(ticks: &Ticks, unit: Unit, spelling: Spelling) -> LabelFormat {
        let minor_per_unit = 10i128.pow(unit.exponent());
        let largest = ticks.values.iter().map(|v| v.abs()).max().unwrap_or(0) / minor_per_unit;
        let (scale, suffix) = if largest >= 10_000_000 {
            (1_000_000, "M")
        } else if largest >= 10_000 {
            (1_000, "K")
        } else {
            (1, "")
        };
        let divisor = minor_per_unit * scale;
        // Enough decimals to write the step exactly (a step is 1, 2, 2.5 or 5 × 10^k).
        let mut decimals = 0;
        while decimals < 6 && (ticks.step * 10i128.pow(decimals)) % divisor != 0 {
            decimals += 1;
        }
        // Money below one unit apart is written with all its cents (`€0.50`, not `€0.5`).
        if decimals > 0 && scale == 1 && matches!(unit, Unit::Money(_)) {
            decimals = decimals.max(unit.exponent());
        }
        LabelFormat { unit, spelling, divisor, suffix, decimals }
    }

    /// `value` as the axis writes it.
    pub fn label(&self, value: i128) -> String {
        let negative = value < 0;
        let shifted = value.abs() * 10i128.pow(self.decimals);
        // Rounded half away from zero; ticks divide exactly, so this only rounds a value that
        // is not a tick.
        let scaled = (shifted + self.divisor / 2) / self.divisor;
        let factor = 10i128.pow(self.decimals);
        let (whole, fraction) = (scaled / factor, scaled % factor);
        let dutch = self.spelling == Spelling::Dutch;
        let mut number = group_thousands(whole, if dutch { '.' } else { ',' });
        if self.decimals > 0 {
            number.push(if dutch { ',' } else { '.' });
            number.push_str(&format!("{fraction:0width$}", width = self.decimals as usize));
        }
        if scaled != 0 {
            number.push_str(self.suffix);
        }
        let negative = negative && scaled != 0;
        written(self.unit, &number, negative, dutch)
    }
}

/// One value as a bar's end writes it, short: exact below a thousand units (`€12.50`, `€640`),
/// in thousands or millions with one decimal above (`€1.2K`, `€ 3,4M`), the decimal left out
/// when it is zero (`€2K`).
pub fn compact(value: i128, unit: Unit, spelling: Spelling) -> String {
    let minor_per_unit = 10i128.pow(unit.exponent());
    let units = value.abs() / minor_per_unit;
    let (scale, suffix) = if units >= 999_950 {
        (1_000_000, "M")
    } else if units >= 1_000 {
        (1_000, "K")
    } else {
        (1, "")
    };
    let divisor = minor_per_unit * scale;
    let decimals = if scale == 1 {
        fewest_decimals(value, unit)
    } else {
        let tenths = (value.abs() * 10 + divisor / 2) / divisor;
        if tenths % 10 == 0 { 0 } else { 1 }
    };
    LabelFormat { unit, spelling, divisor, suffix, decimals }.label(value)
}

/// One value written in full for a sentence, never in thousands: `1.81%`, `3.4%`, `2,500%`,
/// `€12.50`, `€640` (`1,81%`, `€ 12,50` in Dutch); exact, in as few decimals as hold it.
pub fn exact(value: i128, unit: Unit, spelling: Spelling) -> String {
    let divisor = 10i128.pow(unit.exponent());
    LabelFormat { unit, spelling, divisor, suffix: "", decimals: fewest_decimals(value, unit) }.label(value)
}

/// No decimals for a whole unit, one for a percentage in tenths, else all of the unit's.
fn fewest_decimals(value: i128, unit: Unit) -> u32 {
    match unit {
        _ if value % 10i128.pow(unit.exponent()) == 0 => 0,
        Unit::Percent if value % 10 == 0 => 1,
        _ => unit.exponent(),
    }
}

/// A written number with its sign and unit.
fn written(unit: Unit, number: &str, negative: bool, dutch: bool) -> String {
    let minus = if negative { "-" } else { "" };
    match unit {
        Unit::Count => format!("{minus}{number}"),
        Unit::Percent => format!("{minus}{number}%"),
        Unit::Money(currency) => money_label(currency, number, negative, dutch),
    }
}

/// `€1.2K` and `-€200` in English, `€ 1,2K` and `€ -200` in Dutch; a currency without a sign
/// of its own by its code (`SEK 1,200`).
fn money_label(currency: Currency, number: &str, negative: bool, dutch: bool) -> String {
    let sign = match currency.code() {
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "USD" => Some("$"),
        "JPY" => Some("¥"),
        _ => None,
    };
    let minus = if negative { "-" } else { "" };
    match (sign, dutch) {
        (Some(sign), false) => format!("{minus}{sign}{number}"),
        (Some(sign), true) => format!("{sign}\u{a0}{minus}{number}"),
        (None, false) => format!("{minus}{}\u{a0}{number}", currency.code()),
        (None, true) => format!("{}\u{a0}{minus}{number}", currency.code()),
    }
}

fn group_thousands(whole: i128, separator: char) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur() -> Unit {
        Unit::Money(Currency::parse("EUR").unwrap())
    }

    fn labels(low: i128, high: i128, unit: Unit, spelling: Spelling) -> Vec<String> {
        let ticks = Ticks::over(low, high);
        let format = LabelFormat::for_ticks(&ticks, unit, spelling);
        ticks.values.iter().map(|v| format.label(*v)).collect()
    }

    #[test]
    fn steps_are_round_and_cover_the_range_and_zero() {
        assert_eq!(Ticks::over(0, 0).values, [0, 1]);
        assert_eq!(Ticks::over(0, 7).values, [0, 2, 4, 6, 8]);
        assert_eq!(Ticks::over(0, 1_000).values, [0, 200, 400, 600, 800, 1_000]);
        assert_eq!(Ticks::over(-300, 1_000).values, [-500, 0, 500, 1_000]);
        assert_eq!(Ticks::over(-900, -100).values, [-1_000, -800, -600, -400, -200, 0]);
        assert_eq!(Ticks::over(0, 11_000).step, 2_500);
        for (low, high) in [(i64::MIN as i128, i64::MAX as i128), (0, i64::MAX as i128), (3, 3), (-1, 0)] {
            let t = Ticks::over(low, high);
            assert!(t.low() <= low.min(0) && t.high() >= high.max(0) && t.values.len() >= 2, "{low}..{high}: {t:?}");
        }
    }

    #[test]
    fn money_is_written_as_the_window_writes_it_without_cents_when_large() {
        use Spelling::{Dutch, English};
        assert_eq!(labels(0, 100_000, eur(), English), ["€0", "€200", "€400", "€600", "€800", "€1,000"]);
        assert_eq!(labels(0, 100_000, eur(), Dutch)[5], "€\u{a0}1.000");
        assert_eq!(labels(0, 120_000, eur(), English)[1], "€250");
        assert_eq!(labels(0, 2_200_000, eur(), English)[1], "€5K");
        assert_eq!(labels(0, 1_100_000, eur(), English)[1], "€2.5K");
        assert_eq!(labels(0, 1_100_000, eur(), Dutch)[1], "€\u{a0}2,5K");
        assert_eq!(labels(0, 90, eur(), English), ["€0.00", "€0.20", "€0.40", "€0.60", "€0.80", "€1.00"]);
        assert_eq!(labels(-20_000, 50_000, eur(), English)[0], "-€200");
        assert_eq!(labels(-20_000, 50_000, eur(), Dutch)[0], "€\u{a0}-200");
        assert_eq!(labels(0, 5_000, Unit::Money(Currency::parse("SEK").unwrap()), English)[5], "SEK\u{a0}50");
        assert_eq!(labels(0, 20_000_000, Unit::Count, English)[1], "5M");
        assert_eq!(labels(0, 1_200, Unit::Count, Dutch)[4], "1.000");
        assert_eq!(labels(0, 5_000, Unit::Percent, English)[5], "50%");
        assert_eq!(labels(0, 250, Unit::Percent, Dutch)[1], "0,5%");
    }

    #[test]
    fn a_bars_value_is_short() {
        use Spelling::{Dutch, English};
        assert_eq!(compact(1_250, eur(), English), "€12.50");
        assert_eq!(compact(64_000, eur(), English), "€640");
        assert_eq!(compact(123_456, eur(), English), "€1.2K");
        assert_eq!(compact(123_456, eur(), Dutch), "€\u{a0}1,2K");
        assert_eq!(compact(200_000, eur(), English), "€2K");
        assert_eq!(compact(99_996_000, eur(), English), "€1M");
        assert_eq!(compact(-340_000_000, eur(), Dutch), "€\u{a0}-3,4M");
        assert_eq!(compact(i64::MAX as i128, eur(), English), "€92,233,720,368.5M");
        assert_eq!(compact(7, Unit::Count, English), "7");
        assert_eq!(compact(1_250, Unit::Percent, English), "12.5%");
    }

    #[test]
    fn a_value_in_a_sentence_is_written_in_full() {
        use Spelling::{Dutch, English};
        assert_eq!(exact(181, Unit::Percent, English), "1.81%");
        assert_eq!(exact(181, Unit::Percent, Dutch), "1,81%");
        assert_eq!(exact(340, Unit::Percent, Dutch), "3,4%");
        assert_eq!(exact(250_000, Unit::Percent, English), "2,500%");
        assert_eq!(exact(-1_290, Unit::Percent, English), "-12.9%");
        assert_eq!(exact(123_456, eur(), English), "€1,234.56");
        assert_eq!(exact(64_000, eur(), Dutch), "€\u{a0}640");
    }
}
