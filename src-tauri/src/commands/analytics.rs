//! The commands behind the charts the window shows (the Sales and Payouts screens' Charts
//! tabs): a chart drawn by the core as SVG or PNG bytes, handed to the window as raw bytes
//! (an `ArrayBuffer`, shown as an image, never as markup), and the same chart written through
//! the native save dialog. The figures are kept between drawings while the workspace reads the
//! same (`ChartCache`), so a resize or a theme change redraws without reading the orders again.
//! Thin: every figure and every pixel is `chorus_core::charts`'.

use super::{filter, with_extension, CmdResult};
use crate::dialogs::{self, DialogText};
use crate::state::AppState;
use chorus_core::charts::{ChartKind, Format, Style};
use std::path::Path;
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};

/// Chart `kind` of the open workspace in `style`, as the bytes of an SVG or PNG file.
#[tauri::command(async)]
pub fn charts_draw(state: State<'_, AppState>, kind: ChartKind, style: Style, format: Format) -> CmdResult<Response> {
    state.with_workspace(|ws| state.charts.draw(ws, kind, &style, format)).map(Response::new)
}

/// Chart `kind` drawn in `style` and written where the user picks in the save dialog; the path
/// written, or `None` when the dialog was cancelled.
#[tauri::command(async)]
pub fn charts_save<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, kind: ChartKind, style: Style, format: Format, dialog: DialogText) -> CmdResult<Option<String>> {
    let folder = state.with_workspace(|ws| Ok(ws.path().and_then(Path::parent).map(Path::to_path_buf)))?;
    let extension = format.extension();
    let Some(path) = dialogs::pick_save(&app, &dialog.title, &kind.file_name(format), folder, filter(&dialog, &[extension])) else { return Ok(None) };
    let path = with_extension(path, extension);
    state.with_workspace(|ws| state.charts.save(ws, kind, &style, format, &path))?;
    Ok(Some(path.display().to_string()))
}
