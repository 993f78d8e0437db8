"""Instructions that named functions cost a warm article, inclusive, in one callgrind run.

    valgrind --tool=callgrind --dump-instr=no --collect-atstart=no \\
        --toggle-collect=starmap_next --callgrind-out-file=OUT \\
        python benchmarks/function_cost.py [--step N] --wrap MODULE:NAME ... -- PATH...
    callgrind_annotate --inclusive=yes OUT | grep -E 'starmap_next|_operator_call|...'

callgrind sees the interpreter's C functions, not Python's: a Python function's cost is
spread over the evaluation loop. Each function named by `--wrap` is replaced, in every
`newsdesk` module that holds it by name, by a wrapper that calls it through a C function
of its own that nothing in extraction calls (`operator.call`, `sys.call_tracing`,
`operator.methodcaller`, `functools.reduce`, `defaultdict`'s factory, `itertools.filterfalse`
and `dropwhile`, in `--wrap` order): that C function's inclusive count is the Python
function's, callers' calls through the memo of a `line_cache` test included (wrap the
module's name; the memo's first answers are wrapped by `MODULE:NAME.__wrapped__`, which
rebuilds the memo around the wrapper). Files are counted as in `page_cost.py`: the first
loaded uncounted, the others inside `itertools.starmap` (`starmap_next`'s inclusive count
/ the files counted is an article's). The wrappers add a few hundred instructions a call
to the counts above them.
"""

from __future__ import annotations

import argparse
import collections
import functools
import importlib
import itertools
import operator
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extract_cost import chosen_files

from newsdesk.extract.lines import line_cache
from newsdesk.ingest.loader import LoadResult, load_file

_Wrap = Callable[[Callable[..., Any]], Callable[..., Any]]


def _through_call(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return operator.call(func, *args, **kwargs)

    return wrapper


def _through_tracing(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return sys.call_tracing(lambda: func(*args, **kwargs), ())

    return wrapper


def _through_methodcaller(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return operator.methodcaller("__call__", *args, **kwargs)(func)

    return wrapper


def _through_reduce(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return functools.reduce(lambda _a, _b: func(*args, **kwargs), (0, 0))

    return wrapper


def _through_missing(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return collections.defaultdict(lambda: func(*args, **kwargs))[0]

    return wrapper


def _through_filterfalse(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        box: list[Any] = []
        next(itertools.filterfalse(lambda _: box.append(func(*args, **kwargs)), (0,)))
        return box[0]

    return wrapper


def _through_dropwhile(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        box: list[Any] = []
        next(itertools.dropwhile(lambda _: box.append(func(*args, **kwargs)), (0,)))
        return box[0]

    return wrapper


#: The C function each wrapper runs its function in, as callgrind names it.
TRAMPOLINES: tuple[tuple[str, _Wrap], ...] = (
    ("_operator_call", _through_call),
    ("sys_call_tracing", _through_tracing),
    ("methodcaller_call", _through_methodcaller),
    ("functools_reduce", _through_reduce),
    ("defdict_missing", _through_missing),
    ("filterfalse_next", _through_filterfalse),
    ("dropwhile_next", _through_dropwhile),
)


def wrap(target: str, through: _Wrap) -> int:
    """Route `MODULE:NAME` (or `MODULE:NAME.__wrapped__`) through `through` wherever a
    newsdesk module holds it by name; returns the modules changed."""
    module_name, _, name = target.partition(":")
    first = name.endswith(".__wrapped__")
    name = name.removesuffix(".__wrapped__")
    module = importlib.import_module(module_name)
    original = getattr(module, name)
    if first:
        # A `line_cache` test: its memo rebuilt around the wrapped first answer.
        replacement = line_cache(through(original.__wrapped__))
    else:
        replacement = functools.wraps(original)(through(original))
    changed = 0
    for loaded in list(sys.modules.values()):
        if getattr(loaded, "__name__", "").startswith("newsdesk") and vars(loaded).get(name) is (
            original
        ):
            setattr(loaded, name, replacement)
            changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--step", type=int, default=1, help="every n-th file")
    parser.add_argument("--wrap", action="append", default=[], help="MODULE:NAME")
    args = parser.parse_args()
    files = chosen_files(args.paths, args.step)
    if len(args.wrap) > len(TRAMPOLINES):
        parser.error(f"at most {len(TRAMPOLINES)} functions a run")
    for target, (symbol, through) in zip(args.wrap, TRAMPOLINES, strict=False):
        print(f"{symbol}\t{target}\t{wrap(target, through)} modules", file=sys.stderr)
    load_file(files[0])  # first-use loads, not counted
    started = time.process_time()
    results: list[LoadResult] = list(itertools.starmap(load_file, ((p,) for p in files[1:])))
    spent = time.process_time() - started
    items = sum(len(result.items) for result in results)
    print(f"{len(files) - 1} files counted, {items} items, {spent:.2f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
