"""extract_page end to end on pages written for these tests, and on the shared seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdesk.extract import enrich, extract_page
from newsdesk.extract.lines import _DENSE
from newsdesk.model import Extracted

WHOLE_PAGE = """Skip to main content
The Harbour Gazette
Home » News » Transport
- News
- Sport
- Weather
TRANSPORT

Storm halts northern ferries for a second day

Operators say services should resume on Tuesday once winds ease along the coast

By Ines Lopes and Tomas Reyes
Tuesday 14 March 2025 07:40 GMT

Share this with Facebook
Share this with Twitter

Waves break over the harbour wall at Northport on Monday. Photo: Ivo Mares/Northern Wire

NORTHPORT, Westland — Ferry operators on the northern route cancelled every sailing on Monday after gusts of more than 100 kilometres an hour battered the coast, the harbour authority said.

Passengers waiting at the terminal were offered hotel rooms. "We would rather lose a day than lose a ship," said Captain Aldo Brandt, who commands the largest vessel on the route.

Advertisement

The authority said the storm was the worst since a gale on 2 February 2019 closed the port for four days.

Operators expect to publish a revised timetable on Tuesday morning.

Edited by Carla Mendes

Related:
- Why winter storms are getting stronger
- Ferry fares to rise in April

Most read
1. Council approves new bus lanes
2. Fishing fleet stays in port

Add your comment by filling out the form below. Comments are approved by a moderator.

Support independent journalism. Donate today.

We use cookies to improve your experience. Manage preferences

© 2025 The Harbour Gazette Ltd. All rights reserved.
"""

WIRE = """Northern Wire Service
Business | Fri Mar 14, 2025 | 9:10am GMT

Shipyard wins order for three electric ferries

By Oskar Lind

GOTHENBURG, March 14 (NWS) - A Swedish shipyard has won an order to build three battery-powered ferries for the island routes, the company said on Friday.

The vessels will be delivered from 2028, chief executive Maja Ek said, adding that the yard would hire 200 workers to build them.

(Reporting by Oskar Lind; Editing by Tom Reed)

Our Standards: The Northern Wire Service Trust Principles.

