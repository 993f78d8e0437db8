"""Instructions `draft_feed` spends on feeds, for `valgrind --tool=callgrind` (quiet machines
or not, instruction counts repeat where timings do not).

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/callgrind_feed.py MODE FILE...

MODE is `none` (imports and a warm-up only: the baseline to subtract), `feedparser`
(every feed read by feedparser, as before `feed_fast`) or `quick` (plain RSS 2.0 read
by `feed_fast`). Instructions a run spends beyond the `none` run, over the items it
prints, are the reading's cost an item. Each file is read once after the warm-up.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from newsdesk.ingest import feed
from newsdesk.ingest.result import Rejected

_WARM = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><link>http://w.example/'
    "</link><item><title>A &amp; b</title><link>http://w.example/a</link><pubDate>Tue, 14 May"
    " 2024 08:30:00 GMT</pubDate><author>Ana Lima</author><description>&lt;p&gt;Text.&lt;/p"
    "&gt;</description></item></channel></rss>"
)


def main(argv: list[str]) -> int:
    mode, files = argv[0], [Path(p) for p in argv[1:]]
    texts = [p.read_text("utf-8", errors="replace") for p in files]
    for quick in (False, True):  # imports, compiled patterns and caches on both paths
        feed.QUICK_RSS = quick
        feed.draft_feed(_WARM, [])
        feed.draft_feed(_WARM.replace("2.0", "2.0" + '" xml:lang="en'), [])
    items = 0
    if mode != "none":
        feed.QUICK_RSS = mode == "quick"
        for text in texts:
            with contextlib.suppress(Rejected):
                items += len(feed.draft_feed(text, []).drafts)
    print(f"{mode}: {items} items from {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
