"""Naming the outlet: footers, mastheads, appeals, page-title suffixes, dateline credits."""

from __future__ import annotations

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.outlet import appeal_outlet, outlet_from_footer, site_line_outlet
from newsdesk.model import Extracted

_BODY = (
    "The regional council voted on Monday to close two branch libraries next spring, "
    "citing a shortfall of four million in next year's budget.\n\n"
    "Library users said the decision would hit older residents hardest and asked the "
    "council to delay the closures until a public consultation had been held.\n\n"
)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2026 Goldfields Courier Pty Ltd", "Goldfields Courier"),
        ("© 2026 Rheinische Rundschau GmbH. Alle Rechte vorbehalten.", "Rheinische Rundschau"),
        ("Copyright 2026 Valley Post Media Group", "Valley Post"),
        ("© 2026 The Westerly Times Ltd.", "The Westerly Times"),
    ],
)
def test_footer_drops_legal_suffixes(line: str, name: str) -> None:
    assert outlet_from_footer(line) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Subscribe to The Northfield Courier for unlimited access.", "The Northfield Courier"),
        (
            "Sign up to the Health Brief, our weekly newsletter from The Meridian Tribune.",
            "The Meridian Tribune",
        ),
        ("The Liffey Times newsletter", "The Liffey Times"),
        ("Sign up for the Andes Monitor sport newsletter", "Andes Monitor"),
    ],
)
def test_appeals_name_the_outlet(line: str, name: str) -> None:
    assert appeal_outlet(f"Some text.\n\n{line}\n") == name


def test_appeal_without_a_masthead_word_names_nothing() -> None:
    assert appeal_outlet("Sign up to Morning Briefing\nSubscribe to our newsletter\n") is None


def test_masthead_under_navigation_and_in_other_languages() -> None:
    assert site_line_outlet("Skip to main content\nLE COURRIER DU RHÔNE\nCulture\n") == (
        "Le Courrier du Rhône"
    )
    assert (
        site_line_outlet("Menu\nHeadline about the Daily News strike\n", "Headline about") is None
    )


def test_page_title_suffix_names_the_outlet() -> None:
    page = "Council votes to close two branch libraries | Tech Ledger\n\n" + _BODY
    meta = extract_page(page)
    assert meta.title == "Council votes to close two branch libraries"
    assert meta.source == "Tech Ledger"
    assert meta.dek is None


def test_dateline_wire_yields_to_the_publisher_it_appears_under() -> None:
    page = (
        "Council votes to close two branch libraries\n\nBy Ana Berg\n\n"
        "KASSEL (ndp) – " + _BODY + "© 2026 Hessische Rundschau GmbH. Alle Rechte vorbehalten.\n"
    )
    assert extract_page(page).source == "Hessische Rundschau"


def test_dateline_credit_the_page_repeats_is_the_site() -> None:
    page = (
        "KXYZ Austin\n\nCouncil votes to close two branch libraries\n\nBy Ana Berg\n\n"
        "AUSTIN (KXYZ) — "
        + _BODY
        + "Copyright 2026 Parent Broadcasting Inc. All rights reserved.\n"
    )
    assert extract_page(page).source == "KXYZ"


def test_headline_repeated_under_the_page_title_is_not_the_dek() -> None:
    page = (
        "Council votes to close two branch libraries - The Harbour Ledger\n\nOpinion\n\n"
        "Council votes to close two branch libraries\n\n"
        "Readers will lose more than books, and the savings are smaller than claimed\n\n"
        "Ana Berg\n\n" + _BODY
    )
    meta = extract_page(page)
    assert meta.source == "The Harbour Ledger"
    assert meta.dek == "Readers will lose more than books, and the savings are smaller than claimed"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Get the Westbrook Echo newsletter", "Westbrook Echo"),
        ("Read us daily. Subscribe to the Westbrook Echo.", "Westbrook Echo"),
        ("Published by Westbrook Echo Ltd, 12 Mill Lane.", "Westbrook Echo"),
    ],
)
def test_more_appeal_shapes(line: str, name: str) -> None:
    assert appeal_outlet(f"Some text.\n\n{line}\n") == name


def test_middle_dot_title_suffix() -> None:
    meta = extract_page("Council votes to close two branch libraries · Westbrook Echo\n\n" + _BODY)
    assert meta.title == "Council votes to close two branch libraries"
    assert meta.source == "Westbrook Echo"


