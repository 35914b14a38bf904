-- Schema version 7: post results (docs/decisions/0012-post-results.md). Dated snapshots of a
-- published deliverable's raw counts, typed or imported; every rate is computed when shown.
-- A shipped migration is never edited: later changes go in a new file.
-- Days are YYYY-MM-DD, times RFC 3339 text (UTC). A count is NULL when nobody reported it,
-- which is not 0.

CREATE TABLE post_results (
    id                 INTEGER PRIMARY KEY,
    deliverable_id     INTEGER NOT NULL REFERENCES deliverables (id) ON DELETE CASCADE,
    -- The day the counts were read: the day typed, a sheet's date, or the import day for
    -- totals "since the post went up" (Meta's `Lifetime`).
    taken_on           TEXT    NOT NULL,
    views              INTEGER CHECK (views >= 0),
    reach              INTEGER CHECK (reach >= 0),
    impressions        INTEGER CHECK (impressions >= 0),
    likes              INTEGER CHECK (likes >= 0),
    comments           INTEGER CHECK (comments >= 0),
    shares             INTEGER CHECK (shares >= 0),
    saves              INTEGER CHECK (saves >= 0),
    link_clicks        INTEGER CHECK (link_clicks >= 0),
    profile_follows    INTEGER CHECK (profile_follows >= 0),
    -- The account's followers when the post went up, and where that number came from: the
    -- file or the person ('given'), the roster's follower history on or before the publish day
    -- ('history'), the handle's count when the results were entered ('current'), or nowhere.
    followers_at_post  INTEGER CHECK (followers_at_post >= 0),
    followers_from     TEXT    NOT NULL DEFAULT 'unknown'
                       CHECK (followers_from IN ('given', 'history', 'current', 'unknown')),
    source             TEXT    NOT NULL CHECK (source IN ('typed', 'meta', 'sheet')),
    source_file        TEXT    NOT NULL DEFAULT '',
    source_row         INTEGER,
    external_post_id   TEXT    NOT NULL DEFAULT '',   -- Meta's "Post ID": later exports match on it first
    -- Kept by the triggers below: the deliverable's newest snapshot (by taken_on, then id), the
    -- one every figure uses. The others stay for the growth chart and the signals.
    latest             INTEGER NOT NULL DEFAULT 1 CHECK (latest IN (0, 1)),
    entered_at         TEXT    NOT NULL,
    entered_by         TEXT    NOT NULL,              -- who: 'app', 'cli', 'import', 'demo'
    UNIQUE (deliverable_id, taken_on, source)
);
CREATE INDEX post_results_latest ON post_results (deliverable_id) WHERE latest = 1;
CREATE INDEX post_results_by_post_id ON post_results (external_post_id, deliverable_id) WHERE external_post_id <> '';

CREATE TRIGGER post_results_added_latest AFTER INSERT ON post_results
BEGIN
    UPDATE post_results SET latest = 0
     WHERE deliverable_id = NEW.deliverable_id AND latest = 1 AND id <> NEW.id
       AND (taken_on < NEW.taken_on OR (taken_on = NEW.taken_on AND id < NEW.id));
    UPDATE post_results SET latest = 0
     WHERE id = NEW.id AND EXISTS (
           SELECT 1 FROM post_results o WHERE o.deliverable_id = NEW.deliverable_id AND o.id <> NEW.id
              AND (o.taken_on > NEW.taken_on OR (o.taken_on = NEW.taken_on AND o.id > NEW.id)));
END;

CREATE TRIGGER post_results_removed_latest AFTER DELETE ON post_results
WHEN OLD.latest = 1
BEGIN
    UPDATE post_results SET latest = 1
     WHERE id = (SELECT id FROM post_results WHERE deliverable_id = OLD.deliverable_id
                  ORDER BY taken_on DESC, id DESC LIMIT 1);
END;

-- Which count an engagement rate divides by, per platform (the workspace's choice; the
-- defaults follow what each platform reports best).
CREATE TABLE engagement_basis (
    platform  TEXT PRIMARY KEY
              CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'x', 'pinterest', 'twitch', 'blog', 'other')),
    basis     TEXT NOT NULL CHECK (basis IN ('followers', 'reach', 'views'))
) WITHOUT ROWID;
INSERT INTO engagement_basis (platform, basis) VALUES
    ('instagram', 'followers'), ('tiktok', 'views'), ('youtube', 'views'), ('x', 'followers'),
    ('pinterest', 'followers'), ('twitch', 'views'), ('blog', 'views'), ('other', 'followers');

-- The person's EMV values, in minor units of the workspace currency: per 1,000 views or
-- impressions, per one of the rest. A count without a row takes the default (shown as a
-- default); a row with NULL is a count the person chose not to value.
CREATE TABLE emv_values (
    count        TEXT PRIMARY KEY
                 CHECK (count IN ('views', 'impressions', 'likes', 'comments', 'shares', 'saves', 'link_clicks', 'profile_follows')),
    value_minor  INTEGER CHECK (value_minor >= 0)
) WITHOUT ROWID;
