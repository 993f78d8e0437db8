"""Score extraction field by field against hand annotations.

    python benchmarks/eval_extraction.py --annotations benchmarks/annotations/sample_data.json --root sample_data
    python benchmarks/eval_extraction.py --annotations tests/realworld_annotations.json --root ../shared/realworld

Annotations are a JSON list of objects with "file" (relative to --root), an
optional "item" (index among the items a file yields, default 0) and any of:
title, dek, authors, source, dateline, published, people, organizations,
places, quotes ([{speaker, text}]), links, credits, body_starts, body_ends.
A key that is absent is not scored; a key set to null means "nothing
expected" (so anything extracted counts as a false positive).

Each file is loaded with `newsdesk.ingest.load_file`. Prints precision, recall and F1 per field,
the misses with --verbose, and the mean time per file.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdesk.model import Extracted

SCALAR_FIELDS = ("title", "dek", "source", "dateline", "published")
LIST_FIELDS = ("authors", "people", "organizations", "places", "links", "credits")
FIELDS = (
    *SCALAR_FIELDS[:2],
    "authors",
    *SCALAR_FIELDS[2:],
    "people",
    "organizations",
    "places",
    "quotes",
    "links",
    "credits",
    "body_starts",
    "body_ends",
)


def fold(text: Any) -> str:
    """Case, accents, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def contains_either(a: str, b: str) -> bool:
    fa, fb = f" {fold(a)} ", f" {fold(b)} "
    return bool(fa.strip() and fb.strip()) and (fa in fb or fb in fa)


def _squash(text: str) -> str:
    return re.sub(r"\W", "", fold(text))


MATCHERS: dict[str, Callable[[str, str], bool]] = {
    "title": lambda got, want: fold(got) == fold(want) or similar(got, want) >= 0.92,
    "dek": lambda got, want: similar(got, want) >= 0.85 or contains_either(got, want),
    "source": lambda got, want: (
        bool(_squash(got)) and (_squash(got) in _squash(want) or _squash(want) in _squash(got))
    ),
    "dateline": lambda got, want: fold(got) == fold(want) or contains_either(got, want),
    "published": lambda got, want: str(got)[:10] == str(want)[:10],
    "authors": lambda got, want: fold(got) == fold(want),
    "people": lambda got, want: fold(got) == fold(want) or contains_either(got, want),
    "organizations": lambda got, want: fold(got) == fold(want) or contains_either(got, want),
    "places": lambda got, want: fold(got) == fold(want) or contains_either(got, want),
    "links": lambda got, want: similar(got, want) >= 0.9,
    "credits": lambda got, want: similar(got, want) >= 0.85 or contains_either(got, want),
}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_scalar(tally: Tally, field: str, got: Any, want: Any) -> bool:
    got = got or None
    if want in (None, "", []):
        if got:
            tally.fp += 1
            return False
        return True
    if not got:
        tally.fn += 1
        return False
    if MATCHERS[field](str(got), str(want)):
        tally.tp += 1
        return True
    tally.fp += 1
    tally.fn += 1
    return False


def score_list(
    tally: Tally, match: Callable[[Any, Any], bool], got: Iterable[Any], want: Iterable[Any]
) -> bool:
    remaining = list(got)
    ok = True
    for expected in want:
        hit = next((g for g in remaining if match(g, expected)), None)
        if hit is None:
            tally.fn += 1
            ok = False
        else:
            tally.tp += 1
            remaining.remove(hit)
    tally.fp += len(remaining)
    return ok and not remaining


def quote_match(got: dict[str, Any], want: dict[str, Any]) -> bool:
    text_ok = similar(got.get("text", ""), want.get("text", "")) >= 0.8 or contains_either(
        got.get("text", ""), want.get("text", "")
    )
    speaker_got, speaker_want = got.get("speaker") or "", want.get("speaker") or ""
    speaker_ok = (not speaker_want and not speaker_got) or (
        bool(speaker_got and speaker_want) and contains_either(speaker_got, speaker_want)
    )
    return text_ok and speaker_ok


def body_check(tally: Tally, body: str, want: str | None, *, at_start: bool) -> bool:
    if not want:
        return True
    window = body[:400] if at_start else body[-400:]
    if fold(want) and fold(want) in fold(window):
        tally.tp += 1
        return True
    tally.fn += 1
    tally.fp += 1 if body else 0
    return False


def load_items(path: Path) -> tuple[list[Extracted], str | None]:
    """Everything a file yields, through the importers (`newsdesk.ingest.load_file`)."""
    from newsdesk.ingest import load_file

    result = load_file(path)
    return list(result.items), result.error


