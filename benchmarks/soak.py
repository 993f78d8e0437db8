"""Longer reliability runs than CI can afford: many kills, a bigger store, more fuzzing.

    python benchmarks/soak.py                      # kills (query form) + the reliability suite in soak mode
    python benchmarks/soak.py --kills 50 --articles 20000 --fuzz-scale 20
    python benchmarks/soak.py --no-pytest          # only the kill loops below

What it does, in a temporary directory (your own data is never touched):

1. Builds a store of `--articles` articles and indexes it.
2. Bulk tag by query (`newsdesk tag is:unread +x`), SIGKILLed at seeded random
   moments, `--kills` times: every outcome must be all or nothing.
3. Import of `--files` text files, SIGKILLed `--kills` times: every article
   stored must be whole; afterwards a search finds every stored article.
4. Runs tests/reliability with NEWSDESK_SOAK=1 (25 kills per scenario unless
   NEWSDESK_KILLS says otherwise) and NEWSDESK_FUZZ_EXAMPLES=`--fuzz-scale`.

Prints the figures RELIABILITY.md quotes. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsdesk.desk import Desk  # noqa: E402
from newsdesk.model import Extracted, article_id  # noqa: E402
from newsdesk.paths import resolve  # noqa: E402
from newsdesk.store import Store  # noqa: E402
from tests.reliability.helpers import (  # noqa: E402
    assert_articles_whole,
    cli_command,
    read_articles,
    token,
    write_text_corpus,
)


def build(data: Path, count: int) -> None:
    store = Store(data / "newsdesk.sqlite3")
    with store.transaction() as tx:
        for n in range(count):
            meta = Extracted(
                title=f"Soak item {n} {token(n)}",
                body=f"Body {n} about the harbour vote.",
                source="Soak Wire",
                word_count=6,
            )
            store.insert(tx, article_id(meta), meta, f"soak/{n}.txt", None)
    store.close()
    with Desk(resolve(data)) as desk:
        desk.sync_index()


def killed_run(argv: list[str], delay: float, env: dict[str, str]) -> bool:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def tag_count(db: Path, tag: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM tags WHERE tag = ?", (tag,)).fetchone()[0])
    finally:
        conn.close()


def soak_bulk_tag(
    root: Path, articles: int, kills: int, rng: random.Random, env: dict[str, str]
) -> list[str]:
    data = root / "bulk"
    began = time.monotonic()
    build(data, articles)
    print(f"built and indexed {articles} articles in {time.monotonic() - began:.1f}s")
    began = time.monotonic()
    subprocess.run(
        cli_command(data, "tag", "is:unread", "+calibration"),
        env=env,
        check=True,
        capture_output=True,
    )
    took = time.monotonic() - began
    failures = []
    whole = none = 0
    for attempt in range(kills):
        tag = f"soak-{attempt}"
        killed_run(
            cli_command(data, "tag", "is:unread", f"+{tag}"),
            rng.uniform(0.3 * took, 1.1 * took),
            env,
        )
        count = tag_count(data / "newsdesk.sqlite3", tag)
        if count == articles:
            whole += 1
        elif count == 0:
            none += 1
        else:
            failures.append(f"bulk tag torn: {count} of {articles} tagged")
    print(
        f"bulk tag by query: {kills} kills over a {took:.1f}s run -> {whole} complete, {none} none, "
        f"{len(failures)} torn"
    )
    return failures


def soak_import(
    root: Path, files: int, kills: int, rng: random.Random, env: dict[str, str]
) -> list[str]:
    corpus = root / "corpus"
    write_text_corpus(corpus, files)
    data = root / "import"
    failures = []
    for _ in range(kills):
        killed_run(cli_command(data, "import", str(corpus), "--json"), rng.uniform(0.3, 6.0), env)
        db = data / "newsdesk.sqlite3"
        if db.exists():
            try:
                assert_articles_whole(db)
            except AssertionError as exc:
                failures.append(f"import left a broken article: {exc}")
    rows = read_articles(data / "newsdesk.sqlite3") if (data / "newsdesk.sqlite3").exists() else []
    missing = 0
    with Desk(resolve(data)) as desk:
        desk.sync_index()
        for row in rows:
            if row["id"] not in desk.search(token_of(row), limit=None).ids:
                missing += 1
    if missing:
        failures.append(f"{missing} stored articles not found by search after the kills")
    print(
        f"import: {kills} kills, {len(rows)} of {files} articles stored whole, "
        f"{len(rows) - missing} found by search"
    )
    return failures


def token_of(row: dict[str, object]) -> str:
    return str(row["title"]).split()[0].lower()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--fuzz-scale", type=int, default=10)
    parser.add_argument(
        "--no-pytest", action="store_true", help="skip the reliability suite in soak mode"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsdesk-soak-") as tmp:
        root = Path(tmp)
        env = dict(os.environ)
        for name, sub in (("NEWSDESK_CONFIG_DIR", "config"), ("NEWSDESK_CACHE_DIR", "cache")):
            env[name] = str(root / sub)
        os.environ.update({k: env[k] for k in ("NEWSDESK_CONFIG_DIR", "NEWSDESK_CACHE_DIR")})
        failures += soak_bulk_tag(root, args.articles, args.kills, rng, env)
        failures += soak_import(root, args.files, args.kills, rng, env)
    if not args.no_pytest:
        env = dict(
            os.environ,
            NEWSDESK_SOAK="1",
            NEWSDESK_FUZZ_EXAMPLES=str(args.fuzz_scale),
            NEWSDESK_FUZZ_RANDOM="1",
            NEWSDESK_SEED=str(args.seed),
        )
        began = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "tests/reliability"], cwd=REPO, env=env
        )
        print(
            f"reliability suite in soak mode: exit {proc.returncode} in {time.monotonic() - began:.0f}s"
        )
        if proc.returncode:
            failures.append("the reliability suite failed in soak mode")
    for failure in failures:
        print("FAIL:", failure)
    print("soak:", "ok" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
