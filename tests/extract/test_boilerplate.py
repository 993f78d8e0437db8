"""Page furniture is recognised; article sentences are not."""

from __future__ import annotations

import pytest

from newsdesk.extract.boilerplate import about_section, is_boilerplate, is_end_marker
from newsdesk.extract.list_headings import link_list_marker


@pytest.mark.parametrize(
    "line",
    [
        "Share this with Facebook",
        "- Twitter",
        "Advertisement",
        "Skip to main content",
        "Sign up to our Morning Digest newsletter, delivered every weekday.",
        "We use cookies to improve your experience. Manage preferences",
        "Support independent journalism. Donate today.",
        "Become a patron or see other ways to support.",
        "Comments are approved by a moderator and may take a day to appear.",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "© 2025 The Harbour Gazette. All rights reserved.",
        "Continue reading the main story",
        "3 min read",
        "Welcome to our new look. Tell us what you think by taking this survey.",
        "A version of this article appears in print on page 7 of the weekend edition.",
        "Follow the Harbour Gazette on Facebook and Instagram.",
        "The opinions expressed in reader comments are those of the author only.",
        "Slideshow ( 12 images )",
        "A flexible plan you can cancel anytime.",
        "This live page is no longer being updated.",
        "Get the Weekly Digest: the week's best stories, every Friday. Sign up",
        # Left in HTML bodies: a separator, a section label, an app appeal.
        "___",
        "From the section Europe & Africa",
        "WATCH THE HARBOUR CHANNEL ON THE GO BY CLICKING HERE",
        "Click here to read the council's full report",
        # Pointers to other stories in the languages read, follow and tip appeals.
        "Lesen Sie auch: Die Fähre fährt wieder",
        "Le puede interesar: El puerto reabre",
        "À lire aussi : Le port rouvre",
        "PUEDES VER: Alcalde inaugura puente",
        "Síguenos en Twitter",
        "Have a news tip? Email the desk.",
        "Download the Harbour Gazette app",
        "We want to hear what you think about this article.",
        "Subscribe to keep reading",
    ],
)
def test_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council shared the cost of the new bridge with the port authority.",
        "Residents said the cookies sold at the fair raised 300 euros for the school.",
        "Twitter users mocked the slogan within hours of its launch.",
        "The minister said the plan would be published next week.",
        "Voters found the polling station by clicking here and there on the council map.",
        "From the section of the report on schools, the minister read two pages aloud.",
        "Farmers can download the survey data from the ministry website, the report said.",
        "Related stories are listed below the report, the editor said.",
    ],
)
def test_sentences_are_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Topics",
        "Related Topics",
        "Add your comment",
        "Leave a Reply",
        "Most read",
        "© 2025 The Harbour Gazette",
        "Our Standards: The Northern Wire Trust Principles.",
    ],
)
def test_end_markers(line: str) -> None:
    assert is_end_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related:",
        "Read more",
        "Most read",
        "More from Harbour Gazette",
        "Related coverage",
        "See also",
    ],
)
def test_link_list_markers(line: str) -> None:
    assert link_list_marker(line)


