//! Drawing a chart on a canvas: the background, the frame (title, legend), then the bars or the
//! lines, or the empty chart's sentence. The same steps for the SVG and the pixels.

use super::canvas::{Align, Canvas, Weight};
use super::layout::{self, fit, frame, name, nothing_to_show, slot_labels, width, Rect, ValueAxis, LINE, SMALL_EM};
use super::scale::compact;
use super::theme::Palette;
use super::{BarChart, Chart, ChartError, Style};
use plotters::prelude::DrawingBackend;

pub fn paint<DB: DrawingBackend>(c: &Canvas<DB>, chart: &Chart, style: &Style) -> Result<(), ChartError> {
    let p = style.theme.palette();
    c.fill(p.background)?;
    match chart {
        Chart::Bar(b) => {
            let room = frame(c, &b.title, &b.series, style, &p)?;
            if b.categories.is_empty() || nothing_to_show(&b.series, &b.references) {
                layout::empty(c, room, style, &p)
            } else if b.horizontal {
                sideways_bars(c, b, room, style, &p)
            } else {
                upright_bars(c, b, room, style, &p)
            }
        }
        Chart::Line(l) => {
            let room = frame(c, &l.title, &l.series, style, &p)?;
            if l.days.is_empty() || l.series.is_empty() || nothing_to_show(&l.series, &l.references) {
                layout::empty(c, room, style, &p)
            } else {
                super::lines::lines(c, l, room, style, &p)
            }
        }
    }
}

/// The value gridlines across an upright plot, labelled at its left; the zero line darker.
pub fn value_grid<DB: DrawingBackend>(c: &Canvas<DB>, axis: &ValueAxis, plot: Rect, p: &Palette) -> Result<(), ChartError> {
    for (value, label) in axis.ticks.values.iter().zip(&axis.labels) {
        let y = axis.at(*value, plot.bottom, plot.top);
        c.hline(plot.left, plot.right, y, if *value == 0 { p.axis } else { p.grid })?;
        c.text(label, plot.left - 8.0, y, SMALL_EM, Weight::Regular, Align::End, p.muted_text)?;
    }
    Ok(())
}

/// Where each bar of a category's slot goes: `(series, start, end)` along the category axis.
fn bar_places(b: &BarChart, slot_start: f64, slot: f64, thickest: f64) -> Vec<(usize, f64, f64)> {
    let n = b.series.len().max(1);
    let bars = if b.stacked { 1 } else { n };
    const GAP: f64 = 2.0;
    let group = (slot * 0.62).min(thickest * bars as f64 + GAP * (bars - 1) as f64).max(1.0);
    let one = ((group - GAP * (bars - 1) as f64) / bars as f64).max(1.0);
    let start = slot_start + (slot - group) / 2.0;
    (0..n)
        .map(|s| {
            let k = if b.stacked { 0 } else { s };
            let from = start + k as f64 * (one + GAP);
            (s, from, from + one)
        })
        .collect()
}

/// Each bar of category `i` as `(series, value from, value to)`: stacked from zero (positives
/// up, negatives down, in series order), else each from zero.
fn segments(b: &BarChart, i: usize) -> Vec<(usize, i128, i128)> {
    let (mut up, mut down) = (0i128, 0i128);
    let mut out = Vec::new();
    for (s, series) in b.series.iter().enumerate() {
        let v = i128::from(series.values[i]);
        if v == 0 {
            continue;
        }
        if !b.stacked {
            out.push((s, 0, v));
        } else if v > 0 {
            out.push((s, up, up + v));
            up += v;
        } else {
            out.push((s, down, down + v));
            down += v;
        }
    }
    out
}

fn upright_bars<DB: DrawingBackend>(c: &Canvas<DB>, b: &BarChart, room: Rect, style: &Style, p: &Palette) -> Result<(), ChartError> {
    let (low, high) = layout::extent(&b.series, b.categories.len(), b.stacked);
    let axis = ValueAxis::new(low, high, &b.references, b.unit, style);
    let names: Vec<String> = b.categories.iter().map(|n| name(n)).collect();
    let left = room.left + axis.widest_label() + 10.0;
    let slot = (room.right - left) / names.len() as f64;
    let (labels, lines) = slot_labels(&names, slot);
    let plot = Rect { left, top: room.top + 6.0, right: room.right, bottom: room.bottom - lines as f64 * LINE - 6.0 };
    value_grid(c, &axis, plot, p)?;
    let at = |v| axis.at(v, plot.bottom, plot.top);
    layout::reference_lines(c, &b.references, plot, false, at, p)?;
    for (i, label) in labels.iter().enumerate() {
        let slot_start = plot.left + i as f64 * slot;
        let places = bar_places(b, slot_start, slot, 44.0);
        for (s, from, to) in segments(b, i) {
            let (_, x0, x1) = places[s];
            let (y0, y1) = (axis.at(from, plot.bottom, plot.top), axis.at(to, plot.bottom, plot.top));
            // A stacked segment leaves a hairline of background above the one below it.
            let y0 = if b.stacked && from != 0 { y0 + if to > from { -1.0 } else { 1.0 } } else { y0 };
            c.rect(x0, y0, x1, y1, p.series_colour(s))?;
        }
        let zero = axis.at(0, plot.bottom, plot.top);
        c.hline(slot_start, slot_start + slot, zero, p.axis)?;
        for (k, line) in label.iter().flatten().enumerate() {
            let y = plot.bottom + 6.0 + LINE / 2.0 + k as f64 * LINE;
            c.text(line, slot_start + slot / 2.0, y, SMALL_EM, Weight::Regular, Align::Middle, p.muted_text)?;
        }
    }
    layout::reference_labels(c, &b.references, plot, false, at, p)
}

