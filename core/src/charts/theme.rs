//! The chart's colours for the window's two themes. The window shows a chart as an image on its
//! own background, so the chart draws that background itself: the page colours of
//! `ui/css/base.css`. The series colours are Okabe and Ito's palette for colour-blind readers
//! (deuteranopia, protanopia, tritanopia), in an order where neighbours differ in lightness as
//! well as hue, each shade adjusted so that it stands out against its background: the yellow
//! is darkened on white, the blue is lightened on near-black.

use serde::{Deserialize, Serialize};

/// The window's theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Light,
    Dark,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// What a chart is drawn in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    /// The title and the legend's names.
    pub text: Rgb,
    /// Axis labels and the "no data" sentence.
    pub muted_text: Rgb,
    /// The value lines across the plot.
    pub grid: Rgb,
    /// The zero line and the category axis.
    pub axis: Rgb,
    /// One colour per series, in order; a chart with more series goes round again.
    pub series: [Rgb; 8],
}

impl Theme {
    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: Rgb(0xff, 0xff, 0xff),
                text: Rgb(0x1c, 0x1c, 0x1f),
                muted_text: Rgb(0x64, 0x64, 0x6c),
                grid: Rgb(0xec, 0xec, 0xef),
                axis: Rgb(0xb4, 0xb4, 0xbb),
                series: [
                    Rgb(0x00, 0x72, 0xb2), // blue
                    Rgb(0xe6, 0x9f, 0x00), // orange
                    Rgb(0x00, 0x9e, 0x73), // bluish green
                    Rgb(0xd5, 0x5e, 0x00), // vermillion
                    Rgb(0x56, 0xb4, 0xe9), // sky blue
                    Rgb(0xcc, 0x79, 0xa7), // reddish purple
                    Rgb(0xb8, 0xa3, 0x00), // yellow, darkened to read on white
                    Rgb(0x6b, 0x6b, 0x73), // grey
                ],
            },
            Theme::Dark => Palette {
                background: Rgb(0x19, 0x19, 0x1b),
                text: Rgb(0xec, 0xec, 0xee),
                muted_text: Rgb(0xa3, 0xa3, 0xab),
                grid: Rgb(0x2c, 0x2c, 0x31),
                axis: Rgb(0x55, 0x55, 0x5d),
                series: [
                    Rgb(0x3d, 0x9b, 0xe0), // blue, lightened to read on near-black
                    Rgb(0xe6, 0x9f, 0x00), // orange
                    Rgb(0x1f, 0xb8, 0x8a), // bluish green, lightened
                    Rgb(0xeb, 0x70, 0x2a), // vermillion, lightened
                    Rgb(0x7c, 0xc8, 0xf2), // sky blue
                    Rgb(0xde, 0x8f, 0xbd), // reddish purple
                    Rgb(0xf0, 0xe4, 0x42), // yellow
                    Rgb(0x9c, 0x9c, 0xa5), // grey
                ],
            },
        }
    }
}

impl Palette {
    /// The colour of series number `index`.
    pub fn series_colour(&self, index: usize) -> Rgb {
        self.series[index % self.series.len()]
    }
}
