//! Drives the real Chorus window for the end-to-end journeys: starts tauri-driver (which
//! starts WebKitWebDriver, which starts the app) with the app on its own data directory, and
//! offers the few actions a journey needs. Runs only when `CHORUS_E2E=1` (set by
//! `scripts/test.sh`, which also provides Xvfb); otherwise each journey says it was skipped.
//!
//! The text guard: every step (waiting for, clicking, typing into or choosing an element, a
//! wait that came true, a screenshot, closing) first checks what the window shows, the visible
//! text plus the values of visible fields, and fails the journey when it holds `null`,
//! `undefined`, `NaN`, `[object Object]` or a raw catalogue key (`form.save`, a key of
//! ui/i18n/en.js): what a missing value or a missing sentence looks like to a user.

#![allow(dead_code)]

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Whether the journeys should run here.
pub fn enabled(test: &str) -> bool {
    if std::env::var("CHORUS_E2E").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("{test}: skipped (set CHORUS_E2E=1 and run under a display; scripts/test.sh does both)");
    false
}

/// One journey's sessions run one at a time: the app instances would share the display.
pub static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct App {
    pub client: Client,
    driver: Child,
    pub dialog_file: PathBuf,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn tauri_driver() -> PathBuf {
    if let Ok(found) = which("tauri-driver") {
        return found;
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    home.join(".cargo/bin/tauri-driver")
}

fn which(name: &str) -> Result<PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()).ok_or(())
}

