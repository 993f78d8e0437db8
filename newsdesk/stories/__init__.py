"""Stories: articles from different outlets about the same event, grouped.

- `schema.create_tables(conn)`: the SQLite tables this package owns.
- `grouping.StoryGrouper`: incremental assignment of an article to a story
  (MinHash/LSH candidates in SQLite, a documented score, a time window).
- `diff.compare(a, b)`: what one version of a story has that the other lacks.

Nothing here imports Textual; the store calls in, the TUI reads sizes.
"""
