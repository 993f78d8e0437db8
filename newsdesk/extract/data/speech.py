"""Verbs of saying: the one list the entity, quote and header readers share.

`SPEECH_VERBS` are the finite forms ("said", "sagte", "afirmó"): a name right
before one is a speaker. The smaller sets are views of it for narrower jobs.
"""

from __future__ import annotations

from newsdesk.extract.data import word_set

#: The reporting verbs of news copy in German, Dutch, Spanish, Italian, Portuguese and
#: French, present and past ("sagte", "zei", "defendió", "afferma", "disse", "indique").
#: Words that are also common nouns or verbs of doing ("cuenta", "lance", "poursuit",
#: "precisa", "vindt", "replica", "tranche") are left out: a capitalised word before one is not a speaker.
_FOREIGN_VERBS: frozenset[str] = word_set("""
    sagte sagt sagten erklärte erklärt erklärten betonte betont meinte meint warnte warnt
    kritisierte kritisiert berichtete berichtet ergänzte ergänzt erläuterte erläutert
    bestätigte bestätigt unterstrich versicherte versichert schilderte schildert
    erzählte erzählt forderte mahnte schrieb schreibt twitterte
    zei zegt zeiden zeggen vertelt vertelde stelt stelde meldt meldde verklaarde verklaart
    benadrukt benadrukte waarschuwt waarschuwde schrijft schreef erkent erkende bevestigt
    bevestigde onderstreept onderstreepte reageert reageerde antwoordt antwoordde
    dijo dice afirmó afirma aseguró asegura explicó explica señaló señala declaró declara
    añadió añade agregó agrega indicó indica advirtió advierte subrayó subraya defendió
    defiende comentó comenta precisó recordó recuerda destacó destaca insistió insiste
    reconoció reconoce admitió admite sostuvo sostiene manifestó expresó lamentó lamenta
    denunció denuncia criticó critica respondió responde relató relata matizó concluyó
    apuntó sentenció alertó
    disse dice afferma dichiara spiega aggiunge sottolinea commenta racconta osserva
    ricorda conclude ammette avverte ribadisce assicura evidenzia risponde
    dichiarò spiegò aggiunse commentò affermò sottolineò raccontò ricordò replicò
    diz afirmou afirma explicou declarou acrescentou acrescenta destacou ressaltou
    ressalta salientou comentou observou lembrou lembra garantiu garante avaliou avalia
    reconheceu admitiu defendeu criticou sublinhou frisou alertou argumentou respondeu
    concluiu informou relatou disseram afirmaram
    déclare affirme explique ajoute estime souligne précise indique assure confie
    raconte rappelle reconnaît insiste conclut martèle relève résume commente regrette
    déplore prévient avertit confirme admet déclara affirma expliqua ajouta
    """)

#: French, German, Italian, Spanish, Portuguese and Dutch perfect participles of
#: saying, after "a" / "hat" / "ha" / "heeft" ("a déclaré", "hat gesagt", "ha detto").
SPEECH_PERFECTS: frozenset[str] = word_set("""
    déclaré dit affirmé expliqué ajouté estimé souligné précisé indiqué assuré confié
    raconté rappelé reconnu insisté conclu martelé relevé résumé commenté regretté déploré
    prévenu averti annoncé confirmé admis tranché répondu
    gesagt erklärt betont berichtet ergänzt erläutert bestätigt unterstrichen versichert
    geschildert erzählt gewarnt kritisiert gemeint
    detto dichiarato spiegato aggiunto commentato sottolineato affermato precisato
    ricordato osservato ammesso denunciato assicurato annunciato concluso evidenziato
    replicato risposto insistito raccontato confermato avvertito ribadito
    dicho afirmado declarado explicado asegurado señalado añadido indicado advertido
    subrayado defendido comentado recordado destacado reconocido admitido manifestado
    expresado lamentado denunciado criticado respondido
    dito
    gezegd verteld gesteld gemeld verklaard benadrukt gewaarschuwd geschreven erkend
    bevestigd
    """)

SPEECH_VERBS: frozenset[str] = (
    word_set("""
    said says told tells added adds wrote writes tweeted posted testified explained
    noted asked argued stated continued recalled insisted warned claimed announced
    replied responded acknowledged admitted conceded confirmed declared emphasized
    emphasised stressed suggested urged cautioned observed remarked commented
    complained joked predicted agreed denied reported estimated believes believed
    thinks thought maintained contended countered alleged vowed pledged promised
    described revealed disclosed concluded quipped laughed shouted yelled whispered
    recalls recounted insists explains notes argues asks writes continues mused
    sighed boasted interjected exclaimed pleaded demanded retorted snapped scoffed
    gushed lamented reiterated repeated clarified recalled cautions warns adds
    stresses tweets emailed texted wrote instructed ordered cried comments
    """)
    | _FOREIGN_VERBS
)

#: The verbs that also come before their speaker ("..., said Boudreau", "added Kim").
#: Not German ones: there the capitalised word after "sagte" is often a noun
#: ("sagte Geschäftsführer Matthias Brenner").
INVERTED_SPEECH_VERBS: frozenset[str] = SPEECH_VERBS & word_set("""
    said says added adds noted notes explained explains recalled continued insisted
    zei zegt dijo dice afirmó explicó disse afferma
    """)

#: Verbs that report speech without being its finite verb ("saying", "calling it").
SPEECH_PARTICIPLES: frozenset[str] = word_set("""
    saying calling called describing described adding noting telling urging urged warning
    writing tweeting denounced praised criticized criticised accused accusing insisting
    arguing declaring explaining asking replying responding stressing emphasizing quoted
    quoting
    """)

#: The plainest verbs of saying in each language ("said", "sagte", "dijo", "a déclaré"): a
#: sentence with one reports someone, which a picture's caption does not.
PLAIN_SAYING: frozenset[str] = SPEECH_VERBS & word_set("""
    said says told added sagte sagt erklärte betonte dijo afirmó disse
    """)

#: The verbs a news report's first paragraph uses and a standfirst does not
#: ("..., officials said"); rarer ones ("warns", "reveals") do start standfirsts.
REPORTING_VERBS: frozenset[str] = (
    SPEECH_VERBS & word_set("said says told announced reported")
) | word_set("say")
