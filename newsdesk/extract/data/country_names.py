"""Countries under the names the news uses ("Britain") and as the other languages
the desk reads write them ("España", "Deutschland"), each mapped to one English name.

Copy from German, Spanish, French, Italian, Dutch, Portuguese, Polish and the
Nordic desks names countries in its own language; each name maps to the
English one the desk shows and searches (`place:Spain` finds "España").

Only nominative forms that are no English word or given name: German "Island"
(Iceland) would make Long Island a country, "Dania" and "Italia" are given
names; Polish case forms ("w Polsce") are not listed. `gazetteer._load_countries`
adds them as aliases; a test checks them against the word lists. A search
for a place asks for the English name (`english_country`).
"""

from __future__ import annotations

#: Countries under the names the news uses, mapped to one display name.
COUNTRY_ALIASES: dict[str, str] = {
    "America": "United States",
    "United States of America": "United States",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Republic of Korea": "South Korea",
    "Korea, Republic of": "South Korea",
    "Democratic People's Republic of Korea": "North Korea",
    "Russian Federation": "Russia",
    "People's Republic of China": "China",
    "Mainland China": "China",
    "Czechia": "Czech Republic",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "Burma": "Myanmar",
    "Ivory Coast": "Ivory Coast",
    "Côte d'Ivoire": "Ivory Coast",
    "East Timor": "Timor-Leste",
    "Swaziland": "Eswatini",
    "Persia": "Iran",
    "Viet Nam": "Vietnam",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "DR Congo": "Democratic Republic of the Congo",
    "Congo": "Congo",
    "England": "England",
    "Scotland": "Scotland",
    "Wales": "Wales",
    "Northern Ireland": "Northern Ireland",
    "Palestine": "Palestine",
    "Taiwan": "Taiwan",
    "Kosovo": "Kosovo",
    "Vatican": "Vatican City",
    "Vatican City": "Vatican City",
    "Hong Kong": "Hong Kong",
    "Macau": "Macau",
    "Macao": "Macau",
}


def table(text: str) -> dict[str, str]:
    """'English: name | name' lines -> {name: English}."""
    table: dict[str, str] = {}
    for line in text.strip().splitlines():
        english, _, names = line.partition(":")
        for name in names.split("|"):
            if name.strip():
                table[name.strip()] = english.strip()
    return table


