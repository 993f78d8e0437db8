"""What the Desk's verbs return: import reports, action results, stories, targets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from newsdesk.import_batch import FileOutcome
from newsdesk.isodates import iso_to_ts
from newsdesk.model import ArticleRow
from newsdesk.story_label import Candidate, representative
from newsdesk.tags import normalise_tag as normalise_tag
from newsdesk.wire import KILLED_LABEL, WITHHELD_LABEL, row_killed, row_label

if TYPE_CHECKING:
    from newsdesk.store.protocol import StepPreview


@dataclass
class ImportSummary:
    """The import report: counts, and a reason for every file that failed."""

    files: list[FileOutcome] = field(default_factory=list)
    imported_ids: list[str] = field(default_factory=list)
    #: (path, article id) for a watched file written again whose new text replaced the
    #: article its earlier text made (`watch_revisions`).
    updated: list[tuple[str, str]] = field(default_factory=list)
    #: Of `updated`'s articles, those whose earlier text was cut short (a file that
    #: arrived in two bursts): now whole. The others were corrected.
    completed: list[str] = field(default_factory=list)
    #: The articles the rules on arrival archived, by rule (they never reached the inbox).
    archived_by_rule: dict[str, list[str]] = field(default_factory=dict)

    @property
    def imported(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.error]

    def as_dict(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": [{"path": f.path, "reason": f.error} for f in self.failed],
            "warnings": [{"path": f.path, "warning": w} for f in self.files for w in f.warnings],
            "files": len(self.files),
            # Which files brought what (a watcher's line named none of them).
            "imported_files": [
                {"path": f.path, "imported": f.imported, "duplicates": f.duplicates}
                for f in self.files
                if not f.error
            ],
            "updated_files": [
                {"path": path, "id": aid, "completed": aid in self.completed}
                for path, aid in self.updated
            ],
        }


@dataclass
class ImportProgress:
    """Sent after each file: how far the import is."""

    done: int
    total: int
    path: str
    outcome: FileOutcome


#: An action on more articles than this, found by a query, is confirmed first
#: (a dialog in the app; the count and `--yes` in the CLI).
BIG_ACTION = 20


@dataclass
class Targets:
    """The articles an action names: ids given, and those a query found."""

    ids: list[str]
    #: The words that were not ids, read as one query ("" when all were ids).
    query: str = ""
    #: How many articles that query matched.
    matched: int = 0

    @property
    def needs_confirming(self) -> bool:
        return self.matched > BIG_ACTION


@dataclass
class ActionResult:
    """What a triage action changed."""

    action: str
    changed: list[str]
    requested: int
    #: An undo's articles another editor deleted since: taken back in what the delete
    #: kept, so they come back without the change if that editor restores them.
    in_deleted: list[str] = field(default_factory=list)
    #: An undo's step as it was taken (its size, who, when): what the undo says is read
    #: from the take itself, never from a look before it another change may have beaten.
    step: StepPreview | None = None

    def as_dict(self) -> dict[str, Any]:
        found = {"action": self.action, "changed": self.changed, "requested": self.requested}
        if self.in_deleted:
            found["in_deleted"] = self.in_deleted
        return found


@dataclass
class StoryGroup:
    """One story: the versions of the same event from several outlets."""

    id: str
    members: list[ArticleRow]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(m.source or "unknown outlet" for m in self.members))

    @property
    def label(self) -> str:
        """The headline naming the story: its earliest straight report (`story_label`)."""
        found = [
            Candidate(m.title, iso_to_ts(m.published), m.superseded or m.killed, m.id)
            for m in self.members
        ]
        return self.members[representative(found)].title if self.members else ""

    @property
    def do_not_use(self) -> str | None:
        """ "KILLED: do not use" or "WITHHELD: do not use" when every current member (the
        version each item stands at) was killed or withheld: nothing of the story may run.
        None while any of it is usable (each killed version still says so itself)."""
        current = [m for m in self.members if not m.superseded]
        if not current or not all(row_killed(m) for m in current):
            return None
        labels = {row_label(m) for m in current}
        return WITHHELD_LABEL if labels == {WITHHELD_LABEL} else KILLED_LABEL

    @property
    def newest_ts(self) -> float | None:
        stamps = [t for t in (iso_to_ts(m.published) for m in self.members) if t is not None]
        return max(stamps) if stamps else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "story": self.id,
            "label": self.label,
            # The story's kill: null while any current version is usable.
            "do_not_use": self.do_not_use,
            "size": len(self.members),
            "outlets": self.outlets,
            "articles": [
                {"id": m.id, "title": m.title, "source": m.source, "published": m.published}
                for m in self.members
            ],
        }


#: relevance (text searches), newest first, or urgency then newest (wire copy first).
Sort = Literal["relevance", "newest", "urgency"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "urgency")


def undo_question(
    kind: str,
    count: int,
    when: str,
    editor: str,
    *,
    stays: int = 0,
    gone: int = 0,
    since: ChangedSince | None = None,
) -> tuple[str, str]:
    """The title and question the app asks before an undo of a big step. An import's
    `stays` (articles another editor has worked on since, `since` says who) and `gone`
    (deleted since) are left out of what it removes, and said."""
    some = f"{count:,} articles"
    if kind == "import":
        what = _import_undone(count, stays, gone, since or OTHER_EDITORS)
    elif kind == "delete":
        what = f"It brings the {some} back."
    else:
        what = f"It takes back that change on {some}."
    done = {"now": " just now", "today": " today", "": ""}.get(when, f" {when} ago")
    by = f" by {editor}" if editor else ""
    return f"Undo {kind} of {some}?", f"The newest step is {kind}{by}{done}. {what}"


def _import_undone(count: int, stays: int, gone: int, since: ChangedSince) -> str:
    """What undoing an import of `count` removes, counted as the undo decides."""
    removes = max(0, count - stays - gone)
    if not stays and not gone:
        return f"It removes the {count:,} articles it brought from the desk."
    why = []
    if stays:
        them = "it" if stays == 1 else "them"
        worked = since.subject(them).replace(f"changed {them}", f"worked on {them}")
        why.append(f"{stays:,} stay{'s' if stays == 1 else ''}: {worked}")
    if gone:
        why.append(f"{gone:,} {'was' if gone == 1 else 'were'} deleted since")
    if removes:
        head = f"It removes {removes:,} of the {count:,} articles it brought from the desk"
    else:
        head = f"It removes none of the {count:,} articles it brought from the desk"
    return f"{head}; {'; '.join(why)}."


def taken_back_in_deleted(action: str, count: int) -> str:
    """What an undo says of the articles another editor deleted since (`in_deleted`)."""
    what = action.removeprefix("undo ")
    some = "1 article" if count == 1 else f"{count} articles"
    return (
        f"undid {what} on {some} another editor deleted since: "
        "if they bring it back, it comes without your change"
    )


#: Where the same editor's change made outside this window came from, worded once for
#: the undo's notices and the list's "changed elsewhere" one (they said it two ways).
YOU_ELSEWHERE = "from the command line or another window"


@dataclass(frozen=True)
class ChangedSince:
    """Who changed an undone step's articles after it, as far as the log tells: an
    undo keeps their changes, and says whose they are. It said "other editors" for the
    editor's own change made from the command line on a desk nobody else uses."""

    #: The same editor, from another session (the command line, another window).
    you: bool = False
    #: Other editors by name ("" for a step logged before editors were recorded).
    others: tuple[str, ...] = ()

    @classmethod
    def of(cls, editors: Iterable[str], me: str) -> ChangedSince:
        """From the editors of the steps logged after the undone one."""
        found = set(editors)
        return cls(you=me in found, others=tuple(sorted(found - {me})))

    def subject(self, them: str) -> str:
        """ "bo has changed them since", "you have changed them since from the command
        line or another window"; "other editors" when the log names nobody."""
        named = [n for n in self.others if n]
        if not self.you:
            if named and len(named) == len(self.others) and len(named) <= 2:
                who = " and ".join(named)
                return f"{who} {'has' if len(named) == 1 else 'have'} changed {them} since"
            return f"other editors have changed {them} since"
        if not self.others:
            return f"you have changed {them} since {YOU_ELSEWHERE}"
        return f"you ({YOU_ELSEWHERE}) and other editors have changed {them} since"


