"""The dateline a page sets beside its byline, not at the head of the story."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes

STORY = (
    "<p>A prefeitura anunciou nesta segunda-feira que o metrô vai funcionar até as duas "
    "da manhã nas sextas e nos sábados a partir de abril.</p>"
    "<p>Segundo a companhia, a medida integra o plano de revitalização do centro e vai "
    "exigir a contratação de cerca de 300 funcionários.</p>"
    "<p>O sindicato dos metroviários cobrou novas contratações antes da mudança.</p>"
)


def _dateline(header: str, story: str = STORY) -> str | None:
    html = (
        "<html lang='pt-BR'><head><title>Metrô vai funcionar até as 2h</title></head><body>"
        f"<article><h1>Metrô vai funcionar até as 2h nas sextas e sábados</h1>{header}"
        f"{story}</article><aside class='weather'><span class='location'>Lisboa</span> 21°"
        "</aside></body></html>"
    )
    return load_bytes(html.encode(), "page.html").items[0].dateline


@pytest.mark.parametrize(
    ("header", "place"),
    [
        (
            '<div class="c-signature"><strong class="c-signature__author">Beatriz Carvalho'
            '</strong> <span class="c-signature__location">São Paulo</span></div>',
            "São Paulo",
        ),
        (
            '<div class="meta"><div><a>Javier Moll</a></div><div><span class="a_ti">Valencia'
            '</span> - <time datetime="2025-01-15T08:30:00+01:00">15 ene 2025</time></div></div>',
            "Valencia",
        ),
    ],
)
def test_a_place_in_the_signature_block_is_the_dateline(header: str, place: str) -> None:
    assert _dateline(header) == place


def test_the_story_s_own_dateline_comes_first() -> None:
    header = (
        '<div class="c-signature"><strong class="c-signature__author">Beatriz Carvalho'
        '</strong> <span class="c-signature__location">São Paulo</span></div>'
    )
    story = STORY.replace("<p>A prefeitura", "<p>CAMPINAS — A prefeitura", 1)
    assert _dateline(header, story) == "Campinas"


@pytest.mark.parametrize(
    "header",
    [
        # A location outside the signature (a weather box) is no dateline.
        '<div class="c-signature"><strong>Beatriz Carvalho</strong></div>',
        # Nor a label before the date.
        '<div><span>Atualizado</span> - <time datetime="2025-01-15">15 jan 2025</time></div>',
    ],
)
def test_no_place_beside_the_byline_gives_no_dateline(header: str) -> None:
    assert _dateline(header) is None
