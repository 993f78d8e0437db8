"""Verbs of saying: the one list the entity, quote and header readers share.

`SPEECH_VERBS` are the finite forms ("said", "sagte", "afirmó"): a name right
before one is a speaker. The smaller sets are views of it for narrower jobs.
"""

from __future__ import annotations

from newsdesk.extract.data import word_set

SPEECH_VERBS: frozenset[str] = word_set("""
    said says told tells added adds wrote writes tweeted posted testified explained
    noted asked argued stated continued recalled insisted warned claimed announced
    replied responded acknowledged admitted conceded confirmed declared emphasized
    emphasised stressed suggested urged cautioned observed remarked commented
    complained joked predicted agreed denied reported estimated believes believed
    thinks thought maintained contended countered alleged vowed pledged promised
    described revealed disclosed concluded quipped laughed shouted yelled whispered
    recalls recounted insists explains notes argues asks writes continues mused
    sighed boasted interjected exclaimed pleaded demanded retorted snapped scoffed
    gushed lamented reiterated repeated clarified recalled cautions warns adds
    stresses tweets emailed texted wrote instructed ordered cried
    sagte sagt sagten erklärte erklärt erklärten betonte betont meinte warnte kritisierte
    dijo dice afirmó afirma aseguró asegura explicó explica señaló señala declaró añadió
    indicó advirtió subrayó déclare affirme explique ajoute estime souligne précise
    disse afirmou afferma dichiara spiega
    """)

#: The verbs that also come before their speaker ("..., said Boudreau", "added Kim").
INVERTED_SPEECH_VERBS: frozenset[str] = SPEECH_VERBS & word_set("""
    said says added adds noted notes explained explains recalled continued insisted
    """)

#: Verbs that report speech without being its finite verb ("saying", "calling it").
SPEECH_PARTICIPLES: frozenset[str] = word_set("""
    saying calling called describing described adding noting telling urging urged warning
    writing tweeting denounced praised criticized criticised accused accusing insisting
    arguing declaring explaining asking replying responding stressing emphasizing quoted
    quoting
    """)

#: French, German, Italian, Spanish and Portuguese perfect participles of saying,
#: after "a" / "hat" / "ha" ("a déclaré", "hat gesagt").
SPEECH_PERFECTS: frozenset[str] = word_set("""
    déclaré dit affirmé expliqué ajouté estimé souligné précisé gesagt erklärt betont
    detto dichiarato spiegato aggiunto dicho afirmado declarado dito
    """)

#: The plainest verbs of saying in each language ("said", "sagte", "dijo", "a déclaré"): a
#: sentence with one reports someone, which a picture's caption does not.
PLAIN_SAYING: frozenset[str] = SPEECH_VERBS & word_set("""
    said says told added sagte sagt erklärte betonte dijo afirmó disse
    """)

#: The verbs a news report's first paragraph uses and a standfirst does not
#: ("..., officials said"); rarer ones ("warns", "reveals") do start standfirsts.
REPORTING_VERBS: frozenset[str] = (
    SPEECH_VERBS & word_set("said says told announced reported")
) | word_set("say")
