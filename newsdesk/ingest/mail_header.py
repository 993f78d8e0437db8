"""An e-mail's header at the top of a text copy: a story forwarded to the desk.

"From:", "Sent:", "To:", "Subject: FW: ..." lines are the message's, not the
story's: the subject (without its FW:/RE: marks) is the headline when the text
gives none of its own, and the header lines are not read as a byline, a date or
the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A header line: a field the mail programs of six languages write, a colon, a value.
_FIELD = re.compile(
    r"^(?P<name>from|sent|date|to|cc|bcc|subject|reply-to|von|gesendet|an|betreff|de|envoy[ée]|"
    r"objet|para|enviado|asunto|assunto|da|inviato|oggetto|a|van|verzonden|aan|onderwerp)"
    r"\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_SUBJECT_NAMES = frozenset(
    {"subject", "betreff", "objet", "asunto", "assunto", "oggetto", "onderwerp"}
)
_SENDER_NAMES = frozenset({"from", "von", "de", "da", "van"})
_DATE_NAMES = frozenset(
    {"sent", "date", "gesendet", "envoyé", "envoye", "enviado", "inviato", "verzonden"}
)
#: Forward and reply marks before a subject, in several languages ("FW:", "Fwd:", "AW:").
_MARKS = re.compile(r"^(?:\s*(?:fwd?|re|aw|wg|tr|rv|enc|doorst|antw|r)\s*:\s*)+", re.IGNORECASE)


#: Characters at the top of a text that a mail header may take.
HEAD_CHARS = 4000


@dataclass
class MailHeader:
    """The header's subject (its marks taken off), when it was sent (as written), and
    where the message's text starts."""

    subject: str
    body_start: int
    sent: str = ""


def read_mail_header(text: str) -> MailHeader | None:
    """The e-mail header opening `text`, or None when it opens with no such block.

    A header is at least two field lines in a row at the very top (blank lines
    before them allowed), one of them a sender or a subject.
    """
    offset = 0
    names: list[str] = []
    subject = sent = ""
    # Only the top can hold it: the whole text is not split for a look at a few lines.
    for line in text[:HEAD_CHARS].splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            if names:
                break
            offset += len(line)
            continue
        match = _FIELD.match(stripped)
        if match is None:
            break
        name = match["name"].lower()
        names.append(name)
        if name in _SUBJECT_NAMES:
            subject = _MARKS.sub("", match["value"]).strip()
        elif name in _DATE_NAMES:
            sent = match["value"].strip()
        offset += len(line)
    if len(names) < 2 or not (set(names) & (_SUBJECT_NAMES | _SENDER_NAMES)):
        return None
    header = MailHeader(subject=subject, body_start=offset, sent=sent)
    return _forwarded(text, header) or header


#: The line over a forwarded or quoted message ("-----Original Message-----", "---------- Forwarded
#: message ---------", "Begin forwarded message:"), in the mail programs' languages.
_FORWARD_MARK = re.compile(
    r"^\s*(?:-{2,}\s*(?:original\s+message|forwarded\s+message|urspr(?:ü|ue)ngliche\s+nachricht"
    r"|weitergeleitete\s+nachricht|message\s+d'origine|message\s+transf[ée]r[ée]|mensaje\s+original"
    r"|mensaje\s+reenviado|messaggio\s+originale|messaggio\s+inoltrato|mensagem\s+original"
    r"|oorspronkelijk\s+bericht|doorgestuurd\s+bericht)\s*-{2,}|begin\s+forwarded\s+message\s*:)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def _forwarded(text: str, outer: MailHeader) -> MailHeader | None:
    """The message forwarded inside this one: the story is under its header, and the note
    the forwarder wrote above it ("Can someone call the store?") and the mark are not."""
    mark = _FORWARD_MARK.search(text, outer.body_start, HEAD_CHARS)
    if mark is None:
        return None
    start = mark.end() + 1
    inner = read_mail_header(text[start:])
    if inner is None:
        return None
    return MailHeader(
        subject=inner.subject or outer.subject,
        body_start=start + inner.body_start,
        sent=inner.sent or outer.sent,
    )
