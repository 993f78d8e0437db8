"""Recognise page furniture: share buttons, appeals, comment forms, banners, footers.

Three questions about a line, asked while walking a page:
- `is_boilerplate`: drop it wherever it appears;
- `is_end_marker`: the article is over (topics box, comment form, copyright);
- `link_list_marker`: a list of related headlines starts here ("Related:", "Most read").
"""

from __future__ import annotations

import re

from newsdesk.extract.gated import GatedSearch
from newsdesk.extract.inline_furniture import INLINE_TRIGGERS, is_inline_furniture
from newsdesk.extract.lines import line_cache, strip_list_mark, words
from newsdesk.extract.triggers import any_in

_FLAGS = re.IGNORECASE

# Whole-line labels: navigation, share bars, ads, widgets.
_LABELS = re.compile(
    r"""^(?:
      skip\ to\ (?:main\ )?content|skip\ navigation|accessibility\ (?:links|help)|menu|close|search|(?:direkt\ )?zum\ inhalt(?:\ springen)?|(?:aller|passer)\ au\ contenu|(?:ir|saltar)\ al\ contenido|(?:vai|passa|salta)\ al\ contenuto|(?:ir|pular)\ para\ o\ conte(?:ú|u)do
    | share|share\ this(?:\ (?:article|story|page|post|entry|with\ \w+))?|share\ (?:on|via)\ \w+|tweet|email|e-mail|print
    # A share bar's label in German, French, Spanish, Italian and Portuguese.
    | (?:jetzt\ |(?:diesen\ )?(?:artikel|beitrag)\ )?teilen|partager(?:\ (?:cet\ article|l'article|sur))?
    | compartir(?:\ (?:esta\ nota|este\ art(?:í|i)culo|en))?|condividi(?:\ (?:questo\ )?articolo)?
    | compartilh(?:e|ar)(?:\ (?:este\ )?artigo)?
    | facebook|twitter|linkedin|reddit|whatsapp|messenger|pinterest|flipboard|pocket|telegram|instagram|youtube
    | copy\ link.*|link\ copied|save|comments?|view\ comments.*|\d+\ comments?|show\ \d+\ comments?|more
    | advertisement|advertising|ad|sponsored|supported\ by|continue\ reading(?:\ the\ main\ story|\ below)?
    # An ad slot's label (de, fr, es, it, pt, nl); a premium badge ("PLUS", "Premium").
    | anzeige|werbung|publicit(?:é|e)|publicidad|publicidade|pubblicit(?:à|a)|advertentie|reclame
    | plus|premium|exklusiv|abo|abonn(?:é|e)s|exclusivo\ para\ assinantes
    | continue\ reading\ below|(?:story|article|text)\ continues\ (?:below|after)(?:\ (?:this|the)\ (?:advertisement|ad|gallery|video|photos?|slideshow)|\ (?:advertisement|ad|gallery|video|photos?|slideshow))?
    | scroll\ to\ continue.*
    | image|photo|video|caption|replay|more\ videos\ \.\.\.|just\ watched|must\ watch|\(\d+\ videos\)
    | sign\ (?:in|up|out)|log\ ?in|log\ out|subscribe|subscribe\ now|my\ account|register
    | donate|contribute|support\ us|home|back\ to\ top|top|next|previous|view\ all.*|see\ all.*|show\ all.*
    | listen(?:\ to\ this\ article)?|\d+\ min(?:ute)?s?\ read|reading\ time.*|font\ size|text\ size
    | article\ bookmarked|bookmark|follow|follow\ us|follow\ on\ \w+|get\ author\ rss\ feed|view\ author\ archive
    | email\ the\ author|pdf\ version|print\ this\ page|give\ feedback|survey|currently\ reading
    | (?:(?:video|player|media)\ (?:is\ )?)?loading.*|please\ enable\ javascript.*|[\W_]*
    # A section label over the story ("From the section US & Canada").
    | from\ the\ section\ .*
    # Back to the top, and a post's category label, in German, French, Spanish, Italian, Portuguese.
    | (?:zur(?:ü|ue)ck\ )?nach\ oben|vers\ le\ haut|(?:volver|ir)\ arriba|torna\ su|voltar\ ao\ topo
    | seite\ (?:drucken|empfehlen|teilen|versenden|merken)|artikel\ (?:drucken|versenden|merken)
    | ver(?:ö|oe)ffentlicht\ in|publi(?:é|e)\ dans|publicado\ en|pubblicato\ in
    # A tag list's label (it may sit above the story as well as under it).
    | schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|(?:é|e)tiquettes|etiquetas
    # A link button; a picture's credit set under the story ("Main image credit: Getty").
    # A gallery's link set inside the story ("UK news in pictures").
    | learn\ more|(?:main|top|header)\ (?:image|photo|picture)\ credits?\ *:.*
    | (?:[\w&'’]+\ ){0,2}news\ in\ pictures
    )\W*$""",
    _FLAGS | re.VERBOSE,
)