ENDONYMS: dict[str, str] = table(
    """
    Germany: Deutschland | Alemania | Allemagne | Germania | Duitsland | Alemanha | Niemcy | Tyskland
    Austria: Österreich | Autriche | Oostenrijk | Áustria
    Switzerland: Schweiz | Suisse | Svizzera | Suiza | Zwitserland | Suíça | Szwajcaria
    Spain: España | Spanien | Espagne | Spagna | Spanje | Espanha | Hiszpania
    France: Frankreich | Francia | Frankrijk | França | Francja | Frankrike
    Italy: Italien | Italie | Italië | Itália | Włochy
    Portugal: Portugalia
    Netherlands: Nederland | Niederlande | Países Bajos | Pays-Bas | Paesi Bassi | Países Baixos
    Belgium: België | Belgique | Belgien | Bélgica | Belgio | Belgia
    United Kingdom: Vereinigtes Königreich | Großbritannien | Reino Unido | Royaume-Uni | Regno Unito | Verenigd Koninkrijk | Wielka Brytania | Storbritannien
    United States: Vereinigte Staaten | Estados Unidos | États-Unis | Stati Uniti | Verenigde Staten | Stany Zjednoczone
    Russia: Russland | Rusia | Russie | Rusland | Rússia | Rosja | Россия
    Ukraine: Ucrania | Ucraina | Oekraïne | Ucrânia | Україна
    Poland: Polska | Polen | Pologne | Polonia | Polônia
    Greece: Griechenland | Grecia | Grèce | Griekenland | Grécia | Grecja | Ελλάδα
    Sweden: Sverige | Schweden | Suecia | Suède | Svezia | Zweden | Suécia | Szwecja
    Norway: Norge | Norwegen | Noruega | Norvège | Norvegia | Noorwegen | Norwegia
    Denmark: Danmark | Dänemark | Dinamarca | Danemark | Danimarca | Denemarken
    Finland: Suomi | Finnland | Finlandia | Finlande | Finlândia
    Ireland: Éire | Irland | Irlanda | Irlande | Ierland | Irlandia
    Hungary: Magyarország | Ungarn | Hungría | Hongrie | Ungheria | Hongarije | Węgry
    Czech Republic: Česko | Tschechien | Chequia | Tchéquie | Cechia | Tsjechië | Czechy
    Croatia: Hrvatska | Kroatien | Croacia | Croatie | Croazia | Kroatië | Chorwacja
    Romania: România | Rumänien | Rumania | Roumanie | Roemenië | Rumunia
    Turkey: Türkei | Turquía | Turquie | Turchia | Turkije | Turquia | Turcja
    China: Volksrepublik China | Chine | Cina | Chiny
    Japan: Japón | Japon | Giappone | Japão | Japonia
    India: Indien | Inde | Índia
    Brazil: Brasilien | Brésil | Brasile | Brazilië | Brazylia
    Mexico: México | Mexiko | Mexique | Messico
    Canada: Kanada | Canadá
    Egypt: Ägypten | Egipto | Égypte | Egitto | Egypte | Egipt
    Morocco: Marokko | Marruecos | Maroc | Marocco | Marrocos | Maroko
    South Africa: Südafrika | Sudáfrica | Afrique du Sud | Sudafrica | Zuid-Afrika | África do Sul
    South Korea: Südkorea | Corea del Sur | Corée du Sud | Corea del Sud | Zuid-Korea | Coreia do Sul
    North Korea: Nordkorea | Corea del Norte | Corée du Nord | Corea del Nord | Noord-Korea
    Saudi Arabia: Saudi-Arabien | Arabia Saudita | Arabie saoudite | Saoedi-Arabië | Arábia Saudita
    Israel: Israël
    Iran: Irán
    Lithuania: Litauen | Lituania | Lituanie | Litouwen | Litwa
    Latvia: Lettland | Letonia | Lettonie | Lettonia | Letland | Łotwa
    Estonia: Estland | Estonie
    Belarus: Weißrussland | Bielorrusia | Biélorussie | Bielorussia | Wit-Rusland | Białoruś
    Slovakia: Slowakei | Eslovaquia | Slovaquie | Slovacchia | Slowakije | Słowacja | Slovensko
    Slovenia: Slowenien | Eslovenia | Slovénie | Slovenija
    Serbia: Serbien | Serbie | Srbija
    Bulgaria: Bulgarien | Bulgarie | Bulgarije
    Algeria: Algerien | Argelia | Algérie | Algerije
    Tunisia: Tunesien | Túnez | Tunisie | Tunesië
    Argentina: Argentinien | Argentinië
        Colombia: Kolumbien | Colombie | Colômbia | Kolumbia
    Peru: Perú | Pérou
    Australia: Australien | Australie | Australië
    New Zealand: Neuseeland | Nueva Zelanda | Nouvelle-Zélande | Nuova Zelanda | Nieuw-Zeeland
    Scotland: Schottland | Escocia | Écosse | Scozia
    Northern Ireland: Nordirland | Irlanda del Norte | Irlande du Nord
    Syria: Syrien | Siria | Syrie | Syrië
    Iraq: Irak
    Lebanon: Libanon | Líbano | Liban
    Jordan: Jordanien | Jordania | Jordanie
    Yemen: Jemen
    Libya: Libyen | Libia | Libye
    Ethiopia: Äthiopien | Etiopía | Éthiopie | Etiopia
    Kenya: Kenia
    Tanzania: Tansania | Tanzanie
    Zimbabwe: Simbabwe
    Cameroon: Kamerun | Camerún | Cameroun
    Afghanistan: Afganistán
    Indonesia: Indonesien | Indonésie
    Philippines: Philippinen | Filipinas
    Cambodia: Kambodscha | Camboya | Cambodge
    Singapore: Singapur | Singapour
    Kazakhstan: Kasachstan | Kazajistán
    Uzbekistan: Usbekistan
    Azerbaijan: Aserbaidschan | Azerbaiyán | Azerbaïdjan
    Armenia: Armenien | Arménie
    Cuba: Kuba
    Bolivia: Bolivien | Bolivie
    Ecuador: Équateur
    Chile: Chili
    Luxembourg: Luxemburg | Luxemburgo | Lussemburgo
    Cyprus: Zypern | Chipre | Chypre | Cipro
    Albania: Albanien | Albanie
    Mongolia: Mongolei | Mongolie
    Bangladesh: Bangladesch
    Thailand: Tailandia | Thaïlande
    Malaysia: Malasia | Malaisie
    Sudan: Sudán | Soudan
    Qatar: Katar | Catar
    United Arab Emirates: Vereinigte Arabische Emirate | Emiratos Árabes Unidos | Émirats arabes unis
    """
)


def _folded(name: str) -> str:
    """Any case, no accents, single spaces: as a search box is typed ("espana")."""
    from newsdesk.stories.text import fold

    return fold(" ".join(name.split()))


def _folded_table() -> dict[str, str]:
    from newsdesk.extract.data.cues import PLACE_ACRONYMS

    names = {**PLACE_ACRONYMS, **COUNTRY_ALIASES, **ENDONYMS}
    return {_folded(alias): display for alias, display in names.items()}


_BY_FOLDED: dict[str, str] = {}


def english_country(name: str) -> str | None:
    """The English name the desk keeps for a country written another way, any case
    ("españa" -> "Spain", "u.k." -> "United Kingdom"); None for any other name."""
    if not _BY_FOLDED:
        _BY_FOLDED.update(_folded_table())
    return _BY_FOLDED.get(_folded(name))
