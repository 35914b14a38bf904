//! What every chart shares: the sizes it is set in, the title and legend above the plot, the
//! empty chart, the value axis (round ticks over the data and its reference marks), and names
//! fitted to the room they have.
//!
//! Contract: every function here takes any text and any values; a name that does not fit is
//! shortened with "…" (never drawn outside its room), labels that would overlap are thinned.

use super::canvas::{drawable, text_width, Align, Canvas, Weight};
use super::scale::{LabelFormat, Ticks};
use super::text::{clean, no_data, shorten};
use super::theme::Palette;
use super::{ChartError, Reference, Series, Style, Unit};
use plotters::prelude::DrawingBackend;

/// Space around the chart.
pub const PAD: f64 = 16.0;
pub const TITLE_EM: f64 = 14.0;
pub const LABEL_EM: f64 = 12.0;
pub const SMALL_EM: f64 = 11.0;
/// The height of one line of labels.
pub const LINE: f64 = 15.0;
/// The longest name measured: a longer one is cut here first (it is shortened anyway).
const LONGEST_NAME: usize = 160;

/// A rectangle in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// A name as it may be drawn: one clean line of the characters Inter has (an emoji is left
/// out, not drawn as a box), not absurdly long.
pub fn name(text: &str) -> String {
    let drawable: String = text.chars().map(|c| if c.is_whitespace() || c.is_control() || drawable(c) { c } else { ' ' }).collect();
    let cleaned = clean(&drawable);
    match cleaned.char_indices().nth(LONGEST_NAME) {
        Some((at, _)) => cleaned[..at].to_string(),
        None => cleaned,
    }
}

pub fn width(text: &str, em: f64) -> f64 {
    text_width(text, em, Weight::Regular)
}

/// `text` (already [`name`]d) shortened to `room` points at `em`.
pub fn fit(text: &str, room: f64, em: f64) -> String {
    shorten(text, room.max(0.0), |t| width(t, em))
}

/// Draws the title and the legend (for two series or more); returns the room left below.
pub fn frame<DB: DrawingBackend>(c: &Canvas<DB>, title: &str, series: &[Series], style: &Style, p: &Palette) -> Result<Rect, ChartError> {
    let (w, h) = (f64::from(style.width), f64::from(style.height));
    let mut top = PAD;
    let title = name(title);
    if !title.is_empty() {
        let shown = shorten(&title, w - 2.0 * PAD, |t| text_width(t, TITLE_EM, Weight::SemiBold));
        c.text(&shown, PAD, top + 8.0, TITLE_EM, Weight::SemiBold, Align::Start, p.text)?;
        top += 28.0;
    }
    if series.len() > 1 {
        top = legend(c, series, PAD, w - PAD, top, p)? + 10.0;
    } else {
        top += 4.0;
    }
    Ok(Rect { left: PAD, top, right: w - PAD, bottom: h - PAD })
}

/// The series' colours and names in rows from `top`; returns the bottom of the last row.
fn legend<DB: DrawingBackend>(c: &Canvas<DB>, series: &[Series], left: f64, right: f64, top: f64, p: &Palette) -> Result<f64, ChartError> {
    const SWATCH: f64 = 10.0;
    const AFTER_SWATCH: f64 = 6.0;
    const BETWEEN: f64 = 18.0;
    let (mut x, mut middle) = (left, top + 7.0);
    for (i, s) in series.iter().enumerate() {
        let label = fit(&name(&s.name), (right - left - SWATCH - AFTER_SWATCH).min(220.0), LABEL_EM);
        let item = SWATCH + AFTER_SWATCH + width(&label, LABEL_EM);
        if x > left && x + item > right {
            x = left;
            middle += 20.0;
        }
        c.rect(x, middle - SWATCH / 2.0, x + SWATCH, middle + SWATCH / 2.0, p.series_colour(i))?;
        c.text(&label, x + SWATCH + AFTER_SWATCH, middle, LABEL_EM, Weight::Regular, Align::Start, p.text)?;
        x += item + BETWEEN;
    }
    Ok(middle + 7.0)
}