# Phrases that mark a line as furniture wherever they sit in it.
_PHRASES = re.compile(
    r"""
      \bshare\ this\ (?:with|story|article)\b|\bopens\ in\ (?:a\ )?new\ window\b|\bclick\ to\ (?:share|print|email)\b
    # An app or video appeal in the middle of the text ("... ON THE GO BY CLICKING HERE").
    | \bby\ clicking\ here\W*$|^\W*click\ here\ (?:to|for)\b
    # A letters page's and a tip line's appeals, an app's, a paywall's, under the story.
    | \bis\ committed\ to\ publishing\ a\ diversity\ of\ letters\b|\bwe\ want\ to\ hear\ what\ you\ think\b
    | ^\W*(?:have|got)\ a\ (?:news\ )?tip\b|^\W*download\ (?:the|our)\ .{1,40}?\ app\b
    | ^\W*subscribe\ to\ (?:keep|continue)\ reading\b
    | \bwe\ use\ cookies\b|\bcookie\ (?:policy|settings|preferences)\b|\baccept\ (?:all\ )?cookies\b|\bmanage\ preferences\b
    | \buse\ of\ cookies\b|\buse\ cookies\b|\bvalue\ your\ privacy\b|\baccept\ all\b.*\breject\ all\b
    | \bsign\ up\ (?:for|to)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(?:inbox|sign\ up|subscribe|delivered)\b
    | \bjoin\ (?:our|the)\ newsletter\b|\bget\ (?:breaking\ news|our)\ .*\b(?:alerts|newsletter|emails?)\b
    | \bdelivered\ (?:to\ your\ inbox|weekday\ mornings|every\ (?:weekday|morning|day))\b|\bmeet\ your\ inbox\b
    | \bsubscribe\ (?:now|today|to\ (?:our|the))\b|\bsubscribers?\ only\b|\bfree\ sign\ up\b
    | \bdonate\ (?:now|today)\b|\bmake\ a\ (?:donation|contribution)\b|\bbecome\ a\ (?:patron|member|supporter|subscriber)\b
    | \bsupport\ (?:local|independent|our|quality|public[- ]interest)\ journalism\b|\bfunded\ by\ (?:readers|our\ readers)\b
    | \bsupport\ of\ readers\ like\ you\b|\breaders\ like\ you\b|\byou\ could\ close\ this\ page\b|\bjoin\ our\ community\b
    | \badd\ your\ comment\b|\bcomments\ are\ (?:approved|moderated|closed)\b|\bcomments\ will\ not\ appear\b
    | \bleave\ a\ (?:reply|comment)\b|\byour\ email\ address\ will\ not\ be\ published\b|\brequired\ fields\ are\ marked\b
    | \bcommunity\ (?:guidelines|standards)\b|\bnot\ responsible\ for\ the\ content\b|\bterms\ of\ (?:use|service)\b
    | \bprivacy\ (?:policy|statement|notice)\b|\ball\ rights\ reserved\b|\bthis\ material\ may\ not\ be\ published\b
    | \bchat\ with\ us\ in\ facebook\ messenger\b|\bthis\ site\ is\ protected\ by\ recaptcha\b
    | \bdon'?t\ show\ me\ this\ message\ again\b|\bfind\ your\ bookmarks\b|\bcontinue\ reading\ the\ main\ story\b
    | \bhave\ your\ say\b|\bwe'?d\ like\ to\ hear\ what\ you\ think\b|\bsend\ us\ your\ (?:comments|tips)\b
    | \bread\ (?:the\ )?(?:full\ )?(?:story|article)\ (?:here|on)\b|\brecommended\ for\ you\b
    | \bmedia\ playback\ is\ (?:unsupported|not\ supported)\b|\byour\ browser\ does\ not\ support\b
    | ^recommended\ by\b|\btell\ us\ what\ you\ think\b|\ba\ version\ of\ this\ article\ appears\ in\ print\b
    | \bfollow\ .{0,60}\bon\ (?:facebook|twitter|instagram|x|linkedin)\b|\bopinions\ expressed\ in\ reader\ comments\b
    | ^slideshow\b|\bdelivered\ to\ you\b|\bcancel\ any\s?time\b|\bwe\ accept\ credit\ cards?\b
    | \bin\ your\ inbox\b|\bsign\ up\W*$|\bsign\ in\ to\ comment\b|\bno\ longer\ being\ updated\b|\bconsider\ (?:a|making\ a)\ (?:\w+\ )?(?:contribution|donation|gift)\b
    | \bproduced\ with\ (?:the\ )?support\ (?:from|of)\ (?:our\ )?readers\b
    | \bbecome\ a\ \w+\ (?:supporter|member|subscriber|patron)\b|\breader-funded\b|\bfree\ to\ read\b|\bsupport\ the\ [\w’']+(?:\ [\w’']+)?\ (?:reporting|journalism)\b
    | \bsuc+es+fully\ subscribed\b|\bactivation\ link\b|^subscribe\W+no,?\ thanks\W*$|^stay\ up\ to\ date\ with\ [\w.’' -]{1,40}\W*$
    | \bmarket\ data\ provided\ by\b|\bquotes\ (?:displayed|delayed)\b|\bthis\ article\ (?:is|was)\ (?:part\ of|first\ published)\b
    """,
    _FLAGS | re.VERBOSE,
)

