"""Detection by sniffing, files and folders, size limits, gzip and gzip bombs."""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

import pytest

from newsdesk.ingest import iter_input_files, load_bytes, load_file
from newsdesk.ingest.limits import MAX_DECOMPRESSED_BYTES, MAX_FILE_BYTES
from newsdesk.ingest.sniff import detect_format

HTML = (
    "<!DOCTYPE html><html><head><title>Tram line extended | City Courier</title></head>"
    "<body><article><h1>Tram line extended</h1>"
    + "<p>The tram line will run three stops further from next spring, the council said.</p>" * 4
    + "</article></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
    "<item><title>One</title><link>https://example.org/1</link><description>First item text.</description></item>"
    "</channel></rss>"
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("page.txt", HTML, "html"),
        ("feed.html", RSS, "feed"),
        ("noext", RSS, "feed"),
        ("noext", "Just a headline\n\nAnd text.", "text"),
        ("notes.txt", "---\ntitle: X\n---\nbody", "markdown"),
        ("data.txt", '{"title": "x", "body": "y"}\n', "jsonl"),
        ("x.xml", "plain words, not xml", "feed"),
        ("x.xml", "A headline\n\nA text page saved under an XML name.", "text"),
        ("x.xml", "<note>broken", "feed"),
        ("page.jsonl", "A headline\n\nA text page saved under a JSON name.", "text"),
        ("bad.jsonl", '{"title": broken\n', "jsonl"),
        ("a.md", "no front matter", "markdown"),
        (
            "feed.atom",
            '<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>',
            "feed",
        ),
        ("rdf.txt", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
        ("story.txt", "Rates --- fall\n\nThe bank cut rates.", "text"),
        ("story.txt", "[Updated] Storm warning lifted\n\nThe warning ended at noon.", "text"),
        ("story.txt", '[{"title": "x"}]', "jsonl"),
        ("export", '{\n  "title": "x",\n  "body": "y"\n}\n', "jsonl"),
    ],
)
def test_detect_format(name: str, content: str, expected: str) -> None:
    assert detect_format(name, content) == expected


def test_extension_that_lies_content_wins() -> None:
    result = load_bytes(RSS.encode(), "looks-like-a-page.html")
    assert result.format == "feed"
    assert result.error is None
    assert [i.title for i in result.items] == ["One"]


def test_load_file_reads_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Storm closes coastal road\n\nThe coastal road closed overnight.\n", encoding="utf-8"
    )
    result = load_file(path)
    assert result.path == path
    assert result.error is None
    assert "Storm" in result.items[0].title


def test_missing_file_is_an_error_not_an_exception(tmp_path: Path) -> None:
    result = load_file(tmp_path / "absent.txt")
    assert result.items == []
    assert result.error is not None


def test_folder_given_to_load_file(tmp_path: Path) -> None:
    assert load_file(tmp_path).error == "is a folder, not a file"


def test_too_large_file_is_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        # Sparse: the size is there, the disk blocks are not.
        handle.truncate(MAX_FILE_BYTES + 20 * 1024 * 1024 + 300_000)
    result = load_file(path)
    assert result.items == []
    assert result.error == "file too large: 52.3 MB; the limit is 32 MB"


def test_a_file_just_over_the_limit_says_a_size_other_than_the_limit(tmp_path: Path) -> None:
    """32 MB and a few bytes read "32 MB (limit 32 MB)": the figures differ now."""
    path = tmp_path / "just-over.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 40_000)
    result = load_file(path)
    assert result.error == "file too large: 32.04 MB; the limit is 32 MB"


def test_too_large_bytes_are_rejected() -> None:
    result = load_bytes(b"a" * (MAX_FILE_BYTES + 1), "big.txt")
    assert result.error is not None
    assert result.error.startswith("file too large")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    assert load_file(path).error == "empty file"


def test_gzip_html_page() -> None:
    result = load_bytes(gzip.compress(HTML.encode()), "page.html.gz")
    assert result.error is None
    assert result.format == "html"
    assert result.items[0].title == "Tram line extended"


def test_gzip_without_gz_extension_is_sniffed() -> None:
    result = load_bytes(gzip.compress(RSS.encode()), "download")
    assert result.format == "feed"
    assert len(result.items) == 1


