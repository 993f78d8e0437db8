"""Data folders built once and copied by each test (a session or module template)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsdesk.config import EDITOR_ENV
from newsdesk.store import STORE_ENV


@contextmanager
def building_template(root: Path, *, keep_editor: bool = False) -> Iterator[None]:
    """The environment pointed at `root` (its data, config and cache folders, the
    local store) while a template is built: templates are built before any test's
    own directories exist, so nothing reads or writes the real user dirs."""
    with pytest.MonkeyPatch.context() as patch:
        for name, sub in (
            ("NEWSDESK_DATA_DIR", "data"),
            ("NEWSDESK_CONFIG_DIR", "config"),
            ("NEWSDESK_CACHE_DIR", "cache"),
        ):
            patch.setenv(name, str(root / sub))
        patch.setenv(STORE_ENV, "")
        if not keep_editor:
            patch.delenv(EDITOR_ENV, raising=False)
        yield
