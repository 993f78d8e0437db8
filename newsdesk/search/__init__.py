"""Full-text search: Whoosh behind one door (index.py), the query language
(query.py, SYNTAX.md) and the engine that answers queries from the index and
the store (engine.py). Nothing outside this package imports Whoosh."""
