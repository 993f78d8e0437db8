"""A withheld item's versions say so (as SQLite's m016): `articles.killed` is 2 for a
hold, 1 for a kill."""

STATEMENTS = (
    "UPDATE articles SET killed = 2 WHERE killed = 1 AND item_id IN ("
    "SELECT c.item_id FROM articles c WHERE c.superseded = 0 AND c.wire_status = 'withheld' "
    "AND NOT EXISTS (SELECT 1 FROM articles k WHERE k.item_id = c.item_id "
    "AND k.wire_status = 'withdrawn'))",
)
