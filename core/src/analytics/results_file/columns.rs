//! The fields a results file can fill, the Instagram export of Meta Business Suite recognised
//! by its headers, and the person's choice of columns for any other file.
//!
//! Contract: a header is compared as the roster import compares one (ignoring case, accents,
//! spaces and punctuation: `"Duration (sec)"` is `durationsec`), never by its position. A
//! choice names a column and a field as the roster's [`ColumnMapping`] does (the header exactly
//! or as recognition compares it; the field by its value or its label); a column chosen twice,
//! or a header that stands twice where a field is read from it, is refused with a code.

use crate::error::{Error, Result};
use crate::roster::import::fields::normalise;
use crate::roster::import::mapping::{column_named, layout_error, quote_list};
use crate::roster::import::problems::display_text;
use crate::roster::import::ColumnMapping;
use crate::roster::model::text_enum;
use serde::{Deserialize, Serialize};

text_enum!(
    /// What a column of a results file can hold: which post it is, and its counts.
    ResultField {
        Permalink = "permalink", "Permalink";
        PostId = "post_id", "Post ID";
        Account = "account", "Account";
        PublishTime = "publish_time", "Publish time";
        Format = "format", "Post type";
        SnapshotDate = "snapshot_date", "Snapshot date";
        Caption = "caption", "Caption";
        Views = "views", "Views";
        Reach = "reach", "Reach";
        Impressions = "impressions", "Impressions";
        Likes = "likes", "Likes";
        Comments = "comments", "Comments";
        Shares = "shares", "Shares";
        Saves = "saves", "Saves";
        LinkClicks = "link_clicks", "Link clicks";
        ProfileFollows = "profile_follows", "Profile follows";
        Followers = "followers", "Followers";
    }
);

impl ResultField {
    /// The fields that hold a count, in the order of [`super::Counts`].
    pub const COUNTS: [ResultField; 10] = [
        ResultField::Views,
        ResultField::Reach,
        ResultField::Impressions,
        ResultField::Likes,
        ResultField::Comments,
        ResultField::Shares,
        ResultField::Saves,
        ResultField::LinkClicks,
        ResultField::ProfileFollows,
        ResultField::Followers,
    ];

    /// A choice's field: its value (`link_clicks`) or label (`Link clicks`), as people write them.
    fn named(text: &str) -> Option<ResultField> {
        let key = normalise(text);
        ResultField::ALL.iter().copied().find(|f| !key.is_empty() && (normalise(f.as_str()) == key || normalise(f.label()) == key))
    }
}

/// Meta's headers (compared by [`normalise`]) and the field each fills; the others
/// (`Account ID`, `Account name`, `Duration (sec)`, `Data comment`) are not read.
const META: &[(&str, ResultField)] = &[
    ("postid", ResultField::PostId),
    ("accountusername", ResultField::Account),
    ("description", ResultField::Caption),
    ("publishtime", ResultField::PublishTime),
    ("permalink", ResultField::Permalink),
    ("posttype", ResultField::Format),
    ("date", ResultField::SnapshotDate),
    ("views", ResultField::Views),
    ("reach", ResultField::Reach),
    ("impressions", ResultField::Impressions),
    ("likes", ResultField::Likes),
    ("shares", ResultField::Shares),
    ("follows", ResultField::ProfileFollows),
    ("comments", ResultField::Comments),
    ("saves", ResultField::Saves),
    ("linkclicks", ResultField::LinkClicks),
];

/// Which column fills which field.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    columns: Vec<Option<usize>>,
}

impl Plan {
    fn new() -> Plan {
        Plan { columns: vec![None; ResultField::ALL.len()] }
    }

    pub fn column(&self, f: ResultField) -> Option<usize> {
        self.columns[f as usize]
    }

    fn set(&mut self, f: ResultField, c: usize) {
        self.columns[f as usize] = Some(c);
    }

    /// The field column `c` fills, if any.
    pub fn field_of(&self, c: usize) -> Option<ResultField> {
        ResultField::ALL.iter().copied().find(|f| self.column(*f) == Some(c))
    }

    fn has_count(&self) -> bool {
        ResultField::COUNTS.iter().any(|f| self.column(*f).is_some())
    }
}

/// Whether the headers are Meta's per-post export: `Post ID`, `Permalink` and `Post type`
/// together are found in no other file people bring.
pub(crate) fn is_meta(headers: &[String]) -> bool {
    let has = |key: &str| headers.iter().any(|h| normalise(h) == key);
    has("postid") && has("permalink") && has("posttype")
}

