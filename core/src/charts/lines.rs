//! A line chart over days: the value gridlines, a time axis of month starts (a long span) or
//! days (a short one), one line per series with dots where points are few, dashed marks on the
//! days marked (a post, a launch) and the reference marks. A series known only from a later
//! day ([`LineChart::known_from`]) starts there.
//!
//! Contract: the days may come in any order and repeat; they are placed by date, the first
//! and last at the plot's ends (one day: in the middle). Tick labels never overlap: the step
//! between ticks grows until they fit.

use super::canvas::{Align, Canvas, Weight};
use super::layout::{self, fit, name, width, Rect, ValueAxis, LINE, SMALL_EM};
use super::paint::value_grid;
use super::text::{day_label, month_label};
use super::theme::Palette;
use super::{ChartError, LineChart, Style};
use chrono::{Datelike, Months, NaiveDate};
use plotters::prelude::DrawingBackend;

pub fn lines<DB: DrawingBackend>(c: &Canvas<DB>, l: &LineChart, room: Rect, style: &Style, p: &Palette) -> Result<(), ChartError> {
    let (low, high) = layout::extent(&l.series, l.days.len(), false);
    let axis = ValueAxis::new(low, high, &l.references, l.unit, style);
    let marks_room = if l.marks.is_empty() { 0.0 } else { 16.0 };
    let plot = Rect {
        left: room.left + axis.widest_label() + 10.0,
        top: room.top + 6.0 + marks_room,
        right: room.right - 12.0,
        bottom: room.bottom - 2.0 * LINE - 6.0,
    };
    value_grid(c, &axis, plot, p)?;
    let first = *l.days.iter().min().expect("a line chart with days");
    let last = *l.days.iter().max().expect("a line chart with days");
    let span = (last - first).num_days();
    let x_of = |day: NaiveDate| {
        if span == 0 {
            (plot.left + plot.right) / 2.0
        } else {
            plot.left + (day - first).num_days() as f64 / span as f64 * plot.width()
        }
    };
    let mut previous_year = None;
    for (day, (top, bottom)) in time_ticks(first, last, plot.width(), style) {
        let x = x_of(day);
        c.vline(x, plot.bottom, plot.bottom + 4.0, p.axis)?;
        c.text(&top, x, plot.bottom + 6.0 + LINE / 2.0, SMALL_EM, Weight::Regular, Align::Middle, p.muted_text)?;
        if previous_year != Some(bottom.clone()) && !bottom.is_empty() {
            c.text(&bottom, x, plot.bottom + 6.0 + LINE * 1.5, SMALL_EM, Weight::Regular, Align::Middle, p.muted_text)?;
        }
        previous_year = Some(bottom);
    }
    let mut free_from = f64::MIN;
    for mark in l.marks.iter().filter(|m| (first..=last).contains(&m.on)) {
        let x = x_of(mark.on);
        c.dashed_vline(x, plot.top, plot.bottom, 3.0, 3.0, p.axis)?;
        let label = fit(&name(&mark.label), 120.0, SMALL_EM);
        let half = width(&label, SMALL_EM) / 2.0;
        let centre = x.clamp(plot.left + half, room.right - half);
        if centre - half >= free_from {
            c.text(&label, centre, plot.top - 10.0, SMALL_EM, Weight::Regular, Align::Middle, p.muted_text)?;
            free_from = centre + half + 8.0;
        }
    }
    let at = |v| axis.at(v, plot.bottom, plot.top);
    layout::reference_lines(c, &l.references, plot, false, at, p)?;
    let dots = l.days.len() <= 40;
    let mut order: Vec<usize> = (0..l.days.len()).collect();
    order.sort_by_key(|i| l.days[*i]);
    for (s, series) in l.series.iter().enumerate() {
        let from = l.known_from.get(s).copied().flatten();
        let known = |i: &&usize| from.is_none_or(|from| l.days[**i] >= from);
        let points: Vec<(f64, f64)> = order.iter().filter(known).map(|&i| (x_of(l.days[i]), axis.at(i128::from(series.values[i]), plot.bottom, plot.top))).collect();
        let colour = p.series_colour(s);
        if points.len() > 1 {
            c.polyline(&points, 2.0, colour)?;
        }
        if dots || points.len() == 1 {
            for (x, y) in &points {
                c.dot(*x, *y, 3.0, colour)?;
            }
        }
    }
    layout::reference_labels(c, &l.references, plot, false, at, p)
}

/// The time axis' ticks from `first` to `last` and their two lines: month starts (`Jan` over
/// `2026`) when the span is two months or more, else days (`5 Jan`); as many as fit `room`.
fn time_ticks(first: NaiveDate, last: NaiveDate, room: f64, style: &Style) -> Vec<(NaiveDate, (String, String))> {
    let span = (last - first).num_days();
    let fits = ((room / 64.0).floor() as usize).max(2);
    if span >= 56 {
        let mut starts = Vec::new();
        let mut month = first.with_day(1).expect("the first of a month");
        if month < first {
            month = month + Months::new(1);
        }
        while month <= last {
            starts.push(month);
            month = month + Months::new(1);
        }
        for every in [1, 2, 3, 6, 12, 24, 60, 120] {
            let chosen: Vec<NaiveDate> = starts.iter().copied().filter(|d| (d.year() * 12 + d.month0() as i32) % every == 0).collect();
            if chosen.len() <= fits || every == 120 {
                return chosen
                    .into_iter()
                    .map(|d| {
                        let label = month_label(d.year(), d.month(), style.language);
                        let (m, y) = label.split_once(' ').map(|(m, y)| (m.to_string(), y.to_string())).unwrap_or((label.clone(), String::new()));
                        (d, (m, y))
                    })
                    .collect();
            }
        }
    }
    let every = [1, 2, 7, 14, 28].into_iter().find(|k| (span / k) as usize + 1 <= fits).unwrap_or(28);
    (0..=span / every).map(|k| first + chrono::Duration::days(k * every)).map(|d| (d, (day_label(d, style.language), String::new()))).collect()
}
