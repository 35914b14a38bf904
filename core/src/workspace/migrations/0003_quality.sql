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
