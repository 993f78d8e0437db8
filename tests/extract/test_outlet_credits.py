"""The outlet is the site's name, never a picture's credit, a contact or a parent company."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.boilerplate import is_boilerplate, is_contact_line, is_end_marker
from newsdesk.extract.company_masthead import holder_brand
from newsdesk.extract.outlet import outlet_from_footer
from newsdesk.ingest import load_bytes
from newsdesk.ingest.loader import load_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

STORY = (
    "Officials said on Tuesday that the new ferry would start service in the spring, "
    "after two years of delays at the yard and a long dispute over its engines.\n\n"
    "The council voted to pay the last instalment once the trials are finished, "
    "and the operator said tickets would go on sale next month."
)


@pytest.mark.parametrize(
    "line",
    [
        "Fotocredit: Ilze Kitshoff © 2021 CTMG, Inc. All Rights",
        "© Oli Scarff/Getty Images",
        "© AP Photo/Evan Vucci",
        "Photo: © Jane Roe",
        "Bild: © Imago",
        "© Getty Images",
    ],
)
def test_a_pictures_credit_names_no_outlet(line: str) -> None:
    assert outlet_from_footer(line) is None


def test_a_footer_keeps_the_name_without_its_contact_address() -> None:
    assert outlet_from_footer("© Jana Berg info@berg-gutachten.de") == "Jana Berg"
    assert outlet_from_footer("© 2026 The Westerly Times Ltd.") == "The Westerly Times"


def test_a_wire_named_under_a_picture_is_its_credit_not_the_outlet() -> None:
    page = (
        "Harbour ferry to start service in spring\n\n"
        "November 19, 2026 | 4:20am\n\n"
        "Enlarge Image\n"
        "The new ferry (left) beside the old one at the yard in Westport\n"
        "AP\n\n" + STORY + "\n\n"
        "Kestrel Post\n\n"
        "© 2026 Kestrel Post Holdings, Inc. All Rights Reserved"
    )
    meta = extract_page(page)
    assert meta.source != "AP"
    assert meta.source == "Kestrel Post"
    # Right under the byline the wire is the story's outlet.
    wire = "Harbour ferry to start service in spring\n\nBy Jana Berg\nAP\n\n" + STORY
    assert extract_page(wire).source in {"AP", "Associated Press"}


def test_a_company_holder_yields_the_brand_the_page_uses() -> None:
    text = "CNN reports. CNN said. More on CNN.\n© 2019 Cable News Network. All Rights Reserved."
    assert holder_brand("Cable News Network", text, [], rights=True) == "CNN"
    # A last word alone is no brand ("Times" of "Los Angeles Times").
    times = "The Times said. Times readers. Times.\n© 2019 Los Angeles Times"
    assert holder_brand("Los Angeles Times", times, ["Times"], rights=True) is None
    assert holder_brand("Thomson Reuters", "", ["Reuters"], rights=False) == "Reuters"
    # The page names the holder itself throughout: it is the outlet.
    westerly = "The Westerly Times said. The Westerly Times. The Westerly Times. TWT TWT TWT"
    assert holder_brand("The Westerly Times", westerly, [], rights=True) is None


def test_cnn_over_its_legal_name_on_a_page() -> None:
    page = (
        "Harbour ferry to start service in spring\n\nBy Jana Berg, CNN\n\n"
        + STORY
        + "\n\nCNN's Tom Hale contributed.\n\nMore from CNN\n\n"
        "© 2019 Cable News Network. All Rights Reserved."
    )
    assert extract_page(page).source == "CNN"


def _html(site: str, url: str, footer: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    return (
        f"<html><head><title>Harbour ferry to start service</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<link rel="canonical" href="{url}"></head><body><article>'
        f"<h1>Harbour ferry to start service</h1>{paragraphs}<p>{footer}</p>"
        f"</article><footer><p>{footer}</p></footer></body></html>"
    ).encode()


def test_og_site_name_outranks_a_credit_in_the_footer() -> None:
    page = _html(
        "RosaMag",
        "https://rosa-mag.example/ferry",
        "Fotocredit: Ilze Kitshoff © 2021 CTMG, Inc. All Rights Reserved",
    )
    item = load_bytes(page, "ferry.html").items[0]
    assert item.source is not None and "Fotocredit" not in item.source


def test_a_url_for_a_site_name_becomes_the_hosts_name() -> None:
    page = _html("https://pawszilla.example", "https://pawszilla.example/cats", "")
    assert load_bytes(page, "cats.html").items[0].source == "pawszilla.example"


@pytest.mark.parametrize(
    "line",
    [
        "paul.takahashi@chron.example",
        "twitter.com/paultakahashi",
        "Write to Al Root at allen.root@dowjones.example",
        "Reach the reporters on Twitter at http://twitter.com/MegK and http://twitter.com/em",
        "Twitter: @BSI_Bund",
    ],
)
def test_a_contact_line_closing_the_story_is_dropped(line: str) -> None:
    assert is_contact_line(line)
    assert not is_contact_line("He wrote to the agency at press@agency.example to complain.")


@pytest.mark.parametrize("line", ["Main image credit: Getty", "Learn more", "UK news in pictures"])
def test_a_credit_button_or_gallery_link_is_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Explore further", "Kestrel 주요뉴스"])
def test_a_related_links_heading_ends_the_story(line: str) -> None:
    assert is_end_marker(line)
    # A sentence with an address, a gallery's headline: text.
    assert not is_boilerplate("He wrote to the agency at press@agency.example to complain.")
    assert not is_end_marker("Super blue blood moon – in pictures")


def _real(path: str) -> Path:
    found = SHARED / path
    if not found.exists():
        pytest.skip("../shared is not present")
    return found


@pytest.mark.parametrize(
    ("path", "outlet"),
    [
        ("realworld/text/nypost-taliban-hostage-swap.txt", "New York Post"),
        ("realworld/text/cnn-trump-health-analysis.txt", "CNN"),
        ("realworld/text/reuters-markets-oil.txt", "Reuters"),
        ("realworld-peer/trafeval/html/pawszilla.com.celine.html.gz", "pawszilla.com"),
        ("realworld-peer/trafeval/html/buero-hoppe.de.baumgutachten.html.gz", "Lüder Hoppe"),
    ],
)
def test_real_pages_name_their_outlet(path: str, outlet: str) -> None:
    assert load_file(_real(path)).items[0].source == outlet


def test_real_pages_site_name_over_a_section_or_a_credit() -> None:
    peer = "realworld-peer/aeb/html/"
    apple = _real(peer + "65bf3048b500bbd84928d9122f99617ca898216b91add1d8b2ac09c670484a5c.html.gz")
    chron = _real(peer + "9ebb3af65694a953005df5bd3869b2cefc263e1dea0471e3ef361c66a264cdd3.html.gz")
    assert load_file(apple).items[0].source == "AppleInsider"
    assert load_file(chron).items[0].source == "Houston Chronicle"
    # A holder's last word alone is no brand: the Los Angeles Times stays itself.
    latimes = _real("realworld/text/latimes-disney-plus-glitches.txt")
    assert load_file(latimes).items[0].source == "Los Angeles Times"
    rosa = load_file(_real("realworld-peer/trafeval/html/rosa-mag.de.womanking.html.gz"))
    assert "Fotocredit" not in (rosa.items[0].source or "")


def test_an_address_inside_a_real_story_stays() -> None:
    page = _real("realworld-peer/trafeval/html/sauvonsluniversite.com.spip.html.gz")
    chron = _real(
        "realworld-peer/aeb/html/9ebb3af65694a953005df5bd3869b2cefc263e1dea0471e3ef361c66a264cdd3.html.gz"
    )
    assert "suivi.reformes.blanquer@gmail.com" in (load_file(page).items[0].body or "")
    assert "paul.takahashi@" not in (load_file(chron).items[0].body or "")
