//! The roster table's queries: one page of creators under a search, filters and a sort, the
//! total behind it, and the facet counts for the filter menus. Built to answer within a few
//! milliseconds on 100,000 creators: every filter and sort has an index, search has a trigram
//! index, a page loads its handles and niches in one query each, and the facet counts are kept
//! by the schema (`facet_counts`).

use crate::error::{Error, FieldError, Result};
use crate::roster::model::{CreatorRow, Platform, RowHandle, Stage};
use crate::roster::facet_counts;
use crate::roster::search_index::{self, SearchPlan};
use crate::roster::tiers::Tier;
use crate::workspace::Workspace;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const MAX_PAGE: u32 = 500;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    Name,
    Followers,
    Updated,
}

impl SortKey {
    pub fn parse(text: &str) -> Option<SortKey> {
        match text.trim().to_ascii_lowercase().as_str() {
            "name" => Some(SortKey::Name),
            "followers" => Some(SortKey::Followers),
            "updated" | "last_update" | "last-update" => Some(SortKey::Updated),
            _ => None,
        }
    }
}

/// What the roster shows: empty strings and `None` mean "no filter".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RosterQuery {
    pub search: String,
    pub tier: Option<String>,
    pub platform: Option<String>,
    pub niche: Option<String>,
    pub tag: Option<String>,
    pub stage: Option<String>,
    pub country: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
    pub offset: u32,
    /// Rows per page; 0 means 100. At most [`MAX_PAGE`].
    pub limit: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct RosterPage {
    pub total: u64,
    pub offset: u32,
    pub rows: Vec<CreatorRow>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Facets {
    pub niches: Vec<FacetValue>,
    pub tags: Vec<FacetValue>,
    pub countries: Vec<FacetValue>,
    pub platforms: Vec<FacetValue>,
    pub stages: Vec<FacetValue>,
    pub tiers: Vec<FacetValue>,
}

/// The WHERE clause of a query and its parameters, in the shapes the queries need.
///
/// Why several shapes: SQLite plans each shape well for one job and badly for the other. To
/// count, a set (platform, niche, tag, search) is fastest as `c.id IN (…)`, driven from its
/// index; to fill a page of a large result in sort order, the same set is fastest as a
/// per-row probe while scanning the sort index (see [`list`]).
pub(crate) struct Filter {
    /// `WHERE …` over `creators c`, sets as `c.id IN (…)`; empty when nothing is filtered.
    pub sql: String,
    pub params: Vec<Value>,
    /// The same conditions as cheap per-row probes, for a scan in sort order; same parameters.
    probe_sql: String,
    /// When the whole filter is one set of distinct, existing creator ids: that set, so the
    /// total is counted on its own index without visiting every creator.
    count_only: Option<(String, Vec<Value>)>,
}

/// One condition of a filter.
struct Cond {
    /// Over `creators c`, usable to drive the query from an index.
    sql: String,
    /// The same test, cheap once per scanned creator; takes the same parameters in the same order.
    probe: String,
    params: Vec<Value>,
    /// A `SELECT` of each matching creator id exactly once, all of them existing creators
    /// (foreign keys guarantee it; for search, the one-document-per-creator rule of
    /// `search_index`), with the same parameters.
    ids: Option<String>,
}

impl Cond {
    fn column(sql: &str, params: Vec<Value>) -> Cond {
        Cond { sql: sql.into(), probe: sql.into(), params, ids: None }
    }

    /// A set of creator ids (`ids`, each once), tested as `c.id IN (…)` both ways.
    fn set(ids: String, params: Vec<Value>) -> Cond {
        let sql = format!("c.id IN ({ids})");
        Cond { sql: sql.clone(), probe: sql, params, ids: Some(ids) }
    }
}

/// The search's conditions: words found in no niche or tag as one FTS5 match of all of them;
/// each other word as its own set, the creators whose document, niches or tags hold it.
fn search_conds(words: Vec<search_index::Word>) -> Vec<Cond> {
    // Counting the matching documents counts the matching creators: every write of a creator
    // rewrites its one document in the same transaction (`search_index`), so there is exactly
    // one per creator. Counting them through `creators` instead costs a lookup per match.
    const DOCUMENTS: &str = "SELECT rowid FROM creator_search WHERE creator_search MATCH ?";
    let (document_only, elsewhere): (Vec<_>, Vec<_>) = words.into_iter().partition(|w| w.niches.is_empty() && w.tags.is_empty());
    let mut conds = Vec::new();
    if !document_only.is_empty() {
        let expr = document_only.iter().map(|w| w.document.as_str()).collect::<Vec<_>>().join(" AND ");
        conds.push(Cond::set(DOCUMENTS.into(), vec![Value::Text(expr)]));
    }
    // While walking the sort order, a creator's own niches and tags are looked up by their
    // primary keys instead: cheaper than first collecting the 25,000 creators of a niche.
    const LABELS: [(&str, &str); 2] = [
        ("SELECT creator_id FROM creator_niches WHERE niche", "EXISTS (SELECT 1 FROM creator_niches n WHERE n.creator_id = c.id AND n.niche"),
        ("SELECT creator_id FROM creator_tags WHERE tag", "EXISTS (SELECT 1 FROM creator_tags t WHERE t.creator_id = c.id AND t.tag"),
    ];
    for w in elsewhere {
        let mut ids = DOCUMENTS.to_string();
        let mut probe = format!("(c.id IN ({DOCUMENTS})");
        let mut params = vec![Value::Text(w.document)];
        for (values, (labels, own_labels)) in [w.niches, w.tags].into_iter().zip(LABELS) {
            if !values.is_empty() {
                let marks = vec!["?"; values.len()].join(", ");
                ids.push_str(&format!(" UNION {labels} IN ({marks})"));
                probe.push_str(&format!(" OR {own_labels} IN ({marks}))"));
                params.extend(values.into_iter().map(Value::Text));
            }
        }
        probe.push(')');
        conds.push(Cond { sql: format!("c.id IN ({ids})"), probe, params, ids: Some(ids) });
    }
    conds
}

fn non_empty(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub(crate) fn build_filter(ws: &Workspace, q: &RosterQuery) -> Result<Filter> {
    let mut conds: Vec<Cond> = Vec::new();
    let mut problems = Vec::new();
    match search_index::plan(ws.conn(), &q.search)? {
        SearchPlan::Everything => {}
        SearchPlan::Words(words) => conds.extend(search_conds(words)),
        SearchPlan::Prefix { name, handle } => {
            // A UNION rather than `name OR handle`: each side uses its own index.
            const IDS: &str = "SELECT id FROM creators WHERE sort_name >= ? AND sort_name < ? UNION SELECT creator_id FROM handles WHERE handle_key >= ? AND handle_key < ?";
            let (name_upper, handle_upper) = (search_index::prefix_upper_bound(&name), search_index::prefix_upper_bound(&handle));
            conds.push(Cond::set(IDS.into(), vec![Value::Text(name), Value::Text(name_upper), Value::Text(handle), Value::Text(handle_upper)]));
        }
    }
    if let Some(t) = non_empty(&q.tier) {
        match Tier::parse(t) {
            Some(tier) => {
                let (min, max) = ws.settings()?.tiers.range(tier);
                conds.push(Cond::column("c.max_followers >= ?", vec![Value::Integer(min)]));
                if let Some(max) = max {
                    conds.push(Cond::column("c.max_followers < ?", vec![Value::Integer(max)]));
                }
            }
            None => problems.push(FieldError::new("tier", "unknown_tier", format!("“{t}” is not a tier: use nano, micro, mid, macro, mega or emerging.")).with_value(t)),
        }
    }
    if let Some(p) = non_empty(&q.platform) {
        match Platform::parse_loose(p) {
            Some(platform) => conds.push(Cond {
                sql: "c.id IN (SELECT creator_id FROM handles WHERE platform = ?)".into(),
                probe: "EXISTS (SELECT 1 FROM handles h WHERE h.platform = ? AND h.creator_id = c.id)".into(),
                params: vec![Value::Text(platform.as_str().into())],
                ids: Some("SELECT DISTINCT creator_id FROM handles WHERE platform = ?".into()),
            }),
            None => problems.push(FieldError::new("platform", "unknown_platform", format!("“{p}” is not a platform Chorus knows.")).with_value(p)),
        }
    }
    if let Some(n) = non_empty(&q.niche) {
        conds.push(Cond {
            sql: "c.id IN (SELECT creator_id FROM creator_niches WHERE niche = ?)".into(),
            probe: "EXISTS (SELECT 1 FROM creator_niches n WHERE n.creator_id = c.id AND n.niche = ?)".into(),
            params: vec![Value::Text(n.to_lowercase())],
            ids: Some("SELECT creator_id FROM creator_niches WHERE niche = ?".into()),
        });
    }
    if let Some(t) = non_empty(&q.tag) {
        conds.push(Cond {
            sql: "c.id IN (SELECT creator_id FROM creator_tags WHERE tag = ?)".into(),
            probe: "EXISTS (SELECT 1 FROM creator_tags t WHERE t.creator_id = c.id AND t.tag = ?)".into(),
            params: vec![Value::Text(t.to_lowercase())],
            ids: Some("SELECT creator_id FROM creator_tags WHERE tag = ?".into()),
        });
    }
    if let Some(s) = non_empty(&q.stage) {
        match Stage::parse(s) {
            Some(stage) => conds.push(Cond::column("c.stage = ?", vec![Value::Text(stage.as_str().into())])),
            None => problems.push(FieldError::new("stage", "unknown_stage", format!("“{s}” is not a pipeline stage.")).with_value(s)),
        }
    }
    if let Some(c) = non_empty(&q.country) {
        match country_filter(ws, c)? {
            Some(value) => conds.push(Cond::column("c.country = ?", vec![Value::Text(value)])),
            None => problems.push(FieldError::new("country", "invalid_country", crate::roster::validate::invalid_country_message(c)).with_value(c)),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    let clause = |pick: fn(&Cond) -> &str| {
        if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.iter().map(pick).collect::<Vec<_>>().join(" AND "))
        }
    };
    let params: Vec<Value> = conds.iter().flat_map(|c| c.params.iter().cloned()).collect();
    let count_only = match &conds[..] {
        [one] => one.ids.clone().map(|ids| (ids, one.params.clone())),
        _ => None,
    };
    Ok(Filter { sql: clause(|c| &c.sql), probe_sql: clause(|c| &c.probe), params, count_only })
}

/// The stored country a filter means: exactly a value some creator holds (what the country
/// menu offers, including a stored value that is no code, like an old import's `HO`), else the
/// country `text` names as the forms read it (`nl`, `Nederland`, `Holland` → `NL`). None for
/// anything else: `--country Atlantis` once filtered on `ATLANTIS` and quietly found no one.
fn country_filter(ws: &Workspace, text: &str) -> Result<Option<String>> {
    let stored: bool = ws.conn().prepare_cached("SELECT EXISTS (SELECT 1 FROM creators WHERE country = ?)")?.query_row([text], |r| r.get(0))?;
    Ok(if stored { Some(text.to_string()) } else { crate::roster::validate::country_code(text) })
}

/// One page of the roster.
///
/// The total is counted first. Then, when the matches are many (the page's rows come early in
/// sort order), the page is read by walking the sort order's index and testing each creator,
/// which stops after `offset + limit` matches; when they are few, SQLite fetches them by the
/// filter's indexes and sorts them. Left to itself SQLite picks the filter's index even when
/// 45,000 creators match, and sorts all of them for one page of 100.
pub fn list(ws: &Workspace, q: &RosterQuery) -> Result<RosterPage> {
    let filter = build_filter(ws, q)?;
    let conn = ws.conn();
    let total: i64 = match &filter.count_only {
        Some((ids, params)) => conn.prepare_cached(&format!("SELECT count(*) FROM ({ids})"))?.query_row(rusqlite::params_from_iter(params), |r| r.get(0))?,
        None => conn.prepare_cached(&format!("SELECT count(*) FROM creators c {}", filter.sql))?.query_row(rusqlite::params_from_iter(&filter.params), |r| r.get(0))?,
    };
    let dir = if q.descending { "DESC" } else { "ASC" };
    let (order, sort_index) = match q.sort {
        SortKey::Name => (format!("c.sort_name {dir}, c.id {dir}"), "creators_by_sort_name"),
        SortKey::Followers => (format!("c.max_followers {dir}, c.id {dir}"), "creators_by_followers"),
        SortKey::Updated => (format!("c.updated_at {dir}, c.id {dir}"), "creators_by_updated"),
    };
    let limit = match q.limit {
        0 => 100,
        n => n.min(MAX_PAGE),
    };
    if i64::from(q.offset) >= total {
        return Ok(RosterPage { total: total as u64, offset: q.offset, rows: Vec::new() });
    }
    // Walking the sort index visits about (offset + limit) × all / total creators; fetching and
    // sorting visits `total`. Ids are dense enough for max(id) to stand for "all".
    let walk = !filter.sql.is_empty() && {
        let all: i64 = conn.prepare_cached("SELECT coalesce(max(id), 0) FROM creators")?.query_row([], |r| r.get(0))?;
        (total as f64) * (total as f64) > (f64::from(q.offset) + f64::from(limit)) * all as f64
    };
    let (from, where_) = if walk { (format!("creators c INDEXED BY {sort_index}"), &filter.probe_sql) } else { ("creators c".to_string(), &filter.sql) };
    let tiers = ws.settings()?.tiers;
    let sql = format!(
        "SELECT c.id, c.display_name, c.max_followers, c.stage, c.country, c.city, c.updated_at, c.last_contact_on
         FROM {from} {where_} ORDER BY {order} LIMIT {limit} OFFSET {}",
        q.offset
    );
    let mut rows: Vec<CreatorRow> = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(&filter.params), |r| {
            let max_followers: i64 = r.get(2)?;
            Ok(CreatorRow {
                id: r.get(0)?,
                display_name: r.get(1)?,
                handles: Vec::new(),
                max_followers,
                tier: tiers.tier_for(max_followers),
                niches: Vec::new(),
                stage: Stage::parse(&r.get::<_, String>(3)?).unwrap_or(Stage::Prospect),
                country: r.get(4)?,
                city: r.get(5)?,
                updated_at: r.get(6)?,
                last_contact_on: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    attach_handles_and_niches(conn, &mut rows)?;
    Ok(RosterPage { total: total as u64, offset: q.offset, rows })
}

fn attach_handles_and_niches(conn: &rusqlite::Connection, rows: &mut [CreatorRow]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ids: Vec<Value> = rows.iter().map(|r| Value::Integer(r.id)).collect();
    let marks = vec!["?"; ids.len()].join(",");
    let index: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut stmt = conn.prepare(&format!("SELECT creator_id, platform, handle, followers FROM handles WHERE creator_id IN ({marks}) ORDER BY followers DESC, id"))?;
    let mut q = stmt.query(rusqlite::params_from_iter(&ids))?;
    while let Some(r) = q.next()? {
        let i = index[&r.get::<_, i64>(0)?];
        rows[i].handles.push(RowHandle { platform: Platform::parse(&r.get::<_, String>(1)?).unwrap_or(Platform::Other), handle: r.get(2)?, followers: r.get(3)? });
    }
    let mut stmt = conn.prepare(&format!("SELECT creator_id, niche FROM creator_niches WHERE creator_id IN ({marks}) ORDER BY creator_id, position"))?;
    let mut q = stmt.query(rusqlite::params_from_iter(&ids))?;
    while let Some(r) = q.next()? {
        let i = index[&r.get::<_, i64>(0)?];
        rows[i].niches.push(r.get(1)?);
    }
    Ok(())
}

/// The ids of every creator the query's search and filters match (its sort, offset and limit
/// aside), lowest first: what "select all" in the roster selects.
pub fn matching_ids(ws: &Workspace, q: &RosterQuery) -> Result<Vec<i64>> {
    let filter = build_filter(ws, q)?;
    let ids = ws
        .conn()
        .prepare_cached(&format!("SELECT c.id FROM creators c {} ORDER BY c.id", filter.sql))?
        .query_map(rusqlite::params_from_iter(&filter.params), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Counts for the filter menus, most common first (at most 200 tags), every tier with its
/// count. The counts are kept in step by the schema (`facet_counts`), so this reads a few dozen
/// rows however large the roster is.
pub fn facets(ws: &Workspace) -> Result<Facets> {
    let mut f = Facets { niches: Vec::new(), tags: Vec::new(), countries: Vec::new(), platforms: Vec::new(), stages: Vec::new(), tiers: Vec::new() };
    let mut tiers: HashMap<String, i64> = HashMap::new();
    for (menu, value, count) in facet_counts::read(ws.conn())? {
        if count <= 0 {
            continue;
        }
        let list = match menu.as_str() {
            "niche" => &mut f.niches,
            "tag" if f.tags.len() < 200 => &mut f.tags,
            "country" => &mut f.countries,
            "platform" => &mut f.platforms,
            "stage" => &mut f.stages,
            "tier" => {
                tiers.insert(value, count);
                continue;
            }
            _ => continue,
        };
        list.push(FacetValue { value, count });
    }
    f.tiers = Tier::ALL.iter().map(|t| FacetValue { value: t.as_str().into(), count: tiers.get(t.as_str()).copied().unwrap_or(0) }).collect();
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::creators;
    use crate::roster::model::{CreatorDraft, HandleDraft};
    use crate::workspace::settings::Settings;

    fn add(ws: &mut Workspace, name: &str, handles: &[(&str, &str, &str)], niches: &[&str], stage: &str, country: &str) -> i64 {
        let d = CreatorDraft {
            display_name: name.into(),
            handles: handles.iter().map(|(p, h, f)| HandleDraft { platform: p.to_string(), handle: h.to_string(), followers: f.to_string(), ..Default::default() }).collect(),
            niches: niches.iter().map(|s| s.to_string()).collect(),
            tags: vec!["summer-2026".into()],
            stage: stage.into(),
            country: country.into(),
            ..Default::default()
        };
        creators::create(ws, &d).unwrap().id
    }

    fn sample() -> Workspace {
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        add(&mut ws, "Anna de Vries", &[("instagram", "annafit", "52000"), ("tiktok", "anna.moves", "8000")], &["fitness & wellness"], "active", "NL");
        add(&mut ws, "Bram Jansen", &[("youtube", "bramtech", "120000")], &["tech"], "prospect", "BE");
        add(&mut ws, "Zoë Martin", &[("instagram", "zoe.eats", "4500")], &["food & drink"], "contacted", "FR");
        add(&mut ws, "Liam O'Brien", &[("x", "liamob", "900")], &["tech", "lifestyle"], "active", "IE");
        ws
    }

    fn names(page: &RosterPage) -> Vec<&str> {
        page.rows.iter().map(|r| r.display_name.as_str()).collect()
    }

    #[test]
    fn search_finds_names_handles_and_niches_in_any_case() {
        let ws = sample();
        let q = |s: &str| list(&ws, &RosterQuery { search: s.into(), ..Default::default() }).unwrap();
        assert_eq!(names(&q("vries")), vec!["Anna de Vries"]);
        assert_eq!(names(&q("@ANNA.MOVES")), vec!["Anna de Vries"]);
        assert_eq!(names(&q("tech")), vec!["Bram Jansen", "Liam O'Brien"]);
        assert_eq!(names(&q("zoe")), vec!["Zoë Martin"]);
        assert_eq!(names(&q("zoë eats")), vec!["Zoë Martin"], "diacritics do not matter");
        assert_eq!(names(&q("martín")), vec!["Zoë Martin"], "in the query either");
        assert_eq!(names(&q("br")), vec!["Bram Jansen"], "short words match a name prefix");
        assert_eq!(names(&q("li")), vec!["Liam O'Brien"], "or a handle prefix");
        assert_eq!(names(&q("anna tech")), Vec::<&str>::new(), "every word must match");
        assert_eq!(q("\"quoted\" AND OR").total, 0, "search syntax is not interpreted");
    }

    #[test]
    fn filters_combine_and_count() {
        let ws = sample();
        let page = list(&ws, &RosterQuery { stage: Some("active".into()), ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Anna de Vries", "Liam O'Brien"]);
        let page = list(&ws, &RosterQuery { niche: Some("Tech".into()), country: Some("be".into()), ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Bram Jansen"]);
        let page = list(&ws, &RosterQuery { platform: Some("Instagram".into()), ..Default::default() }).unwrap();
        assert_eq!(page.total, 2);
        let page = list(&ws, &RosterQuery { tier: Some("mid".into()), ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Anna de Vries"]);
        let page = list(&ws, &RosterQuery { tier: Some("emerging".into()), ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Liam O'Brien"]);
        assert!(matches!(list(&ws, &RosterQuery { tier: Some("giga".into()), ..Default::default() }), Err(Error::Validation(_))));
    }

    /// Issue 8: `chorus list --country Atlantis` filtered on "ATLANTIS" and found no one, silently.
    #[test]
    fn a_country_filter_that_names_no_country_is_refused_naming_it() {
        let ws = sample();
        let country = |c: &str| list(&ws, &RosterQuery { country: Some(c.into()), ..Default::default() });
        match country("Atlantis") {
            Err(Error::Validation(problems)) => {
                assert_eq!((problems[0].field.as_str(), problems[0].code, problems[0].value.as_deref()), ("country", "invalid_country", Some("Atlantis")));
                assert!(problems[0].message.contains("“Atlantis” is not a country Chorus knows"), "{}", problems[0].message);
            }
            other => panic!("Atlantis was not refused: {other:?}"),
        }
        assert!(matching_ids(&ws, &RosterQuery { country: Some("atlantis".into()), ..Default::default() }).is_err(), "select-all refuses it too");
        // Names and variants are read as the forms read them.
        for ireland in ["IE", "ie", "Ireland", "Ierland"] {
            assert_eq!(names(&country(ireland).unwrap()), vec!["Liam O'Brien"], "{ireland}");
        }
        assert_eq!(names(&country("Holland").unwrap()), vec!["Anna de Vries"]);
    }

    /// A stored value that is no country code (an old import cut "Holland" to "HO") is what the
    /// country menu offers: filtering on it exactly keeps working.
    #[test]
    fn a_stored_value_the_country_menu_offers_stays_filterable() {
        let ws = sample();
        ws.conn().execute("UPDATE creators SET country = 'HO' WHERE display_name = 'Zoë Martin'", []).unwrap();
        assert!(facets(&ws).unwrap().countries.iter().any(|c| c.value == "HO"), "the menu offers HO");
        let page = list(&ws, &RosterQuery { country: Some("HO".into()), ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Zoë Martin"]);
        assert!(list(&ws, &RosterQuery { country: Some("ho".into()), ..Default::default() }).is_err(), "only exactly what is stored");
    }

    #[test]
    fn select_all_takes_every_match_not_just_the_page_on_view() {
        let ws = sample();
        let q = RosterQuery { stage: Some("active".into()), limit: 1, offset: 1, ..Default::default() };
        let mut expected: Vec<i64> = list(&ws, &RosterQuery { limit: MAX_PAGE, offset: 0, ..q.clone() }).unwrap().rows.iter().map(|r| r.id).collect();
        expected.sort();
        assert_eq!(expected.len(), 2);
        assert_eq!(matching_ids(&ws, &q).unwrap(), expected);
        assert_eq!(matching_ids(&ws, &RosterQuery::default()).unwrap().len(), 4);
        assert!(matching_ids(&ws, &RosterQuery { tier: Some("giga".into()), ..Default::default() }).is_err());
    }

    #[test]
    fn sorts_and_pages() {
        let ws = sample();
        let page = list(&ws, &RosterQuery { sort: SortKey::Followers, descending: true, limit: 2, ..Default::default() }).unwrap();
        assert_eq!(page.total, 4);
        assert_eq!(names(&page), vec!["Bram Jansen", "Anna de Vries"]);
        assert_eq!(page.rows[1].handles[0].handle, "annafit", "largest handle first");
        let page = list(&ws, &RosterQuery { sort: SortKey::Followers, descending: true, offset: 2, limit: 2, ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Zoë Martin", "Liam O'Brien"]);
        let page = list(&ws, &RosterQuery { sort: SortKey::Name, ..Default::default() }).unwrap();
        assert_eq!(names(&page), vec!["Anna de Vries", "Bram Jansen", "Liam O'Brien", "Zoë Martin"]);
    }

    #[test]
    fn names_sort_with_accents_and_case_folded() {
        // "Émile" sorted after "Zoë" while the sort name was only lower case.
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        for (name, handle) in [("Zoë Martin", "zoe"), ("Émile Roux", "emile"), ("bram jansen", "bram"), ("Ömer Kaya", "omer"), ("Anna de Vries", "anna")] {
            add(&mut ws, name, &[("instagram", handle, "100")], &[], "prospect", "NL");
        }
        let page = list(&ws, &RosterQuery::default()).unwrap();
        assert_eq!(names(&page), vec!["Anna de Vries", "bram jansen", "Émile Roux", "Ömer Kaya", "Zoë Martin"]);
        let page = list(&ws, &RosterQuery { descending: true, ..Default::default() }).unwrap();
        assert_eq!(names(&page)[0], "Zoë Martin");
        // The short search compares with the same folded name.
        let q = |s: &str| list(&ws, &RosterQuery { search: s.into(), ..Default::default() }).unwrap();
        assert_eq!(names(&q("em")), vec!["Émile Roux"]);
        assert_eq!(names(&q("ÉM")), vec!["Émile Roux"]);
        assert_eq!(names(&q("om")), vec!["Ömer Kaya"]);
        assert_eq!(names(&q("zo")), vec!["Zoë Martin"]);
    }

    /// A page is read either by walking the sort index or by fetching the matches and sorting
    /// them (see `list`); both must give the same rows in the same order.
    #[test]
    fn pages_agree_whichever_way_they_are_read() {
        let mut ws = Workspace::in_memory(&Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        crate::synthetic::generate(&mut ws, &crate::synthetic::Spec::new(400)).unwrap();
        let queries = [
            RosterQuery::default(),
            RosterQuery { tier: Some("nano".into()), ..Default::default() },
            RosterQuery { platform: Some("tiktok".into()), ..Default::default() },
            RosterQuery { niche: Some("lifestyle".into()), stage: Some("prospect".into()), ..Default::default() },
            RosterQuery { tag: Some("gifted-ok".into()), ..Default::default() },
            RosterQuery { country: Some("NL".into()), platform: Some("instagram".into()), ..Default::default() },
            RosterQuery { search: "an".into(), ..Default::default() },
            RosterQuery { search: "van".into(), ..Default::default() },
            RosterQuery { search: "fitness".into(), ..Default::default() },
            RosterQuery { search: "style".into(), country: Some("NL".into()), ..Default::default() },
            RosterQuery { search: "gifted".into(), ..Default::default() },
            RosterQuery { search: "wellness fit".into(), ..Default::default() },
        ];
        for base in queries {
            for (sort, descending) in [(SortKey::Name, false), (SortKey::Followers, true), (SortKey::Updated, false)] {
                let q = RosterQuery { sort, descending, ..base.clone() };
                // 500 rows of 400 creators: always fetched and sorted.
                let all = list(&ws, &RosterQuery { limit: MAX_PAGE, ..q.clone() }).unwrap();
                let all_ids: Vec<i64> = all.rows.iter().map(|r| r.id).collect();
                assert!(all.total > 3, "{q:?} matches too little to test");
                assert_eq!(all.rows.len() as u64, all.total, "{q:?}: the total counts exactly the rows");
                for offset in [0u32, 7, all.total as u32 - 3] {
                    // Pages of 5 walk the sort index whenever the matches are many.
                    let page = list(&ws, &RosterQuery { limit: 5, offset, ..q.clone() }).unwrap();
                    assert_eq!(page.total, all.total, "{q:?}");
                    let ids: Vec<i64> = page.rows.iter().map(|r| r.id).collect();
                    let end = (offset as usize + 5).min(all_ids.len());
                    assert_eq!(ids, all_ids[offset as usize..end], "{q:?} at offset {offset}");
                }
            }
        }
    }

    #[test]
    fn facets_count_what_is_there() {
        let ws = sample();
        let f = facets(&ws).unwrap();
        assert_eq!(f.niches[0], FacetValue { value: "tech".into(), count: 2 });
        assert_eq!(f.platforms.iter().find(|p| p.value == "instagram").unwrap().count, 2);
        let tiers: Vec<(String, i64)> = f.tiers.iter().map(|t| (t.value.clone(), t.count)).collect();
        assert_eq!(tiers, vec![("emerging".into(), 1), ("nano".into(), 1), ("micro".into(), 0), ("mid".into(), 1), ("macro".into(), 1), ("mega".into(), 0)]);
    }
}
