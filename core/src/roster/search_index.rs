//! The substring search behind the roster's search box. Every word of three characters or
//! more must appear somewhere in the creator: in their name, city or handles, which one FTS5
//! trigram document per creator holds (kept in step with the creator in the same
//! transaction), or in one of their niches or tags, which are a short list of values shared by
//! many creators and are found through the filter menus' vocabulary and their own indexes.
//! Shorter queries fall back to prefix matches on names (their folded `sort_name`) and handles,
//! which have ordinary indexes.
//!
//! The index is contentless (see `0003_quality.sql`): it holds the trigrams and their places,
//! which answer every search exactly, and no second copy of the text. Niches and tags stay out
//! of it: in a large roster they were a quarter of its text, and a niche word matched a quarter
//! of its documents, the slowest search of all (decision record 0009).

use crate::error::Result;
use crate::roster::facet_counts;
use crate::roster::folding::fold;
use rusqlite::{params, Connection};

/// The search document of the creator `c`, in SQL: name, city and `@handles`.
const DOCUMENT: &str = "c.display_name || ' ' || c.city
    || coalesce((SELECT ' ' || group_concat('@' || h.handle, ' ') FROM handles h WHERE h.creator_id = c.id), '')";

/// Rewrites the search document of one creator from what is stored.
pub(crate) fn refresh(conn: &Connection, creator_id: i64) -> Result<()> {
    let body: String = conn.query_row(&format!("SELECT {DOCUMENT} FROM creators c WHERE c.id = ?1"), [creator_id], |r| r.get(0))?;
    conn.execute("DELETE FROM creator_search WHERE rowid = ?1", [creator_id])?;
    conn.execute("INSERT INTO creator_search (rowid, body) VALUES (?1, ?2)", params![creator_id, body])?;
    Ok(())
}

/// Writes the search document of every creator into an empty index, in one statement: the
/// migration to schema version 3 does this after creating the index anew.
pub(crate) fn fill(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!("INSERT INTO creator_search (rowid, body) SELECT c.id, {DOCUMENT} FROM creators c ORDER BY c.id"))?;
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
    /// Words of three characters or more, every one of them required.
    Words(Vec<Word>),
    /// Words under three characters: a prefix of the name (folded like `sort_name`, so "emi"
    /// finds "Émile") or of a handle (its key: lower case).
    Prefix { name: String, handle: String },
}

/// One word of the search and where it can be found.
#[derive(Debug, PartialEq)]
pub(crate) struct Word {
    /// An FTS5 match expression for the document: the word as one string (quotes doubled).
    pub document: String,
    /// The niches and the tags on the roster that contain the word (accents and case folded).
    pub niches: Vec<String>,
    pub tags: Vec<String>,
}

pub(crate) fn plan(conn: &Connection, text: &str) -> Result<SearchPlan> {
    let words: Vec<String> = text.split_whitespace().map(|w| w.trim_start_matches('@').to_lowercase()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Ok(SearchPlan::Everything);
    }
    let long: Vec<&String> = words.iter().filter(|w| w.chars().count() >= 3).collect();
    if long.is_empty() {
        let handle = words.join(" ");
        return Ok(SearchPlan::Prefix { name: fold(&handle), handle });
    }
    // The niches and tags in use, from the filter menus' counts: a few dozen values.
    let vocabulary: Vec<(String, String, String)> =
        facet_counts::read(conn)?.into_iter().filter(|(menu, _, n)| *n > 0 && (menu == "niche" || menu == "tag")).map(|(menu, value, _)| { let folded = fold(&value); (menu, value, folded) }).collect();
    let plan = long
        .iter()
        .map(|w| {
            let folded = fold(w);
            let containing = |wanted: &str| vocabulary.iter().filter(|(menu, _, f)| menu == wanted && f.contains(&folded)).map(|(_, v, _)| v.clone()).collect();
            Word { document: format!("\"{}\"", w.replace('"', "\"\"")), niches: containing("niche"), tags: containing("tag") }
        })
        .collect();
    Ok(SearchPlan::Words(plan))
}

