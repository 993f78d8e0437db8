"""The links a watch has said are remembered within a bound: a watch running for months
over a folder whose links come and go kept every one it had ever said."""

from __future__ import annotations

from pathlib import Path


def test_links_said_are_bounded_and_said_once_while_remembered() -> None:
    from newsdesk.watch import SAID_MAX, SaidOnce

    said = SaidOnce(most=3)
    paths = [Path(f"/in/link-{n}.txt") for n in range(10)]
    assert [said.first(p) for p in paths] == [True] * 10
    assert len(said) == 3
    # The last three are remembered: not said again; the first is forgotten and said.
    assert not said.first(paths[-1]) and not said.first(paths[-3])
    assert said.first(paths[0])
    # Said again lately keeps a link remembered (paths[-3] outlived paths[-2]).
    assert not said.first(paths[-3]) and said.first(paths[-2])
    assert SAID_MAX >= 100
