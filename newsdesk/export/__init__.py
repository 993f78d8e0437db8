"""Export a selection of articles: a Markdown digest, Markdown files, JSON or CSV.

The API takes plain `Article` objects and options; it knows nothing of the
store. `render` gives one text (for stdout or a preview), `export` writes
safely to disk.
Templates and their variables: TEMPLATES.md beside this file.
"""

from __future__ import annotations

from newsdesk.export.destination import (
    default_destination,
    default_export_dir,
    default_file_name,
    free_variant,
    typed_destination,
)
from newsdesk.export.errors import ExportError, ExportExists
from newsdesk.export.escape import escape_markdown_text
from newsdesk.export.options import (
    EXPORT_FORMATS,
    FORMAT_LABELS,
    ExportFormat,
    ExportOptions,
    ExportReport,
)
from newsdesk.export.record import RECORD_FIELDS, export_record
from newsdesk.export.render import Rendered, RenderedFiles, render, render_files
from newsdesk.export.writer import check_destination, export

__all__ = [
    "EXPORT_FORMATS",
    "FORMAT_LABELS",
    "RECORD_FIELDS",
    "ExportError",
    "ExportExists",
    "ExportFormat",
    "ExportOptions",
    "ExportReport",
    "Rendered",
    "RenderedFiles",
    "check_destination",
    "default_destination",
    "default_export_dir",
    "default_file_name",
    "escape_markdown_text",
    "export",
    "export_record",
    "free_variant",
    "render",
    "render_files",
    "typed_destination",
]
