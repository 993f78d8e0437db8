"""Settings and key overrides read from TOML files in the config directory.

Pure Python (no Textual): the TUI validates key ids against its own binding
table. A broken file never stops the program: its problems are returned as
one-line messages and the defaults are kept.

`keys.toml`::

    [keys]
    star = "s,f"        # binding id -> comma-separated keys

`config.toml`::

    [ui]
    theme = "textual-dark"
    relative_times = true

    [stories]
    read_all_versions = false   # reading one version marks the story's others read

    [feeds]
    background = true           # the app fetches due feeds on their schedule

    [watch]
    folders = ["~/wire-drop"]   # imported as files arrive (`newsdesk watch`, and the app)

    [store]
    url = "postgresql://editor@db.example/desk"   # a shared desk (else the local file)

    [desk]
    editor = "ana"     # who this newsdesk acts as (default: the login name)

    [history]
    keep_days = 30     # undo and history reach back this far; older batches are pruned
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.paths import Paths


@dataclass
class Settings:
    """What the user configured, plus what was wrong with it."""

    #: Binding id -> comma-separated keys, as written (validated by the UI).
    keys: dict[str, str] = field(default_factory=dict)
    #: A Textual theme name, or None for the default.
    theme: str | None = None
    #: Show "3h" rather than a date in the list.
    relative_times: bool = True
    #: Opening or marking one version of a story read marks all its versions read.
    read_all_versions: bool = False
    #: Where exports go by default (`[export] folder`), else the documents folder.
    export_folder: Path | None = None
    #: The app fetches due feeds while it runs (`[feeds] background`).
    fetch_in_background: bool = True
    #: Folders whose new files are imported (`[watch] folders`).
    watch_folders: list[Path] = field(default_factory=list)
    #: Days of action log kept for undo and history (`[history] keep_days`, at least 7).
    history_keep_days: int = 30
    #: The terminal bell rings when a `notify` rule flags an arriving article (`[rules] bell`).
    rules_bell: bool = False
    #: One line per problem found ("keys.toml: ...").
    errors: list[str] = field(default_factory=list)


def not_text(exc: UnicodeDecodeError) -> str:
    """A plain sentence for a file that does not decode as UTF-8 (binary, or another charset)."""
    return f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at position {exc.start:,})"


def _read_toml(path: Path, errors: list[str]) -> dict[str, object]:
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        errors.append(f"{path.name}: invalid TOML ({exc}); defaults kept")
    except UnicodeDecodeError as exc:
        # Raised past every command ("'utf-8' codec can't decode byte 0xfc...") without
        # naming the file: the whole path, and what to do about it.
        errors.append(
            f"{path.name} ({path}): {not_text(exc)}; defaults kept"
            " (save it as UTF-8 text, or remove it)"
        )
    except OSError as exc:
        errors.append(f"{path.name}: cannot read ({exc.strerror or exc}); defaults kept")
    return {}


def parse_keys(
    data: dict[str, object], errors: list[str], source: str = "keys.toml"
) -> dict[str, str]:
    """The `[keys]` table as id -> keys; wrong entries are reported and skipped."""
    table = data.get("keys", {})
    if not isinstance(table, dict):
        errors.append(f'{source}: [keys] must be a table of id = "keys"; defaults kept')
        return {}
    for name in data:
        if name != "keys":
            # `tag = "g"` above the table: easy to write, and it changed nothing silently.
            errors.append(f"{source}: {name} is not inside the [keys] table; ignored")
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if not isinstance(value, str):
            errors.append(f'{source}: keys.{binding_id} must be a string like "s,f"; ignored')
            continue
        if not value.strip():
            errors.append(f'{source}: keys.{binding_id} is empty: give a key like "s,f"; ignored')
            continue
        parts = [part.strip() for part in value.split(",")]
        if any(not part for part in parts):
            errors.append(f"{source}: keys.{binding_id} has an empty key in {value!r}; ignored")
            continue
        keys[str(binding_id)] = ",".join(parts)
    return keys


def load_settings(paths: Paths) -> Settings:
    """Read config.toml and keys.toml (both optional)."""
    settings = Settings()
    errors = settings.errors
    keys_data = _read_toml(paths.keys_file, errors)
    settings.keys = parse_keys(keys_data, errors)
    config = _read_toml(paths.config_file, errors)
    ui = config.get("ui", {})
    if not isinstance(ui, dict):
        errors.append("config.toml: [ui] must be a table; defaults kept")
        ui = {}
    theme = ui.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            settings.theme = theme.strip()
        else:
            errors.append("config.toml: ui.theme must be a theme name; ignored")
    relative = ui.get("relative_times")
    if relative is not None:
        if isinstance(relative, bool):
            settings.relative_times = relative
        else:
            errors.append("config.toml: ui.relative_times must be true or false; ignored")
    export = config.get("export", {})
    if not isinstance(export, dict):
        errors.append("config.toml: [export] must be a table; defaults kept")
        export = {}
    folder = export.get("folder")
    if folder is not None:
        if isinstance(folder, str) and folder.strip():
            settings.export_folder = Path(folder.strip()).expanduser()
        else:
            errors.append("config.toml: export.folder must be a folder path; ignored")
    stories = config.get("stories", {})
    if not isinstance(stories, dict):
        errors.append("config.toml: [stories] must be a table; defaults kept")
        stories = {}
    read_all = stories.get("read_all_versions")
    if read_all is not None:
        if isinstance(read_all, bool):
            settings.read_all_versions = read_all
        else:
            errors.append("config.toml: stories.read_all_versions must be true or false; ignored")
    feeds = config.get("feeds", {})
    if not isinstance(feeds, dict):
        errors.append("config.toml: [feeds] must be a table; defaults kept")
        feeds = {}
    background = feeds.get("background")
    if background is not None:
        if isinstance(background, bool):
            settings.fetch_in_background = background
        else:
            errors.append("config.toml: feeds.background must be true or false; ignored")
    settings.watch_folders = _watch_folders(config.get("watch", {}), errors)
    settings.history_keep_days = _keep_days(config.get("history", {}), errors)
    rules = config.get("rules", {})
    if not isinstance(rules, dict):
        errors.append("config.toml: [rules] must be a table; defaults kept")
        rules = {}
    bell = rules.get("bell")
    if bell is not None:
        if isinstance(bell, bool):
            settings.rules_bell = bell
        else:
            errors.append("config.toml: rules.bell must be true or false; ignored")
    _check_store(config.get("store", {}), errors)
    return settings


def _check_store(table: object, errors: list[str]) -> None:
    """`[store] url` that is no URL (`url = 7`): `store_url` ignores it, and said nothing
    (the desk opened the local file, `doctor` called the config fine)."""
    if not isinstance(table, dict):
        errors.append("config.toml: [store] must be a table; ignored (the local desk is used)")
        return
    url = table.get("url")
    if url is not None and not (isinstance(url, str) and url.strip()):
        errors.append(
            "config.toml: store.url must be a PostgreSQL URL in quotes; ignored "
            "(the local desk is used)"
        )


#: A week's work stays undoable whatever the setting says (issue 17).
MIN_KEEP_DAYS = 7
MAX_KEEP_DAYS = 36_500  # a century: beyond it the cut-off date cannot be computed
DEFAULT_KEEP_DAYS = 30


def _keep_days(table: object, errors: list[str]) -> int:
    if not isinstance(table, dict):
        errors.append(f"config.toml: [history] must be a table; {DEFAULT_KEEP_DAYS} days kept")
        return DEFAULT_KEEP_DAYS
    days = table.get("keep_days", DEFAULT_KEEP_DAYS)
    # bool is an int in Python: `keep_days = true` is a mistake, not one day.
    if (
        isinstance(days, bool)
        or not isinstance(days, int)
        or not (MIN_KEEP_DAYS <= days <= MAX_KEEP_DAYS)
    ):
        errors.append(
            f"config.toml: history.keep_days must be a whole number of days from "
            f"{MIN_KEEP_DAYS} to {MAX_KEEP_DAYS:,}; {DEFAULT_KEEP_DAYS} kept"
        )
        return DEFAULT_KEEP_DAYS
    return days


#: Names a shared desk for this process (`--store` sets it); above `[store] url`.
STORE_ENV = "NEWSDESK_STORE"


def store_url(paths: Paths) -> str | None:
    """The shared desk to use: `--store`/`NEWSDESK_STORE`, else `[store] url`, else None.

    A broken config file means no URL here (the settings loader reports it);
    a wrong URL is refused by the store with a one-line message.
    """
    from_env = os.environ.get(STORE_ENV, "").strip()
    if from_env:
        return from_env
    table = _read_toml(paths.config_file, []).get("store", {})
    url = table.get("url") if isinstance(table, dict) else None
    return url.strip() if isinstance(url, str) and url.strip() else None


#: The editor name for this process (tests and scripts); above `[desk] editor`.
EDITOR_ENV = "NEWSDESK_EDITOR"
_EDITOR_MAX = 64


def clean_editor(name: str) -> str:
    """An editor name as stored: one line, no control characters, at most 64 characters."""
    kept = "".join(ch for ch in name if ch.isprintable()).strip()
    return kept[:_EDITOR_MAX]


def editor_name(paths: Paths) -> str:
    """Who this newsdesk acts as: `NEWSDESK_EDITOR`, else `[desk] editor`, else the login name."""
    name = clean_editor(os.environ.get(EDITOR_ENV, ""))
    if name:
        return name
    table = _read_toml(paths.config_file, []).get("desk", {})
    value = table.get("editor") if isinstance(table, dict) else None
    name = clean_editor(value) if isinstance(value, str) else ""
    if name:
        return name
    import getpass

    try:
        return clean_editor(getpass.getuser()) or "editor"
    except (OSError, KeyError, ImportError):  # no login name (e.g. a bare container user id)
        return "editor"


def _watch_folders(table: object, errors: list[str]) -> list[Path]:
    if not isinstance(table, dict):
        errors.append("config.toml: [watch] must be a table; no folder watched")
        return []
    folders = table.get("folders", [])
    if isinstance(folders, str):
        folders = [folders]
    if not isinstance(folders, list):
        errors.append("config.toml: watch.folders must be a list of folder paths; ignored")
        return []
    found: list[Path] = []
    for entry in folders:
        if isinstance(entry, str) and entry.strip():
            found.append(Path(entry.strip()).expanduser())
        else:
            errors.append(f"config.toml: watch.folders has {entry!r}, not a folder path; ignored")
    return found
