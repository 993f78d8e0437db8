"""Figures and their canonical keys."""

from __future__ import annotations

from newsdesk.stories.numbers import figure_keys, figures


def test_same_figure_written_differently_has_one_key() -> None:
    assert figure_keys("a $4 million grant") == figure_keys("4m dollars") == {"4000000"}
    assert figure_keys("up 3.5%") == figure_keys("up 3.5 percent") == {"3.5%"}
    assert figure_keys("12,000 acres") == {"12000"}
    assert figure_keys("$8.4bn") == figure_keys("$8.4 billion")


def test_times_scores_and_small_counts_are_not_telling() -> None:
    assert figure_keys("at 4:12 a.m. the Gulls won 3-1 with 2 goals") == set()


def test_figures_keep_the_text_as_written() -> None:
    assert [f.text for f in figures("About 1,400 people and $3.2 million")] == [
        "1,400",
        "$3.2 million",
    ]
