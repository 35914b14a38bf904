-- Schema version 3: the quality pass of issue 8. Each area keeps its statements in its own
-- section below, self-contained. A shipped migration is never edited: later changes go in a
-- new file.

-- ===== Campaigns: the archive =====
-- A campaign nobody works on any more is archived instead of deleted (it keeps its history):
-- hidden from the campaign list and the pickers by default, and nothing of it asks for
-- anything on Today. `archived_on` is the day it was archived; NULL while it is in use.
ALTER TABLE campaigns ADD COLUMN archived_on TEXT;

-- The flag Today reads without joins, kept in step by the triggers below so that every writer
-- agrees (as `collaboration_cancelled` in schema version 2).
ALTER TABLE collaborations ADD COLUMN campaign_archived INTEGER NOT NULL DEFAULT 0 CHECK (campaign_archived IN (0, 1));
ALTER TABLE deliverables ADD COLUMN campaign_archived INTEGER NOT NULL DEFAULT 0 CHECK (campaign_archived IN (0, 1));
ALTER TABLE gift_shipments ADD COLUMN campaign_archived INTEGER NOT NULL DEFAULT 0 CHECK (campaign_archived IN (0, 1));

-- Today's partial indexes leave out what belongs to an archived campaign, so its cost still
-- follows what is open. The campaign list keeps counting open deliverables of every campaign
-- through `deliverables_expected_by_due`; Today reads its own index.
CREATE INDEX deliverables_due_in_use ON deliverables (due_on)
    WHERE status NOT IN ('published', 'verified', 'missed') AND collaboration_cancelled = 0 AND campaign_archived = 0;
DROP INDEX gift_shipments_to_pack;
CREATE INDEX gift_shipments_to_pack ON gift_shipments (created_at)
    WHERE status = 'to_pack' AND collaboration_cancelled = 0 AND campaign_archived = 0;
DROP INDEX gift_shipments_awaiting_post;
CREATE INDEX gift_shipments_awaiting_post ON gift_shipments (delivered_on) WHERE awaiting_post = 1 AND campaign_archived = 0;
DROP INDEX collaborations_by_activity;
CREATE INDEX collaborations_by_activity ON collaborations (last_activity_on)
    WHERE status IN ('agreed', 'active') AND campaign_archived = 0;

CREATE TRIGGER campaign_archived_flags AFTER UPDATE OF archived_on ON campaigns
WHEN (OLD.archived_on IS NULL) <> (NEW.archived_on IS NULL)
BEGIN
    UPDATE collaborations SET campaign_archived = (NEW.archived_on IS NOT NULL) WHERE campaign_id = NEW.id;
    UPDATE deliverables SET campaign_archived = (NEW.archived_on IS NOT NULL)
     WHERE collaboration_id IN (SELECT id FROM collaborations WHERE campaign_id = NEW.id);
    UPDATE gift_shipments SET campaign_archived = (NEW.archived_on IS NOT NULL)
     WHERE collaboration_id IN (SELECT id FROM collaborations WHERE campaign_id = NEW.id);
END;

CREATE TRIGGER collaboration_added_archived AFTER INSERT ON collaborations
WHEN (SELECT archived_on FROM campaigns WHERE id = NEW.campaign_id) IS NOT NULL
BEGIN
    UPDATE collaborations SET campaign_archived = 1 WHERE id = NEW.id;
END;

CREATE TRIGGER deliverable_added_archived AFTER INSERT ON deliverables
WHEN (SELECT campaign_archived FROM collaborations WHERE id = NEW.collaboration_id) = 1
BEGIN
    UPDATE deliverables SET campaign_archived = 1 WHERE id = NEW.id;
END;

CREATE TRIGGER shipment_added_archived AFTER INSERT ON gift_shipments
WHEN (SELECT campaign_archived FROM collaborations WHERE id = NEW.collaboration_id) = 1
BEGIN
    UPDATE gift_shipments SET campaign_archived = 1 WHERE id = NEW.id;
