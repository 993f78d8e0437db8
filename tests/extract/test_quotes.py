"""Direct quotations and their speakers: each attribution shape, scare quotes, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract import extract_page
from newsdesk.extract.entities import find_entities
from newsdesk.extract.quotes import find_quotes
from newsdesk.model import Quote


def quotes(text: str) -> list[Quote]:
    return find_quotes(text, find_entities(text).people)


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in quotes(text)]


def test_quote_then_surname_said_resolves_to_full_name() -> None:
    text = (
        "Helena Marsh runs the harbour office.\n\n"
        "“We will reopen the north pier before the winter storms arrive,” Marsh said on Monday."
    )
    result = quotes(text)
    assert result == [
        Quote("We will reopen the north pier before the winter storms arrive", "Helena Marsh")
    ]


def test_said_then_name_with_apposition() -> None:
    text = '"The numbers simply do not add up for the district," said Rafael Ortun, the county treasurer.'
    assert quotes(text) == [
        Quote("The numbers simply do not add up for the district", "Rafael Ortun")
    ]


def test_name_said_colon_before_the_quote() -> None:
    text = "Dr. Selma Iversen said: “Every patient in the ward has now been moved to safety.”"
    assert quotes(text) == [
        Quote("Every patient in the ward has now been moved to safety.", "Selma Iversen")
    ]


def test_name_said_that_before_a_partial_quote() -> None:
    text = (
        "Selma Iversen said that the hospital must “move faster than the paperwork allows it to.”"
    )
    assert speakers(text) == ["Selma Iversen"]


def test_according_to() -> None:
    text = "“Three of the five bridges need urgent repair,” according to Maren Lutz, an engineer."
    assert speakers(text) == ["Maren Lutz"]


@pytest.mark.parametrize("verb", ["told reporters", "added", "wrote", "says", "testified"])
def test_other_speech_verbs(verb: str) -> None:
    text = f"“The schedule is tight but the crews are ready for it,” Jonas Ekberg {verb} on Friday."
    assert speakers(text) == ["Jonas Ekberg"]


def test_title_before_the_speaker_after_the_quote() -> None:
    text = "“We have no plans to change the route this year,” Transport Minister Ilona Varga said."
    assert speakers(text) == ["Ilona Varga"]


def test_speaker_after_an_organisation_and_a_job_title() -> None:
    text = (
        "“Travel on the high roads will be very difficult tonight,” "
        "Weather Office deputy chief forecaster Nora Quill said."
    )
    assert speakers(text) == ["Nora Quill"]


def test_place_in_a_clause_before_said_is_not_the_speaker() -> None:
    text = (
        "Leif Halvorsen told others “he was in charge of the whole account” while posted in "
        "Brussels, said another witness, former adviser Mira Solberg."
    )
    assert speakers(text) == ["Leif Halvorsen"]


def test_pronoun_resolves_to_the_subject_of_the_sentence_before() -> None:
    text = (
        "Paolo Renzi, who has coached the team for a decade, watched from the stands.\n\n"
        "“They played with more heart than I have seen all season,” he said."
    )
    assert speakers(text) == ["Paolo Renzi"]


def test_she_skips_a_man_named_in_between() -> None:
    text = (
        "Marta Lindqvist took over the clinic after Mr. Hallstrom retired.\n\n"
        "“We have doubled the number of beds in two years,” she said."
    )
    assert speakers(text) == ["Marta Lindqvist"]


def test_he_skips_a_woman_named_in_between() -> None:
    text = (
        "Prince Aldric met Queen Sofia at the harbour on Monday.\n\n"
        "“The fleet will sail again next spring,” he said."
    )
    assert speakers(text) == ["Aldric"]


def test_pronoun_attribution_after_a_phrase() -> None:
    text = (
        "Tomas Reyna left the club in March.\n\n"
        "“The owners simply stopped paying the staff” in the spring, he added, a move "
        "that ended the season."
    )
    assert speakers(text) == ["Tomas Reyna"]


def test_quote_after_a_sentence_ending_in_he_said() -> None:
    text = (
        "Tomas Reyna coached the club for a decade.\n\n"
        "Cycling with his son is his favourite pastime, he said. "
        "“The best part is the long hill down to the harbour.”"
    )
    assert speakers(text) == ["Tomas Reyna"]


def test_spokesperson_for_a_named_company_after_said() -> None:
    text = "“We are cooperating fully with the inquiry,” said a Brightwater Corp spokesperson."
    assert speakers(text) == ["Brightwater Corp"]


def test_organisation_speaker_uses_the_spelled_out_name() -> None:
    text = (
        "The launch was confirmed by the Joint Chiefs of Staff (JCS).\n\n"
        "“The missile flew about 300 kilometres before falling into the sea,” the JCS said in a statement."
    )
    assert speakers(text) == ["Joint Chiefs of Staff"]


def test_organisation_speaker_acronym_when_never_spelled_out() -> None:
    text = "“The rain will ease by Thursday in most of the northern valleys,” the NVWS said in a statement."
    assert speakers(text) == ["NVWS"]


def test_the_ministry_resolves_to_the_named_ministry() -> None:
    text = (
        "The Ministry of Water Resources opened an inquiry on Monday.\n\n"
        "“All samples will be tested again by independent laboratories,” the ministry said."
    )
    assert speakers(text) == ["Ministry of Water Resources"]


def test_a_second_quote_in_the_same_paragraph_keeps_the_speaker() -> None:
    text = (
        "“We are proud of the whole squad tonight,” Nadia Kovacs said. "
        "“Nobody expected us to get this far in the tournament.”"
    )
    assert speakers(text) == ["Nadia Kovacs", "Nadia Kovacs"]


def test_quote_continued_in_the_next_paragraph() -> None:
    text = (
        "Nadia Kovacs said: “We trained twice a day for three months before the final.\n\n"
        "“Nobody expected us to get this far in the tournament.”"
    )
    result = quotes(text)
    assert [q.speaker for q in result] == ["Nadia Kovacs", "Nadia Kovacs"]
    assert result[0].text == "We trained twice a day for three months before the final."


def test_unattributable_quote_has_no_speaker() -> None:
    text = (
        "The sign on the door read “We are closed until further notice for repairs to the "
        "roof.” all week."
    )
    said = "We are closed until further notice for repairs to the roof."
    assert quotes(text) == [Quote(said, None)]
    # A short phrase with no one to say it and no sentence's end is no quotation.
    short = "The sign on the door read “closed until further notice for repairs” all week."
    assert quotes(short) == []


def test_pronoun_after_an_unnamed_spokesperson_is_the_organisation() -> None:
    text = (
        "Dana Whitlock, the union's leader, said pay had fallen behind.\n\n"
        "But a spokesperson for the Regional Employers Association said pay had risen.\n\n"
        "“Our members have raised salaries every year since the agreement,” she said."
    )
    assert speakers(text)[-1] == "Regional Employers Association"


def test_pronoun_after_an_anonymous_official_is_none() -> None:
    text = (
        "Dana Whitlock, the union's leader, said pay had fallen behind.\n\n"
        "But an official at the ministry disputed the figures.\n\n"
        "“The numbers in that report are simply out of date,” he said."
    )
    assert speakers(text) == [None]


def test_anonymous_speaker_is_none() -> None:
    text = "“The building should never have been approved in the first place,” a neighbour said."
    assert speakers(text) == [None]


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the talks “stern” and left early.",
        "Critics dismissed the plan as “clearly unworkable” on Monday.",
        'He described the deal as "a good start" before leaving.',
    ],
)
def test_scare_quotes_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_three_word_quote_that_someone_said_is_kept() -> None:
    text = "Darren Kowal told analysts the conditions were “tough but workable” for the airline."
    assert quotes(text) == [Quote("tough but workable", "Darren Kowal")]


def test_titles_in_quote_marks_are_not_quotes() -> None:
    text = "Her new film, “Night of the Long Harbour,” opens in May, Greta Lind said."
    assert quotes(text) == []


def test_straight_and_mixed_quote_marks() -> None:
    text = '"We will appeal the ruling as soon as possible," said Omar Haddad. "And we expect to win it.”'
    result = quotes(text)
    assert [q.text for q in result] == [
        "We will appeal the ruling as soon as possible",
        "And we expect to win it.",
    ]
    assert [q.speaker for q in result] == ["Omar Haddad", "Omar Haddad"]


def test_british_single_quotes() -> None:
    text = (
        "‘The river came into the kitchen and we lost everything,’ said Jordi Vilanova, "
        "a baker. ‘But we are alive, and my neighbours’ homes are still standing.’"
    )
    result = quotes(text)
    assert [q.speaker for q in result] == ["Jordi Vilanova", "Jordi Vilanova"]
    assert result[1].text == "But we are alive, and my neighbours’ homes are still standing."


def test_apostrophes_are_not_single_quotes() -> None:
    text = "Marta’s shop didn’t open, and the owners’ association said it won’t reopen soon."
    assert quotes(text) == []


def test_quote_text_has_no_quote_marks() -> None:
    result = quotes("“The river rose faster than any of us expected,” Ruth Amsel said.")
    assert result and not any(mark in result[0].text for mark in '“”"')


def test_people_list_resolves_a_lone_surname() -> None:
    text = "“The harvest came in three weeks early this year,” Okonkwo said."
    assert find_quotes(text, ["Chidi Okonkwo"]) == [
        Quote("The harvest came in three weeks early this year", "Chidi Okonkwo")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "”“”“" * 2000,
        '"' * 10_001,
        "“" + "word " * 50_000,
        "😀 “emoji quote with four words” 🎉",
        "“نص عربي طويل بين علامات الاقتباس هنا” قال أحمد",
        "[bold]“Rich markup stays plain text here,”[/bold] Kim said.",
        "\n".join(["“A line that never closes its quote"] * 2000),
    ],
    ids=[
        "empty",
        "lone-open",
        "alternating-marks",
        "straight-marks",
        "unclosed-huge",
        "emoji",
        "arabic",
        "rich-markup",
        "many-unclosed-lines",
    ],
)
def test_never_raises(text: str) -> None:
    result = find_quotes(text, [])
    assert all(isinstance(q, Quote) and q.text for q in result)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab K“”" .,\n')), max_size=300))
def test_never_raises_on_quote_heavy_text(text: str) -> None:
    for q in find_quotes(text, ["Kim Gunn"]):
        assert q.speaker is None or isinstance(q.speaker, str)


def test_seed_page_jcs_statement_is_attributed(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("000_*.txt"))
    if not seeds:
        pytest.skip("seed 000 is not present")
    text = seeds[0].read_text(encoding="utf-8")
    result = quotes(text)
    launch = [q for q in result if "cruise missiles" in q.text]
    assert launch, "the JCS statement quote was not found"
    assert launch[0].speaker == "Joint Chiefs of Staff"
    assert all(len(q.text.split()) >= 4 for q in result)
    assert any(q.speaker == "Kim Gunn" for q in result)


def test_name_right_before_the_verb_is_the_speaker_not_an_earlier_name() -> None:
    body = (
        "In talks with Deputy Minister Hana Okoro, Ambassador Piet Vermeer emphasized that the "
        "treaty “cannot survive another year of delays without real money behind it,” officials said."
    )
    people = ["Hana Okoro", "Piet Vermeer"]
    quotes = find_quotes(body, people)
    assert [q.speaker for q in quotes] == ["Piet Vermeer"]


def test_a_director_who_speaks_through_an_interpreter_keeps_his_quote() -> None:
    """A sentence of the story that lost its full stop is no caption; the quote the next
    paragraph gives "he" is the director's, and a film town is no organisation."""
    page = "\n\n".join(
        [
            "Harbourlight wins top prize at the guild awards",
            "LOS ANGELES (Wire) - The Korean thriller “Harbourlight” was the upset winner at the "
            "guild awards on Sunday, while Tom Lenz and Jana Berg were named best actors.",
            "Despite an unknown cast, it beat homegrown Hollywood movies with A-list stars.",
            "“Harbourlight” director Bong Soo Min said backstage that no-one could predict what "
            "might happen at the ceremony on Feb. 9",
            "Speaking through an interpreter he added; “It is true that the momentum is building "
            "and we are a part of the awards race.”",
            "Lenz’s performance as a lonely ferryman has swept awards season.",
        ]
    )
    meta = extract_page(page)
    assert "Bong Soo Min" in meta.people
    assert [q.speaker for q in meta.quotes if q.text.startswith("It is true")] == ["Bong Soo Min"]
    assert "Hollywood" not in meta.organizations


