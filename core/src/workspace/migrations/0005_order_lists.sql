-- Schema 5: the Sales screen's review queue and unattributed lists read from indexes led by
-- the order's time. A large order import builds the orders' indexes again, and an index whose
-- key starts with one of a few repeated words (the attribution state) sorts several times
-- slower than one led by the time: the two indexes of 0004 that started with the state are
-- replaced by partial indexes, one per state, that the lists name literally.
DROP INDEX orders_not_attributed;
DROP INDEX orders_not_attributed_by_time;
-- The review queue, newest first (a few orders: those with codes of two creators).
CREATE INDEX orders_to_review ON orders (placed_at_utc, id) WHERE attribution = 'review';
-- The unattributed orders, newest first; a reason's (the filter menu) read from the same
-- index without visiting the orders, as are their counts.
CREATE INDEX orders_unattributed ON orders (placed_at_utc, id, attribution_reason) WHERE attribution = 'unattributed';
