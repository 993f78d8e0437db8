"""Guess a text's language (ISO 639-1) from its script and its commonest words.

No model: scripts settle Russian, Ukrainian, Greek, Arabic, Hebrew, Chinese,
Japanese, Korean, Hindi and Thai; Latin-script languages are told apart by
which short function words ("the", "der", "les", "los", "il") fill the text.

Ours rather than a detection library (langdetect, lingua, fastText's model):
those load tens of megabytes of profiles into every import worker and cost
milliseconds a page, while the `lang:` filter only needs the language of a
news article, which its function words settle in microseconds.
"""

from __future__ import annotations

import re
from collections import Counter

#: Characters sampled; a few thousand are plenty to tell languages apart.
SAMPLE_CHARS = 3000
_MIN_HITS = 3

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(text.split())
    for lang, text in {
        "en": "the and of to in is that for it was on with as are by at this be from has have he she "
        "they said but not an were which their will would who been had its more after about",
        "fr": "le la les des est et un une du dans que qui pour pas sur au aux avec ce ces il elle "
        "ont sont été par plus ne se son sa mais leur nous vous cette être fait",
        "de": "der die das und ist nicht ein eine den dem des mit sich auf für von zu im auch "
        "es wird wurde sind hat haben dass bei nach aus wie oder aber noch nur einen",
        "es": "el la los las de que y en un una es por con para del se no al lo como más pero sus "
        "le ya fue este esta ha han son está desde también entre sobre",
        "it": "il lo la gli le di che e un una è per non con del della dei delle si sono da al "
        "nel nella anche come più ma ha hanno questo questa stato essere",
        "pt": "o a os as de que e do da dos das em um uma é para com não por no na se mais ao "
        "como mas foi são pelo pela tem está também seu sua isso",
        "nl": "de het een en van is dat op te in niet zijn met voor er aan ook als bij door "
        "maar om dan nog wordt werd naar heeft hebben deze dit wel",
        "sv": "och att det som en på är av för med den till inte har de om ett var jag men "
        "från vid så kan eller sina också efter skulle hade",
        "da": "og at det som en på er af for med den til ikke har de om et var jeg men fra "
        "ved så kan eller også efter skulle havde blev være",
        "pl": "i w na z że się nie do to jest o jak ale co po przez od dla za tak jego są "
        "był była może już tylko który która także oraz",
        "tr": "ve bir bu da de için ile olarak çok daha gibi ama en olan her ne kadar sonra "
        "değil var ise şekilde göre ancak yıl oldu",
        "id": "yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ke karena "
        "ada oleh sudah mereka bisa atau saat lebih telah",
    }.items()
}
#: `[a-zà-ÿąćęłńóśźżşğıİçãõ]+` under IGNORECASE, written out with both cases (the
#: characters it matches, checked over all of Unicode in tests): a case-blind
#: class costs a case lookup for every character of the sample.
_LATIN_WORD = re.compile("[A-Za-zÀ-ÖØ-Þà-ÿĄ-ćĘęĞğİıŁ-ńŚśŞşŸ-żſ\u212a\u212b]+")


#: On ASCII text `_LATIN_WORD` finds the runs of A-Z and a-z: capitals lowered and every
#: other character blanked, `split` gives the same tokens of the lowered text, in two C
#: passes instead of a regex step a character (a 3,000-character sample: 750k -> 240k
#: instructions).
_ASCII_WORDS = {
    code: chr(code + 32) if 65 <= code <= 90 else " "
    for code in range(128)
    if not 97 <= code <= 122
}


_ALL_STOPWORDS = frozenset().union(*_STOPWORDS.values())


def stop_words() -> frozenset[str]:
    """The function words of every language told apart here."""
    return _ALL_STOPWORDS


def _languages_of_words() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for lang, stops in _STOPWORDS.items():
        for word in stops:
            table[word] = (*table.get(word, ()), lang)
    return table


#: Each stop word and the languages that use it, so a token is looked up once.
_LANGS_OF = _languages_of_words()
_LETTER = re.compile(r"[^\W\d_]")
#: Letters past Latin and its diacritics: only these can name a script's language.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\u036f]")

# (language, first code point, last code point) for scripts that name a language alone.
_SCRIPTS: tuple[tuple[str, int, int], ...] = (
    ("el", 0x0370, 0x03FF),
    ("he", 0x0590, 0x05FF),
    ("ar", 0x0600, 0x06FF),
    ("hi", 0x0900, 0x097F),
    ("th", 0x0E00, 0x0E7F),
    ("ko", 0xAC00, 0xD7AF),
    ("ja", 0x3040, 0x30FF),
    ("zh", 0x4E00, 0x9FFF),
)
_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    counts = dict.fromkeys(_STOPWORDS, 0)
    if sample.isascii():
        tokens = sample.translate(_ASCII_WORDS).split()
    else:
        tokens = _LATIN_WORD.findall(sample.lower())
    langs_of = _LANGS_OF
    # Each distinct stop word once, with its count (counted in C): a text repeats them.
    # Only stop words are counted (the others add to no language): the filter hashes
    # each token once and the count then reuses the stop words' hashes, where counting
    # every token inserted each new word in the counter (about half of the tokens).
    for token, n in Counter(filter(langs_of.__contains__, tokens)).items():
        for lang in langs_of[token]:
            counts[lang] += n
    lang, hits = max(counts.items(), key=lambda item: item[1])
    if hits < _MIN_HITS or hits < 0.08 * len(tokens):
        return None
    return lang


def _script_language(sample: str) -> str | None:
    if sample.isascii():
        return None  # no letter past U+036F: the scan below would find none
    # Only letters past Latin are walked one by one; Latin-only text (most input) has none.
    others = _NON_LATIN_LETTER.findall(sample)
    if not others:
        return None
    letters = len(_LETTER.findall(sample))
    cyrillic = 0
    ukrainian = 0
    per_script = dict.fromkeys((lang for lang, _, _ in _SCRIPTS), 0)
    for ch in others:
        code = ord(ch)
        if 0x0400 <= code <= 0x04FF:
            cyrillic += 1
            if ch in _UKRAINIAN_LETTERS:
                ukrainian += 1
            continue
        for lang, low, high in _SCRIPTS:
            if low <= code <= high:
                per_script[lang] += 1
                break
    if not letters:
        return None
    if cyrillic / letters > 0.4:
        return "uk" if ukrainian > 0.01 * cyrillic else "ru"
    # Japanese text mixes kana with Chinese characters; any kana means Japanese.
    if per_script["ja"] > 0.05 * letters:
        return "ja"
    lang, count = max(per_script.items(), key=lambda item: item[1])
    if count / letters > 0.4:
        return lang
    return None
