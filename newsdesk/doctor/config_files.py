"""Check: config.toml and keys.toml read without a problem (the app and commands warn
about one on every start; doctor said nothing). keys.toml is checked against the
app's key table as the app checks it (an unknown id, a key two bindings share)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.config import load_settings
from newsdesk.doctor.key_table import validate_keymap

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor


def check_config(doctor: Doctor) -> None:
    paths = doctor.paths
    present = [p.name for p in (paths.config_file, paths.keys_file) if p.exists()]
    if not present:
        return  # nothing written: every default holds
    settings = load_settings(paths)
    errors = [*settings.errors, *validate_keymap(settings.keys)[1]]
    if errors:
        doctor.report.add(
            "config",
            "problem",
            "; ".join(errors[:5]) + (f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""),
            errors=errors,
        )
    else:
        doctor.report.add("config", "ok", f"{' and '.join(present)} read without a problem")
