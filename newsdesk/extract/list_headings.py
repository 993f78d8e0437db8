"""Headings over lists of other stories: this story's related links ("Read more", "Mehr
zum Thema", "Leggi anche") or the site's popular lists ("Most read", "Meistgelesen").

Shared by text copies (`tail`, `body`) and HTML pages (`ingest.html_related`).
"""

from __future__ import annotations

import re

from newsdesk.extract.lines import line_cache

_FLAGS = re.IGNORECASE


#: Lists of the site's popular or latest stories: not about this article, so
#: neither body nor related links ("Most read", "Trending", "Meistgelesen").
_POPULAR_ALTERNATIVES = r"""
      most\ (?:popular|read|viewed|shared|commented|emailed|watched)(?:\ (?:today|now|stories|articles|news|in\ .+))?
    | trending(?:\ (?:now|stories|today|news))?|popular\ (?:now|today|stories)|top\ stories|more\ top\ stories
    | latest\ (?:news|stories|headlines)|more\ (?:stories|headlines)|editor'?s\ picks|don'?t\ miss
    | you\ (?:may|might)\ also\ like|recommended(?:\ for\ you)?|what\ to\ read\ next|read\ next|up\ next
    | (?:die\ )?meistgelesen(?:en?)?(?:\ (?:artikel|beiträge|nachrichten))?|meist\ gelesen|am\ meisten\ gelesen|beliebteste\ artikel|top-?themen
    | empfehlungen\ (?:aus\ der|der)\ redaktion
    | (?:kurz)?nachrichten-?ticker|news-?ticker|kurznachrichten|neueste\ (?:nachrichten|artikel|beiträge|meldungen)
    | aktuelle\ (?:nachrichten|meldungen)|últimas\ noticias|dernières\ (?:infos|actualités|nouvelles)|ultime\ notizie
    | últimas\ notícias|latest\ (?:posts|articles)
    | lo\ más\ (?:leído|visto|popular)|más\ (?:leídas|leídos|vistas|vistos|populares)
    | les\ plus\ (?:lus|partagés|populaires|consultés)|i\ più\ (?:letti|visti)|mais\ (?:lidas|lidos|vistas)|meest\ gelezen
"""
_POPULAR_LIST = re.compile(r"^\W*(?:" + _POPULAR_ALTERNATIVES + r")\s*:?\s*$", _FLAGS | re.VERBOSE)

_LINK_LIST = re.compile(
    r"""^\W*(?:
      related(?:\ (?:stories|coverage|articles|content|links|reading|posts|news))?|read\ more|more|see\ also|also\ read
    | further\ reading|read\ also|more\ from\ .{1,40}|more\ in\ .{1,40}|most\ (?:popular|read|viewed|shared)(?:\ (?:today|stories|in\ .+))?
    | more\ [\w-]+(?:\ [\w-]+)?|more\ on\ this\ story|top\ stories|more\ stories|you\ (?:may|might)\ also\ like|recommended|what\ to\ read\ next
    | mehr\ (?:zum\ thema|dazu|zu\ diesem\ thema)|lesen\ sie\ auch|auch\ interessant|das\ könnte\ sie\ auch\ interessieren|weitere\ artikel
    | noticias\ relacionadas|relacionad[ao]s|te\ puede\ interesar|también\ te\ puede\ interesar|lee\ también|leer\ más|más\ información
    | à\ lire\ aussi|a\ lire\ aussi|lire\ aussi|sur\ le\ même\ sujet|voir\ aussi|dans\ la\ même\ rubrique
    | leggi\ anche|articoli\ correlati|leia\ também|veja\ também|notícias\ relacionadas|lees\ ook|meer\ over\ dit\ onderwerp
    | sur\ le\ même\ thème|articles?\ similaires|vous\ aimerez\ aussi|(?:notas|artículos|noticias)\ relacionad[ao]s|más\ noticias
    | die\ redaktion\ empfiehlt|weitere\ (?:artikel|beiträge|rezepte|themen|nachrichten|meldungen|news)(?:\ .{1,30})?
    | ähnliche\ (?:artikel|beiträge)|das\ könnte\ (?:dich|sie)\ auch\ interessieren|potrebbe\ interessarti|altre\ notizie
    | you\ may\ also\ be\ interested\ in|related\ posts?|similar\ (?:articles|posts|stories)
    | (?:artigos|posts|mat(?:é|e)rias|publica(?:ç|c)(?:õ|o)es)\ relacionad[ao]s|lea\ tambi(?:é|e)n|post\ correlati
    | m(?:á|a)s\ [\w-]+(?:\ [\w-]+)?|mais\ [\w-]+(?:\ [\w-]+)?|meer\ (?:nieuws|over|uit|van|artikelen|berichten)(?:\ [\w-]+){0,3}|więcej\ [\w-]+(?:\ [\w-]+)?
    | polecane|(?:czytaj|zobacz)\ (?:także|też|również)|powiązane(?:\ artykuły)?
    | """
    + _POPULAR_ALTERNATIVES
    + r"""
    )\s*:?\s*$""",
    _FLAGS | re.VERBOSE,
)


@line_cache
def link_list_marker(line: str) -> bool:
    """A heading that introduces a list of other stories' titles."""
    return len(line) <= 60 and bool(_LINK_LIST.match(line))


@line_cache
def popular_list_marker(line: str) -> bool:
    """A heading over the site's most read, trending or latest stories (not this story's links)."""
    return len(line) <= 60 and bool(_POPULAR_LIST.match(line))
