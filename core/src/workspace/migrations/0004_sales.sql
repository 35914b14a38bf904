-- Schema version 4: sales and commissions. Tracking links and discount codes, the commission
-- rules, shop orders with their attribution, the append-only commission ledger and the
-- exchange rates the user keeps.
-- A shipped migration is never edited: later changes go in a new file.
-- Money is integer minor units with its currency beside it; rates are basis points
-- (1 % = 100); times are RFC 3339 text. No customer name, address or email is ever stored:
-- a customer is a salted SHA-256 of their email (orders.customer_hash).

-- The workspace's sales settings.
-- A discount code counts this many days after its collaboration's end.
ALTER TABLE workspace_settings ADD COLUMN attribution_grace_days INTEGER NOT NULL DEFAULT 30
    CHECK (attribution_grace_days BETWEEN 0 AND 365);
-- A commission is pending this many days after its order, then approved.
ALTER TABLE workspace_settings ADD COLUMN commission_hold_days INTEGER NOT NULL DEFAULT 30
    CHECK (commission_hold_days BETWEEN 0 AND 365);
-- Whether the shop's item prices include tax (then the items' tax is taken out of the base).
ALTER TABLE workspace_settings ADD COLUMN prices_include_tax INTEGER NOT NULL DEFAULT 1
    CHECK (prices_include_tax IN (0, 1));
-- The offset of an order time a file writes without one (WooCommerce), in minutes east of
-- UTC; NULL: this computer's time zone at that moment.
ALTER TABLE workspace_settings ADD COLUMN shop_utc_offset_minutes INTEGER
    CHECK (shop_utc_offset_minutes IS NULL OR shop_utc_offset_minutes BETWEEN -840 AND 840);
-- Mixed into every customer hash, so that two workspaces' hashes of one email differ.
ALTER TABLE workspace_settings ADD COLUMN customer_salt TEXT NOT NULL DEFAULT '';
UPDATE workspace_settings SET customer_salt = lower(hex(randomblob(16))) WHERE customer_salt = '';
-- How new discount codes are made ({HANDLE}, {PERCENT}).
ALTER TABLE workspace_settings ADD COLUMN discount_code_pattern TEXT NOT NULL DEFAULT '{HANDLE}{PERCENT}';

-- Where a campaign's tracking links lead (https://…); '' when it has none yet.
ALTER TABLE campaigns ADD COLUMN landing_url TEXT NOT NULL DEFAULT '';

-- A collaboration's discount code, as the shop knows it ('' for none), and its key: the code
-- folded for comparing (sales::codes::code_key), unique in the workspace.
ALTER TABLE collaborations ADD COLUMN discount_code TEXT NOT NULL DEFAULT '';
ALTER TABLE collaborations ADD COLUMN discount_code_key TEXT NOT NULL DEFAULT '';
-- The customer's discount the code gives, in basis points ({PERCENT} of the pattern); NULL: not said.
ALTER TABLE collaborations ADD COLUMN customer_discount_bp INTEGER
    CHECK (customer_discount_bp IS NULL OR customer_discount_bp BETWEEN 0 AND 10000);
-- When the collaboration was cancelled (a code counts for orders before it, not after);
-- kept by the trigger below; NULL while it is not cancelled. A collaboration cancelled before
-- this schema gets its last change's time, the best the file knows.
ALTER TABLE collaborations ADD COLUMN cancelled_at TEXT;
UPDATE collaborations SET cancelled_at = updated_at WHERE status = 'cancelled';
CREATE TRIGGER collaboration_cancelled_at AFTER UPDATE OF status ON collaborations
WHEN (OLD.status = 'cancelled') <> (NEW.status = 'cancelled')
BEGIN
    UPDATE collaborations SET cancelled_at = CASE WHEN NEW.status = 'cancelled' THEN NEW.updated_at END WHERE id = NEW.id;
END;
CREATE TRIGGER collaboration_cancelled_at_insert AFTER INSERT ON collaborations
WHEN NEW.status = 'cancelled'
BEGIN
    UPDATE collaborations SET cancelled_at = NEW.updated_at WHERE id = NEW.id;
END;
CREATE UNIQUE INDEX collaborations_by_code ON collaborations (discount_code_key) WHERE discount_code_key <> '';

