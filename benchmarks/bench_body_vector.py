"""What a whole-body vector (`eval_body_stories.body_vector`) would add to the cost.

    python benchmarks/bench_body_vector.py --items /tmp/items.pkl --what signature --count N
    python benchmarks/bench_body_vector.py --items /tmp/items.pkl --what body --count N
    python benchmarks/bench_body_vector.py --items /tmp/items.pkl --what pair --count N
    python benchmarks/bench_body_vector.py --items /tmp/items.pkl --what features --count N

`signature` is `signature.compute` alone (as `bench_signature.py`), `body` is
`compute` and the body vector, `features` is `score.features` over `--count`
pairs of `PAIR_ITEMS` items, `pair` is the same and the body cosine (k = 48;
each item's vector is built on its first pair, then kept, as a decoded
signature's would be). Under
callgrind, run each with `--count N` and `--count 0` and divide the difference
by N: instruction counts, not CPU time, on a shared machine. The items are
`bench_signature.py`'s pickle (`check_signatures.collect`: the shared real
feeds and page copies, sample_data, synthetic RSS), written by the first run.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_signatures import collect

#: Items signed for `features` and `pair` (their pairs are scored).
PAIR_ITEMS = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=Path, required=True, help="pickle: read, else written")
    parser.add_argument("--what", choices=("signature", "body", "features", "pair"), required=True)
    parser.add_argument("--warm", type=int, default=200, help="items signed first, not counted")
    parser.add_argument("--count", type=int, default=500, help="items (pairs) counted")
    args = parser.parse_args()

    import eval_body_stories as body

    from newsdesk.stories import score as scoring

    compute = body._compute  # the shipped function (the harness wraps `signature.compute`)

    if args.items.exists():
        items = [item for _, item in pickle.loads(args.items.read_bytes())]
    else:
        named = collect(2000)
        args.items.write_bytes(pickle.dumps(named))
        items = [item for _, item in named]
    warm = items[-args.warm :]
    rest = items[: len(items) - len(warm)]
    step = max(1, len(rest) // max(1, args.count))
    counted = rest[::step][: args.count]
    for item in warm:
        sig = compute(item)
        body.remember(item, sig)
    if args.what in ("features", "pair"):
        # The same signatures whatever `--count`: only the pairs scored differ.
        signed = rest[:: max(1, len(rest) // PAIR_ITEMS)][:PAIR_ITEMS]
        sigs = [compute(item) for item in signed]
        for item, sig in zip(signed, sigs, strict=True):
            body.remember(item, sig)
        n = len(sigs)
        pairs = [(sigs[i % n], sigs[(i * 7 + 1) % n]) for i in range(args.count)]
        c0 = time.process_time()
        for a, b in pairs:
            scoring.features(a, b, None, None)
            if args.what == "pair":
                body.body_cosine(a, b, 48)
        cpu = time.process_time() - c0
    else:
        c0 = time.process_time()
        for item in counted:
            sig = compute(item)
            if args.what == "body":
                body.body_vector(item)
        cpu = time.process_time() - c0
    n = max(1, args.count)
    print(f"{args.what}: {args.count} x, {cpu * 1000 / n:.4f} ms CPU each")


if __name__ == "__main__":
    main()
