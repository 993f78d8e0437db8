"""What an HTML page says about itself: headline, outlet, authors, date, dek, URL, captions.

Read from the parsed document with lxml: Open Graph and Twitter meta tags,
JSON-LD (schema.org NewsArticle and kin), `<h1>`, `<title>`, `rel=author`,
byline classes, `<time datetime>` and `<figcaption>`. Each field takes the
first plausible candidate in a fixed order of trust. The headline rules live
in `html_headline`, the JSON-LD readers in `html_ld`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from lxml import etree, html

from newsdesk.extract.outlet import without_corporate_suffix
from newsdesk.ingest.html_citations import cited, scholar_name
from newsdesk.ingest.html_coauthors import with_coauthors
from newsdesk.ingest.html_dates import choose_published, time_element_date
from newsdesk.ingest.html_flatten import LIBXML_MAX_DEPTH, cut_at_depth, deep_parser, flatten
from newsdesk.ingest.html_headline import (
    WORD,
    first_h1,
    first_h1_element,
    fold,
    headline_beside_site,
    headline_without_kicker,
    strip_host_lead,
    strip_site_suffix,
    trail_end,
)
from newsdesk.ingest.html_ld import article_ld, ld_authors, ld_ids, ld_text, page_published
from newsdesk.ingest.html_masthead import is_masthead, publisher_names
from newsdesk.ingest.html_nodes import node_classes, node_text
from newsdesk.ingest.html_related import related_links
from newsdesk.ingest.html_title_lead import strip_title_lead
from newsdesk.ingest.names import author_names, person_names
from newsdesk.ingest.site_names import host_bears, host_key, names_site, site_in_title
from newsdesk.ingest.visible_headline import shown_headline
from newsdesk.model import Link
from newsdesk.sanitize import clean_line

_BYLINE_CLASS = re.compile(r"byline|author", re.I)
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|dek|sub-?head(?:line)?|subtitle|strapline|article-?summary|summary)(?:$|[\s_-])",
    re.I,
)
_CREDIT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:credits?|photo-?credit|image-?credit)(?:$|[\s_-])", re.I
)
# A credit outside a figure says what it credits ("Photo: ...", "Edited by ...").
_CREDIT_TEXT = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|images?|credit|illustration|edited|editing|"
    r"(?:additional\s+)?reporting|\w+(?:\s+\w+){0,3}\s+contributed)\b",
    re.I,
)
#: How many elements after the <h1> the standfirst may sit.
STANDFIRST_WINDOW = 80


@dataclass
class PageMeta:
    """Candidates read from the page, each already cleaned to one line."""

    title: str = ""
    site: str | None = None
    authors: list[str] = field(default_factory=list)
    #: Names in the page's byline or author elements, weaker than `authors` (meta tags, JSON-LD).
    byline_authors: list[str] = field(default_factory=list)
    published: str | None = None
    dek: str | None = None
    url: str | None = None
    language: str | None = None
    #: The page's declared locale, with its region when one is given ("en-GB", "en_AU").
    locale: str | None = None
    captions: list[str] = field(default_factory=list)
    #: Correction and editor's notes the page sets apart (`correction_notes`).
    corrections: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    #: The JSON-LD `articleBody`, as the page states it (text or HTML), when it has one.
    body: str | None = None


def parse_document(text: str, warnings: list[str] | None = None) -> etree._Element | None:
    """The lxml HTML tree, or None when there is nothing to parse.

    `huge_tree` lifts libxml2's depth limit from 256 levels to 2,048 (the size caps of
    `limits` still bound the input); a page nested deeper still is flattened
    (`html_flatten`) rather than read only down to the limit, and `warnings` says so.
    """
    tree, too_deep = _parse(text)
    if too_deep:
        if warnings is not None:
            warnings.append(
                f"page nested deeper than {LIBXML_MAX_DEPTH:,} levels; read with its "
                "innermost tags left out"
            )
        tree, too_deep = _parse(flatten(text))
    if tree is None or too_deep:
        return None
    # Ruby readings (<rt>, <rp>) are a second spelling of the words beside them: kept, they
    # run into the text ("子こどもへの体罰たいばつ") of headlines and bodies.
    for element in list(tree.iter("rt", "rp")):
        element.drop_tree()
    return tree


def _parse(text: str) -> tuple[etree._Element | None, bool]:
    """The tree, and whether libxml2 stopped reading at its depth limit (the tree is cut)."""
    parser = deep_parser(encoding="utf-8", remove_comments=True, no_network=True)
    try:
        tree = html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    return tree, cut_at_depth(parser)


#: An entity left in an attribute's text after parsing: the CMS escaped it twice
#: (`content="Mugabe's &amp;quot;Blue House&amp;quot;"`).
_ENTITY_LEFT = re.compile(r"&(?:quot|amp|apos|lt|gt|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _escaped_twice(text: str) -> str:
    """Text whose entities were escaped twice, decoded the second time."""
    return unescape(text) if _ENTITY_LEFT.search(text) else text


def _meta(tree: etree._Element, *keys: str) -> str | None:
    """The first non-empty `content` of <meta property|name|itemprop=key>."""
    wanted = {k.lower() for k in keys}
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        for attr in ("property", "name", "itemprop"):
            key = (element.get(attr) or "").strip().lower()
            if key in wanted and key not in found:
                # A few sites write value= where content= belongs.
                content = clean_line(
                    _escaped_twice(element.get("content") or element.get("value") or "")
                )
                if content:
                    found[key] = content
    for key in keys:
        if key.lower() in found:
            return found[key.lower()]
    return None


#: Fields that state when the article was first published, strongest first.
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "og:published_time",
)
#: Fields that state when the page was last changed: no publication time.
_MODIFIED_KEYS = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
)


def _meta_all(tree: etree._Element, *keys: str) -> list[str]:
    wanted = {k.lower() for k in keys}
    values: list[str] = []
    for element in tree.iter("meta"):
        for attr in ("property", "name", "itemprop"):
            if (element.get(attr) or "").strip().lower() in wanted and not cited(element):
                content = clean_line(element.get("content") or "")
                if content:
                    values.append(content)
    return values


def _text_with_breaks(element: etree._Element) -> str:
    """The element's text, a line break a space ("JOE McALISTER<br>Sports Reporter")."""
    if element.find(".//br") is None:
        return node_text(element)
    copy = deepcopy(element)
    for br in copy.iter("br"):
        br.tail = " " + (br.tail or "")
    return node_text(copy)