-- The commission rules, one per owner at each level. Precedence: collaboration, then creator,
-- then campaign, then the workspace default (owner_id NULL).
CREATE TABLE commission_rules (
    id          INTEGER PRIMARY KEY,
    level       TEXT    NOT NULL CHECK (level IN ('collaboration', 'creator', 'campaign', 'workspace')),
    owner_id    INTEGER,
    rule        TEXT    NOT NULL,                 -- commissions::rules::Rule::machine_text()
    as_written  TEXT    NOT NULL DEFAULT '',      -- what the person typed or the file said
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    CHECK ((level = 'workspace') = (owner_id IS NULL))
);
CREATE UNIQUE INDEX commission_rules_by_owner ON commission_rules (level, coalesce(owner_id, 0));
-- Joins on the owner (a campaign's collaborations with their rules): SQLite does not use the
-- expression index above for `owner_id = <column>`.
CREATE INDEX commission_rules_by_owner_id ON commission_rules (level, owner_id);

-- Exchange rates the user keeps (typed, or from the ECB's reference rates): one unit of
-- from_currency is rate_units / 10^rate_scale units of to_currency, on that date.
CREATE TABLE exchange_rates (
    on_date        TEXT    NOT NULL,
    from_currency  TEXT    NOT NULL,
    to_currency    TEXT    NOT NULL,
    rate_units     INTEGER NOT NULL CHECK (rate_units > 0),
    rate_scale     INTEGER NOT NULL CHECK (rate_scale BETWEEN 0 AND 18),
    source         TEXT    NOT NULL DEFAULT 'typed' CHECK (source IN ('typed', 'ecb')),
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (on_date, from_currency, to_currency),
    CHECK (from_currency <> to_currency)
) WITHOUT ROWID;

-- Shop orders. An order is its source and number: importing it again finds it. Refunds,
-- cancellation and the financial status only move forward (the order import sees to it).
-- Its attribution is kept on the order: attributed to a collaboration, unattributed with the
-- reason, or waiting in the review queue (codes of two creators).
CREATE TABLE orders (
    id                   INTEGER PRIMARY KEY,
    source               TEXT    NOT NULL CHECK (source IN ('shopify', 'woocommerce', 'csv')),
    number               TEXT    NOT NULL,
    placed_at            TEXT    NOT NULL,        -- as the file wrote it, with its offset
    placed_at_utc        TEXT    NOT NULL,        -- YYYY-MM-DDTHH:MM:SSZ: sorts in time
    placed_on            TEXT    NOT NULL,        -- the shop's calendar day (windows, months)
    currency             TEXT    NOT NULL,
    subtotal_minor       INTEGER NOT NULL CHECK (subtotal_minor >= 0),
    discount_minor       INTEGER CHECK (discount_minor >= 0),
    shipping_minor       INTEGER CHECK (shipping_minor >= 0),
    tax_minor            INTEGER CHECK (tax_minor >= 0),
    total_minor          INTEGER,
    refunded_minor       INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    cancelled_at         TEXT,
    financial_status     TEXT    NOT NULL,        -- sales::orders::FinancialStatus, snake_case
    customer_hash        TEXT,
    prices_include_tax   INTEGER CHECK (prices_include_tax IN (0, 1)),  -- when the file says
    utm_source           TEXT,
    utm_medium           TEXT,
    utm_campaign         TEXT,
    utm_content          TEXT,
    landing_url          TEXT,
    -- Attribution.
    attribution          TEXT    NOT NULL DEFAULT 'unattributed'
                         CHECK (attribution IN ('attributed', 'unattributed', 'review')),
    collaboration_id     INTEGER REFERENCES collaborations (id) ON DELETE RESTRICT,
    -- Why: code, link, manual (attributed); no_code, unknown_code, expired, not_started,
    -- cancelled_collaboration, manual (unattributed); two_creators (review).
    attribution_reason   TEXT    NOT NULL DEFAULT 'no_code',
    attribution_manual   INTEGER NOT NULL DEFAULT 0 CHECK (attribution_manual IN (0, 1)),
    attribution_note     TEXT    NOT NULL DEFAULT '',   -- the person's reason for a manual choice
    -- A commission that cannot be worked out yet (a missing exchange rate, an unknown
    -- customer under a first-order rule): the code and its sentence; '' when none waits.
    waiting_code         TEXT    NOT NULL DEFAULT '',
    waiting_message      TEXT    NOT NULL DEFAULT '',
    waiting_params       TEXT    NOT NULL DEFAULT '{}',   -- JSON object: the window words the code with them
    imported_at          TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL,
    UNIQUE (source, number),
    CHECK ((attribution = 'attributed') = (collaboration_id IS NOT NULL))
);
CREATE INDEX orders_by_time ON orders (placed_at_utc, id);
CREATE INDEX orders_by_collaboration ON orders (collaboration_id, placed_at_utc) WHERE collaboration_id IS NOT NULL;
CREATE INDEX orders_not_attributed ON orders (attribution, attribution_reason, placed_at_utc) WHERE attribution <> 'attributed';
-- The Sales screen's unattributed and review lists, newest first, whatever the reason.
CREATE INDEX orders_not_attributed_by_time ON orders (attribution, placed_at_utc) WHERE attribution <> 'attributed';
CREATE INDEX orders_by_customer ON orders (customer_hash, placed_at_utc) WHERE customer_hash IS NOT NULL;
CREATE INDEX orders_waiting ON orders (waiting_code) WHERE waiting_code <> '';
-- The orders a campaign's tracking links brought (attributed again when its collaborations change).
CREATE INDEX orders_by_utm_campaign ON orders (utm_campaign COLLATE NOCASE) WHERE utm_campaign IS NOT NULL;

-- An order's product lines, as the file gave them (for per-SKU rates and the order's detail).
CREATE TABLE order_lines (
    order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    position          INTEGER NOT NULL,
    sku               TEXT    NOT NULL DEFAULT '',
    name              TEXT    NOT NULL DEFAULT '',
    quantity          INTEGER NOT NULL,
    unit_price_minor  INTEGER,
    total_minor       INTEGER,
    discount_minor    INTEGER,
    PRIMARY KEY (order_id, position)
) WITHOUT ROWID;

-- The discount codes an order carries, as written, and folded (sales::codes::code_key).
CREATE TABLE order_codes (
    order_id  INTEGER NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    code      TEXT    NOT NULL,
    code_key  TEXT    NOT NULL,
    PRIMARY KEY (order_id, position)
) WITHOUT ROWID;
CREATE INDEX order_codes_by_key ON order_codes (code_key);

-- A person's decision that an order earns its collaboration nothing (fraud, a staff order),
-- with the reason: from then on the order's commission for that collaboration is zero.
CREATE TABLE commission_rejections (
    order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    collaboration_id  INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE RESTRICT,
    reason            TEXT    NOT NULL CHECK (reason <> ''),
    rejected_at       TEXT    NOT NULL,
    PRIMARY KEY (order_id, collaboration_id)
) WITHOUT ROWID;

-- The commission ledger: append-only. For every (order, collaboration) its lines sum to the
-- commission of the order's current state; a change books the difference as a new line
-- (a refund before payment: a negative line; after payment: a clawback; an attribution that
-- moves: a reversal here and a commission there). Status: pending until hold_until, then
-- approved (read as of a date); rejected when rejected_at is set. A line a payout has paid
-- (payout_line_id, the payouts issue) never changes.
CREATE TABLE commission_lines (
    id                 INTEGER PRIMARY KEY,
    order_id           INTEGER NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    collaboration_id   INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE RESTRICT,
    creator_id         INTEGER NOT NULL REFERENCES creators (id) ON DELETE RESTRICT,
    kind               TEXT    NOT NULL CHECK (kind IN ('commission', 'adjustment', 'reversal', 'clawback')),
    -- Why this line: order, refund, cancelled, attribution_changed, rejected, rule_changed,
    -- manual; with the person's words for a manual one.
    reason             TEXT    NOT NULL,
    note               TEXT    NOT NULL DEFAULT '',
    amount_minor       INTEGER NOT NULL,
    currency           TEXT    NOT NULL,
    -- How the order's commission was made when this line was booked (shown on the line).
    base_minor         INTEGER NOT NULL,          -- the base, in the line's currency
    rule               TEXT    NOT NULL,          -- Rule::machine_text()
    rule_level         TEXT    NOT NULL CHECK (rule_level IN ('collaboration', 'creator', 'campaign', 'workspace')),
    explanation        TEXT    NOT NULL,          -- English words; explanation_code + params word it in the window
    explanation_code   TEXT    NOT NULL,
    explanation_params TEXT    NOT NULL DEFAULT '{}',   -- JSON object
    -- A converted order: its own currency and base, and the rate used.
    order_currency     TEXT,
    order_base_minor   INTEGER,
    fx_rate_units      INTEGER,
    fx_rate_scale      INTEGER,
    fx_on_date         TEXT,
    hold_until         TEXT    NOT NULL,          -- YYYY-MM-DD: approved from this day on
    rejected_at        TEXT,
    rejected_reason    TEXT,
    payout_line_id     INTEGER,                   -- the payouts issue: the run line that paid it
    created_at         TEXT    NOT NULL,
    CHECK ((rejected_at IS NULL) = (rejected_reason IS NULL))
);
CREATE INDEX commission_lines_by_order ON commission_lines (order_id, collaboration_id);
-- A creator's and a collaboration's totals by status read from these indexes alone (covering).
CREATE INDEX commission_lines_by_creator ON commission_lines (creator_id, hold_until, currency, amount_minor, rejected_at, payout_line_id);
CREATE INDEX commission_lines_by_collaboration ON commission_lines (collaboration_id, rejected_at, amount_minor, hold_until, currency, payout_line_id);
CREATE INDEX commission_lines_unpaid ON commission_lines (hold_until) WHERE payout_line_id IS NULL AND rejected_at IS NULL;

-- The ledger's guarantees, in the schema so that no writer (the app, the CLI, a script) can
-- break them: a line is never deleted; of a line only the rejection (once, while unpaid) and
-- the payout that paid it (once) are ever written after it was booked.
CREATE TRIGGER commission_lines_never_deleted BEFORE DELETE ON commission_lines
BEGIN
    SELECT RAISE(ABORT, 'commission lines are never deleted: book a correcting line');
END;

CREATE TRIGGER commission_lines_append_only BEFORE UPDATE ON commission_lines
WHEN NEW.id IS NOT OLD.id OR NEW.order_id IS NOT OLD.order_id OR NEW.collaboration_id IS NOT OLD.collaboration_id
  OR NEW.creator_id IS NOT OLD.creator_id OR NEW.kind IS NOT OLD.kind OR NEW.reason IS NOT OLD.reason
  OR NEW.note IS NOT OLD.note OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.currency IS NOT OLD.currency
  OR NEW.base_minor IS NOT OLD.base_minor OR NEW.rule IS NOT OLD.rule OR NEW.rule_level IS NOT OLD.rule_level
  OR NEW.explanation IS NOT OLD.explanation OR NEW.explanation_code IS NOT OLD.explanation_code
  OR NEW.explanation_params IS NOT OLD.explanation_params OR NEW.order_currency IS NOT OLD.order_currency
  OR NEW.order_base_minor IS NOT OLD.order_base_minor OR NEW.fx_rate_units IS NOT OLD.fx_rate_units
  OR NEW.fx_rate_scale IS NOT OLD.fx_rate_scale OR NEW.fx_on_date IS NOT OLD.fx_on_date
  OR NEW.hold_until IS NOT OLD.hold_until OR NEW.created_at IS NOT OLD.created_at
BEGIN
    SELECT RAISE(ABORT, 'a booked commission line never changes: book a correcting line');
END;

CREATE TRIGGER commission_lines_rejected_once BEFORE UPDATE OF rejected_at, rejected_reason ON commission_lines
WHEN OLD.rejected_at IS NOT NULL OR OLD.payout_line_id IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a rejected or paid commission line never changes');
END;

CREATE TRIGGER commission_lines_paid_once BEFORE UPDATE OF payout_line_id ON commission_lines
WHEN OLD.payout_line_id IS NOT NULL OR OLD.rejected_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a paid or rejected commission line is never paid again');
END;

-- The ledger summed by currency, kind, hold day and state (unpaid, paid, rejected), kept by the
-- triggers below whoever writes, so that the Sales screen's totals by status (pending and
-- approved as of any day: unpaid lines on either side of their hold day) and its counts read a
-- few hundred rows, not every line of the ledger.
CREATE TABLE commission_totals (
    currency      TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    hold_until    TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('unpaid', 'paid', 'rejected')),
    amount_minor  INTEGER NOT NULL,
    lines         INTEGER NOT NULL,
    PRIMARY KEY (currency, kind, hold_until, state)
) WITHOUT ROWID;

