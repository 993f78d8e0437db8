"""The clause that says who spoke, as patterns: `quotes` reads a quote's speaker with them.

Verbs of saying in the languages read (from `data.speech`), their auxiliaries and the
subject pronouns after them ("a-t-elle assuré", "zei hij"); "according to" and its
kin ("selon", "aldus", "so"); names, roles and unnamed speakers ("a spokesperson for");
and the words that make a run of lower-case words a job title ("Kremmling rancher Dale
Hutchins").
"""

from __future__ import annotations

import re

from newsdesk.extract.data import word_set
from newsdesk.extract.data.common_words import COMMON_WORDS
from newsdesk.extract.data.speech import SPEECH_PARTICIPLES, SPEECH_PERFECTS, SPEECH_VERBS
from newsdesk.extract.data.titles import FOREIGN_ROLE_NOUNS, ROLE_NOUNS, TITLE_WORDS
from newsdesk.extract.entities import ORG, PERSON, Mention

#: What may stand between a subject and its reporting verb ("Cho also said").
ADVERBS_BEFORE_VERB = frozenset({"", "also", "has", "had", "later", "has also", "had also"})

#: The finite verbs of saying, as one alternation, longest first.
VERBS = "|".join(sorted((re.escape(v) for v in SPEECH_VERBS if v.isalpha()), key=len, reverse=True))
#: Perfect participles of saying, after "a" / "hat" / "ha" / "heeft".
PERFECTS = "|".join(sorted(SPEECH_PERFECTS, key=len, reverse=True))
#: Verbs that report speech, with those that take no direct object ("calling it “...”").
REPORTING = (
    VERBS
    + "|"
    + "|".join(sorted(SPEECH_PARTICIPLES - SPEECH_VERBS, key=len, reverse=True))
    + "|put it|according to"
)
#: Reporting verbs whose object, not subject, a name after them is ("told Kim", "asked Lee").
OBJECT_VERBS = word_set(
    "told tell tells asked ask asks warned warn warns urged urge urges reminded remind reminds "
    "assured assure assures informed inform informs thanked thank thanks accused accuse accuses "
    "quoted quote quotes cited cite cites praised praise praises"
)
#: The sex a pronoun names, and the kind of speaker each pronoun stands for.
PRONOUN_SEX = {"he": "m", "she": "f"}
PRONOUNS = {"he": PERSON, "she": PERSON, "they": "any", "it": ORG, "we": "any", "i": PERSON}
#: Outside quote marks "we" and "I" are the writer ("in our review, where we called it
#: “...”"), whom the text does not name: never the person or company named before.
WRITER_PRONOUNS = frozenset({"we", "i"})
#: How a role is written as a title before a name ("Sen. Cantwell" is "the senator").
TITLE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "senator": ("sen.", "sen"),
    "representative": ("rep.", "rep"),
    "congressman": ("rep.",),
    "congresswoman": ("rep.",),
    "governor": ("gov.", "gov"),
    "president": ("pres.",),
    "professor": ("prof.", "prof"),
    "doctor": ("dr.", "dr"),
    "general": ("gen.", "gen"),
    "superintendent": ("supt.",),
}