END;

-- ===== Roster: names sort as people expect, a leaner search index =====
-- creators.sort_name is now the display name in lower case with accents folded ("Émile" sorts
-- before "Zoë"; the short search finds her with "emi"). SQL cannot fold accents: the
-- migration's Rust step for version 3 (workspace::after_migration) stores every sort name
-- again, in this same transaction.
--
-- The search index keeps only its trigrams, not a second copy of every document: a
-- contentless FTS5 table (`content = ''`) whose rows can still be deleted and rewritten one
-- creator at a time (`contentless_delete = 1`). Searches only ever read matching rowids; with
-- the full positions of every trigram (detail = full, the default) a match is exact, so nothing
-- needs the text itself. The document is now name, city and handles: niches and tags are
-- searched through their own tables (roster::search_index). The migration's Rust step for
-- version 3 writes every creator's document into the new index, in this same transaction.
--
-- FTS5 keeps up to 16 MiB of new search terms in memory before it writes them out (the
-- default is 1 MiB), so a 100,000-row import writes its search index in a few segments
-- instead of dozens it then merges again and again. A single save holds a few hundred bytes.
DROP TABLE creator_search;
CREATE VIRTUAL TABLE creator_search USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1');
INSERT INTO creator_search (creator_search, rank) VALUES ('hashsize', 16777216);

-- ===== Roster: the counts beside the six filter menus =====
-- How many creators have each niche, tag, country, platform, stage and tier, kept in step by
-- the triggers below in every writer's transaction (the window, the CLI, an import), so the
-- menus read a few dozen rows instead of counting 100,000 creators. A value no creator has is
-- removed. The tier follows the workspace's tier bounds and is counted again when they change.
-- A large import sets the triggers aside and counts everything again before it commits
-- (roster::facet_counts); the migration's Rust step counts an existing roster the same way.
CREATE TABLE roster_facet_counts (
    menu      TEXT    NOT NULL,             -- niche, tag, country, platform, stage or tier
    value     TEXT    NOT NULL,
    creators  INTEGER NOT NULL CHECK (creators >= 0),
    PRIMARY KEY (menu, value)
) WITHOUT ROWID;

CREATE TRIGGER roster_facets_creator_added AFTER INSERT ON creators BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) VALUES ('stage', NEW.stage, 1)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    INSERT INTO roster_facet_counts (menu, value, creators) SELECT 'country', NEW.country, 1 WHERE NEW.country <> ''
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    INSERT INTO roster_facet_counts (menu, value, creators)
        SELECT 'tier', CASE WHEN NEW.max_followers >= tier_mega_min THEN 'mega' WHEN NEW.max_followers >= tier_macro_min THEN 'macro'
                            WHEN NEW.max_followers >= tier_mid_min THEN 'mid' WHEN NEW.max_followers >= tier_micro_min THEN 'micro'
                            WHEN NEW.max_followers >= tier_nano_min THEN 'nano' ELSE 'emerging' END, 1
        FROM workspace_settings WHERE id = 1
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
END;

CREATE TRIGGER roster_facets_creator_removed AFTER DELETE ON creators BEGIN
    UPDATE roster_facet_counts SET creators = creators - 1
        WHERE (menu = 'stage' AND value = OLD.stage) OR (menu = 'country' AND value = OLD.country)
           OR (menu = 'tier' AND value = (SELECT CASE WHEN OLD.max_followers >= tier_mega_min THEN 'mega' WHEN OLD.max_followers >= tier_macro_min THEN 'macro'
                            WHEN OLD.max_followers >= tier_mid_min THEN 'mid' WHEN OLD.max_followers >= tier_micro_min THEN 'micro'
                            WHEN OLD.max_followers >= tier_nano_min THEN 'nano' ELSE 'emerging' END FROM workspace_settings WHERE id = 1));
    DELETE FROM roster_facet_counts WHERE menu = 'stage' AND value = OLD.stage AND creators = 0;
    DELETE FROM roster_facet_counts WHERE menu = 'country' AND value = OLD.country AND creators = 0;
    DELETE FROM roster_facet_counts WHERE menu = 'tier' AND creators = 0;
