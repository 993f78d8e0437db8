"""The headline of an HTML page: the first `<h1>` without its kicker, a `<title>` without the site.

Split from the page-meta reader because the headline rules (site suffixes, a
host named in front, a kicker inside the headline element) are their own
concern and are tested on their own.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from newsdesk.ingest.html_nodes import node_classes, node_text
from newsdesk.sanitize import clean_line

_SEPARATOR_MARKS = r"\||-|–|—|::|·|•|»|›"
TITLE_SEPARATORS = re.compile(rf"\s+(?:{_SEPARATOR_MARKS})\s+")


def strip_site_suffix(title: str, site: str | None, *, guess: bool = False) -> str:
    """ "Headline | Site" or "Headline - Site" -> "Headline".

    The trailing segment goes when it names the site; with `guess` (a
    `<title>`, where a suffix is the rule) also when it is short and the
    rest reads as a headline. A leading "Site | " goes when it names the site.
    """
    if len(title) > 1000:
        return title  # Not a headline anyway (truncated later); regexes stay cheap.
    separators = list(TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    site_key = (site or "").casefold().strip()
    head, tail = title[: separators[-1].start()], title[separators[-1].end() :]
    if site_key and (site_key in tail.casefold() or tail.casefold() in site_key):
        return _without_section_lead(head.strip())
    lead = title[: separators[0].start()]
    if site_key and lead.casefold().strip() == site_key:
        return _without_section_lead(title[separators[0].end() :].strip())
    if guess and len(tail.split()) <= 4 and len(head.split()) >= 3:
        return _without_section_lead(head.strip())
    return _without_section_lead(title)


#: A section's name set before the headline by a bar or a mark, not a dash ("Opinion |
#: ...", "Analysis » ..."); "Review - ..." and "Analysis: ..." are headlines' own words.
_SECTION_LEAD = re.compile(r"^(?P<lead>[^|·•»›:]{2,30}?)\s*(?:\||::|·|•|»|›)\s+(?P<rest>.+)$")


def _without_section_lead(title: str) -> str:
    """ "Opinion | Headline" -> "Headline": the section is no part of the headline."""
    match = _SECTION_LEAD.match(title)
    if match is None or len(match["rest"].split()) < 3:
        return title  # most titles: no import, no second pattern
    # Here, not at the top: the line-level headline module imports this one.
    from newsdesk.extract.headline import section_label

    return match["rest"].strip() if section_label(match["lead"]) else title


WORD = re.compile(r"\w+")


_LEAD_SEPARATOR = re.compile(r"\s*(?:\||//\s*»?|::|·|•|»)\s*|\s+[-–—]\s+")


def strip_host_lead(title: str, url: str | None) -> str:
    """ "Site | Headline" -> "Headline" when the lead names the page's host.

    The site's name need not be known: the lead ("BMAS", "mediaarchitecture.de",
    "Gregory Szorc's Digital Home") bears out the host name (bmas.de, gregoryszorc.com).
    """
    match = _LEAD_SEPARATOR.search(title)
    if not match or not url or match.start() == 0:
        return title
    lead, rest = title[: match.start()], title[match.end() :].strip()
    if len(lead.split()) > 5 or len(rest.split()) < 2:
        return title
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    label = host.split(".")[0].replace("-", "") if host else ""
    joined = "".join(WORD.findall(lead.casefold()))
    if len(label) >= 4 and (label in joined or (len(joined) >= 4 and joined in label)):
        return rest
    return title


#: A date, perhaps after a separator, where a headline ends: "| 31.10.2023", " - 2. Mai 2022".
_DATE_TAIL = re.compile(r"\W{0,4}\d{1,4}[./-]\s?(?:\d{1,2}|\w{3,})[./-]?\s?\d{2,4}\b")


_SEPARATED_TAIL = re.compile(r"\s+[|–—-]\s+\S")


#: Where a lead set before the headline ends: a separator, perhaps with spaces around it.
_LEAD_MARK = re.compile(r"(?:\s[-–—]|[|:·•»ǀ])\s*$")


def headline_length(text: str) -> bool:
    """Enough of a headline to stand alone: three words, or eight letters of a script
    written without spaces."""
    words = WORD.findall(text)
    return len(words) >= 3 or (len(text) >= 8 and bool(_UNSPACED_SCRIPT.search(text)))


#: Thai, Chinese, Japanese and Korean letters: scripts that leave spaces out, or out of
#: most of a headline, so a headline there is one or two "words".
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


#: At most this many words before the meta title in the <h1> make a kicker.
KICKER_WORDS = 3


def prefer_visible(title: str, h1: str) -> str:
    """The page's visible headline (its <h1>) when it is a version of the same headline.

    Meta titles carry section prefixes and author suffixes ("Opinion | ...",
    "... | Editorial") or a shorter social-media wording; the <h1> is what the
    reader saw. A logo or section <h1> shares few words and is not taken.
    """
    if not h1 or h1 == title or len(h1) > 400:
        return title
    short, long = sorted((title, h1), key=len)
    rest = long[len(short) :]
    if (
        long.startswith(short)
        and not rest[:1].isalnum()
        and (_DATE_TAIL.match(rest) or _SEPARATED_TAIL.match(rest))
    ):
        # The same headline with the page's date and time run on (" : 31.10.2023, 10.19
        # Uhr", " 02.02.2022 • Verband, Presse") or a part set off by a dash or a bar (the
        # site, a teaser: " | Parco Nazionale d'Abruzzo", " – Erfahre mehr zu den Risiken"):
        # the headline alone.
        return short
    kicker = h1[: len(h1) - len(title)] if h1.endswith(title) else ""
    if kicker and kicker[-1:].isspace() and len(WORD.findall(kicker)) <= KICKER_WORDS:
        # The <h1> is the meta title with a word or two set before it: a kicker in the
        # headline element ("<em>Holocaust-Gedenktag </em>Erinnerung an ..."), which the
        # publisher's own title leaves out.
        return title
    lead = title[: len(title) - len(h1)] if title.endswith(h1) else ""
    if lead and _LEAD_MARK.search(lead) and headline_length(h1):
        # A topic or the site set before the headline ("SARS-2/COVID-19 - Heute schon an
        # morgen denken", "NEWS WEB EASY|..."): the <h1> is the headline alone.
        return h1
    title_words = {w.casefold() for w in WORD.findall(title)}
    h1_words = {w.casefold() for w in WORD.findall(h1)}
    if len(h1_words) < 3 or not title_words:
        return title
    shared = len(title_words & h1_words)
    # Most of the meta title's words reappear in the <h1>: the same headline, as shown.
    if shared >= 0.6 * len(title_words):
        return h1
    return title


#: A kicker set inside the headline element: a topic line over the headline itself
#: ("<span class='roofline'>Immobilienkrise</span> Rene Benko-Firma ...", "<small>Tunesien</small>").
_KICKER_CLASS = re.compile(
    r"kicker|roofline|dachzeile|top-?title|top-?line|overline|eyebrow|sub-?heading|titleheader"
    r"|section|category|label",
    re.I,
)


def headline_without_kicker(h1: Any) -> str:
    """The text of a headline element without the kicker its first child element is, or ""."""
    if h1 is None or (h1.text or "").strip():
        return ""
    first = next((child for child in h1 if isinstance(child.tag, str)), None)
    if first is None or not (first.tag == "small" or _KICKER_CLASS.search(node_classes(first))):
        return ""
    kicker = node_text(first)
    pieces = [first.tail or ""]
    for child in h1:
        if child is first or not isinstance(child.tag, str):
            continue
        if not _hidden_dash(child):
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    rest = " ".join(pieces)
    rest = clean_line(rest).strip(" -–—|:")
    if not kicker or len(rest.split()) < 2:
        return ""
    return rest


def _hidden_dash(element: Any) -> bool:
    """A separator only screen readers get (" - " between kicker and headline)."""
    return not any(ch.isalnum() for ch in "".join(element.itertext()))


def first_h1_element(tree: etree._Element) -> Any:
    for container in ("article", "main"):
        for element in tree.iter(container):
            for h1 in element.iter("h1"):
                if node_text(h1):
                    return h1
    for h1 in tree.iter("h1"):
        if node_text(h1):
            return h1
    return None


def fold(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def first_h1(tree: etree._Element) -> str:
    """The first <h1>'s text, or "" when it is a control's label ("Navigation und Service",
    "Quicklinks", "Sections"): a page that hides its menu's heading in an <h1>."""
    element = first_h1_element(tree)
    # A headline never ends in a separator: one left by a subtitle's screen-reader label.
    text = clean_line(_without_subtitle(element)).rstrip(" :|-–—·") if element is not None else ""
    return "" if _CONTROL_LABEL.fullmatch(text.strip()) else text