#: After a quote: optional comma, then a pronoun and a verb ("he said").
AFTER_PRONOUN = re.compile(
    rf"[\s,—–-]*(he|she|they|it|we|i)\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{VERBS})\b",
    re.IGNORECASE,
)
#: The auxiliaries of a perfect: French, German, Italian/Spanish, Dutch ("a déclaré",
#: "hat gesagt", "ha detto", "heeft gezegd").
AUXILIARY = r"(?:a|hat|ha|heeft)"
#: After a quote: a verb first ("said Kim", "added the minister"), with the
#: auxiliary of a perfect ("a déclaré X", "hat gesagt").
AFTER_VERB = re.compile(rf"[\s,—–-]*(?:{AUXILIARY}\s+)?(?:{VERBS}|{PERFECTS})\b", re.IGNORECASE)
#: After a quote: "according to X" ("selon", "según", "laut", "secondo"); Dutch "aldus X",
#: German "so Müller" (a capitalised name next, so "so I left" and "so the board" are not);
#: French "dit X", which in Dutch is "this" and so is no verb of the shared list.
AFTER_ACCORDING = re.compile(
    r"[\s,—–-]*(?:according\s+to|selon|según|segun|laut|secondo|segundo|aldus|"
    r"dit(?=\s+(?:le\s|la\s|l[’']|(?-i:[A-ZÀ-Þ])))|so(?=\s+(?-i:[A-ZÄÖÜ][a-zäöüß])))\b",
    re.IGNORECASE,
)
#: After a quote: a verb and its subject pronoun after it: French "a-t-elle assuré",
#: "ajoute-t-il", "dit-elle"; Dutch "zei hij", "zegt ze"; German "sagte er".
AFTER_VERB_PRONOUN = re.compile(
    rf"[\s,—–-]*(?:(?:a|ont)-t-|(?:{VERBS}|{PERFECTS}|dit)(?:-t)?-|(?:{VERBS})\s+)"
    rf"(il|elle|ils|elles|hij|zij|ze|er|sie)\b(?:\s+(?:{PERFECTS})\b)?",
    re.IGNORECASE,
)
#: A subject pronoun right after a verb ("sagt er", "zei ze"): the verb's subject is it.
PRONOUN_NEXT = re.compile(r"\s+(?:il|elle|ils|elles|hij|zij|ze|er|sie)\b", re.IGNORECASE)
#: Other languages' subject pronouns, as the English one they resolve like.
PRONOUN_AS = {
    "il": "he",
    "hij": "he",
    "er": "he",
    "elle": "she",
    "zij": "she",
    "ze": "she",
    "sie": "she",
    "ils": "they",
    "elles": "they",
    "él": "he",
    "ella": "she",
    "ele": "he",
    "ela": "she",
    "lui": "he",
    "lei": "she",
}
#: A name that a reporting verb and perhaps a lower-case role lead up to ("zegt
#: melkveehouder Gerrit Lubbers", "aldus Piet de Vries"), read from the words when the
#: entity reader named nobody there: a run of just two capitalised words, perhaps with the
#: particles of a surname between them ("Van der Meulen"). A longer run is a German noun
#: and a name ("Yuans Kollege Hossein Robatjazi"), which this does not take apart.
NAME_AFTER_VERB = re.compile(
    r"\s+(?:[a-zà-ÿ][\w’'-]*\s+){0,3}?"
    r"([A-ZÀ-Þ][\w’'-]+\s+(?:(?:van|von|de|der|den|del|della|di|da|dos|du|la|le|ten|ter)\s+)*"
    r"[A-ZÀ-Þ][\w’'-]+)(?=\s*[,.;:!?)]|\s+[a-zà-ÿ]|\s*$)"
)
#: After a quote, before a name: a few title words, no sentence punctuation.
LEAD_IN = re.compile(r"[\s,—–-]*(?:[\w.\-’'&]+,?\s+){0,8}?", re.IGNORECASE)
#: After a name: optional apposition, then the verb ("Kim, the envoy, said").
NAME_THEN_VERB_STRICT = re.compile(
    rf"(?:’s?|'s?)?\s*(?:,[^,.!?\"“”]{{0,90}},\s*)?(?:has\s+|had\s+|also\s+|later\s+)?(?:{VERBS})\b",
)
NAME_THEN_VERB = re.compile(
    rf"(?:’s?|'s?)?\s*(?:,[^,.!?\"“”]{{0,90}},\s*|,\s*)?(?:has\s+|had\s+|also\s+|later\s+)?(?:{VERBS})\b",
)
#: "the ministry said", "a spokesman said": an unnamed subject and a verb.
AFTER_NOUN = re.compile(
    rf"[\s,—–-]*(the|a|an)\s+((?:[\w’'-]+\s+){{0,3}}?[a-z][\w-]*)\s+(?:has\s+|had\s+|also\s+)?(?:{VERBS})\b"
)
#: Before a quote: a reporting verb near its end ("Kim said:", "Kim said that Seoul must").
BEFORE_VERB = re.compile(rf"\b(?:{REPORTING})\b", re.IGNORECASE)
#: A reporting verb and its comma or colon right before the opening mark: "said, “".
INTRODUCED = re.compile(rf"\b(?:{REPORTING})\s*[,:]\s*$", re.IGNORECASE)
BEFORE_PRONOUN = re.compile(
    rf"\b(he|she|they|it|we)\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:{REPORTING})\b[^.!?]*$",
    re.IGNORECASE,
)
#: Before a quote: another language's pronoun as the subject of a verb of saying, before it
#: ("il a déclaré", "él dijo") or, in German and Dutch, right after it ("Im Gespräch mit
#: Niú erzählte er, wie ...", "daarna zei ze").
BEFORE_FOREIGN_PRONOUN = re.compile(
    rf"(?:\b(il|elle|er|sie|hij|zij|ze|él|ella|ele|ela|lui|lei)\s+(?:{AUXILIARY}\s+)?"
    rf"(?:{VERBS}|{PERFECTS})|\b(?:{VERBS})\s+(er|sie|hij|zij|ze))\b[^.!?]*$",
    re.IGNORECASE,
)
#: An unnamed speaker: "a spokesperson for the agency", "an official".
UNNAMED_SPEAKER = re.compile(
    r"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|representative|"
    r"official|source|aide|adviser|advisor|insider)\b(\s+(?:for|of|from|at|with)\b)?",
    re.IGNORECASE,
)
#: Someone the story does not name who speaks in a sentence: "the boy's mother said",
#: "his neighbour told". A "she said" after it is that person, not the last one named.
UNNAMED_RELATIVE = re.compile(
    r"\b(?:the|his|her|their|its|[\w-]+['’]s)\s+(?:[a-z-]+\s+){0,2}(?:mother|father|parents?|"
    r"wife|husband|partner|son|daughter|brother|sister|sibling|grandmother|grandfather|"
    r"friend|neighbou?r|colleague|relative|cousin|uncle|aunt|widow|widower|fiancée?|"
    rf"boyfriend|girlfriend|family|witness|victim|resident|owner)\s+(?:also\s+)?(?:{VERBS})\b"
)
#: A sentence whose subject is a definite role: "The South Korean envoy ...". Not one
#: that owns the subject: "The victim's mother testified" is the mother speaking.
SUBJECT_ROLE = re.compile(r"\s*[Tt]he\s+(?:[A-Z][\w.-]*\s+){0,4}([a-z][\w-]*)\b(?!['’]s\b)")
#: A pronoun and a verb later in the sentence after a quote: ", he added".
LATER_PRONOUN = re.compile(
    rf",\s+(he|she|they)\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{VERBS})\b", re.IGNORECASE
)
#: A sentence that ends in an attribution: "..., he said." / "Kim said."
ENDS_WITH_PRONOUN_SAID = re.compile(rf"\b(he|she|they)\s+(?:{VERBS})\.$", re.IGNORECASE)
ENDS_WITH_SAID = re.compile(rf"\s+(?:{VERBS})\.$")
#: Nothing but an article ("the", "el", "la", "de", "l’") before a name. Not German
#: ones: there every noun is capitalised ("sagte die Stuttgarter Sportdirektorin").
JUST_THE = re.compile(
    r"\s*(?:(?:the|a|an|el|la|los|las|le|les|il|lo|gli|de|het|o|os|as)\s+|l[’'])?",
    re.IGNORECASE,
)
#: A body's paper or voice before its name: "said a report from X", "said a statement by X",
#: "said a spokesperson for X" (the body speaks through it).
BODY_PAPER = re.compile(
    r"\s*(?:a|an|the)\s+(?:(?:new|recent|latest|joint|written|separate)\s+)?"
    r"(?:report|statement|note|release|filing|letter|study|survey|analysis|memo"
    r"|spokesperson|spokesman|spokeswoman)\s+(?:from|by|of|for)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: Words before a quote that make it a label, not speech ("dubbed it “...”").
LABELLED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|describ(?:e|es|ed|ing)|term(?:s|ed)?|"
    r"label(?:s|led|ed|ling)?|brand(?:s|ed|ing)?|nicknamed|so-called|known as|as)\b[^\w]*\W*$",
    re.IGNORECASE,
)
ORG_NOUNS = word_set(
    "ministry department agency company firm government police court council committee commission office "
    "bureau party union bank group military army navy statement spokesman spokeswoman spokesperson"
)