def test_a_quote_introduced_by_its_speaker_keeps_him_over_who_reported_it() -> None:
    # 'he ... said, “...,” the prosecutor's office said': credited to the office.
    body = (
        "Daniel Okafor, 55, of Marrowby, pleaded guilty on Monday to threatening a council "
        "member, the District Attorney's Office for Harbour County said.\n\n"
        "During the call, he asked about the budget, called the member a “crook” and said, "
        "“somebody ought to teach her a lesson,” the prosecutor's office said."
    )
    [quote] = find_quotes(body, ["Daniel Okafor"])
    assert quote.text.startswith("somebody ought") and quote.speaker == "Daniel Okafor"


def test_a_quote_with_its_speaker_after_it_stays_theirs() -> None:
    body = (
        "Mara Lind chairs the harbour board. Ivo Brandt runs the ferry company.\n\n"
        "Lind said the plan was late. “We will finish it by spring,” Brandt said."
    )
    [quote] = find_quotes(body, ["Mara Lind", "Ivo Brandt"])
    assert quote.speaker == "Ivo Brandt"


def test_a_quote_that_ends_its_sentence_is_not_the_next_sentences_speakers() -> None:
    # 'Osei called the decision “the right thing for riders.” Treasurer Mark Delaney said
    # ...' credited Osei's words to Delaney.
    body = (
        "Transit chief Ama Osei called the decision “the right thing for riders.” "
        "Treasurer Mark Delaney said the budget could not carry it."
    )
    [quote] = find_quotes(body, ["Ama Osei", "Mark Delaney"])
    assert quote.speaker == "Ama Osei"


