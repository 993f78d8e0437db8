"""Capitalised words that are not names: calendar words and common English words.

A word capitalised only because it starts a sentence ("Earlier", "Separately",
"Referring") carries no evidence of a name; these lists let the extractor drop
it.  They are deliberately ordinary words, not names of things.
"""

from __future__ import annotations

from newsdesk.extract.data import word_set

#: Months (full and abbreviated) and days of the week; never entity names alone.
CALENDAR: frozenset[str] = word_set("""
    January February March April May June July August September October November
    December Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep
    Sep. Sept Sept. Oct Oct. Nov Nov. Dec Dec. Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Today
    Tomorrow Yesterday Tonight Christmas Easter Ramadan Eid Hanukkah Diwali
    Thanksgiving Halloween Passover Lent Spring Summer Autumn Fall Winter AM PM
    GMT UTC EST EDT PST PDT CET BST KST JST
    """)

#: Common English words (lowercase) that start sentences or fill headlines.
COMMON_WORDS: frozenset[str] = word_set("""
    a about above according across after afterwards again against ago ahead all
    almost alone along already also although always am amid amidst among an and
    another any anyone anything anyway anywhere are around as at away back be
    because become been before behind being below beside besides between beyond
    both but by can cannot could despite did do does doing done down during each
    either else elsewhere enough even ever every everyone everything everywhere
    except few first for former from further furthermore had has have having he
    hence her here hers herself him himself his how however i if in including
    indeed inside instead into is it its itself just last later latter least less
    like likely many may maybe me meanwhile might mine more moreover most mostly
    much must my myself near nearly neither never nevertheless next no nobody
    none nor not nothing now nowhere of off often on once one only onto or other
    others otherwise our ours ourselves out outside over overall own per perhaps
    please quite rather really regardless same second several she should since so
    some somehow someone something sometimes somewhere soon still such than that
    the their theirs them themselves then there thereafter therefore these they
    third this those though through throughout thus to together too toward
    towards under unless unlike until up upon us very via was we well were what
    whatever when whenever where whereas wherever whether which while who whoever
    whole whom whose why will with within without would yet you your yours
    yourself yourselves earlier separately referring hours minutes days weeks
    months years officials analysts experts critics residents people police
    authorities sources reports data researchers scientists prosecutors lawmakers
    investigators witnesses observers supporters opponents voters workers
    students teachers parents children women men many some most few several
    asked told said says added noted according during ahead following given
    based amid despite thanks due asked yes no ok okay oh well sure indeed
    still today tomorrow yesterday tonight overall finally eventually initially
    recently currently previously already soon once twice again instead
    together apart altogether otherwise rather perhaps maybe certainly clearly
    obviously apparently reportedly allegedly officially especially particularly
    specifically generally usually typically normally often sometimes never
    always ever also too very really quite just only even simply merely nearly
    almost about around roughly approximately exactly precisely there here
    where when why how what who which whose whom whatever whoever whichever
    man woman men women boy girl child baby family city town state country world
    old big small large great good bad best worst better worse high low
    long short early late young old major minor main key top full half free
    open close closed public private local global national international
    federal official political economic social military financial legal
    human rights security peace war trade deal plan policy law bill vote
    election campaign crisis talks summit meeting report study survey poll
    share follow read watch listen subscribe sign log click view see more
    photo video image caption credit copyright advertisement related comments
    comment story stories news latest breaking live update updated published
    posted edited written reporting contributed contributing editor editors
    home menu search close skip continue next previous back top page email print
    """)