#: A subtitle set inside the headline element, after the headline's own words
#: ("<small class='article-subtitle'>", "<span class='entry-subtitle'>").
_SUBTITLE_CLASS = re.compile(
    r"sub-?title|subline|sub-?headline|standfirst|strap-?line|(?:^|[\s_-])dek(?:$|[\s_-])", re.I
)


def _without_subtitle(h1: Any) -> str:
    """The headline element's text without a subtitle that follows the headline in it."""
    pieces: list[str] = []

    def walk(element: Any) -> None:
        pieces.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                seen = any(p.strip() for p in pieces)
                subtitle = child.tag == "small" or _SUBTITLE_CLASS.search(node_classes(child))
                if not (seen and subtitle):
                    walk(child)
            pieces.append(child.tail or "")

    walk(h1)
    text = "".join(pieces)
    return text if text.strip() else "".join(h1.itertext())


_CONTROL_LABEL = re.compile(
    r"(?i)(?:main\s+|haupt)?(?:navigation(?:\s+(?:und|and)\s+service)?|service|quick\s?links"
    r"|sections|men[uü]|search|suche|skip\s+to\s+(?:main\s+)?content|zum\s+inhalt(?:\s+springen)?)"
)


def trail_end(title: str) -> str:
    """A <title> that is a trail of sections ("Der Bundespräsident / Reden / Rede von ...")
    ends with the page's own headline."""
    parts = [p.strip() for p in title.split(" / ")]
    return parts[-1] if len(parts) >= 3 and len(parts[-1].split()) >= 3 else title


