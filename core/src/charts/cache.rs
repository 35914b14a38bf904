//! The figures of the charts last drawn, kept so that drawing a chart again at another size or
//! in the other theme (the window resized, the system going dark) does not read a million
//! orders again. Contract: a chart's figures are kept with the workspace's
//! [`DataStamp`](crate::workspace::DataStamp) and the day they were read on, and are used only
//! while both are the same: a write through the window, the CLI or another window, another
//! workspace opened, or a new day reads them afresh. One entry per chart and language.

use super::queries::{chart_of, render, write_image, ChartKind, Format};
use super::{Chart, Style};
use crate::error::Result;
use crate::numbers::Spelling;
use crate::workspace::{DataStamp, Workspace};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Mutex;

#[derive(Default)]
pub struct ChartCache {
    kept: Mutex<HashMap<(ChartKind, Spelling), Kept>>,
}

struct Kept {
    stamp: DataStamp,
    day: NaiveDate,
    chart: Chart,
}

impl ChartCache {
    pub fn new() -> ChartCache {
        ChartCache::default()
    }

    /// Chart `kind` drawn as [`super::draw`] draws it, from kept figures when nothing changed.
    pub fn draw(&self, ws: &Workspace, kind: ChartKind, style: &Style, format: Format) -> Result<Vec<u8>> {
        style.check()?;
        let chart = self.chart(ws, kind, crate::campaigns::fields::local_today(), style.language)?;
        render(&chart, style, format)
    }

    /// Chart `kind` drawn as [`ChartCache::draw`] draws it and written to `path` ([`super::save`]).
    pub fn save(&self, ws: &Workspace, kind: ChartKind, style: &Style, format: Format, path: &std::path::Path) -> Result<()> {
        write_image(path, &self.draw(ws, kind, style, format)?)
    }

    /// Chart `kind`'s figures as of `today`: kept ones when the workspace reads the same.
    pub fn chart(&self, ws: &Workspace, kind: ChartKind, today: NaiveDate, language: Spelling) -> Result<Chart> {
        let stamp = ws.data_stamp()?;
        let key = (kind, language);
        {
            let kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(k) = kept.get(&key).filter(|k| k.stamp == stamp && k.day == today) {
                return Ok(k.chart.clone());
            }
        }
        let chart = chart_of(ws, kind, today, language)?;
        let mut kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.retain(|_, k| k.stamp == stamp && k.day == today);
        kept.insert(key, Kept { stamp, day: today, chart: chart.clone() });
        Ok(chart)
    }
}
