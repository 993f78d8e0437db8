"""Words that tell an organisation or a place from its name, and well-known names.

`ORG_HEADS` end organisation names ("Foreign Ministry", "Acme Corp"),
`ORG_LEADS` begin them before "of" ("Ministry of Foreign Affairs"),
`PLACE_HEADS` end place names ("Kursk Oblast", "West Sea") and `PLACE_LEADS`
begin them ("Gulf of Mexico", "Mount Everest").  `KNOWN_ORGS` and
`ACRONYMS` cover names that carry no such cue ("White House", "NATO").
"""

from __future__ import annotations

from newsdesk.extract.data import name_set, word_set

ORG_HEADS: frozenset[str] = word_set(
    """
    Ministry Ministries University Universities Council Committee Commission
    Agency Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC LLP PLC Plc plc
    GmbH AG SA NV Group Bank Party Union Court Courts Police Department Dept
    Dept. Association Institute Institution Foundation Company Companies
    Organization Organisation Federation Service Services Office Bureau Board
    Authority Administration Forces Army Navy Guard Guards Corps Senate Congress
    Parliament Assembly Cabinet Secretariat Network Networks Center Centre
    Hospital Clinic School College Academy Society Fund Reserve Exchange Airlines
    Airways Airline Motors Technologies Technology Systems Media Studios Studio
    Pictures Entertainment Records Trust Alliance Coalition League Club Team
    Brigade Battalion Regiment Division Command Fleet Staff Museum Library Church
    Mosque Synagogue Temple Cathedral Diocese Ministry Tribunal Prosecution
    Prosecutors Commissioner Inspectorate Regulator Registry Treasury Mint
    Laboratory Laboratories Labs Lab Holdings Partners Capital Ventures Energy
    Petroleum Oil Gas Pharmaceuticals Pharma Therapeutics Biotech Insurance
    Securities Investments Properties Industries Enterprises Brands Foods
    Motors Automotive Aerospace Airlines Railways Railway Rail Telecom
    Communications Broadcasting Television Radio Press Times Post Journal
    Herald Tribune Gazette Chronicle Observer Guardian Telegraph Independent
    Weekly Magazine News Agency Institute Initiative
    Project Movement Front Caucus Bloc Junta Government Regime Embassy
    Consulate Mission Delegation Directorate Inc Foundation Charity Trust
    Cooperative Co-op Syndicate Consortium Conglomerate Firm Bancorp Bankshares
    Diagnostics Software Networks Robotics Electronics Semiconductor Chemicals
    Steel Mining Resources Utilities Logistics Shipping Lines Transit
    Stores Mall Hotels Resorts Casino Restaurants
    Guild Order Brotherhood Sisterhood Fraternity Sorority Chamber Chambers
    Legislature Assembly Sejm Duma Knesset Bundestag Diet Congress Politburo
    Presidium Secretariat Chiefs Palace Presse Daily
    Unit Units Squad Desk Air Airport Spaceport Seaport Port Terminal Terminals Shipyard
    Shipyards Works Lithium Copper Gold Silver Nickel Cobalt Iron Cement Chemie Chemical
    Cargo Freight Line Lines Jet Jets Rail Express Analytics Data Software Solutions
    Materials Minerals Metals Mines Mining Renewables Renewal Power Solar Wind Hydro Utility
    Water Waterworks Telecom Mobile Networks Wireless Broadband Pharma Biotech Health
    Healthcare Medical Clinics Laboratories Research Consulting Capital Partners Fund Funds
    Bancorp Finance Financial Insurance Assurance Credit Holdings Holding Group Gruppe
    Denki Kogyo Shoji Seiyaku Verlag Werke Observatory Libraries Library Museum Gallery
    Theatre Theater Orchestra Opera Ballet Festival Trust Campaign Alliance Initiative Watch
    Rescue Board Lab Institute Institutes System Rangers Rovers Wanderers Athletic Albion
    FC AFC CF SC Economics Energi Energie Energia Raumfahrt Luftfahrt Eireann Éireann
    Telekom Bahn Verband Verein Gesellschaft Stiftung Fundación Fundação Fondation Instituto
    Institut Istituto Universidad Universidade Université Universität Università
    United Transmission Wire Newswire Homes Cloud Action Venture Ventures Programme Program Refinery
    Refineries Ombudsman Confederation Collective Marketers Operators Distributors Producers
    Lifeline Helpline Hotline Hotlines Helplines
    Börse Zentrale Werke Kasse Sparkasse Partei Gewerkschaft Hochschule Klinikum Rundfunk
    Aggregates Quarries Quarrying Supplies Fisheries Farms Breweries Brewery Distillery
    Distilleries Dairies Bakeries Textiles Plastics Fabrics Polymers Alloys Coatings Foundry
    Foundries Steelworks Tools Instruments Components Devices Engines Turbines Cables
    Batteries Fertilisers Fertilizers Seeds Publications Publishing Builders Contractors
    Developers Insurers Lenders Traders Exports Imports Packaging Containers Haulage
    """
)

