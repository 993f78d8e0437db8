"""Importers: every input format (text, HTML, feeds, Markdown, JSON, CSV, wire copy) to `Extracted` items.

- `load_file(path)` / `load_bytes(data, name)` -> `LoadResult`: size check
  before reading (32 MB), gzip with a 64 MB cap, decoding (BOM, UTF-8,
  declared charset, detection, cp1252), binary refusal, format detection
  (content over extension), then one importer per format. They never raise:
  a refused file has `error` set to a human reason, per-item problems are
  `warnings`. Every string they return is sanitised (`newsdesk.sanitize`).
- `iter_input_files(paths)` expands files and folders (recursive, sorted,
  hidden entries and symlinks leaving the folder skipped).

Where each part lives: `decode` (bytes to text), `sniff` (which format),
`compressed` (gzip), `xml_guard` (entity-declaring XML refused), `text`,
`html_page` + `html_meta` + `html_text`, `feed`, `markdown` +
`markdown_text`, `jsonl` + `fields`, `assemble` (extraction and the final
clean-up every item goes through), `dates`, `names`, `limits`, `walk`;
`warm` is what the import workers' fork server loads before it forks them.
Heavy libraries (lxml, trafilatura, feedparser, yaml) load on first use.
"""

from __future__ import annotations

from newsdesk.ingest.loader import load_bytes, load_file
from newsdesk.ingest.result import LoadResult
from newsdesk.ingest.walk import iter_input_files

__all__ = ["LoadResult", "iter_input_files", "load_bytes", "load_file"]
