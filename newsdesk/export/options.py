"""What the user asked for: the format and the knobs every format shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

ExportFormat = Literal["md", "md-files", "json", "csv"]

#: Every format, in the order a dialog should offer them.
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)

#: A short label per format for menus and help text.
FORMAT_LABELS: dict[ExportFormat, str] = {
    "md": "Markdown digest (one file)",
    "md-files": "Markdown files (one per article, with front matter)",
    "json": "JSON (list of articles)",
    "csv": "CSV (one row per article)",
}

#: The file extension of a single-file format; md-files writes a folder.
FORMAT_SUFFIX: dict[ExportFormat, str] = {
    "md": ".md",
    "md-files": "",
    "json": ".json",
    "csv": ".csv",
}


@dataclass
class ExportOptions:
    """How to export. The same options drive every format."""

    format: ExportFormat = "md"
    #: Only the first `summary_paragraphs` paragraphs of each body.
    summary: bool = False
    summary_paragraphs: int = 2
    #: False leaves the body out entirely (metadata, dek and quotes only).
    include_body: bool = True
    #: The search the selection came from, shown in the digest header.
    query: str | None = None
    title: str = "newsdesk digest"
    #: Replace existing files instead of raising ExportExists.
    force: bool = False
    #: Wire copy an agency killed or withheld is left out unless this is set.
    include_killed: bool = False
    #: Wire copy still under embargo is left out unless this is set.
    include_embargoed: bool = False

    def __post_init__(self) -> None:
        if self.format not in EXPORT_FORMATS:
            raise ValueError(
                f"unknown export format {self.format!r}; choose one of {', '.join(EXPORT_FORMATS)}"
            )
        if self.summary_paragraphs < 1:
            raise ValueError("summary_paragraphs must be at least 1")


@dataclass
class ExportReport:
    """What an export wrote."""

    format: ExportFormat
    #: The file (single-file formats) or folder (md-files) written.
    destination: Path
    #: Every file written, in article order.
    paths: list[Path]
    #: How many articles were exported.
    count: int
    #: Existing files that were replaced (only with force).
    replaced: list[Path] = field(default_factory=list)
    #: Things the user should know (a broken template that was ignored, ...).
    warnings: list[str] = field(default_factory=list)
