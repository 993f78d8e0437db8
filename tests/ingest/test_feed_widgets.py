"""Boxes a feed item's HTML carries beside its text stay out of the body.

TechCrunch's items ended with a company-data module ("Crunchbase / Company: /
Website: / IPO: ..." and a profile longer than a short post), FeedBurner's share
flare and an embedded tweet's "Reply Retweet Favorite": each became paragraphs of
the story. Boxes are known by their class or id words; one that holds the text
(a wrapper named "entry widget") is the text.
"""

from __future__ import annotations

from html import escape

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.ingest.html_text import html_fragment_to_text

STORY = (
    "<p>The harbour board approved the new ferry timetable on Tuesday after a long "
    "debate about winter crossings.</p><p>Skippers said the extra evening sailing "
    "would help commuters who work late shifts at the fish market.</p>"
)
PROFILE = (
    '<div class="module-crunchbase"><h2>Company data</h2><ul class="tab-container">'
    "<li>HARBOUR LINES</li></ul><div><span>Company:</span> <span>Harbour Lines</span>"
    "</div><div><span>Website:</span> <span>harbourlines.example</span></div><p>"
    + "Harbour Lines runs ferries between the islands and the mainland. "
    + "</p></div>"
)


def _feed(html: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay news</title>'
        "<item><title>Ferry timetable approved</title><link>http://127.0.0.1/f</link>"
        f"<description>{escape(html)}</description></item></channel></rss>"
    ).encode()


def test_a_data_module_after_the_text_is_left_out() -> None:
    [item] = load_bytes(_feed(STORY + PROFILE), "quay.rss").items
    assert "timetable on Tuesday" in item.body and "fish market" in item.body
    for furniture in ("Company:", "Website:", "HARBOUR LINES", "runs ferries"):
        assert furniture not in item.body


@pytest.mark.parametrize(
    "box",
    [
        '<div class="feedflare"><a href="http://127.0.0.1/s">Email this</a> '
        '<a href="http://127.0.0.1/t">Share on a network</a></div>',
        '<div class="twitter-actions"><a class="twitter-reply-action">Reply</a>'
        '<a class="twitter-retweet-action">Retweet</a></div>',
        '<div id="share-links"><a href="http://127.0.0.1/m">Share by mail</a></div>',
        '<aside class="related-stories"><a href="http://127.0.0.1/r">More ferry news</a></aside>',
    ],
)
def test_share_flare_and_tweet_actions_are_left_out(box: str) -> None:
    text = html_fragment_to_text(STORY + box)
    assert "fish market" in text
    for word in ("Email this", "Retweet", "Share by mail", "More ferry news"):
        assert word not in text


@pytest.mark.parametrize(
    "name",
    [
        'class="subscriber-only"',
        'class="entry ad-free"',
        'class="newsletter-content"',
        'class="legal-action"',
        'class="promoted-story"',
        'class="story-body related-coverage"',
        'class="text-module"',
        'id="share"',
        'class="module-crunchbase"',  # a known box's name, but holding most of the text
    ],
)
def test_a_box_holding_most_of_the_text_is_the_text_whatever_its_name(name: str) -> None:
    """A paywalled feed put the rest of the story in `subscriber-only`: after the first
    paragraph, any box with a widget-like name went, and the body lost its text."""
    rest = (
        "The ferry operator said the extra sailings would start in November and run "
        "until March. Union officials welcomed the decision but asked for more crew. "
        "Councillors will review the timetable again after the winter season ends."
    )
    text = html_fragment_to_text(f"{STORY}<div {name}><p>{rest}</p><p>{rest}</p></div>")
    assert text.count("Councillors will review") == 2 and "fish market" in text


def test_a_wrapper_named_like_a_box_is_the_text() -> None:
    text = html_fragment_to_text(f'<div class="entry widget">{STORY}</div>')
    assert "timetable on Tuesday" in text and "fish market" in text


def test_article_words_in_ordinary_classes_stay() -> None:
    # "modules", "shared-note", "actionable" are not box names (after the text, where
    # a box would go whatever its size).
    html = f'{STORY}<p class="modules shared-note actionable">The council modules were shared.</p>'
    text = html_fragment_to_text(html)
    assert "fish market" in text and "council modules" in text


def test_a_slideshow_item_keeps_its_text() -> None:
    """A slideshow's slide is a figure; left unclosed it swallowed the text after it,
    and the item was stored with no body at all (IDG's feed items)."""
    slide = (
        '<article class="slideshow"><figure class="slide"><figcaption>The big day'
        '</figcaption><img src="http://127.0.0.1/a.jpg" alt="a"/><p class="slideCredit">'
        'Image by Ada Quill</p><div class="slideBody">' + STORY + "</div></article>"
    )
    text = html_fragment_to_text(slide)
    assert "harbour board approved" in text
    assert "fish market" in text
    assert "The big day" not in text  # the caption is still no part of the text
    [item] = load_bytes(_feed(slide), "quay.rss").items
    assert "harbour board approved" in item.body


def test_a_small_figure_beside_the_text_is_still_left_out() -> None:
    text = html_fragment_to_text(
        STORY
        + "<figure><p>A ferry at the quay in the snow</p><figcaption>Photo</figcaption></figure>"
    )
    assert "harbour board approved" in text
    assert "ferry at the quay in the snow" not in text


@pytest.mark.parametrize(
    "jump",
    [
        "To read this article in full, please click here",
        "Click here to read the rest of the story",
    ],
)
def test_a_jump_link_to_the_item_itself_is_no_paragraph(jump: str) -> None:
    text = html_fragment_to_text(
        STORY + f'<p class="jumpTag"><a href="http://127.0.0.1/f#jump">{jump}</a></p>'
    )
    assert "fish market" in text
    assert "click here" not in text.lower()
