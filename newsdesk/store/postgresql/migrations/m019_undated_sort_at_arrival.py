"""Undated articles sort at their arrival time again (as SQLite's step 18), each with a
new revision for the search index."""

from newsdesk.isodates import UNDATED_SORT_OFFSET

STATEMENTS = (
    f"""WITH base AS (SELECT value::bigint AS v FROM meta WHERE key = 'rev'),
       undated AS (
           SELECT id, row_number() OVER (ORDER BY rev) AS n FROM articles
           WHERE published_ts IS NULL AND sort_ts < 0
       )
       UPDATE articles a SET sort_ts = a.sort_ts + {UNDATED_SORT_OFFSET}, rev = base.v + undated.n
       FROM undated, base WHERE a.id = undated.id""",
    """UPDATE meta SET value = GREATEST(
           value::bigint, (SELECT COALESCE(MAX(rev), 0) FROM articles)
       )::text WHERE key = 'rev'""",
)