def test_prose_is_not_a_link_list_marker() -> None:
    assert not link_list_marker(
        "Related talks between the unions and the port broke down on Monday."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Wir verwenden Cookies, um unsere Website für Sie zu verbessern.",
        "Nous utilisons des cookies pour mesurer l'audience. Tout accepter",
        "Utilizamos cookies propias y de terceros. Aceptar todas",
        "Utilizziamo i cookie per offrirti un'esperienza migliore.",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
        "Votre adresse e-mail ne sera pas publiée.",
        "O seu endereço de email não será publicado.",
        "Newsletter abonnieren",
        "View this email in your browser",
        "Having trouble viewing this email? Click here",
        "Auf Facebook teilen",
        "Kersti Brand sagt:",
    ],
)
def test_furniture_in_other_languages_and_newsletter_shells(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Die Stadt sagt, sie werde die Cookies-Verordnung des Landes nicht vor 2026 umsetzen können, weil Personal fehle.",
        "Merkel sagt, die Lage sei ernst:",
    ],
)
def test_prose_about_the_same_things_is_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line", ["Kommentare (3)", "Schreibe einen Kommentar", "Commentaires", "Lascia un commento"]
)
def test_comment_sections_end_the_article_in_other_languages(line: str) -> None:
    assert is_end_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "Share this entry",
        "Share this post",
        "* Teilen",
        "Diesen Artikel teilen",
        "Partager cet article",
        "Compartir",
        "Condividi questo articolo",
        "Compartilhe",
        # A share bar or a "follow us" row flattened into one line.
        "Facebook WhatsApp E-Mail",
        "Follow us: Facebook | Instagram | LinkedIn",
        "Link kopieren",
    ],
)
def test_share_bars_in_six_languages(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line", ["Teilen und herrschen", "Compartir es vivir", "Facebook sues X over ads"]
)
def test_a_headline_with_a_share_word_is_no_share_bar(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Stay up to date with Harbour Lines.",
        "Subscribe No thanks",
        "You have succesfully subscribed. Thank you!",
        "An email with an activation link has just been sent to your email address.",
    ],
)
def test_a_newsletter_boxs_lines(line: str) -> None:
    assert is_boilerplate(line)


def test_staying_up_to_date_in_a_sentence_is_text() -> None:
    assert not is_boilerplate("Stay up to date with the strike, the union told members on Monday.")


@pytest.mark.parametrize(
    "line",
    [
        "Über den Autor",
        "À propos de l'auteur",
        "Sobre o autor",
        "Sobre el autor",
        "Deixe uma resposta Cancelar resposta",
        "Lascia una risposta",
    ],
)
def test_the_authors_box_and_a_reply_form_end_the_story(line: str) -> None:
    assert is_end_marker(line)


@pytest.mark.parametrize("line", ["Artigos relacionados", "Lea también", "Post correlati"])
def test_related_lists_in_more_languages(line: str) -> None:
    assert link_list_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "Möchten Sie weiterlesen?",
        "Ja. Ich bin Abonnent.",
        "To view the full story, please subscribe to the Harbour Lines.",
        "If you are seeing this message but you are already a subscriber, log in.",
        "Pour lire la suite, abonnez-vous.",
        "Para seguir leyendo, suscríbete.",
        "Sei già abbonato? Accedi.",
        "Já sou assinante",
    ],
)
def test_a_paywalls_prompt_in_six_languages(line: str) -> None:
    assert is_boilerplate(line)


def test_subscribers_in_a_story_are_text() -> None:
    line = "The paper has 20,000 subscribers who can read it online, the editor said on Monday."
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "NACH OBEN",
        "Veröffentlicht in:",
        "5 Bloggern gefällt das.",
        "12 bloggers like this.",
        "Para comentar debes registrarte y completar los datos generales.",
        "Empfiehl dies deinen Freunden.",
        "VEA TAMBIÉN: La fábrica del puerto cierra en marzo",
    ],
)
def test_blog_and_site_furniture_in_more_languages(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["3 Gedanken zu “Die Fähre”", "12 thoughts on “The ferry”"])
def test_a_blogs_comment_heading_ends_the_post(line: str) -> None:
    assert is_end_marker(line)
    assert not is_end_marker("Thoughts on the ferry strike")


@pytest.mark.parametrize("line", ["Die meistgelesenen Artikel", "Empfehlungen aus der Redaktion"])
def test_more_lists_of_other_stories(line: str) -> None:
    assert link_list_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "War der Artikel nützlich?",
        "Was this article helpful?",
        "Möchten Sie den Artikel teilen?",
        "Teile diesen Beitrag auf",
        "Unterstützen Sie uns",
        "Ihr Beitrag hilft, unsere Berichterstattung weiter auszubauen.",
        "Haben Sie das Gesuchte nicht gefunden?",
        "Instant access to the full article PDF.",
        "Schlagworte",
    ],
)
def test_appeals_under_a_story_and_a_tag_label(line: str) -> None:
    assert is_boilerplate(line)


