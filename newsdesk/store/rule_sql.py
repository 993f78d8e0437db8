"""SQL both backends run alike for the rules table."""

from __future__ import annotations

#: What a rule saved again under its name changes. Its match counts belong to what it
#: does: they start again when its query or actions change (a replace), and stay when
#: the same rule is saved again (an import of the desk's own rules).
UPSERT_SET = """DO UPDATE SET query = excluded.query, actions = excluded.actions,
    matched_total = CASE WHEN rules.query = excluded.query
        AND rules.actions = excluded.actions THEN rules.matched_total ELSE 0 END,
    matched_today = CASE WHEN rules.query = excluded.query
        AND rules.actions = excluded.actions THEN rules.matched_today ELSE 0 END"""
