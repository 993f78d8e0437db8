"""A byline printed on the page when the markup names no author.

Many pages state their author only in the text a reader sees: "Von Lisa
Petrich", "Autor: Petra Ruland", "par Didier Roy, 21 juin 2018", "Posted on
21 July 2019 by Realiberry", a "Von:" label with the name on the next line.
The page's visible text (navigation, footers, forms, asides and comment or
teaser boxes left out) is read line by line with the text extractor's own
byline reader, and the first short line that is a byline gives the authors.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree

from newsdesk.extract.byline import known_person, looks_like_name, parse_byline
from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.lines import is_prose
from newsdesk.extract.tail import CONTACT_LABEL, signature
from newsdesk.ingest.html_nodes import node_classes, node_text
from newsdesk.ingest.html_text import element_to_text
from newsdesk.ingest.names import person_names

_NOT_ARTICLE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "form",
    "select",
    "button",
)
#: Boxes of other people's words: reader comments, teasers of other stories, sidebars.
_OTHER_VOICES = re.compile(r"comment|related|teaser|sidebar", re.I)
#: A byline is short; a longer line starting "By ..." is a sentence ("By June 2016, most ...").
MAX_BYLINE_CHARS = 70
#: A byline line's fields beside the names ("Von A und B | Freitag, 19.09.2025, 06:00 Uhr"):
#: the names' field is held to the byline's length, the line to twice that.
_FIELD_SEP = re.compile(r"\s[|·•]\s")
#: Bylines stand near the top; the lines read are bounded so a huge page costs little.
MAX_LINES = 400


def visible_lines(tree: etree._Element) -> list[str]:
    """The page's visible lines, navigation, footers, forms, asides and comment boxes left out."""
    copy = deepcopy(tree)
    for element in list(copy.iter(*_NOT_ARTICLE_TAGS)):
        element.drop_tree()
    boxes = [
        e
        for e in copy.iter()
        if isinstance(e.tag, str) and _OTHER_VOICES.search(e.get("class") or "")
    ]
    for element in boxes:
        if element.getparent() is not None:
            element.drop_tree()
    body = copy.find(".//body")
    text = element_to_text(body if body is not None else copy)
    return [line.strip() for line in text.splitlines() if line.strip()][:MAX_LINES]


def visible_byline(tree: etree._Element, lines: list[str] | None = None) -> list[str]:
    """The authors of the first byline among the page's visible lines; [] when none.

    `lines`: the page's `visible_lines`, when the caller has them already.
    """
    lines = visible_lines(tree) if lines is None else lines
    for i, line in enumerate(lines):
        if (
            len(_FIELD_SEP.split(line, maxsplit=1)[0]) > MAX_BYLINE_CHARS
            or len(line) > 2 * MAX_BYLINE_CHARS
        ):
            continue
        found = parse_byline(line, lines[i + 1 : i + 3])
        if found and found.authors:
            return found.authors
    return []


#: Where an `<address>` is the site's contact, not the article's author.
_SITE_ADDRESS_TAGS = frozenset(["footer", "nav", "aside", "form"])
_SITE_ADDRESS_CLASS = re.compile(
    r"footer|contact|colophon|imprint|impressum|site-?info|publisher", re.I
)
#: How far up from an `<address>` the headline's container is looked for.
ADDRESS_HEADLINE_DEPTH = 3


def address_authors(tree: etree._Element) -> list[str]:
    """The authors an `<address>` of the article names ("<address>Ffion Greaves
    <span>North of England correspondent</span></address>"), [] when none does.

    HTML sets an article's author in an `<address>` inside the `<article>`; outside
    one it is the article's only beside the headline (in its header), as a footer's is
    the site's contact. Authors marked inside it (rel=author, itemprop=author) are taken
    first, else the name its first line opens with.
    """
    for address in tree.iter("address"):
        if not _site_address(address) and _beside_the_article(address):
            names = _address_names(address)
            if names:
                return names
    return []


def _site_address(address: etree._Element) -> bool:
    return any(
        node.tag in _SITE_ADDRESS_TAGS or _SITE_ADDRESS_CLASS.search(node_classes(node))
        for node in [address, *address.iterancestors()]
    )


def _beside_the_article(address: etree._Element) -> bool:
    """Inside the page's <article>, or near its headline (in the same header)."""
    if any(node.tag == "article" for node in address.iterancestors()):
        return True
    for depth, node in enumerate(address.iterancestors()):
        if depth >= ADDRESS_HEADLINE_DEPTH or node.tag in ("body", "html"):
            return False
        if any(node_text(h1) for h1 in node.iter("h1")):
            return True
    return False


def _address_names(address: etree._Element) -> list[str]:
    marked = [
        node_text(node)
        for node in address.iterdescendants()
        if isinstance(node.tag, str)
        and (
            "author" in (node.get("rel") or "").lower().split()
            or "author" in (node.get("itemprop") or "").lower().split()
        )
    ]
    if marked:
        return person_names(marked)
    # The name opens the address; a role or a contact follows in its own element.
    first = next((node for node in address if isinstance(node.tag, str)), None)
    lead = (address.text or "").strip() or (node_text(first) if first is not None else "")
    lead = lead.strip(" ,|-–—")
    if not lead or len(lead) > MAX_BYLINE_CHARS or any(ch.isdigit() for ch in lead):
        return []
    return person_names([lead])