ORG_LEADS: frozenset[str] = word_set(
    """
    Ministry University Bank Department Office Council Court Federation
    Association Institute Museum Academy College School Church Order Board
    Bureau Commission Committee Union League Society Chamber Party House
    Embassy Consulate Government Parliament Assembly Congregation Federal
    Organization Organisation Agency Authority Administration Corps Army Navy
    Service Guild Fund Foundation Center Centre Hospital Tribunal Secretariat
    Cabinet Senate Republic Kingdom Federation Order Friends Daughters Sons
    Knights Chiefs City Port Confederation Coalition Alliance Campaign
    """
)

#: Romance and Germanic names open with the kind of body, "of" or not:
#: "Banco de Fomento", "Instituto Superior Tecnico", "Ministerio de Hacienda".
FOREIGN_ORG_LEADS: frozenset[str] = word_set(
    """
    Instituto Institut Istituto Banco Banca Banque Universidad Universidade Université
    Universität Università Ministerio Ministère Ministero Consejo Conseil Comisión
    Commissione Fundación Fundação Fondation Stiftung Asociación Associação Sindicato
    Partido Parti Partito Centro Compañía Companhia Société Società Gesellschaft Verband
    Agencia Agência Agence Grupo Gruppo Groupe Hôpital Ospedale Caja Caixa Corporación
    Empresa Cámara Juzgado Audiencia Policía Polizei Bundesamt Landesamt
    Autoridad Coordinadora Confederación Federación Asamblea Ayuntamiento Generalitat Diputación
    Métropole Musée Museo Museu Fédération Confédération Syndicat Conselho Câmara Prefeitura
    Städtische Städtischen Staatliche Bundesministerium Ministerium Landesregierung Stadtrat
    Verbraucherzentrale Stadtwerke Deutsche Deutscher Société Mairie Préfecture Région
    """
)

PLACE_HEADS: frozenset[str] = word_set(
    """
    Sea Ocean Strait Straits Gulf Peninsula Island Islands Isles River Lake
    Lakes Mountains Mountain Mount Mts Hills Valley Bay Oblast Krai Province
    Prefecture County Region Regions District Territory Territories Desert Coast
    Canal Basin Plateau Delta Glacier Falls Forest Park Beach Heights
    Highlands Lowlands Plains Steppe Strip Borough Township Street Avenue Road Boulevard
    Lane Square Plaza Bridge Quay Wharf Pier Station Hill Hills Peak Pass Dam Reservoir
    Estuary Lagoon Marsh Moor Downs Heath
    Governorate Emirate Canton Municipality Village Town City Republic
    Archipelago Atoll Reef Sound Fjord Cape Harbor Harbour Port Corridor
    Peninsular Zone Area
    """
)

PLACE_LEADS: frozenset[str] = word_set(
    """
    Gulf Bay Sea Strait Straits Lake Mount Mt Mt. Cape Isle Isles Island Port
    Fort Lake Republic Kingdom Sultanate Emirate Commonwealth State Province
    County Gulf River Loch Lough Glen Calle Rue Via Plaza Avenida Salar Puerto
    Rio Sierra Monte Col Piazza Platz Strasse Mount
    """
)

#: Lowercase nouns for a kind of organisation: one right before a name says the name is an
#: organisation's ("grid operator Redes Atlântico said", "regulator Ofwex"), as a role
#: noun says a person's ("spokeswoman Jane Roe"). Nouns that are also people's jobs
#: ("developer", "producer", "owner") or often adjectives ("giant") are left out.
ORG_ROLE_NOUNS: frozenset[str] = word_set(
    """
    operator company firm group agency regulator utility carrier insurer lender bank
    retailer airline broadcaster publisher manufacturer maker carmaker automaker
    supplier distributor startup start-up conglomerate watchdog charity union
    subsidiary consultancy provider chain network newspaper
    """
)