/// The plan of a Meta export; refused when a column it needs is missing, naming each one as
/// Meta writes it.
pub(crate) fn meta_plan(file: &str, headers: &[String]) -> Result<Plan> {
    let mut plan = Plan::new();
    for (c, h) in headers.iter().enumerate() {
        let key = normalise(h);
        if let Some((_, f)) = META.iter().find(|(k, _)| *k == key) {
            if plan.column(*f).is_none() {
                plan.set(*f, c);
            }
        }
    }
    refuse_twice(file, headers, &plan)?;
    let mut missing: Vec<&str> = [(ResultField::Account, "Account username"), (ResultField::PublishTime, "Publish time")].iter().filter(|(f, _)| plan.column(*f).is_none()).map(|(_, h)| *h).collect();
    if plan.column(ResultField::Views).is_none() && plan.column(ResultField::Impressions).is_none() {
        missing.push("Views");
    }
    if missing.is_empty() {
        return Ok(plan);
    }
    let list = missing.iter().map(|m| format!("‘{m}’")).collect::<Vec<_>>().join(", ");
    Err(layout_error(
        file,
        "results_missing_columns",
        &[("missing", missing.join("\n")), ("columns", headers.join("\n"))],
        format!("{file} looks like an Instagram export from Meta Business Suite, but it has no column {list}. Export the posts again from Meta Business Suite, or choose the columns yourself. Its columns are {}.", quote_list(headers)),
    ))
}

/// The plan of any file read with the person's choices (header → field value, or `None` to
/// leave the column out); columns not chosen are not read.
pub(crate) fn mapped_plan(file: &str, headers: &[String], mapping: &ColumnMapping) -> Result<Plan> {
    let mut plan = Plan::new();
    let mut names: Vec<(&String, &Option<String>)> = mapping.0.iter().collect();
    names.sort();
    for (name, choice) in names {
        let c = column_named(file, headers, name)?;
        let Some(value) = choice.as_deref().map(str::trim).filter(|v| !v.is_empty()) else { continue };
        let Some(f) = ResultField::named(value) else {
            let choices: Vec<&str> = ResultField::ALL.iter().map(|f| f.as_str()).collect();
            let (header, value) = (display_text(&headers[c], 60), display_text(value, 60));
            return Err(layout_error(
                file,
                "unknown_field",
                &[("column", header.clone()), ("field", value.clone()), ("fields", choices.join(","))],
                format!("The column ‘{header}’ of {file} is set to be read as “{value}”, which is not a post result Chorus knows. Choose one of: {}; or leave the column out.", choices.join(", ")),
            ));
        };
        match plan.column(f) {
            Some(first) if first != c => {
                let (first, second) = (display_text(&headers[first], 60), display_text(&headers[c], 60));
                return Err(layout_error(
                    file,
                    "field_twice",
                    &[("first", first.clone()), ("second", second.clone()), ("field", f.as_str().into())],
                    format!("The columns ‘{first}’ and ‘{second}’ of {file} are both set to be read as {}. Choose one of them and leave the other out.", f.label().to_lowercase()),
                ));
            }
            _ => plan.set(f, c),
        }
    }
    refuse_twice(file, headers, &plan)?;
    let (of, columns) = (|f: ResultField| plan.column(f).is_some(), headers.join("\n"));
    if !(of(ResultField::Permalink) || of(ResultField::PostId) || of(ResultField::Account) && of(ResultField::PublishTime)) {
        return Err(layout_error(
            file,
            "results_no_post_column",
            &[("columns", columns)],
            format!("No column of {file} is chosen to say which post a row is about. Choose the column with the link to the post (or its ID, or the account and the publish time). Its columns are {}.", quote_list(headers)),
        ));
    }
    if !plan.has_count() {
        return Err(layout_error(
            file,
            "results_no_count_column",
            &[("columns", columns)],
            format!("No column of {file} is chosen as a count, such as views, reach or likes: there are no results to read. Its columns are {}.", quote_list(headers)),
        ));
    }
    Ok(plan)
}

/// Refuses a file where a column a field is read from has its header twice: which of the two
/// holds the likes cannot be told.
fn refuse_twice(file: &str, headers: &[String], plan: &Plan) -> Result<()> {
    for f in ResultField::ALL {
        let Some(c) = plan.column(*f) else { continue };
        let key = normalise(&headers[c]);
        if headers.iter().enumerate().any(|(j, h)| j != c && normalise(h) == key) {
            let column = display_text(&headers[c], 60);
            return Err(duplicate(file, &column, headers));
        }
    }
    Ok(())
}