#: What a story calls a company or body it has named, in words its name need not hold:
#: "the company said" after "Tesla posted a loss" is Tesla.
BODY_NOUNS = word_set(
    "company firm group carmaker automaker retailer lender insurer airline brokerage chain "
    "startup manufacturer operator publisher broadcaster utility charity organisation "
    "organization developer conglomerate"
)


TITLE_VOCABULARY = frozenset(w.lower() for w in TITLE_WORDS) | ROLE_NOUNS
#: Endings of words for a person by what they do ("rancher", "pharmacist", "resident").
AGENT_ENDING = re.compile(r"\w{3}(?:er|or|ist|ian|man|woman|person|ant|ent|eer|ee)$")


def is_title_gap(gap: str) -> bool:
    """True when the words between two names are a job title ("deputy chief
    meteorologist"), or nothing: title words or lower-case words that are not
    ordinary function words ("despite being the ... in" is a clause, not a title)."""
    words = gap.replace(",", " ").split()
    return len(words) <= 5 and all(
        w.lower() in TITLE_VOCABULARY or (w.isalpha() and w.islower() and w not in COMMON_WORDS)
        for w in words
    )


def is_role_word(word: str) -> bool:
    """A job or a standing ("engineer", "rancher", "resident", "pharmacist"): a known role
    noun or a word with an agent ending."""
    word = word.lower()
    return word in TITLE_VOCABULARY or (
        word not in COMMON_WORDS and AGENT_ENDING.search(word) is not None
    )


