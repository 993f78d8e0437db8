"""Before an import: how many files a path holds, and which do not look like articles.

A folder with more than a few hundred files, or with files no importer claims
by their name (source code, images, archives), is worth a question before
hundreds of refusals or a flood of articles. Walks the same files the import
would; no Textual, runs in a worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.ingest import iter_input_files
from newsdesk.ingest.sniff import format_from_name

#: More files than this in one import asks first.
MANY_FILES = 300
#: Names of unusual files kept for the question.
EXAMPLES = 5


@dataclass
class ImportSurvey:
    """What an import of `paths` would read."""

    paths: list[Path]
    files: int = 0
    #: How many files no importer claims by name, and a few of their names.
    unusual: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def worth_asking(self) -> bool:
        return self.files > MANY_FILES or self.unusual > 0

    def question(self) -> str:
        """One or two lines: what would be imported and what looks odd."""
        head = f"Import {self.files:,} file{'' if self.files == 1 else 's'}?"
        if not self.unusual:
            return head
        names = ", ".join(self.examples)
        more = "…" if self.unusual > len(self.examples) else ""
        one = self.unusual == 1
        return (
            f"{head} {self.unusual:,} of them {'does' if one else 'do'} not look like "
            f"{'an article' if one else 'articles'} ({names}{more}): "
            f"{'it' if one else 'each'} will be tried, and refused if it is none."
        )


def survey(paths: Iterable[Path]) -> ImportSurvey:
    given = list(paths)
    result = ImportSurvey(given)
    for path in iter_input_files(given):
        result.files += 1
        if path.is_file() and format_from_name(path.name) is None:
            result.unusual += 1
            if len(result.examples) < EXAMPLES:
                result.examples.append(path.name)
    return result