fn sideways_bars<DB: DrawingBackend>(c: &Canvas<DB>, b: &BarChart, room: Rect, style: &Style, p: &Palette) -> Result<(), ChartError> {
    let (low, high) = layout::extent(&b.series, b.categories.len(), b.stacked);
    let axis = ValueAxis::new(low, high, &b.references, b.unit, style);
    let names: Vec<String> = b.categories.iter().map(|n| name(n)).collect();
    let name_room = (room.width() * 0.32).min(names.iter().map(|n| width(n, SMALL_EM + 1.0)).fold(0.0, f64::max));
    // The value at a bar's end, written after its right end: a stack's total (after its
    // positive part), or each bar's own.
    let ends: Vec<Vec<(usize, i128, i128)>> = (0..names.len())
        .map(|i| {
            if b.stacked {
                let values = b.series.iter().map(|s| i128::from(s.values[i]));
                let up: i128 = values.clone().filter(|v| *v > 0).sum();
                vec![(0, values.sum(), up)]
            } else {
                b.series.iter().enumerate().map(|(s, series)| (s, i128::from(series.values[i]), i128::from(series.values[i]).max(0))).collect()
            }
        })
        .collect();
    let widest_end = ends.iter().flatten().map(|(_, v, _)| width(&compact(*v, b.unit, style.language), SMALL_EM)).fold(0.0, f64::max);
    let half_tick = axis.widest_label() / 2.0;
    let plot = Rect {
        left: room.left + name_room + 12.0 + if low < 0 { half_tick } else { 0.0 },
        top: room.top + if b.references.is_empty() { 2.0 } else { 16.0 },
        right: room.right - (widest_end + 8.0).max(half_tick),
        bottom: room.bottom - LINE - 4.0,
    };
    // Rows at most 40 points apart: a few names sit together in the middle of the room rather
    // than spread over its height.
    let slot = (plot.height() / names.len() as f64).min(40.0);
    let top = plot.top + ((plot.height() - slot * names.len() as f64) / 2.0).max(0.0).floor();
    let plot = Rect { top, bottom: top + slot * names.len() as f64, ..plot };
    // The value gridlines, labelled below the plot; labels that would touch are thinned.
    let spacing = plot.width() / (axis.ticks.values.len() - 1).max(1) as f64;
    let every = ((axis.widest_label() + 12.0) / spacing.max(1.0)).ceil().max(1.0) as usize;
    for (k, (value, label)) in axis.ticks.values.iter().zip(&axis.labels).enumerate() {
        let x = axis.at(*value, plot.left, plot.right);
        c.vline(x, plot.top, plot.bottom, if *value == 0 { p.axis } else { p.grid })?;
        if k % every == 0 {
            c.text(label, x, plot.bottom + 4.0 + LINE / 2.0, SMALL_EM, Weight::Regular, Align::Middle, p.muted_text)?;
        }
    }
    let at = |v| axis.at(v, plot.left, plot.right);
    layout::reference_lines(c, &b.references, plot, true, at, p)?;
    let every = ((LINE - 2.0) / slot.max(0.1)).ceil().max(1.0) as usize;
    for (i, category) in names.iter().enumerate() {
        let slot_start = plot.top + i as f64 * slot;
        let places = bar_places(b, slot_start, slot, 20.0);
        for (s, from, to) in segments(b, i) {
            let (_, y0, y1) = places[s];
            let (x0, x1) = (axis.at(from, plot.left, plot.right), axis.at(to, plot.left, plot.right));
            let x0 = if b.stacked && from != 0 { x0 + if to > from { 1.0 } else { -1.0 } } else { x0 };
            c.rect(x0, y0, x1, y1, p.series_colour(s))?;
        }
        if i % every != 0 {
            continue;
        }
        let middle = slot_start + slot / 2.0;
        c.text(&fit(category, name_room, SMALL_EM + 1.0), room.left, middle, SMALL_EM + 1.0, Weight::Regular, Align::Start, p.text)?;
        for (s, value, right_end) in &ends[i] {
            let (_, y0, y1) = places[*s];
            let end = axis.at(*right_end, plot.left, plot.right);
            c.text(&compact(*value, b.unit, style.language), end + 6.0, (y0 + y1) / 2.0, SMALL_EM, Weight::Regular, Align::Start, p.muted_text)?;
        }
    }
    layout::reference_labels(c, &b.references, plot, true, at, p)
}
