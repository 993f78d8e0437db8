"""Importers: every input format (text, HTML, feeds, Markdown, JSON Lines) to `Extracted` items.

`load_file` / `load_bytes` detect the format (content over extension),
decode safely, refuse binary, empty, oversized and hostile input with a
reason, and never raise. `iter_input_files` expands files and folders.
"""

from __future__ import annotations

from newsdesk.ingest.loader import load_bytes, load_file
from newsdesk.ingest.result import LoadResult
from newsdesk.ingest.walk import iter_input_files

__all__ = ["LoadResult", "iter_input_files", "load_bytes", "load_file"]