# Cheap substring tests that must pass before the phrase pattern is tried (speed).
_PHRASE_TRIGGERS = (
    "diversity of letters",
    "hear what you think",
    " tip",
    "download",
    "keep reading",
    "continue reading",
    "recommended by",
    "tell us",
    "in print",
    "follow",
    "opinions expressed",
    "slideshow",
    "delivered to you",
    "cancel any",
    "credit card",
    "share",
    "window",
    "click",
    "cookie",
    "newsletter",
    "sign up",
    "subscri",
    "donat",
    "contribution",
    "become a",
    "journalism",
    "funded",
    "readers",
    "close this page",
    "community",
    "comment",
    "reply",
    "email address",
    "required",
    "responsible",
    "terms of",
    "privacy",
    "rights reserved",
    "material",
    "messenger",
    "recaptcha",
    "message",
    "bookmark",
    "your say",
    "hear what",
    "send us",
    "read ",
    "recommended",
    "market data",
    "quotes",
    "this article",
    "breaking",
    "inbox",
    "delivered",
    "playback",
    "browser",
    "join",
    "alerts",
    "get our",
    "sign in",
    "privacy",
    "accept",
    "no longer",
    "consider",
    "supporter",
    "member",
    "funded",
    "free to read",
    "support the",
    "subscribed",
    "activation link",
    "up to date",
)

