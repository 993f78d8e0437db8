"""JSON Lines and JSON lists: one article per record; bad records are warnings."""

from __future__ import annotations

import json

from newsdesk.ingest import load_bytes


def _line(**fields: object) -> str:
    return json.dumps(fields)


def test_jsonl_records_become_articles() -> None:
    data = "\n".join(
        [
            _line(
                title="Bridge reopens",
                body="The bridge reopened on Friday.",
                tags=["roads"],
                starred=True,
            ),
            _line(
                headline="Mill closes",
                text="The mill closed after 80 years.",
                author="Ivo Marsh",
                url="https://example.org/mill",
            ),
        ]
    )
    result = load_bytes(data.encode(), "queue.jsonl")
    assert result.error is None
    assert result.format == "jsonl"
    assert [i.title for i in result.items] == ["Bridge reopens", "Mill closes"]
    first, second = result.items
    assert first.tags == ["roads"]
    assert first.starred is True
    assert second.authors == ["Ivo Marsh"]
    assert second.url == "https://example.org/mill"
    assert "80 years" in second.body
    assert all(i.format == "jsonl" for i in result.items)


def test_bad_line_is_a_warning_naming_the_line() -> None:
    data = "\n".join(
        [
            _line(title="One", body="First body."),
            "{not json",
            "[1, 2]",
            _line(title="Four", body="Fourth body."),
        ]
    )
    result = load_bytes(data.encode(), "mixed.ndjson")
    assert result.error is None
    assert [i.title for i in result.items] == ["One", "Four"]
    assert any("line 2" in w for w in result.warnings)
    assert any("line 3" in w for w in result.warnings)


def test_record_without_title_or_text_is_skipped() -> None:
    data = _line(title="Kept", body="Text.") + "\n" + _line(tags=["x"]) + "\n"
    result = load_bytes(data.encode(), "a.jsonl")
    assert [i.title for i in result.items] == ["Kept"]
    assert any("line 2" in w and "skipped" in w for w in result.warnings)


def test_json_list_file() -> None:
    data = json.dumps(
        [{"title": "A", "content": "Alpha text."}, {"title": "B", "content": "Beta text."}]
    )
    result = load_bytes(data.encode(), "list.json")
    assert result.error is None
    assert [i.title for i in result.items] == ["A", "B"]


def test_all_lines_bad_is_an_error() -> None:
    result = load_bytes(b"{oops\n{nope\n", "bad.jsonl")
    assert result.items == []
    assert result.error is not None
    assert "line 1" in result.error


def test_deeply_nested_line_does_not_crash() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    data = deep + "\n" + _line(title="Survivor", body="Still here.") + "\n"
    result = load_bytes(data.encode(), "deep.jsonl")
    assert [i.title for i in result.items] == ["Survivor"]
    assert any("line 1" in w for w in result.warnings)


def test_html_content_becomes_paragraphs() -> None:
    data = _line(
        title="Pier reopens",
        content="<p>The pier reopened <b>today</b>.</p><script>x()</script><p>Crowds came.</p>",
    )
    item = load_bytes(data.encode(), "cms.jsonl").items[0]
    assert "<" not in item.body
    assert "x()" not in item.body
    assert "The pier reopened today." in item.body


def test_pretty_printed_single_object() -> None:
    data = json.dumps(
        {
            "title": "Market hall restored",
            "body": "The hall reopened after two years.",
            "quotes": [{"text": "It shines", "speaker": "Eve Lund"}],
        },
        indent=2,
    )
    result = load_bytes(data.encode(), "one.json")
    assert result.error is None
    item = result.items[0]
    assert item.title == "Market hall restored"
    assert [(q.text, q.speaker) for q in item.quotes] == [("It shines", "Eve Lund")]


def test_a_record_stating_no_dek_gets_none_from_its_body() -> None:
    """newsdesk's JSON export writes "dek": null; imported again, the body's first line
    was taken for a dek and shown twice."""
    body = (
        "Nine of the city's twelve metro lines are closed after drivers stopped work at 5am\n\n"
        "The drivers' union says safety staffing has been cut by a third since 2023\n\n"
        "City hall has sent extra buses onto the busiest routes and opened bicycle lanes on "
        "the main avenues for the day, the transport secretary said on Friday morning."
    )
    record = {"title": "Live: Metro workers walk out, leaving millions to walk", "body": body}
    stated = load_bytes(json.dumps([{**record, "dek": None}]).encode(), "export.json").items[0]
    assert stated.dek is None and stated.body.startswith("Nine of the city's")
    # Not stated: the extractor may find one, as it does for any page.
    found = load_bytes(json.dumps([record]).encode(), "other.json").items[0]
    assert found.dek is not None


def test_a_body_or_headline_that_is_no_text_is_said_not_silently_emptied() -> None:
    data = (
        b'{"title": 123, "body": {"x": 1}}\n'
        b'{"title": {"en": "Headline"}, "body": "The tram line will be extended by three stops."}\n'
    )
    result = load_bytes(data, "odd.jsonl")
    assert result.error is None
    assert any("line 1: 'body' is not text" in w for w in result.warnings)
    assert any("line 2: 'title' is not text" in w for w in result.warnings)
    assert [item.title for item in result.items][:1] == ["123"]


def test_plain_text_body_keeps_what_stands_between_angle_brackets() -> None:
    # "<i and k>" is no tag: read as HTML, "i and k" would be lost.
    body = (
        "The council met on Monday to set the new budget.\n\n"
        "The rule holds when n<i and k>m for every row, the treasurer said.\n\n"
        "Voting resumes next week."
    )
    result = load_bytes(_line(title="Council budget", body=body).encode(), "q.jsonl")
    (item,) = result.items
    assert "when n<i and k>m for every row" in item.body
    assert "Voting resumes next week." in item.body


def test_html_body_is_still_read_as_html() -> None:
    body = "<p>The council met on Monday.</p><p>Voting resumes <em>next</em> week.</p>"
    result = load_bytes(_line(title="Council budget", body=body).encode(), "q.jsonl")
    (item,) = result.items
    assert "<" not in item.body
    assert "Voting resumes next week." in item.body


def test_text_after_a_picture_credit_in_an_html_body_is_kept() -> None:
    body = (
        "<p>The bakery on Mill Lane reopened on Saturday after the flood.</p>\n"
        "Photo &copy; Valley Pictures\n"
        "<p>Queues formed before dawn, and the first loaves were gone within the hour.</p>"
    )
    (item,) = load_bytes(_line(title="Bakery reopens", body=body).encode(), "q.jsonl").items
    assert "Queues formed before dawn" in item.body
    assert "Valley Pictures" not in item.body


def test_a_body_given_as_a_list_of_html_paragraphs_is_read_as_html() -> None:
    body = ["<p>The bakery reopened on Saturday.</p>", "<p>Queues formed <b>before</b> dawn.</p>"]
    (item,) = load_bytes(_line(title="Bakery reopens", body=body).encode(), "q.jsonl").items
    assert item.body == "The bakery reopened on Saturday.\n\nQueues formed before dawn."


def test_a_body_given_as_a_list_of_plain_paragraphs_is_kept_as_written() -> None:
    body = ["The bakery reopened on Saturday.", "Loaves sold at p<q and r>s prices."]
    (item,) = load_bytes(_line(title="Bakery reopens", body=body).encode(), "q.jsonl").items
    assert item.body == "The bakery reopened on Saturday.\n\nLoaves sold at p<q and r>s prices."
