"""One bad file name never stops an import (issue 17 item 4).

A name that is not UTF-8 (bytes like 0xff) aborted the whole folder with
UnicodeEncodeError (exit 2, later files never imported): the store could not
take the surrogate escapes Python reads such a name with. Names are now stored
losslessly as text and shown cleaned; `newsdesk import -- -rf.txt` imports a
file named `-rf.txt`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.cli.main import main
from newsdesk.paths import name_from_text, name_text, resolve
from tests.test_hostile_output import FORBIDDEN

BAD_NAMES = [b"bad\xff.txt", b"latin1-caf\xe9.txt", b"half-\xe2\x82.txt", b"back\\slash\xfe.txt"]


def write(folder: Path, raw_name: bytes, headline: str) -> None:
    body = f"{headline}\n\nThe council met on Tuesday to discuss {headline.lower()} at length.\n"
    with open(os.path.join(os.fsencode(folder), raw_name), "wb") as fh:
        fh.write(body.encode())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        write(folder, BAD_NAMES[0], "Probe")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    os.remove(os.path.join(os.fsencode(folder), BAD_NAMES[0]))
    write(folder, b"a-first.txt", "Harbour strike enters third day")
    for i, name in enumerate(BAD_NAMES):
        write(folder, name, f"Glacier survey number {i} finds faster melt")
    write(folder, b"z-last.txt", "Ferry timetable changes for winter")
    return folder


def stored_origins() -> list[str]:
    con = sqlite3.connect(resolve().database)
    try:
        return [r[0] for r in con.execute("SELECT origin FROM origins")]
    finally:
        con.close()


def test_a_folder_with_non_utf8_names_imports_every_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "imported 6" in out and "failed 0" in out
    assert not FORBIDDEN.search(out + err)
    # Stored losslessly: each stored name reads back to the very bytes on disk.
    on_disk = {os.path.join(os.fsencode(folder), n) for n in os.listdir(os.fsencode(folder))}
    back = {os.fsencode(name_from_text(origin)) for origin in stored_origins()}
    assert back == on_disk
    # Shown cleaned, with the odd bytes visible: list and show --json.
    assert main(["import", "--json", str(folder)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["duplicates"] == 6 and summary["failed"] == []


def test_a_bad_name_that_fails_is_reported_cleaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), b"empty\xff\x1b]0;t\x07.txt"), "wb"):
            pass
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    write(folder, b"ok.txt", "Harbour strike enters third day")
    code = main(["import", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0 and "imported 1" in out and "failed 1" in out
    assert "empty\\xff" in out.replace("\n", "") and not FORBIDDEN.search(out + err)


def test_a_name_starting_with_a_dash_after_double_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, b"-rf.txt", "Harbour strike enters third day")
    write(tmp_path, b"-n.txt", "Glacier survey finds faster melt")
    assert main(["import", "--", "-rf.txt", "-n.txt"]) == 0
    assert "imported 2" in capsys.readouterr().out
    write(tmp_path, b"-x.txt", "Ferry timetable changes for winter")
    assert main(["import", "-x.txt"]) == 0  # without `--` too, as queries may start with -
    assert "imported 1" in capsys.readouterr().out
    # Stored where they are, not relative to the shell's folder.
    assert sorted(stored_origins()) == [str(tmp_path / n) for n in ("-n.txt", "-rf.txt", "-x.txt")]


@given(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=["Cs"]),
            st.sampled_from(["\\", "x", "\udc80", "\udcff", "\udce9"]),
        )
    )
)
def test_stored_names_round_trip_and_are_utf8(name: str) -> None:
    text = name_text(name)
    text.encode("utf-8")  # storable anywhere
    assert name_from_text(text) == name