# The same furniture in German, French, Spanish, Italian and Portuguese (consent banners,
# comment forms, newsletter boxes, share bars), an e-mail newsletter's shell lines, and the
# header of a reader's comment ("Jane sagt:", not a sentence then "It says:").
#: A reader's comment's header ("Jane sagt:"), the last alternative of `_OTHER_PHRASES`.
_SAYS_PATTERN = r"^(?!.*[^\W\d]{2}[.!?]\s).{2,60}\s(?:says|sagt|dit|dice|diz)\s?:$"
_OTHER_PHRASES = re.compile(
    r"""
      \bwir\ (?:verwenden|nutzen|setzen)\ cookies\b|\bcookie-?(?:einstellungen|richtlinie|hinweis)\b
    | \bnous\ utilisons\ (?:des\ )?cookies\b|\bparam(?:è|e)tres\ des\ cookies\b|\btout\ accepter\b
    | \b(?:utilizamos|usamos)\ cookies\b|\bpol(?:í|i)tica\ de\ cookies\b|\baceptar\ todas?\b|\baceitar\ todos\b
    | \butilizziamo\ (?:i\ )?cookie\b|\baccetta\ tutt[io]\b|\balle\ akzeptieren\b
    | \bnewsletter\ (?:abonnieren|bestellen)\b|\bzum\ newsletter\ anmelden\b|\bs'?inscrire\ (?:à|a)\ la\ newsletter\b
    | \babonnez-vous\b|\bsuscr(?:í|i)bete\b|\biscriviti\ alla\ newsletter\b|\bassine\ a\ newsletter\b
    | \bihre\ e-?mail-?adresse\ wird\ nicht\ ver(?:ö|oe)ffentlicht\b|\berforderliche\ felder\ sind\b
    | \bvotre\ adresse\ (?:e-?mail|de\ messagerie)\ ne\ sera\ pas\ publi(?:é|e)e\b|\bles\ champs\ obligatoires\b
    | \btu\ direcci(?:ó|o)n\ de\ correo\ electr(?:ó|o)nico\ no\ ser(?:á|a)\ publicada\b|\blos\ campos\ obligatorios\b
    | \bil\ tuo\ indirizzo\ email\ non\ sar(?:à|a)\ pubblicato\b|\bi\ campi\ obbligatori\b
    | \bo\ seu\ endere(?:ç|c)o\ de\ e-?mail\ n(?:ã|a)o\ ser(?:á|a)\ publicado\b|\bcampos\ obrigat(?:ó|o)rios\b
    | \b(?:schreibe(?:n\ sie)?\ einen|kommentar\ (?:schreiben|verfassen|abschicken))\b|\blaisser\ un\ commentaire\b
    | \bdeja\ (?:un|tu)\ comentario\b|\blascia\ un\ commento\b|\bdeixe\ (?:um|seu)\ coment(?:á|a)rio\b
    | \bauf\ (?:facebook|twitter|whatsapp|x)\ teilen\b|\bpartager\ sur\b|\bcompartir\ en\b|\bcondividi\ su\b
    | \bview\ (?:this\ )?(?:email|e-mail)\ in\ (?:your|a)\ (?:web\ )?browser\b|\bhaving\ trouble\ viewing\ this\ (?:email|e-mail)\b
    | \bforward\ (?:this\ )?to\ a\ friend\b|\bunsubscribe\b|\bupdate\ your\ (?:email\ )?preferences\b
    | \bim\ browser\ (?:ansehen|anzeigen|(?:ö|oe)ffnen)\b|\bvoir\ (?:la\ version\ )?en\ ligne\b|\bver\ en\ el\ navegador\b
    | """
    + _SAYS_PATTERN,
    _FLAGS | re.VERBOSE,
)
#: Its last alternative alone: `^` without MULTILINE, so it is tried at the start only.
_SAYS = re.compile(_SAYS_PATTERN, _FLAGS | re.VERBOSE)
_OTHER_TRIGGERS = (
    "cookie", "newsletter", "abonne",
    "suscr", "iscriviti", "e-mail", "email", "adresse", "direcci", "indirizzo", "endere", "felder",
    "champs", "campos", "campi", "kommentar", "commentaire", "comentario", "commento", "comentário",
    "teilen", "partager", "compartir", "condividi", "browser", "friend", "unsubscribe",
    "preferences", "en ligne", "navegador", "akzeptieren", "accepter", "aceptar", "aceitar", "accetta",
    ":",
)  # fmt: skip

