//! Charts, drawn by the core: a bar chart (grouped or stacked, upright or on its side for long
//! names) and a line chart over days, each with optional horizontal reference marks, drawn as
//! SVG text or as a PNG, in the window's theme and language. [`queries`] reads the workspace's
//! money figures into them and [`draw`] is the one call the window makes; [`results_queries`]
//! reads what posts did (issue 11) and [`draw_results`] draws those.
//!
//! Contract:
//! - Values are integers (minor units of the workspace currency, counts, or basis points) and
//!   every label is written from integers ([`scale`]): no float is ever printed, so no `NaN`.
//! - Any data draws: no categories, no series, all zeros or values up to `i64::MAX` give a
//!   chart (an empty one says "No data yet" in its language), never a panic. A series whose
//!   length differs from the categories' is the caller's mistake: [`ChartError::Shape`].
//! - Names are data: [`text::clean`] makes each one line without control or direction marks,
//!   it is shortened to its room with "…", and the SVG backend escapes it; no markup from data
//!   ever reaches the SVG (the tests draw `<script>`, `&`, overrides, 300 characters, emoji).
//! - Text is set in the Inter shipped in `assets/fonts` (compiled in); the SVG names it first
//!   in its font list, the PNG is drawn with it. Both themes' colours are in [`theme`].
//! - The size is the caller's, within [`Style::check`]'s bounds; the PNG is `width × height`
//!   times its pixel ratio, so a window on a 2× screen gets sharp pixels.

pub mod cache;
mod canvas;
mod layout;
mod lines;
mod paint;
pub mod queries;
pub mod results_queries;
pub mod scale;
pub mod text;
pub mod theme;
#[cfg(test)]
mod results_tests;
#[cfg(test)]
mod tests;

pub use cache::ChartCache;
pub use queries::{chart_of, draw, save, ChartKind, Format};
pub use results_queries::{draw_results, results_chart_of, save_results, ChartScope, ResultsChartKind};
pub use theme::Theme;

use crate::money::Currency;
use crate::numbers::Spelling;
use chrono::NaiveDate;
use serde::Deserialize;

/// What went wrong drawing a chart.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("A chart is between {min_width}×{min_height} and {max}×{max} points with a pixel ratio of 1 to 4, and a PNG at most {pixels} pixels; {width}×{height} at {ratio}× is not.", min_width = MIN_WIDTH, min_height = MIN_HEIGHT, max = MAX_SIDE, pixels = MAX_PIXELS)]
    Size { width: u32, height: u32, ratio: u32 },
    #[error("Series “{series}” has {values} values for {categories} categories.")]
    Shape { series: String, values: usize, categories: usize },
    #[error("The chart's font could not be loaded.")]
    Font,
    #[error("The chart could not be drawn: {0}")]
    Drawing(String),
    #[error("The chart's image could not be written: {0}")]
    Encoding(String),
}

/// What the values count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Minor units of this currency (cents).
    Money(Currency),
    Count,
    /// Basis points: 1250 is 12.5%.
    Percent,
}

impl Unit {
    /// Decimal digits of the value below one written unit.
    pub(crate) fn exponent(self) -> u32 {
        match self {
            Unit::Money(currency) => currency.exponent(),
            Unit::Count => 0,
            Unit::Percent => 2,
        }
    }
}

/// One named row of values, one per category (bars) or per point (lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub values: Vec<i64>,
}

/// A value marked across the plot with a dashed line and its label (a benchmark, a target).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub label: String,
    pub value: i64,
}

/// Bars: one group per category, one bar per series (side by side, or stacked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub unit: Unit,
    /// The series of a category stacked into one bar (negatives below zero).
    pub stacked: bool,
    /// Bars running left to right with the category names before them: for long names.
    pub horizontal: bool,
    pub references: Vec<Reference>,
}

/// A day marked on a line chart's time axis (a post, a campaign's start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMark {
    pub on: NaiveDate,
    pub label: String,
}

/// Lines over days: every series has one value per day of `days` (ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChart {
    pub title: String,
    pub days: Vec<NaiveDate>,
    pub series: Vec<Series>,
    pub unit: Unit,
    pub references: Vec<Reference>,
    pub marks: Vec<DateMark>,
    /// Per series, by position: the first day it has a value (a handle counted only later);
    /// its line starts there and its values before it are not drawn. A series without an
    /// entry, or with `None`, has a value on every day.
    pub known_from: Vec<Option<NaiveDate>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chart {
    Bar(BarChart),
    Line(LineChart),
}

impl Chart {
    pub fn title(&self) -> &str {
        match self {
            Chart::Bar(c) => &c.title,
            Chart::Line(c) => &c.title,
        }
    }
}