def _byline_candidates(tree: etree._Element) -> list[str]:
    found: list[str] = []
    for link in tree.iter("a"):
        if "author" in (link.get("rel") or "").lower().split():
            found.append(node_text(link))
    if found:
        return found
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in (
            "meta",
            "script",
            "style",
            "body",
            "html",
        ):
            continue
        classes = (element.get("class") or "") + " " + (element.get("itemprop") or "")
        if _BYLINE_CLASS.search(classes):
            text = _text_with_breaks(element)
            if 0 < len(text) <= 200:
                found.append(text)
        if len(found) >= 5:
            break
    return found


def _article_root(tree: etree._Element) -> etree._Element:
    """The <article> (or <main>) holding the story, else the whole document."""
    for tag in ("article", "main"):
        found = tree.find(f".//{tag}")
        if found is not None:
            return found
    return tree


_BYLINE_PARTS = re.compile(r"byline|author|date|time|name", re.I)


def _holds_byline(element: etree._Element) -> bool:
    """A "subhead" box that is or holds the byline and date, not a standfirst."""
    if _BYLINE_PARTS.search(node_classes(element)):
        return True
    for child in element.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        if child.tag == "time" or _BYLINE_PARTS.search(node_classes(child)):
            return True
    return False


def _standfirst(tree: etree._Element) -> str | None:
    """The visible standfirst just under the headline (class "standfirst", "dek", "subtitle" ...).

    Only the elements shortly after the <h1> are looked at: the same class
    names elsewhere on a page belong to promotions for other stories.
    """
    h1 = next((h for h in tree.iter("h1") if node_text(h)), None)
    if h1 is None:
        return None
    seen = 0
    for element in h1.itersiblings():
        for candidate in element.iter():
            seen += 1
            if seen > STANDFIRST_WINDOW:
                return None
            if not isinstance(candidate.tag, str) or candidate.tag not in (
                "p",
                "h2",
                "div",
                "span",
            ):
                continue
            if (
                _STANDFIRST_CLASS.search(node_classes(candidate))
                or candidate.get("itemprop") == "description"
            ) and not _holds_byline(candidate):
                points = [t for li in candidate.iter("li") if (t := node_text(li))]
                text = (
                    "; ".join(p.rstrip(".;") for p in points)
                    if len(points) > 1
                    else node_text(candidate)
                )
                if 20 <= len(text) <= 500:
                    return text
    return None


