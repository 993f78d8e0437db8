"""Untrusted text loses every byte that could act on a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
