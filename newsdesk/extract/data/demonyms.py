"""Adjectives of nationality and region ("South Korean", "Russian").

They are capitalised but name no entity: a leading demonym is stripped from a
name ("Russian President Vladimir Putin") and a demonym alone is never a person
or a place.  Multi-word forms are listed with their spaces.
"""

from __future__ import annotations

_SINGLE = """
Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian
Australian Austrian Azerbaijani Azeri Bahamian Bahraini Bangladeshi Barbadian
Belarusian Belgian Belizean Beninese Bhutanese Bolivian Bosnian Botswanan
Brazilian British Bruneian Bulgarian Burkinabe Burmese Burundian Cambodian
Cameroonian Canadian Chadian Chilean Chinese Colombian Comorian Congolese
Croatian Cuban Cypriot Czech Danish Djiboutian Dominican Dutch Ecuadorian
Ecuadorean Egyptian Emirati English Eritrean Estonian Ethiopian Fijian Filipino
Finnish French Gabonese Gambian Georgian German Ghanaian Greek Grenadian
Guatemalan Guinean Guyanese Haitian Honduran Hungarian Icelandic Indian
Indonesian Iranian Iraqi Irish Israeli Italian Ivorian Jamaican Japanese
Jordanian Kazakh Kazakhstani Kenyan Kiribati Korean Kosovar Kuwaiti Kyrgyz
Lao Laotian Latvian Lebanese Liberian Libyan Lithuanian Luxembourgish Macedonian
Malagasy Malawian Malaysian Maldivian Malian Maltese Mauritanian Mauritian
Mexican Moldovan Monegasque Mongolian Montenegrin Moroccan Mozambican Namibian
Nepalese Nepali Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian
Panamanian Paraguayan Peruvian Polish Portuguese Qatari Romanian Russian Rwandan
Salvadoran Samoan Saudi Scottish Senegalese Serbian Seychellois Singaporean
Slovak Slovenian Somali Somalian Spanish Sudanese Surinamese Swazi Swedish Swiss
Syrian Taiwanese Tajik Tanzanian Thai Togolese Tongan Trinidadian Tunisian
Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh
Yemeni Zambian Zimbabwean Kurdish Tibetan Uyghur Uighur Basque Catalan Flemish
Scots Bavarian Sicilian Texan Californian Floridian Hawaiian Alaskan Quebecois
Arab Arabic Persian Hispanic Latino Latina Asian African European Western Eastern
Northern Southern Nordic Scandinavian Baltic Balkan Caribbean Atlantic Pacific
Mediterranean Arctic Antarctic Soviet Ottoman Roman Byzantine Anglo Celtic Slavic
Germanic Latin Sino Indo Pan Maori Aboriginal Inuit Pashtun Sunni Shia Shiite
Muslim Christian Catholic Protestant Jewish Hindu Buddhist Sikh Evangelical
Orthodox Islamic Islamist Zionist Yazidi Rohingya Hutu Tutsi Bedouin Druze
Coptic Amish Mormon Lutheran Anglican Methodist Baptist Pentecostal
Democratic Republican Conservative Liberal Labour Socialist Communist Marxist
Maoist Tory Nationalist Populist Progressive Libertarian Federalist
Americans Russians Koreans Chinese Britons Germans Ukrainians Israelis
Palestinians Iranians Iraqis Syrians Afghans Indians Pakistanis Japanese
Europeans Asians Africans Arabs Australians Canadians Mexicans Brazilians
Democrats Republicans Conservatives Liberals Muslims Christians Catholics Jews
Hindus Sikhs Buddhists Kurds Turks Saudis Emiratis Qataris Egyptians Libyans
Sudanese Ethiopians Kenyans Nigerians Somalis Filipinos Vietnamese Thais
Indonesians Malaysians Singaporeans Taiwanese Tibetans Uyghurs Mongolians
Kazakhs Uzbeks Georgians Armenians Azerbaijanis Poles Czechs Slovaks Hungarians
Romanians Bulgarians Serbs Croats Bosnians Albanians Greeks Italians Spaniards
Portuguese French Swiss Austrians Belgians Dutch Danes Swedes Norwegians Finns
Icelanders Irish Scots Welsh English Latvians Lithuanians Estonians Belarusians
Moldovans Cubans Venezuelans Colombians Peruvians Chileans Argentines
Argentinians Bolivians Ecuadorians Uruguayans Paraguayans Haitians Jamaicans
Israelis Lebanese Jordanians Yemenis Omanis Kuwaitis Bahrainis Maoris
Hispanics Latinos Westerners Easterners Northerners Southerners Texans
Californians Floridians Londoners Parisians Berliners Muscovites New Yorkers
"""

_MULTI = """
South Korean|North Korean|South African|North African|West African|East African
Central African|South Sudanese|New Zealand|New Zealander|Saudi Arabian|Sri Lankan
Papua New Guinean|Costa Rican|Puerto Rican|El Salvadoran|Sierra Leonean
Burkina Faso|Middle Eastern|Latin American|North American|South American
Central American|Central Asian|South Asian|East Asian|Southeast Asian
South East Asian|West German|East German|Hong Konger|Hong Kong's|Native American
African American|Asian American|Arab American|Korean American|Chinese American
Mexican American|Irish American|Italian American|Indian American|Japanese American
Pacific Islander|Torres Strait Islander|First Nations|South Koreans|North Koreans
South Africans|New Zealanders|Sri Lankans|Costa Ricans|Puerto Ricans
"""

#: Single-word demonyms and other adjectives of belonging (faiths, parties).
DEMONYMS: frozenset[str] = frozenset(_SINGLE.split())

#: Two- and three-word demonyms, as tuples of their words.
MULTI_DEMONYMS: frozenset[tuple[str, ...]] = frozenset(
    tuple(item.split()) for item in _MULTI.replace("\n", "|").split("|") if item.strip()
)
