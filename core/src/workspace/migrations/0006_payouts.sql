-- Schema version 6: payout runs (docs/decisions/0011-payout-runs.md). Fees that fell due,
-- adjustments a person typed, runs with what they decided per creator and the items they
-- took, the brand's payment details, creators' VAT.
-- A shipped migration is never edited: later changes go in a new file.
-- Money is integer minor units with its currency beside it; rates are basis points
-- (21 % = 2100); days are YYYY-MM-DD, times RFC 3339 text (UTC).

-- The workspace's payout settings. The minimum payout is set to 25.00 in the workspace
-- currency by the code that runs after this migration (the currency's decimals decide).
ALTER TABLE workspace_settings ADD COLUMN min_payout_minor INTEGER NOT NULL DEFAULT 2500 CHECK (min_payout_minor >= 0);
-- Who pays: the brand's bank account (the SEPA file's debtor) and what a self-billing
-- invoice names of the brand.
ALTER TABLE workspace_settings ADD COLUMN brand_account_holder TEXT NOT NULL DEFAULT '';
ALTER TABLE workspace_settings ADD COLUMN brand_iban TEXT NOT NULL DEFAULT '';      -- electronic format
ALTER TABLE workspace_settings ADD COLUMN brand_bic TEXT NOT NULL DEFAULT '';
ALTER TABLE workspace_settings ADD COLUMN brand_address TEXT NOT NULL DEFAULT '';
ALTER TABLE workspace_settings ADD COLUMN brand_vat_number TEXT NOT NULL DEFAULT '';

-- A creator who invoices with VAT: registered (their rate applies to fees and adjustments)
-- or reverse charge (VAT shifted to the brand: none on the statement, and it says so).
ALTER TABLE creators ADD COLUMN vat_status TEXT NOT NULL DEFAULT 'none'
    CHECK (vat_status IN ('none', 'registered', 'reverse_charge'));
