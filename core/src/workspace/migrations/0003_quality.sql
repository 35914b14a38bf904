-- Schema version 3: the quality pass of issue 8. Each area keeps its own section, on its own.
-- A shipped migration is never edited: later changes go in a new file.

-- Roster: names sort as people expect, the import writes its search index in one go --------
-- creators.sort_name is now the display name in lower case with accents folded ("Émile" sorts
-- before "Zoë"; the short search finds her with "emi"). SQL cannot fold accents: the
-- migration's Rust step for version 3 (workspace::after_migration) stores every sort name
-- again, in this same transaction.
--
-- FTS5 keeps up to 16 MiB of new search terms in memory before it writes them out (the
-- default is 1 MiB), so a 100,000-row import writes its search index in a few segments
-- instead of dozens it then merges again and again. A single save holds a few hundred bytes.
INSERT INTO creator_search (creator_search, rank) VALUES ('hashsize', 16777216);
