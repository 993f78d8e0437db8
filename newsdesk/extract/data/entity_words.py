"""Word lists the entity reader leans on: connectors inside names, particles, place and event cues."""

from __future__ import annotations

from newsdesk.extract.data import word_set

#: Lowercase words allowed inside a name between capitalised words.
CONNECTORS = word_set("""
    of for and de del della di da do dos das du van von der den ter la le bin bint
    ibn al el y the on
    """)

#: Articles of other languages that open a sentence before a name.
FOREIGN_ARTICLES = word_set("Die Der Das Den Dem El La Los Las Le Les Il Gli Het Une Un Una")

#: The same articles in lower case, before an organisation's lead ("según la Autoridad").
LOWER_ARTICLES = word_set("la el le les los las der die das il lo")

#: Particles that begin a surname ("bin Laden", "van der Berg", "de Gaulle").
PARTICLES = word_set("de del della di da dos das du van von der den ter la le bin bint ibn al el")

#: Prepositions of place: after one, a small town's name is the town, not a surname.
LOCATIVE = word_set("in at from to near outside into across throughout around via")

#: Prepositions after which an unknown name is a place (not "at" or "from": "at Acme").
PLACE_PREPOSITIONS = word_set(
    "in near nearby outside across throughout around between towards toward"
)

#: Last words of events and competitions ("County Cup"), which no place or person ends in.
EVENT_HEADS = word_set("Cup Championship Championships Trophy Open Games Marathon Derby Prix Rally")

#: Words after which a name that speaks is where the speakers live ("Residents of X said").
OF_A_PLACE = word_set("of in at from near outside across throughout around")

#: Lower-case nouns after "the X" that make X a place ("the Ayrshire coast").
PLACE_NOUNS = word_set(
    "coast valley region border shore peninsula hills islands island countryside highlands "
    "mountains delta basin estuary plateau lowlands suburbs suburb district province county"
)

#: Hyphen suffixes that make a capitalised word an adjective ("Paris-based").
ADJECTIVE_SUFFIXES = word_set(
    "born based led backed owned made run bound linked funded affiliated style era "
    "controlled occupied allied aligned friendly"
)

#: Heads that close an organisation's name, so "and" after them starts another
#: ("Ceres Robotics and Tyvak Systems"), unlike "Pacific Gas and Electric Co.".
COMPLETE_ORG_HEADS = word_set(
    "Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC University College Ministry Department "
    "Bank Party Agency Group Council Committee Commission Institute Foundation "
    "Association Robotics Technologies Systems Hospital School Court Times Post"
)

#: Verbs after which a lone name is the speaker (", says Parata"); not "told"
#: or "asked", whose object is the listener.
#: Endings of sentence-initial words that are not given names ("Unpredictable").
NOT_NAME_ENDINGS = (
    "able",
    "ible",
    "ful",
    "ous",
    "ive",
    "ic",
    "ed",
    "ing",
    "ly",
    "less",
    "est",
    "ish",
    "ary",
)

#: Compass words that begin place names ("South Taranaki", "West Sea").
COMPASS = word_set(
    "North South East West Northern Southern Eastern Western Central Inner Outer Upper Lower "
    "Atlantic Pacific Arctic Greater"
)

#: Place heads that are also surnames: "Neil Parish", "Greg Lake" are people.
SURNAME_HEADS = word_set(
    "Lake Harbour Harbor Park Forest Beach Hill Hills Bay Sound Coast Cape Island Marsh "
    "Moor Heath Downs Bridge Lane Peak Pass Quay Station Square"
)

SHORT_FUNCTION = word_set("a an and as at by for from in into of on or the to with vs via")

NAME_POSSESSIVES = word_set(
    "People Children Women Men Workers Veterans Farmers Teachers Nurses Citizens Saint St St. "
    "Doctors Writers Actors Seamen Miners Traders Consumers Students Employers"
)

NAME_PREFIXES = word_set("Mc Mac De Di Da Du Del Della La Le Lo Van Von Fitz St O Ben Abu Al El")

MINISTRY_WORDS = frozenset({"Ministry", "Department", "of", "the", "Affairs", "and", "for"})
