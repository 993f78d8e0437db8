"""A file named as JSON (or XML) that is not: refused with where the parser stopped, unless
it reads as an article saved under the wrong name."""

from __future__ import annotations

import json

import pytest

from newsdesk.ingest import load_bytes

RECORD = {"title": "Council votes", "body": "The council voted on the budget on Tuesday."}
ARTICLE = (
    "Council votes on the budget\n\n"
    "The council voted on Tuesday to approve next year's budget, officials said.\n"
)


@pytest.mark.parametrize("name", ["reply.json", "reply.jsonl", "reply.xml", "reply.rss"])
@pytest.mark.parametrize(
    "content", ["Error: upstream timed out\n", 'var data = {"title": "x"};\n', "plain words"]
)
def test_what_is_not_the_named_format_nor_an_article_is_refused(name: str, content: str) -> None:
    """An endpoint's error message or a script saved as JSON came in as an article."""
    result = load_bytes(content.encode(), name)
    assert result.items == []
    assert result.error is not None
    assert "line 1" in result.error and "column" in result.error


@pytest.mark.parametrize("name", ["story.json", "story.xml"])
def test_an_article_saved_under_a_json_or_xml_name_is_a_text_page(name: str) -> None:
    result = load_bytes(ARTICLE.encode(), name)
    assert result.error is None
    assert result.format == "text"
    assert result.items[0].title == "Council votes on the budget"


def test_a_pretty_printed_object_cut_short_says_where() -> None:
    text = '\n{\n  "title": "Council votes",\n  "body": '
    result = load_bytes(text.encode(), "one.json")
    assert result.error == "malformed JSON at line 4 column 11: Expecting value"
    assert result.warnings == []  # not one "Extra data" for each of its lines


def test_a_list_spread_over_lines_broken_in_the_middle_says_where() -> None:
    lines = [json.dumps(RECORD) + "," for _ in range(3)]
    lines[1] = lines[1].replace('"body"', "body")
    text = "[\n" + "\n".join(lines).rstrip(",") + "\n]\n"
    result = load_bytes(text.encode(), "many.json")
    assert result.error == (
        "malformed JSON at line 3 column 28: Expecting property name enclosed in double quotes"
    )


def test_a_json_lines_file_still_skips_only_its_bad_line() -> None:
    text = json.dumps(RECORD) + "\n{oops\n" + json.dumps(RECORD | {"title": "Second"}) + "\n"
    result = load_bytes(text.encode(), "feed.jsonl")
    assert [item.title for item in result.items] == ["Council votes", "Second"]
    assert result.warnings == [
        "line 2: malformed JSON (Expecting property name enclosed in double quotes at column 2); "
        "skipped"
    ]


@pytest.mark.parametrize(
    "bad",
    [
        ['{"title": broken'],
        ['{"title": broken', "oops"],
        ["{oops", '{"title": "cut", "body": "The'],
    ],
)
def test_a_json_lines_file_whose_first_line_is_bad_imports_the_rest(bad: list[str]) -> None:
    """A file whose first line was the bad one was refused whole, its good lines with it."""
    good = [json.dumps(RECORD), json.dumps(RECORD | {"title": "Second"})]
    result = load_bytes("\n".join([*bad, *good, ""]).encode(), "feed.jsonl")
    assert result.error is None
    assert [item.title for item in result.items] == ["Council votes", "Second"]
    assert [warning.split(":")[0] for warning in result.warnings] == [
        f"line {n}" for n in range(1, len(bad) + 1)
    ]


def test_a_pretty_printed_object_opening_on_its_first_member_broken_says_where() -> None:
    text = '{"title": "Council votes",\n  "body": "The council voted.",\n  oops\n}\n'
    result = load_bytes(text.encode(), "one.json")
    assert result.error == (
        "malformed JSON at line 3 column 3: Expecting property name enclosed in double quotes"
    )
    assert result.warnings == []
