"""Check: config.toml and keys.toml read without a problem (the app and commands warn
about one on every start; doctor said nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.config import load_settings

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor


def check_config(doctor: Doctor) -> None:
    paths = doctor.paths
    present = [p.name for p in (paths.config_file, paths.keys_file) if p.exists()]
    if not present:
        return  # nothing written: every default holds
    errors = load_settings(paths).errors
    if errors:
        doctor.report.add(
            "config",
            "problem",
            "; ".join(errors[:5]) + (f" (+{len(errors) - 5} more)" if len(errors) > 5 else ""),
            errors=errors,
        )
    else:
        doctor.report.add("config", "ok", f"{' and '.join(present)} read without a problem")
