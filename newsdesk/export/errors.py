"""The errors an export reports (defined with every other Desk error in `newsdesk.errors`)."""

from __future__ import annotations

from newsdesk.errors import ExportError, ExportExists

__all__ = ["ExportError", "ExportExists"]