CREATE TRIGGER commission_totals_line_booked AFTER INSERT ON commission_lines BEGIN
    INSERT INTO commission_totals (currency, kind, hold_until, state, amount_minor, lines)
    VALUES (NEW.currency, NEW.kind, NEW.hold_until,
            CASE WHEN NEW.rejected_at IS NOT NULL THEN 'rejected' WHEN NEW.payout_line_id IS NOT NULL THEN 'paid' ELSE 'unpaid' END,
            NEW.amount_minor, 1)
        ON CONFLICT (currency, kind, hold_until, state) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, lines = lines + 1;
END;

CREATE TRIGGER commission_totals_line_settled AFTER UPDATE OF rejected_at, payout_line_id ON commission_lines
WHEN (OLD.rejected_at IS NULL) <> (NEW.rejected_at IS NULL) OR (OLD.payout_line_id IS NULL) <> (NEW.payout_line_id IS NULL)
BEGIN
    UPDATE commission_totals SET amount_minor = amount_minor - OLD.amount_minor, lines = lines - 1
     WHERE currency = OLD.currency AND kind = OLD.kind AND hold_until = OLD.hold_until
       AND state = CASE WHEN OLD.rejected_at IS NOT NULL THEN 'rejected' WHEN OLD.payout_line_id IS NOT NULL THEN 'paid' ELSE 'unpaid' END;
    INSERT INTO commission_totals (currency, kind, hold_until, state, amount_minor, lines)
    VALUES (NEW.currency, NEW.kind, NEW.hold_until,
            CASE WHEN NEW.rejected_at IS NOT NULL THEN 'rejected' WHEN NEW.payout_line_id IS NOT NULL THEN 'paid' ELSE 'unpaid' END,
            NEW.amount_minor, 1)
        ON CONFLICT (currency, kind, hold_until, state) DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, lines = lines + 1;
END;
