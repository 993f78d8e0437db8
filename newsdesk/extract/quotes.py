"""Direct quotations and who said them, found by rules.

A quotation is text between quote marks (found by `quote_marks`) of at least
`quote_marks.MIN_WORDS` words: shorter ones are scare quotes
(calling the talks “stern”).  Quotes are read per paragraph; a quote left open
at the end of a paragraph is the first part of a quote that continues in the
next one and is kept as it stands.

The speaker comes from the sentence around the quote, in this order:

- after it: "“...,” Kim said", "“...,” said Kim, the envoy", "“...,” he said",
  "“...,” the ministry said", "“...,” according to Kim";
- before it: "Kim said: “...”", "Kim said that Seoul must “...”",
  "According to Kim, “...”";
- the subject of a sentence whose verb reports speech ("Kim, who ...,
  denounced the deal, calling it “...”").

Names come from `entities.analyse`, so a surname or an acronym resolves to the
full name; "he"/"she" resolve to the subject of the nearest earlier sentence
that names a person of that sex (or of unknown sex), "it" to an organisation,
"they" to either; after "a spokesperson for X said" the pronoun is X, after
"an official said" no one.  "The envoy said" resolves like "he"; "the
ministry said" to the nearest organisation called "... Ministry".

Quotes go on in the voice before them: the next quote in the same paragraph
("“...,” Kim said. “...”"), a quote continuing an open one from the previous
paragraph, and a paragraph that is only a quote (the previous paragraph's
speaker, or the one person it names).  Short quotes take part in this chain
but only quotes of `MIN_WORDS` words or more are returned.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsdesk.extract.data import word_set
from newsdesk.extract.data.titles import ROLE_NOUNS
from newsdesk.extract.entities import (
    MAX_CHARS,
    ORG,
    PERSON,
    PLACE,
    Analysis,
    Mention,
    analyse,
)
from newsdesk.extract.interview import interview_answers
from newsdesk.extract.quote_marks import (
    QUOTE_MARK,
    QuoteSpan,
    attributed_phrase,
    bare_phrase,
    is_quotation,
    quote_spans,
)
from newsdesk.extract.quote_sentences import introduced, scare_quote, sentence_breaks, within
from newsdesk.extract.reporting_clause import (
    ADVERBS_BEFORE_VERB,
    AFTER_ACCORDING,
    AFTER_NOUN,
    AFTER_PRONOUN,
    AFTER_VERB,
    AFTER_VERB_PRONOUN,
    BEFORE_FOREIGN_PRONOUN,
    BEFORE_PRONOUN,
    BEFORE_VERB,
    BODY_NOUNS,
    BODY_PAPER,
    CLAUSE_OPENERS,
    ENDS_WITH_PRONOUN_SAID,
    ENDS_WITH_SAID,
    JUST_THE,
    LATER_PRONOUN,
    LEAD_IN,
    NAME_AFTER_VERB,
    NAME_THEN_VERB,
    NAME_THEN_VERB_STRICT,
    ORG_NOUNS,
    PRONOUN_AS,
    PRONOUN_NEXT,
    PRONOUN_SEX,
    PRONOUNS,
    REPORTED_THAT,
    SUBJECT_ROLE,
    UNNAMED_RELATIVE,
    UNNAMED_SPEAKER,
    VERB_THEN_ROLE,
    WRITER_PRONOUNS,
    body_reports,
    clause_subject,
    is_role_word,
    is_speaker_role,
    is_title_gap,
    named_after_verb,
    other_role,
    possessive,
    role_before,
)
from newsdesk.model import Quote

#: Quote-mark pairs looked at, at most: articles have tens; a page of
#: thousands of marks is not prose, and bounding them bounds the work.
MAX_QUOTE_MARK_PAIRS = 1500
#: Longest stretch scanned before or after a quote for its attribution.
WINDOW = 240


def _clean(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(",").rstrip()


class _Attributor:
    """Finds the speaker of each quote from the analysed mentions around it."""

    def __init__(
        self, text: str, analysis: Analysis, quotes: list[QuoteSpan], people: list[str]
    ) -> None:
        self.text = text
        inside = [(q.start, q.end) for q in quotes]
        self.mentions = [m for m in analysis.mentions if not within(m, inside)]
        self.genders = analysis.genders
        self.starts = [m.start for m in self.mentions]
        self.breaks = sentence_breaks(text)
        self.alias: dict[str, str] = {}
        for person in people:
            parts = person.split()
            if len(parts) > 1:
                self.alias.setdefault(parts[-1], person)
                self.alias.setdefault(parts[0], person)

    def name(self, m: Mention) -> str:
        return self.alias.get(m.name, m.name) if " " not in m.name else m.name

    def sentence_start(self, pos: int) -> int:
        k = bisect_right(self.breaks, pos) - 1
        return self.breaks[k] if k >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        k = bisect_right(self.breaks, pos)
        return self.breaks[k] if k < len(self.breaks) else len(self.text)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return self.mentions[lo:hi]

    def same_paragraph(self, a: QuoteSpan, b: QuoteSpan) -> bool:
        return "\n" not in self.text[a.after : b.start]

    def names_between(self, a: QuoteSpan, b: QuoteSpan) -> bool:
        """True when a person is named between two quotes (outside the first's attribution)."""
        return any(m.kind == PERSON for m in self.mentions_between(a.after + 80, b.start))

    def unrecognised_name(self, at: int, limit: int) -> str | None:
        """A full name after a reporting verb that the entity reader did not take for a
        person or organisation ("zegt melkveehouder Gerrit Lubbers"), nor for a place
        unless the place is only a piece of it ("zei Van der Meulen": not Van, Turkey)."""
        match = NAME_AFTER_VERB.match(self.text, at, limit)
        if match is None:
            return None
        end = match.end(1)
        if any(m.kind != PLACE or m.end >= end for m in self.mentions_between(at, end)):
            return None
        return match.group(1)

    def role_between(self, first: Mention, named: Mention) -> bool:
        """True when `named` is a person whose role stands between it and `first`, a
        place, company or person qualifying the role: "Kremmling rancher Dale Hutchins",
        "Acme Corp. spokeswoman Jill Park", "Trump adviser Stephen Miller"."""
        if named.kind != PERSON:
            return False
        gap = self.text[first.end : named.start]
        if gap[:2] in ("'s", "’s"):
            # "Harbourline's chief executive Tomas Verhoef", "Freshfield's technical
            # director, Ola Hughes": whose role it is, then who holds it.
            gap = gap[2:].rstrip().removesuffix(",") + " "
        words = gap.split()
        return (
            bool(words)
            and "," not in gap
            and all(w[0].islower() for w in words)
            and is_title_gap(gap)
            and is_role_word(words[-1])
        )

    def reported(self, q: QuoteSpan) -> bool:
        """A reporting clause follows or introduces the quote ("..., señaló el funcionario",
        "he said: “...”"), whether or not it names whom, or a person opens its sentence."""
        tail = self.text[q.after : q.after + 60]
        if any(p.match(tail) for p in (AFTER_VERB, AFTER_PRONOUN, AFTER_VERB_PRONOUN, AFTER_NOUN)):
            return True
        if introduced(self.text, max(0, q.start - 41), q.start - 1):
            return True
        # "Le ministre, Olivier Lambert, a appelé à « reprendre le dialogue »": a person
        # named earlier in the sentence may be saying it.
        start = self.sentence_start(q.start - 1)
        return any(m.kind == PERSON for m in self.mentions_between(start, q.start))

    def whole_paragraph(self, q: QuoteSpan) -> bool:
        text = self.text
        line_start = text.rfind("\n", 0, q.start) + 1
        line_end = text.find("\n", q.after)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start : q.start - 1].strip() and not text[q.after : line_end].strip()

    def voice_before(self, q: QuoteSpan, speakers: dict[int, str | None]) -> str | None:
        """The speaker of the previous substantial paragraph, if it has just one."""
        text = self.text
        end = text.rfind("\n", 0, q.start)
        for _ in range(3):  # skip up to two short lines: captions, subheads
            if end <= 0:
                return None
            start = text.rfind("\n", 0, end) + 1
            paragraph = text[start:end]
            if len(paragraph.split()) >= 8:
                break
            end = start - 1
        else:
            return None
        said = [who for after, who in speakers.items() if start < after <= end + 1 and who]
        if said:
            return said[-1]
        verbs = list(BEFORE_VERB.finditer(text, start, end))
        at = self.sentence_start(verbs[-1].start()) if verbs else 0
        if verbs and body_reports(text, self.mentions_between(at, end), at, verbs[-1]):
            return None  # "its Oversight Board ... said that ...": the body's words, not a person's
        # Not a name in the possessive ("Trump's exile") nor in what a verb reports ("said
        # that Kim ..."): the quote is not theirs.
        people = {
            self.name(m)
            for m in self.mentions_between(start, end)
            if m.kind == PERSON and not possessive(text, m) and not self.in_reported(m)
        }
        return people.pop() if len(people) == 1 else None

    def in_reported(self, m: Mention) -> bool:
        start = self.sentence_start(m.start)
        return REPORTED_THAT.search(self.text, start, m.start) is not None

    def speaker(self, q: QuoteSpan) -> str | None:
        if introduced(self.text, max(0, q.start - 1 - 40), q.start - 1):
            # 'he said, “somebody ought to ...,” the prosecutor's office said': the quote's
            # own reporting clause names its speaker; the one after names who reported it.
            return self.before(q) or self.after(q)
        return self.after(q) or self.before(q)

    def after(self, q: QuoteSpan) -> str | None:
        if not q.closed:
            return None
        text = self.text
        if (
            text[q.start : q.end].rstrip()[-1:] in (".", "!", "?")
            and text[self.sentence_start(q.start - 1) : q.start - 1].strip()
        ):
            # 'Osei called the decision “the right thing for riders.” Treasurer Mark Delaney
            # said ...': a quote inside a sentence that ends with it; the next sentence's
            # speaker is the next quote's.
            return None
        # The sentence goes on after the closing mark; a break right at the mark
        # ("?” Holmes testified") is the quote's own punctuation, not the end.
        first = q.after
        while first < len(text) and text[first] in " \t\u00a0":
            first += 1
        limit = min(self.sentence_end(first), q.after + WINDOW)
        nxt = QUOTE_MARK.search(text, q.after, limit)
        if nxt is not None:
            limit = nxt.start()
        tail = text[q.after : limit]
        if not tail.strip() or tail.lstrip()[:1] in ".!?":
            return None
        match = AFTER_PRONOUN.match(tail)
        if match:
            return self.resolve_pronoun(match.group(1).lower(), q.start)
        match = AFTER_VERB_PRONOUN.match(tail)
        if match:
            # "a-t-elle assuré", "zei hij": the person the story named just before.
            return self.resolve_pronoun(PRONOUN_AS[match.group(1).lower()], q.start)
        match = AFTER_VERB.match(tail) or AFTER_ACCORDING.match(tail)
        if match:
            # "said Kim", "said the ministry", "said another witness, Fiona Hill";
            # but "said one party official" names nobody.
            at = q.after + match.end()
            found = self.mentions_between(at, limit)
            for k, m in enumerate(found):
                possessive = text[m.end : m.end + 2] in ("'s", "’s")
                if m.kind == PERSON or (
                    # "said Cascade's chief operating officer, Maria Estevez": her, not it.
                    m.kind == ORG
                    and not possessive
                    and (
                        JUST_THE.fullmatch(text, at, m.start)
                        or BODY_PAPER.fullmatch(text, at, m.start)
                    )
                ):
                    # "said Kremmling rancher Dale Hutchins": the name after the role.
                    named = found[k + 1] if k + 1 < len(found) else None
                    if named is not None and self.role_between(m, named):
                        return self.name(named)
                    return self.name(m)
            unknown = self.unrecognised_name(at, limit)
            role = VERB_THEN_ROLE.match(text, at, limit) if unknown is None else None
            if role is not None and is_speaker_role(role.group(1)):
                # "sagte der Minister", "señaló el funcionario": whom the story gave that role.
                return self.titled(role.group(1).lower(), q.start)
            return unknown
        # "Kim said", "Foreign Minister Cho Tae-yul said", "the JCS said".
        previous: Mention | None = None
        for m in self.mentions_between(q.after, limit):
            if previous is None:
                if LEAD_IN.fullmatch(text, q.after, m.start) is None:
                    break
            elif not (
                previous.kind == ORG and is_title_gap(text[previous.end : m.start])
            ) and not self.role_between(previous, m):
                # Past an organisation only through a job title: "Met Office
                # deputy chief meteorologist Helen Garside said"; past a place or a
                # lone word read as a name through a role: "Kremmling rancher Dale
                # Hutchins said".
                break
            # Places speak for their governments here ("Seoul said"); a comma
            # before the verb only after a person ("..., Jane Roe, said").
            pattern = NAME_THEN_VERB if m.kind == PERSON else NAME_THEN_VERB_STRICT
            said = pattern.match(text, m.end, limit)
            if said and not PRONOUN_NEXT.match(text, said.end(), limit):
                return self.name(m)  # not "Weiter sagt er": its subject the pronoun
            previous = m
        match = AFTER_NOUN.match(tail)
        if match:
            return self.resolve_noun(match.group(1), match.group(2), q.start)
        match = LATER_PRONOUN.search(tail)
        if match:
            # "“...” in the first quarter, he added": the attribution after a phrase.
            return self.resolve_pronoun(match.group(1).lower(), q.start)
        return None

    def resolve_noun(self, article: str, noun: str, pos: int) -> str | None:
        """'the ministry' -> the nearest earlier organisation called '... Ministry';
        'the envoy' -> the person the story last made the subject of a sentence."""
        if article.lower() != "the":
            return None  # "a spokesman said": nobody named
        head = noun.split()[-1].lower()
        if head in ROLE_NOUNS and head not in ORG_NOUNS:
            # The person the story gave that title ("Mayor Kathy Sheehan" for "the mayor"),
            # else the last subject, whoever it is: "he" skipped the mayor, a woman, for the
            # man named before her.
            titled = self.titled(head, pos)
            if titled is not None or self.unnamed_role(head, pos) or self.other_office(head, pos):
                return titled
            who = self.resolve_pronoun("someone", pos)
            named = [m for m in self.mentions_between(0, pos) if self.name(m) == who]
            return None if any(other_role(self.text, m, head) for m in named) else who
        if head not in ORG_NOUNS and head not in BODY_NOUNS:
            return None
        window = self.mentions_between(max(0, pos - 4 * WINDOW), pos)
        for m in reversed(window):
            if m.kind == ORG and head in m.name.lower():
                return m.name
        if head in BODY_NOUNS:
            # "Tesla posted a loss. “...,” the company said": the body last the subject of
            # a sentence (a bank only in the possessive, or named mid-sentence, is not).
            for m in reversed(window):
                if m.kind == ORG and not possessive(self.text, m) and self.opens_sentence(m):
                    return m.name
        return None

    def opens_sentence(self, m: Mention) -> bool:
        """The name opens its sentence, after a conjunction or article at most."""
        lead = self.text[self.sentence_start(m.start) : m.start].split()
        return all(w.lower() in CLAUSE_OPENERS for w in lead)

    def before(self, q: QuoteSpan) -> str | None:
        text = self.text
        open_mark = q.start - 1
        start = max(self.sentence_start(open_mark), open_mark - WINDOW)
        # Stop at an earlier closing quote in the same sentence: its speaker is its own.
        prev_close = max(text.rfind("”", start, open_mark), text.rfind('"', start, open_mark))
        if prev_close >= 0 and not scare_quote(text, start, prev_close):
            start = prev_close + 1
        head = text[start:open_mark]
        if not head.strip():
            return self.sentence_before(q)
        verbs = list(BEFORE_VERB.finditer(head))
        if not verbs:
            return self.label(start, open_mark)
        verb = verbs[-1]  # the reporting verb nearest the quote
        match = BEFORE_PRONOUN.search(head)
        if match:
            return self.resolve_pronoun(match.group(1).lower(), start + match.start(1))
        match = BEFORE_FOREIGN_PRONOUN.search(head)
        if match:
            pronoun = match.group(1) or match.group(2)
            at = start + match.start()
            if match.group(2):
                # "Weiter sagt er:": the word before a verb whose subject follows it is
                # none (an adverb, an object), even when it reads as a name.
                at = next(
                    (m.start for m in self.mentions_between(at - 40, at) if m.end == at - 1), at
                )
            return self.resolve_pronoun(PRONOUN_AS[pronoun.lower()], at)
        candidates = [m for m in self.mentions_between(start, open_mark) if m.kind in (PERSON, ORG)]
        if not candidates or candidates[0].start > start + verb.start():
            # "The South Korean envoy also emphasized ... “...”": a definite role.
            role = SUBJECT_ROLE.match(head)
            if role and role.group(1).lower() in ROLE_NOUNS:
                return self.resolve_noun("the", role.group(1), start)
        if not candidates:
            return None
        verb_at = start + verb.start()
        if verb.group().lower() == "according to":
            after_verb = [m for m in candidates if m.start >= verb_at]
            return self.name(after_verb[0]) if after_verb else None
        inverted = named_after_verb(text, verb, start, candidates)
        if inverted is not None:
            return self.name(inverted)
        subject = [m for m in candidates if m.start < verb_at]
        # A name right before the verb is its subject, whatever came earlier
        # ("In talks with Rosemary DiCarlo, Cho emphasized that ...").
        for m in reversed(subject):
            between = text[m.end : verb_at].strip(" ’'s").lower()
            if m.kind == PERSON and between in ADVERBS_BEFORE_VERB:
                return self.name(m)
        # The subject of the verb's own clause: "Trump wants out, but Milley told ...".
        opener = clause_subject(text, subject, start, verb_at)
        if opener is not None:
            return self.name(opener)
        # Otherwise the sentence's subject, usually its first name ("Kim, who ..., said"),
        # never a name in the possessive ("Trump’s lawyer said").
        subject = [m for m in subject if not possessive(text, m)]
        people = [m for m in subject if m.kind == PERSON]
        if people:
            return self.name(people[0])
        return self.name(subject[0]) if subject else None

    def label(self, start: int, open_mark: int) -> str | None:
        """'Marta Llorens: «No queremos echar a nadie»', 'Und Yücel setzte noch einen drauf:
        "..."': a sentence ending in a colon before the quote whose subject, the one person
        it names, opens it (after "and" or "but" at most)."""
        if not self.text[start:open_mark].rstrip().endswith(":"):
            return None
        named = self.mentions_between(start, open_mark)
        if len(named) != 1 or named[0].kind != PERSON:
            return None
        m = named[0]
        if self.text[start : m.start].strip().lower() not in _SUBJECT_LEADS:
            return None
        return self.name(m)

    def sentence_before(self, q: QuoteSpan) -> str | None:
        """A quote opening a sentence right after "..., he said." in its paragraph."""
        text = self.text
        open_mark = q.start - 1
        line_start = text.rfind("\n", 0, open_mark) + 1
        base = max(line_start, open_mark - WINDOW)
        previous = text[base:open_mark].rstrip()
        match = ENDS_WITH_PRONOUN_SAID.search(previous)
        if match:
            return self.resolve_pronoun(match.group(1).lower(), base + match.start())
        match = ENDS_WITH_SAID.search(previous)
        if match:
            at = base + match.start()
            # "..., Kim said." or "..., Acme Bank said.": not "Acme Bank's Kim" for the bank.
            found = [
                m
                for m in self.mentions_between(max(line_start, at - 60), at)
                if m.kind == PERSON or (m.kind == ORG and not possessive(text, m))
            ]
            if found and not text[found[-1].end : at].strip(" ,"):
                return self.name(found[-1])
        return None

    def unnamed_role(self, role: str, pos: int) -> bool:
        """The story last wrote `role` before `pos` in a sentence that names no person ("a
        military intelligence official said", "The official, who spoke on condition of
        anonymity"): "the official said" is that unnamed person, not the last one named."""
        found = list(re.finditer(rf"\b{re.escape(role)}s?\b", self.text[:pos], re.IGNORECASE))
        if not found:
            return False
        last = found[-1]
        start = self.sentence_start(last.start())
        end = self.sentence_end(last.end())
        return not any(m.kind == PERSON for m in self.mentions_between(start, end))

    def titled(self, role: str, pos: int) -> str | None:
        """The nearest person before `pos` the text names with `role` as a title: "Finance
        Minister Jane Holloway" or "Wirtschaftsminister Hubert Aiwanger" for "the minister",
        not "Prime Minister Tom Barker" (another office)."""
        for m in reversed(self.mentions_between(0, pos)):
            if m.kind == PERSON and role_before(self.text, m.start, role) == "same":
                return self.name(m)
        return None

    def other_office(self, role: str, pos: int) -> bool:
        """Someone before `pos` holds another office of `role` ("Prime Minister Tom Barker"
        for "the minister"): guessing the last subject would name the wrong person."""
        return any(
            m.kind == PERSON and role_before(self.text, m.start, role) == "other"
            for m in self.mentions_between(0, pos)
        )

    def resolve_pronoun(self, pronoun: str, pos: int) -> str | None:
        if pronoun in WRITER_PRONOUNS:
            return None
        want = PRONOUNS.get(pronoun, PERSON)
        end = pos
        for _ in range(10):
            start = self.sentence_start(max(0, end - 1))
            unnamed = UNNAMED_SPEAKER.search(self.text, start, end) or UNNAMED_RELATIVE.search(
                self.text, start, end
            )
            if unnamed is not None:
                # "a spokesperson for the UCEA said ...": "he" is that unnamed
                # voice; the organisation speaks through it, if it is named.
                after = self.mentions_between(unnamed.end(), end)
                if (
                    unnamed.re is UNNAMED_SPEAKER
                    and unnamed.group(1)
                    and after
                    and after[0].kind == ORG
                ):
                    return after[0].name
                return None
            found = [m for m in self.mentions_between(start, end) if m.kind in (PERSON, ORG)]
            if want != "any":
                found = [m for m in found if m.kind == want]
            sex = PRONOUN_SEX.get(pronoun)
            if sex is not None:
                # "she said" skips a man named in between, "he said" a woman.
                found = [m for m in found if self.genders.get(m.name, sex) == sex]
            if found:
                return self.name(found[0])
            if start <= 0:
                break
            end = start
        return None