© 2025 Northern Wire Service. All rights reserved.
"""


def test_whole_page() -> None:
    meta = extract_page(WHOLE_PAGE)
    assert meta.title == "Storm halts northern ferries for a second day"
    assert (
        meta.dek
        == "Operators say services should resume on Tuesday once winds ease along the coast"
    )
    assert meta.authors == ["Ines Lopes", "Tomas Reyes"]
    assert meta.published == "2025-03-14T07:40:00+00:00"
    assert meta.dateline == "Northport, Westland"
    assert meta.source == "The Harbour Gazette"
    assert "Edited by Carla Mendes" in meta.credits
    assert "Photo: Ivo Mares/Northern Wire" in meta.credits
    assert meta.captions == ["Waves break over the harbour wall at Northport on Monday."]
    titles = [link.title for link in meta.links]
    assert "Why winter storms are getting stronger" in titles
    # "Most read" lists the site's other stories: neither this story's links nor its body.
    assert "Council approves new bus lanes" not in titles
    assert "Council approves new bus lanes" not in meta.body
    assert meta.body.startswith("NORTHPORT, Westland — Ferry operators")
    assert meta.body.endswith("revised timetable on Tuesday morning.")
    for junk in (
        "Share this",
        "Advertisement",
        "Edited by",
        "Related",
        "cookies",
        "Donate",
        "moderator",
        "©",
        "Photo:",
        "Most read",
        "Why winter storms",
    ):
        assert junk not in meta.body
    assert "\n\n" in meta.body
    assert meta.language == "en"
    assert meta.word_count > 50


def test_quoted_person_is_not_an_author() -> None:
    meta = extract_page(WHOLE_PAGE)
    assert "Aldo Brandt" not in meta.authors


def test_date_in_body_is_not_published() -> None:
    page = WHOLE_PAGE.replace("Tuesday 14 March 2025 07:40 GMT\n", "")
    meta = extract_page(page)
    assert meta.published is None  # 2 February 2019 is only mentioned in the text


def test_wire_story() -> None:
    meta = extract_page(WIRE)
    assert meta.title == "Shipyard wins order for three electric ferries"
    assert meta.authors == ["Oskar Lind"]
    assert meta.dateline == "Gothenburg"
    assert meta.source == "Northern Wire Service"
    assert meta.source_short == "NWS"
    assert meta.published == "2025-03-14T09:10:00+00:00"
    assert meta.credits == ["Reporting by Oskar Lind; Editing by Tom Reed"]
    assert meta.body.endswith("hire 200 workers to build them.")
    assert "Tom Reed" not in meta.authors


def test_main_text_without_navigation() -> None:
    text = (
        "By Oskar Lind\n\n"
        "GOTHENBURG (NWS) — A Swedish shipyard has won an order to build three battery-powered ferries "
        "for the island routes, the company said on Friday.\n\n"
        "The vessels will be delivered from 2028, chief executive Maja Ek said on Friday afternoon.\n"
    )
    hints = Extracted(
        title="Shipyard wins order for three electric ferries", source="Northern Wire Service"
    )
    meta = extract_page(text, hints)
    assert meta.title == "Shipyard wins order for three electric ferries"
    assert meta.authors == ["Oskar Lind"]
    assert meta.source == "Northern Wire Service"
    assert meta.dateline == "Gothenburg"
    assert meta.body.startswith("GOTHENBURG (NWS)")


def test_hints_win_when_plausible() -> None:
    hints = Extracted(
        title="A different headline from the page meta",
        authors=["Ana Silva"],
        published="2025-03-01",
    )
    meta = extract_page(WHOLE_PAGE, hints)
    assert meta.title == "A different headline from the page meta"
    assert meta.authors == ["Ana Silva"]
    assert meta.published == "2025-03-01"
    assert meta.dateline == "Northport, Westland"


def test_rich_markup_stays_literal() -> None:
    page = (
        "[bold red]Alert[/] patch fixes terminal rendering bug\n\nBy Ines Lopes\n\n"
        + WIRE.split("\n\n", 3)[3]
    )
    meta = extract_page(page)
    assert meta.title == "[bold red]Alert[/] patch fixes terminal rendering bug"


def test_controls_are_stripped() -> None:
    page = (
        "Storm \x1b[31mhalts\x1b[0m northern ferries for a second day\n\nBy Ines Lopes\n\n"
        + WIRE.split("\n\n", 3)[3]
    )
    meta = extract_page(page)
    assert "\x1b" not in meta.title
    assert "\x1b" not in meta.body


def test_right_to_left_and_emoji() -> None:
    page = (
        "عاصفة توقف العبارات الشمالية لليوم الثاني\n\n"
        + "قالت سلطة الميناء إن مشغلي العبارات ألغوا جميع الرحلات يوم الاثنين بعد رياح قوية ضربت الساحل 🌊. "
        * 3
    )
    meta = extract_page(page)
    assert meta.language == "ar"
    assert meta.body


def test_enrich_keeps_set_fields() -> None:
    meta = Extracted(
        body="The council said on Monday that it would open the bridge.",
        language="fr",
        word_count=3,
    )
    enrich(meta)
    assert meta.language == "fr"
    assert meta.word_count == 3


def test_repeated_paragraphs_are_kept() -> None:
    para = "The harbour authority said every sailing on the northern route was cancelled on Monday."
    meta = extract_page("\n\n".join([para] * 200))
    assert meta.body.count(para) == 200


def test_empty_and_junk_inputs() -> None:
    for text in (
        "",
        "   \n\n  ",
        "\x00\x01\x02",
        "a" * 200_000,
        "word " * 100_000,
        "\n" * 50_000,
        "é" * 1000 + "\n" + "🌊" * 500,
    ):
        meta = extract_page(text)
        assert isinstance(meta, Extracted)
        assert "\x00" not in meta.body


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_never_raises(text: str) -> None:
    meta = extract_page(text)
    assert isinstance(meta.title, str)
    assert isinstance(meta.body, str)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "By Ines Lopes",
                "Related:",
                "- Item one",
                "© 2025 X",
                "14 March 2025",
                "Advertisement",
                "Storm halts northern ferries for a second day",
                "NORTHPORT — Ferry operators cancelled every sailing on Monday after gusts battered the coast.",
                "Edited by Carla Mendes",
                "Photo: Ivo Mares",
                "Most read",
                "1. Council approves new bus lanes",
            ]
        ),
        max_size=60,
    )
)
def test_never_raises_on_shuffled_page_parts(parts: list[str]) -> None:
    meta = extract_page("\n".join(parts))
    assert "Carla Mendes" not in meta.authors


def test_seeds(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(seeds) >= 2
    first = extract_page(seeds[0].read_text(encoding="utf-8"))
    assert first.title == "South Korea looks to EU and UN to boost pressure on North and China"
    assert first.dek is not None and first.dek.startswith("Seoul looks to Europe")
    assert first.authors == ["Lee Jeong-Ho"]
    assert first.source == "Radio Free Asia"
    assert first.source_short == "RFA"
    assert first.dateline == "Seoul, South Korea"
    assert first.published is None  # the only date is in a photo caption
    assert any(c.startswith("Edited by") for c in first.credits)
    assert "Edited by" not in first.body and "moderator" not in first.body
    assert first.body.startswith("South Korea has intensified")
    second = extract_page(seeds[1].read_text(encoding="utf-8"))
    assert (
        second.title
        == "South Korea urges UN to demand withdrawal of North Korean troops from Russia"
    )
    assert second.dek is not None and second.dek.startswith("South Korean FM warns UN")
    assert second.authors == []
    assert len(second.links) == 7
    assert "Related" not in second.body and "patron" not in second.body


PRESS_RELEASE = """FOR IMMEDIATE RELEASE

Harbour Authority opens new ferry terminal in Northport

