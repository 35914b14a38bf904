//! The surface a chart is drawn on: a plotters drawing area (SVG or pixels) seen in the chart's
//! own units, CSS pixels, at a scale (2 for the PNG, drawn twice as large and then halved, so
//! edges and text come out smooth). Text is set in the Inter the core ships, registered once
//! with plotters' ab_glyph fonts; it is measured with Inter's own widths whatever the backend.
//!
//! Contract: coordinates are rounded to whole pixels of the target, so a one-unit line is one
//! crisp pixel (drawn as a filled rectangle, not a stroke that straddles two pixels). Every
//! drawing error comes back as a [`ChartError::Drawing`], never a panic.

use super::theme::Rgb;
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontDesc;
use std::sync::OnceLock;

/// The family the chart's text is set in. With ab_glyph, plotters looks fonts up by this
/// name, and the SVG backend writes it as the `font-family` of each text, so the name is a
/// CSS font list: a viewer without Inter (an SVG shown as an image cannot load one) falls back
/// to the system's sans-serif, which the layout's margins allow for.
const FAMILY: &str = "Inter, system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

/// plotters sizes text by its whole line height (ascender to descender), 1.24 em for the
/// fonts it has in mind; the chart speaks in em sizes, as CSS does.
const LINE_PER_EM: f64 = 1.24;

const INTER_REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
const INTER_SEMIBOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-SemiBold.otf");

/// Whether Inter has a glyph for `c` (a space always counts).
pub fn drawable(c: char) -> bool {
    use ab_glyph::Font;
    static INTER: OnceLock<Option<ab_glyph::FontRef<'static>>> = OnceLock::new();
    match INTER.get_or_init(|| ab_glyph::FontRef::try_from_slice(INTER_REGULAR).ok()) {
        Some(font) => c == ' ' || font.glyph_id(c).0 != 0,
        None => true,
    }
}

/// Registers Inter Regular and SemiBold (as plotters' bold) once per process.
fn fonts_ready() -> Result<(), ChartError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let registered = REGISTERED.get_or_init(|| {
        let regular = plotters::style::register_font(FAMILY, FontStyle::Normal, INTER_REGULAR);
        let semibold = plotters::style::register_font(FAMILY, FontStyle::Bold, INTER_SEMIBOLD);
        regular.is_ok() && semibold.is_ok()
    });
    if *registered {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// How heavy a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    SemiBold,
}

/// Where a text's `x` is: its start, its middle or its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// The bitmap backend's text sits this much higher than the SVG's (measured on Inter).
pub const BITMAP_TEXT_NUDGE_EM: f64 = 0.2;

pub struct Canvas<DB: DrawingBackend> {
    area: DrawingArea<DB, Shift>,
    scale: f64,
    /// How far down (in em) the backend's text must move to sit where the SVG's sits: the
    /// bitmap backend puts the baseline a little higher than a browser does.
    text_nudge_em: f64,
}

pub(super) fn drawing_error<E: std::error::Error + Send + Sync>(error: plotters::drawing::DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Drawing(error.to_string())
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn font(size_em: f64, weight: Weight) -> FontDesc<'static> {
    let style = match weight {
        Weight::Regular => FontStyle::Normal,
        Weight::SemiBold => FontStyle::Bold,
    };
    FontDesc::new(FontFamily::Name(FAMILY), size_em * LINE_PER_EM, style)
}

/// The width of `text` in Inter at `size_em`, in the chart's units, whatever the backend.
pub fn text_width(text: &str, size_em: f64, weight: Weight) -> f64 {
    // Measured eight times as large, so rounding to whole pixels costs an eighth of one.
    const FINE: f64 = 8.0;
    match font(size_em * FINE, weight).box_size(text) {
        Ok((width, _)) => f64::from(width) / FINE,
        // Before the fonts are registered (never, in practice): a typical Inter width.
        Err(_) => text.chars().count() as f64 * size_em * 0.55,
    }
}

impl<DB: DrawingBackend> Canvas<DB> {
    pub fn new(area: DrawingArea<DB, Shift>, scale: f64, text_nudge_em: f64) -> Result<Canvas<DB>, ChartError> {
        fonts_ready()?;
        Ok(Canvas { area, scale, text_nudge_em })
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    pub fn fill(&self, c: Rgb) -> Result<(), ChartError> {
        self.area.fill(&colour(c)).map_err(drawing_error)
    }

    /// A filled rectangle between two corners, in any order.
    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, c: Rgb) -> Result<(), ChartError> {
        let (left, right) = (self.px(x0.min(x1)), self.px(x0.max(x1)));
        let (top, bottom) = (self.px(y0.min(y1)), self.px(y0.max(y1)));
        if left == right || top == bottom {
            return Ok(());
        }
        self.area.draw(&Rectangle::new([(left, top), (right, bottom)], colour(c).filled())).map_err(drawing_error)
    }

    /// A one-unit horizontal line from `x0` to `x1` whose top is at `y`.
    pub fn hline(&self, x0: f64, x1: f64, y: f64, c: Rgb) -> Result<(), ChartError> {
        let top = y.round();
        self.rect(x0, top, x1, top + 1.0, c)
    }

    /// A one-unit vertical line from `y0` to `y1` whose left is at `x`.
    pub fn vline(&self, x: f64, y0: f64, y1: f64, c: Rgb) -> Result<(), ChartError> {
        let left = x.round();
        self.rect(left, y0, left + 1.0, y1, c)
    }

    /// A line through `points`, `width` units wide.
    pub fn polyline(&self, points: &[(f64, f64)], width: f64, c: Rgb) -> Result<(), ChartError> {
        let points: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (self.px(x), self.px(y))).collect();
        let stroke = ((width * self.scale).round() as u32).max(1);
        self.area.draw(&PathElement::new(points, colour(c).stroke_width(stroke))).map_err(drawing_error)
    }

    /// A dashed one-unit horizontal line (dashes of `dash` with gaps of `gap`).
    pub fn dashed_hline(&self, x0: f64, x1: f64, y: f64, dash: f64, gap: f64, c: Rgb) -> Result<(), ChartError> {
        let mut x = x0;
        while x < x1 {
            self.hline(x, (x + dash).min(x1), y, c)?;
            x += dash + gap;
        }
        Ok(())
    }

    /// A dashed one-unit vertical line.
    pub fn dashed_vline(&self, x: f64, y0: f64, y1: f64, dash: f64, gap: f64, c: Rgb) -> Result<(), ChartError> {
        let mut y = y0;
        while y < y1 {
            self.vline(x, y, (y + dash).min(y1), c)?;
            y += dash + gap;
        }
        Ok(())
    }

    pub fn dot(&self, x: f64, y: f64, radius: f64, c: Rgb) -> Result<(), ChartError> {
        let radius = ((radius * self.scale).round() as i32).max(1);
        self.area.draw(&Circle::new((self.px(x), self.px(y)), radius, colour(c).filled())).map_err(drawing_error)
    }

    /// `text` with its vertical middle (of lower-case letters) at `y`.
    pub fn text(&self, text: &str, x: f64, y: f64, size_em: f64, weight: Weight, align: Align, c: Rgb) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let style = font(size_em * self.scale, weight).color(&colour(c)).pos(Pos::new(h, VPos::Center));
        let y = y + self.text_nudge_em * size_em;
        self.area.draw(&Text::new(text.to_string(), (self.px(x), self.px(y)), style)).map_err(drawing_error)
    }

    pub fn present(&self) -> Result<(), ChartError> {
        self.area.present().map_err(drawing_error)
    }
}