def _credits(root: etree._Element) -> list[str]:
    credits: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not _CREDIT_CLASS.search(node_classes(element)):
            continue
        text = node_text(element)
        in_figure = any(a.tag in ("figure", "figcaption") for a in element.iterancestors())
        if (
            not 3 <= len(text) <= 200
            or text in credits
            or (len(text.split()) < 2 and text.endswith(":"))
        ):
            continue
        if in_figure or _CREDIT_TEXT.match(text):
            credits.append(text)
        if len(credits) >= 20:
            break
    return credits


#: A correction or editor's note box ("<div class='correction'>"), in several languages.
_CORRECTION_CLASS = re.compile(
    r"correction|clarification|editors?-?note|erratum|berichtigung", re.I
)
_CORRECTION_TEXT = re.compile(
    r"^\W*(?:(?:corrections?|clarifications?|editor[’']?s\s+note|berichtigung|korrektur"
    r"|richtigstellung|rectificatif|correctif|erratum|fe\s+de\s+erratas|correcci[óo]n|rettifica"
    r"|correzione|corre[çc][ãa]o|rectificaci[óo]n)\s*[:.—–-]|an\s+earlier\s+version\b)",
    re.I,
)


def correction_notes(root: etree._Element) -> list[str]:
    """The story's correction and editor's notes ("Correction: An earlier version of this
    article misstated ..."): main-text detection drops their boxes as furniture, and an
    editor must see that a story was corrected."""
    notes: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not _CORRECTION_CLASS.search(node_classes(element)):
            continue
        text = node_text(element)
        if 20 <= len(text) <= 1000 and _CORRECTION_TEXT.match(text) and text not in notes:
            notes.append(text)
        if len(notes) >= 5:
            break
    return notes


def _captions(root: etree._Element) -> list[str]:
    """Figure captions without their photo credits (those go to credits)."""
    captions: list[str] = []
    for element in root.iter("figcaption"):
        parts = [element.text or ""]
        for child in element:
            if not _CREDIT_CLASS.search(node_classes(child)):
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        text = clean_line("".join(parts))
        if text and text not in captions:
            captions.append(text)
        if len(captions) >= 30:
            break
    return captions


def _page_url(tree: etree._Element, ld: Mapping[str, Any]) -> str | None:
    canonical = next(
        (
            link.get("href")
            for link in tree.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ),
        None,
    )
    url = clean_line(canonical or "") or _meta(tree, "og:url") or ld_text(ld.get("url"))
    return url if url and re.match(r"https?://", url, re.I) else None


def plausible_site(candidates: list[str | None], url: str | None) -> str | None:
    """The first outlet name that the page's host name bears out.

    og:site_name sometimes holds a section ("U.S.") instead of the outlet;
    a real outlet name shares a word of three letters or more with its
    domain ("BBC News" / bbc.com, "the Guardian" / theguardian.com), or its
    initials lead it ("Mitteldeutsche Zeitung" / mz-web.de). Without a URL the
    first candidate is taken as is.
    """
    names = [c for c in candidates if c]
    if not names or not url:
        return names[0] if names else None
    key = host_key(url)
    for name in names:
        if any(host_bears(part, key) for part in _SITE_PARTS.split(name)):
            return name
    return None


def _tidy_site(name: str | None) -> str | None:
    """A site name without a dangling separator ("Jamaica Observer -") or a host's "www."."""
    if name is None:
        return None
    # An e-mail address beside the name is a contact; a URL for a name is its host's name.
    name = re.sub(r"\S+@\S+\.\w+", " ", name)
    name = re.sub(r"^https?://([^/\s]+)/?$", r"\1", name.strip())
    name = re.sub(r"^www\.(?=\S+\.\w+$)", "", name.strip()).strip(" -|–—:·")
    return " ".join(name.split()) or None


