"""The numbered schema steps of the SQLite store, and the runner that applies them.

Adding a table or a column is one new module in this folder, named
`mNNN_what_it_adds.py` with the next number, holding a docstring that says
why and `STATEMENTS`, a tuple of SQL statements (plus, when rows must be
rewritten, an `apply(tx)` function run after them). `SCHEMA_VERSION` is the
highest number found; a database below it gets every missing step, in order,
in one transaction, so it ends on the new version or stays on the old one.
Never edit a step that has shipped; add another. Two steps with one number
(two branches that both added one) fail at import, loudly.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from newsdesk.errors import DamagedStoreError, NewerSchemaError

_NAME = re.compile(r"^m(\d{3})_[a-z0-9_]+$")


@dataclass(frozen=True)
class Step:
    """One numbered change of the schema."""

    version: int
    name: str
    statements: tuple[str, ...]
    apply: Callable[[sqlite3.Connection], None] | None = None

    def run(self, tx: sqlite3.Connection) -> None:
        for statement in self.statements:
            tx.execute(statement)
        if self.apply is not None:
            self.apply(tx)


def _step(module: ModuleType, version: int) -> Step:
    statements = tuple(getattr(module, "STATEMENTS", ()))
    apply = getattr(module, "apply", None)
    if not statements and apply is None:
        raise RuntimeError(f"schema step {module.__name__} has neither STATEMENTS nor apply()")
    return Step(version, module.__name__.rsplit(".", 1)[-1], statements, apply)


def discover(path: Sequence[str] = tuple(__path__), package: str = __name__) -> dict[int, Step]:
    """Every step in a folder by number; numbers must run 1, 2, 3... without a gap."""
    steps: dict[int, Step] = {}
    for info in pkgutil.iter_modules(list(path)):
        match = _NAME.match(info.name)
        if match is None:
            continue
        version = int(match.group(1))
        if version in steps:
            raise RuntimeError(
                f"two schema steps are numbered {version}: {steps[version].name} and "
                f"{info.name}; renumber the newer one"
            )
        steps[version] = _step(importlib.import_module(f"{package}.{info.name}"), version)
    if sorted(steps) != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"schema steps must be numbered 1..N without gaps: {sorted(steps)}")
    return steps


STEPS = discover()
SCHEMA_VERSION = max(STEPS)


def read_version(conn: sqlite3.Connection) -> int:
    """The version a database is at (0 for a new, empty file)."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
    ).fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if not row:
        return 0
    try:
        version = int(row[0])
    except (TypeError, ValueError):
        version = -1
    if version < 0:
        # Written by something else: neither a version to upgrade from nor a newer one.
        raise DamagedStoreError(
            f"the database says its schema version is {row[0]!r}, which makes no sense. "
            "Run `newsdesk doctor` to check it and recover what can be recovered."
        )
    return version


def check_version(current: int, path: object) -> None:
    if current > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the database {path} was written by a newer newsdesk "
            f"(schema {current}, this version understands {SCHEMA_VERSION}). "
            "Upgrade newsdesk; your data has not been touched."
        )


def upgrade(tx: sqlite3.Connection, current: int) -> None:
    """Run every step above `current` inside the caller's transaction."""
    from newsdesk.store.sqlite.stories import create_tables

    for version in range(current + 1, SCHEMA_VERSION + 1):
        STEPS[version].run(tx)
        # The story tables keep their own layout version (stories/schema.py).
        create_tables(tx)
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )
    tx.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('rev', '0')")


__all__ = [
    "SCHEMA_VERSION",
    "STEPS",
    "Step",
    "check_version",
    "discover",
    "read_version",
    "upgrade",
]
