"""How many of ../shared/realworld's HTML pages and their text copies become one article.

    python benchmarks/eval_page_copies.py

For each page: import the HTML page, then its whole-page text copy and its
copy from the headline, through the Desk into a fresh data directory, and
count the pages whose three imports end as one article with three origins.
Pages whose copies stay apart are listed (title and outlet as extracted).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "shared" / "realworld"


def main() -> None:
    if not REAL.is_dir():
        sys.exit(f"no real pages at {REAL}")
    pages = sorted(p.name[: -len(".html.gz")] for p in (REAL / "html").glob("*.html.gz"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSDESK_DATA_DIR"] = tmp
        from newsdesk.desk import Desk
        from newsdesk.paths import resolve

        merged = 0
        with Desk(resolve()) as desk:
            for name in pages:
                files = [
                    REAL / "html" / f"{name}.html.gz",
                    REAL / "text" / f"{name}.txt",
                    REAL / "text" / f"{name}.from_headline.txt",
                ]
                before = desk.count()
                desk.import_paths(files)
                added = desk.count() - before
                if added == 1:
                    merged += 1
                else:
                    print(f"  apart ({added} articles): {name}")
        print(f"{merged} of {len(pages)} pages: HTML and both text copies are one article")


if __name__ == "__main__":
    main()
