-- Schema version 2: campaigns, collaborations, deliverables, gift shipments and the outreach log.
-- A shipped migration is never edited: later changes go in a new file.
-- Dates are YYYY-MM-DD text; times are YYYY-MM-DDTHH:MM (local, as the user typed them).
-- Money is integer minor units of the workspace currency (workspace_settings.currency).

-- A stable identity for the workspace, used in calendar UIDs so that a re-exported .ics
-- updates events instead of duplicating them.
ALTER TABLE workspace_settings ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE workspace_settings SET uid = lower(hex(randomblob(16))) WHERE uid = '';
-- The thresholds of the Today view, in days.
ALTER TABLE workspace_settings ADD COLUMN gift_no_post_days INTEGER NOT NULL DEFAULT 14;
ALTER TABLE workspace_settings ADD COLUMN idle_days INTEGER NOT NULL DEFAULT 21;
ALTER TABLE workspace_settings ADD COLUMN usage_warning_days INTEGER NOT NULL DEFAULT 30;

-- Where gifts go: street and number, postal code (multi-line). City and country already exist.
ALTER TABLE creators ADD COLUMN postal_address TEXT NOT NULL DEFAULT '';
-- The newest outreach touchpoint, kept in step by the outreach module; shown in the roster.
ALTER TABLE creators ADD COLUMN last_contact_on TEXT;

