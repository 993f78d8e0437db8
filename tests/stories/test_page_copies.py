"""The same page saved as HTML and as a text copy is one article with two origins."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk

PARAS = [
    "The harbour authority of Brennick closed the north pier on Thursday after divers "
    "found a crack running along two of its oldest pilings, the authority said.",
    "Fishing boats that moor at the pier were moved to the south basin, where the "
    "harbour master, Aoife Tallant, said there was room for about forty vessels.",
    "Engineers from the county council will inspect the pilings next week. Repairs, if "
    "needed, could take until the spring, Tallant said, and would cost about 1.2 million.",
    "The north pier was built in 1911 and last repaired in 1987, when storms broke part "
    "of its seaward end.",
]
TITLE = "Brennick closes north pier after divers find cracked pilings"

HTML = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Brennick Courier</title>
<meta property="og:site_name" content="Brennick Courier">
<meta property="article:published_time" content="2026-11-19T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{TITLE}</h1>
<p class="byline">By Maeve Corrigan</p>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<footer>Subscribe to our newsletter. Contact us. Privacy policy.</footer>
</body></html>
"""

TEXT = "\n\n".join(
    [
        "Home  News  Sport",
        TITLE,
        "By Maeve Corrigan",
        "November 19, 2026",
        *PARAS[:3],
        # The copy was saved with the page's last paragraph cut off by a banner.
        "Subscribe to keep reading the Brennick Courier",
        "Subscribe to our newsletter",
        "Contact us | Privacy policy",
    ]
)


def test_html_page_and_its_text_copy_are_one_article(desk: Desk, tmp_path: Path) -> None:
    page = tmp_path / "pier.html"
    page.write_text(HTML, encoding="utf-8")
    copy = tmp_path / "pier.txt"
    copy.write_text(TEXT, encoding="utf-8")
    # Extracted differently (the last paragraph), so not an exact duplicate.
    assert [a.body for a in desk.inspect(page).items] != [a.body for a in desk.inspect(copy).items]
    first = desk.import_paths([page])
    second = desk.import_paths([copy])
    assert first.imported == 1
    assert second.imported == 0 and second.duplicates == 1
    assert desk.count() == 1
    (aid,) = desk.inbox_ids()
    article = desk.get(aid)
    assert article is not None
    assert sorted(Path(o).name for o in article.origins) == ["pier.html", "pier.txt"]


def test_another_article_under_the_same_headline_stays_apart(desk: Desk, tmp_path: Path) -> None:
    page = tmp_path / "pier.html"
    page.write_text(HTML, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(
        "\n\n".join(
            [
                TITLE,
                "November 20, 2026",
                "Readers wrote to us about the pier all week. Most remembered summers "
                "spent fishing from its end with their grandparents, long before the "
                "boats grew too big for it.",
                "Several asked whether the council had ever planned to replace the old "
                "wooden deck, which a letter from 1964 described as a danger to walkers.",
            ]
        ),
        encoding="utf-8",
    )
    desk.import_paths([page])
    desk.import_paths([other])
    assert desk.count() == 2


def test_a_text_copy_dated_by_its_update_days_later_is_still_the_page(
    desk: Desk, tmp_path: Path
) -> None:
    """The HTML page gives the day the story was published; its text copy only the day it
    was updated, five days later (and past the 96-hour story window): still one article,
    as `is_copy` allows copies up to a week apart."""
    page = tmp_path / "pier.html"
    page.write_text(HTML, encoding="utf-8")
    copy = tmp_path / "pier.txt"
    copy.write_text(TEXT.replace("November 19, 2026", "Updated November 24, 2026"), "utf-8")
    assert (desk.inspect(copy).items[0].published or "")[:10] == "2026-11-24"
    first = desk.import_paths([page])
    second = desk.import_paths([copy])
    assert first.imported == 1
    assert second.imported == 0 and second.duplicates == 1


def test_a_report_with_its_opening_figures_corrected_is_a_version_in_its_story(
    desk: Desk, tmp_path: Path
) -> None:
    """One outlet's page told again with every figure of its opening corrected: not a
    copy to fold away, and not two reports either (the template guard read it so): one
    story of two versions, so `D` can show the change."""
    first_para = PARAS[0].replace("two of its oldest", "14 of its 30 oldest")
    corrected_para = PARAS[0].replace("two of its oldest", "16 of its 32 oldest")
    original = tmp_path / "pier.html"
    original.write_text(HTML.replace(PARAS[0], first_para), encoding="utf-8")
    corrected = tmp_path / "pier-corrected.html"
    corrected.write_text(HTML.replace(PARAS[0], corrected_para), encoding="utf-8")
    assert desk.import_paths([original]).imported == 1
    assert desk.import_paths([corrected]).imported == 1
    ids = desk.inbox_ids()
    assert len(ids) == 2
    story_of = desk.story_map()
    assert story_of[ids[0]] == story_of[ids[1]]
