"""Markdown exports: the one-file digest and the per-article files with front matter.

Every piece of article text is escaped (`escape_markdown_text`) before it
reaches a template, so an article cannot add headings, links, HTML or code to
the document; the templates only arrange blocks that are already safe.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from newsdesk.export.body import markdown_paragraph
from newsdesk.export.escape import escape_markdown_text, paragraphs
from newsdesk.export.options import ExportOptions
from newsdesk.export.record import export_record
from newsdesk.export.slug import github_anchor
from newsdesk.export.story_groups import ExportGroup, group_by_story
from newsdesk.export.templates import LoadedTemplate, fill, load_template
from newsdesk.model import DESCRIPTIVE_FIELDS, ENTITY_FIELDS, Article, dek_to_show
from newsdesk.sanitize import clean_line
from newsdesk.wire import embargo_label, headline_says, status_label

__all__ = [
    "FRONT_MATTER_KEYS",
    "MAX_QUOTES",
    "article_variables",
    "front_matter",
    "render_article_file",
    "render_digest",
    "safe_link",
]

#: At most this many key quotes per article section.
MAX_QUOTES = 3

#: The YAML front matter of a per-article file, in this order.
FRONT_MATTER_KEYS: tuple[str, ...] = (
    *DESCRIPTIVE_FIELDS,
    "url",
    "tags",
    "note",
    "starred",
    *ENTITY_FIELDS,
    "id",
    "story",
)

_OPENING_QUOTES = "\"'“‘«„‚‹「『"
# Percent-encode everything that could end or break a Markdown link destination.
_URL_SAFE = ":/?#[]@!$&'*+,;=%-._~"


def safe_link(url: str | None) -> str | None:
    """`url` fit for a Markdown link destination: http(s) only, nothing that breaks out.

    Other schemes (javascript:, data:, file:) and malformed URLs give None,
    so they are shown as text and never linked.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def _display_date(value: str | None) -> str:
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:  # a date without a time
        return parsed.date().isoformat()
    shown = parsed.strftime("%Y-%m-%d %H:%M")
    offset = parsed.utcoffset()
    if offset is None:
        return shown
    # The zone as stored ("12:00 +01:00"): the reader's clock is not the story's.
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{shown} {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _byline(authors: list[str]) -> str:
    if not authors:
        return ""
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return "By " + names


def _quote_block(text: str, speaker: str | None) -> str:
    if not text.startswith(tuple(_OPENING_QUOTES)):
        text = f"“{text}”"
    line = escape_markdown_text(text, single_line=True)
    if speaker:
        line += " — " + escape_markdown_text(speaker, single_line=True)
    return "> " + line


def _esc(value: str | None) -> str:
    return escape_markdown_text(value, single_line=True) if value else ""


def article_variables(
    record: dict[str, Any], *, level: str, full_paragraphs: int
) -> dict[str, str]:
    """The article template's variables, every one safe Markdown (see TEMPLATES.md)."""
    byline = _byline(record["authors"])
    published = _display_date(record["published"])
    warning = _wire_warning(record)
    note = (record.get("wire") or {}).get("agency_note")
    meta_parts = [byline, record["source"], record["dateline"], published]
    quotes = [_quote_block(q["text"], q["speaker"]) for q in record["quotes"][:MAX_QUOTES]]
    body = ""
    if record["body"] is not None:
        parts = paragraphs(record["body"], clean=False)  # records hold cleaned text
        body = "\n\n".join(markdown_paragraph(p) for p in parts)
        if len(parts) < full_paragraphs:
            body += f"\n\n*Summary: {len(parts)} of {full_paragraphs} paragraphs.*"
    link = safe_link(record["url"])
    if link:
        url_line = f"Original: <{link}>"
    elif record["url"]:
        url_line = "Original: " + _esc(record["url"])
    else:
        url_line = ""
    return {
        "level": level,
        "title": _esc(record["title"]) or "Untitled",
        # Copy the agency killed, withheld or still embargoes says so first, whatever the
        # template: the digest is handed on and read away from the app's warnings.
        # The agency's note (what a correction corrects) goes with the status it explains.
        "meta": " · ".join(
            [f"**{_esc(warning)}**"] * bool(warning)
            + [f"Agency note: {_esc(note)}"] * bool(note)
            + [_esc(part) for part in meta_parts if part]
        ),
        "status": _esc(warning),
        "byline": _esc(byline),
        "source": _esc(record["source"]),
        "dateline": _esc(record["dateline"]),
        "published": _esc(published),
        # Shown once: not when the body opens with it (JSON and CSV carry it either way).
        "dek": f"*{_esc(record['dek'])}*"
        if record["dek"] and dek_to_show(record["dek"], record.get("body"))
        else "",
        "quotes": "\n\n".join(quotes),
        "tags": ("Tags: " + _esc(", ".join(record["tags"]))) if record["tags"] else "",
        "note": _note(record["note"]),
        "body": body,
        "url": url_line,
        "link": link or "",
        "id": _esc(record["id"]),
        "starred": "★" if record["starred"] else "",
    }


def _note(note: str | None) -> str:
    """The editor's note with its lines and paragraphs kept (a list of calls to make
    became one run-on line)."""
    parts = paragraphs(note) if note else []
    return ("Note: " + "\n\n".join(markdown_paragraph(p) for p in parts)) if parts else ""


def _wire_warning(record: dict[str, Any]) -> str:
    """ "KILLED: do not use", "WITHHELD: do not use", "version 2, superseded by a later one",
    "embargoed until 14:00", "corrected", "updated", or empty: what the inbox says of wire
    copy (`wire.status_label`)."""
    wire = record.get("wire")
    if not wire:
        return ""
    label = status_label(
        wire.get("status"), killed=bool(wire.get("killed")), withheld=bool(wire.get("withheld"))
    )
    if label in (None, "updated", "corrected") and wire.get("current") is False:
        # A take a newer version replaced: handed on without this, its stale text (the
        # name the correction fixed) read as current, even marked "updated".
        version = wire.get("version")
        return (
            f"version {version}, superseded by a later one"
            if version
            else "superseded by a later version"
        )
    if label in (None, "updated", "corrected"):
        label = embargo_label(wire.get("embargo_until")) or label
    if label in ("updated", "corrected") and headline_says(record["title"] or "", label):
        return ""
    return label or ""


def _section(
    article: Article,
    options: ExportOptions,
    template: LoadedTemplate,
    level: str,
    *,
    mark_body: bool = False,
) -> tuple[dict[str, Any], str]:
    record = export_record(article, options)
    # Only a count for the summary note (0: no note); cleaning the full body is not needed.
    full = len(paragraphs(article.meta.body, clean=False)) if options.summary else 0
    values = article_variables(record, level=level, full_paragraphs=full)
    if mark_body:
        # Marked even when empty: unmarked, the importer read the template's own lines
        # (date, note, link) as the body of an article that had none.
        inner = f"\n\n{values['body']}\n\n" if values["body"] else "\n"
        values["body"] = f"{BODY_START}{inner}{BODY_END}"
    return record, fill(template.template, values)


def _count_label(count: int) -> str:
    return f"{count:,} article" if count == 1 else f"{count:,} articles"


def render_digest(
    articles: list[Article],
    options: ExportOptions,
    *,
    now: datetime,
    templates_dir: Path | None,
    warnings: list[str],
) -> str:
    """The one-file digest: title, date and query, contents with links, one section each;
    versions of one story together under a `Story:` heading with the story's headline."""
    digest = load_template("digest", templates_dir, warnings)
    article_tpl = load_template("article", templates_dir, warnings)
    title = options.title.strip() or "newsdesk digest"
    # The title and "Contents" headings come first; anchors count them, as renderers do.
    seen: dict[str, int] = {}
    github_anchor(clean_line(title), seen)
    github_anchor("Contents", seen)
    toc: list[str] = []
    blocks: list[str] = []
    grouped: list[ExportGroup] = []
    for group in group_by_story(articles):
        indent, level = "", "##"
        heading_block = ""
        if group.story is not None:
            grouped.append(group)
            heading, line = _story_heading(group)
            anchor = github_anchor(heading, seen)
            toc.append(f"- [{_esc(heading)}](#{anchor}) — {line}")
            heading_block = f"## {_esc(heading)}\n\n{line}\n\n"
            indent, level = "  ", "###"
        sections: list[str] = []
        for article in group.articles:
            record, section = _section(article, options, article_tpl, level)
            heading = record["title"] or "Untitled"
            anchor = github_anchor(heading, seen)
            extra = " · ".join(
                _esc(part)
                for part in (record["source"], _display_date(record["published"]))
                if part
            )
            entry = f"{indent}- [{_esc(heading)}](#{anchor})"
            toc.append(entry + (f" — {extra}" if extra else ""))
            sections.append(section.strip())
        blocks.append(heading_block + "\n\n---\n\n".join(sections))
    values = {
        "title": _esc(title),
        "generated": now.strftime("%Y-%m-%d %H:%M"),
        "query": _esc(options.query)
        if options.query and options.query.strip()
        else "none (articles picked by hand)",
        "count": str(len(articles)),
        "count_label": _count_label(len(articles)),
        "stories": _stories_line(grouped, len(articles)),
        "toc": "\n".join(toc) if toc else "No articles.",
        "articles": "\n\n---\n\n".join(blocks),
    }
    return fill(digest.template, values)


def _story_heading(group: ExportGroup) -> tuple[str, str]:
    """A story's heading text (`Story: ` and its headline, not yet escaped) and the safe
    line under it: how many versions, from which outlets."""
    label = clean_line(group.label) or "Untitled"
    outlets = list(dict.fromkeys(clean_line(a.meta.source or "") for a in group.articles))
    named = ", ".join(_esc(o) for o in outlets if o)
    line = f"{len(group.articles)} versions of one story" + (f" · {named}" if named else "")
    return f"Story: {label}", line


def _stories_line(grouped: list[ExportGroup], count: int) -> str:
    """The digest's `$stories`: which of its articles are versions of one story, or ""."""
    if not grouped:
        return ""
    versions = sum(len(g.articles) for g in grouped)
    who = (
        f"The {versions:,} articles are"
        if versions == count
        else f"{versions:,} of the articles are"
    )
    if len(grouped) == 1:
        return f"{who} versions of one story, kept together under its headline."
    return f"{who} versions of {len(grouped):,} stories, each kept together under its headline."


def front_matter(record: dict[str, Any]) -> str:
    """YAML front matter (with its `---` fences) for FRONT_MATTER_KEYS of a record.

    Written by yaml.safe_dump, so any title (colons, quotes, a leading "-" or
    "#", "yes", dates) reads back as the same string; one value per line.
    """
    import yaml  # deferred: only per-article exports need it

    data = {key: record[key] for key in FRONT_MATTER_KEYS}
    if "wire" in record:  # wire copy only: a web page's front matter has no wire block
        data["wire"] = record["wire"]
    # The libyaml dumper when present is several times faster and writes the same YAML.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumped = yaml.dump(
        data,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**31 - 1,
    )
    return f"---\n{dumped}---\n"


#: Comments (invisible once rendered) around a per-article file's body, whatever the
#: template puts around it: the Markdown importer reads the body back from between them,
#: not the byline, standfirst, quotes, tags and link the template adds.
BODY_START = "<!-- newsdesk:body -->"
BODY_END = "<!-- /newsdesk:body -->"


def render_article_file(article: Article, options: ExportOptions, template: LoadedTemplate) -> str:
    """One per-article file: front matter, then the article section with a level-1 heading."""
    record, section = _section(article, options, template, "#", mark_body=True)
    return front_matter(record) + "\n" + section