/// Stops `driver` and every process of its group: SIGTERM, up to 10 s to go, then SIGKILL.
async fn stop_group(driver: &mut Child) {
    let group = format!("-{}", driver.id());
    let signal = |name: &str| Command::new("kill").args([name, "--", &group]).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    signal("-TERM");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let _ = driver.try_wait();
        if !group_alive(driver.id()) {
            return;
        }
        if Instant::now() >= deadline {
            signal("-KILL");
            let _ = driver.wait();
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Whether a process of group `group` is still running (zombies left for init do not count).
fn group_alive(group: u32) -> bool {
    let Ok(entries) = std::fs::read_dir("/proc") else { return false };
    entries.flatten().any(|entry| {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { return false };
        // pid (comm) state ppid pgrp ...: the name may hold spaces, so read after the last ')'.
        let Some((_, rest)) = stat.rsplit_once(')') else { return false };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        fields.len() > 2 && fields[0] != "Z" && fields[2] == group.to_string()
    })
}

impl Drop for App {
    /// A journey that failed half-way leaves nothing running behind it.
    fn drop(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", self.driver.id())]).status();
            let _ = self.driver.wait();
        }
    }
}

impl App {
    /// Starts the app with `data_dir` as its config and data folder. A driver that gives no
    /// session within 40 s (WebKitWebDriver failing to start on a loaded machine) is stopped
    /// with everything it started, and a fresh one is tried, three times in all.
    pub async fn start(data_dir: &Path) -> App {
        let dialog_file = data_dir.join("dialog-answer.txt");
        std::fs::write(&dialog_file, "").unwrap();
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": env!("CARGO_BIN_EXE_chorus-app") }));
        let mut last_error = String::new();
        for _attempt in 0..3 {
            let port = free_port();
            let native_port = free_port();
            // Its own process group, so that stopping it stops WebKitWebDriver and the app too.
            let mut driver = Command::new(tauri_driver())
                .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                .env("CHORUS_DATA_DIR", data_dir)
                .env("CHORUS_TEST_DIALOG_FILE", &dialog_file)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .expect("tauri-driver must be installed (scripts/install-deps.sh --e2e)");
            let url = format!("http://127.0.0.1:{port}");
            // tauri-driver does not wait for WebKitWebDriver: retry the first session request.
            let deadline = Instant::now() + Duration::from_secs(40);
            let client = loop {
                match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new()).capabilities(caps.clone()).connect(&url).await {
                    Ok(c) => break Some(c),
                    Err(e) if Instant::now() < deadline => {
                        last_error = e.to_string();
                        tokio::time::sleep(Duration::from_millis(250)).await;
                    }
                    Err(e) => {
                        last_error = e.to_string();
                        break None;
                    }
                }
            };
            match client {
                Some(client) => {
                    let app = App { client, driver, dialog_file };
                    app.wait_for("#app > *").await;
                    return app;
                }
                None => stop_group(&mut driver).await,
            }
        }
        panic!("could not start a WebDriver session in three tries: {last_error}");
    }

    /// Closes the window and stops the driver, WebKitWebDriver and the app (its process group),
    /// waiting until they are all gone so the next journey starts on a quiet machine.
    pub async fn stop(mut self) {
        self.check_text("the last step").await;
        let _ = self.client.clone().close().await;
        stop_group(&mut self.driver).await;
    }

    /// The next native dialog answers with `path` (None: the user cancels).
    pub fn answer_dialog_with(&self, path: Option<&Path>) {
        std::fs::write(&self.dialog_file, path.map(|p| p.display().to_string()).unwrap_or_default()).unwrap();
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        let deadline = Instant::now() + TIMEOUT;
        let el = loop {
            match self.client.wait().at_most(TIMEOUT).for_element(Locator::Css(css)).await {
                Ok(el) => break el,
                // The screen drew the element again while it was being found: look again.
                Err(e) if e.to_string().contains("Stale") && Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(100)).await,
                Err(e) => panic!("{css} did not appear: {e}"),
            }
        };
        self.check_text(&format!("waiting for {css}")).await;
        el
    }

    /// What the window shows now: the visible text, the title, and the value (or, when empty,
    /// the placeholder) of every visible field and the chosen option of every visible menu.
    pub async fn visible_text(&self) -> String {
        let script = "const shown = (e) => e.getClientRects().length > 0;
            const parts = [document.title, document.body.innerText];
            for (const e of document.querySelectorAll('input, textarea')) {
              if (!shown(e) || ['hidden', 'password', 'checkbox', 'radio'].includes(e.type)) continue;
              parts.push(e.value || e.placeholder || '');
            }
            for (const s of document.querySelectorAll('select')) if (shown(s)) parts.push(s.selectedOptions[0]?.textContent ?? '');
            return parts.join('\\n');";
        match self.client.execute(script, vec![]).await {
            Ok(Value::String(text)) => text,
            other => panic!("the window's text could not be read: {other:?}"),
        }
    }

    /// What the guard finds wrong in what the window shows now.
    pub async fn problems_on_screen(&self) -> Vec<String> {
        text_problems(&self.visible_text().await, catalogue_keys())
    }

    /// The guard: what the window shows must hold no sign of a missing value or sentence.
    /// `step` names what the journey was doing, for the failure.
    pub async fn check_text(&self, step: &str) {
        let problems = self.problems_on_screen().await;
        if !problems.is_empty() {
            panic!("the window shows what no user should read, at {step}:\n  {}", problems.join("\n  "));
        }
    }

    /// Clicks the element; when the page re-rendered it in between (a refresh), finds it again.
    pub async fn click(&self, css: &str) {
        for attempt in 0..5 {
            let el = self.wait_for(css).await;
            self.scroll_into_view(css).await;
            match el.click().await {
                Ok(()) => return,
                Err(e) if attempt < 4 => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("could not click {css}: {e}"),
            }
        }
    }

    /// Clicks `css` and waits for `expected` (what the click opens), clicking again when the
    /// click was lost: a list that was just filtered or loaded may draw its rows again between
    /// finding a row and clicking it (a stale element, or a click on a row already replaced),
    /// so nothing opens. Each try waits a short while for `expected`; the whole waits as long as
    /// `wait_for`. Use it for a row of a list that was just drawn, not for buttons whose second
    /// click would do something else. Returns `expected`, read by the text guard.
    pub async fn click_until(&self, css: &str, expected: &str) -> Element {
        const TRY: Duration = Duration::from_millis(1500);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            self.click(css).await;
            let this_try = Instant::now() + TRY;
            while Instant::now() < this_try {
                if self.client.find(Locator::Css(expected)).await.is_ok() {
                    return self.wait_for(expected).await;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if Instant::now() >= deadline {
                panic!("clicking {css} never showed {expected}");
            }
        }
    }

    /// Scrolls the first element matching `css` into the middle of its scrolling panel, as a
    /// person scrolls to a field before typing in it.
    async fn scroll_into_view(&self, css: &str) {
        self.js("document.querySelector(arguments[0])?.scrollIntoView({block: 'center'}); return true;", vec![json!(css)]).await;
    }

    /// Replaces the value of an input or textarea, as a person would by typing. When the page
    /// re-rendered the field in between (a refresh after a change elsewhere keeps what was
    /// typed, in a new element), it finds the field again and types again.
    pub async fn fill(&self, css: &str, text: &str) {
        for attempt in 0..5 {
            let el = self.wait_for(css).await;
            self.scroll_into_view(css).await;
            let typed = match el.clear().await {
                Err(e) => Err(e),
                Ok(()) if text.is_empty() => {
                    // Nothing to type: tell the page the field was emptied, as the keyboard would.
                    self.js("document.querySelector(arguments[0]).dispatchEvent(new Event('input', {bubbles: true})); return true;", vec![json!(css)]).await;
                    Ok(())
                }
                Ok(()) => el.send_keys(text).await,
            };
            match typed {
                Ok(()) => return,
                Err(_) if attempt < 4 => tokio::time::sleep(Duration::from_millis(200)).await,
                Err(e) => panic!("could not type into {css}: {e}"),
            }
        }
    }

    /// Chooses an option of a `<select>` by its value, and tells the page it changed.
    pub async fn choose(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.js("const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true})); return s.value;", vec![json!(css), json!(value)]).await;
    }

    /// The text of the first element matching `css` (its textContent, trimmed).
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await;
        self.text_now(css).await.unwrap_or_default()
    }

    async fn text_now(&self, css: &str) -> Option<String> {
        // Only what a person can see counts: a hidden element has no client rects.
        let v = self
            .client
            .execute("const e = document.querySelector(arguments[0]); return e && e.getClientRects().length > 0 ? e.textContent.trim() : null;", vec![json!(css)])
            .await
            .ok()?;
        v.as_str().map(str::to_string)
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}"))
    }

    /// Waits until `css` exists and its text satisfies `ok`; returns that text.
    pub async fn wait_for_text(&self, css: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Some(t) = self.text_now(css).await {
                if ok(&t) {
                    self.check_text(&format!("{css} showing {what}")).await;
                    return t;
                }
                last = t;
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        panic!("{css} never showed {what}; last text: {last:?}");
    }

    /// Waits until the page answers `script` with `true`.
    pub async fn wait_until(&self, what: &str, script: &str, args: Vec<Value>) {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if self.client.execute(script, args.clone()).await.ok() == Some(Value::Bool(true)) {
                self.check_text(what).await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        panic!("timed out waiting for {what}");
    }

    /// Texts of every visible element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let v = self.js("return Array.from(document.querySelectorAll(arguments[0])).filter(e => e.getClientRects().length > 0).map(e => e.textContent.trim());", vec![json!(css)]).await;
        v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    }

    /// Waits until the visible elements matching `css` show exactly `expected`, in order (a
    /// list is often drawn a moment after the count above it).
    pub async fn wait_for_texts(&self, css: &str, what: &str, expected: &[&str]) {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = Vec::new();
        while Instant::now() < deadline {
            last = self.texts(css).await;
            if last == expected {
                self.check_text(&format!("{css} showing {what}")).await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        panic!("{css} never showed {what} {expected:?}; last: {last:?}");
    }

    /// Saves a screenshot of the window as tests/screenshots/<name>.png and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        // Let transitions (panels sliding in, dialogs fading) settle first.
        tokio::time::sleep(Duration::from_millis(400)).await;
        self.check_text(&format!("the screenshot {name}")).await;
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(&path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// Starts the app on `data_dir` speaking `language` (saved as the preference), in the dark
    /// theme when `dark`.
    pub async fn start_speaking(data_dir: &Path, language: &str, dark: bool) -> App {
        chorus_core::app::preferences::Preferences { language: language.into(), ..Default::default() }.save(data_dir).unwrap();
        if dark {
            std::env::set_var("GTK_THEME", "Adwaita:dark");
        }
        let app = App::start(data_dir).await;
        std::env::remove_var("GTK_THEME");
        app
    }

    /// The value of a field, as the window holds it (read once the field is there: a panel that
    /// is being rebuilt may replace it between two looks).
    pub async fn value(&self, css: &str) -> String {
        self.wait_for(css).await;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let v = self.js("const e = document.querySelector(arguments[0]); return e ? e.value : null;", vec![json!(css)]).await;
            if let Some(text) = v.as_str() {
                return text.to_string();
            }
            assert!(Instant::now() < deadline, "{css} went away and never came back");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// What the window shows cut off among the elements `css` matches: text wider than its box
    /// (a label, a cell, or the text typed into a box), more lines than its box shows, or a
    /// menu's chosen option wider than the menu. Labels kept for screen readers only are drawn
    /// nowhere and left out.
    pub async fn cut_off(&self, css: &str) -> Vec<String> {
        let script = "const ctx = document.createElement('canvas').getContext('2d');
            const out = [];
            for (const e of document.querySelectorAll(arguments[0])) {
              if (e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden' || e.closest('.sr-only, .label-hidden')) continue;
              if (e.tagName === 'SELECT') {
                const cs = getComputedStyle(e);
                ctx.font = cs.font;
                const text = e.selectedOptions[0]?.textContent ?? '';
                if (ctx.measureText(text).width > e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) + 1) out.push('#' + e.id + ' (menu): ' + text);
              } else if (e.scrollWidth > e.clientWidth + 1 || (getComputedStyle(e).webkitLineClamp !== 'none' && e.scrollHeight > e.clientHeight + 1)) {
                if (e.matches('input, textarea')) { if (e.value) out.push('#' + e.id + ': ' + e.value); }
                else out.push(e.className + ': ' + e.textContent.trim().slice(0, 80));
              }
            }
            return out;";
        serde_json::from_value(self.js(script, vec![json!(css)]).await).unwrap()
    }

    /// Waits for a success notice that says `words`.
    pub async fn notice(&self, words: &str) {
        let script = "return Array.from(document.querySelectorAll('.toast-success')).some(t => t.textContent.includes(arguments[0]));";
        self.wait_until(&format!("a notice saying {words:?}"), script, vec![json!(words)]).await;
    }
}

/// The keys of the English catalogue that have a dot in them (`form.save`): shown raw, they
/// are a sentence that was never found.
pub fn catalogue_keys() -> &'static HashSet<String> {
    static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let en = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/i18n/en.js")).expect("ui/i18n/en.js");
        en.lines()
            .filter_map(|line| line.trim_start().strip_prefix('\'')?.split_once("':").map(|(key, _)| key.to_string()))
            .filter(|key| key.contains('.'))
            .collect()
    })
}

/// Each sign of a missing value or sentence in `text`, with the words around it.
pub fn text_problems(text: &str, keys: &HashSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    let around = |at: usize, len: usize| {
        let start = text[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
        let end = text[at + len..].char_indices().nth(30).map_or(text.len(), |(i, _)| at + len + i);
        text[start..end].replace('\n', " ⏎ ")
    };
    if let Some(at) = text.find("[object Object]") {
        found.push(format!("[object Object] in “{}”", around(at, 15)));
    }
    // Words: runs of letters, digits, `_` and inner dots (`form.save`, `nullnullnull`).
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let part_of_word = c.is_alphanumeric() || c == '_' || c == '.';
        match (start, part_of_word) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text[s..i].trim_matches('.');
                let at = s + text[s..i].find(word).unwrap_or(0);
                let missing_value = word.split('.').any(|w| {
                    let w = w.trim_start_matches(char::is_numeric);
                    ["null", "undefined", "NaN"].iter().any(|bad| !w.is_empty() && w.len() % bad.len() == 0 && w == bad.repeat(w.len() / bad.len()))
                });
                if missing_value {
                    found.push(format!("“{word}” in “{}”", around(at, word.len())));
                } else if word.contains('.') && keys.contains(word) {
                    found.push(format!("the catalogue key “{word}” in “{}”", around(at, word.len())));
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// A `YYYY-MM-DD` date as a person types it in the window's language: `25-11-2026` (nl),
/// `25 Nov 2026` (en).
pub fn typed_date(iso: &str, language: &str) -> String {
    let (y, m, d) = (&iso[0..4], iso[5..7].parse::<usize>().unwrap(), iso[8..10].parse::<u32>().unwrap());
    match language {
        "nl" => format!("{d:02}-{m:02}-{y}"),
        _ => format!("{d} {} {y}", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]),
    }
}

/// `YYYY-MM-DD`, `days` from today on this computer's clock (negative: in the past): the
/// dates journeys prepare their workspaces with, so that "today" on screen is the test's day.
pub fn day(days: i64) -> String {
    (chorus_core::campaigns::fields::local_today() + chrono::Duration::days(days)).format("%Y-%m-%d").to_string()
}

/// Text as a person reads it: Intl writes `€ 5,00` and `25 nov. 2026` with no-break spaces.
pub fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// A creator in the Netherlands with one Instagram handle of 12,400 followers; their id.
pub fn instagram_creator(ws: &mut chorus_core::Workspace, name: &str, handle: &str) -> i64 {
    use chorus_core::roster::model::{CreatorDraft, HandleDraft};
    let draft = CreatorDraft {
        display_name: name.into(),
        handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "12400".into(), ..Default::default() }],
        country: "NL".into(),
        ..Default::default()
    };
    chorus_core::roster::creators::create(ws, &draft).unwrap().id
}