#: Microdata properties that hold the organisation behind the page.
_PUBLISHER_PROPS = frozenset({"publisher", "sourceorganization", "copyrightholder", "provider"})


def _microdata_publisher(tree: etree._Element) -> str | None:
    """The name of the organisation schema.org microdata says published the page
    (`<div itemprop="publisher" itemscope><meta itemprop="name" content="...">`)."""
    for element in tree.xpath("//*[@itemscope][@itemprop]"):
        if not _PUBLISHER_PROPS.intersection(element.get("itemprop").lower().split()):
            continue
        for child in element.xpath(".//*[@itemprop]"):
            if child.get("itemprop").lower() == "name":
                name = clean_line(child.get("content") or "".join(child.itertext()))
                if name:
                    return without_corporate_suffix(name)
    return None


#: "LinkNaija | Nigeria's popular news platform": a site name and its slogan.
_SITE_PARTS = re.compile(r"\s+[|–—-]\s+")


def site_masthead(site: str, url: str | None) -> str:
    """The part of a site name with a slogan that the host bears out ("LinkNaija")."""
    parts = _SITE_PARTS.split(site)
    if len(parts) == 1 or not url:
        return site
    key = host_key(url)
    return next((part for part in parts if host_bears(part, key)), site)


#: Where the <h1> stands among the title candidates of `read_page_meta`.
_H1_SLOT = 3


def _cut_at_quote(value: str, page_title: str) -> bool:
    """`page_title` goes on past `value` with a quotation mark: `value` was cut there."""
    return (
        len(page_title) > len(value)
        and page_title.startswith(value)
        and page_title[len(value) :].lstrip()[:1] in "\"'“„«‘"
    )


def _masthead_h1(tree: etree._Element, h1: str, meta: PageMeta) -> bool:
    """The first <h1> names the site (its stated name, or one its host bears out) or sits
    in its logo: the site's name set as a heading, no headline."""
    element = first_h1_element(tree)
    return names_site(h1, meta.site, meta.url) or (element is not None and is_masthead(element))