#: A story's appeals and a paywall's prompt, in English, German, French, Spanish, Italian and
#: Portuguese (a separate pattern, tried only on lines with one of `_APPEAL_TRIGGERS`: most
#: lines have a colon, which sends them through `_OTHER_PHRASES`).
_APPEALS = re.compile(
    r"""
    # A blog's likes ("5 Bloggern gefällt das", "12 bloggers like this").
      \b\d+\ (?:bloggern?\ gef(?:ä|ae)llt\ das|bloggers?\ like\ this)\b
    | \bpara\ comentar\ debes\b|\bempfiehl\ dies\b|^\W*(?:vea|lea|ver)\ tambi(?:é|e)n\s*:
    # Feedback, share and support appeals under a story, and a site search's apology.
    | \bwar\ (?:der|dieser)\ (?:artikel|beitrag)\ (?:hilfreich|n(?:ü|ue)tzlich)\b|\bwas\ this\ (?:article|page|post)\ (?:helpful|useful)\b
    | \bm(?:ö|oe)chten\ sie\ (?:den|diesen)\ (?:artikel|beitrag)\ teilen\b|\bteile\ diesen\ (?:beitrag|artikel)\b
    | ^unterst(?:ü|ue)tzen\ sie\ uns\W*$|\bihr\ beitrag\ hilft\b|\bhaben\ sie\ das\ gesuchte\ nicht\b
    | \bschreib(?:e)?\ (?:du\ )?doch\ einen\ kommentar\b|\b(?:immediate|instant)\ (?:online\ )?access\ to\b
    # A paywall's prompt (English, German, French, Spanish, Italian, Portuguese).
    | \bto\ (?:view|read|continue\ reading)\ (?:the\ full\ (?:story|article)|this\ (?:story|article)),?\ (?:please\ )?(?:subscribe|log\ ?in|sign\ in)\b
    | \balready\ a\ subscriber\b|\bfirst-time\ subscribers\b|\bsubscribers?\ (?:can|may)\ (?:read|log\ in)\b
    | \bm(?:ö|oe)chten\ sie\ weiterlesen\b|\bich\ bin\ abonnent(?:in)?\b|\bich\ ben(?:ö|oe)tige\ ein\ abo\b|\bbereits\ abonnent(?:in)?\b
    | \bjetzt\ weiterlesen\ mit\b|\bd(?:é|e)j(?:à|a)\ abonn(?:é|e)\b|\bpour\ lire\ la\ suite\b|\br(?:é|e)serv(?:é|e)\ aux\ abonn(?:é|e)s\b
    | \bya\ soy\ suscriptor\b|\bpara\ seguir\ leyendo\b|\bexclusivo\ para\ (?:suscriptores|assinantes)\b
    | \bsei\ gi(?:à|a)\ abbonato\b|\bper\ continuare\ a\ leggere\b|\briservato\ agli\ abbonati\b
    | \bj(?:á|a)\ sou\ assinante\b|\bpara\ continuar\ lendo\b
    """,
    _FLAGS | re.VERBOSE,
)
_APPEAL_TRIGGERS = (
    "subscri", "weiterlesen", "abonn", "ein abo", "la suite", "suscriptor", "seguir leyendo",
    "assinante", "continuar lendo", "abbonat", "continuare a leggere", "blogger", "comentar debes",
    "empfiehl", "también", "tambien", "nützlich", "nuetzlich", "hilfreich", "helpful", "useful",
    "teilen", "teile diesen", "unterstützen", "unterstuetzen", "beitrag hilft", "gesuchte",
    "doch einen", "access to",
)  # fmt: skip

_COPYRIGHT = re.compile(r"(?:©|ⓒ|^\(c\)\s|\(c\)\s*\d{4}|\bcopyright\s*(?:©\s*)?\d{4})", _FLAGS)

# After these the article is over.
_END = re.compile(
    r"""^\W*(?:
      topics|related\ topics|related\ tags|tags\b.*|filed\ under\b.*|more\ about|more\ on\ this\ story
    | share\ this(?:\ story)?(?:\ about\ sharing)?:?|share\ this\ article|about\ the\ author|source:?
    # A blog's comments under their heading ("3 Gedanken zu “X”", "12 thoughts on “X”").
    | \d*\s*(?:gedanken|thoughts?|responses?|r(?:é|e)ponses?|comentarios?|commenti)\ (?:zu|on|to|(?:à|a)|en|sobre|su)\ [“"„«].*
    # The author's box and a reply form in German, French, Spanish, Italian and Portuguese.
    | (?:über|ueber)\ (?:den\ autor|die\ autorin|die\ autoren)|(?:à|a)\ propos\ de\ l'auteur(?:e)?
    | sobre\ (?:el|la|o|a)\ autor(?:a)?|sull'autore|(?:deixe|deja)\ una?\ respuesta|deixe\ uma\ resposta.*
    | laisser\ une\ r(?:é|e)ponse|lascia\ una\ risposta|hinterlasse\ einen\ kommentar
    | comments?(?:\ \(\d+\))?|(?:\d+\ )?(?:kommentare?|commentaires?|comentarios?|commenti|coment(?:á|a)rios)(?:\ \(\d+\))?
    | leave\ a\ comment|schreibe(?:n\ sie)?\ einen\ kommentar|kommentar\ schreiben|laisser\ un\ commentaire
    | deja\ (?:un|tu)\ comentario|lascia\ un\ commento|deixe\ (?:um|seu)\ coment(?:á|a)rio|join\ the\ conversation|add\ your\ comment.*|leave\ a\ reply|have\ your\ say.*|post\ a\ comment
    | most\ (?:popular|read|viewed|shared)(?:\ (?:today|stories|in\ .+))?|top\ stories|more\ stories|latest\ news
    | you\ (?:may|might)\ also\ like|recommended|next\ up(?:\ in)?|up\ next|read\ next|what\ to\ read\ next
    | other\ (?:[\w-]+\ ){0,2}(?:columns|stories|articles|headlines)
    | our\ standards:.*|publisher'?s\ note|previous\ article|next\ article|more\ (?:from|in)\ .{1,40}
    # A press release's legal notice and contacts (its "About X" is `about_section`).
    | (?:cautionary\ (?:note|statement)s?\ (?:regarding|concerning|about|on)\ )?forward[-\ ]looking\ (?:statements?|information)
    # A related-links heading under the story ("Explore further", "주요뉴스": top news).
    | explore\ further|(?:\S+\ )?(?:주요\ ?뉴스|많이\ ?본\ ?뉴스)
    | safe\ harbou?r\ statement|(?:media|press|investor|news)\ (?:contacts?|inquiries|enquiries)(?:\ *:.*)?
    )\W*$""",
    _FLAGS | re.VERBOSE,
)


