//! The substring search behind the roster's search box: one FTS5 trigram document per creator
//! (name, handles, niches, tags, city), kept in step with the creator in the same transaction.
//! Queries of three characters or more use the trigram index; shorter ones fall back to
//! prefix matches on names (their folded `sort_name`) and handles, which have ordinary indexes.

use crate::error::Result;
use rusqlite::{params, Connection};

/// Rewrites the search document of one creator from what is stored.
pub(crate) fn refresh(conn: &Connection, creator_id: i64) -> Result<()> {
    let body: String = conn.query_row(
        "SELECT c.display_name || ' ' || c.city
             || coalesce((SELECT ' ' || group_concat('@' || h.handle, ' ') FROM handles h WHERE h.creator_id = c.id), '')
             || coalesce((SELECT ' ' || group_concat(n.niche, ' ') FROM creator_niches n WHERE n.creator_id = c.id), '')
             || coalesce((SELECT ' ' || group_concat(t.tag, ' ') FROM creator_tags t WHERE t.creator_id = c.id), '')
         FROM creators c WHERE c.id = ?1",
        [creator_id],
        |r| r.get(0),
    )?;
    conn.execute("DELETE FROM creator_search WHERE rowid = ?1", [creator_id])?;
    conn.execute("INSERT INTO creator_search (rowid, body) VALUES (?1, ?2)", params![creator_id, body])?;
    Ok(())
}

pub(crate) fn remove(conn: &Connection, creator_id: i64) -> Result<()> {
    conn.execute("DELETE FROM creator_search WHERE rowid = ?1", [creator_id])?;
    Ok(())
}

/// How a search text becomes SQL: a condition on `c.id` and its parameters.
pub(crate) enum SearchPlan {
    /// Nothing to search for.
    Everything,
    /// An FTS5 match expression: every word must appear somewhere in the document.
    Trigram(String),
    /// Words under three characters: a prefix of the name (folded like `sort_name`, so "emi"
    /// finds "Émile") or of a handle (its key: lower case).
    Prefix { name: String, handle: String },
}

pub(crate) fn plan(text: &str) -> SearchPlan {
    let words: Vec<String> = text.split_whitespace().map(|w| w.trim_start_matches('@').to_lowercase()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return SearchPlan::Everything;
    }
    let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
    if long.is_empty() {
        let handle = words.join(" ");
        return SearchPlan::Prefix { name: crate::roster::folding::fold(&handle), handle };
    }
    // Each word as an FTS5 string (quotes doubled), all of them required.
    SearchPlan::Trigram(long.iter().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect::<Vec<_>>().join(" AND "))
}

/// The smallest string greater than every string starting with `prefix`, for index ranges.
pub(crate) fn prefix_upper_bound(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}
