"""A watched file written again: its later content replaces the article its earlier
content made, when it is that article completed or corrected.

A file copied into a watched folder in two bursts (300 bytes, a pause longer than
the settle time, then the rest) settled twice and was imported twice: the inbox
held the truncated article and the whole one. The watch remembers which article
each path's last import made; when the path settles again with one article whose
headline continues the earlier one's and whose body continues it (or whose
headline is the same and whose body keeps most of the earlier one's words: a
correction saved over it), that article's text is replaced in place (state, tags,
story kept). Anything else under the same name (a daily briefing's next day under
the same headline too) is another article, imported as usual, and so is the next version of wire copy
(`is_new_version`). No Textual here: the CLI's watch and the
app's both go through `Desk.watch_folders`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsdesk.counting import counted
from newsdesk.desk.same_report import completes, is_cut, keeps_most_words, retells
from newsdesk.import_batch import FileOutcome
from newsdesk.sanitize import clean_text

if TYPE_CHECKING:
    from newsdesk.desk import ImportSummary
    from newsdesk.ingest.result import LoadResult
    from newsdesk.model import Article, Extracted


def _words(text: str) -> list[str]:
    return text.casefold().split()


#: How a file written again revised its article: its earlier text was cut short and is
#: now whole, or it was corrected (saved over with the same headline).
Revision = Literal["completed", "corrected"]


def revision(earlier: Extracted, later: Extracted) -> Revision | None:
    """How `later` revises `earlier`: "completed" (its text was cut short, now whole),
    "corrected" (the same headline, the text changed but most of its words kept), or
    None: another article (the same headline over another report, a briefing's next
    day, is one: it was written over the earlier day's, the editor's star and all).

    The last word of the earlier text may have been cut in the middle ("harb"), so
    only the words before it must come first in the later text. A correction keeps
    at least half of the earlier text's words (`same_report.keeps_most_words`): a
    copy cut short keeps fewer, and is no correction (`cut_short`); and what it changed
    tells the same report (`same_report.retells`): a briefing's next day under the same
    headline keeps the standing paragraphs, but its news is other news.
    """
    old_title, new_title = _words(earlier.title), _words(later.title)
    if not old_title or new_title[: len(old_title) - 1] != old_title[:-1]:
        return None
    old_body, new_body = _words(earlier.body), _words(later.body)
    longer = len(new_body) + len(new_title) > len(old_body) + len(old_title)
    if longer and new_body[: max(0, len(old_body) - 1)] == old_body[:-1]:
        return "completed"
    if (
        old_title == new_title
        and keeps_most_words(earlier.body, later.body)
        # What changed is a correction, not the next day's news among standing text.
        and retells(earlier.title, earlier.body, later.title, later.body)
    ):
        return "corrected"  # a correction saved over the file
    return None


def cut_short(earlier: Extracted, later: Extracted) -> bool:
    """Whether `later` is `earlier` saved again cut short (a truncated copy over the
    whole one, the text emptied): the same headline, and a text too short to replace
    the earlier one, made of its words. The article keeps its text: replacing it lost
    the rest with no undo, and importing it as its own left a stub beside it."""
    return _words(earlier.title) == _words(later.title) and is_cut(earlier.body, later.body)


def continues(earlier: Extracted, later: Extracted) -> bool:
    """Whether `later` is `earlier` completed or corrected (`revision`)."""
    return revision(earlier, later) is not None


def is_new_version(earlier: Extracted, later: Extracted) -> bool:
    """Whether `later` is another version of wire item `earlier` (the same item id, its
    own version number or status): the agency's next take, kept beside the earlier one
    with the kill or correction it brings, never written over it. A file saved under
    one name again (the slugline's) was revised in place: the versions collapsed into
    one and a kill that followed read as the earlier usable text."""
    if not later.item_id or later.item_id != earlier.item_id:
        return False
    return (later.version, later.status) != (earlier.version, earlier.status)


class Revisions:
    """Imports a watch's settled files; a path written again revises its article."""

    def __init__(
        self,
        import_files: Callable[[list[Path]], ImportSummary],
        inspect: Callable[[Path], LoadResult],
        get: Callable[[str], Article | None],
        revise: Callable[[str, Extracted, str | None], None],
        raw_copy: Callable[[str], str | None] | None = None,
        made_from: Callable[[list[Path]], dict[Path, tuple[str, float]]] | None = None,
    ) -> None:
        self._import = import_files
        self._inspect = inspect
        self._get = get
        self._revise = revise
        #: An article's stored page text (`StoreBackend.raw_copy`): a page written again
        #: that the stored copy was the start of is that page completed.
        self._raw_copy = raw_copy
        #: The article the store holds from each path, and when it came (epoch seconds):
        #: a path this watch has not seen may have been imported by another's.
        self._made_from = made_from
        #: Each path's article, when its last import made exactly one.
        self.made: dict[Path, str] = {}

    def __call__(self, paths: list[Path]) -> ImportSummary:
        self._look_up([p for p in paths if p not in self.made])
        again = [p for p in paths if p in self.made]
        fresh = [p for p in paths if p not in self.made]
        summary = self._imported(fresh)
        for path in again:
            if not self._revised(path, summary):
                _merge(summary, self._imported([path]))
        return summary

    def _look_up(self, paths: list[Path]) -> None:
        """Note the article another watch (another editor's, on a shared desk, or an
        earlier run) made from each of `paths`, when the file changed since: it is
        revised by the same rule, not imported beside it (two watches of one folder
        disagreed: one article corrected in place, a second one in the other). A file
        unchanged since is imported as usual (a duplicate), unread twice."""
        if self._made_from is None or not paths:
            return
        for path, (article_id, seen) in self._made_from(paths).items():
            try:
                changed = path.stat().st_mtime > seen
            except OSError:
                continue  # gone again: the import says so
            if changed:
                self.made[path] = article_id

    def _imported(self, paths: list[Path]) -> ImportSummary:
        from newsdesk.desk import ImportSummary

        if not paths:
            return ImportSummary()
        summary = self._import(paths)
        # The ids are in the order of the files, each file's as many as it imported.
        ids = iter(summary.imported_ids)
        for outcome in summary.files:
            created = [next(ids) for _ in range(outcome.imported)]
            path = Path(outcome.path)
            if len(created) == 1:
                self.made[path] = created[0]
            elif created:
                self.made.pop(path, None)  # several articles: each stays its own
        return summary

    def _revised(self, path: Path, summary: ImportSummary) -> bool:
        article = self._get(self.made[path])
        if article is None:  # deleted since: the file is new again
            del self.made[path]
            return False
        result = self._inspect(path)
        if result.error or len(result.items) != 1:
            return False
        later = result.items[0]
        if later.title == article.meta.title and later.body == article.meta.body:
            return False  # the same text: the import reports it already stored
        if is_new_version(article.meta, later):
            return False  # wire copy: a version of its own, as from any other file
        how = revision(article.meta, later)
        # A page cut short extracts to anything (its footer's links, its <title>), not the
        # start of the whole page's text: the page itself continues the earlier one.
        if (
            self._raw_copy is not None
            and result.text
            and how != "completed"
            and completes(self._raw_copy(article.id), clean_text(result.text))
        ):
            how = "completed"
        if how is None:
            if not cut_short(article.meta, later):
                return False
            # Counted as the article's Length is (`show`, the detail pane): split on
            # spaces, 1,204 words here stood beside 1,193 there for one text.
            had, has = _word_count(article.meta), _word_count(later)
            summary.files.append(
                FileOutcome(
                    str(path),
                    duplicates=1,
                    warnings=[
                        f"written again cut short ({counted(has, 'word')}; its article "
                        f"{article.id[:10]} has {counted(had, 'word')}): the article keeps "
                        "its text"
                    ],
                )
            )
            return True
        # Completed: the whole page becomes its raw copy (the cut copy again is its start).
        whole = clean_text(result.text) if how == "completed" and result.text else None
        self._revise(article.id, later, whole)
        summary.updated.append((str(path), article.id))
        if how == "completed":
            summary.completed.append(article.id)
        return True


def _word_count(meta: Extracted) -> int:
    """The words of `meta`'s text as the article's Length counts them."""
    from newsdesk.extract.lines import count_words

    return meta.word_count or count_words(meta.body)


def _merge(into: ImportSummary, more: ImportSummary) -> None:
    into.files.extend(more.files)
    into.imported_ids.extend(more.imported_ids)
    into.updated.extend(more.updated)
    into.completed.extend(more.completed)
