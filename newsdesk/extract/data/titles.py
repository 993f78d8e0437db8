"""Titles, honorifics and role nouns that announce a person's name.

`TITLE_WORDS` are capitalised words that may stand before a name as part of a
title ("Foreign Minister Cho Tae-yul", "Lt. Col. Alexander Vindman"); they are
stripped from the front of a name.  `ROLE_NOUNS` are lowercase job words that
often stand right before a name ("spokeswoman Jane Roe", "lawyer Rudy Giuliani")
and mark what follows as a person.
"""

from __future__ import annotations

from newsdesk.extract.data import word_set
from newsdesk.extract.data.given_names import EAST_ASIAN_FAMILY_NAMES, GIVEN_NAMES

#: Honorifics, with and without the full stop ("Mr." and British "Mr"): whatever
#: capitalised word follows one is a person's name, even a lone surname.
HONORIFICS: frozenset[str] = word_set(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Mx. Dr Dr. Prof Prof. Sir Dame
    Rev Rev. Fr Fr. Sen Sen. Rep Rep. Gov Gov. Lt Lt. Col Col. Gen Gen. Maj Maj.
    Capt Capt. Sgt Sgt. Cpl Cpl. Adm Adm. Cmdr Cmdr. Pvt Pvt. Insp Insp. Det Det.
    Supt Supt. Amb Amb. Pres Pres. Atty Atty. Brig. Messrs Messrs.
    """
)

#: Capitalised words that can make up a title standing before a name; stripped
#: from the front of a name ("Russian" is handled by the demonym list).
TITLE_WORDS: frozenset[str] = HONORIFICS | word_set(
    """
    Lord Lady Sheikh Sheik Imam
    Rabbi Pastor Bishop Cardinal Archbishop Pope Ayatollah Mullah Emir Sultan King
    Queen Prince Princess Emperor Empress Duke Duchess Baroness Baron Count Countess
    Saint Brother Sister Father Mother Elder Justice Judge Mayor Governor Senator
    Representative Congressman Congresswoman Councilman Councilwoman Councillor
    Councilor Assemblyman Assemblywoman Commissioner Sheriff Officer Detective
    Inspector Sergeant Corporal Private Lieutenant Colonel General Major Captain
    Admiral Commander Marshal President Premier Chancellor Ambassador Envoy
    Secretary Minister Deputy Vice Prime Chief Executive Director Chairman
    Chairwoman Chairperson Chair Spokesman Spokeswoman Spokesperson Professor
    Coach Dean Provost Principal Superintendent Speaker Leader Attorney Solicitor
    Barrister Advocate Auditor Comptroller Treasurer Controller Prosecutor
    Magistrate Coroner Chaplain Dr.-Ing. Founder Cofounder Co-founder CEO CFO COO
    CTO Chief-of-Staff Undersecretary Under-Secretary Consul Consul-General Special
    Foreign Defense Defence Finance Interior Justice Trade Health Education
    Economy Energy Agriculture Labor Labour Culture Transport Transportation
    Environment Unification Commerce Industry Housing Security Home State Federal
    National Senior Junior Former Acting Interim Assistant Associate Managing
    General Executive Supreme Grand Crown Lead Head Top High First Second Third
    Lady Gentleman Opposition Majority Minority Whip House Senate Party Regional
    Provincial District County City Municipal Mayor-elect President-elect
    Chief-executive Commanding Fleet Army Navy Air Force Marine Police Fire
    Staff Sgt.-Maj. Mrs.-elect Technical Operating Financial Information Medical
    Science Scientific Research Communications Press Public Affairs Human Rights
    Development Investment Strategy Strategic Policy Political Military Economic
    Affairs Intelligence Counterterrorism Cyber Digital Sales Marketing Product
    Design Creative Editorial Editor Editor-in-Chief Publisher Producer Anchor
    Correspondent Reporter Columnist Analyst Economist Strategist Envoy-designate
    Nominee Candidate Challenger Incumbent Hopeful Representative-elect
    Secretary-General Secretary-general Director-General Director-general
    Governor-General Attorney-General Attorney-general Solicitor-General
    Surgeon-General Inspector-General Auditor-General Commander-in-Chief
    Chief-Justice Lieutenant-Governor Lt.-Gov. Lt.-Col. Lt.-Gen. Maj.-Gen.
    Brig. Brig.-Gen. Brigadier Field Air Vice-Admiral Rear Rear-Admiral Vice-President
    Vice-Chancellor Vice-Chair Vice-Chairman Vice-Minister Vice-Premier Peace
    Administrator MP MPs MEP MSP MLA MK TD Lawmaker Legislator Editor-in-chief
    """
)

#: Title words that may follow "of"/"for" inside a long title and still be a title
#: ("Secretary of State", "Minister for Foreign Affairs", "Chief of Staff").
TITLE_OF_HEADS: frozenset[str] = word_set(
    """
    Secretary Minister Ministers Chief Chiefs Director Head Governor President
    Chairman Chairwoman Chair Commissioner Commander Representative Envoy
    Ambassador Deputy Undersecretary Administrator Mayor Speaker Leader
    Superintendent Dean Provost Professor Chancellor Officer Judge Justice
    Inspector Attorney Solicitor Auditor Comptroller Rector Registrar
    """
)

#: Lowercase nouns that, right before a capitalised name, say it names a person.
ROLE_NOUNS: frozenset[str] = word_set(
    """
    president vice-president minister ambassador envoy secretary senator
    congressman congresswoman representative governor mayor judge justice
    lawyer attorney prosecutor defendant plaintiff witness official officials
    spokesman spokeswoman spokesperson chairman chairwoman chair director
    executive ceo founder co-founder cofounder chief leader deputy adviser
    advisor aide analyst economist strategist professor researcher scientist
    doctor physician nurse surgeon teacher student coach manager player
    defenseman defender forward goalkeeper goalie striker midfielder quarterback
    pitcher captain winger centre center guard author writer novelist poet
    journalist reporter editor columnist correspondent photographer actor
    actress singer rapper musician artist director producer comedian host
    presenter anchor commentator candidate nominee challenger incumbent lawmaker
    legislator councilman councilwoman councillor councilor commissioner sheriff
    officer detective inspector sergeant lieutenant colonel general admiral
    commander soldier veteran pilot astronaut engineer designer architect
    developer entrepreneur investor billionaire businessman businesswoman
    banker trader broker owner landlord tenant farmer fisherman worker
    activist campaigner organiser organizer protester volunteer resident
    mother father son daughter wife husband brother sister widow uncle aunt
    cousin grandmother grandfather friend neighbour neighbor partner colleague
    boss employee teammate counsel diplomat negotiator mediator ruler king
    queen prince princess pope cardinal bishop priest pastor rabbi imam cleric
    monarch premier chancellor dictator opposition dissident defector refugee
    survivor victim suspect accused gunman killer attacker inmate prisoner
    hostage detainee historian philosopher psychologist psychiatrist
    epidemiologist virologist biologist chemist physicist astronomer
    mathematician statistician economist pollster consultant lobbyist
    spokesperson rep. sen. gov. secretary-general director-general
    under-secretary undersecretary counsellor counselor chef baker
    """
)

#: Title words that only qualify another title ("Foreign" in "Foreign Minister");
#: a lone surname needs a real title right before it ("Minister Cho", "Mr. Kim").
TITLE_MODIFIERS: frozenset[str] = word_set(
    """
    Foreign Defense Defence Finance Interior Trade Health Education Economy Energy
    Agriculture Labor Labour Culture Transport Transportation Environment
    Unification Commerce Industry Housing Security Home State Federal National
    Senior Junior Former Acting Interim Assistant Associate Managing General
    Executive Supreme Grand Crown Lead Head Top High First Second Third
    Opposition Majority Minority House Senate Party Regional Provincial District
    County City Municipal Technical Operating Financial Information Medical
    Science Scientific Research Communications Press Public Affairs Human Rights
    Development Investment Strategy Strategic Policy Political Military Economic
    Intelligence Counterterrorism Cyber Digital Sales Marketing Product Design
    Creative Editorial Special Vice Deputy Prime Chief Peace Air Field Rear Fleet
    Army Navy Marine Police Fire Staff Force
    """
)

#: Titles and role nouns that say a woman or a man is named next.
FEMALE_CUES: frozenset[str] = word_set(
    """
    Ms Ms. Mrs Mrs. Miss Dame Lady Queen Princess Duchess Countess Baroness Empress Sister
    Mother Congresswoman Councilwoman Assemblywoman Chairwoman Spokeswoman spokeswoman
    chairwoman congresswoman councilwoman businesswoman actress wife mother daughter sister
    widow aunt grandmother niece girlfriend queen princess duchess
    """
)
MALE_CUES: frozenset[str] = word_set(
    """
    Mr Mr. Sir Lord King Prince Duke Count Baron Emperor Brother Father Congressman
    Councilman Assemblyman Chairman Spokesman spokesman chairman congressman councilman
    businessman actor husband father son brother widower uncle grandfather nephew boyfriend
    king prince duke
    """
)

#: Role nouns capitalised at the start of a sentence or in a title ("Organiser
#: Marcus Adeyemi said"); never a word that is also a name ("Son", "Baker").
CAPITALISED_ROLES: frozenset[str] = (
    frozenset(word.capitalize() for word in ROLE_NOUNS if "." not in word)
    - word_set(
        """
    Son Baker Guard Chef Pilot Farmer Friend Partner King Queen Prince Princess Pope
    Cardinal Bishop Sister Brother Mother Father Host Major Marshal Judge Justice Carter
    Porter Mason Fisher Hunter Cook Fowler Fletcher Potter Taylor Turner Walker Gardener
    Sawyer Weaver Wright Young Person Victim Widow Survivor Forward Centre Center Captain
    """
    )
    - GIVEN_NAMES
    - EAST_ASIAN_FAMILY_NAMES
)

TITLE_WORDS = TITLE_WORDS | CAPITALISED_ROLES

#: Titles in the plural ("between Ministers and the union", "Senators said"): a body of
#: office holders, never a name (British copy capitalises them mid-sentence).
TITLE_PLURALS: frozenset[str] = (
    frozenset(
        word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
        for word in TITLE_WORDS
        if word[:1].isupper()
        and word.isalpha()
        and len(word) > 3
        and not word.endswith(("s", "man"))
    )
    - GIVEN_NAMES
)


#: Roles other languages name a speaker by ("sagte der Minister", "señaló el
#: funcionario", "a déclaré le ministre"); English ones are `ROLE_NOUNS`.
FOREIGN_ROLE_NOUNS: frozenset[str] = word_set(
    """
    minister ministerin präsident präsidentin kanzler kanzlerin sprecher sprecherin
    bürgermeister bürgermeisterin vorsitzende vorsitzender chef chefin direktor direktorin
    ministro ministra funcionario funcionaria portavoz vocero vocera presidente presidenta
    alcalde alcaldesa director directora fiscal gobernador gobernadora jefe jefa
    ministre porte-parole maire présidente directeur directrice
    """
)
