"""British and American spellings of one word, read as the American one.

Outlets spell "organisation" and "organization", "defence" and "defense", "centre" and
"center": to the stemmer these are other words, so a search for one missed the other.
`american` maps a folded word to its American spelling before it is stemmed, at index
and at query time alike, so either spelling finds both. Names are not mapped (an
article's people are kept as written: `search.words`).

Rules, each narrowed to where it holds (checked by eye over every word of the real-world
corpora they rewrite: `tests/search/test_spelling_variants.py` keeps the look-alikes):

- `-ise`, `-isation` and `-yse` families read with `z`, only after word endings that
  take it (`organ-ise`, `real-ise`, `critic-ise`, `anal-yse`) and from roots of four
  letters or more: "advise", "promise", "surprise", "treatise", "exercise", "prise",
  German "Reise" and "Preise", French "Denise" keep their `s`.
- `-our` read `-or` only for the roots that have it (colour, honour, labour, neighbour
  ...), never "four", "hour", "tour", "your", "flour", "pour", "sour", "contour".
- `-re` read `-er` only for the words that have it (centre, theatre, metre, fibre
  ...): "acre", "genre", "ogre", "massacre", "mediocre", "timbre" and French "notre"
  or "libre" keep theirs.
- `-ence` read `-ense` for defence, offence, licence, pretence only ("fence", "hence",
  "science" are one word); `practise` is `practice`.
- `ae`/`oe` read `e` for the medical and learned roots that have it (paediatric,
  haemorrhage, oestrogen, foetus, manoeuvre ...); never in names (Michael, Israel).
- single words: programme, aluminium, judgement, catalogue, dialogue, enquiry, sceptic,
  mould, plough, sulphur, grey, fuelled ... (`_WORDS`).

Left apart on purpose, as their other spelling is another common word: "cheque" (a
check), "tyre" (tire), "kerb" (curb), "storey" (story), "draught" (draft), "wilful"
(Porter2 takes "willful" to "will").
"""

from __future__ import annotations

import re

from newsdesk.search.plurals import PLURALS


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Word endings before `-ise` that take `-ize` (organ-ise, real-ise, critic-ise ...).
_IZE_ENDS = frozenset(
    _words(
        "al el il ol ul an en in on rn gn ar er or ur ir at et it pt ic ac im om em as es th "
        "og od rd id rg ll ph"
    )
)
#: Roots that end so but whose `-ise` is no `-ize` (compromise, promise, treatise, chemise,
#: demise, premise, German "Remise"), plural `-ises` of `-is` nouns (trellis, metropolis),
#: and other languages' words the rule would make into another word (Portuguese
#: "analise" is no "anal-", French "autorisation" no German "Autor").
_IZE_NOT = _words("prom treat chem dem prem rem trell metropol acropol necropol anal autor")
_IZE_TAILS = _words("e es ed ing er ers ation ations ational able")
_IZE_ENDINGS = tuple("is" + tail for tail in _IZE_TAILS)
_IZE = re.compile(rf"(\w{{4,}})is({'|'.join(_IZE_TAILS)})")
_YZE_ENDINGS = _words("lyse lyses lysed lysing lyser lysers")
_YZE = re.compile(r"(\w{2,}l)ys(e|es|ed|ing|er|ers)")

#: Roots whose `-our` is American `-or`, at a word's end or before a suffix, with anything
#: in front (dis-colour, mis-behaviour, un-favourable, water-colour).
_OUR_ROOTS_LIST = _words(
    "col hon lab harb rum vap vig val arm od sav fav flav behavi endeav neighb hum tum clam "
    "glam ard cand ferv rig splend parl savi succ demean enam ranc clang"
)
#: Suffixes after `-our` (with none, the word itself: "colour", "rumours").
_OUR_TAILS = frozenset(
    _words(
        "s ed ing ings ite ites itism able ably ful fully less er ers hood hoods ism ist ists "
        "y ly ous al ally ation"
    )
) | {""}

#: `-re` words (with `s`, `d` and `-ring`) and their `-er` spelling.
_RE_ROOTS_LIST = _words(
    "cent theat met lit fib calib sab somb spect lust meag scept mit goit och sepulch maneuv "
    "reconnoit saltpet"
)
_RING_ROOTS = _words("cent calib sab maneuv mit")
#: Words ending so that are no `-re` word: French, names, the metre's neighbours.
_RE_NOT = frozenset(
    _words(
        "notre votre contre entre outre autre lettre mettre permettre maitre titre titres "
        "chapitre ministre ventre rencontre lencontre encontre montre rentre perpetre petre "
        "detre etre peutetre bienetre setre nostre mentre inoltre altre debattre disparaitre "
        "reconnaitre mestre rupestre terrestre lautre dautres autres chambre septembre "
        "octobre novembre decembre minovembre orchestre arbitre demetre dimitre"
    )
)

