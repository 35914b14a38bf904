//! The journeys' text guard (tests/support/mod.rs) can fail: without a window, its reader of
//! the window's text flags each sign of a missing value or sentence and nothing else; in the
//! real window, a page that shows such text is caught, in the visible text and in a field's
//! value, while hidden text is not judged.

mod support;

use serde_json::json;
use support::{catalogue_keys, enabled, text_problems, App, ONE_AT_A_TIME};

#[test]
fn the_guard_flags_missing_values_and_raw_catalogue_keys() {
    let keys = catalogue_keys();
    assert!(keys.contains("form.save"), "the keys come from ui/i18n/en.js");
    for bad in [
        "Checklist nullnullnullnull",
        "Due null",
        "Fee: undefined",
        "€ NaN",
        "12null",
        "Hashtags: [object Object]",
        "form.save",
        "Click deliverable.add.save to go on.",
    ] {
        assert_eq!(text_problems(bad, keys).len(), 1, "{bad:?} must be flagged: {:?}", text_problems(bad, keys));
    }
    for good in [
        "Nullified contract, annulled deal, Nan Goldin, Undefinedness",
        "name@example.com, www.instagram.com/anna.fit, 1.250,00, 12.5K, e.g. NL",
        "Save",
        "",
    ] {
        assert_eq!(text_problems(good, keys), Vec::<String>::new(), "{good:?} is fine");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn journey_the_guard_catches_a_window_that_shows_null() {
    if !enabled("text guard") {
        return;
    }
    let _one = ONE_AT_A_TIME.lock().await;
    let data = tempfile::tempdir().unwrap();
    let app = App::start(data.path()).await;
    assert!(app.visible_text().await.contains("Chorus"), "the guard reads the window's text");
    assert_eq!(app.problems_on_screen().await, Vec::<String>::new(), "the first screen is clean");
    let show = "const e = document.createElement(arguments[0]); e.id = 'guard-probe';
        if (arguments[0] === 'input') e.value = arguments[1]; else e.textContent = arguments[1];
        if (arguments[2]) e.hidden = true; document.body.prepend(e); return true;";
    for (tag, text, hidden, flagged) in [
        ("p", "Checklist nullnullnullnull", false, true),
        ("p", "Due undefined", false, true),
        ("p", "€ NaN", false, true),
        ("p", "[object Object]", false, true),
        ("p", "deliverable.form.checklist", false, true),
        ("input", "null", false, true),
        ("p", "null", true, false),
    ] {
        app.js(show, vec![json!(tag), json!(text), json!(hidden)]).await;
        let problems = app.problems_on_screen().await;
        assert_eq!(!problems.is_empty(), flagged, "{tag} showing {text:?} (hidden: {hidden}): {problems:?} in {:?}", app.visible_text().await);
        app.js("document.querySelector('#guard-probe').remove(); return true;", vec![]).await;
    }
    app.stop().await;
}