/// The sentence of a chart with nothing to show, in the middle of `room`, over a faint base.
pub fn empty<DB: DrawingBackend>(c: &Canvas<DB>, room: Rect, style: &Style, p: &Palette) -> Result<(), ChartError> {
    let middle = (room.top + room.bottom) / 2.0;
    c.hline(room.left, room.right, room.bottom - 1.0, p.axis)?;
    c.text(no_data(style.language), (room.left + room.right) / 2.0, middle, LABEL_EM + 1.0, Weight::Regular, Align::Middle, p.muted_text)
}

/// The value axis: its ticks, how they are written, and where a value falls.
pub struct ValueAxis {
    pub ticks: Ticks,
    pub labels: Vec<String>,
}

impl ValueAxis {
    /// Ticks over `low..=high` (and zero) and every reference.
    pub fn new(low: i128, high: i128, references: &[Reference], unit: Unit, style: &Style) -> ValueAxis {
        let low = references.iter().map(|r| i128::from(r.value)).fold(low, i128::min);
        let high = references.iter().map(|r| i128::from(r.value)).fold(high, i128::max);
        let ticks = Ticks::over(low, high);
        let format = LabelFormat::for_ticks(&ticks, unit, style.language);
        let labels = ticks.values.iter().map(|v| format.label(*v)).collect();
        ValueAxis { ticks, labels }
    }
    pub fn widest_label(&self) -> f64 {
        self.labels.iter().map(|l| width(l, SMALL_EM)).fold(0.0, f64::max)
    }
    /// Where `value` falls between `from` (the lowest tick) and `to` (the highest).
    pub fn at(&self, value: i128, from: f64, to: f64) -> f64 {
        let (low, high) = (self.ticks.low(), self.ticks.high());
        // As a fraction of the span; both are within i128 and the span is at least one step.
        let fraction = ((value - low) as f64 / (high - low) as f64).clamp(0.0, 1.0);
        from + (to - from) * fraction
    }
}

/// The lowest and highest a bar or point reaches: per category, the stack's negative and
/// positive sums when stacked, else each value.
pub fn extent(series: &[Series], count: usize, stacked: bool) -> (i128, i128) {
    let (mut low, mut high) = (0i128, 0i128);
    for i in 0..count {
        let values = series.iter().filter_map(|s| s.values.get(i)).map(|v| i128::from(*v));
        if stacked {
            let (down, up) = values.fold((0, 0), |(d, u), v| if v < 0 { (d + v, u) } else { (d, u + v) });
            low = low.min(down);
            high = high.max(up);
        } else {
            for v in values {
                low = low.min(v);
                high = high.max(v);
            }
        }
    }
    (low, high)
}

/// Whether there is nothing to draw: no categories, or every value zero and no reference.
pub fn nothing_to_show(series: &[Series], references: &[Reference]) -> bool {
    references.is_empty() && series.iter().all(|s| s.values.iter().all(|v| *v == 0))
}

/// The reference marks' dashed lines across a plot (drawn before the data, so bars and lines
/// pass over them). `at` places a value.
pub fn reference_lines<DB: DrawingBackend>(c: &Canvas<DB>, references: &[Reference], plot: Rect, horizontal: bool, at: impl Fn(i128) -> f64, p: &Palette) -> Result<(), ChartError> {
    for r in references {
        let place = at(i128::from(r.value));
        if horizontal {
            c.dashed_vline(place, plot.top, plot.bottom, 4.0, 3.0, p.muted_text)?;
        } else {
            c.dashed_hline(plot.left, plot.right, place, 4.0, 3.0, p.muted_text)?;
        }
    }
    Ok(())
}