def test_ranked_runs() -> None:
    from newsdesk.extract.boilerplate import is_ranked_run

    assert is_ranked_run(
        "1 Ferry goes back to the board 2 Storm closes the road 3 Fish market moves"
    )
    assert not is_ranked_run("The board met 1 time in 2 weeks and 3 members were missing.")
    # A long line of one rank's words: no match, and read in linear time (a hostile page).
    assert not is_ranked_run("1 " + "word 2 x " * 20_000)


@pytest.mark.parametrize(
    "line",
    [
        "###",
        "# # #",
        "-30-",
        "- 30 -",
        "Forward-Looking Statements",
        "Cautionary Note Regarding Forward-Looking Statements",
        "Safe Harbor Statement",
        "Media contact:",
        "Media Contacts",
        "Press inquiries: Tomas Reyes, press@northwind.example",
    ],
)
def test_a_press_releases_legal_notice_and_contacts_end_it(line: str) -> None:
    assert is_end_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "Media contacts with the ministry were cut off for a week.",
        "Forward-looking statements by the board were met with scepticism.",
        "The score was 3-30 at half time.",
    ],
)
def test_the_same_words_in_a_sentence_do_not_end_a_story(line: str) -> None:
    assert not is_end_marker(line)


@pytest.mark.parametrize(
    ("line", "following", "expected"),
    [
        (
            "About Northwind Cables",
            "Northwind Cables Ltd. is a manufacturer and installer of subsea cables.",
            True,
        ),
        (
            "Über die Harbour AG",
            "Die Harbour AG ist ein Logistikunternehmen mit Sitz in Kiel.",
            True,
        ),
        ("About Northwind Cables:", "The Northwind Cables group employs 2,300 people.", True),
        (
            "About Halden Robotics",
            "Founded in 2019, Halden Robotics B.V. designs and builds warehouse robots.",
            True,
        ),
        # A subheading of the story, over a paragraph about something else.
        (
            "About the vote",
            "The vote was held on Tuesday after a long debate in the chamber.",
            False,
        ),
        ("About Smith", "The minister declined to comment on the report on Tuesday.", False),
        ("About Northwind Cables", "Short.", False),
    ],
)
def test_a_press_releases_about_section(line: str, following: str, expected: bool) -> None:
    assert about_section(line, following) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Article continues below this ad",
        "PUBLICIDADE",
        "Pubblicità",
        "Video loading...",
        "PLUS",
        "Already a member? Sign in",
        "Unlimited access to all articles",
        "18+ BeGambleAware.org · Bet £10 get £30 in free bets",
        "Support nonprofit news",
        "This story is republished under a Creative Commons license CC BY-ND 4.0.",
        "Disclaimer: The Daily Ledger may earn commission on products bought through links.",
        "Sigue toda la información de Economía en Facebook y X, o en nuestra newsletter",
        "Suivez-nous sur Instagram et sur Facebook",
        "Cet article vous a été utile ?",
        "Do you have an opinion on the issues raised in this article? Email us.",
        "Pat Quill can be reached at pquill@ledger.example or 555-0134.",
        "— Harbour Airport (@HarbourAirport) January 5, 2025",
        "pic.twitter.com/AbC123",
        "afp/sb/lpt",
    ],
)
def test_furniture_set_inside_the_story_is_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council said it would support local news outlets with a grant.",
        "Plus, the council voted to cut bus fares from March.",
        "He said the deal was and/or would be reviewed.",
        "Readers can be forgiven for thinking the bridge was finished.",
        "The company denied the report, calling it a disclaimer of responsibility.",
    ],
)
def test_sentences_that_resemble_that_furniture_stay(line: str) -> None:
    assert not is_boilerplate(line)
