"""International bodies as other languages name them, each under its English name.

German, Spanish, French, Italian, Portuguese and Polish copy names the European Union or
the United Nations in its own words ("Europäische Union", "Unión Europea"), and German
inflects them ("der Europäischen Union"): one body is listed once, as English copy names it.
"""

from __future__ import annotations

_NAMES = {
    "European Union": """
        Europäische Union | Europäischen Union | Unión Europea | Union européenne |
        Union Européenne | Unione Europea | União Europeia | Unia Europejska
    """,
    "European Commission": """
        Europäische Kommission | Europäischen Kommission | Comisión Europea |
        Commission européenne | Commissione Europea | Comissão Europeia | Komisja Europejska
    """,
    "European Parliament": """
        Europäische Parlament | Europäischen Parlament | Europäischen Parlaments |
        Europaparlament | Europaparlaments | Parlamento Europeo | Parlement européen |
        Parlamento Europeu | Parlament Europejski
    """,
    "European Central Bank": """
        Europäische Zentralbank | Europäischen Zentralbank | Banco Central Europeo |
        Banque centrale européenne | Banca Centrale Europea | Banco Central Europeu |
        Europejski Bank Centralny
    """,
    "United Nations": """
        Vereinte Nationen | Vereinten Nationen | Naciones Unidas | Nations unies |
        Nations Unies | Nazioni Unite | Nações Unidas | Organizacja Narodów Zjednoczonych
    """,
    "World Health Organization": """
        Weltgesundheitsorganisation | Organización Mundial de la Salud |
        Organisation mondiale de la santé | Organizzazione Mondiale della Sanità |
        Organização Mundial da Saúde | Światowa Organizacja Zdrowia
    """,
    "International Monetary Fund": """
        Internationale Währungsfonds | Internationalen Währungsfonds |
        Internationaler Währungsfonds | Fondo Monetario Internacional |
        Fonds monétaire international | Fondo Monetario Internazionale
    """,
}

#: A body's name in another language -> its English name.
FOREIGN_ORG_NAMES: dict[str, str] = {
    variant.strip(): english
    for english, variants in _NAMES.items()
    for variant in variants.split("|")
    if variant.strip()
}