#: Names of organisations that carry no cue word.
KNOWN_ORGS: frozenset[str] = name_set(
    """
    White House|Pentagon|Kremlin|Congress|Senate|Parliament|Knesset|Duma|Bundestag
    Vatican|Interpol|Europol|Hamas|Hezbollah|Taliban|Wikileaks|WikiLeaks|Al Qaeda
    al-Qaeda|Al-Qaeda|Islamic State|Boko Haram|Al-Shabaab|Wagner|Google|Apple
    Microsoft|Amazon|Facebook|Meta|Twitter|Netflix|Tesla|Boeing|Airbus|Toyota
    Samsung|Huawei|Alibaba|Tencent|Sony|Nissan|Honda|Hyundai|Volkswagen|Disney
    Walmart|Uber|Lyft|Airbnb|OpenAI|Nvidia|Intel|IBM|Oracle|Spotify|TikTok
    YouTube|Instagram|WhatsApp|Reuters|Bloomberg|Xinhua|Yonhap|Kyodo|Emirates
    WeWork|Whitehall|Downing Street|Scotland Yard|Quai d'Orsay|Blue House
    Politburo|Sinn Fein|Likud|Fatah|Bundesbank|Eurostat|Gazprom|Rosneft|Aramco
    Saudi Aramco|Petrobras|Pemex|BP|Shell|ExxonMobil|Chevron|Pfizer|Moderna
    AstraZeneca|Novartis|Roche|Bayer|Siemens|BASF|Nestle|Unilever|Ikea|IKEA
    Home Depot|Goldman Sachs|Morgan Stanley|JPMorgan|JPMorgan Chase|Citigroup
    BlackRock|Vanguard|Berkshire Hathaway|Wells Fargo|HSBC|Barclays|UBS
    Credit Suisse|Deutsche Bank|SoftBank|Alphabet|Starbucks|McDonald's
    Coca-Cola|PepsiCo|Nike|Adidas|Visa|Mastercard|PayPal|eBay|Zoom|Slack
    Salesforce|Twitch|Reddit|Snapchat|LinkedIn|Pinterest|Telegram|Weibo|Baidu
    ByteDance|Xiaomi|Lenovo|Foxconn|TSMC|Hitachi|Panasonic|Mitsubishi|Renault
    Stellantis|Ford|General Motors|Chrysler|Ferrari|BMW|Daimler|Mercedes-Benz
    Audi|Porsche|Volvo|Kia|SpaceX|NASA|Roscosmos|Wall Street
    Supreme Court|High Court|Scotland Yard|Red Cross|Red Crescent
    Amnesty International|Human Rights Watch|Greenpeace|Oxfam
    Doctors Without Borders|Medecins Sans Frontieres|Save the Children
    United Nations|European Union|African Union|Arab League|World Bank
    Federal Reserve|European Commission|European Parliament|Security Council
    Joint Chiefs of Staff|State Department|Justice Department|Foreign Office
    Home Office|Labour|Democrats|Republicans|Tories|Conservatives|Agence France-Presse
    Securities and Exchange Commission|Associated Press|Press Association|Al Jazeera|Al Arabiya|Xinhua News Agency|Yonhap News Agency
    """
)

#: All-caps short forms with a fixed meaning, and what they stand for.  A value
#: of None keeps the acronym itself; places are listed separately.
ACRONYMS: dict[str, str | None] = {
    "UN": "United Nations",
    "U.N.": "United Nations",
    "EU": "European Union",
    "E.U.": "European Union",
    "NATO": None,
    "WHO": "World Health Organization",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization",
    "OPEC": None,
    "ASEAN": None,
    "FBI": None,
    "CIA": None,
    "NSA": None,
    "NASA": None,
    "ESA": "European Space Agency",
    "IAEA": "International Atomic Energy Agency",
    "ICC": "International Criminal Court",
    "ICJ": "International Court of Justice",
    "UNICEF": None,
    "UNESCO": None,
    "UNHCR": None,
    "OECD": None,
    "G7": None,
    "G20": None,
    "NHS": None,
    "BBC": None,
    "CNN": None,
    "NBC": None,
    "CBS": None,
    "ABC": None,
    "NPR": None,
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "RFA": "Radio Free Asia",
    "KCNA": "Korean Central News Agency",
    "JCS": "Joint Chiefs of Staff",
    "PLA": "People's Liberation Army",
    "CDC": "Centers for Disease Control and Prevention",
    "FDA": "Food and Drug Administration",
    "EPA": None,  # also the European Pressphoto Agency in photo credits
    "SEC": "Securities and Exchange Commission",
    "FTC": "Federal Trade Commission",
    "DOJ": "Justice Department",
    "DHS": "Department of Homeland Security",
    "ICE": "Immigration and Customs Enforcement",
    "IRS": None,
    "NHL": None,
    "NBA": None,
    "NFL": None,
    "MLB": None,
    "FIFA": None,
    "UEFA": None,
    "IOC": "International Olympic Committee",
    "GOP": "Republican Party",
    "ANC": "African National Congress",
    "CCP": "Chinese Communist Party",
    "CPC": "Communist Party of China",
    "KGB": None,
    "FSB": None,
    "MI5": None,
    "MI6": None,
    "LAPD": None,
    "NYPD": None,
    "SAG": "Screen Actors Guild",
    "NYAG": None,
}

