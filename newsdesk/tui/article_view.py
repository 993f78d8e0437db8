"""An article as an editor reads it, built as `rich.text.Text` (never markup).

Headline, dek, byline, source, dateline, published, tags, entities with
counts, the first quotes with speakers and the first links, credits, then the
cleaned body with the search terms highlighted, then any further quotes and links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from rich.console import Console
from rich.style import Style
from rich.text import Text

from newsdesk.counting import counted
from newsdesk.model import Article, ArticleRow, Link, Quote, dek_to_show
from newsdesk.sanitize import clean_line, clean_text, display
from newsdesk.store.protocol import ActionRecord, Claim
from newsdesk.tui.editor_view import taken_by, who_did
from newsdesk.tui.relative_time import long_when
from newsdesk.wire import DO_NOT_USE, KILLED_LABEL, status_label, wire_summary

#: "KILLED: do not use" must stand out whatever the theme.
KILLED_STYLE = Style(color="red", bold=True)

T = TypeVar("T")

#: Bodies longer than this are cut in the pane (the export keeps them whole).
BODY_LIMIT = 200_000
#: Quotes and links shown above the text; the rest follow it.
QUOTES_FIRST = 3
LINKS_FIRST = 5
#: Related articles' headlines are cut to this many characters.
RELATED_TITLE = 60
#: The label column: the longest label (a wire item's "Agency note") and a space. At 10,
#: that label's value started a column right of every other value.
LABEL_WIDTH = len("Agency note") + 1
#: Marks a line's label: its value wraps under the value column, not under the label
#: (a long People list or agency note ran back to column 0 and broke the column).
HANG = Style(meta={"hang": LABEL_WIDTH})


@dataclass(frozen=True)
class ArticleStyles:
    """Styles of the pane's parts (from the widget's component classes)."""

    headline: Style
    dek: Style
    label: Style
    meta: Style
    tag: Style
    quote: Style
    speaker: Style
    link: Style
    highlight: Style
    rule: Style


def _marker(
    terms: Sequence[str], people: Sequence[str]
) -> Callable[[str], list[tuple[int, int]]] | None:
    """Where the words the search found the article by stand in a text, in any of their
    forms and spellings (`search.highlight`); None without a search."""
    if not terms:
        return None
    # Here, not at the top: the search's analysis (Whoosh) stays out of the first frame.
    from newsdesk.search.highlight import highlighter

    return highlighter(terms, people)


def _marked(
    text: Text,
    value: str,
    style: Style,
    marks: Callable[[str], list[tuple[int, int]]] | None,
    styles: ArticleStyles,
) -> None:
    """`value` appended in `style`, the searched words in it marked."""
    start = len(text)
    text.append(value, style)
    for begin, end in marks(value) if marks is not None else ():
        text.stylize(styles.highlight, start + begin, start + end)


def _label(text: Text, label: str, styles: ArticleStyles) -> None:
    # A label longer than the column (none today) still keeps a space before its value.
    start = len(text)
    text.append(f"{label:<{LABEL_WIDTH - 1}} ", styles.label)
    text.stylize(HANG, start, start + LABEL_WIDTH)


def _hang_of(line: Text) -> int:
    for span in line.spans:
        if span.start == 0 and isinstance(span.style, Style) and span.style.meta:
            return int(span.style.meta.get("hang", 0))
    return 0


def wrapped_lines(text: Text, console: Console, width: int) -> list[Text]:
    """The pane's lines at `width`: a labelled field's value wraps under its value column."""
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        hang = _hang_of(line)
        # Too narrow a pane for a column: wrap the whole line as before.
        if hang and width >= hang + 12 and line.cell_len > width:
            label, value = line.divide([hang])
            for i, part in enumerate(value.wrap(console, width - hang, overflow="fold")):
                lines.append(Text.assemble(label if i == 0 else " " * hang, part, end=""))
        else:
            lines.extend(line.wrap(console, width, overflow="fold"))
    return lines


def _field(text: Text, label: str, value: str, styles: ArticleStyles) -> None:
    if not value:
        return
    _label(text, label, styles)
    # Every field passes here: dates and counts too, for a store another tool wrote.
    text.append(display(value), styles.meta)
    text.append("\n")


def _with_counts(names: Sequence[str], counts: dict[str, int]) -> str:
    out = []
    for name in names:
        name = clean_line(name)
        count = counts.get(name, 0)
        out.append(f"{name} ({count})" if count > 1 else name)
    return ", ".join(out)


def _related(text: Text, related: Sequence[ArticleRow] | None, styles: ArticleStyles) -> None:
    if related is None:
        _field(text, "Related", "…", styles)
        return
    if not related:
        return
    text.append("\nRelated\n", styles.label)
    for number, row in enumerate(related, start=1):
        title = clean_line(row.title) or "(no headline)"
        if len(title) > RELATED_TITLE:  # a list to pick from, not to read: keep it short
            title = title[: RELATED_TITLE - 1].rstrip() + "…"
        _hanging(text, f"  {number}  ", styles.label)
        text.append(title, styles.meta)
        if row.source:
            text.append(" · " + clean_line(row.source), styles.speaker)
        text.append("\n")


def article_text(
    article: Article,
    styles: ArticleStyles,
    now: datetime,
    *,
    terms: Sequence[str] = (),
    carried_by: Sequence[ArticleRow] = (),
    related: Sequence[ArticleRow] | None = (),
    claim: Claim | None = None,
    log: Sequence[ActionRecord] = (),
    editor: str = "",
    by_rules: Sequence[str] = (),
) -> Text:
    """The whole detail view of one article.

    `related` lists other stories' articles (keys 1-5 jump to them); None means
    they are still being looked for. `claim` is who has it; `log` its action log,
    newest first (the "Who" line names the editors). `by_rules` says what rules
    did to it ("tagged korea-desk by rule korea"), one line each.
    """
    meta = article.meta
    state = article.state
    text = Text(end="")
    if article.killed or meta.status in DO_NOT_USE:
        # Above the headline: no one should read this copy without seeing it.
        text.append(
            status_label(meta.status, killed=article.killed, withheld=article.withheld)
            or KILLED_LABEL,
            KILLED_STYLE,
        )
        text.append("\n")
    marks = _marker(terms, meta.people)
    _marked(text, clean_line(meta.title) or "(no headline)", styles.headline, marks, styles)
    text.append("\n")
    dek = dek_to_show(meta.dek, meta.body)
    if dek:
        _marked(text, clean_line(dek), styles.dek, marks, styles)
        text.append("\n")
    text.append("\n")
    _field(text, "By", ", ".join(clean_line(a) for a in meta.authors), styles)
    source = clean_line(meta.source or "")
    if meta.source_short and meta.source_short != meta.source:
        source = f"{source} ({clean_line(meta.source_short)})"
    _field(text, "Source", source, styles)
    _field(text, "Dateline", clean_line(meta.dateline or ""), styles)
    _field(text, "Published", long_when(meta.published, now), styles)
    # A feed corrected it in place: the text may differ from what was read or exported.
    _field(text, "Updated", long_when(article.updated_at, now), styles)
    killed = article.killed or meta.status in DO_NOT_USE
    wire = wire_summary(
        meta, now, killed=article.killed, withheld=article.withheld, superseded=article.superseded
    )
    for label, value in wire:
        if label == "status" and killed:
            _label(text, "Status", styles)
            text.append(clean_line(value), KILLED_STYLE)
            text.append("\n")
        else:
            _field(text, label.capitalize(), clean_line(value), styles)
    if meta.word_count:
        _field(text, "Length", f"{meta.word_count:,} words, {meta.reading_minutes} min", styles)
    flags = [
        name
        for name, on in (
            ("unread", not state.read),
            ("starred", state.starred),
            ("archived", state.archived),
            ("exported", state.exported),
        )
        if on
    ]
    _field(text, "State", ", ".join(flags) or "read", styles)
    if state.tags:
        _label(text, "Tags", styles)
        for i, tag in enumerate(state.tags):
            if i:
                text.append(" ")
            text.append(f"#{clean_line(tag)}", styles.tag)
        text.append("\n")
    for i, line in enumerate(by_rules):
        _field(text, "Rules" if i == 0 else "", clean_line(line), styles)
    _field(text, "Note", clean_line(state.note or ""), styles)
    if claim is not None:
        _field(text, "Claim", taken_by(claim, now), styles)
    _field(text, "Who", who_did(log, now, editor), styles)
    _field(text, "URL", clean_line(meta.url or ""), styles)
    counts = meta.mention_counts
    _field(text, "People", _with_counts(meta.people, counts), styles)
    _field(text, "Orgs", _with_counts(meta.organizations, counts), styles)
    _field(text, "Places", _with_counts(meta.places, counts), styles)
    if carried_by:
        # Other outlets only: versions from this article's own outlet (a wire item's earlier
        # takes, an update) are counted on their own line.
        own = clean_line(meta.source or "").casefold()
        names = [clean_line(r.source or "") for r in carried_by]
        others = [n for n in names if n and n.casefold() != own]
        same = sum(1 for n in names if n and n.casefold() == own)
        unnamed = sum(1 for n in names if not n)
        _field(text, "Also in", ", ".join(dict.fromkeys(others)), styles)
        versions = [
            f"{counted(same, 'other version')} from {clean_line(meta.source or '')}"
            if same
            else "",
            f"{counted(unnamed, 'other version')} naming no outlet" if unnamed else "",
        ]
        _field(text, "Versions", "; ".join(v for v in versions if v), styles)
    _related(text, related, styles)
    quotes, more_quotes = _before_and_after(meta.quotes, QUOTES_FIRST)
    links, more_links = _before_and_after(meta.links, LINKS_FIRST)
    _quotes(text, "Quotes", quotes, len(more_quotes), styles)
    _links(text, "Links", links, len(more_links), styles)
    if meta.credits:
        text.append("\nCredits\n", styles.label)
        for credit in meta.credits:
            # A long credit ("Associated Press writers ... contributed") wraps under
            # its own column, as a quote does, not back at the pane's edge.
            _hanging(text, "  ", styles.meta)
            text.append(clean_line(credit) + "\n", styles.meta)
    text.append("\n" + "─" * 40 + "\n\n", styles.rule)
    body = clean_text(meta.body or "")
    cut = len(body) > BODY_LIMIT
    if cut:
        body = body[:BODY_LIMIT]
    body_text = Text(body, end="")
    if marks is not None:
        for start, end in marks(body):
            body_text.stylize(styles.highlight, start, end)
    text.append_text(body_text)
    if cut:
        text.append("\n\n[… body cut in this view; the export keeps it whole]", styles.label)
    if more_quotes or more_links:
        text.append("\n\n" + "─" * 40 + "\n", styles.rule)
        _quotes(text, "More quotes", more_quotes, 0, styles)
        _links(text, "More links", more_links, 0, styles)
    return text


def _before_and_after(items: Sequence[T], first: int) -> tuple[Sequence[T], Sequence[T]]:
    """The first few above the text; all of them when only one or two more would follow."""
    if len(items) <= first + 2:
        return items, ()
    return items[:first], items[first:]


def _hanging(text: Text, lead: str, style: Style) -> None:
    start = len(text)
    text.append(lead, style)
    text.stylize(Style(meta={"hang": len(lead)}), start, len(text))


def _quotes(
    text: Text, title: str, quotes: Sequence[Quote], more: int, styles: ArticleStyles
) -> None:
    if not quotes:
        return
    text.append(f"\n{title}\n", styles.label)
    for quote in quotes:
        _hanging(text, "  “", styles.quote)
        text.append(clean_line(quote.text), styles.quote)
        text.append("”", styles.quote)
        text.append(" — ", styles.meta)
        text.append(clean_line(quote.speaker or "unattributed"), styles.speaker)
        text.append("\n")
    if more:
        # The lede should not wait behind fifteen quotes: the rest follow the text.
        text.append(f"  … {counted(more, 'more quote')} after the text\n", styles.label)


def _links(text: Text, title: str, links: Sequence[Link], more: int, styles: ArticleStyles) -> None:
    if not links:
        return
    text.append(f"\n{title}\n", styles.label)
    for link in links:
        _hanging(text, "  ", styles.meta)
        text.append(clean_line(link.title) or "(untitled)", styles.meta)
        if link.url:
            text.append("  " + clean_line(link.url), styles.link)
        text.append("\n")
    if more:
        text.append(f"  … {counted(more, 'more link')} after the text\n", styles.label)