def test_the_role_names_the_person_given_that_title() -> None:
    # '..., the mayor said' went to the man named before her ("he" skipped the mayor);
    # '..., the senator said' to the representative named last.
    body = (
        "Mayor Kathy Sheehan defended her budget on Monday.\n\n"
        "Council member Daniel Price was unconvinced. “The debt keeps climbing,” he said.\n\n"
        "Sheehan pointed to new state aid. “Albany is in better shape,” the mayor said.\n\n"
        "Sen. Maria Cantwell backed the bill. Rep. Dan Newhouse opposed parts of it.\n\n"
        "“This bill gives growers certainty,” the senator said."
    )
    said = {q.text: q.speaker for q in quotes(body)}
    assert said["Albany is in better shape"] == "Kathy Sheehan"
    assert said["This bill gives growers certainty"] == "Maria Cantwell"


def test_straight_single_quotes_as_british_copy_writes_them() -> None:
    text = (
        "The museum closed a gallery on Monday after water leaked through the ceiling.\n\n"
        "'We were told the pipes had been checked last month,' said the curator, Anne Morel. "
        "'Nobody expected this.'\n\n"
        "It was the band's '90s comeback, and rock 'n' roll was back on the rota of 'Radio Two'.\n\n"
        "'It is the second leak this year and we want answers,' said union official Paul Girard."
    )
    found = [(q.speaker, q.text) for q in quotes(text)]
    assert found == [
        ("Anne Morel", "We were told the pipes had been checked last month"),
        ("Anne Morel", "Nobody expected this."),
        ("Paul Girard", "It is the second leak this year and we want answers"),
    ]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said Kremmling rancher Dale Hutchins, who lost nine calves.", "Dale Hutchins"),
        ("said Boeing engineer Mark Ellis.", "Mark Ellis"),
        ("said Acme Corp. spokeswoman Jill Park.", "Jill Park"),
        ("said Luma Energy senior engineer Javier Otero.", "Javier Otero"),
        ("Hollow Creek resident Luis Barrientos said.", "Luis Barrientos"),
        ("Kremmling rancher Dale Hutchins said on Friday.", "Dale Hutchins"),
        ("said harbour master Tom Rigby.", "Tom Rigby"),
        ("said Dale Hutchins, a Kremmling rancher.", "Dale Hutchins"),
    ],
)
def test_a_place_or_company_before_a_role_qualifies_it_and_the_name_after_speaks(
    attribution: str, speaker: str
) -> None:
    # "said Kremmling rancher Dale Hutchins" went to "Kremmling", "said Boeing engineer
    # Mark Ellis" to Boeing: capitalised words, a lower-case role, then the speaker's name.
    text = (
        "Ranchers and engineers met the county board on Tuesday night.\n\n"
        f"“We were promised this would be managed properly,” {attribution}"
    )
    assert speakers(text) == [speaker]


