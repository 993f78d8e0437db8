"""World cities and regions as German, Spanish, French, Italian and Polish copy names them.

The gazetteer's city file names cities in English ("Munich", "Milan"); a German page
writes "München" and "Mailand", a Spanish one "Múnich" and "Milán". German
capitalises every noun, so "in Mailand" is no evidence of a place by itself (see
`entities/compounds.py`): the place must be known. Each name maps to the English one the
desk shows, as `country_names.ENDONYMS` does for countries. Only names that are no word
of those languages, English word or given name (no "Roma": the people; no "Reno":
the Rhine in Italian, a city in Nevada).
"""

from __future__ import annotations

from newsdesk.extract.data.country_names import table

#: Cities under their other-language names, mapped to the English name.
CITY_EXONYMS: dict[str, str] = table(
    """
    Munich: München | Múnich | Monaco di Baviera | Monachium
    Cologne: Köln | Kolonia
    Nuremberg: Nürnberg | Núremberg | Norimberga | Norymberga
    Frankfurt: Frankfurt | Frankfurt am Main | Francfort | Fráncfort | Francoforte
    Vienna: Wien | Viena | Vienne | Wiedeń
    Zurich: Zürich | Zúrich
    Geneva: Genf | Ginebra | Genève | Ginevra | Genewa
    Moscow: Moskau | Moscú | Moscou | Mosca | Moskwa
    Beijing: Peking | Pekín | Pékin | Pechino | Pekin
    Rome: Rom | Rzym
    Milan: Mailand | Milán | Milano | Mediolan
    Naples: Neapel | Nápoles | Napoli | Neapol
    Genoa: Genua | Génova | Genova
    Venice: Venedig | Venecia | Venise | Venezia | Wenecja
    Florence: Florenz | Florencia | Firenze
    Turin: Torino | Turyn
    Prague: Prag | Praga
    Warsaw: Warschau | Varsovia | Varsovie | Varsavia | Warszawa
    Krakow: Krakau | Cracovia | Cracovie | Kraków
    Gdansk: Danzig | Gdańsk
    Wroclaw: Breslau | Wrocław
    Lisbon: Lissabon | Lisboa | Lisbonne | Lizbona
    Copenhagen: Kopenhagen | Copenhague | Copenaghen | København | Kopenhaga
    Brussels: Brüssel | Bruselas | Bruxelles | Bruksela
    Antwerp: Antwerpen | Amberes | Anvers | Anversa
    The Hague: Den Haag | La Haya | La Haye | L'Aia
    Athens: Athen | Atenas | Athènes | Atene | Ateny
    Cairo: Kairo | El Cairo | Le Caire | Il Cairo | Kair
    Tokyo: Tokio | Tokyō
    London: Londres | Londra | Londyn
    Paris: Parigi | Paryż
    Berlin: Berlino
    Hamburg: Hamburgo | Amburgo
    Kyiv: Kiew | Kijów
    Saint Petersburg: Sankt Petersburg | San Petersburgo | Saint-Pétersbourg | San Pietroburgo
    Istanbul: Estambul | Stambuł
    Jerusalem: Jerusalén | Jérusalem | Gerusalemme | Jerozolima
    Mexico City: Mexiko-Stadt | Ciudad de México
    Bucharest: Bukarest | Bucarest | Bukareszt
    Belgrade: Belgrad | Belgrado
    Strasbourg: Straßburg | Estrasburgo | Strasburgo
    Seville: Sevilla | Séville | Siviglia
    Marseille: Marsella | Marsiglia
    Nice: Nizza | Niza | Nicea
    Damascus: Damaskus | Damasco | Damaszek
    Beirut: Beyrouth | Bejrut
    Tehran: Teheran | Teherán | Téhéran
    Baghdad: Bagdad
    Algiers: Algier | Argel | Algeri
    Havana: Havanna | La Habana | La Havane | L'Avana | Hawana
    New Delhi: Neu-Delhi | Nueva Delhi | New Delhi
    Seoul: Seúl | Séoul
    Basel: Bâle | Basilea | Bazylea
    Lucerne: Luzern | Lucerna
    Tbilisi: Tiflis
    Kathmandu: Katmandu
    """
)

#: Regions, seas and rivers under their other-language names, mapped to the English name.
REGION_EXONYMS: dict[str, str] = table(
    """
    Europe: Europa
    Africa: Afrika | África | Afrique
    Asia: Asien | Asie
    North America: Nordamerika | Norteamérica | América del Norte | Amérique du Nord
    South America: Südamerika | Sudamérica | América del Sur | Amérique du Sud
    Latin America: Lateinamerika | América Latina | Amérique latine | Ameryka Łacińska
    Central America: Mittelamerika | Zentralamerika | Centroamérica
    Middle East: Nahost | Naher Osten | Nahen Osten | Oriente Medio | Moyen-Orient | Medio Oriente
    Southeast Asia: Südostasien | Sudeste Asiático | Asie du Sud-Est
    East Africa: Ostafrika
    West Africa: Westafrika | África Occidental | Afrique de l'Ouest
    North Africa: Nordafrika | Norte de África | Afrique du Nord
    Scandinavia: Skandinavien | Escandinavia | Scandinavie
    Mediterranean: Mittelmeer | Mediterráneo | Méditerranée | Mediterraneo
    North Sea: Nordsee | Mar del Norte | Mer du Nord
    Baltic Sea: Ostsee
    Alps: Alpen | Alpes | Alpi
    Rhine: Rhein | Rhin
    Danube: Donau | Danubio
    California: Kalifornien | Californie
    """
)

#: Every other-language name above: English copy reads them as it always did ("Jupiter's
#: moon Europa").
EXONYMS: frozenset[str] = frozenset(CITY_EXONYMS) | frozenset(REGION_EXONYMS)

_BY_FOLDED: dict[str, str] = {}


def english_place(name: str) -> str | None:
    """The English name the desk keeps for a city or region written in another language,
    any case or accents ("münchen" -> "Munich"), as `english_country` is for countries;
    None for any other name."""
    from newsdesk.stories.text import fold

    if not _BY_FOLDED:
        for alias, display in (*CITY_EXONYMS.items(), *REGION_EXONYMS.items()):
            _BY_FOLDED.setdefault(fold(alias), display)
    return _BY_FOLDED.get(fold(" ".join(name.split())))
