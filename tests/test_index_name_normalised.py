"""One shared desk written two ways has one index folder.

`postgresql://explore@127.0.0.1/explore_b` and `...:5432/explore_b` built two index
folders and rebuilt the index twice: the address is normalised (the default port
written out, the host in lower case) before the folder is named, `newsdesk paths`
shows it so, and a folder under the name it had before is moved, not rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.config import STORE_ENV
from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.store.postgresql.connections import former_index_names, index_name
from tests.pg_support import pg_schema
from tests.reliability.helpers import main_in_process

PORTLESS = "postgresql://explore@127.0.0.1/explore_b"
PORTED = "postgresql://explore@127.0.0.1:5432/explore_b"


def _paths(root: Path) -> Paths:
    return Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")


def test_one_desk_written_with_and_without_its_port_has_one_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PGPORT", raising=False)
    assert index_name(PORTLESS) == index_name(PORTED)
    assert index_name("postgresql://explore@DB.Example.TEST/explore_b") == index_name(
        "postgresql://explore@db.example.test:5432/explore_b"
    )
    # The spelling that already had its port keeps the name it had: nothing moves.
    assert former_index_names(PORTED) == ()
    assert former_index_names(PORTLESS) != ()
    assert index_name(PORTED) != index_name("postgresql://explore@127.0.0.1:6543/explore_b")


def test_paths_shows_the_normalised_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PGPORT", raising=False)
    monkeypatch.setenv(STORE_ENV, PORTLESS)
    code, out, _ = main_in_process(["paths", "--json"])
    assert code == 0
    shown = json.loads(out)
    assert shown["store"] == PORTED
    assert shown["index_dir"].endswith(index_name(PORTED))


def test_an_index_folder_under_its_former_name_is_moved(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    (former,) = former_index_names(PORTLESS)
    old = paths.data_dir / "indexes" / former
    old.mkdir(parents=True)
    (old / "kept").write_text("x", encoding="utf-8")
    folder = paths.index_dir_for(index_name(PORTLESS), (former,))
    assert folder.name == index_name(PORTED)
    assert (folder / "kept").is_file() and not old.exists()


def test_a_shared_desks_index_is_not_rebuilt_under_its_new_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPORT", raising=False)
    with pg_schema() as url:
        if ":5432/" not in url:
            pytest.skip("the test server is not on the default port")
        portless = url.replace(":5432/", "/")
        (former,) = former_index_names(portless)
        monkeypatch.setenv(STORE_ENV, portless)
        with Desk(_paths(tmp_path)) as desk:
            desk.add_extracted(
                [Extracted(title="Lighthouse keeper retires", body="The keeper retired.")], "f"
            )
            desk.sync_index()
            built = desk.index_dir
        # As an earlier version named it; the same address opens it again.
        built.rename(built.parent / former)
        with Desk(_paths(tmp_path)) as desk:
            assert desk.index_dir == built
            assert not any("rebuil" in n for n in desk.notices), desk.notices
            assert len(desk.search("lighthouse").ids) == 1