def evaluate(
    annotations: list[dict[str, Any]], root: Path, verbose: bool
) -> tuple[dict[str, Tally], float, int]:
    tallies = {field: Tally() for field in FIELDS}
    cache: dict[str, tuple[list[Extracted], str | None]] = {}
    elapsed = 0.0
    for note in annotations:
        rel = note["file"]
        if rel not in cache:
            started = time.perf_counter()
            try:
                cache[rel] = load_items(root / rel)
            except (OSError, ValueError) as exc:
                cache[rel] = ([], str(exc))
            elapsed += time.perf_counter() - started
        items, error = cache[rel]
        index = int(note.get("item", 0) or 0)
        meta = items[index] if index < len(items) else Extracted()
        if index >= len(items) and verbose:
            print(f"  {rel}#{index}: no item ({error})")
        misses: list[str] = []
        data = meta.inspect_dict()
        data["credits"] = list(meta.credits)
        for field in SCALAR_FIELDS:
            if field in note:
                got = data[field]
                if (
                    field == "source"
                    and meta.source_short
                    and note[field]
                    and MATCHERS["source"](meta.source_short, note[field])
                ):
                    got = meta.source_short
                if not score_scalar(tallies[field], field, got, note[field]):
                    misses.append(f"{field}: got {got!r} want {note[field]!r}")
        for field in LIST_FIELDS:
            if field in note:
                got_list = (
                    [link["title"] for link in data["links"]] if field == "links" else data[field]
                )
                want_list = [w["title"] if isinstance(w, dict) else w for w in note[field] or []]
                if not score_list(tallies[field], MATCHERS[field], got_list, want_list):
                    misses.append(f"{field}: got {got_list!r} want {want_list!r}")
        if "quotes" in note and not score_list(
            tallies["quotes"], quote_match, data["quotes"], note["quotes"] or []
        ):
            misses.append(f"quotes: got {len(data['quotes'])} want {len(note['quotes'] or [])}")
        for field, at_start in (("body_starts", True), ("body_ends", False)):
            if field in note and not body_check(
                tallies[field], meta.body, note[field], at_start=at_start
            ):
                snippet = meta.body[:80] if at_start else meta.body[-80:]
                misses.append(f"{field}: got {snippet!r} want {note[field]!r}")
        if verbose and misses:
            print(f"- {rel}#{index}")
            for miss in misses:
                print(f"    {miss[:300]}")
    return tallies, elapsed, len(cache)


_TIMING_PARAGRAPHS = (
    "Ferry operators on the northern route cancelled every sailing on {day} after gusts of more than "
    "100 kilometres an hour battered the coast, the harbour authority said in a statement.",
    '"We would rather lose a day than lose a ship," said Captain Aldo Brandt, who commands the largest '
    "vessel on the route and has sailed it for twenty-two years.",
    "The regional government said it would review the timetable for the winter months, when storms "
    "of this strength have become more common, according to the weather service.",
    "Passengers waiting at the terminal in Northport were offered hotel rooms, and the operators said "
    "refunds would be paid within ten working days to anyone who chose not to travel.",
)


def timing_page(run: int, words: int = 1000) -> str:
    """A whole-page copy of about `words` words of article, with navigation and footer."""
    head = (
        "Skip to main content\nThe Harbour Gazette\nHome » News » Transport\n- News\n- Sport\n- Weather\n\n"
        f"Storm halts northern ferries for a second day ({run})\n\n"
        "Operators say services should resume on Tuesday once winds ease along the coast\n\n"
        "By Ines Lopes and Tomas Reyes\nTuesday 14 March 2025 07:40 GMT\n\nShare this with Facebook\n\n"
        "Waves break over the harbour wall on Monday. Photo: Ivo Mares/Northern Wire\n\n"
        "NORTHPORT, Westland — "
    )
    paragraphs: list[str] = []
    count = 0
    while count < words:
        text = _TIMING_PARAGRAPHS[len(paragraphs) % len(_TIMING_PARAGRAPHS)].format(day="Monday")
        text = f"{text} (Update {run}.{len(paragraphs)}.)"
        paragraphs.append(text)
        count += len(text.split())
    tail = (
        "\n\nEdited by Carla Mendes\n\nRelated:\n- Why winter storms are getting stronger\n"
        "- Ferry fares to rise in April\n\nMost read\n1. Council approves new bus lanes\n\n"
        "Add your comment. Comments are approved by a moderator.\n\n© 2025 The Harbour Gazette Ltd.\n"
    )
    return head + "\n\n".join(paragraphs) + tail


def report_timing(runs: int = 30) -> None:
    """Milliseconds per 1,000-word page: structure alone, then with enrich."""
    from newsdesk.extract import page as page_module

    page_module.extract_page(timing_page(-1))  # warm up: imports, gazetteer, name tables
    real_enrich = page_module.enrich
    figures: dict[str, list[float]] = {"structure": [], "with enrich": []}
    for label in figures:
        if label == "structure":
            page_module.enrich = lambda meta: meta
        try:
            for run in range(runs):
                text = timing_page(run + (1000 if label != "structure" else 0))
                started = time.perf_counter()
                page_module.extract_page(text)
                figures[label].append(1000 * (time.perf_counter() - started))
        finally:
            page_module.enrich = real_enrich
    for label, values in figures.items():
        values.sort()
        print(
            f"1,000-word page, {label}: median {values[len(values) // 2]:.1f} ms, best {values[0]:.1f} ms"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--annotations", type=Path)
    parser.add_argument("--root", type=Path)
    parser.add_argument("--timing", action="store_true", help="time a 1,000-word page and exit")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.timing:
        report_timing()
        return 0
    if args.annotations is None or args.root is None:
        parser.error("--annotations and --root are required (or --timing)")
    annotations = json.loads(args.annotations.read_text(encoding="utf-8"))
    tallies, elapsed, files = evaluate(annotations, args.root, args.verbose)
    print(f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    for field in FIELDS:
        t = tallies[field]
        if t.tp + t.fp + t.fn == 0:
            continue
        print(
            f"{field:<14}{t.precision:>7.2f}{t.recall:>7.2f}{t.f1:>7.2f}{t.tp:>6}{t.fp:>6}{t.fn:>6}"
        )
    if files:
        print(
            f"{len(annotations)} annotated items in {files} files; {1000 * elapsed / files:.1f} ms per file"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