#: What only the site's own copyright line says: a year, or that rights are reserved.
_SITE_RIGHTS = re.compile(
    r"\b(?:19|20)\d{2}\b|rights|reserved|rechte|droits|derechos|diritti|direitos", _FLAGS
)
#: Three words or more of a caption before the "©".
_CAPTION_BEFORE = re.compile(r"\W*\w+\W+\w+\W+\w+[^©]*©")


def site_rights(line: str) -> bool:
    """What only a site's own copyright line says: a year, or that rights are reserved."""
    return bool(_SITE_RIGHTS.search(line))


def picture_copyright(line: str, *, after_caption: bool = False) -> bool:
    """A "©" that credits a picture, not the site: no year and no rights reserved ("Der
    Bartgeier im Flug. © Markus Leitner"); with `after_caption`, three or more words of the
    caption before it ("2/28 photos © Shutterstock")."""
    if "©" not in line or site_rights(line):
        return False
    return not after_caption or bool(_CAPTION_BEFORE.match(line))


@line_cache
def is_copyright(line: str) -> bool:
    head = line[:300]
    lower = head.lower()  # once: most lines ask it of both tests below
    if "©" not in head and "ⓒ" not in head and "opyright" not in head and "(c)" not in lower:
        return "rights reserved" in lower
    return bool(_COPYRIGHT.search(head)) or "rights reserved" in lower


#: Section names a site's menu is made of, in the languages the extractor reads.
_NAV_WORDS = frozenset({
    "home", "news", "politics", "business", "sport", "sports", "opinion", "weather", "world", "uk",
    "us", "local", "national", "international", "culture", "arts", "lifestyle", "life", "style",
    "entertainment", "tech", "technology", "science", "health", "travel", "food", "video",
    "videos", "podcasts", "podcast", "money", "economy", "environment", "climate", "education",
    "crime", "obituaries", "obits", "comment", "analysis", "features", "magazine", "puzzles",
    "games", "crosswords", "jobs", "property", "cars", "motoring", "newsletters", "live", "latest",
    "more", "menu", "search", "subscribe", "login", "account", "photos", "columnists", "letters",
    "startseite", "politik", "wirtschaft", "kultur", "panorama", "regional", "meinung", "wissen",
    "gesellschaft", "reise", "digital", "portada", "economía", "economia", "deportes", "opinión",
    "internacional", "nacional", "sociedad", "cultura", "tecnología", "ciencia", "salud",
    "actualités", "actualites", "économie", "société", "monde", "régions",
    "idées", "politica", "cronaca", "esteri", "spettacoli", "notizie",
})  # fmt: skip


def is_navigation_line(line: str) -> bool:
    """'Home News Politics Business Sport Weather': a site menu flattened into one line."""
    if len(line) > 250:
        return False  # before splitting: prose lines are longer
    # A whitespace-separated chunk opens a token: one opening with a lower-case (or caseless)
    # letter fails the capitals test below, and settles a prose line in its first words.
    for chunk in line.split(None, 4):
        if chunk[0].isalpha() and not chunk[0].isupper():
            return False
    tokens = [t for t in re.split(r"[\s|/·•,]+", line) if t]
    if not 3 <= len(tokens) <= 25:
        return False
    if not all(t[:1].isupper() or not t[:1].isalpha() for t in tokens):
        return False
    hits = sum(1 for t in tokens if t.casefold().strip(".:") in _NAV_WORDS)
    return hits >= 3 and hits >= 0.6 * len(tokens)


#: A ranked list run into one line ("1 Headline one 2 Headline two 3 ..."): a "most read" box.
#: Each headline between two ranks is at most 300 characters (and the search stays linear).
_RANKED_RUN = re.compile(r"^\s*1\s+\S.{8,300}?\s2\s+\S.{8,300}?\s3\s+\S")


def is_ranked_run(line: str) -> bool:
    """A "most read" list flattened into one line: 1, 2, 3 ... before the headlines."""
    return line.lstrip()[:2] == "1 " and bool(_RANKED_RUN.match(line))