def read_page_meta(tree: etree._Element) -> PageMeta:
    """Every field's best candidate from the document's own markup."""
    ld = article_ld(tree)
    meta = PageMeta()
    stated_body = ld.get("articleBody")
    meta.body = stated_body if isinstance(stated_body, str) and stated_body.strip() else None
    meta.url = _page_url(tree, ld)
    meta.site = _tidy_site(
        plausible_site(
            [
                _meta(tree, "og:site_name"),
                # The name the site gives its own tab and app is the masthead ("Nature");
                # a publisher is often the company that owns it ("Springer Nature").
                _meta(tree, "application-name", "apple-mobile-web-app-title"),
                ld_text(ld.get("publisher")),
                _microdata_publisher(tree),
                _meta(tree, "publisher", "dc.publisher"),
                # The outlet's social handle ("@nytimes") when nothing better is given.
                (_meta(tree, "twitter:site") or "").lstrip("@") or None,
            ],
            meta.url,
        )
    )
    h1 = first_h1(tree)
    page_title = node_text(tree.find(".//title"))
    title_candidates = [
        (_meta(tree, "og:title"), False),
        (_meta(tree, "twitter:title"), False),
        (ld_text(ld.get("headline")), False),
        (h1, False),
        (page_title, True),
    ]
    for slot, (candidate, guess) in enumerate(title_candidates):
        if candidate:
            if slot < _H1_SLOT and _cut_at_quote(candidate, page_title):
                # A meta tag's value ends where the headline's own quotation mark closed its
                # attribute ('... califica a Biden de "incapacitado"'): the <title> has it whole.
                candidate, guess = page_title, True
            elif slot == _H1_SLOT and page_title and _masthead_h1(tree, h1, meta):
                # The page's only <h1> is its masthead: the <title> gives the headline beside it.
                element = first_h1_element(tree)
                logo = element is not None and is_masthead(element)
                candidate = headline_beside_site(h1, page_title, logo=logo) or candidate
            elif guess:
                candidate, shown = strip_title_lead(trail_end(candidate), tree, meta.site, meta.url)
                guess = not shown
            title = strip_site_suffix(candidate, meta.site, guess=guess)
            meta.title = shown_headline(tree, title, h1, meta.site, meta.url)
            break
    if meta.title:
        meta.title = strip_host_lead(meta.title, meta.url)
    headline = headline_without_kicker(first_h1_element(tree))
    if meta.title and headline and fold(headline) in fold(meta.title):
        # The title is the kicker and the headline run together: the headline alone.
        meta.title = headline
    if meta.site is None and page_title:
        meta.site = site_in_title(tree, page_title, meta.title, meta.url)
    # JSON-LD's author slot is structured enough to take a blog's lone user name ("Tine");
    # a meta tag's single word is too often a site or a placeholder.
    # A paper's Highwire / Google Scholar tags name exactly its authors.
    scholar = [scholar_name(name) for name in _meta_all(tree, "citation_author")]
    tagged = person_names(
        scholar
        or _meta_all(
            tree, "author", "article:author", "parsely-author", "sailthru.author", "dc.creator"
        )
    )
    in_ld = not_the_site(
        author_names(ld_authors(ld.get("author"), ld_ids(tree))), meta.site, meta.url
    )
    if in_ld and tagged and not set(map(fold, tagged)) & set(map(fold, in_ld)):
        # A tag naming only the publisher ("Condé Nast") beside JSON-LD's writer.
        publishers = set(publisher_names(tree, tagged))  # one scan of the page, not one a name
        tagged = [name for name in tagged if name not in publishers]
    # A meta tag often names only the first author; JSON-LD naming them all wins.
    meta.authors = with_coauthors(tagged, in_ld) if tagged else in_ld
    if not meta.authors:
        meta.byline_authors = person_names(_byline_candidates(tree))
    stated_published = _meta(tree, *_PUBLISHED_KEYS) or ld.get("datePublished")
    meta.published = choose_published(
        (
            _meta(
                tree,
                *_PUBLISHED_KEYS,
                "pubdate",
                "publishdate",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "date",
            ),
            ld.get("datePublished"),
            page_published(tree),
            time_element_date(tree),
            # When the article's JSON-LD gives no publication date, the day it was
            # written comes before the day it was last changed.
            ld.get("dateCreated"),
            ld.get("dateModified"),
            _meta(tree, "article:modified_time"),
        ),
        meta.url,
        published=stated_published if isinstance(stated_published, str) else None,
        modified=[ld.get("dateModified"), *_meta_all(tree, *_MODIFIED_KEYS)],
    )
    root = _article_root(tree)
    meta.dek = (
        _standfirst(tree)
        or _meta(tree, "og:description", "description", "twitter:description")
        or ld_text(ld.get("description"))
    )
    declared = [
        clean_line(v) for v in (tree.get("lang"), _meta(tree, "og:locale", "language")) if v
    ]
    lang = declared[0] if declared else None
    meta.language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    # The locale with a region ("en-GB"), which tells how the page writes its numeric dates.
    meta.locale = next((v for v in declared if "-" in v or "_" in v), lang)
    meta.captions = _captions(root)
    meta.corrections = correction_notes(root)
    meta.credits = _credits(root)
    meta.links = related_links(root, meta.url)
    return meta


def not_the_site(names: list[str], site: str | None, url: str | None) -> list[str]:
    """`names` without the site's own name ("Hejfish" on hejfish.com): an outlet, not an author.

    A blog's sub-domain ("tine.example.org") is its author's, so only the
    domain's own label and the site name count.
    """
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.removeprefix("www.").split(".")
    keys = {_squash(site or "")}
    if len(labels) >= 2:
        # The host title-cased into a name: "Larepublica Pe", "Wien Orf".
        keys.update(_squash(part) for part in (labels[-2], "".join(labels[-2:])))
        keys.add(_squash("".join(labels[:-1])))
    keys.discard("")
    # A desk or a section of the site ("Sekretariat Partei Mensch Umwelt Tierschutz",
    # "Noticias El Comercio Perú"): a name of several words that holds the site's whole.
    whole = _squash(site or "") if len(WORD.findall(site or "")) >= 2 else ""
    return [
        name
        for name in names
        if _squash(name) not in keys
        and not (whole and len(_squash(name)) > len(whole) and whole in _squash(name))
    ]


def _squash(text: str) -> str:
    return "".join(WORD.findall(text)).casefold()
