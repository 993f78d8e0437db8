"""Dump every field of every `Extracted` an import gives, one JSON line per item.

    python benchmarks/dump_extraction.py OUT.jsonl PATH...

Each PATH (a file or a folder, walked in sorted order) is loaded with
`load_file` in this one process. Run it with an old checkout on PYTHONPATH and
with the new code, then `diff` the two dumps: an optimisation of extraction
must leave them identical.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from newsdesk.ingest.loader import load_file


def files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file())
        else:
            found.append(path)
    return found


def main() -> None:
    out, *roots = sys.argv[1:]
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for path in files([Path(root) for root in roots]):
            result = load_file(path)
            if result.error:
                handle.write(json.dumps({"file": str(path), "error": result.error}) + "\n")
            for index, item in enumerate(result.items):
                record = {"file": str(path), "index": index, **dataclasses.asdict(item)}
                handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                count += 1
    print(f"{count} items", file=sys.stderr)


if __name__ == "__main__":
    main()
