"""A withheld item's versions say so: `articles.killed` is 2 (`wire.HOLD_MARK`) for a
hold, 1 (`wire.KILL_MARK`) for a kill, where it was 1 for both.

A hold is the agency's "do not use for now", which its next usable version lifts;
the inbox and the exports read it as "WITHHELD: do not use", no longer as a kill.
An item no stored version of which was withdrawn, and whose current version is
withheld, is marked held; a kill stays a kill.
"""

STATEMENTS = (
    "UPDATE articles SET killed = 2 WHERE killed = 1 AND item_id IN ("
    "SELECT c.item_id FROM articles c WHERE c.superseded = 0 AND c.wire_status = 'withheld' "
    "AND NOT EXISTS (SELECT 1 FROM articles k WHERE k.item_id = c.item_id "
    "AND k.wire_status = 'withdrawn'))",
)