/// The smallest string greater than every string starting with `prefix`, for index ranges.
pub(crate) fn prefix_upper_bound(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

#[cfg(test)]
mod tests {
    use crate::roster::creators;
    use crate::roster::model::{CreatorDraft, HandleDraft};
    use crate::roster::{list, RosterQuery};
    use crate::workspace::settings::Settings;
    use crate::workspace::Workspace;

    fn found(ws: &Workspace, text: &str) -> Vec<String> {
        list(ws, &RosterQuery { search: text.into(), ..Default::default() }).unwrap().rows.into_iter().map(|r| r.display_name).collect()
    }

    #[test]
    fn a_contentless_index_follows_every_edit_and_delete() {
        // Without a copy of the text, FTS5 cannot delete a document by reading it back: each
        // edit must still replace the old words and each delete remove them.
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let draft = |name: &str, handle: &str| CreatorDraft {
            display_name: name.into(),
            handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "10".into(), ..Default::default() }],
            niches: vec!["food & drink".into()],
            ..Default::default()
        };
        let fleur = creators::create(&mut ws, &draft("Fleur de Jong", "fleur.groen")).unwrap();
        creators::create(&mut ws, &draft("Zoë Martin", "zoe.eats")).unwrap();
        assert_eq!(found(&ws, "groen"), ["Fleur de Jong"]);
        assert_eq!(found(&ws, "food"), ["Fleur de Jong", "Zoë Martin"]);

        creators::update(&mut ws, fleur.id, fleur.revision, &draft("Fleur Visser", "fleur.blauw")).unwrap();
        assert_eq!(found(&ws, "groen"), Vec::<String>::new(), "the old handle is gone from the index");
        assert_eq!(found(&ws, "jong"), Vec::<String>::new(), "and the old name");
        assert_eq!(found(&ws, "blauw visser"), ["Fleur Visser"]);

        creators::delete(&mut ws, fleur.id).unwrap();
        assert_eq!(found(&ws, "fleur"), Vec::<String>::new());
        assert_eq!(found(&ws, "food"), ["Zoë Martin"]);
        let documents: i64 = ws.conn().query_row("SELECT count(*) FROM creator_search", [], |r| r.get(0)).unwrap();
        assert_eq!(documents, 1, "one document per creator");
    }

    #[test]
    fn niche_and_tag_words_are_found_beside_names_and_handles() {
        // Niches and tags are no longer in the trigram document: a word must still find the
        // creators whose niches or tags hold it, as well as those whose name or handle does, and
        // every word of the search must still match somewhere.
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        let mut add = |name: &str, handle: &str, niches: &[&str], tags: &[&str]| {
            let d = CreatorDraft {
                display_name: name.into(),
                handles: vec![HandleDraft { platform: "instagram".into(), handle: handle.into(), followers: "10".into(), ..Default::default() }],
                niches: niches.iter().map(|s| s.to_string()).collect(),
                tags: tags.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            };
            creators::create(&mut ws, &d).unwrap();
        };
        add("Anna de Vries", "annafit", &["fitness & wellness"], &["zomer-2026"]);
        add("Bram Jansen", "bram.techtalk", &["gaming"], &[]);
        add("Chloé Dubois", "chloe.maison", &["café & koffie"], &["gifted-ok"]);
        add("Daan Visser", "daan.v", &["tech"], &["gifted-ok"]);
        assert_eq!(found(&ws, "wellness"), ["Anna de Vries"], "a word inside a niche");
        assert_eq!(found(&ws, "tech"), ["Bram Jansen", "Daan Visser"], "a niche and a handle alike");
        assert_eq!(found(&ws, "cafe"), ["Chloé Dubois"], "accents folded in niches too");
        assert_eq!(found(&ws, "KOFFIE"), ["Chloé Dubois"]);
        assert_eq!(found(&ws, "zomer"), ["Anna de Vries"], "a word inside a tag");
        assert_eq!(found(&ws, "gifted daan"), ["Daan Visser"], "a tag word and a name word together");
        assert_eq!(found(&ws, "gifted fitness"), Vec::<String>::new(), "every word must match");
        assert_eq!(found(&ws, "vries fitness zomer"), ["Anna de Vries"]);
        assert_eq!(list(&ws, &RosterQuery { search: "gifted".into(), ..Default::default() }).unwrap().total, 2, "each creator counted once");
    }
}
