"""A digest of every item's story signature, to prove a change to it leaves the output alone.

    python benchmarks/check_signatures.py OUT.txt                # all corpora below
    python benchmarks/check_signatures.py OUT.txt --rss 2000     # and that many synthetic RSS items
    PYTHONPATH=/tmp/old python benchmarks/check_signatures.py OLD.txt   # the same with other code

One line per item: the file, the item's place in it, then a SHA-256 of its
`Signature.to_row()` blobs and `band_keys()`. Two runs over the same inputs,
one with the old code and one with the new, must print the same lines
(`diff OLD.txt NEW.txt`). The corpora: the shared real feeds, the text and
HTML copies of ../shared/realworld and ../shared/realworld-peer, the bundled
sample_data, and synthetic RSS items (`synthetic.write_inputs`, fixed seed).
With `--items`, the extracted items are kept in a pickle (extraction is most of
the run's four minutes) for quicker checks while working; the proof runs
without it, extracting with each version of the code. With `--shuffle`, items are signed in a seeded random order (caches warmed
differently) and the lines printed in file order: the output must not
depend on what was signed before.

Set NEWSDESK_CACHE_DIR (the word-weight tables are kept there). Prints the
item count; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.model import Extracted

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_inputs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = [
    SHARED / "realworld" / "feeds",
    SHARED / "realworld" / "text",
    SHARED / "realworld" / "html",
    SHARED / "realworld-peer" / "aeb" / "text",
    SHARED / "realworld-peer" / "aeb" / "html",
    SHARED / "realworld-peer" / "trafeval" / "text",
    SHARED / "realworld-peer" / "trafeval" / "html",
    ROOT / "sample_data",
]


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "README.md")


def collect(rss: int) -> list[tuple[str, Extracted]]:
    """Every item of the corpora, named by its folder, file and place in the file."""
    from newsdesk.ingest.loader import load_file

    items = []
    with tempfile.TemporaryDirectory(prefix="check-signatures-") as tmp:
        inputs = [(f"{f.parent.name}/{f.name}", f) for f in CORPORA if f.is_dir()]
        if rss:
            inputs.append(("synthetic-rss", write_inputs(Path(tmp) / "rss", rss, "rss")))
        for label, folder in inputs:
            for path in files(folder):
                name = f"{label}/{path.relative_to(folder)}"
                for i, item in enumerate(load_file(path).items):
                    items.append((f"{name}#{i}", item))
    return items


def digest(sig: object) -> str:
    """SHA-256 of the stored row and the band keys (what the store keeps)."""
    from newsdesk.stories.signature import Signature

    assert isinstance(sig, Signature)
    h = hashlib.sha256()
    for blob in sig.to_row():
        h.update(len(blob).to_bytes(4, "little"))
        h.update(blob)
    h.update(repr(sig.band_keys()).encode())
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rss", type=int, default=2000, help="synthetic RSS items (0: none)")
    parser.add_argument(
        "--items",
        type=Path,
        help="a pickle of the extracted items: read if it exists, else written",
    )
    parser.add_argument("--shuffle", action="store_true", help="sign in a random order")
    args = parser.parse_args()

    from newsdesk.stories.signature import compute

    if args.items and args.items.exists():
        items = pickle.loads(args.items.read_bytes())
    else:
        items = collect(args.rss)
        if args.items:
            args.items.write_bytes(pickle.dumps(items))
    order = list(range(len(items)))
    if args.shuffle:
        random.Random(1).shuffle(order)
    lines: dict[int, str] = {}
    for i in order:
        key, item = items[i]
        lines[i] = f"{key} {digest(compute(item))}"
    args.out.write_text("".join(lines[i] + "\n" for i in range(len(items))), "utf-8")
    print(f"{len(items)} items signed -> {args.out}")


if __name__ == "__main__":
    main()
