"""A file that mixes UTF-8 lines with Latin-1 ones keeps every paragraph, readable:
read as Windows-1252 whole, the UTF-8 paragraph was garbled and extraction dropped it
("imported 1" with half the text), and a UTF-8 headline read "cafÃ©"."""

from __future__ import annotations

from newsdesk.ingest.decode import decode_bytes
from newsdesk.ingest.loader import load_bytes

LATIN1 = "Le café coûte très cher à Paris, dit-il, devant la gare du Nord.".encode("latin-1")
UTF8_PARAGRAPH = (
    "Le maire de Zürich a déclaré lundi que le tramway reprendrait en mars. "
    "Il a ajouté que le coût était de 4 millions de francs. "
) * 3


def test_a_latin1_paragraph_beside_a_longer_utf8_one_keeps_both() -> None:
    data = (
        b"Tram works in Zurich\n\n"
        + b" ".join([LATIN1] * 4)
        + b"\n\n"
        + UTF8_PARAGRAPH.encode()
        + b"\n"
    )
    result = load_bytes(data, "mixed.txt")
    assert result.error is None
    (item,) = result.items
    # The Latin-1 paragraph is read as the standfirst here: kept, readable.
    assert "Le café coûte très cher" in f"{item.dek}\n{item.body}"
    assert "Le maire de Zürich a déclaré lundi" in item.body
    assert any("mixed encodings" in w and "line 3" in w for w in result.warnings)


def test_a_utf8_headline_and_tail_around_a_latin1_body() -> None:
    data = (
        "Mixed encodings café\n\n".encode()
        + b" ".join([LATIN1] * 4)
        + b"\n\n"
        + UTF8_PARAGRAPH.encode()
        + "\n\nPropos recueillis à Zürich.\n".encode()
    )
    decoded = decode_bytes(data)
    assert decoded.text.startswith("Mixed encodings café\n")
    assert "Le café coûte" in decoded.text and "recueillis à Zürich" in decoded.text
    assert "Ã" not in decoded.text and "\ufffd" not in decoded.text
    assert decoded.warning is not None


def test_a_utf8_line_with_one_stray_byte_keeps_its_utf8() -> None:
    line = "Zürich: le coût était de 4 millions, dit l\x92adjoint".encode()
    line = line.replace("\x92".encode(), b"\x92")
    data = b"Headline here\n\n" + line + b"\n\n" + UTF8_PARAGRAPH.encode() + b"\n" + LATIN1
    text = decode_bytes(data).text
    assert "Zürich: le coût était de 4 millions, dit l\u2019adjoint" in text
    assert "Le café coûte" in text


def test_a_latin1_file_is_still_read_whole_in_its_charset() -> None:
    decoded = decode_bytes(b"Prix du caf\xe9\n\n" + LATIN1 + b"\n")
    assert decoded.warning is None
    assert "café coûte" in decoded.text


def test_a_korean_page_whose_pairs_read_as_utf8_is_no_mix() -> None:
    """EUC-KR's 천, 청, 호, 화 are valid UTF-8 byte pairs too: a Korean page (declared or
    not) was read as "mixed", a line at a time, and its Hangul came out as "õȣ ó"."""
    from newsdesk.ingest.decode import decode_bytes

    body = "\n<p>천호 처</p>\n<p>서울시는 오늘 새로운 교통 정책을 발표했다.</p>\n"
    declared = f'<html><head><meta charset="euc-kr"></head><body>{body}</body></html>'
    decoded = decode_bytes(declared.encode("euc-kr"))
    assert "천호 처" in decoded.text and decoded.warning is None
    plain = "천호 처\n\n" + "서울시는 오늘 새로운 교통 정책을 발표했다. " * 5
    decoded = decode_bytes(plain.encode("euc-kr"))
    assert "천호 처" in decoded.text and "mixed" not in (decoded.warning or "")
