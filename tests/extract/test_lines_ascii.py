"""The ASCII twins of the line patterns match exactly as the Unicode ones on ASCII text."""

from __future__ import annotations

import random
import string

from newsdesk.extract import lines


def _ascii_lines(count: int) -> list[str]:
    rng = random.Random(7)
    # Letters, digits, the characters the patterns treat specially, and plenty of spaces.
    alphabet = string.ascii_letters + string.digits + "_'.-,;:!? \t" + "   "
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))) for _ in range(count)]


def test_ascii_patterns_find_what_the_unicode_ones_find() -> None:
    for line in _ascii_lines(3000):
        assert lines._WORD_ASCII.findall(line) == lines._WORD.findall(line)
        lower = (" " + line.translate(lines._LOWER_INITIALS)).count(" a")
        assert lower == len(lines._LOWER_START.findall(line))
        assert len(line.translate(lines._PROSE_WORDS).split()) == len(lines._WORD.findall(line))


def test_prose_and_words_agree_with_the_unicode_patterns_alone() -> None:
    prose = (
        "The council of the harbour town agreed its winter plan on Tuesday after a long "
        "debate about buses, salt and ferries, and the mayor said it would be reviewed."
    )
    samples = [prose, prose.upper(), prose.replace(" ", "_"), "Home | News | Sport | Weather"]
    for line in samples + _ascii_lines(500):
        expected_words = lines._WORD.findall(line[:2000])
        assert lines.words(line) == expected_words
        n = len(expected_words)
        lower = len(lines._LOWER_START.findall(line[:2000]))
        expected = (
            len(line) >= 60
            and n >= 10
            and lower >= 0.3 * n
            and (lines.ends_sentence(line) or len(line) >= 140)
        )
        assert lines.is_prose(line) == expected, line
    assert lines.is_prose(prose) and not lines.is_prose(prose.upper())


def test_words_are_counted_in_scripts_written_without_spaces() -> None:
    from newsdesk.ingest import load_bytes

    assert lines.count_words("Ferries run — again, from 6 a.m. on Monday.") == 8
    # Each ideograph or kana is a word; CJK punctuation is none.
    assert lines.count_words("渡轮时刻表调整。") == 7
    assert lines.count_words("フェリーの時刻表 changes today") == 10
    text = (
        "渡轮时刻表周一起调整\n\n渡轮公司周一表示，冬季时刻表将从下周开始实行，早班船提前十分钟出发。"
        "乘客可以在码头查询新的时刻表。\n"
    )
    [item] = load_bytes(text.encode(), "zh.txt").items
    assert item.word_count == lines.count_words(item.body) > 10


def test_a_text_copy_s_list_keeps_its_bullets_and_numbers() -> None:
    from newsdesk.extract.page import extract_page

    text = (
        "Council sets out winter plan\n\nBy Mara Lind\n\n"
        "The council of the harbour town agreed its winter plan on Tuesday after a long "
        "debate about buses, salt and ferries.\n\nThe plan has three parts:\n\n"
        "* Night buses run every 30 minutes to the hospital.\n"
        "- Road salt is stored at two new depots.\n\n"
        "Councillors will vote on the budget next week, the clerk said.\n"
    )
    body = extract_page(text).body
    assert "• Night buses run every 30 minutes to the hospital." in body
    assert "• Road salt is stored at two new depots." in body
    assert lines.body_line("3) Clear the road") == "3) Clear the road"
    assert lines.body_line("► More from the council") == "More from the council"


def test_a_short_paragraph_in_a_script_without_spaces_stays_in_the_body() -> None:
    from newsdesk.ingest import load_bytes

    text = (
        "北京宣布新的交通计划\n\n"
        "北京市政府周一宣布，将在明年投入五十亿元用于改善城市公共交通系统。官员表示，新的地铁线路将于二零二八年开通。\n\n"
        "市民对这一计划表示欢迎，但也有人担心施工会影响交通。\n\n"
        "专家认为，这项投资将在未来十年内显著缓解北京的交通拥堵问题，并减少空气污染。\n"
    )
    [item] = load_bytes(text.encode(), "zh.txt").items
    assert "市民对这一计划表示欢迎" in item.body  # the short middle paragraph was dropped
    assert item.body.startswith("北京市政府周一宣布") and item.body.endswith("减少空气污染。")
