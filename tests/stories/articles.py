"""Small fictional articles shared by the story tests."""

from __future__ import annotations

from newsdesk.model import Extracted

# 2026-03-14 08:00 UTC
T0 = 1_773_475_200.0
HOUR = 3600.0

QUARRY_WIRE = Extracted(
    title="Blast at Penhallow quarry injures 6; operator halts work",
    source="Northern Wire",
    body=(
        "PENHALLOW (Northern Wire) — An explosion at the Greyling Stone quarry outside "
        "Penhallow injured six workers on Tuesday, two of them seriously, the county fire "
        "service said.\n\n"
        "The blast happened at about 10:40 a.m. as crews were preparing charges on the "
        "east face, said fire officer Bethan Morcombe. The injured were taken to St. Austell "
        "General Hospital.\n\n"
        '"We heard a bang much louder than the usual ones," said Tomas Jelley, who lives '
        "400 meters from the site.\n\n"
        "Greyling Stone said it had stopped all blasting at its 14 sites while the Health "
        "and Safety Executive investigates. The quarry employs 85 people."
    ),
)

QUARRY_LOCAL = Extracted(
    title="'Louder than anything': Penhallow shaken by quarry explosion",
    source="Penhallow Gazette",
    body=(
        "Windows rattled across Penhallow on Tuesday morning when a blast at the Greyling "
        "Stone quarry left six men injured.\n\n"
        "Two are in a serious condition at St. Austell General Hospital, according to the "
        "fire service. Bethan Morcombe, the officer in charge, said the explosion happened "
        "while charges were being laid on the east face.\n\n"
        '"My first thought was the children at the school," said councillor Ruth Penrose, '
        "who called for a review of blasting so close to homes.\n\n"
        "Greyling Stone has paused blasting at all 14 of its quarries. Tomas Jelley, a "
        "neighbour, said the noise was unlike anything in 20 years."
    ),
)

OTHER_QUARRY = Extracted(
    title="Worker killed in rockfall at Dunmere quarry",
    source="Northern Wire",
    body=(
        "DUNMERE (Northern Wire) — A 51-year-old worker died on Thursday when rock collapsed "
        "at the Carrow Hill quarry near Dunmere, police said.\n\n"
        "The man, named locally as Gareth Pascoe, was operating an excavator below the "
        "north face when about 300 tonnes of rock fell, said inspector Lowen Treloar.\n\n"
        '"This is a tragedy for a small village," said parish councillor Ann Kitto.\n\n'
        "Carrow Aggregates, which runs the site, said it was cooperating with the Health "
        "and Safety Executive. It is the second serious quarry accident in the county "
        "this week."
    ),
)
