"""The outlet is the masthead an editor knows, not the company behind it (issue 11
item 4): footers that name the owner, sites that say whose they are, site names
squashed into a handle, and a site name with its slogan."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract.outlet import outlet_from_footer, owned_outlet, respell
from newsdesk.ingest import load_file

_PARAGRAPHS = (
    "The harbour board agreed on Tuesday to dredge the north channel before the winter "
    "storms, after two grain ships ran aground there in October.\n\n"
    "Pilots had warned for a year that silt was building up faster than the board's "
    "survey boat could measure it, the chair of the pilots' association said.\n\n"
    "The work will cost about 3 million and close the channel for nine days in November.\n\n"
)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # The company, then its masthead after a dash.
        ("© Nordmark Zeitschriftenverlag GmbH - KÜSTEN UND HAFEN", "Küsten und Hafen"),
        # A legal form run: the publishing house's "Verlag" goes only with it.
        ("© 2026 WESTWIND Verlag GmbH & Co", "Westwind"),
        ("© 2026 Harbourside Psychologen Verlag", "Harbourside Psychologen Verlag"),
        ("Copyright © 2026 Marrowby Media Network", "Marrowby"),
        # What follows the owner's name is not part of it.
        ("© 2026 The Marrowby Post unless otherwise noted", "The Marrowby Post"),
        ("© 2026 Kestrel Institute, a 501(c)(3) nonprofit organization", "Kestrel Institute"),
        ("© 2026 Lowland Courier (www.lowlandcourier.example)", "Lowland Courier"),
        ("© 2026 Andes Monitor. Todos los derechos reservados.", "Andes Monitor"),
        ("© 2026 Gazette du Lac. Tous droits réservés.", "Gazette du Lac"),
        ("© 2026 Fiume Notizie. Tutti i diritti riservati.", "Fiume Notizie"),
        # The company when what follows the dash says who owns it, not a name.
        ("© Kestrel Publishing GmbH - ein Unternehmen der Kestrel Gruppe", "Kestrel"),
        ("© 2026 WATTEN ist Teil der Nordmark Presse GmbH & Co. KG", "Watten"),
    ],
)
def test_footer_names_the_masthead(line: str, name: str) -> None:
    assert outlet_from_footer(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Copyright © 2002-2026 - Designed by Pixel Forge Studio - Powered by Somecms",
        "© 2026 Derechos Reservados",
    ],
)
def test_a_footer_that_names_no_outlet(line: str) -> None:
    assert outlet_from_footer(line) is None


def test_a_site_that_says_whose_it_is_is_named_not_its_owner() -> None:
    text = (
        _PARAGRAPHS
        + "Harbour Lights is part of Greywater Digital Inc, a group of coastal titles.\n\n"
        + "© 2026 Greywater Digital Inc. All rights reserved.\n"
    )
    assert owned_outlet(text, ["Greywater Digital"]) == "Harbour Lights"
    # Only when the owner is the one the footer named.
    assert owned_outlet(text, ["Someone Else"]) is None


@pytest.mark.parametrize(
    "line",
    [
        "The Quayside Wire is a greywater digital network",
        "Harbour Lights is a Greywater Digital publication.",
        "Harbour Lights is an independent Greywater Digital title",
    ],
)
def test_a_site_that_names_its_owner_first_is_named_not_its_owner(line: str) -> None:
    text = _PARAGRAPHS + line + "\n\n© 2026 Greywater Digital, LLC. All rights reserved.\n"
    site = line.split(" is ")[0]
    assert owned_outlet(text, ["Greywater Digital"]) == site
    assert owned_outlet(text, ["Someone Else"]) is None


def test_a_text_copy_is_credited_to_the_masthead(tmp_path: Path) -> None:
    page = tmp_path / "dredging.txt"
    page.write_text(
        "Dredging to start before the storms\n\n"
        + _PARAGRAPHS
        + "Harbour Lights is part of Greywater Digital Inc, a group of coastal titles.\n\n"
        + "© 2026 Greywater Digital Inc. All rights reserved.\n",
        encoding="utf-8",
    )
    [item] = load_file(page).items
    assert item.source == "Harbour Lights"


@pytest.mark.parametrize(
    ("site", "text", "name"),
    [
        ("westerlytimes", "News from The Westerly Times. Westerly Times sport.", "Westerly Times"),
        ("@KestrelNews", "Kestrel News at six. Kestrel News weather.", "Kestrel News"),
        ("harbourlights", "Read Harbour Lights daily. HARBOUR LIGHTS", "Harbour Lights"),
        # An all-lower-case handle takes the page's capitals when it has no spaces.
        ("factcheckr", "FactCheckr rates it false. FactCheckr", "FactCheckr"),
        # A name with capitals of its own keeps them when the page has no spaced form.
        ("FactCheckr", "factcheckr", "FactCheckr"),
        ("BBC", "B B C", "BBC"),
        # Short joining words inside the name; "The" where the page mostly puts it.
        ("lagunagazette", "Read Laguna Gazette today", "Laguna Gazette"),
        (
            "timesofkestrel",
            "The Times of Kestrel. Subscribe to The Times of Kestrel.",
            "The Times of Kestrel",
        ),
        (
            "timesofkestrel",
            "Times of Kestrel. The Times of Kestrel. Times of Kestrel",
            "Times of Kestrel",
        ),
        # A sentence that happens to hold the letters is no name.
        ("timesofkestrel", "times of Kestrel", "timesofkestrel"),
        ("nowhere", "nothing here", "nowhere"),
    ],
)
def test_a_squashed_site_name_is_spelled_as_the_page_spells_it(
    site: str, text: str, name: str
) -> None:
    assert respell(site, text) == name


def _html(site: str, url: str, twitter: str = "") -> str:
    handle = f'<meta name="twitter:site" content="{twitter}">' if twitter else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS.split("\n\n") if p)
    return (
        "<html><head><title>Dredging to start before the storms</title>"
        f'<meta property="og:site_name" content="{site}">{handle}'
        f'<link rel="canonical" href="{url}"></head><body><header>Kestrel News</header>'
        f"<article><h1>Dredging to start before the storms</h1>{paragraphs}</article>"
        "<footer>Kestrel News, 4 Quay Street</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("site", "url", "twitter", "name"),
    [
        # The handle-like og:site_name, spelled as the page spells it.
        ("kestrelnews", "https://www.kestrelnews.example/a/1", "", "Kestrel News"),
        # The masthead's initials lead the host: the name, not the social handle.
        (
            "Nordhafen Zeitung",
            "https://www.nz-online.example/a/1",
            "@nzonline",
            "Nordhafen Zeitung",
        ),
        # A site name with its slogan: the part the host bears out.
        (
            "Kestrel News | Your coast, every day",
            "https://kestrelnews.example/1",
            "",
            "Kestrel News",
        ),
    ],
)
def test_an_html_page_is_credited_to_its_masthead(
    tmp_path: Path, site: str, url: str, twitter: str, name: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(_html(site, url, twitter), encoding="utf-8")
    [item] = load_file(page).items
    assert item.source == name


def _page(head: str, url: str = "https://www.kestrelnews.example/a/1") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS.split("\n\n") if p)
    return (
        f"<html><head><title>Dredging to start before the storms</title>{head}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f"<article><h1>Dredging to start before the storms</h1>{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "name"),
    [
        # The name the site gives its tab and app, not the company in its JSON-LD.
        (
            '<meta name="application-name" content="Kestrel News">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Dredging",'
            ' "publisher": {"@type": "Organization", "name": "Kestrel Holdings"}}</script>',
            "Kestrel News",
        ),
        # A separator left dangling, a host name's "www.".
        ('<meta property="og:site_name" content="Kestrel News -">', "Kestrel News"),
        ('<meta property="og:site_name" content="www.kestrelnews.example">', "kestrelnews.example"),
    ],
)
def test_the_site_name_is_the_masthead_from_the_markup(
    tmp_path: Path, head: str, name: str
) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(head), encoding="utf-8")
    [item] = load_file(page).items
    assert item.source == name


def test_microdata_names_the_publisher_without_its_legal_form(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body_org = (
        '<div itemprop="copyrightHolder publisher" itemscope itemtype="https://schema.org/Organization">'
        '<meta itemprop="name" content="Kestrel News GmbH"></div>'
    )
    html = _page('<meta name="twitter:site" content="@kestrelnews">').replace(
        "</article>", f"</article>{body_org}"
    )
    page.write_text(html, encoding="utf-8")
    [item] = load_file(page).items
    assert item.source == "Kestrel News"


def test_a_media_groups_copyright_gives_way_to_the_pages_own_masthead(tmp_path: Path) -> None:
    # "© Hearst Communications" under a Connecticut story named the owner, not the paper.
    page = tmp_path / "ferry.txt"
    page.write_text(
        "Skip to main content\n\nContact Harbour Ledger\n\nFerry fares rise for the winter\n\n"
        + _PARAGRAPHS
        + "© 2026 Hearst Communications, Inc. All rights reserved.\n",
        encoding="utf-8",
    )
    [item] = load_file(page).items
    assert item.source == "Harbour Ledger"
    # With nothing else on the page, the group is still better than no outlet.
    bare = tmp_path / "bare.txt"
    bare.write_text(
        "Ferry fares rise for the winter\n\n"
        + _PARAGRAPHS
        + "© 2026 Hearst Communications, Inc. All rights reserved.\n",
        encoding="utf-8",
    )
    [item] = load_file(bare).items
    assert item.source == "Hearst Communications"