#: The networks and actions of a share bar ("Facebook WhatsApp E-Mail", "Teilen: X | Mail").
_SHARE_WORDS = frozenset({
    "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "pinterest", "reddit", "xing",
    "messenger", "instagram", "youtube", "flipboard", "pocket", "threads", "bluesky", "mastodon",
    "tumblr", "e-mail", "email", "mail", "sms", "print", "drucken", "imprimer", "imprimir",
    "stampa", "share", "teilen", "partager", "compartir", "condividi", "compartilhe", "copy",
    "link", "kopieren", "follow", "us", "folgen", "sie", "uns", "suivez-nous", "síguenos", "seguici",
})  # fmt: skip


def is_share_row(line: str) -> bool:
    """A share bar or a "follow us" row flattened into one line: two or more of its words and
    nothing else ("Facebook WhatsApp E-Mail", "Follow us: Facebook | Instagram | LinkedIn")."""
    if len(line) > 200:
        return False
    head = line.split(None, 1)
    if not head or head[0].casefold().strip("|/·•,:") not in _SHARE_WORDS:
        return False  # most lines: their first word is no share bar's
    tokens = [t for t in re.split(r"[\s|/·•,:]+", line.casefold()) if t]
    return 2 <= len(tokens) <= 12 and all(t in _SHARE_WORDS for t in tokens)


