//! The QR code of a tracking link, as SVG text (to scale for print) and as PNG bytes (to paste
//! into a chat or a brief).
//!
//! Contract:
//! - The code holds the link exactly (without surrounding spaces), at error correction level M
//!   (still reads with 15 % of it smudged or covered), with the quiet zone of 4 light modules
//!   around it that scanners need;
//!   dark (`#000000`) on light (`#ffffff`), never transparent, so it reads on any background.
//! - The SVG is one self-contained, well-formed document: a light square and one dark path of
//!   whole modules (`viewBox` in modules, crisp edges), [`SVG_MODULE_SIZE`] units a module by
//!   default, so it scales without blurring.
//! - The PNG is 8-bit grey, at least [`PNG_MIN_SIDE`] pixels a side with whole pixels per module
//!   (at least [`PNG_MIN_MODULE`]), so a phone reads it from a screen or a print.
//! - An empty link, or one too long for a QR code, is an error naming the field `link`.
//!
//! The encoder is the `qrcode` crate without its features (no `image` stack); the PNG is written
//! by the `png` crate from the modules.

use crate::error::{Error, FieldError, Result};
use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code on every side.
pub const QUIET_ZONE: usize = 4;
/// Width and height of one module in the SVG's `width`/`height` (its `viewBox` is in modules).
pub const SVG_MODULE_SIZE: usize = 8;
/// The PNG's smallest side in pixels.
pub const PNG_MIN_SIDE: usize = 400;
/// The fewest pixels a module gets in the PNG.
pub const PNG_MIN_MODULE: usize = 6;

/// The modules of a link's code with its quiet zone: `side` × `side`, `true` is dark.
struct Modules {
    side: usize,
    dark: Vec<bool>,
}

impl Modules {
    fn of(link: &str) -> Result<Modules> {
        let link = link.trim();
        let problem = |code: &'static str, message: String| Error::Validation(vec![FieldError::new("link", code, message).with_value(link.chars().count().to_string())]);
        if link.is_empty() {
            return Err(problem("required", "There is no link to make a QR code of.".into()));
        }
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).map_err(|_| {
            problem("link_too_long_for_qr", format!("This link is too long for a QR code ({} characters); a shorter landing page address makes one.", link.chars().count()))
        })?;
        let inner = code.width();
        let side = inner + 2 * QUIET_ZONE;
        let mut dark = vec![false; side * side];
        for (i, color) in code.to_colors().into_iter().enumerate() {
            let (x, y) = (i % inner + QUIET_ZONE, i / inner + QUIET_ZONE);
            dark[y * side + x] = color == Color::Dark;
        }
        Ok(Modules { side, dark })
    }

    fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.side + x]
    }
}

/// The QR code of `link` as an SVG document (see the contract).
pub fn qr_svg(link: &str) -> Result<String> {
    let m = Modules::of(link)?;
    let n = m.side;
    let size = n * SVG_MODULE_SIZE;
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !m.is_dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && m.is_dark(x, y) {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{start} {y}h{run}v1h-{run}z"));
        }
    }
    Ok(format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            "\n",
            r#"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{size}" height="{size}" viewBox="0 0 {n} {n}" shape-rendering="crispEdges">"#,
            r##"<rect width="{n}" height="{n}" fill="#ffffff"/><path fill="#000000" d="{path}"/></svg>"##,
            "\n"
        ),
        size = size,
        n = n,
        path = path
    ))
}

/// The QR code of `link` as PNG bytes (see the contract).
pub fn qr_png(link: &str) -> Result<Vec<u8>> {
    let m = Modules::of(link)?;
    let scale = PNG_MIN_SIDE.div_ceil(m.side).max(PNG_MIN_MODULE);
    let side = m.side * scale;
    let mut pixels = Vec::with_capacity(side * side);
    for y in 0..side {
        pixels.extend((0..side).map(|x| if m.is_dark(x / scale, y / scale) { 0u8 } else { 255u8 }));
    }
    let mut bytes = Vec::new();
    let fail = |e: png::EncodingError| Error::io("make", "the QR code image", std::io::Error::other(e.to_string()));
    {
        let mut encoder = png::Encoder::new(&mut bytes, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(fail)?;
        writer.write_image_data(&pixels).map_err(fail)?;
        writer.finish().map_err(fail)?;
    }
    Ok(bytes)
}