NORTHPORT, Westland, March 3, 2025 /Example Wire/ -- The Northport Harbour Authority today opened a new ferry terminal that can handle twice as many passengers as the old building, the authority said.

The terminal cost 48 million euros and was built in 26 months, according to chief executive Mira Solberg.
"""


def test_dateline_with_year_dates_the_piece() -> None:
    meta = extract_page(PRESS_RELEASE)
    assert meta.title == "Harbour Authority opens new ferry terminal in Northport"
    assert meta.dateline == "Northport, Westland"
    assert meta.published == "2025-03-03"
    assert meta.dek is None
    assert meta.body.startswith("NORTHPORT, Westland, March 3, 2025")


def test_first_paragraph_is_not_a_dek_when_it_reports() -> None:
    text = (
        "Farmers count cost of late frost\n\n"
        "Orchard owners in the valley say up to half of this year's apple blossom was lost to two nights of frost.\n\n"
        "The cold snap followed an unusually warm March that brought the trees into flower early, growers said.\n\n"
        "Reporting by Luis Ortega; editing by Sam Hale\n"
    )
    meta = extract_page(text)
    assert meta.dek is None
    assert meta.body.startswith("Orchard owners")
    assert meta.authors == ["Luis Ortega"]  # the reporter signs it, the editor does not
    assert meta.credits == ["Reporting by Luis Ortega; editing by Sam Hale"]


def test_french_page() -> None:
    text = (
        "Accueil > Monde > Europe\n\nLes agriculteurs bloquent les routes autour de la capitale\n\n"
        "Par Claire Dubois\n\nPublié le 3 février 2025\n\n"
        "Des centaines d'agriculteurs ont bloqué lundi les principales routes autour de la capitale pour "
        "protester contre la baisse de leurs revenus, selon la police.\n\n"
        "Les manifestants demandent au gouvernement de réduire les normes et de mieux protéger les prix.\n"
    )
    meta = extract_page(text)
    assert meta.title == "Les agriculteurs bloquent les routes autour de la capitale"
    assert meta.authors == ["Claire Dubois"]
    assert meta.published == "2025-02-03"
    assert meta.language == "fr"


def test_author_bio_leaves_the_body() -> None:
    text = (
        "We should stop pretending the bypass will fix traffic\n\nAuthor: Daniel Okoro, Transport Columnist\n\n"
        "Every ten years the city promises that one more road will end the jams, and every ten years the "
        "jams come back within a season.\n\n"
        "What would help is cheaper buses, safer cycle lanes, and trains that run after ten at night.\n\n"
        "Daniel Okoro writes about transport and cities.\n"
    )
    meta = extract_page(text)
    assert meta.authors == ["Daniel Okoro"]
    assert meta.body.endswith("after ten at night.")


def _story_page(header: str, paragraph: str, label: str, middle: str, after: str) -> str:
    """A headline and byline, three paragraphs ending "<label> 1." to "<label> 3.", then
    what sits inside the story (a box, a gallery) and what comes after it."""
    body = "".join(f"{paragraph}{label} {n}.\n\n" for n in range(1, 4))
    return f"{header}\n\n{body}{middle}\n\n{after}"


def _column(after_box: str) -> str:
    paragraph = (
        "Die Fähre nach Marrowby fährt seit Montag wieder, und die Pendler, die drei Wochen lang "
        "den Umweg über das Festland nehmen mussten, sind erleichtert, auch wenn der Fahrplan dünn ist. "
    )
    header = "Was die Fähre für die Insel bedeutet\n\nKolumnist*in: Lena Brook"
    box = "Lena Brook\n\nLena Brook ist Autorin und lebt auf der Insel."
    return _story_page(header, paragraph, "Absatz", box, after_box)


def test_an_author_box_inside_the_story_does_not_end_it() -> None:
    later = (
        "Am zweiten Tag war das Schiff voll, und der Kapitän ließ zwei Wagen am Anleger stehen, "
        "weil die Rampe nach dem Hochwasser noch nicht wieder ganz hielt, wie er den Wartenden "
        "am Kai mit lauter Stimme erklärte."
    )
    meta = extract_page(_column(f"{later} Erster Teil.\n\n{later} Zweiter Teil.\n"))
    assert meta.authors == ["Lena Brook"]
    assert meta.body.endswith("Zweiter Teil.")
    assert "ist Autorin" not in meta.body
    # The box ends the story when what follows is not more of it (an appeal has its heading).
    appeal = (
        "Unterstützen Sie unabhängigen Journalismus aus der Region: Recherche kostet Zeit und Geld, "
        "und jeder Beitrag hilft uns, auch in Zukunft von der Insel und vom Hafen zu berichten."
    )
    meta = extract_page(_column(f"Wir brauchen Sie\n\n{appeal}\n\n{appeal}\n"))
    assert meta.body.endswith("Absatz 3.")


def test_implausible_hints_give_way() -> None:
    hints = Extracted(
        title="The Harbour Gazette", source="The Harbour Gazette", authors=["Reuters"]
    )
    meta = extract_page(WHOLE_PAGE, hints)
    assert meta.title == "Storm halts northern ferries for a second day"
    assert meta.authors == ["Ines Lopes", "Tomas Reyes"]
    assert meta.source == "The Harbour Gazette"


def test_a_masthead_word_inside_a_compound_leaves_a_hint_title_plausible() -> None:
    # "Online" names a masthead alone ("Harbour Online"), not inside "Hafen-Online-Kurse".
    for title, kept in (
        ("Neue Hafen-Online-Kurse", True),
        ("Harbour Online", False),
        # A colon sets a kicker off a headline: no masthead has one.
        ("Ferry Social Media: Harbour", True),
    ):
        meta = extract_page(WHOLE_PAGE, Extracted(title=title))
        assert (meta.title == title) is kept


def test_hint_title_loses_site_suffix() -> None:
    hints = Extracted(title="Storm halts northern ferries for a second day | The Harbour Gazette")
    meta = extract_page(WHOLE_PAGE, hints)
    assert meta.title == "Storm halts northern ferries for a second day"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Council approves the riverside park\n\n"
        "The council voted on Tuesday to turn the old rail yard\n"
        "into a park, ending a decade-long campaign by residents\n"
        "of the east bank.\n\n"
        "Work starts in May and the first paths open next year, the council said in a statement.\n"
    )
    meta = extract_page(text)
    assert meta.body.startswith(
        "The council voted on Tuesday to turn the old rail yard into a park, ending a decade-long campaign"
    )
    assert "\n\nWork starts in May" in meta.body


def test_body_only_text_has_no_headline() -> None:
    text = (
        "Ferry operators on the northern route cancelled every sailing on Monday after gusts battered "
        "the coast, the harbour authority said.\n\n"
        "Passengers waiting at the terminal were offered hotel rooms, and the operators said services "
        "would resume on Tuesday.\n"
    )
    meta = extract_page(text)
    assert meta.title == ""
    assert meta.body.startswith("Ferry operators")


def test_byline_above_body_without_headline() -> None:
    text = (
        "By Oskar Lind\n\nGOTHENBURG (NWS) — A Swedish shipyard has won an order to build three "
        "battery-powered ferries, the company said.\n\nThe vessels will be delivered from 2028.\n"
    )
    meta = extract_page(text)
    assert meta.title == ""
    assert meta.authors == ["Oskar Lind"]
    assert meta.dateline == "Gothenburg"


def test_plain_text_first_line_is_the_title() -> None:
    meta = extract_page("Storm closes coastal road\n\nThe coastal road closed overnight.\n")
    assert meta.title == "Storm closes coastal road"
    assert meta.body == "The coastal road closed overnight."


def test_promos_inside_the_body_become_links() -> None:
    text = WIRE.replace(
        "The vessels will be delivered from 2028",
        "SHIPPING GUIDE: How electric ferries are charged\n\nPREVIOUS Ferry fares to rise in April\n\n"
        "The vessels will be delivered from 2028",
    )
    meta = extract_page(text)
    titles = [link.title for link in meta.links]
    assert "How electric ferries are charged" in titles
    assert "Ferry fares to rise in April" in titles
    assert "SHIPPING GUIDE" not in meta.body and "PREVIOUS" not in meta.body


def test_first_line_fallback_skips_mastheads_and_breadcrumbs() -> None:
    body = "\n\nThe coastal road closed overnight.\n"
    assert extract_page("The Harbour Gazette" + body).title == ""
    assert extract_page("Home » News" + body).title == ""


def test_key_points_open_the_body_and_dateline_follows() -> None:
    text = (
        "Storm halts northern ferries for a second day\n\nBy Ines Lopes\n\nKey points\n\n"
        "- Every sailing on the northern route was cancelled on Monday after gusts of 100 km/h\n"
        "- Operators expect services to resume on Tuesday once the wind drops\n\n"
        "Waves break over the harbour wall at Northport on Monday, as seen from the ferry terminal building.\n"
        "Ivo Mares | Northern Wire\n\n"
        "NORTHPORT, Westland — Ferry operators on the northern route cancelled every sailing on Monday, "
        "the harbour authority said.\n\n"
        "Passengers were offered hotel rooms at the terminal, and refunds will be paid within ten days.\n\n"
        "(Reporting by Ines Lopes; Editing by Tom Reed)\n"
    )
    meta = extract_page(text)
    # The key points stay a list: each keeps its bullet.
    assert meta.body.startswith("• Every sailing on the northern route was cancelled")
    assert "\n\n• Operators expect services" in meta.body
    assert meta.dateline == "Northport, Westland"
    assert meta.captions == [
        "Waves break over the harbour wall at Northport on Monday, as seen from the ferry terminal building."
    ]
    assert "Ivo Mares | Northern Wire" in meta.credits
    assert "Waves break" not in meta.body
    # The paragraph above a reporting credit is the story's last paragraph, not a caption.
    assert meta.body.endswith("refunds will be paid within ten days.")


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_word_count_counts_tokens_holding_a_letter_or_digit(body: str) -> None:
    # Scripts written without spaces count a word a character (tests/extract/test_lines_ascii).
    assume(_DENSE.search(body) is None)
    meta = enrich(Extracted(body=body, people=["x"], quotes=[], language="en"))
    expected = sum(1 for token in body.split() if any(ch.isalnum() for ch in token))
    assert meta.word_count == expected


_LATE_BODY = (
    "A Dutch startup that uses light to move data inside chips has raised $120 million, one "
    "of the largest rounds for a European hardware company this year.\n\n"
    "The company said the money would pay for a pilot production line and double its staff "
    "to 300 by 2028.\n\n"
)


def test_byline_and_date_under_the_story_are_used_when_the_header_has_none() -> None:
    page = (
        "Chip startup raises $120 million to build photonic processors\n\n"
        + _LATE_BODY
        + "By Pieter Jansen\nNovember 16, 2026\n\nRead more:\nEurope's chip act, two years on\n"
    )
    meta = extract_page(page)
    assert meta.authors == ["Pieter Jansen"]
    assert meta.published == "2026-11-16"
    assert "Pieter Jansen" not in meta.body and "November 16" not in meta.body


def test_byline_between_paragraphs_introduces_another_piece() -> None:
    page = (
        "Chip startup raises $120 million to build photonic processors\n\n"
        + _LATE_BODY
        + "By Nada Tawfik, BBC News, New York\n\n"
        + "The coronavirus has changed everything about life, and now it is upending the "
        "rituals of death in the city.\n"
    )
    assert extract_page(page).authors == []


NEWSLETTER = """View this email in your browser