def test_a_name_and_a_common_word_after_said_is_not_a_role() -> None:
    text = (
        "The talks ended on Tuesday.\n\n"
        "“We were promised this would be managed properly,” said Kim after meeting Lee Jae-myung."
    )
    assert speakers(text) == ["Kim"]


INTERVIEW = (
    "Inés Varela has spent 25 years studying the waters off northern Spain. We spoke in Vigo.\n\n"
    "Update: This interview has been edited for length and clarity.\n\n"
    "You grew up in a fishing village in Galicia. When did you first notice the change?\n\n"
    "Inés Varela: When I was twelve, my father came back with a third of the catch.\n\n"
    "Q: Your new book argues that quotas alone won’t save the fisheries. Why?\n\n"
    "Varela: Because quotas count fish, and the problem is temperature.\n\n"
    "Photo: Boats in the harbour of Vigo at dawn, waiting for the tide.\n\n"
    "Oliver Grant: What would you do instead, if you were the minister?\n\n"
    "Inés Varela: Pay fishermen to monitor the sea. They are out there every day."
)


def test_a_question_and_answer_interview_gives_the_answers_to_their_speaker() -> None:
    # The answers of a Q&A had no quote marks and gave no quotes; the questions (bold,
    # "Q:", or the interviewer's name) are nobody's quotes, nor are "Update:"/"Photo:".
    found = [(q.speaker, q.text) for q in quotes(INTERVIEW)]
    assert found == [
        ("Inés Varela", "When I was twelve, my father came back with a third of the catch."),
        ("Inés Varela", "Because quotas count fish, and the problem is temperature."),
        ("Inés Varela", "Pay fishermen to monitor the sea. They are out there every day."),
    ]