#: A pointer to another story inside the text ("Lesen Sie auch: ...", "Le puede interesar:
#: ...", "PUEDES VER: ...") and a follow appeal, in the languages the extractor reads: the
#: English ones were furniture, these stayed in the body.
_READ_ALSO = re.compile(
    r"""^\W*(?:
      (?:lesen\ sie\ auch|mehr\ zum\ thema|schon\ gelesen|zum\ weiterlesen|auch\ interessant
      | (?:le|te)\ puede\ interesar|puedes\ ver|lea\ tambi[ée]n|lee\ tambi[ée]n|vea\ tambi[ée]n
      | (?:[àa]\ )?lire\ aussi|voir\ aussi|leia\ tamb[ée]m|veja\ tamb[ée]m|leggi\ anche
      | read\ also|also\ read|read\ more|see\ also|related)\s*[:?!\-–—]
    | (?:s[íi]guenos|suivez-nous|folgen\ sie\ uns|siga-nos|seguici)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)


_has_phrase_trigger = any_in(_PHRASE_TRIGGERS)
# The three long phrase patterns, searched only for the alternatives whose words the line has.
_phrases = GatedSearch(_PHRASES.pattern, _PHRASES.flags)
_other_phrases = GatedSearch(_OTHER_PHRASES.pattern, _OTHER_PHRASES.flags)
_appeals = GatedSearch(_APPEALS.pattern, _APPEALS.flags)
_has_appeal_trigger = any_in(_APPEAL_TRIGGERS)
#: `_OTHER_TRIGGERS` but its colon, which most lines have and only `_SAYS` needs.
_has_other_word = any_in(t for t in _OTHER_TRIGGERS if t != ":")


def _other_phrase(line: str, lower: str) -> bool:
    """`any(t in lower for t in _OTHER_TRIGGERS) and _OTHER_PHRASES.search(line)`, cheaper."""
    if _has_other_word(lower):
        return _other_phrases(line, lower)
    return _colon_phrase(line, lower)


def _colon_phrase(line: str, lower: str) -> bool:
    """`_other_phrase` of a line without any of its word triggers: only its colon can fire."""
    if ":" not in line:
        return False
    if line.isascii() and "schreibe" not in lower:
        # Only the colon fired. On ASCII text IGNORECASE is plain ASCII case, so every
        # other alternative needs one of the word triggers ("schreibe einen" excepted);
        # `_SAYS` needs the line to end in ":" (or ":\n", `$`).
        return line.endswith((":", ":\n")) and _SAYS.match(line) is not None
    return _other_phrases(line, lower)


#: Every trigger of the four lists below but the colon: a line without any (most lines) has
#: none of `_PHRASES`, `_APPEALS` or the inline furniture, and of `_OTHER_PHRASES` only
#: what its colon says. One search of their union answers that where the four lists'
#: searches took 1.7 times its instructions (3,855 lines of peer copies: 387 M against 229 M).
_has_any_trigger = any_in(
    {*_PHRASE_TRIGGERS, *_OTHER_TRIGGERS, *_APPEAL_TRIGGERS, *INLINE_TRIGGERS} - {":"}
)


@line_cache
def is_boilerplate(line: str) -> bool:
    """Page furniture that never belongs in an article body."""
    if not line:
        return False
    core = strip_list_mark(line)
    if len(core) <= 60 and _LABELS.match(core):
        return True
    if is_navigation_line(core) or is_share_row(core):
        return True
    if len(line) <= 600:
        lower = line.lower()
        # Each trigger list as one trie pattern (`any_in`): a flat alternation tries every
        # trigger at every position, `in` tests scan the line once per trigger. The triggers
        # first: their search stops at the first one, a gated search reads on past each key.
        if not _has_any_trigger(lower):
            if _colon_phrase(line, lower):
                return True
        elif (
            (_has_phrase_trigger(lower) and _phrases(line, lower))
            or _other_phrase(line, lower)
            or (_has_appeal_trigger(lower) and _appeals(line, lower))
            or is_inline_furniture(line, lower)
        ):
            return True
    if is_copyright(line) and len(line) <= 400:
        return True
    if len(line) <= 300 and _READ_ALSO.match(core):
        return True
    # Bare URLs and handles.
    stripped = core.strip()
    if stripped.startswith(("http://", "https://", "www.")) and " " not in stripped:
        return True
    return stripped.startswith("@") and " " not in stripped


#: The mark under a press release or a piece of copy: "###", "# # #", "-30-".
_COPY_END = re.compile(r"^\s*(?:-?\s*#\s?#\s?#\s*-?|-\s?30\s?-)\s*$")


#: A reporter's contact under the story: an address or a social profile alone, perhaps after
#: a name of a few words or "Write to X at", "Follow X on Twitter", "E-Mail:".
_CONTACT = re.compile(
    r"^(?:(?:write\ to|contact|reach|follow|e-?mail|twitter)\b[^.!?]{0,80}?[:\s]|\S+(?:\ \S+){0,3}\ )?"
    r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+/?|@\w{2,30})"
    r"(?:\s+(?:and|und|or)\s+(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:www\.)?(?:twitter|x)\.com/\w+/?|@\w{2,30}))*"
    r"[\s.!]*$",
    re.IGNORECASE,
)


def is_contact_line(line: str) -> bool:
    """A reporter's contact alone on its line ("Write to X at x@y.example", "twitter.com/x")."""
    stripped = strip_list_mark(line).strip()
    return len(stripped) <= 160 and _CONTACT.match(stripped) is not None


@line_cache
def is_end_marker(line: str) -> bool:
    """A heading or notice after which no article text follows."""
    if not line or len(line) > 300:
        return False
    if _END.match(line) or _COPY_END.match(line):
        return True
    lower = line.lower()
    if is_copyright(line):
        return True
    return any(
        p in lower
        for p in (
            "add your comment",
            "comments are approved by a moderator",
            "leave a reply",
            "trust principles",
        )
    )


@line_cache
def looks_like_link_title(line: str) -> bool:
    """An entry of a related-stories list: a short headline, not a sentence of prose."""
    core = strip_list_mark(line)
    tokens = words(core)
    if not 3 <= len(tokens) <= 25 or len(core) > 200:
        return False
    return not is_boilerplate(core)


#: "About Northwind Cables" heading a press release's description of the company.
_ABOUT_HEAD = re.compile(
    r"^\s*(?:About|Über|Ueber|À propos de|A propos de|Acerca de|Sobre|Informazioni su|Over)\s+"
    r"(?i:(?:the|die|der|das|den|le|la|les|l'|el|los|las|il|lo|het|de)\s+)?"
    r"(?P<name>\S+(?:\s+\S+){0,5}?)\s*:?\s*$"
)


def about_section(line: str, following: str) -> bool:
    """A heading "About X" over a paragraph that opens with X's name: a press release's
    description of its company, not its news ("About Northwind Cables" / "Northwind Cables
    Ltd. is a manufacturer of ...")."""
    match = _ABOUT_HEAD.match(line) if len(line) <= 80 else None
    if match is None or len(following) < 40 or not match["name"][0].isupper():
        return False  # "About the vote": a subheading, not a company's name
    name = match["name"].split()[0].casefold().strip(",.:’'s")
    # Its name opens the paragraph or soon follows ("Founded in 2019, Halden Robotics ...").
    opening = following.split(maxsplit=10)[:10]
    return any(word.casefold().strip(",.:’'s") == name for word in opening)