Having trouble viewing this email? Click here

Harbour tolls to rise by a fifth next spring

By Ines Lopes

The port authority said on Monday that tolls for cargo ships will rise by 20 percent from April, the first increase in six years, to pay for dredging the northern channel.

Shipping lines said the rise would be passed on to importers within weeks.

Forward to a friend | Unsubscribe | Update your preferences
"""


def test_a_newsletter_shell_is_never_the_headline_or_the_body() -> None:
    meta = extract_page(NEWSLETTER)
    assert meta.title == "Harbour tolls to rise by a fifth next spring"
    assert meta.authors == ["Ines Lopes"]
    assert "browser" not in meta.body and "Unsubscribe" not in meta.body


def test_a_name_under_the_date_line_is_the_byline() -> None:
    page = (
        "Fähre nach Marrowby fährt wieder nach Plan\n\n"
        "Dienstag, 1. Februar 2022 12:10\n"
        "Anna Lindqvist\n\n"
        "Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder nach dem Sommerfahrplan, "
        "nachdem die Reederei die Reparatur am Anleger früher als erwartet abschließen konnte.\n\n"
        "Pendler hatten wochenlang einen Umweg von über einer Stunde in Kauf nehmen müssen; die "
        "Gemeinde will nun prüfen, ob der Anleger dauerhaft verstärkt werden muss.\n"
    )
    meta = extract_page(page)
    assert meta.authors == ["Anna Lindqvist"]


def _story_with(widget: str, after: str) -> str:
    paragraph = (
        "The harbour board voted on Tuesday to rebuild the north pier, which the storm of "
        "March left unsafe for the ferries that carry four hundred commuters a day across. "
    )
    header = "Harbour board votes to rebuild the north pier\n\nBy Lena Brook"
    return _story_page(header, paragraph, "Part", widget, after)


_LATER = (
    "Work on the pier will start in the spring and take two years, the harbour board said, and "
    "the ferries and their commuters will use the old coal wharf, which needs dredging first. "
)


def test_a_gallery_inside_the_story_does_not_end_it() -> None:
    gallery = "\n".join(
        ["Story continues below gallery", "1 of 6"]
        + [f"Worker {n} on the pier Submitted photo" for n in range(1, 7)]
        + [
            "Photo: Tilo Brandt, Harbour Ledger / Copyright 2026 Harbour Ledger. All rights reserved."
        ]
        + ["Close", "Image 1 of 6", "Caption", "Back to Gallery"]
    )
    after = "".join(f"{_LATER}Later {n}.\n\n" for n in range(1, 4))
    meta = extract_page(_story_with(gallery, after))
    assert meta.body.endswith("Later 3.")
    assert "Submitted photo" not in meta.body


def test_a_run_of_furniture_with_no_story_after_it_ends_the_body() -> None:
    furniture = "\n".join(["Share", "Tweet", "Email", "Print", "Related", "Most read"] * 2)
    teasers = "".join(f"{_LATER}Teaser {n}.\n\n" for n in range(1, 4))
    meta = extract_page(_story_with(furniture, teasers))
    assert meta.body.endswith("Part 3.")


def test_a_related_box_label_inside_the_story_does_not_end_it() -> None:
    box = "More on the harbour\n\n* Ferry fares rise\n* Pier closed\n\nMore in Harbour News"
    after = "".join(f"{_LATER}Later {n}.\n\n" for n in range(1, 4))
    assert extract_page(_story_with(box, after)).body.endswith("Later 3.")


def test_paragraphs_about_something_else_after_a_widget_are_not_the_story() -> None:
    furniture = "\n".join(["Weather", "Sports", "Business", "Opinion", "Culture", "Travel"] * 2)
    sidebar = "".join(
        f"Reader {n} on Council debates parking fees downtown: “The town centre needs cheaper "
        "parking and more buses, otherwise the shops will close one after another, as they "
        f"already did on Market Street last winter.” Nov {n}, 09:0{n}\n\n"
        for n in range(1, 4)
    )
    teasers = "".join(
        f"Ferry pier repairs, part {n}: the harbour board explains the plan for the north pier "
        "and the ferries, the dredging and the two years of work ahead for commuters. mehr\n\n"
        for n in range(1, 4)
    )
    for after in (sidebar, teasers):
        assert extract_page(_story_with(furniture, after)).body.endswith("Part 3.")


def test_a_date_over_the_share_bar_above_the_headline_dates_the_story() -> None:
    """ "25. November 2026" / "Share" / "› Drucken" / headline: the buttons are not lines of the
    header, so the date above them is the story's, not one printed further down the page."""
    para = "Die Fähre nach Lindau fährt ab Montag wieder stündlich, teilte die Reederei mit."
    page = "\n".join(
        [
            "   * Startseite › Region › Fähre",
            "",
            "   * 25. November 2026 16:11 Uhr",
            "   *",
            "   * Share",
            "   * › Versenden",
            "   * › Drucken",
            "",
            "Die Fähre fährt wieder jede Stunde",
            "",
            " ".join([para] * 3),
            "",
            " ".join([para.replace("Montag", "Dienstag")] * 3),
            "",
            "   * 1. Dezember 2026 15:12 Uhr",
        ]
    )
    meta = extract_page(page)
    assert meta.title == "Die Fähre fährt wieder jede Stunde"
    assert meta.published is not None and meta.published.startswith("2026-11-25")