def test_name_and_colon_lines_without_questions_are_no_interview() -> None:
    # Player ratings: a person's name and a colon, the writer's words after it.
    text = (
        "Rovers beat Millbrook 2-1 on Saturday. Harry Kane scored twice and Tom Bell saved "
        "a penalty.\n\n"
        "Harry Kane: Took both of his chances and led the line well all afternoon.\n\n"
        "Tom Bell: Saved a penalty and organised his defence with real calm."
    )
    assert quotes(text) == []


def test_a_name_and_a_colon_before_a_quote_is_its_speaker() -> None:
    text = (
        "The council approved the tourist tax on Tuesday.\n\n"
        "Marta Llorens: «No queremos echar a nadie, queremos que contribuyan»\n\n"
        "Update: «The tax applies from July in every hotel»"
    )
    assert speakers(text) == ["Marta Llorens", None]


def test_spanish_dash_dialogue_with_its_reporting_clause() -> None:
    text = (
        "El Ayuntamiento de Valencia aprobó este martes una tasa turística.\n\n"
        "—No queremos echar a nadie de la ciudad —dijo Vicente Ferrer—. Pero hay que pagar "
        "por los servicios.\n\n"
        "—Es un error histórico para todos —ha explicado la concejala Marta Llorens.\n\n"
        "— The council approved the budget — which was late — on Tuesday."
    )
    assert [(q.speaker, q.text) for q in quotes(text)] == [
        ("Vicente Ferrer", "No queremos echar a nadie de la ciudad"),
        ("Vicente Ferrer", "Pero hay que pagar por los servicios."),
        ("Marta Llorens", "Es un error histórico para todos"),
    ]


def test_whose_role_it_is_then_who_holds_it_speaks() -> None:
    """ "said Harbourline's chief executive Tomas Verhoef": the company whose role it is is
    no speaker, even when its one-word name was taken for a person's."""
    text = (
        '"We expect the first trains to be busy," said Harbourline\'s chief executive '
        "Tomas Verhoef on Friday at the station."
    )
    assert speakers(text) == ["Tomas Verhoef"]


def test_a_role_set_off_by_commas_names_who_speaks() -> None:
    """ "According to Freshfield's technical director, Oluwadamilare Hughes-Jensen, "..."":
    a name nobody knows is a person when commas set it off after a role."""
    text = (
        "According to Freshfield's technical director, Oluwadamilare Hughes-Jensen, "
        '"the recall covers every jar sold since June."'
    )
    assert speakers(text) == ["Oluwadamilare Hughes-Jensen"]
    assert "Oluwadamilare Hughes-Jensen" in find_entities(text).people


def test_the_unnamed_official_is_nobody_named() -> None:
    """ "the official said" after "a military intelligence official said ..." is that
    unnamed official, not the governor the story named in between."""
    text = (
        "Drones struck a fuel depot overnight, a Ukrainian military intelligence official "
        "said Saturday.\n\n"
        "Bryansk Gov. Alexander Bogomaz said on Telegram that debris had caused a fire.\n\n"
        "The Ukrainian official, who spoke on condition of anonymity, said the depot supplied "
        "fuel to units at the front.\n\n"
        '"Every liter that burns here does not reach the front," the official said.'
    )
    assert speakers(text) == [None]


def test_she_after_an_unnamed_relative_is_not_the_last_person_named() -> None:
    """ "the boy's mother said ..." then ""...," she said": the mother, whom the story does
    not name, not the judge named before her."""
    text = (
        "District Judge Amanda Whitcombe dismissed the case on Tuesday.\n\n"
        '"This young man can now get on with his life," she said.\n\n'
        "Outside court, the boy's mother said the family was relieved.\n\n"
        '"Nobody from the police asked him where he was," she said.'
    )
    assert speakers(text) == ["Amanda Whitcombe", None]