#: All-caps words that are not organisations (units, common shorthand, places).
NON_ORG_CAPS: frozenset[str] = word_set(
    """
    US U.S. USA U.S.A. UK U.K. UAE U.A.E. DC D.C. NYC LA EU. TV CEO CFO COO CTO
    GDP GNP CPI AI IT PC PM AM OK ID PhD MBA MP MPs RSS URL PDF FAQ DIY COVID
    COVID-19 HIV AIDS SARS MERS DNA RNA CO2 LGBT LGBTQ VIP VPN USB GPS SUV EV EVS
    ATM PIN OTC IPO ETF VAT NGO NGOS II III IV VI VII VIII IX XI XII Q1 Q2 Q3 Q4
    H1 H2 FY A B C D E F G H I J K L M N O P Q R S T U V W X Y Z AND THE OF FOR
    TO IN ON AT BY WITH FROM NEW NEWS BREAKING LIVE UPDATE WATCH VIDEO PHOTO
    PHOTOS READ MORE SHARE EMAIL NOTE EDITOR'S UPDATED PUBLISHED ET PT CT MT
    GMT UTC EST EDT PST PDT KST JST BST CET CEST AEST AEDT IST HKT SGT
    MW GW KW MPH KM KG LB LBS OZ ST RD ND TH NB PS RIP LOL OMG FYI ASAP
    DPRK ROK PRC USSR UNSC USD EUR GBP JPY CNY CHF CAD AUD INR RUB KRW XAU XAG BTC
    AL AK AZ AR CA CO CT DE FL GA HI IA IL KS KY LA MA MD MI MN MO MS MT NC
    ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY
    """
)

#: All-caps short forms of places, and the place they name.
PLACE_ACRONYMS: dict[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "DPRK": "North Korea",
    "ROK": "South Korea",
    "PRC": "China",
    "D.C.": "Washington, D.C.",
    "NYC": "New York City",
    "N.Y.": "New York",
    "N.J.": "New Jersey",
    "L.A.": "Los Angeles",
    "S.F.": "San Francisco",
    "N.C.": "North Carolina",
    "S.C.": "South Carolina",
    "N.H.": "New Hampshire",
    "N.M.": "New Mexico",
    "N.D.": "North Dakota",
    "S.D.": "South Dakota",
    "W.Va.": "West Virginia",
    "R.I.": "Rhode Island",
    "B.C.": "British Columbia",
    "N.S.": "Nova Scotia",
    "N.B.": "New Brunswick",
    "N.L.": "Newfoundland and Labrador",
    "P.E.I.": "Prince Edward Island",
    "N.W.T.": "Northwest Territories",
}

#: Abbreviated states and provinces as datelines and addresses write them after a
#: place ("Sacramento, Calif.", "Kingston, Ont."): the region each stands for. Only
#: read with its full stop and after a place, since "Mass", "Miss" or "Man" alone
#: are words.
REGION_ABBREVIATIONS: dict[str, str] = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas",
    "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
    "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada",
    "Okla": "Oklahoma", "Ore": "Oregon", "Oreg": "Oregon", "Pa": "Pennsylvania",
    "Penn": "Pennsylvania", "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont",
    "Va": "Virginia", "Wash": "Washington", "Wis": "Wisconsin", "Wisc": "Wisconsin",
    "Wyo": "Wyoming", "Alta": "Alberta", "Man": "Manitoba", "Ont": "Ontario",
    "Que": "Quebec", "Sask": "Saskatchewan", "Nfld": "Newfoundland and Labrador",
}  # fmt: skip