def test_a_press_releases_bracketed_date_dates_it() -> None:
    para = "Die Reederei erhöht ab Montag die Zahl der Fahrten über den See, teilte sie mit."
    for opening in ("(21. November 2026)", "Lindau, (21.11.2026)."):
        page = "\n\n".join(
            [
                "Mehr Fähren über den See",
                f"{opening} {para} {para}",
                " ".join([para.replace("Montag", "Dienstag")] * 3),
            ]
        )
        meta = extract_page(page)
        assert meta.published is not None and meta.published.startswith("2026-11-21"), opening


def test_a_most_read_list_run_into_one_line_is_not_the_first_paragraph() -> None:
    para = "The harbour board voted on Tuesday to restore the hourly ferry from next month."
    ranked = (
        "1 Ferry timetable goes back to the board Lighthouse keeper retires after forty years "
        "2 Ferry timetable goes back to the board Storm closes the coastal road again "
        "3 Ferry timetable goes back to the board Fish market moves to the old customs hall"
    )
    page = "\n\n".join(
        [
            "Ferry timetable goes back to the board",
            "By Greta Lindqvist",
            "Most Popular Today",
            ranked,
            " ".join([para] * 3),
            " ".join([para.replace("Tuesday", "Wednesday")] * 3),
        ]
    )
    meta = extract_page(page)
    assert meta.body.startswith("The harbour board voted on Tuesday")
    assert "Lighthouse keeper" not in meta.body


