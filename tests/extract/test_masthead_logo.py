"""A site's logo set as the page's only <h1> is no headline; 'ⓒ' lines and a copyright
mark alone on its line are read as the footer's."""

from __future__ import annotations

from newsdesk.extract import extract_page
from newsdesk.extract.boilerplate import is_boilerplate, is_end_marker
from newsdesk.extract.outlet import outlet_from_footer
from newsdesk.ingest import load_bytes

STORY = (
    "Officials said on Tuesday that the new ferry would start service in the spring, "
    "after two years of delays at the yard and a long dispute over its engines.\n\n"
    "The council voted to pay the last instalment once the trials are finished, "
    "and the operator said tickets would go on sale next month."
)


def test_an_h1_inside_a_link_home_is_the_logo_and_the_title_gives_the_headline() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    page = (
        "<html><head><title>항구 여객선 봄부터 운항 시작 - Kestrelmedia</title></head><body>"
        '<div id="header"><a href="/"><h1>케스트렐 미디어</h1></a></div>'
        f"<div><p>[사진=Kestrel]</p>{paragraphs}</div></body></html>"
    ).encode()
    item = load_bytes(page, "ferry.html").items[0]
    assert item.title == "항구 여객선 봄부터 운항 시작"


def test_a_circled_c_copyright_line_is_furniture_and_names_the_site() -> None:
    line = "Copyright ⓒ Kestrelmedia.co.kr. 무단전재 및 재배포 금지"
    assert is_boilerplate(line)
    assert outlet_from_footer(line) == "Kestrelmedia.co.kr"
    assert is_end_marker("Kestrelmedia 주요뉴스")


def test_a_copyright_mark_alone_names_the_owner_on_the_next_line() -> None:
    page = (
        "Harbour ferry to start service in spring\n\nBy Jana Berg\n\n"
        + STORY
        + "\n\nContact Us\n\n© 2026\nThe Westerly Times Company\n\nPrivacy\nTerms of Service"
    )
    assert extract_page(page).source == "The Westerly Times"