#: A line that can hold a name in full: a byline, a heading, a caption's credit.
MAX_NAME_LINE_WORDS = 8
#: A surname after the first name the markup gives, as the page prints it ("Bates", "STEINHAU").
#: What follows a name that opens an author's bio: a dash or a comma.
_BIO_LEAD = re.compile(r"\s*[-–—,]\s")
_SURNAME = r"\s+(?P<surname>[^\W\d_][\w'’-]+)(?![\w'’-])"


def full_names(authors: list[str], lines: list[str], site: str | None = None) -> list[str]:
    """`authors` with a lone first name the markup gives ("Todd") in full as the page prints
    it ("Todd Bates") on a short line of its own, when the page gives it one surname only.

    A blog's handle ("jesusfreak", "HansG") stays: only a capitalised word that the page
    follows by a capitalised surname is a first name. A site named after its writer ("Mady
    Morrison") is the masthead: its posts signed "Mady" keep the signature.
    """
    names = [_in_full(name, lines) for name in authors]
    masthead = (site or "").casefold()
    return [
        name if full.casefold() in masthead else full
        for full, name in zip(names, authors, strict=True)
    ]


def _in_full(name: str, lines: list[str]) -> str:
    if " " in name or not name[:1].isupper() or not name[1:].islower() or len(name) < 3:
        return name
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}{_SURNAME}", re.I)
    full: dict[str, str] = {}
    for line in lines:
        short = len(line.split()) <= MAX_NAME_LINE_WORDS
        for match in pattern.finditer(line):
            # A line that opens with the name and a bio ("Stefanus Stahl - Maschinenbauer, ...")
            # says it is a person's; elsewhere only a known given name does ("Beachbody
            # Performance" is a product), on a short line.
            bio = match.start() == 0 and _BIO_LEAD.match(line, match.end()) is not None
            surname = match["surname"]
            candidate = f"{name} {surname.title() if surname.isupper() else surname}"
            if (
                (bio or (short and known_person(candidate)))
                # As printed, both words capitalised: "karstenruppert Schreibe einen Kommentar"
                # is a handle before a comment prompt.
                and match[0][:1].isupper()
                and surname[:1].isupper()
                and looks_like_name(candidate)
            ):
                full.setdefault(candidate.casefold(), candidate)
    return next(iter(full.values())) if len(full) == 1 else name


#: A lone signature this short, not in capitals, is a desk's initials or a user handle
#: ("mf", "Cpm", "AgE"), not a name; an agency's capitals ("IWB", "AFP") stay.
_INITIALS_MAX = 3


def without_initials(authors: list[str]) -> list[str]:
    """`authors` without lone signatures that are initials rather than a name."""
    return [
        name
        for name in authors
        if " " in name
        or len(name) > _INITIALS_MAX
        or name.isupper()
        or not (name.isascii() and name.isalpha())
        or name in GIVEN_NAMES  # "Kay"
    ]


#: The page's keywords and tags: the people it is about.
_KEYWORDS = "//meta[@name='keywords' or @name='news_keywords' or @property='article:tag']/@content"
#: Visible lines under the story's last paragraph searched for its signature.
_SIGNATURE_LINES = 2


def signed_under(tree: etree._Element, lines: list[str], main_text: str) -> list[str]:
    """The author who signs the story under its last paragraph ("Stefan Wasmer" alone on the
    line after it, a press officer's name over her role), in the page's visible `lines`:
    a known given name and a family name the story does not mention, and no keyword of the
    page's (a tag list's "Angela Merkel"); [] when none."""
    body = [line.strip() for line in main_text.splitlines() if line.strip()]
    if not body:
        return []
    tags = [
        tag.strip()
        for content in tree.xpath(_KEYWORDS)[:20]
        for tag in str(content).split(",")[:200]
        if tag.strip()
    ]
    for k in (1, 2):
        # The main text kept the signature as its last line, or over a role line.
        if len(body) > k and (k == 1 or not is_prose(body[-1])):
            name = _signer(body[-k], body[:-k] + tags)
            if name:
                return [] if CONTACT_LABEL.match(body[-k - 1]) else [name]
    last = body[-1][:80]
    at = next((i for i, line in enumerate(lines) if line.startswith(last)), None)
    if at is None:
        return []
    for i in range(at + 1, min(len(lines), at + 1 + _SIGNATURE_LINES)):
        name = _signer(lines[i], body + tags)
        if name:
            return [] if CONTACT_LABEL.match(lines[i - 1]) else [name]
    return []


def _signer(line: str, mentions: list[str]) -> str | None:
    """`signature`, when neither the story nor the page's tags name the person, not even by
    surname (a tagged "Angela Merkel" is the story's subject, not its writer)."""
    name = signature(line, mentions)
    surname = name.split()[-1].casefold() if name else ""
    return name if name and not any(surname in m.casefold() for m in mentions) else None