fn duplicate(file: &str, column: &str, headers: &[String]) -> Error {
    layout_error(
        file,
        "results_duplicate_column",
        &[("column", column.to_string()), ("columns", headers.join("\n"))],
        format!("{file} has two columns named ‘{column}’, so Chorus cannot tell which one to read. Rename or remove one of them."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|h| h.to_string()).collect()
    }

    fn code(e: Error) -> &'static str {
        match e {
            Error::ImportLayout { code, .. } => code,
            other => panic!("not a layout error: {other:?}"),
        }
    }

    #[test]
    fn every_field_is_named_by_its_value_and_its_label() {
        for f in ResultField::ALL {
            assert_eq!(ResultField::named(f.as_str()), Some(*f));
            assert_eq!(ResultField::named(f.label()), Some(*f));
            assert_eq!(ResultField::named(&f.label().to_uppercase()), Some(*f));
        }
        assert_eq!(ResultField::named("link clicks"), Some(ResultField::LinkClicks));
        assert_eq!(ResultField::named("shoe size"), None);
        assert_eq!(ResultField::named(""), None);
    }

    #[test]
    fn meta_headers_are_found_in_any_order_case_and_spacing() {
        let h = headers(&["SAVES", " likes ", "permalink", "Post  type", "post_id", "Account Username", "publish-time", "views"]);
        assert!(is_meta(&h));
        let plan = meta_plan("f.csv", &h).unwrap();
        assert_eq!((plan.column(ResultField::Saves), plan.column(ResultField::Likes), plan.column(ResultField::Views)), (Some(0), Some(1), Some(7)));
        assert_eq!(plan.field_of(4), Some(ResultField::PostId));
        assert!(!is_meta(&headers(&["Post URL", "Views"])));
    }

    #[test]
    fn a_meta_export_without_a_needed_column_names_it() {
        let h = headers(&["Post ID", "Permalink", "Post type", "Likes"]);
        let Err(Error::ImportLayout { code, params, .. }) = meta_plan("f.csv", &h) else { panic!("accepted") };
        assert_eq!((code, params["missing"].as_str()), ("results_missing_columns", "Account username\nPublish time\nViews"));
    }

    #[test]
    fn a_header_read_twice_is_refused() {
        let h = headers(&["Post ID", "Account username", "Publish time", "Permalink", "Post type", "Views", "Likes", "LIKES"]);
        assert_eq!(code(meta_plan("f.csv", &h).unwrap_err()), "results_duplicate_column");
        // Two empty headers of columns nobody reads are no problem.
        let h = headers(&["Post URL", "Views", "", ""]);
        let m = ColumnMapping([("Post URL".to_string(), Some("permalink".to_string())), ("Views".to_string(), Some("views".to_string()))].into_iter().collect());
        assert!(mapped_plan("f.csv", &h, &m).is_ok());
    }

    #[test]
    fn a_mapping_is_checked_as_the_roster_checks_one() {
        let h = headers(&["Link", "Weergaven", "Likes", "Datum"]);
        let map = |pairs: &[(&str, Option<&str>)]| ColumnMapping(pairs.iter().map(|(h, f)| (h.to_string(), f.map(str::to_string))).collect());
        let plan = mapped_plan("f.csv", &h, &map(&[("link", Some("permalink")), ("Weergaven", Some("Views")), ("Likes", None)])).unwrap();
        assert_eq!((plan.column(ResultField::Permalink), plan.column(ResultField::Views), plan.column(ResultField::Likes)), (Some(0), Some(1), None));
        assert_eq!(code(mapped_plan("f.csv", &h, &map(&[("Bestaat niet", Some("views"))])).unwrap_err()), "unknown_column");
        assert_eq!(code(mapped_plan("f.csv", &h, &map(&[("Link", Some("schoenmaat"))])).unwrap_err()), "unknown_field");
        assert_eq!(code(mapped_plan("f.csv", &h, &map(&[("Link", Some("permalink")), ("Weergaven", Some("likes")), ("Likes", Some("likes"))])).unwrap_err()), "field_twice");
        assert_eq!(code(mapped_plan("f.csv", &h, &map(&[("Weergaven", Some("views"))])).unwrap_err()), "results_no_post_column");
        assert_eq!(code(mapped_plan("f.csv", &h, &map(&[("Link", Some("permalink"))])).unwrap_err()), "results_no_count_column");
        assert!(mapped_plan("f.csv", &h, &map(&[("Datum", Some("publish_time")), ("Link", Some("account")), ("Likes", Some("likes"))])).is_ok(), "an account and a publish time say which post");
    }
}
