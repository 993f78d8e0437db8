"""A question-and-answer interview's answers: the words of the person each is labelled with.

An interview printed as questions and answers has no quote marks: each answer is a
paragraph that opens with its speaker's name and a colon ("Inés Varela: Because quotas
count fish, ..."), after a question in bold or after "Q:". Read conservatively:

- the label is a person the article names (a full name of `people`, or the surname or
  given name of one), so "Update: ...", "Photo: ...", "Q: ..." and "A: ..." name no one;
- the paragraph before is a question (it ends with "?") or another such answer, so a
  list of "Name: ..." lines (player ratings, a cast list) is no interview;
- a labelled paragraph that is itself a question is the interviewer's, not an answer;
- an answer in quote marks ("Franziska Weber: „Für uns ...“") is a quote as any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A paragraph that opens with a name and a colon: capitalised words, the particles of
#: surnames ("van der", "de la") between them, at most four words in all.
_LABELLED = re.compile(
    r"[ \t]*(?P<name>[A-ZÀ-Þ][\w’'.-]*(?:[ \t]+(?:(?:van|von|de|der|den|del|della|di|da|dos|du|"
    r"la|le|y)[ \t]+)*[A-ZÀ-Þ][\w’'.-]*){0,3})[ \t]*:[ \t]+(?P<said>\S.*)"
)
_OPENING_MARKS = "\"“«„‘'"
#: Fewer words than this after the label is a caption or a heading, not an answer.
MIN_ANSWER_WORDS = 4


@dataclass(frozen=True)
class Answer:
    """One answer: where its words are in the text, and who gave it."""

    start: int
    end: int
    speaker: str


def interview_answers(text: str, people: list[str]) -> list[Answer]:
    """The answers of a Q&A interview in `text`, in order; none in other articles."""
    if ":" not in text or not people:
        return []
    names = _speaker_names(people)
    answers: list[Answer] = []
    previous = ""  # the last paragraph with words in it
    previous_answered = False
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        paragraph = line.strip()
        if not paragraph:
            continue
        answered = False
        match = _LABELLED.fullmatch(line)
        if match is not None and (previous.endswith("?") or previous_answered):
            said = match.group("said").rstrip()
            speaker = names.get(match.group("name"))
            if (
                speaker is not None
                and not said.endswith("?")
                and said[:1] not in _OPENING_MARKS
                and len(said.split()) >= MIN_ANSWER_WORDS
            ):
                answers.append(
                    Answer(start + match.start("said"), start + len(line.rstrip()), speaker)
                )
                answered = True
        previous, previous_answered = paragraph, answered
    return answers


def _speaker_names(people: list[str]) -> dict[str, str]:
    """Each way a label may write a person: the full name, and the surname or the given
    name of a full name when no other person shares it."""
    names: dict[str, str] = {}
    parts: dict[str, set[str]] = {}
    for person in people:
        if not isinstance(person, str) or not person.strip():
            continue
        names[person] = person
        words = person.split()
        if len(words) > 1:
            for word in (words[0], words[-1]):
                parts.setdefault(word, set()).add(person)
    for word, owners in parts.items():
        if len(owners) == 1 and word not in names:
            names[word] = next(iter(owners))
    return names
