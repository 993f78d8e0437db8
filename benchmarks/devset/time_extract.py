"""Time `extract_page` per page: synthetic 500- and 1,000-word pages and the dev set.

    python benchmarks/devset/time_extract.py [--runs 15]

Prints best-of-N and median milliseconds per page, in CPU time of this process
(`time.process_time`): on a shared, loaded machine wall-clock time mostly
measures the other work; the best run is the least disturbed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import articles, page_text  # noqa: E402

from newsdesk.extract.page import extract_page  # noqa: E402


def _stitched(words: int, count: int = 8) -> list[str]:
    """Pages of about `words` words of news prose: a sample page's header, then
    paragraphs drawn in turn from the bundled sample pages (names, quotes,
    places), which synthetic vocabulary lacks."""
    sources = sorted((ROOT / "sample_data/pages").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in sources]
    paragraphs = [
        block
        for text in texts
        for block in text.split("\n\n")
        if len(block.split()) >= 25 and "©" not in block
    ]
    if not paragraphs:
        return []
    pages = []
    for n in range(count):
        header = "\n\n".join(texts[n % len(texts)].split("\n\n")[:4])
        body: list[str] = []
        k = n * 7
        while sum(len(b.split()) for b in body) < words:
            body.append(paragraphs[k % len(paragraphs)])
            k += 1
        pages.append(header + "\n\n" + "\n\n".join(body) + "\n")
    return pages


def _time(pages: list[str], runs: int) -> tuple[float, float]:
    per_page: list[float] = []
    for _ in range(runs):
        start = time.process_time()
        for text in pages:
            extract_page(text)
        per_page.append((time.process_time() - start) * 1000 / len(pages))
    return min(per_page), statistics.median(per_page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    extract_page(page_text(next(articles(1))))  # load tables before timing
    sets = {
        "synthetic 500 words": [page_text(a) for a in articles(10, seed=3, words=500)],
        "synthetic 1000 words": [page_text(a) for a in articles(10, seed=4, words=1000)],
        "news prose 500 words": _stitched(500),
        "news prose 1000 words": _stitched(1000),
        "dev set pages": [
            p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "benchmarks/devset/pages").glob("*.txt"))
        ],
    }
    for name, pages in sets.items():
        if not pages:
            continue
        best, median = _time(pages, args.runs)
        print(f"{name:22} best {best:7.2f} ms/page   median {median:7.2f} ms/page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