ALTER TABLE creators ADD COLUMN vat_number TEXT NOT NULL DEFAULT '';
ALTER TABLE creators ADD COLUMN vat_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (vat_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE creators ADD COLUMN billing_address TEXT NOT NULL DEFAULT '';

-- The money audit lines name the creator and the run they concern, to be read by either.
ALTER TABLE audit_log ADD COLUMN creator_id INTEGER;
ALTER TABLE audit_log ADD COLUMN run_id INTEGER;
CREATE INDEX audit_log_by_creator ON audit_log (creator_id, id) WHERE creator_id IS NOT NULL;
CREATE INDEX audit_log_by_run ON audit_log (run_id, id) WHERE run_id IS NOT NULL;

-- The fee of a paid or hybrid collaboration once it is due: when every deliverable is
-- published or verified (deliverables_done), or when a person marks it due (marked_due, with
-- their words in note). Append-only like the commission ledger: a fee changed after it fell
-- due books the difference (fee_changed). due_on: the day it fell due (a run takes it when
-- due_on <= its cut-off).
CREATE TABLE fee_lines (
    id                INTEGER PRIMARY KEY,
    collaboration_id  INTEGER NOT NULL REFERENCES collaborations (id) ON DELETE RESTRICT,
    creator_id        INTEGER NOT NULL REFERENCES creators (id) ON DELETE RESTRICT,
    reason            TEXT    NOT NULL CHECK (reason IN ('deliverables_done', 'marked_due', 'fee_changed')),
    note              TEXT    NOT NULL DEFAULT '',
    amount_minor      INTEGER NOT NULL CHECK (amount_minor <> 0),
    currency          TEXT    NOT NULL,
    due_on            TEXT    NOT NULL,
    created_at        TEXT    NOT NULL
);
CREATE INDEX fee_lines_by_collaboration ON fee_lines (collaboration_id);
CREATE INDEX fee_lines_by_creator ON fee_lines (creator_id, due_on);

-- A bonus (positive) or a deduction (negative) for a creator, with the reason: counts for
-- runs whose cut-off is on or after on_date. Never changed: a mistake is corrected by another.
CREATE TABLE payout_adjustments (
    id            INTEGER PRIMARY KEY,
    creator_id    INTEGER NOT NULL REFERENCES creators (id) ON DELETE RESTRICT,
    amount_minor  INTEGER NOT NULL CHECK (amount_minor <> 0),
    currency      TEXT    NOT NULL,
    reason        TEXT    NOT NULL CHECK (trim(reason) <> ''),
    on_date       TEXT    NOT NULL,
    actor         TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX payout_adjustments_by_creator ON payout_adjustments (creator_id, on_date);

CREATE TRIGGER fee_lines_append_only BEFORE UPDATE ON fee_lines
BEGIN
    SELECT RAISE(ABORT, 'a fee that fell due never changes: book the difference');
END;
CREATE TRIGGER fee_lines_never_deleted BEFORE DELETE ON fee_lines
BEGIN
    SELECT RAISE(ABORT, 'a fee that fell due is never deleted: book the difference');
END;
CREATE TRIGGER payout_adjustments_append_only BEFORE UPDATE ON payout_adjustments
BEGIN
    SELECT RAISE(ABORT, 'an adjustment never changes: add a correcting one');
END;
CREATE TRIGGER payout_adjustments_never_deleted BEFORE DELETE ON payout_adjustments
BEGIN
    SELECT RAISE(ABORT, 'an adjustment is never deleted: add a correcting one');
END;

-- A payout run. A draft holds what it decided per creator (payout_creators) and is computed
-- again at will; finalising takes its items (payout_items) and locks it. At most one draft.
-- A finalised run records the last commission line, fee line and adjustment that existed
-- then, so that the next run knows what it could have taken (carried in).
CREATE TABLE payout_runs (
    id                       INTEGER PRIMARY KEY,
    state                    TEXT    NOT NULL CHECK (state IN ('draft', 'finalised')),
    cutoff                   TEXT    NOT NULL,
    currency                 TEXT    NOT NULL,
    min_payout_minor         INTEGER NOT NULL CHECK (min_payout_minor >= 0),
    previous_run_id          INTEGER REFERENCES payout_runs (id) ON DELETE RESTRICT,
    last_commission_line_id  INTEGER,
    last_fee_line_id         INTEGER,
    last_adjustment_id       INTEGER,
    created_at               TEXT    NOT NULL,
    computed_at              TEXT    NOT NULL,
    finalised_at             TEXT,
    CHECK ((state = 'draft') = (finalised_at IS NULL))
);
CREATE UNIQUE INDEX payout_runs_one_draft ON payout_runs (state) WHERE state = 'draft';

-- What a run decided for a creator, with the amounts (the total before VAT: payable +
-- carried_out = commissions + fees + adjustments + carried_in; VAT on top of payable), the
-- payout details it found and, once paid, the payment.
CREATE TABLE payout_creators (
    run_id             INTEGER NOT NULL REFERENCES payout_runs (id) ON DELETE CASCADE,
    creator_id         INTEGER NOT NULL REFERENCES creators (id) ON DELETE RESTRICT,
    name               TEXT    NOT NULL,
    outcome            TEXT    NOT NULL CHECK (outcome IN ('payable', 'carried', 'blocked')),
    -- below_minimum / below_zero (carried); the missing detail's code (blocked); '' (payable)
    reason_code        TEXT    NOT NULL DEFAULT '',
    reason             TEXT    NOT NULL DEFAULT '',
    method             TEXT    NOT NULL DEFAULT '' CHECK (method IN ('', 'paypal', 'bank')),
    destination        TEXT    NOT NULL DEFAULT '',   -- the PayPal email or the IBAN
    account_holder     TEXT    NOT NULL DEFAULT '',
    vat_status         TEXT    NOT NULL DEFAULT 'none' CHECK (vat_status IN ('none', 'registered', 'reverse_charge')),
    vat_number         TEXT    NOT NULL DEFAULT '',
    vat_rate_bp        INTEGER NOT NULL DEFAULT 0,
    commissions_minor  INTEGER NOT NULL,
    fees_minor         INTEGER NOT NULL,
    adjustments_minor  INTEGER NOT NULL,
    carried_in_minor   INTEGER NOT NULL,
    payable_minor      INTEGER NOT NULL,
    vat_minor          INTEGER NOT NULL DEFAULT 0,
    carried_out_minor  INTEGER NOT NULL,
    items              INTEGER NOT NULL,
    paid_on            TEXT,
    paid_reference     TEXT,
    paid_at            TEXT,
    PRIMARY KEY (run_id, creator_id),
    CHECK (payable_minor + carried_out_minor = commissions_minor + fees_minor + adjustments_minor + carried_in_minor),
    CHECK ((paid_on IS NULL) = (paid_reference IS NULL) AND (paid_on IS NULL) = (paid_at IS NULL)),
    CHECK (paid_on IS NULL OR outcome = 'payable')
) WITHOUT ROWID;
CREATE INDEX payout_creators_by_creator ON payout_creators (creator_id, run_id);

-- What a finalised run took: one row per commission line, fee line or adjustment (exactly
-- one of the three), each UNIQUE, so that no two runs ever take the same one, whoever writes.
CREATE TABLE payout_items (
    id                  INTEGER PRIMARY KEY,
    run_id              INTEGER NOT NULL,
    creator_id          INTEGER NOT NULL,
    commission_line_id  INTEGER UNIQUE REFERENCES commission_lines (id) ON DELETE RESTRICT,
    fee_line_id         INTEGER UNIQUE REFERENCES fee_lines (id) ON DELETE RESTRICT,
    adjustment_id       INTEGER UNIQUE REFERENCES payout_adjustments (id) ON DELETE RESTRICT,
    amount_minor        INTEGER NOT NULL,
    vat_minor           INTEGER NOT NULL DEFAULT 0,
    carried             INTEGER NOT NULL CHECK (carried IN (0, 1)),
    FOREIGN KEY (run_id, creator_id) REFERENCES payout_creators (run_id, creator_id) ON DELETE RESTRICT,
    CHECK ((commission_line_id IS NOT NULL) + (fee_line_id IS NOT NULL) + (adjustment_id IS NOT NULL) = 1)
);
CREATE INDEX payout_items_by_run ON payout_items (run_id, creator_id);

-- A finalised run never changes; of its creators only the payment is written, once.
CREATE TRIGGER payout_runs_finalised_locked BEFORE UPDATE ON payout_runs
WHEN OLD.state = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised payout run never changes');
END;
CREATE TRIGGER payout_runs_finalised_kept BEFORE DELETE ON payout_runs
WHEN OLD.state = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised payout run is never deleted');
END;
CREATE TRIGGER payout_creators_finalised_kept BEFORE DELETE ON payout_creators
WHEN (SELECT state FROM payout_runs WHERE id = OLD.run_id) = 'finalised'
BEGIN
    SELECT RAISE(ABORT, 'a finalised payout run never changes');
END;
CREATE TRIGGER payout_creators_finalised_closed BEFORE INSERT ON payout_creators
WHEN (SELECT state FROM payout_runs WHERE id = NEW.run_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'a finalised payout run never changes');
END;
CREATE TRIGGER payout_creators_paid_once BEFORE UPDATE ON payout_creators
WHEN (SELECT state FROM payout_runs WHERE id = OLD.run_id) = 'finalised'
 AND (OLD.paid_on IS NOT NULL OR NEW.paid_on IS NULL
   OR NEW.run_id IS NOT OLD.run_id OR NEW.creator_id IS NOT OLD.creator_id OR NEW.name IS NOT OLD.name
   OR NEW.outcome IS NOT OLD.outcome OR NEW.reason_code IS NOT OLD.reason_code OR NEW.reason IS NOT OLD.reason
   OR NEW.method IS NOT OLD.method OR NEW.destination IS NOT OLD.destination OR NEW.account_holder IS NOT OLD.account_holder
   OR NEW.vat_status IS NOT OLD.vat_status OR NEW.vat_number IS NOT OLD.vat_number OR NEW.vat_rate_bp IS NOT OLD.vat_rate_bp
   OR NEW.commissions_minor IS NOT OLD.commissions_minor OR NEW.fees_minor IS NOT OLD.fees_minor
   OR NEW.adjustments_minor IS NOT OLD.adjustments_minor OR NEW.carried_in_minor IS NOT OLD.carried_in_minor
   OR NEW.payable_minor IS NOT OLD.payable_minor OR NEW.vat_minor IS NOT OLD.vat_minor
   OR NEW.carried_out_minor IS NOT OLD.carried_out_minor OR NEW.items IS NOT OLD.items)
BEGIN
    SELECT RAISE(ABORT, 'a finalised payout run never changes: only its payment is recorded, once');
END;
CREATE TRIGGER payout_items_taken_by_drafts_only BEFORE INSERT ON payout_items
WHEN (SELECT state FROM payout_runs WHERE id = NEW.run_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'a finalised payout run takes nothing more');
END;
CREATE TRIGGER payout_items_never_change BEFORE UPDATE ON payout_items
BEGIN
    SELECT RAISE(ABORT, 'what a payout run took never changes');
END;
CREATE TRIGGER payout_items_never_deleted BEFORE DELETE ON payout_items
BEGIN
    SELECT RAISE(ABORT, 'what a payout run took is never deleted');
END;
-- A commission line is marked paid only by the item of a run that took it.
CREATE TRIGGER commission_lines_paid_by_their_item BEFORE UPDATE OF payout_line_id ON commission_lines
WHEN NEW.payout_line_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM payout_items WHERE id = NEW.payout_line_id AND commission_line_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'a commission line is paid only by the payout run that took it');
END;