pub const MIN_WIDTH: u32 = 240;
pub const MIN_HEIGHT: u32 = 160;
pub const MAX_SIDE: u32 = 4096;
/// The most pixels a PNG has (it is drawn at four times as many first).
pub const MAX_PIXELS: u64 = 8_388_608;

/// How a chart is drawn: the window's theme and language, its size in CSS points, and (for the
/// PNG) how many pixels a point is. From the window as JSON:
/// `{"theme": "dark", "language": "nl", "width": 720, "height": 360, "pixel_ratio": 2}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Style {
    pub theme: Theme,
    /// The labels' language and the numbers' spelling (`en`, `nl`).
    pub language: Spelling,
    pub width: u32,
    pub height: u32,
    #[serde(default = "one")]
    pub pixel_ratio: u32,
}

fn one() -> u32 {
    1
}

impl Style {
    /// 720 × 360 points at one pixel a point.
    pub fn new(theme: Theme, language: Spelling) -> Style {
        Style { theme, language, width: 720, height: 360, pixel_ratio: 1 }
    }
    pub fn sized(self, width: u32, height: u32) -> Style {
        Style { width, height, ..self }
    }
    /// Refuses a size outside the bounds (too small to lay out, or too large to hold; the
    /// pixel bound is the PNG's, and the SVG keeps to it too, so one style draws both).
    pub fn check(&self) -> Result<(), ChartError> {
        let pixels = u64::from(self.width) * u64::from(self.height) * u64::from(self.pixel_ratio).pow(2);
        let fits = (MIN_WIDTH..=MAX_SIDE).contains(&self.width)
            && (MIN_HEIGHT..=MAX_SIDE).contains(&self.height)
            && (1..=4).contains(&self.pixel_ratio)
            && pixels <= MAX_PIXELS;
        if fits {
            Ok(())
        } else {
            Err(ChartError::Size { width: self.width, height: self.height, ratio: self.pixel_ratio })
        }
    }
}

/// `chart` as an SVG document of `style.width × style.height`.
pub fn render_svg(chart: &Chart, style: &Style) -> Result<String, ChartError> {
    style.check()?;
    check_shape(chart)?;
    let mut out = String::new();
    {
        let backend = plotters::prelude::SVGBackend::with_string(&mut out, (style.width, style.height));
        let canvas = canvas::Canvas::new(plotters::prelude::IntoDrawingArea::into_drawing_area(backend), 1.0, 0.0)?;
        paint::paint(&canvas, chart, style)?;
        canvas.present()?;
    }
    Ok(out)
}

/// `chart` as a PNG of `width × height` times `pixel_ratio` pixels (RGB, 8 bits): drawn at
/// twice that size and halved, so edges and text are smooth.
pub fn render_png(chart: &Chart, style: &Style) -> Result<Vec<u8>, ChartError> {
    style.check()?;
    check_shape(chart)?;
    const FINE: u32 = 2;
    let ratio = style.pixel_ratio;
    let (w, h) = (style.width * ratio, style.height * ratio);
    let mut fine = vec![0u8; (w * FINE * h * FINE * 3) as usize];
    {
        let backend = plotters::prelude::BitMapBackend::with_buffer(&mut fine, (w * FINE, h * FINE));
        let canvas = canvas::Canvas::new(plotters::prelude::IntoDrawingArea::into_drawing_area(backend), f64::from(ratio * FINE), canvas::BITMAP_TEXT_NUDGE_EM)?;
        paint::paint(&canvas, chart, style)?;
        canvas.present()?;
    }
    let pixels = halve(&fine, w as usize, h as usize);
    let mut png_bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| ChartError::Encoding(e.to_string()))?;
        writer.write_image_data(&pixels).map_err(|e| ChartError::Encoding(e.to_string()))?;
    }
    Ok(png_bytes)
}

/// An RGB image of `2w × 2h` averaged down to `w × h`, each pixel the mean of its four.
fn halve(fine: &[u8], w: usize, h: usize) -> Vec<u8> {
    let row = w * 2 * 3;
    let mut out = vec![0u8; w * h * 3];
    for y in 0..h {
        for x in 0..w {
            for c in 0..3 {
                let at = |dy: usize, dx: usize| u32::from(fine[(y * 2 + dy) * row + (x * 2 + dx) * 3 + c]);
                out[(y * w + x) * 3 + c] = ((at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1) + 2) / 4) as u8;
            }
        }
    }
    out
}

fn check_shape(chart: &Chart) -> Result<(), ChartError> {
    let (series, expected) = match chart {
        Chart::Bar(c) => (&c.series, c.categories.len()),
        Chart::Line(c) => (&c.series, c.days.len()),
    };
    match series.iter().find(|s| s.values.len() != expected) {
        Some(s) => Err(ChartError::Shape { series: text::clean(&s.name), values: s.values.len(), categories: expected }),
        None => Ok(()),
    }
}