#: Who changed a step's articles since, when nothing tells (the command line's undo
#: takes back the editor's newest step: later ones are other editors').
OTHER_EDITORS = ChangedSince(others=("",))


def nothing_taken_back(action: str, since: ChangedSince = OTHER_EDITORS) -> str:
    """What an undo that changed no article says ("undo import", "undo star"...): the
    step is taken back all the same, and why nothing moved (`since`: who changed them)."""
    if action.removeprefix("undo ") == "import":
        worked = since.subject("them").replace("changed them", "worked on them")
        why = f"its articles were deleted since, or {worked} (they stay)"
    else:
        mine = since.you and not since.others
        why = f"{since.subject('those articles')}, and {'those' if mine else 'their'} changes stay"
    return f"{action}: nothing to take back: {why}"


def not_taken_back(step_articles: int, result: ActionResult) -> int:
    """How many articles of an undone step of `step_articles` the undo left as they are
    (another editor has worked on them since, or they were deleted)."""
    return max(0, step_articles - len(result.changed) - len(result.in_deleted))


def left_by_others(
    action: str, step_articles: int, result: ActionResult, since: ChangedSince = OTHER_EDITORS
) -> str:
    """What an undo that took back part of its step says of the rest (empty when it took
    back all): "Undid import on 1 article" said nothing of the one another editor had
    starred since, which stayed. `since`: who changed them."""
    left = not_taken_back(step_articles, result)
    if left <= 0:
        return ""
    one = left == 1
    some = "1 article" if one else f"{left:,} articles"
    them = "it" if one else "them"
    if action.removeprefix("undo ") == "import":
        worked = since.subject(them).replace(f"changed {them}", f"worked on {them}")
        return (
            f"{some} of it {'was' if one else 'were'} not taken back: {worked}, "
            f"or {'it was' if one else 'they were'} deleted"
        )
    return f"{some} {'was' if one else 'were'} left as {since.subject(them)}"