CREATE TABLE campaigns (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL,
    goal               TEXT    NOT NULL CHECK (goal IN ('awareness', 'leads', 'sales')),
    starts_on          TEXT,
    ends_on            TEXT,
    budget_minor       INTEGER NOT NULL DEFAULT 0 CHECK (budget_minor >= 0),
    niche              TEXT    NOT NULL DEFAULT '',
    target_audience    TEXT    NOT NULL DEFAULT '',
    brief              TEXT    NOT NULL DEFAULT '',
    dos                TEXT    NOT NULL DEFAULT '',
    donts              TEXT    NOT NULL DEFAULT '',
    required_hashtags  TEXT    NOT NULL DEFAULT '',   -- space separated, each with its #
    required_mentions  TEXT    NOT NULL DEFAULT '',   -- space separated, each with its @
    disclosure         TEXT    NOT NULL DEFAULT '',   -- e.g. #ad, #advertentie
    utm_slug           TEXT    NOT NULL DEFAULT '',   -- lower case, no spaces
    revision           INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX campaigns_by_start ON campaigns (starts_on, id);
CREATE UNIQUE INDEX campaigns_by_slug ON campaigns (utm_slug) WHERE utm_slug <> '';

-- A creator in a campaign.
CREATE TABLE collaborations (
    id                  INTEGER PRIMARY KEY,
    campaign_id         INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    creator_id          INTEGER NOT NULL REFERENCES creators (id) ON DELETE RESTRICT,
    kind                TEXT    NOT NULL CHECK (kind IN ('gifted', 'paid', 'affiliate', 'hybrid')),
    status              TEXT    NOT NULL DEFAULT 'proposed'
                        CHECK (status IN ('proposed', 'agreed', 'active', 'completed', 'cancelled')),
    fee_minor           INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
    gift_value_minor    INTEGER NOT NULL DEFAULT 0 CHECK (gift_value_minor >= 0),
    commission_terms    TEXT    NOT NULL DEFAULT '',
    starts_on           TEXT,
    ends_on             TEXT,
    usage_channels      TEXT    NOT NULL DEFAULT '',
    usage_until         TEXT,
    usage_exclusive     INTEGER NOT NULL DEFAULT 0 CHECK (usage_exclusive IN (0, 1)),
    contract_signed_on  TEXT,
    contract_path       TEXT    NOT NULL DEFAULT '',
    notes               TEXT    NOT NULL DEFAULT '',
    agreed_on           TEXT,                      -- the day it first became agreed
    last_activity_on    TEXT    NOT NULL,          -- any change here, to a deliverable, gift or touchpoint
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    UNIQUE (campaign_id, creator_id),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX collaborations_by_creator ON collaborations (creator_id);
CREATE INDEX collaborations_by_activity ON collaborations (last_activity_on)
    WHERE status IN ('agreed', 'active');
CREATE INDEX collaborations_by_usage ON collaborations (usage_until)
    WHERE usage_until IS NOT NULL AND status <> 'cancelled';

CREATE TABLE deliverables (
    id                INTEGER PRIMARY KEY,
    collaboration_id  INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    platform          TEXT    NOT NULL
                      CHECK (platform IN ('instagram', 'tiktok', 'youtube', 'x', 'pinterest',
                                          'twitch', 'blog', 'other')),
    format            TEXT    NOT NULL
                      CHECK (format IN ('post', 'carousel', 'single_image', 'reel', 'story',
                                        'short', 'video', 'live', 'blog')),
    due_on            TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'planned'
                      CHECK (status IN ('planned', 'in_production', 'submitted', 'changes_requested',
                                        'approved', 'published', 'verified', 'missed')),
    post_url          TEXT    NOT NULL DEFAULT '',
    published_at      TEXT,
    has_hashtags      INTEGER NOT NULL DEFAULT 0 CHECK (has_hashtags IN (0, 1)),
    has_mentions      INTEGER NOT NULL DEFAULT 0 CHECK (has_mentions IN (0, 1)),
    has_disclosure    INTEGER NOT NULL DEFAULT 0 CHECK (has_disclosure IN (0, 1)),
    call_to_action    INTEGER CHECK (call_to_action IN (0, 1)),   -- NULL: not yet judged
    storytelling      INTEGER CHECK (storytelling IN (0, 1)),
    faceless          INTEGER CHECK (faceless IN (0, 1)),
    notes             TEXT    NOT NULL DEFAULT '',
    -- Kept by the triggers below: its collaboration is cancelled, so nothing is expected of it.
    collaboration_cancelled INTEGER NOT NULL DEFAULT 0 CHECK (collaboration_cancelled IN (0, 1)),
    revision          INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX deliverables_by_collaboration ON deliverables (collaboration_id, due_on);
-- Today's "due and overdue" reads only what is still expected.
CREATE INDEX deliverables_expected_by_due ON deliverables (due_on)
    WHERE status NOT IN ('published', 'verified', 'missed') AND collaboration_cancelled = 0;
-- Whether a collaboration has a live post.
CREATE INDEX deliverables_published ON deliverables (collaboration_id)
    WHERE status IN ('published', 'verified');

CREATE TABLE gift_shipments (
    id                INTEGER PRIMARY KEY,
    collaboration_id  INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
    status            TEXT    NOT NULL DEFAULT 'to_pack'
                      CHECK (status IN ('to_pack', 'shipped', 'delivered', 'returned', 'lost')),
    recipient_name    TEXT    NOT NULL DEFAULT '',
    postal_address    TEXT    NOT NULL DEFAULT '',
    city              TEXT    NOT NULL DEFAULT '',
    country           TEXT    NOT NULL DEFAULT '',
    carrier           TEXT    NOT NULL DEFAULT '',
    tracking_number   TEXT    NOT NULL DEFAULT '',
    shipped_on        TEXT,
    delivered_on      TEXT,
    closed_on         TEXT,                       -- returned or lost on
    notes             TEXT    NOT NULL DEFAULT '',
    -- Kept by the triggers below: delivered, its collaboration agreed or active, and no live post yet.
    awaiting_post     INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_post IN (0, 1)),
    -- Kept by the triggers below: its collaboration is cancelled, so it is not to be shipped.
    collaboration_cancelled INTEGER NOT NULL DEFAULT 0 CHECK (collaboration_cancelled IN (0, 1)),
    revision          INTEGER NOT NULL DEFAULT 1,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX gift_shipments_by_collaboration ON gift_shipments (collaboration_id);
CREATE INDEX gift_shipments_to_pack ON gift_shipments (created_at) WHERE status = 'to_pack' AND collaboration_cancelled = 0;
CREATE INDEX gift_shipments_awaiting_post ON gift_shipments (delivered_on) WHERE awaiting_post = 1;

CREATE TABLE gift_items (
    shipment_id         INTEGER NOT NULL REFERENCES gift_shipments (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    name                TEXT    NOT NULL,
    sku                 TEXT    NOT NULL DEFAULT '',
    quantity            INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost_minor     INTEGER NOT NULL DEFAULT 0 CHECK (unit_cost_minor >= 0),
    unit_retail_minor   INTEGER NOT NULL DEFAULT 0 CHECK (unit_retail_minor >= 0),
    PRIMARY KEY (shipment_id, position)
) WITHOUT ROWID;

-- Touchpoints before and during a collaboration.
CREATE TABLE touchpoints (
    id                INTEGER PRIMARY KEY,
    creator_id        INTEGER NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
    collaboration_id  INTEGER REFERENCES collaborations (id) ON DELETE SET NULL,
    kind              TEXT    NOT NULL
                      CHECK (kind IN ('followed', 'commented', 'dm', 'email', 'call', 'meeting')),
    happened_on       TEXT    NOT NULL,
    notes             TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL
);
CREATE INDEX touchpoints_by_creator ON touchpoints (creator_id, happened_on);
CREATE INDEX touchpoints_by_collaboration ON touchpoints (collaboration_id) WHERE collaboration_id IS NOT NULL;

-- The two flags Today reads without joins, kept in step here so that every writer (the app,
-- the CLI, an import, a generator) agrees. Without them Today would wade through the open
-- deliverables of cancelled collaborations and through every gift ever delivered.
CREATE TRIGGER collaboration_status_flags AFTER UPDATE OF status ON collaborations
BEGIN
    UPDATE deliverables SET collaboration_cancelled = (NEW.status = 'cancelled')
     WHERE collaboration_id = NEW.id AND collaboration_cancelled <> (NEW.status = 'cancelled');
    UPDATE gift_shipments SET collaboration_cancelled = (NEW.status = 'cancelled'), awaiting_post =
           (status = 'delivered' AND NEW.status IN ('agreed', 'active')
            AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = NEW.id AND d.status IN ('published', 'verified')))
     WHERE collaboration_id = NEW.id;
END;

CREATE TRIGGER deliverable_added_flags AFTER INSERT ON deliverables
BEGIN
    UPDATE deliverables SET collaboration_cancelled = 1
     WHERE id = NEW.id AND (SELECT status FROM collaborations WHERE id = NEW.collaboration_id) = 'cancelled';
    UPDATE gift_shipments SET awaiting_post = 0
     WHERE collaboration_id = NEW.collaboration_id AND awaiting_post = 1 AND NEW.status IN ('published', 'verified');
END;

CREATE TRIGGER deliverable_status_flags AFTER UPDATE OF status ON deliverables
WHEN (OLD.status IN ('published', 'verified')) <> (NEW.status IN ('published', 'verified'))
BEGIN
    UPDATE gift_shipments SET awaiting_post =
           (status = 'delivered'
            AND (SELECT status IN ('agreed', 'active') FROM collaborations WHERE id = NEW.collaboration_id)
            AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = NEW.collaboration_id AND d.status IN ('published', 'verified')))
     WHERE collaboration_id = NEW.collaboration_id;
END;

CREATE TRIGGER deliverable_removed_flags AFTER DELETE ON deliverables
WHEN OLD.status IN ('published', 'verified')
BEGIN
    UPDATE gift_shipments SET awaiting_post =
           (status = 'delivered'
            AND (SELECT status IN ('agreed', 'active') FROM collaborations WHERE id = OLD.collaboration_id)
            AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = OLD.collaboration_id AND d.status IN ('published', 'verified')))
     WHERE collaboration_id = OLD.collaboration_id;
END;

CREATE TRIGGER shipment_added_flags AFTER INSERT ON gift_shipments
BEGIN
    UPDATE gift_shipments SET
           collaboration_cancelled = ((SELECT status FROM collaborations WHERE id = NEW.collaboration_id) = 'cancelled'),
           awaiting_post = (NEW.status = 'delivered'
            AND (SELECT status IN ('agreed', 'active') FROM collaborations WHERE id = NEW.collaboration_id)
            AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = NEW.collaboration_id AND d.status IN ('published', 'verified')))
     WHERE id = NEW.id;
END;

CREATE TRIGGER shipment_status_flags AFTER UPDATE OF status ON gift_shipments
WHEN (OLD.status = 'delivered') <> (NEW.status = 'delivered')
BEGIN
    UPDATE gift_shipments SET awaiting_post =
           (NEW.status = 'delivered'
            AND (SELECT status IN ('agreed', 'active') FROM collaborations WHERE id = NEW.collaboration_id)
            AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.collaboration_id = NEW.collaboration_id AND d.status IN ('published', 'verified')))
     WHERE id = NEW.id;
END;