def test_gzip_bomb_is_capped() -> None:
    # ~70 MB of zeros compresses to ~70 KB: built chunk by chunk, never held whole.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\x00" * (1024 * 1024)
    parts = [compressor.compress(block) for _ in range(MAX_DECOMPRESSED_BYTES // len(block) + 6)]
    bomb = b"".join(parts) + compressor.flush()
    result = load_bytes(bomb, "bomb.html.gz")
    assert result.items == []
    assert result.error is not None
    assert "gzip bomb" in result.error


def test_tar_gz_is_named() -> None:
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("story.txt")
        payload = b"Headline\n\nBody.\n"
        info.size = len(payload)
        archive.addfile(info, io.BytesIO(payload))
    result = load_bytes(buffer.getvalue(), "stories.tar.gz")
    assert result.error == "not a news file: binary data (tar archive)"


def test_corrupt_gzip() -> None:
    data = gzip.compress(HTML.encode())[:40]
    result = load_bytes(data, "cut.html.gz")
    assert result.error is not None
    assert "gzip" in result.error


def test_iter_input_files_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("x")
    (root / "b" / "c.html").write_text("x")
    (root / "b" / "d.unknown").write_text("x")
    (root / ".hidden.txt").write_text("x")
    (root / ".git" / "config").write_text("x")
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    os.symlink(outside, root / "link-out.txt")
    os.symlink(root / "a.txt", root / "link-in.txt")
    single = tmp_path / "single.md"
    single.write_text("x")
    (root / "e.txt").write_text("x")
    os.symlink(root / "e.txt", root / "b" / "0-link-in.txt")
    found = list(iter_input_files([root, single, root / "a.txt"]))
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    # link-in.txt is a.txt again, and a.txt named twice is offered once.
    assert names == ["in/a.txt", "in/b/0-link-in.txt", "in/b/c.html", "in/b/d.unknown", "single.md"]


def test_iter_input_files_survives_symlink_loop(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_text("x")
    os.symlink(root, root / "again")
    assert [p.name for p in iter_input_files([root])] == ["a.txt"]


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = load_file(fifo)
    assert result.items == []
    assert result.error == "not a regular file"


def test_stray_nul_in_text_is_dropped() -> None:
    data = b"Night bus service returns\n\nThe night bus\x00 returns to the city centre on Friday, the operator said.\n"
    result = load_bytes(data, "nul.txt")
    assert result.error is None
    assert "\x00" not in result.items[0].body
    assert "night bus returns" in result.items[0].body.lower() + result.items[0].title.lower()


def test_hidden_file_named_explicitly_is_yielded(tmp_path: Path) -> None:
    hidden = tmp_path / ".draft.md"
    hidden.write_text("x")
    assert list(iter_input_files([hidden])) == [hidden]


def test_reasons_are_sanitised() -> None:
    result = load_bytes(b'{"title": 1\x1b[2J\n{"oops\x1b]0;x\x07\n', "bad.jsonl")
    assert result.error is not None
    assert "\x1b" not in result.error
    assert all("\x1b" not in w for w in result.warnings)


# Inputs that made a backtracking regex quadratic; each must import or be refused promptly.
PATHOLOGICAL = [
    ("heading.md", "# " + " " * 50_000 + "x\n\nBody text here."),
    ("autolinks.md", "<http://" * 50_000),
    ("emphasis.md", "**x " * 50_000),
    ("links.md", "[a](" * 50_000),
    ("decl.xml", "<?xml" + " " * 50_000 + "version='1.0'?><rss></rss>"),
    ("doctype.xml", "<!DOCTYPE rss " + "a" * 1_100_000),
    (
        "title.html",
        '<html><head><meta property="og:title" content="A'
        + " " * 50_000
        + 'B"></head><body><p>Body text.</p></body></html>',
    ),
    ("author.md", "---\nauthor: 'A" + " " * 50_000 + "B'\ntitle: T\n---\nBody text.\n"),
]


@pytest.mark.parametrize(("name", "content"), PATHOLOGICAL, ids=[n for n, _ in PATHOLOGICAL])
def test_pathological_input_imports_or_is_refused(name: str, content: str) -> None:
    result = load_bytes(content.encode(), name)
    assert (result.error is None) == bool(result.items)


def test_folder_walk_skips_the_folders_own_docs(tmp_path: Path) -> None:
    from newsdesk.ingest import iter_input_files

    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Permission is granted\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    assert [p.name for p in iter_input_files([tmp_path])] == ["story.txt"]
    # Named explicitly, a README is imported like any file.
    assert [p.name for p in iter_input_files([tmp_path / "README.md"])] == ["README.md"]