#: Roots with `ae`/`oe` that American writes `e`.
_DIGRAPHS = (
    ("paediatr", "pediatr"),
    ("orthopaed", "orthoped"),
    ("encyclopaed", "encycloped"),
    ("paedophil", "pedophil"),
    ("haemorrh", "hemorrh"),
    ("haemoglob", "hemoglob"),
    ("haemophil", "hemophil"),
    ("haemat", "hemat"),
    ("anaemi", "anemi"),
    ("anaesth", "anesth"),
    ("leukaem", "leukem"),
    ("septicaem", "septicem"),
    ("gynaec", "gynec"),
    ("palaeo", "paleo"),
    ("archaeo", "archeo"),
    ("aetiolog", "etiolog"),
    ("caesarean", "cesarean"),
    ("caesarian", "cesarean"),
    ("mediaeval", "medieval"),
    ("faeces", "feces"),
    ("faecal", "fecal"),
    ("oesophag", "esophag"),
    ("oestrogen", "estrogen"),
    ("oestradiol", "estradiol"),
    ("foetus", "fetus"),
    ("foetal", "fetal"),
    ("manoeuv", "maneuv"),
    ("diarrhoe", "diarrhe"),
    ("amoeb", "ameb"),
    ("coeliac", "celiac"),
    ("oedema", "edema"),
    ("homoeopath", "homeopath"),
)
_DIGRAPH = re.compile("|".join(b for b, _ in _DIGRAPHS))
_DIGRAPH_OF = dict(_DIGRAPHS)

#: Single words and their forms (a stemmed form is enough where Porter2 joins the rest).
_WORDS: dict[str, str] = {}


def _forms(british: str, american: str, tails: str) -> None:
    for tail in tails.split(","):
        _WORDS[british + tail] = american + tail


_forms("defence", "defense", ",s,less,lessly")
_forms("offence", "offense", ",s")
_forms("licence", "license", ",s,d")
_forms("licenc", "licens", "ing,ee,ees")
_forms("pretence", "pretense", ",s")
_forms("practis", "practic", "e,es,ed,ing")
_forms("programme", "program", ",s")
_forms("aluminium", "aluminum", "")
_forms("judgement", "judgment", ",s,al")
_forms("acknowledgement", "acknowledgment", ",s")
_forms("abridgement", "abridgment", ",s")
_forms("catalogu", "catalog", "e,es,ed,ing")
_forms("dialogue", "dialog", ",s")
_forms("analogue", "analog", ",s")
_forms("monologue", "monolog", ",s")
_forms("prologue", "prolog", ",s")
_forms("epilogue", "epilog", ",s")
_forms("travelogue", "travelog", ",s")
_forms("demagogue", "demagog", ",s")
_forms("enquir", "inquir", "e,es,ed,ing,er,ers")
_forms("enquir", "inquir", "y")
_forms("enquiries", "inquiries", "")
_forms("sceptic", "skeptic", ",s,al,ally,ism")
_forms("mould", "mold", ",s,ed,ing,y")
_forms("smoulder", "smolder", ",s,ed,ing")
_forms("moult", "molt", ",s,ed,ing")
_forms("plough", "plow", ",s,ed,ing")
_forms("sulphur", "sulfur", ",ic,ous")
_forms("sulphate", "sulfate", ",s")
_forms("sulphide", "sulfide", ",s")
_forms("pyjama", "pajama", ",s")
_forms("cos", "coz", "y,ier,iest,ily,iness")
_forms("moustache", "mustache", ",s,d")
_forms("gaol", "jail", ",s,ed,er,ers")
_forms("doughnut", "donut", ",s")
_forms("yoghurt", "yogurt", ",s")
_forms("yoghourt", "yogurt", ",s")
_forms("aeroplane", "airplane", ",s")
_forms("artefact", "artifact", ",s")
_forms("grey", "gray", ",s,er,est,ed,ing,ish,ness")
_forms("fuell", "fuel", "ed,ing")
_forms("refuell", "refuel", "ed,ing")
_forms("diall", "dial", "ed,ing,er,ers")
_forms("duell", "duel", "ed,ing,er,ers")
_forms("gruelling", "grueling", ",ly")
_forms("counsellor", "counselor", ",s")
_forms("councillor", "councilor", ",s")
_forms("jeweller", "jeweler", ",s,y")
_forms("jewellery", "jewelry", "")
_forms("woollen", "woolen", ",s")
_forms("skilful", "skillful", ",ly")
_forms("instalment", "installment", ",s")


