"""Render an export in memory: one text (md, json, csv) or a set of named files (md-files).

Nothing here touches the file system except reading templates; `writer.export`
puts the result on disk, the CLI prints `render` for `-o -`, the TUI previews it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from newsdesk.export.errors import ExportError
from newsdesk.export.json_csv import render_csv, render_json
from newsdesk.export.markdown import render_article_file, render_digest
from newsdesk.export.options import ExportOptions
from newsdesk.export.record import export_record
from newsdesk.export.slug import UniqueNames, slugify
from newsdesk.export.templates import load_template
from newsdesk.model import Article

__all__ = ["Rendered", "RenderedFiles", "render", "render_files"]


@dataclass
class Rendered:
    """A single-file export as text, and anything the user should be told."""

    text: str
    warnings: list[str] = field(default_factory=list)
    #: The articles the text holds (marked exported once it is written).
    ids: list[str] = field(default_factory=list)


@dataclass
class RenderedFiles:
    """A per-article export: (file name, text) pairs in article order, names unique and plain."""

    files: list[tuple[str, str]]
    warnings: list[str] = field(default_factory=list)


def render(
    articles: list[Article],
    options: ExportOptions,
    *,
    now: datetime | None = None,
    templates_dir: Path | None = None,
) -> Rendered:
    """The md, json or csv export as one string (md-files is a folder: use `render_files`).

    `now` stamps the digest (default: the current local time); `templates_dir`
    overrides where user templates are looked for (default: the config dir's).
    """
    warnings: list[str] = []
    if options.format == "md":
        stamp = now or datetime.now().astimezone()
        text = render_digest(
            articles, options, now=stamp, templates_dir=templates_dir, warnings=warnings
        )
    elif options.format == "json":
        text = render_json([export_record(a, options) for a in articles])
    elif options.format == "csv":
        text = render_csv([export_record(a, options) for a in articles])
    else:
        raise ExportError(
            "The md-files format writes one file per article into a folder; "
            "it cannot be shown as one text. Choose md for a single digest."
        )
    return Rendered(text, warnings)


def file_name_for(
    article: Article,
    names: UniqueNames,
    held_by_other: Callable[[str, str], bool] | None = None,
) -> str:
    """A plain, unique `.md` file name from the headline (the id when there is none),
    passing over names `held_by_other(name, article id)` says another article's file has."""
    fallback = f"article-{article.id}"
    unusable = None
    if held_by_other is not None:
        unusable = partial(_held, held_by_other, article.id)
    return names.claim(slugify(article.meta.title, fallback=fallback), ".md", unusable=unusable)


def _held(held_by_other: Callable[[str, str], bool], article_id: str, name: str) -> bool:
    return held_by_other(name, article_id)


def render_files(
    articles: list[Article],
    options: ExportOptions,
    *,
    templates_dir: Path | None = None,
    held_by_other: Callable[[str, str], bool] | None = None,
) -> RenderedFiles:
    """One Markdown file per article, front matter first; names are headline slugs.

    `held_by_other(name, article id)`: whether the destination already holds another
    article's file under that name (then the next free variant is used)."""
    warnings: list[str] = []
    template = load_template("article", templates_dir, warnings)
    names = UniqueNames()
    files = [
        (
            file_name_for(article, names, held_by_other),
            render_article_file(article, options, template),
        )
        for article in articles
    ]
    return RenderedFiles(files, warnings)
