"""A story forwarded to the desk by e-mail: the header is the message's, not the story's."""

from __future__ import annotations

from newsdesk.ingest import load_bytes
from newsdesk.ingest.mail_header import read_mail_header

FORWARDED = """From: Desk Alerts <alerts@wire.example>
Sent: Tuesday, March 10, 2026 9:14 AM
To: Desk <desk@paper.example>
Subject: FW: AP -- Quarry operator fined after blast injured six

Quarry operator fined after blast injured six

By Lena Marsh, Associated Press

PENHALLOW (AP) — The operator of the Greyling Stone quarry was fined 400,000 pounds on Tuesday over a blast that injured six workers last year, a court ruled.

The company said it accepted the ruling and had changed how charges are laid.
"""

PRESS = """From: Karen Liu <press@brightwater.example>
Date: 3 March 2026 at 10:02
To: newsdesk@paper.example
Subject: Re: Fwd: Brightwater Energy to build solar farm near Socorro

Brightwater Energy Inc. today announced plans to build a 300-megawatt solar farm with battery storage near Socorro, New Mexico, its largest project to date.

Construction is expected to begin in the second quarter of 2027, the company said.
"""


def test_the_header_is_read_and_its_marks_taken_off_the_subject() -> None:
    header = read_mail_header(PRESS)
    assert header is not None
    assert header.subject == "Brightwater Energy to build solar farm near Socorro"
    assert header.sent == "3 March 2026 at 10:02"
    assert PRESS[header.body_start :].startswith("\nBrightwater Energy Inc. today")


def test_a_forwarded_story_keeps_its_own_headline_and_byline() -> None:
    (item,) = load_bytes(FORWARDED.encode(), "mail.txt").items
    assert item.title == "Quarry operator fined after blast injured six"
    assert item.authors == ["Lena Marsh"]
    assert item.dek is None
    assert "alerts@wire.example" not in item.body and "Subject" not in item.body


def test_a_release_by_mail_takes_its_subject_for_a_headline_and_its_date() -> None:
    (item,) = load_bytes(PRESS.encode(), "mail.txt").items
    assert item.title == "Brightwater Energy to build solar farm near Socorro"
    assert (item.published or "").startswith("2026-03-03")
    assert item.body.startswith("Brightwater Energy Inc. today announced")


def test_text_that_merely_opens_with_a_label_is_no_mail() -> None:
    assert read_mail_header("Q: Why now?\nA: Because the river rose.\n") is None
    assert read_mail_header("Subject: a single label line\n\nThe story.\n") is None