#: Modifiers that make another office of a role: a prime minister is not "the minister".
OTHER_OFFICE = word_set("prime vice deputy assistant associate junior former shadow first")
#: After a reporting verb: an article and a role, perhaps with adjectives before it
#: ("sagte der bayerische Minister", "señaló el funcionario", "said the minister").
VERB_THEN_ROLE = re.compile(
    r"\s+(?:der|die|the|el|la|le|il|lo|o|a)\s+(?:[a-zà-ÿ][\w-]*\s+){0,2}?([\w-]+)(?=[\s,.;:!?]|$)",
    re.IGNORECASE,
)


def is_speaker_role(word: str) -> bool:
    """A role a reporting clause names its speaker by, in any language read."""
    word = word.lower()
    return (word in ROLE_NOUNS or word in FOREIGN_ROLE_NOUNS) and word not in ORG_NOUNS


def role_before(text: str, start: int, role: str) -> str | None:
    """'same' when the name at `start` has `role` as its title ("Finance Minister",
    "Wirtschaftsminister" for "minister"), 'other' when another office of it ("Prime
    Minister"), else None."""
    before = text[max(0, start - 32) : start].lower().split()
    if not before:
        return None
    word = before[-1].rstrip(",")
    written = {role, *TITLE_ABBREVIATIONS.get(role, ())}
    if word not in written and not (len(role) >= 5 and word.endswith(role)):
        return None
    if word == role and len(before) >= 2 and before[-2] in OTHER_OFFICE:
        return "other"
    return "same"


#: Words that may open a clause before its subject's name: a conjunction, an article
#: ("but General Mark Milley told", "cuando el presidente Iván Duque dijo").
CLAUSE_OPENERS = word_set(
    "but and yet so while when as after before because if the y e et und mais pero ma aber "
    "wenn als weil cuando quand el la le il der die das"
)
#: Between a clause's subject and its reporting verb: an apposition, adverbs, or a verb
#: it shares ("Milley, chairman of the Joint Chiefs of Staff, told", "Biden sonrió y dijo",
#: "Tegnell laughed and simply said").
SUBJECT_TO_VERB = re.compile(
    r"\s*(?:,[^,.!?;\"“”]{0,90},\s*)?(?:[^\W\d_]+\s+(?:and|y|e|et|und|en|i)\s+)?"
    r"(?:(?:also|has|had|later|then|\w+ly)\s+)*$"
)


def possessive(text: str, m: Mention) -> bool:
    """The name is in the possessive ("Sondland’s appearance", "Trump’s lawyer"): whose
    thing it is, not the sentence's subject."""
    return text[m.end : m.end + 2] in ("'s", "’s") or text[m.end : m.end + 1] in ("'", "’")


