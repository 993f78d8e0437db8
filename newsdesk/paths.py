"""Where newsdesk keeps things: one module, computed on demand, created on demand.

Importing this module creates nothing. Overrides:
- NEWSDESK_DATA_DIR: the data directory (store, index, action log).
- NEWSDESK_CONFIG_DIR: the config directory (settings, keys, templates).
- NEWSDESK_CACHE_DIR: the cache directory.
Tests set all three to temporary directories so a user's files are never touched.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "newsdesk"

DATA_ENV = "NEWSDESK_DATA_DIR"
CONFIG_ENV = "NEWSDESK_CONFIG_DIR"
CACHE_ENV = "NEWSDESK_CACHE_DIR"


@dataclass(frozen=True)
class Paths:
    """The resolved directories and the files inside them."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "newsdesk.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    def index_dir_for(self, desk: str, former: Sequence[str] = ()) -> Path:
        """The local search index of a desk (`StoreBackend.index_name`): the data
        directory's own file keeps `index`; each shared desk has its own folder.

        A folder under one of its `former` names (an address written without its default
        port, before addresses were normalised) is moved to the name, not rebuilt."""
        if not desk:
            return self.index_dir
        folder = self.data_dir / "indexes" / desk
        for name in former:
            old = self.data_dir / "indexes" / name
            if folder.exists() or not name or name == desk:
                break
            if old.is_dir():
                with contextlib.suppress(OSError):  # another process moved it first
                    old.rename(folder)
        return folder

    @property
    def ui_state(self) -> Path:
        return self.data_dir / "ui-state.json"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def keys_file(self) -> Path:
        return self.config_dir / "keys.toml"

    @property
    def templates_dir(self) -> Path:
        return self.config_dir / "templates"

    @property
    def staging_journal(self) -> Path:
        """One small file per export being staged, naming where (doctor cleans leftovers)."""
        return self.data_dir / "staging"

    def as_dict(self) -> dict[str, str]:
        return {
            "data_dir": str(self.data_dir),
            "config_dir": str(self.config_dir),
            "cache_dir": str(self.cache_dir),
            "database": str(self.database),
            "index_dir": str(self.index_dir),
            "config_file": str(self.config_file),
            "keys_file": str(self.keys_file),
            "templates_dir": str(self.templates_dir),
        }


def _override(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def resolve(data_dir: Path | None = None) -> Paths:
    """Compute the directories now (environment read at call time, not import time)."""
    dirs = PlatformDirs(appname=APP_NAME, appauthor=False)
    return Paths(
        data_dir=data_dir or _override(DATA_ENV) or Path(dirs.user_data_dir),
        config_dir=_override(CONFIG_ENV) or Path(dirs.user_config_dir),
        cache_dir=_override(CACHE_ENV) or Path(dirs.user_cache_dir),
    )


def sample_data_dir() -> Path | None:
    """The bundled sample queue: beside the package in a checkout or source install."""
    candidates = [
        Path(__file__).resolve().parent.parent / "sample_data",
        Path(__file__).resolve().parent / "sample_data",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


# -- file names as stored text ---------------------------------------------------------------
#
# A POSIX file name is bytes; Python reads one that is not UTF-8 with surrogate
# escapes (b"\xff" -> "\udcff"), which no UTF-8 store, JSON encoder or terminal
# accepts. Stored, such a name keeps each undecodable byte as `\xNN`; so that the
# form can be read back unambiguously, a backslash in such a name, or in any
# name, is doubled. A name with neither (nearly all) is stored as it is.


def name_text(name: str) -> str:
    """A file name (possibly with surrogate escapes) as plain, storable text; lossless."""
    if "\\" not in name and not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    out = []
    for ch in name.replace("\\", "\\\\"):
        out.append(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch)
    return "".join(out)


def name_from_text(text: str) -> str:
    """The file name `name_text` stored, surrogate escapes and all (`os.fsencode` takes it)."""
    if "\\" not in text:
        return text
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and text.startswith("\\\\", i):
            out.append("\\")
            i += 2
        elif ch == "\\" and text.startswith("\\x", i) and len(text) >= i + 4:
            out.append(chr(0xDC00 + int(text[i + 2 : i + 4], 16)))
            i += 4
        else:
            out.append(ch)
            i += 1
    return "".join(out)