END;

-- An update counts as the old creator leaving and the new one arriving, for the menus whose
-- value changed.
CREATE TRIGGER roster_facets_creator_changed AFTER UPDATE OF stage, country, max_followers ON creators
WHEN OLD.stage IS NOT NEW.stage OR OLD.country IS NOT NEW.country OR OLD.max_followers IS NOT NEW.max_followers BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) SELECT 'stage', NEW.stage, 1 WHERE OLD.stage IS NOT NEW.stage
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    INSERT INTO roster_facet_counts (menu, value, creators) SELECT 'country', NEW.country, 1 WHERE OLD.country IS NOT NEW.country AND NEW.country <> ''
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    INSERT INTO roster_facet_counts (menu, value, creators)
        SELECT 'tier', CASE WHEN NEW.max_followers >= tier_mega_min THEN 'mega' WHEN NEW.max_followers >= tier_macro_min THEN 'macro'
                            WHEN NEW.max_followers >= tier_mid_min THEN 'mid' WHEN NEW.max_followers >= tier_micro_min THEN 'micro'
                            WHEN NEW.max_followers >= tier_nano_min THEN 'nano' ELSE 'emerging' END, 1
        FROM workspace_settings WHERE id = 1 AND OLD.max_followers IS NOT NEW.max_followers
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    UPDATE roster_facet_counts SET creators = creators - 1
        WHERE (menu = 'stage' AND value = OLD.stage AND OLD.stage IS NOT NEW.stage)
           OR (menu = 'country' AND value = OLD.country AND OLD.country IS NOT NEW.country)
           OR (menu = 'tier' AND OLD.max_followers IS NOT NEW.max_followers
               AND value = (SELECT CASE WHEN OLD.max_followers >= tier_mega_min THEN 'mega' WHEN OLD.max_followers >= tier_macro_min THEN 'macro'
                            WHEN OLD.max_followers >= tier_mid_min THEN 'mid' WHEN OLD.max_followers >= tier_micro_min THEN 'micro'
                            WHEN OLD.max_followers >= tier_nano_min THEN 'nano' ELSE 'emerging' END FROM workspace_settings WHERE id = 1));
    DELETE FROM roster_facet_counts WHERE menu = 'stage' AND value = OLD.stage AND creators = 0;
    DELETE FROM roster_facet_counts WHERE menu = 'country' AND value = OLD.country AND creators = 0;
    DELETE FROM roster_facet_counts WHERE menu = 'tier' AND creators = 0;
END;

CREATE TRIGGER roster_facets_tier_bounds_changed AFTER UPDATE OF tier_nano_min, tier_micro_min, tier_mid_min, tier_macro_min, tier_mega_min ON workspace_settings
WHEN OLD.tier_nano_min IS NOT NEW.tier_nano_min OR OLD.tier_micro_min IS NOT NEW.tier_micro_min OR OLD.tier_mid_min IS NOT NEW.tier_mid_min
  OR OLD.tier_macro_min IS NOT NEW.tier_macro_min OR OLD.tier_mega_min IS NOT NEW.tier_mega_min BEGIN
    DELETE FROM roster_facet_counts WHERE menu = 'tier';
    INSERT INTO roster_facet_counts (menu, value, creators)
        SELECT 'tier', CASE WHEN c.max_followers >= NEW.tier_mega_min THEN 'mega' WHEN c.max_followers >= NEW.tier_macro_min THEN 'macro'
                            WHEN c.max_followers >= NEW.tier_mid_min THEN 'mid' WHEN c.max_followers >= NEW.tier_micro_min THEN 'micro'
                            WHEN c.max_followers >= NEW.tier_nano_min THEN 'nano' ELSE 'emerging' END, count(*)
        FROM creators c GROUP BY 2;