def clause_subject(text: str, subject: list[Mention], start: int, verb_at: int) -> Mention | None:
    """The person or body who opens the clause of the reporting verb at `verb_at`: "Trump
    has been eager to withdraw, but General Mark Milley, chairman ..., told US media that"
    is Milley's, "Acme Bank, which Jo Park runs, said" the bank's. The latest named after
    the sentence's start or a comma, with only a conjunction and title words before the
    name, and nothing but an apposition, adverbs or a shared verb between it and the verb."""
    people = [m for m in subject if m.kind in (PERSON, ORG)]
    for k in range(len(people) - 1, -1, -1):
        m = people[k]
        if possessive(text, m) or not SUBJECT_TO_VERB.match(text, m.end, verb_at):
            continue
        opens = max(start, *(text.rfind(c, start, m.start) + 1 for c in ",;(—"))
        if k > 0 and people[k - 1].start >= opens:
            continue  # "Kim and Lee said": not one person's clause
        words = text[opens : m.start].split()
        if len(words) <= 5 and all(
            w.lower() in CLAUSE_OPENERS or w[0].isupper() or is_title_gap(w) for w in words
        ):
            return m
    return None


#: A role set after a name: "Tom Baker, the opposition leader", "Jo Park, a council member".
_ROLE_AFTER = re.compile(r",\s+(?:the|a|an)\s+([a-z][\w -]{0,40}?)(?=[,.;:!?)]|\s+of\b|$)")


def other_role(text: str, m: Mention, role: str) -> bool:
    """The story gave the person `m` a role other than `role`, before the name ("opposition
    leader Tom Baker") or after it ("Tom Baker, the opposition leader"): "the mayor said"
    is not that person."""
    before = text[max(0, m.start - 32) : m.start].lower().split()
    stated = [before[-1].rstrip(",")] if before else []
    after = _ROLE_AFTER.match(text, m.end, m.end + 60)
    if after is not None:
        stated += after.group(1).split()
    return any(w in ROLE_NOUNS and w != role and not w.endswith(role) for w in stated)


#: A reporting verb and "that" before a name in its sentence: what it reports names the
#: person ("said Wednesday that Trump's ..."), who is not the one reporting.
REPORTED_THAT = re.compile(rf"\b(?:{REPORTING})\b[^.!?]{{0,60}}?\bthat\b", re.IGNORECASE)


def named_after_verb(
    text: str, verb: re.Match[str], start: int, candidates: list[Mention]
) -> Mention | None:
    """The person right after a verb that puts its subject second ("Bei RTL sagt Pocher
    im Interview: “...”", "Dem Sender sagte Lehmann:"): the speaker, not the body named
    before the verb. Not after a verb whose object a person is ("told Kim", "asked")."""
    if verb.group().lower() in OBJECT_VERBS or verb.group().lower().endswith("ing"):
        return None
    end = start + verb.end()
    for m in candidates:
        if m.start >= end:
            if m.kind == PERSON and not text[end : m.start].strip():
                return m
            break
    return None


#: An aside set off by dashes between a subject and its verb: "its Oversight Board — the
#: group the company set up — said".
_DASH_ASIDE = re.compile(r"\s[—–]\s[^—–.!?\n]{1,200}?\s[—–](?=\s)")


def body_reports(text: str, mentions: list[Mention], start: int, verb: re.Match[str]) -> bool:
    """The reporting verb `verb`, in the sentence that begins at `start`, has an
    organisation for its subject, named right before it (past an aside in dashes, an
    apposition or adverbs): what it reports is the body's."""
    verb_at = verb.start()
    head = _DASH_ASIDE.sub(lambda a: " " * len(a.group()), text[start:verb_at])
    # Not a name inside the aside ("such as Trump's exile").
    named = [
        m for m in mentions if start <= m.start < m.end <= verb_at and head[m.start - start] != " "
    ]
    if not named or possessive(text, named[-1]):
        return False
    return named[-1].kind == ORG and SUBJECT_TO_VERB.match(head, named[-1].end - start) is not None