def american(word: str) -> str:
    """The American spelling of a folded word (the word itself when it has none)."""
    found = _WORDS.get(word)
    if found is not None:
        return found
    if len(word) < 5 or not word.isascii():
        return word
    if ("ae" in word or "oe" in word) and _DIGRAPH.search(word):
        # First: "manoeuvring" is "maneuvring", then "maneuvering".
        word = _DIGRAPH.sub(lambda m: _DIGRAPH_OF[m[0]], word)
    # Each rule looks at the word's end first: most words end in none of these.
    if word.endswith(_IZE_ENDINGS):
        ize = _IZE.fullmatch(word)
        if ize and ize[1][-2:] in _IZE_ENDS and not ize[1].endswith(_IZE_NOT):
            return f"{ize[1]}iz{ize[2]}"
    if word.endswith(_YZE_ENDINGS):
        yze = _YZE.fullmatch(word)
        if yze:
            return f"{yze[1]}yz{yze[2]}"
    at = word.rfind("our")
    if at > 0 and word[at + 3 :] in _OUR_TAILS and word[:at].endswith(_OUR_ROOTS_LIST):
        return f"{word[:at]}or{word[at + 3 :]}"
    for tail in ("re", "res", "red") if word.endswith(("re", "res", "red")) else ():
        if word.endswith(tail) and word not in _RE_NOT:
            root = word[: -len(tail)]
            if root.endswith(_RE_ROOTS_LIST):
                return f"{root}er{tail[2:]}"
    if word.endswith("ring") and word[:-4].endswith(_RING_ROOTS):
        return f"{word[:-4]}ering"
    return word


#: Roots of the `-our` and `-re` rules (for prefixes and leads).
_OUR_ROOTS = re.compile(f"(?:{'|'.join(_OUR_ROOTS_LIST)})")
_RE_ROOTS = re.compile(f"(?:{'|'.join(_RE_ROOTS_LIST)})")
_OU_END = re.compile(rf"(\w*{_OUR_ROOTS.pattern}o)u")


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


#: (British, American) pairs whose spellings part before the American one ends, with the
#: length they share: a typed prefix that reaches past it is read the American way, and
#: a rule's lead is cut to it (`shared_lead`).
_PARTED: tuple[tuple[str, str, int], ...] = tuple(
    sorted(
        {
            (british, us, _common(british, us))
            # Irregular plurals part from their singulars so too ("feet" is no "fo...").
            for british, us in (*_DIGRAPHS, *_WORDS.items(), *PLURALS.items())
            if _common(british, us) < len(us)
        }
    )
)


def american_prefix(prefix: str) -> str:
    """A typed prefix as the index holds the words it starts (`colour*` is `color*`,
    `paediat*` is `pediat*`, `colou*` is `colo*`); the prefix itself when no rule
    reads it otherwise. `organis*` stays: its words are reached through their endings,
    and it still finds German "Organisationen"."""
    whole = american(prefix)
    if whole != prefix:
        return whole
    for british, us, shared in _PARTED:
        # Four letters past where the spellings part, or the whole British root: "haem*"
        # is no "hem*" (Hemingway), "oest*" no "est*" (Oesterreich, establish).
        least = min(len(british), shared + len(british) - len(us) + 4)
        if len(prefix) >= least and british.startswith(prefix[: len(british)]):
            if len(prefix) <= len(british):
                return us[: max(shared, len(prefix) - (len(british) - len(us)))]
            return us + prefix[len(british) :]
    ou = _OU_END.fullmatch(prefix)
    return ou[1] if ou else prefix


def shared_lead(lead: str) -> str:
    """`lead`, the start of an American word, cut to what its British spelling shares
    ("pediat" -> "p", "neighborho" -> "neighbo", "organiz" -> "organi"): a word is looked
    for by its lead in the text, whichever way the text spells it."""
    cut = len(lead)
    for marker in ("iz", "yz"):
        at = lead.find(marker)
        if 0 <= at < cut:
            cut = at + 1
    # "color" is "colour" from its "r" on; "center" is "centre" from its "e" on.
    for roots, parts_at, keep in ((_OUR_ROOTS, "or", 1), (_RE_ROOTS, "e", 0)):
        for found in roots.finditer(lead):
            end = found.end()
            if lead.startswith(parts_at, end) and end + keep < cut:
                cut = end + keep
    for _british, us, shared in _PARTED:
        if shared >= cut:
            continue
        at = lead.find(us[: shared + 1])
        while 0 <= at < cut - shared:
            rest = lead[at:]
            reach = min(len(us), len(rest))
            # Inside a word, one letter of the root is not enough to say it is there.
            if reach > shared + (at > 0) and rest[:reach] == us[:reach]:
                cut = at + shared
                break
            at = lead.find(us[: shared + 1], at + 1)
    return lead[:cut]