END;

-- A creator counts once per platform, however many accounts they have on it.
CREATE TRIGGER roster_facets_handle_added AFTER INSERT ON handles
WHEN NOT EXISTS (SELECT 1 FROM handles WHERE platform = NEW.platform AND creator_id = NEW.creator_id AND id <> NEW.id) BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) VALUES ('platform', NEW.platform, 1)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
END;

CREATE TRIGGER roster_facets_handle_removed AFTER DELETE ON handles
WHEN NOT EXISTS (SELECT 1 FROM handles WHERE platform = OLD.platform AND creator_id = OLD.creator_id) BEGIN
    UPDATE roster_facet_counts SET creators = creators - 1 WHERE menu = 'platform' AND value = OLD.platform;
    DELETE FROM roster_facet_counts WHERE menu = 'platform' AND value = OLD.platform AND creators = 0;
END;

CREATE TRIGGER roster_facets_handle_moved AFTER UPDATE OF platform, creator_id ON handles
WHEN OLD.platform IS NOT NEW.platform OR OLD.creator_id IS NOT NEW.creator_id BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) SELECT 'platform', NEW.platform, 1
        WHERE NOT EXISTS (SELECT 1 FROM handles WHERE platform = NEW.platform AND creator_id = NEW.creator_id AND id <> NEW.id)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    UPDATE roster_facet_counts SET creators = creators - 1 WHERE menu = 'platform' AND value = OLD.platform
        AND NOT EXISTS (SELECT 1 FROM handles WHERE platform = OLD.platform AND creator_id = OLD.creator_id);
    DELETE FROM roster_facet_counts WHERE menu = 'platform' AND value = OLD.platform AND creators = 0;
END;

CREATE TRIGGER roster_facets_niche_added AFTER INSERT ON creator_niches BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) VALUES ('niche', NEW.niche, 1)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
END;

CREATE TRIGGER roster_facets_niche_removed AFTER DELETE ON creator_niches BEGIN
    UPDATE roster_facet_counts SET creators = creators - 1 WHERE menu = 'niche' AND value = OLD.niche;
    DELETE FROM roster_facet_counts WHERE menu = 'niche' AND value = OLD.niche AND creators = 0;
END;

CREATE TRIGGER roster_facets_niche_changed AFTER UPDATE OF niche ON creator_niches WHEN OLD.niche IS NOT NEW.niche BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) VALUES ('niche', NEW.niche, 1)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    UPDATE roster_facet_counts SET creators = creators - 1 WHERE menu = 'niche' AND value = OLD.niche;
    DELETE FROM roster_facet_counts WHERE menu = 'niche' AND value = OLD.niche AND creators = 0;
END;

CREATE TRIGGER roster_facets_tag_added AFTER INSERT ON creator_tags BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) VALUES ('tag', NEW.tag, 1)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
END;

CREATE TRIGGER roster_facets_tag_removed AFTER DELETE ON creator_tags BEGIN
    UPDATE roster_facet_counts SET creators = creators - 1 WHERE menu = 'tag' AND value = OLD.tag;
    DELETE FROM roster_facet_counts WHERE menu = 'tag' AND value = OLD.tag AND creators = 0;
END;

CREATE TRIGGER roster_facets_tag_changed AFTER UPDATE OF tag ON creator_tags WHEN OLD.tag IS NOT NEW.tag BEGIN
    INSERT INTO roster_facet_counts (menu, value, creators) VALUES ('tag', NEW.tag, 1)
        ON CONFLICT (menu, value) DO UPDATE SET creators = creators + 1;
    UPDATE roster_facet_counts SET creators = creators - 1 WHERE menu = 'tag' AND value = OLD.tag;
    DELETE FROM roster_facet_counts WHERE menu = 'tag' AND value = OLD.tag AND creators = 0;
END;
