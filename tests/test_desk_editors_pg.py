"""Three editor processes triage one shared desk at once, the server restarted midway.

Each editor (a process of its own, `NEWSDESK_EDITOR` e0, e1, e2) stars, tags,
notes, claims, archives and undoes at random; when all three are halfway the
private server is restarted under them while they go on. Checked: no lost
update (every change an editor was told of is one batch of the log under its
name, every undo one undone batch), every editor reads the same final state,
and the log replays to it. Small sizes so it runs in seconds; the 10,000 x
10,000 run is `benchmarks/bench_shared_desk.py`.

A private cluster (tests/pg_cluster.py): the shared one is never restarted.
Skips, saying why, without PostgreSQL's server programs.
"""

from __future__ import annotations

import json
import multiprocessing as mp
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_cluster import PrivateCluster, private_cluster_or_skip
from tests.pg_editors import check, editor_run, open_desk

EDITORS = 3
ARTICLES = 40
ACTIONS = 120  # each


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    with private_cluster_or_skip() as started:
        yield started


def test_three_editors_and_a_restart_lose_nothing_and_agree(
    cluster: PrivateCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.model import Extracted

    url = cluster.url
    # open_desk sets these two in this process: put back as they were afterwards.
    monkeypatch.setenv("NEWSDESK_STORE", url)
    monkeypatch.setenv("NEWSDESK_EDITOR", "importer")
    items = [
        Extracted(
            title=f"Council vote number {n} on the harbour plan",
            body=f"Councillors met on day {n}. " + " ".join(f"w{n}x{k}" for k in range(40)),
            published=f"2026-11-{1 + n % 28:02d}T09:00:00Z",
        )
        for n in range(ARTICLES)
    ]
    importer = open_desk(tmp_path / "importer", url, "importer")
    ids = importer.add_extracted(items, "fixture")
    importer.close()
    assert len(ids) == ARTICLES

    ctx = mp.get_context("spawn")
    halfway = [ctx.Event() for _ in range(EDITORS)]
    go_on = ctx.Event()
    outs = [tmp_path / f"e{i}.json" for i in range(EDITORS)]
    procs = [
        ctx.Process(
            target=editor_run,
            args=(
                f"e{i}",
                str(tmp_path / f"e{i}"),
                url,
                ids,
                ACTIONS,
                200 + i,
                str(outs[i]),
                halfway[i],
                go_on,
            ),
        )
        for i in range(EDITORS)
    ]
    for proc in procs:
        proc.start()
    try:
        for event in halfway:
            assert event.wait(120), "an editor never got halfway"
        go_on.set()  # they go on while the server goes down and comes back
        cluster.restart()
        for proc in procs:
            proc.join(180)
            assert proc.exitcode == 0, f"an editor process failed ({proc.exitcode})"
    finally:
        go_on.set()
        for proc in procs:
            if proc.is_alive():
                proc.kill()
                proc.join()
    results = {f"e{i}": json.loads(outs[i].read_text(encoding="utf-8")) for i in range(EDITORS)}
    found = check(url, tmp_path, ids, results)
    told = sum(c["changes"] for c in found["counts"].values())
    assert told > ACTIONS  # the editors really changed things
    assert found["lost"] == [], found["counts"]
    assert found["same"]
    assert found["differ"] == []
