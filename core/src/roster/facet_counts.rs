//! The counts beside the roster's six filter menus, kept in `roster_facet_counts` by triggers
//! (migration 0003) in the same transaction as every write, whoever writes: the window, the
//! CLI, an import. Reading them is a few dozen rows, not a count over every creator.
//!
//! A large import sets the triggers aside while it adds its creators ([`SuspendedTriggers`])
//! and counts everything again before it commits; the migration counts an existing roster
//! with the same [`recount`]. The test `facet_counts_stay_exact_under_every_writer` holds the
//! kept counts against plain GROUP BY counts after every kind of write.

use crate::error::Result;
use rusqlite::Connection;

/// The facet counts of the roster as it is now, from scratch. The tier of a creator follows
/// the workspace's bounds exactly as `TierBounds::tier_for` does.
pub(crate) const COUNT_FROM_SCRATCH: &str = "
    SELECT 'niche', niche, count(*) FROM creator_niches GROUP BY niche
    UNION ALL SELECT 'tag', tag, count(*) FROM creator_tags GROUP BY tag
    UNION ALL SELECT 'country', country, count(*) FROM creators WHERE country <> '' GROUP BY country
    UNION ALL SELECT 'platform', platform, count(DISTINCT creator_id) FROM handles GROUP BY platform
    UNION ALL SELECT 'stage', stage, count(*) FROM creators GROUP BY stage
    UNION ALL SELECT 'tier', CASE WHEN c.max_followers >= s.tier_mega_min THEN 'mega' WHEN c.max_followers >= s.tier_macro_min THEN 'macro'
                                  WHEN c.max_followers >= s.tier_mid_min THEN 'mid' WHEN c.max_followers >= s.tier_micro_min THEN 'micro'
                                  WHEN c.max_followers >= s.tier_nano_min THEN 'nano' ELSE 'emerging' END, count(*)
              FROM creators c, workspace_settings s WHERE s.id = 1 GROUP BY 2";

/// Counts every menu again from the roster.
pub(crate) fn recount(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!("DELETE FROM roster_facet_counts; INSERT INTO roster_facet_counts (menu, value, creators) {COUNT_FROM_SCRATCH};"))?;
    Ok(())
}

