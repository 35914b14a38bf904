-- Schema version 1: the workspace settings and the creator roster.
-- A shipped migration is never edited: later changes go in a new file.

CREATE TABLE workspace_settings (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    brand_name       TEXT    NOT NULL,
    currency         TEXT    NOT NULL,          -- ISO 4217 code, e.g. EUR
    locale           TEXT    NOT NULL,          -- BCP 47 tag, e.g. nl-NL
    tier_nano_min    INTEGER NOT NULL,          -- lower follower bound of each tier
    tier_micro_min   INTEGER NOT NULL,
    tier_mid_min     INTEGER NOT NULL,
    tier_macro_min   INTEGER NOT NULL,
    tier_mega_min    INTEGER NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);

CREATE TABLE creators (
    id                  INTEGER PRIMARY KEY,
    display_name        TEXT    NOT NULL,
    sort_name           TEXT    NOT NULL,       -- lower-cased display name, for sorting
    city                TEXT    NOT NULL DEFAULT '',
    country             TEXT    NOT NULL DEFAULT '',   -- ISO 3166-1 alpha-2, upper case
    language            TEXT    NOT NULL DEFAULT '',
    email               TEXT    NOT NULL DEFAULT '',
    phone               TEXT    NOT NULL DEFAULT '',
    manager             TEXT    NOT NULL DEFAULT '',   -- manager or agent, free text
    paypal_email        TEXT    NOT NULL DEFAULT '',
    iban                TEXT    NOT NULL DEFAULT '',   -- electronic format, no spaces
    account_holder      TEXT    NOT NULL DEFAULT '',
    payout_method       TEXT    NOT NULL DEFAULT 'none'
                        CHECK (payout_method IN ('none', 'paypal', 'bank')),
    stage               TEXT    NOT NULL DEFAULT 'prospect'
                        CHECK (stage IN ('prospect', 'contacted', 'negotiating', 'active',
                                         'paused', 'alumni', 'declined')),
    authenticity_score  INTEGER CHECK (authenticity_score BETWEEN 1 AND 5),
    authenticity_notes  TEXT    NOT NULL DEFAULT '',
    notes               TEXT    NOT NULL DEFAULT '',
    max_followers       INTEGER NOT NULL DEFAULT 0 CHECK (max_followers >= 0),  -- largest handle; the tier derives from it
    revision            INTEGER NOT NULL DEFAULT 1,     -- optimistic lock: a stale edit is refused
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX creators_by_sort_name ON creators (sort_name, id);
CREATE INDEX creators_by_followers ON creators (max_followers, id);
CREATE INDEX creators_by_updated   ON creators (updated_at, id);
CREATE INDEX creators_by_stage     ON creators (stage, country, max_followers);  -- stage, country and tier counts without a table lookup
CREATE INDEX creators_by_country   ON creators (country, max_followers);

CREATE TABLE handles (
    id          INTEGER PRIMARY KEY,
    creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    platform    TEXT    NOT NULL
                CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'x', 'pinterest',
                                    'twitch', 'blog', 'other')),
    handle      TEXT    NOT NULL,               -- as the user typed it, without a leading @
    handle_key  TEXT    NOT NULL,               -- lower case: the identity within a platform
    profile_url TEXT    NOT NULL DEFAULT '',
    followers   INTEGER NOT NULL DEFAULT 0 CHECK (followers >= 0),
    UNIQUE (platform, handle_key)
);
CREATE INDEX handles_by_creator ON handles (creator_id);
CREATE INDEX handles_by_key ON handles (handle_key, creator_id);  -- covering: 1–2 letter search
CREATE INDEX handles_by_platform ON handles (platform, creator_id);  -- platform filter and facet

CREATE TABLE follower_snapshots (
    handle_id   INTEGER NOT NULL REFERENCES handles (id) ON DELETE CASCADE,
    taken_on    TEXT    NOT NULL,               -- YYYY-MM-DD
    followers   INTEGER NOT NULL CHECK (followers >= 0),
    PRIMARY KEY (handle_id, taken_on)
) WITHOUT ROWID;

CREATE TABLE creator_niches (
    creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    niche       TEXT    NOT NULL,               -- lower case
    position    INTEGER NOT NULL,               -- the order the user gave
    PRIMARY KEY (creator_id, niche)
) WITHOUT ROWID;
CREATE INDEX creator_niches_by_niche ON creator_niches (niche, creator_id);

CREATE TABLE creator_tags (
    creator_id  INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    tag         TEXT    NOT NULL,               -- lower case
    position    INTEGER NOT NULL,
    PRIMARY KEY (creator_id, tag)
) WITHOUT ROWID;
CREATE INDEX creator_tags_by_tag ON creator_tags (tag, creator_id);

-- Price per deliverable format, in minor units of the stated currency.
CREATE TABLE rate_card (
    creator_id   INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    format       TEXT    NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency     TEXT    NOT NULL,
    PRIMARY KEY (creator_id, format)
) WITHOUT ROWID;

-- One text document per creator (name, handles, niches, tags, city) for substring search.
CREATE VIRTUAL TABLE creator_search USING fts5 (body, tokenize = 'trigram remove_diacritics 1');

-- Who changed what, when. Money-affecting changes will always land here; roster edits too.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,               -- 'app', 'cli', 'import'
    entity     TEXT    NOT NULL,
    entity_id  INTEGER,
    action     TEXT    NOT NULL,
    detail     TEXT    NOT NULL DEFAULT ''
);