#: What may open a sentence before its subject: "Und Yücel setzte noch einen drauf:".
_SUBJECT_LEADS = word_set("and but und aber doch y pero et mais e ma") | {""}


def find_quotes(body: str, people: list[str]) -> list[Quote]:
    """Direct quotations in `body`, in order, each with its speaker or None.

    `people` (full names, as `find_entities` gives them) lets a lone surname
    speaker resolve to the full name.
    """
    if not isinstance(body, str) or not body.strip():
        return []
    text = body[:MAX_CHARS]
    known = [p for p in people if isinstance(p, str)]
    # A Q&A interview's answers are their speaker's words, without quote marks.
    found = [
        (a.start, Quote(_clean(text[a.start : a.end]), a.speaker))
        for a in interview_answers(text, known)
    ]
    # Short quotes are kept until speakers are known: “I'm not,” Kim said.
    # “It's over.” -- the second quote goes on in the voice the first one named.
    raws = [q for q in quote_spans(text) if q.end > q.start][:MAX_QUOTE_MARK_PAIRS]
    if raws:
        found.extend(_marked_quotes(text, raws, _Attributor(text, analyse(body), raws, known)))
    found.sort(key=lambda pair: pair[0])
    return [quote for _, quote in found]


def _marked_quotes(
    text: str, raws: list[QuoteSpan], attributor: _Attributor
) -> list[tuple[int, Quote]]:
    """The quotations between quote marks, each with its offset and its speaker."""
    quotes: list[tuple[int, Quote]] = []
    previous: QuoteSpan | None = None
    previous_speaker: str | None = None
    quotes_by_end: dict[int, str | None] = {}
    for q in raws:
        speaker = attributor.speaker(q)
        if speaker is None and previous is not None:
            if q.continues and not previous.closed:
                speaker = previous_speaker
            elif attributor.same_paragraph(previous, q) and not attributor.names_between(
                previous, q
            ):
                # “...,” Kim said. “...”: the next quote goes on in the same voice.
                speaker = previous_speaker
        if speaker is None and attributor.whole_paragraph(q):
            # A paragraph that is only a quote continues the voice of the
            # paragraph before: its quote's speaker, or the one person it names.
            speaker = attributor.voice_before(q, quotes_by_end)
        quotes_by_end[q.after] = speaker
        previous, previous_speaker = q, speaker
        quoted = text[q.start : q.end]
        if speaker is None and bare_phrase(quoted) and not attributor.reported(q):
            continue  # "to save the economy": a phrase the writer marks, no one's words
        said = introduced(text, max(0, q.start - 41), q.start - 1)
        if is_quotation(quoted) or attributed_phrase(text, q, speaker, introduced=said):
            quotes.append((q.start, Quote(text=_clean(text[q.start : q.end]), speaker=speaker)))
    return quotes
