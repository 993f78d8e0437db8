"""Credits: the lines that credit a story's editing, reporting or pictures ("Edited by ...",
"Photo: ...") and the credit at the end of a picture's caption ("... Bild: Jana Berg/Theater")."""

from __future__ import annotations

import re

from newsdesk.extract.lines import line_cache
from newsdesk.sanitize import clean_line

_FLAGS = re.IGNORECASE

_CREDIT = re.compile(
    r"""^\W*(?:
      (?:additional\ |with\ additional\ )?(?:reporting|editing|writing|research|graphics|production|translation)\ by
    | (?:edited|compiled|produced|translated|reviewed|fact-checked|illustrated|photographed)\ by
    | (?:photos?|photographs?|pictures?|images?|video|videos|graphics?|illustrations?|design|data)\ by\b
    | (?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|graphic|credits?|image\ credit|photo\ credit)\s*(?::|\.\.\.)
    | \(?(?:ap|afp|reuters)\ photo\b
    | credit\s+[A-Z]
    | with\ files\ from\b
    | this\ (?:story|article|report)\ was\ (?:written|reported|compiled|researched)\ by\b
    | sources?\s*:
    )""",
    _FLAGS | re.VERBOSE,
)
_CONTRIBUTED = re.compile(
    r"\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)\b", _FLAGS
)
_INLINE_CREDIT = re.compile(
    r"(?:\b(?:Photo(?:graph)?|Image|Picture|Illustration)s?\s*:|\bCredit\s*(?::|\.\.\.)|\bCredit(?=[A-Z])"
    r"|\(AP Photo\b|\bREUTERS/|\bGetty Images\b|\bAFP via Getty\b|\bShutterstock\b"
    # A German, French, Spanish or Italian caption's credit after its sentence ("... in die
    # Enge. Bild: Jana Berg/Theater").
    r"|(?<=[.!?] )(?:Bild|Bilder|Foto|Fotos|Fotografie|Photo|Crédit|Crédits)\s*:\s*\S"
    # A picture handed out and sent on by a wire ("(ITV via AP)", "(Jane Doe/Club via Reuters)").
    r"|\((?:[^()]{0,60}\s)?via (?:AP|AFP|Reuters|EPA|Bloomberg|dpa)\)\s*$"
    # A bracketed credit ("[Jane Doe/Reuters]"); a closing tag of a type style ("[/i]")
    # is none (a shortcode's "[/button]" still marks furniture).
    r"|\[(?!/(?:b|i|u|s|em|strong|sub|sup)\])[^\]]{0,60}(?:\bvia\b|/|Getty|Reuters|AFP|EPA|Photo|Handout)[^\]]{0,60}\]\s*$)"
)


@line_cache
def is_credit(line: str) -> bool:
    """An editor, reporting or photo credit line ("Edited by ...", "Photo: ...")."""
    if not line or len(line) > 400:
        return False
    core = line.strip()
    if _CREDIT.match(core):
        return True
    return bool(_CONTRIBUTED.search(core)) and len(core) < 300


def split_caption_credit(line: str) -> tuple[str, str | None]:
    """'Caption text. Photo: Jane Doe/Agency' -> (caption, 'Photo: Jane Doe/Agency')."""
    m = _INLINE_CREDIT.search(line)
    if not m:
        return line, None
    start = m.start()
    if line[start:].startswith(("Getty", "AFP", "Shutterstock")):
        # The credit is the tail that names the agency: back up to its separator.
        seps = [line.rfind(s, 0, start) for s in (". ", "| ", "/ ", ", ")]
        cut = max(seps)
        start = cut + 2 if cut > 0 else start
    caption = line[:start].rstrip(" .|(") + ("." if line[:start].rstrip().endswith(".") else "")
    credit = line[start:].strip(" ()")
    return clean_line(caption), clean_line(credit) or None


_CREDIT_TRIGGERS = (
    "photo",
    "bild:",
    "foto",
    "crédit",
    "image",
    "credit",
    "getty",
    "reuters",
    "shutterstock",
    "picture",
    "illustration",
    "afp",
    "]",
    "via ",
)


@line_cache
def has_inline_credit(line: str) -> bool:
    head = line[:1000]
    lower = head.lower()
    return any(t in lower for t in _CREDIT_TRIGGERS) and bool(_INLINE_CREDIT.search(head))