@pytest.mark.parametrize("credit", ["© Foto: Reederei", "© Shutterstock/hafenbild"])
def test_a_picture_credit_under_the_first_paragraph_does_not_end_the_story(credit: str) -> None:
    """A line "© Foto: Reederei" credits the picture above it; only the site's own copyright line
    (a year, "All rights reserved") closes the page."""
    para = "Die Reederei erhöht ab Montag die Zahl der Fahrten über den See, teilte sie mit."
    page = "\n\n".join(
        [
            "Mehr Fähren über den See",
            "Die neue Fähre liegt im Hafen von Lindau bereit für die erste Fahrt.",
            credit,
            " ".join([para] * 3),
            " ".join([para.replace("Montag", "Dienstag")] * 3),
            "© 2026 Seeblatt. Alle Rechte vorbehalten.",
        ]
    )
    meta = extract_page(page)
    assert "ab Dienstag die Zahl" in meta.body
    assert "Seeblatt" not in meta.body


def test_a_caption_with_its_pictures_copyright_does_not_end_the_story() -> None:
    """A caption ending "© Jana Berg" inside the story credits a picture: the story goes
    on after it, and the photographer is not the outlet."""
    para = "Der Sender des Bartgeiers meldet sich nach zwei Monaten wieder, teilte der Verband mit."
    page = "\n\n".join(
        [
            "Lebenszeichen aus den Bergen",
            " ".join([para] * 3),
            "Der Bartgeier über dem Tal im Flug. © Jana Berg",
            " ".join([para.replace("zwei", "drei")] * 3),
            " ".join([para.replace("Verband", "Nationalpark")] * 3),
            " ".join([para.replace("Bartgeiers", "Geiers")] * 3),
        ]
    )
    meta = extract_page(page)
    assert "teilte der Nationalpark mit" in meta.body
    assert meta.source != "Jana Berg" and "Bartgeier über dem Tal" not in (meta.source or "")