#: Where a <title> splits into its parts: the site, sections, the headline.
_TITLE_PARTS = re.compile(rf"\s+(?:{_SEPARATOR_MARKS}|/)\s+")


def headline_beside_site(h1: str, page_title: str, *, logo: bool = False) -> str | None:
    """The <title>'s headline beside the site's name, which the <h1> gives alone
    ("seelenradio » Nummer zwei: Leo" under an <h1> "seelenradio"; "Zoll online -
    Fachmeldungen - Verkündung des ..." under "Zoll"): the longest other part of the
    <title>, or None when the <h1> is not its first or last part. The caller knows the
    <h1> names the site (its host bears it out). `logo`: the markup shows the <h1> is the
    site's logo, maybe in another script ("엔터 미디어" beside "... - Entermedia"), so a
    short last part is the site's name."""
    parts = [p.strip() for p in _TITLE_PARTS.split(page_title) if p.strip()]
    key = h1.strip().casefold()
    if len(parts) < 2 or not key:
        return None
    first, last = parts[0].casefold(), parts[-1].casefold()
    if key == last or (logo and len(parts[-1].split()) <= 2 and key not in first):
        rest = parts[:-1]
    elif key == first or first.startswith(key + " "):
        rest = parts[1:]
    else:
        return None
    best = max(rest, key=lambda part: len(part.split()))
    return best if len(best.split()) >= 2 else None
