"""Stories: articles from different outlets about the same event, grouped.

- `grouping.StoryGrouper`: incremental assignment of an article to a story
  (MinHash/LSH candidates, a documented score, a time window), persisted
  through the store's `StoryTables` (`newsdesk.store.protocol`).
- `diff.compare(a, b)`: what one version of a story has that the other lacks.

Nothing here imports Textual or holds SQL; the Desk calls in, the TUI reads sizes.
"""