def test_a_list_the_story_announces_is_the_storys() -> None:
    para = "Die Fährgesellschaft fragt ihre Fahrgäste in diesem Herbst nach ihren Wünschen."
    items = ["1. Wann fahren Sie?", "2. Wohin fahren Sie?", "3. Wie oft fahren Sie?"]
    page = "\n\n".join(
        [
            "Die Fähre fragt nach",
            " ".join([para] * 3),
            "Die Umfrage stellt vier Fragen:",
            *items,
            "4. Was fehlt Ihnen?",
            "Lesen Sie auch die folgenden Beiträge:",
            "* Neue Fähre für Lindau",
            "* Hafen wird umgebaut",
            " ".join([para.replace("Herbst", "Winter")] * 3),
        ]
    )
    meta = extract_page(page)
    assert "Wohin fahren Sie?" in meta.body and "Was fehlt Ihnen?" in meta.body
    assert "Hafen wird umgebaut" not in meta.body


def test_one_persons_site_signs_its_unsigned_posts() -> None:
    """A post nobody signed on a site whose copyright names a person is that person's."""
    para = "I took the night ferry across the lake and watched the harbour lights fade behind us."
    body = [" ".join([para] * 3), " ".join([para.replace("night", "early")] * 3)]
    page = "\n\n".join(["Crossing the lake at night", *body, "© 2019-2026 Greta Lindqvist"])
    meta = extract_page(page)
    assert meta.authors == ["Greta Lindqvist"]
    # A company's copyright names the outlet, not an author.
    company = "\n\n".join(["Crossing the lake at night", *body, "© 2026 Harbour Lines Media"])
    assert extract_page(company).authors == []
    # Picture credits naming a person, the site's copyright with its year elsewhere: no author.
    credit = "© Greta Lindqvist"
    credited = "\n\n".join(
        ["Crossing the lake at night", credit, body[0], credit, body[1], credit, "© 2026 Fährhaus"]
    )
    assert extract_page(credited).authors == []


def test_a_related_boxs_captioned_entries_stay_out_of_the_story() -> None:
    para = "New car sales in the region fell ten percent in October, dealers said on Tuesday."
    page = "\n\n".join(
        [
            "New car sales fall in October",
            " ".join([para] * 3),
            " ".join([para.replace("Tuesday", "Wednesday")] * 3),
            "More Business News",
            "* A row of unsold cars waits at a dealership outside the city on Sunday, in this "
            "photograph taken for the harbour paper's business desk by its staff photographer.",
            "Dealers cut prices as the year ends...",
            "* Port traffic rises for a third month",
        ]
    )
    meta = extract_page(page)
    assert "unsold cars waits" not in meta.body
    assert meta.body.endswith("dealers said on Wednesday.")


FERRY_PARAGRAPHS = (
    "Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder, nachdem die Anleger "
    "nach dem Hochwasser drei Wochen lang gesperrt waren.\n\n"
    "Der Hafenmeister sagte, die Schäden an den Pontons seien inzwischen behoben und geprüft.\n\n"
    "Pendler hatten in der Zwischenzeit den Umweg über die Brücke im Süden nehmen müssen.\n"
)


def test_the_headline_printed_with_its_date_dates_the_story() -> None:
    # A heading that sets the headline after the story's label and date.
    page = (
        "Fähre fährt wieder\n\nStartseite\nThemen\n\n"
        "Nachricht | 30.10.2021 Verkehr / Inseln «Fähre fährt wieder»\n\n" + FERRY_PARAGRAPHS
    )
    meta = extract_page(page, Extracted(title="Fähre fährt wieder"))
    assert (meta.published or "")[:10] == "2021-10-30"
    # A list of recent posts that gives the headline with its date.
    page = (
        "Fähre fährt wieder\n\n" + FERRY_PARAGRAPHS + "\nNeueste Beiträge\n"
        "* Brücke im Süden gesperrt 3 Dezember, 2021\n* Fähre fährt wieder 12 Dezember, 2021\n"
    )
    meta = extract_page(page, Extracted(title="Fähre fährt wieder"))
    assert (meta.published or "")[:10] == "2021-12-12"
    # The headline alone, with no date beside it, dates nothing.
    page = page.replace(" 12 Dezember, 2021", "")
    assert extract_page(page, Extracted(title="Fähre fährt wieder")).published is None