/// Every kept count: (menu, value, creators), each menu's values most common first.
pub(crate) fn read(conn: &Connection) -> Result<Vec<(String, String, i64)>> {
    Ok(conn
        .prepare_cached("SELECT menu, value, creators FROM roster_facet_counts ORDER BY menu, creators DESC, value")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The facet triggers, dropped for as long as this lives inside the caller's transaction and
/// created again from their own stored SQL by [`SuspendedTriggers::restore`], which then
/// counts everything again. If the transaction fails, SQLite rolls all of it back.
pub(crate) struct SuspendedTriggers {
    definitions: Vec<String>,
}

impl SuspendedTriggers {
    pub fn suspend(conn: &Connection) -> Result<SuspendedTriggers> {
        let triggers: Vec<(String, String)> = conn
            .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'roster_facets_%'")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &triggers {
            conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(SuspendedTriggers { definitions: triggers.into_iter().map(|(_, sql)| sql).collect() })
    }

    pub fn restore(self, conn: &Connection) -> Result<()> {
        for sql in &self.definitions {
            conn.execute_batch(sql)?;
        }
        recount(conn)
    }
}

#[cfg(test)]
mod tests {
    use crate::roster::creators;
    use crate::roster::import::{self, ColumnMapping};
    use crate::roster::model::{CreatorDraft, HandleDraft};
    use crate::roster::{facets, FacetValue, Facets};
    use crate::workspace::settings::Settings;
    use crate::workspace::Workspace;

    /// The menus counted the plain way, with the tier of each creator from `TierBounds`.
    fn counted(ws: &Workspace) -> Facets {
        let conn = ws.conn();
        let grouped = |sql: &str| -> Vec<FacetValue> {
            conn.prepare(sql).unwrap().query_map([], |r| Ok(FacetValue { value: r.get(0)?, count: r.get(1)? })).unwrap().map(Result::unwrap).collect()
        };
        let bounds = ws.settings().unwrap().tiers;
        let followers: Vec<i64> = conn.prepare("SELECT max_followers FROM creators").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        Facets {
            niches: grouped("SELECT niche, count(*) AS n FROM creator_niches GROUP BY niche ORDER BY n DESC, niche"),
            tags: grouped("SELECT tag, count(*) AS n FROM creator_tags GROUP BY tag ORDER BY n DESC, tag LIMIT 200"),
            countries: grouped("SELECT country, count(*) AS n FROM creators WHERE country <> '' GROUP BY country ORDER BY n DESC, country"),
            platforms: grouped("SELECT platform, count(DISTINCT creator_id) AS n FROM handles GROUP BY platform ORDER BY n DESC, platform"),
            stages: grouped("SELECT stage, count(*) AS n FROM creators GROUP BY stage ORDER BY n DESC, stage"),
            tiers: crate::roster::tiers::Tier::ALL
                .iter()
                .map(|&t| FacetValue { value: t.as_str().into(), count: followers.iter().filter(|&&f| bounds.tier_for(f) == t).count() as i64 })
                .collect(),
        }
    }

    #[track_caller]
    fn assert_exact(ws: &Workspace, after: &str) {
        let (kept, plain) = (facets(ws).unwrap(), counted(ws));
        let show = |f: &Facets| format!("{:?}", [&f.niches, &f.tags, &f.countries, &f.platforms, &f.stages, &f.tiers]);
        assert_eq!(show(&kept), show(&plain), "after {after}");
    }

    fn draft(name: &str, handles: &[(&str, &str, &str)], niches: &[&str], tags: &[&str], stage: &str, country: &str) -> CreatorDraft {
        CreatorDraft {
            display_name: name.into(),
            handles: handles.iter().map(|(p, h, f)| HandleDraft { platform: p.to_string(), handle: h.to_string(), followers: f.to_string(), ..Default::default() }).collect(),
            niches: niches.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            stage: stage.into(),
            country: country.into(),
            ..Default::default()
        }
    }

    #[test]
    fn facet_counts_stay_exact_under_every_writer() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(dir.path().join("facets.chorus"), &Settings::new("Studio Zon", "EUR", "nl-NL")).unwrap();
        assert_exact(&ws, "nothing yet");

        let anna = creators::create(&mut ws, &draft("Anna", &[("instagram", "anna", "52000"), ("instagram", "anna.two", "800"), ("tiktok", "anna.tt", "9000")], &["tech", "food"], &["vip"], "active", "NL")).unwrap();
        let bram = creators::create(&mut ws, &draft("Bram", &[("youtube", "bram", "120000")], &["tech"], &[], "prospect", "BE")).unwrap();
        creators::create(&mut ws, &draft("Cor", &[("x", "cor", "900")], &[], &["vip", "gifted"], "prospect", "")).unwrap();
        assert_exact(&ws, "creates");

        // Updates: another stage and country, a tier crossed, niches and tags changed, one of two
        // Instagram accounts dropped (the creator still counts once), the TikTok one dropped.
        let mut d = anna.to_draft();
        d.stage = "paused".into();
        d.country = "DE".into();
        d.handles = vec![HandleDraft { platform: "instagram".into(), handle: "anna".into(), followers: "1200000".into(), ..Default::default() }];
        d.niches = vec!["beauty".into()];
        d.tags.clear();
        let anna = creators::update(&mut ws, anna.id, anna.revision, &d).unwrap();
        assert_exact(&ws, "an update");
        let mut d = bram.to_draft();
        d.country = String::new();
        d.handles.push(HandleDraft { platform: "instagram".into(), handle: "bram.ig".into(), followers: "10".into(), ..Default::default() });
        creators::update(&mut ws, bram.id, bram.revision, &d).unwrap();
        assert_exact(&ws, "a country emptied and a platform added");

        // A delete takes the creator's handles, niches and tags with it (foreign key cascades).
        creators::delete(&mut ws, anna.id).unwrap();
        assert_exact(&ws, "a delete");

        // New tier bounds move creators between tiers.
        let mut s = ws.settings().unwrap();
        s.tiers.nano = 500;
        s.tiers.micro = 1_000;
        ws.update_settings(&s).unwrap();
        assert_exact(&ws, "new tier bounds");

        // Another program writing SQL straight into the file.
        ws.conn().execute_batch("UPDATE creators SET stage = 'alumni' WHERE stage = 'prospect'; UPDATE handles SET platform = 'pinterest' WHERE platform = 'x';").unwrap();
        assert_exact(&ws, "plain SQL writes");

        // A small import (the triggers count every row) that creates and updates.
        let csv = dir.path().join("small.csv");
        std::fs::write(&csv, "Name;Instagram;Instagram volgers;Niches;Tags;Stage;Land\nBram;bram.ig;60.000;travel;vip;active;FR\nDaan;daan;5.000;travel, tech;;contacted;NL\n").unwrap();
        let report = import::run(&mut ws, &csv, &ColumnMapping::default(), &mut |_| {}).unwrap();
        assert_eq!((report.created, report.updated), (1, 1));
        assert_exact(&ws, "a small import");

        // A large import (the triggers set aside, everything counted again), then the same file
        // again, and a failed one that must leave the counts as they were.
        let big = dir.path().join("big.csv");
        crate::synthetic::write_import_csv(&big, 6_000, 7).unwrap();
        assert_eq!(import::run(&mut ws, &big, &ColumnMapping::default(), &mut |_| {}).unwrap().created, 6_000);
        assert_exact(&ws, "a large import");
        let schema_before: i64 = ws.conn().query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'roster_facets_%'", [], |r| r.get(0)).unwrap();
        assert!(schema_before >= 10, "the triggers are back");
        import::run(&mut ws, &big, &ColumnMapping::default(), &mut |_| {}).unwrap();
        assert_exact(&ws, "the same large file again");
        let bad = dir.path().join("bad.csv");
        let mut text = std::fs::read_to_string(&big).unwrap().replace(".0,", ".x0,");
        text.push_str("Nobody,not-an-email,Delft,NL,tech,nobody.1,-5,,,,\n");
        std::fs::write(&bad, text).unwrap();
        assert!(import::run(&mut ws, &bad, &ColumnMapping::default(), &mut |_| {}).is_err());
        assert_exact(&ws, "a refused import");

        // And a generated roster, written without save_record.
        crate::synthetic::generate(&mut ws, &crate::synthetic::Spec::new(300)).unwrap();
        assert_exact(&ws, "generated creators");
    }

    #[test]
    fn a_migrated_workspace_counts_its_roster() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.chorus");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../../tests/fixtures/workspace-v1.sql")).unwrap();
        drop(conn);
        let ws = Workspace::open(&path).unwrap();
        assert_exact(&ws, "migrating a version 1 file");
        assert_eq!(facets(&ws).unwrap().countries.len(), 2);
    }
}
