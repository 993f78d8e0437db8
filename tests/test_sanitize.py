"""Untrusted text loses every byte that could act on a terminal."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.ingest import load_file
from newsdesk.sanitize import clean_line, clean_text


def test_strips_csi_osc_and_controls() -> None:
    hostile = (
        "Title\x1b[31m red\x1b[0m \x1b]0;pwned\x07 \x1b]52;c;Y2xpcA==\x07"
        "\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\ bell\x07 nul\x00 del\x7f c1\x9b31m"
    )
    cleaned = clean_text(hostile)
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x00" not in cleaned
    assert "\x9b" not in cleaned and "\x7f" not in cleaned
    assert "pwned" not in cleaned and "Y2xpcA" not in cleaned
    assert cleaned.startswith("Title red")
    assert "link" in cleaned


def test_keeps_markup_text_rtl_emoji_and_paragraphs() -> None:
    text = "[bold red]not markup[/] שלום مرحبا e\u0301 🗞️\n\nSecond paragraph"
    assert clean_text(text) == text


def test_bidi_overrides_removed() -> None:
    assert clean_text("abc\u202edef\u2066x") == "abcdefx"


def test_clean_line_collapses_whitespace() -> None:
    assert clean_line("  A\n\tB\r\nC  ") == "A B C"


def test_line_breaking_controls_part_words_rather_than_glue_them() -> None:
    # Vertical tab, form feed, NEL and the file/group/record separators were removed,
    # gluing "returns" and "vertical"; U+2028/2029 were kept and exported as "\".
    text = "carriage returns\x0bvertical\x0cformfeed\x85next\x1erecord\u2028line\u2029para"
    assert clean_line(text) == "carriage returns vertical formfeed next record line para"
    assert clean_text(text).split("\n") == [
        "carriage returns",
        "vertical",
        "formfeed",
        "next",
        "record",
        "line",
        "para",
    ]
    assert clean_text("plain\u2028text") == "plain\ntext"


@given(st.text())
def test_no_control_characters_survive(text: str) -> None:
    cleaned = clean_text(text)
    for ch in cleaned:
        assert ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F)
    assert "\x1b" not in cleaned


def test_safe_web_url_passes_only_http_and_https() -> None:
    from newsdesk.sanitize import safe_web_url

    for good in ("https://example.org/a?b=c#d", "http://news.test/x", "HTTPS://Example.org/"):
        assert safe_web_url(good) == good
    for bad in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        "-new-window",
        "--remote=evil",
        "https:/no-host",
        "https://",
        " https://example.org/",
        "https://exa mple.org/",
        "https://example.org/\x1b]52;c;eA==\x07",
        "https://example.org/\u202e",
        "http://[::1",
        "example.org",
        "",
    ):
        assert safe_web_url(bad) is None, bad


def test_an_unterminated_escape_string_takes_nothing_after_it() -> None:
    """Web mojibake puts U+009D (an 8-bit OSC) inside a quote; an unterminated ESC ] or
    ESC P is a stray byte too. Each took the rest of the article as its payload."""
    body = (
        "The port will grow, officials said.\n\n"
        "“We are delighted,â€\u009d said the port chief.\n\n"
        "Work starts in May.\n\nIt ends in 2029."
    )
    assert clean_text(body) == body.replace("\u009d", "")
    for stray in ("\x1b]", "\x1bP", "\x1b_", "\x9d"):
        text = f"First paragraph {stray}broken.\n\nSecond.\n\nThird paragraph."
        cleaned = clean_text(text)
        assert cleaned.endswith("Second.\n\nThird paragraph."), stray
        assert "\x1b" not in cleaned and "\x9d" not in cleaned
    # A terminated sequence still goes with its payload.
    assert clean_text("a\x1b]0;window title\x07b") == "ab"
    assert clean_text("a\x9d8;;https://x.example\x9clink") == "alink"


def test_a_page_with_a_stray_control_byte_keeps_every_paragraph(tmp_path: Path) -> None:
    from newsdesk.ingest import load_file

    page = tmp_path / "harbour.txt"
    paragraphs = [
        "First paragraph of the report about the harbour expansion, officials said.",
        "“We are delighted,â€\u009d said the port chief, who has run it since 2019.",
        "The third paragraph gives the cost of the work: 40 million euros.",
        "The fourth says when it ends, in the spring of 2029.",
    ]
    page.write_text("Harbour to grow\n\nBy Ana Velasco\n\n" + "\n\n".join(paragraphs), "utf-8")
    (item,) = load_file(page).items
    assert "40 million euros" in item.body and "spring of 2029" in item.body


def test_a_character_written_as_two_utf16_halves_is_joined_not_dropped(tmp_path: Path) -> None:
    # YAML reads "\ud83d\ude80" as two lone surrogates; stripped as such, every emoji
    # of a front matter title was lost.
    assert clean_text("Rocket \ud83d\ude80 launch") == "Rocket \U0001f680 launch"
    assert clean_text("half \ud83d only, \udcff stray") == "half  only,  stray"
    page = tmp_path / "launch.md"
    page.write_text(
        '---\ntitle: "Rocket \\ud83d\\ude80 launch \\U0001F1EB\\U0001F1F7"\n---\n\n'
        "The rocket left the pad on time, the agency said.\n",
        encoding="utf-8",
    )
    [item] = load_file(page).items
    assert item.title == "Rocket \U0001f680 launch \U0001f1eb\U0001f1f7"


def test_a_headline_loses_invisible_characters_but_keeps_joiners() -> None:
    # A zero-width space in a headline shifted the inbox's columns in some terminals.
    assert clean_line("Har\u200bbour\u2060 opens \ufeffat dawn") == "Harbour opens at dawn"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_line(f"Family day {family}") == f"Family day {family}"
    assert clean_line("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )


def test_invisible_characters_inside_words_are_gone_from_the_text_too(tmp_path: Path) -> None:
    """A zero-width space in the body became a space ("Jan Li pavsky", "Ky iv": names cut
    in two); soft hyphens, word joiners and joiners between Latin letters stayed inside
    words, so neither the names nor a search for them found the article."""
    assert clean_text("Zel\u00adenskyy in Ky\u200biv\u2060, Zel\u200cens\u200dkyy") == (
        "Zelenskyy in Kyiv, Zelenskyy"
    )
    page = tmp_path / "visit.txt"
    page.write_text(
        "Minister visits Lviv\n\nBy Anna Berg\n\n"
        "Foreign minister Jan Li\u200bpavsky met Volodymyr Zel\u00adenskyy and Olena "
        "Kova\u2060lenko in Lv\u200biv on Monday to discuss the reconstruction of the "
        "city's water works.\n\n"
        '"We stand together," Jan Lipavsky said after the meeting.\n',
        encoding="utf-8",
    )
    (item,) = load_file(page).items
    assert "Jan Lipavsky met Volodymyr Zelenskyy and Olena Kovalenko in Lviv" in item.body
    assert {"Jan Lipavsky", "Volodymyr Zelenskyy", "Olena Kovalenko"} <= set(item.people)
    assert not any(len(p.split()[-1]) <= 3 for p in item.people)  # no "Jan Li"