def test_a_posting_line_under_the_story_dates_it_before_the_comments() -> None:
    page = (
        "Ferries are back\n\n" + FERRY_PARAGRAPHS.replace("\n\n", "\n\n") + "\nPublished by\n\n"
        "Jana Berg\n\nPosted on August 2, 2019August 2, 2019Author Jana BergCategories\n\n"
        "2 thoughts on “Ferries are back”\n\nsam says:\nAugust 3, 2019 at 4:11 am\n"
        "Good news for the island.\n"
    )
    meta = extract_page(page)
    assert (meta.published or "")[:10] == "2019-08-02"


def test_the_story_heading_with_its_date_under_the_page_title_opens_the_header() -> None:
    menu = "\n".join(f"* Bereich {n}" for n in range(1, 30))
    # A site menu run into long lines, which read like text.
    menu += (
        "\n\no Gesprächskreis Häfen und Inseln o Kritische Verkehrspolitik o ländlicher Raum "
        "o Lebenszeit und Arbeitszeit o Wohnen am Wasser o Fähren und Brücken im Norden\n"
        "\no Publikationen der Hafenfreunde o Comics vom Kai o Vertrauensleute der Fährleute "
        "o Ehemalige o Internationale Forschung zu Gezeiten und Strömungen im Wattenmeer\n"
        "\no Kampf gegen das Hochwasser und für ein Ufer für alle o Sozial-ökologischer Umbau "
        "der Häfen und Klimagerechtigkeit o Geschichte der Insel und ihrer Fährleute\n"
    )
    page = (
        f"Fähre fährt wieder\n\n{menu}\n\n"
        "Nachricht | 30.10.2021 Verkehr / Inseln «Fähre fährt wieder»\n\n"
        "Drei Wochen nach dem Hochwasser legt die erste Fähre wieder ab\n\n"
        "Autor\n\nJana Berg,\n\n" + FERRY_PARAGRAPHS
    )
    meta = extract_page(page, Extracted(title="Fähre fährt wieder"))
    assert (meta.published or "")[:10] == "2021-10-30"
    assert meta.authors == ["Jana Berg"]
    assert meta.body.startswith("Die Fähre zwischen Marrowby")
    # The same heading in a list after the story is not its header.
    page = f"Fähre fährt wieder\n\n{FERRY_PARAGRAPHS}\n* 30.10.2021 | Fähre fährt wieder\n"
    meta = extract_page(page, Extracted(title="Fähre fährt wieder"))
    assert "Der Hafenmeister sagte" in meta.body


def test_a_teaser_of_the_story_dates_it_and_a_long_menu_hides_no_headline() -> None:
    menu = "\n".join(f"* Bereich {n}" for n in range(1, 1000))
    page = (
        f"{menu}\n\nFähre fährt wieder\n\nJana Berg\n\nPubliziert vor einer Stunde\n\n"
        + FERRY_PARAGRAPHS
        + "\nMehr aus der Rubrik\n\n* Fähre fährt wieder\n"
        "* 26.01.2022Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder\n"
    )
    meta = extract_page(page, Extracted(title="Fähre fährt wieder"))
    assert (meta.published or "")[:10] == "2022-01-26"
    assert meta.body.startswith("Die Fähre zwischen Marrowby")


CABLE_RELEASE = """Northwind Cables to build subsea link to the Skerry Isles

ALDMERE, March 3, 2026 /Meridian Newswire/ -- Northwind Cables Ltd. today announced a contract to lay a 140-kilometre subsea power cable between the Aldmere coast and the Skerry Isles.

The cable will carry up to 320 megawatts and is due to enter service in 2029, the company said.

"This link ends the islands' dependence on diesel generators," said Ingrid Solberg, chief executive of Northwind Cables.

About Northwind Cables
Northwind Cables Ltd. is a manufacturer of subsea cables, with factories in Porthaven and Kestrel Bay.

Cautionary Note Regarding Forward-Looking Statements
This press release contains forward-looking statements that involve risks and uncertainties.

Media contact:
Tomas Reyes, press@northwind.example

###
"""


def test_a_press_release_ends_before_its_about_section_and_legal_notice() -> None:
    meta = extract_page(CABLE_RELEASE)
    assert meta.body.endswith("chief executive of Northwind Cables.")
    assert "Porthaven" not in meta.body
    assert "forward-looking" not in meta.body


def test_the_headline_repeated_inside_a_main_text_does_not_cut_the_story_above_it() -> None:
    # A recipe card under the story repeats the headline as its own heading.
    text = (
        "Oven-baked focaccia filled with the flavours of olive oil, garlic, sundried tomato "
        "and herbs, great as a side with pasta or as a starter.\n\n"
        "The first step is to make a flavoured oil for the bread mixture and for drizzling "
        "on top, mixing the garlic and tomato into the olive oil.\n\n"
        "Olive and herb focaccia bread\n\n"
        "Ingredients\n\n300 grams plain flour\n\n2 tsp dried yeast\n"
    )
    hints = Extracted(title="Olive and herb focaccia bread")
    meta = extract_page(text, hints, main_text=True)
    assert meta.title == "Olive and herb focaccia bread"
    assert meta.body.startswith("Oven-baked focaccia filled")
    assert "300 grams plain flour" in meta.body