@pytest.mark.parametrize(
    ("masthead", "footer", "source"),
    [
        # The company is named after the masthead the page shows first: the masthead.
        ("Harbour Daily", "© 2026 Harbour Daily Media GmbH", "Harbour Daily"),
        ("#Harbour Daily", "© 2026 Harbour Daily Media GmbH", "Harbour Daily"),
        (
            "The Lakeshore Herald › Local",
            "© 2026 Lakeshore Herald News & Media",
            "The Lakeshore Herald",
        ),
        # A company of another name may own several mastheads: its own name stays.
        ("Kestrel News › Technology", "© 2026 Northwind Publishing Group", "Northwind"),
    ],
)
def test_a_company_named_after_its_masthead_gives_the_masthead(
    masthead: str, footer: str, source: str
) -> None:
    page = (
        f"{masthead}\n\nCouncil votes to close two branch libraries\n\nBy Ana Berg\n\n"
        + _BODY
        + f"{footer}. All rights reserved.\n"
    )
    assert extract_page(page).source == source


def test_a_captions_picture_credit_names_no_outlet() -> None:
    from newsdesk.extract.outlet import outlet_from_footer

    assert outlet_from_footer("Der Bartgeier über dem Tal im Flug. © Jana Berg") is None
    assert outlet_from_footer("© Seeblatt") == "Seeblatt"
    assert outlet_from_footer("© 2026 The Westerly Times Ltd.") == "The Westerly Times"


def test_a_section_word_is_never_the_outlet() -> None:
    """A menu's "- News" on the first lines (a text copy of The Hill or The Independent)
    and a footer naming only "Media" say what kind of page it is, not whose."""
    menu = "Skip to main content\n\n- sign up for newsletters\n- News\n\n- Senate\n"
    assert site_line_outlet(menu) is None
    assert site_line_outlet("- News\n- UK\n") is None
    assert outlet_from_footer("Copyright © 2021 Media") is None
    # Mastheads keep their names, marks or not.
    assert site_line_outlet("* Kestrel News\nTechnology\n") == "Kestrel News"
    assert site_line_outlet("- Westerly Times\n- Sport\n") == "Westerly Times"
    assert outlet_from_footer("© 2026 The Westerly Times Ltd.") == "The Westerly Times"


@pytest.mark.parametrize(
    "line",
    ["© RIPRODUZIONE RISERVATA", "© Riproduzione riservata.", "© Reproducción prohibida"],
)
def test_reproduction_reserved_names_no_owner(line: str) -> None:
    assert outlet_from_footer(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("© 2025 Northwoods Media Co.", "Northwoods Media"),
        ("© EDICIONES EL CORREO DEL SUR S.L.", "Ediciones el Correo del SUR"),
    ],
)
def test_a_legal_form_ending_in_a_full_stop_is_dropped(line: str, name: str) -> None:
    assert outlet_from_footer(line) == name


@pytest.mark.parametrize(
    ("top", "footer", "source"),
    [
        # The masthead over the navigation; the company that publishes it in the footer.
        (
            "Ir al contenido\nEL CORREO DEL SUR",
            "© EDICIONES EL CORREO DEL SUR S.L.",
            "El Correo del",
        ),
        ("Vai al contenuto\nLa Voce di Bergamo", "© RIPRODUZIONE RISERVATA", "La Voce di Bergamo"),
        # The masthead set beside the copyright line.
        ("Menu", "Northwoods News Tribune\n© 2025 Northwoods Media Co.", "Northwoods News Tribune"),
    ],
)
def test_the_masthead_beats_its_publishing_company(top: str, footer: str, source: str) -> None:
    page = (
        f"{top}\n\nCouncil votes to close two branch libraries\n\nBy Ana Berg\n\n{_BODY}{footer}\n"
    )
    assert (extract_page(page).source or "").startswith(source)


def test_a_label_line_is_no_masthead() -> None:
    assert site_line_outlet("News provided by\nBrightline Robotics\n") is None


def test_a_press_release_s_issuer_under_its_label_is_the_source_not_an_author() -> None:
    page = (
        "Brightline Robotics raises $85 million to expand in Europe\n\n"
        "News provided by\n\nBrightline Robotics\n\nOct 07, 2025, 08:00 ET\n\n" + _BODY
    )
    hints = Extracted(title="Brightline Robotics raises $85 million to expand in Europe")
    meta = extract_page(page, hints, main_text=True)
    assert meta.source == "Brightline Robotics"
    assert meta.authors == []
    assert meta.body.startswith("The regional council")


def test_a_feed_link_s_label_is_not_part_of_the_masthead() -> None:
    assert site_line_outlet("#RSS La Stampa - News dall'Italia e dal mondo\nCronaca\n") == (
        "La Stampa"
    )


def test_a_link_beside_the_copyright_line_that_names_the_company_is_no_masthead() -> None:
    footer = "Alma Media yhteystiedot\n© Alma Media Oyj 2016"
    page = (
        f"Menu\n\nCouncil votes to close two branch libraries\n\nBy Ana Berg\n\n{_BODY}{footer}\n"
    )
    assert extract_page(page).source == "Alma Media"
