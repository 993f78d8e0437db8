"""A CSV row whose quote never closes: said, and the rows after it still read. It
swallowed the rest of the file into one cell: "imported 1", an article titled with
the whole first row and an empty body, the good rows gone."""

from __future__ import annotations

from newsdesk.ingest.loader import load_bytes

TABLE = (
    "title,body\n"
    '"Unbalanced quote headline,The council said on Monday the bridge would reopen in '
    "spring after repairs.\n"
    "Second row headline,The mayor said the tram would open in March after delays costing "
    "money.\n"
    "Third row,Another body text that is long enough to be an article about something here.\n"
    "\n"
)


def test_the_rows_after_an_unclosed_quote_are_read_and_the_line_is_named() -> None:
    result = load_bytes(TABLE.encode(), "unbal.csv")
    assert result.error is None
    titles = [item.title for item in result.items]
    assert titles == ["Unbalanced quote headline", "Second row headline", "Third row"]
    assert all(item.body for item in result.items)
    assert any("line 2" in w and "quote that never closes" in w for w in result.warnings)


def test_a_last_cell_cut_short_keeps_its_paragraphs_and_says_so() -> None:
    """A file cut inside the last row's long body: its paragraphs are no rows."""
    table = (
        "title,body\n"
        "First headline,A body of its own that is long enough for an article.\n"
        'Second headline,"The first paragraph of a long body that the file cut short.\n\n'
        "The second paragraph, which has a comma but is no row of the table either.\n"
    )
    result = load_bytes(table.encode(), "cut.csv")
    assert [item.title for item in result.items] == ["First headline", "Second headline"]
    assert "second paragraph" in result.items[1].body
    assert any("line 3" in w and "runs to the end" in w for w in result.warnings)


def test_a_hand_typed_tags_cell_is_several_tags() -> None:
    table = 'title,body,tags\nTram opens,The tram opened on Monday in the city centre.,"a,b;c"\n'
    (item,) = load_bytes(table.encode(), "tags.csv").items
    assert item.tags == ["a", "b", "c"]


def test_two_unclosed_quotes_are_each_said() -> None:
    table = (
        "title,body\n"
        '"First broken,A body long enough to be read as the text of an article.\n'
        "Good one,Another body long enough to be read as the text of an article.\n"
        '"Second broken,A third body long enough to be read as the text of an article.\n'
        "Last one,The last body long enough to be read as the text of an article.\n"
    )
    result = load_bytes(table.encode(), "two.csv")
    titles = [item.title for item in result.items]
    assert titles == ["First broken", "Good one", "Second broken", "Last one"]
    said = [w for w in result.warnings if "quote that never closes" in w]
    assert len(said) == 2 and "line 2" in said[0] and "line 4" in said[1]
