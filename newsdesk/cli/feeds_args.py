"""The arguments of `newsdesk feeds` and `newsdesk fetch` (light: no HTTP library loaded)."""

from __future__ import annotations

import argparse

from newsdesk.cli.path_args import input_path, output_path


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("feeds", help="feed subscriptions: add, list, remove, import/export OPML")
    actions = p.add_subparsers(dest="feeds_action", metavar="ACTION")
    a = actions.add_parser("add", help="subscribe to a feed by its http(s) URL")
    a.add_argument("url")
    a.add_argument("--name", default=None, help="short name for feed:NAME (default: from the URL)")
    a.add_argument("--every", default=None, help="how often to fetch: 15m, 2h, 1d (default 30m)")
    a.add_argument("--full-text", action="store_true", help="fetch each item's page for its text")
    a.add_argument("--tag", action="append", default=[], help="tag every item (repeatable)")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("list", help="subscriptions with their status and counts")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("remove", help="unsubscribe (the articles stay)")
    a.add_argument("feed", metavar="NAME_OR_URL")
    for name, helptext in (("pause", "stop fetching a feed"), ("resume", "fetch a feed again")):
        a = actions.add_parser(name, help=helptext)
        a.add_argument("feed", metavar="NAME_OR_URL")
    a = actions.add_parser(
        "set", help="rename a feed, or change its interval, tags or full-text setting"
    )
    a.add_argument("feed", metavar="NAME_OR_URL")
    a.add_argument("--name", default=None, help="its new name (for feed:NAME)")
    a.add_argument("--every", default=None, help="how often to fetch: 15m, 2h, 1d")
    text = a.add_mutually_exclusive_group()
    text.add_argument(
        "--full-text", dest="full_text", action="store_const", const=True, default=None
    )
    text.add_argument("--no-full-text", dest="full_text", action="store_const", const=False)
    a.add_argument("--tag", action="append", default=None, help="its tags, replacing them")
    a.add_argument("--no-tags", action="store_true", help="tag its items no more")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    a.add_argument("file", type=input_path)
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("export", help="write the subscriptions as OPML 2.0")
    a.add_argument(
        "--output", "-o", default=None, type=output_path, help="file to write (default: stdout)"
    )
    a.add_argument("--force", action="store_true", help="replace an existing file")

    p = sub.add_parser("fetch", help="fetch due feeds now (or the named ones)")
    p.add_argument("names", nargs="*", metavar="NAME")
    p.add_argument("--all", action="store_true", help="every unpaused feed, due or not")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds a request may take in all (default 60: at most 10 to connect, 20 without a byte)",
    )
    p.add_argument("--no-index", action="store_true", help="store only; index later")

    p = sub.add_parser("watch", help="import files as they arrive in folders (until Ctrl-C)")
    p.add_argument(
        "folders",
        nargs="*",
        type=input_path,
        metavar="DIR",
        help="folders to watch (default: [watch] folders)",
    )
    p.add_argument(
        "--settle", type=float, default=None, help="seconds a file must stay unchanged (default 1)"
    )
    p.add_argument("--no-initial", action="store_true", help="skip files already in the folders")
    p.add_argument("--json", action="store_true", help="one JSON line per import")
