"""Instructions `find_entities` costs an article, on the bodies and titles real imports give it.

    python benchmarks/entities_cost.py collect OUT.json [--step N] PATH...
    valgrind --tool=callgrind --dump-instr=no --collect-atstart=no \\
        --toggle-collect=starmap_next --callgrind-out-file=OUT \\
        python benchmarks/entities_cost.py run OUT.json
    python benchmarks/entities_cost.py check OUT.json   # a digest of every answer

`collect` loads the files (every `--step`-th of the sorted listing) and keeps the
`(body, title)` of each `find_entities` call extraction makes, in order. `run` calls
`find_entities` and then `analyse` (as the quote finder does) on each, the first one
uncounted (the first-use loads: word lists, the gazetteer), the others inside
`itertools.starmap`, whose C function `starmap_next` nothing in extraction calls, so
callgrind counts only them: callgrind's total / the calls counted is the steady cost of
one article's entities. `check` prints a SHA-256 over every result and every analysis
(mentions, kinds, surfaces, genders), to compare two trees' answers.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

from extract_cost import chosen_files


def collect(out: Path, paths: list[Path], step: int) -> None:
    import newsdesk.extract.entities as entities
    from newsdesk.ingest.loader import load_file

    calls: list[tuple[str, str]] = []
    real = entities.find_entities

    def spy(body: str, *, title: str = "", exclude: Any = ()) -> Any:
        calls.append((body, title))
        return real(body, title=title, exclude=exclude)

    entities.find_entities = spy  # type: ignore[assignment]
    for path in chosen_files(paths, step):
        load_file(path)
    out.write_text(json.dumps(calls, ensure_ascii=False), "utf-8")
    print(f"{len(calls)} calls", file=sys.stderr)


def _one(body: str, title: str) -> tuple[Any, Any]:
    from newsdesk.extract.entities import analyse, find_entities

    return find_entities(body, title=title), analyse(body)


def run(calls_file: Path) -> list[tuple[Any, Any]]:
    import newsdesk.extract.entities
    import newsdesk.extract.quotes  # noqa: F401

    calls = [tuple(c) for c in json.loads(calls_file.read_text("utf-8"))]
    answers = [_one(*calls[0])]  # first-use loads, not counted
    started = time.process_time()
    answers += list(itertools.starmap(_one, calls[1:]))
    spent = time.process_time() - started
    print(f"{len(calls) - 1} calls counted, {spent:.2f} s CPU", file=sys.stderr)
    return answers


def check(calls_file: Path) -> None:
    digest = hashlib.sha256()
    for result, analysis in run(calls_file):
        digest.update(repr(vars(result)).encode())
        digest.update(
            repr(
                (
                    [(m.start, m.end, m.name, m.kind) for m in analysis.mentions],
                    analysis.kinds,
                    analysis.surfaces,
                    analysis.genders,
                )
            ).encode()
        )
    print(digest.hexdigest())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("collect", "run", "check"))
    parser.add_argument("file", type=Path)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--step", type=int, default=1, help="every n-th file")
    args = parser.parse_args()
    if args.mode == "collect":
        collect(args.file, args.paths, args.step)
    elif args.mode == "run":
        run(args.file)
    else:
        check(args.file)


if __name__ == "__main__":
    main()