/// The reference marks' labels, after the data: at the plot's end above an upright chart's
/// line, above the plot beside a sideways chart's, each on a patch of background.
pub fn reference_labels<DB: DrawingBackend>(c: &Canvas<DB>, references: &[Reference], plot: Rect, horizontal: bool, at: impl Fn(i128) -> f64, p: &Palette) -> Result<(), ChartError> {
    // Upright: from the highest mark down, a label that would overlap the one above it moves
    // down just below that one (two benchmarks 0.11% apart stay both readable).
    let mut marks: Vec<(f64, &Reference)> = references.iter().map(|r| (at(i128::from(r.value)), r)).collect();
    if !horizontal {
        marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    let mut below: f64 = f64::NEG_INFINITY;
    for (place, r) in marks {
        let label = fit(&name(&r.label), plot.width() / 2.0, SMALL_EM);
        let label_width = width(&label, SMALL_EM);
        if horizontal {
            let x = (place + 4.0).min(plot.right - label_width);
            c.rect(x - 3.0, plot.top - 15.0, x + label_width + 3.0, plot.top - 1.0, p.background)?;
            c.text(&label, x, plot.top - 8.0, SMALL_EM, Weight::Regular, Align::Start, p.muted_text)?;
        } else {
            let y = (place - 10.0).max(plot.top - 6.0).max(below + 14.0);
            below = y;
            c.rect(plot.right - label_width - 6.0, y - 7.0, plot.right, y + 7.0, p.background)?;
            c.text(&label, plot.right - 2.0, y, SMALL_EM, Weight::Regular, Align::End, p.muted_text)?;
        }
    }
    Ok(())
}

/// Labels under slots `slot` points wide, as lines: each label whole on one line when it fits
/// (and most others do), else broken at the space nearest its middle into two (a second line equal to the one before
/// it left out: `Jan`/`2026`, `Feb`, `Mar`), each shortened to the slot; when even that leaves
/// less than a few letters, only every n-th label is written. `None` is a label left out.
pub fn slot_labels(labels: &[String], slot: f64) -> (Vec<Option<Vec<String>>>, usize) {
    let room = slot - 6.0;
    let widest = labels.iter().map(|l| width(l, SMALL_EM)).fold(0.0, f64::max);
    if widest <= room {
        return (labels.iter().map(|l| Some(vec![l.clone()])).collect(), 1);
    }
    let two: Vec<(String, String)> = labels.iter().map(|l| split_in_two(l)).collect();
    // When most labels break, all do, so that a row of months reads alike.
    let most_break = labels.iter().filter(|l| width(l, SMALL_EM) > room).count() * 2 > labels.len();
    let widest_line = two.iter().map(|(a, b)| width(a, SMALL_EM).max(width(b, SMALL_EM))).fold(0.0, f64::max);
    // Every n-th label, so that each has room for its lines (or at least four letters).
    let wanted = widest_line.min(width("Wwww…", SMALL_EM));
    let every = ((wanted + 6.0) / slot.max(1.0)).ceil().max(1.0) as usize;
    let room = slot * every as f64 - 6.0;
    let mut previous_second = String::new();
    let mut out = Vec::with_capacity(labels.len());
    for (i, (first, second)) in two.iter().enumerate() {
        if i % every != 0 {
            out.push(None);
            continue;
        }
        if !most_break && width(&labels[i], SMALL_EM) <= room {
            previous_second.clear();
            out.push(Some(vec![labels[i].clone()]));
            continue;
        }
        let mut lines = vec![fit(first, room, SMALL_EM)];
        if !second.is_empty() && *second != previous_second {
            lines.push(fit(second, room, SMALL_EM));
        }
        previous_second = second.clone();
        out.push(Some(lines));
    }
    let lines = if two.iter().any(|(_, b)| !b.is_empty()) { 2 } else { 1 };
    (out, lines)
}

/// `text` broken at the space nearest its middle (`("Jan", "2026")`); no space: `(text, "")`.
fn split_in_two(text: &str) -> (String, String) {
    let middle = text.len() / 2;
    let best = text.match_indices(' ').map(|(at, _)| at).min_by_key(|at| at.abs_diff(middle));
    match best {
        Some(at) => (text[..at].to_string(), text[at + 1..].to_string()),
        None => (text.to_string(), String::new()),
    }
}
