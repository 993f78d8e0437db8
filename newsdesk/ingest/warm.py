"""Loaded by the import workers' fork server before it forks any worker.

Importing this module does, once, what every import worker otherwise did for
itself on its first article: the extraction and story modules imported (and
their ~270 patterns compiled), the place gazetteer and the English word
frequencies loaded. Each worker forked from the server starts with all of it.
Nothing here may raise: the server must start whatever happens (a worker then
loads what it needs itself, as before).
"""

from __future__ import annotations

import gc
import signal

#: A tiny page and feed that reach every stage a worker runs on them (decoding,
#: feed parsing, entities, quotes, language, story signature): the libraries and
#: tables those stages load on first use are loaded here. HTML pages' own
#: library (trafilatura) is left to the workers that meet one.
_PAGE = (
    "Council approves budget\n\nBy Ana Velasco\n\n"
    "LISBON — The council approved the 2027 spending plan on Tuesday after a long "
    'debate. "It is a fair budget," said Maria Silva of the finance committee.\n'
)
_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
    "<item><title>Council approves budget</title><description>&lt;p&gt;"
    "The council approved the plan on Tuesday.&lt;/p&gt;</description>"
    "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>"
)


def _warm() -> None:
    from newsdesk.library_logs import quiet_library_logs

    quiet_library_logs()  # the server shares the importing process's terminal
    try:
        from newsdesk.ingest.loader import load_bytes
        from newsdesk.pipeline import _prepared

        _prepared(load_bytes(_PAGE.encode(), "page.txt"))
        _prepared(load_bytes(_FEED.encode(), "feed.rss"))
    except Exception:  # a worker loads what it needs itself, as without the server
        return
    # What is loaded now lives as long as every worker: out of the collector's sight
    # (its scans would also copy the shared pages into each worker).
    gc.collect()
    gc.freeze()


# The server ignores Ctrl-C once its modules are loaded (multiprocessing does so after
# the preload); a press while it loads this one (the terminal sends it to the whole
# group) printed a traceback from the middle of the warming. The importing process
# stops the import; its workers ignore Ctrl-C too (`pipeline._start_worker`).
signal.signal(signal.SIGINT, signal.SIG_IGN)
_warm()
