"""Word lists for redaction: forenames, places, everyday words, titles and cues.

The forenames and places are read from the text files beside this module; the rest are short
lists of words that decide, around a capitalised word, whether it is a name or a place.
"""
from __future__ import annotations

import re
from pathlib import Path

_HERE = Path(__file__).parent


def _read_list(filename: str) -> list[str]:
    lines = (_HERE / filename).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


FORENAMES = frozenset(word for line in _read_list("forenames.txt") for word in line.split())
BUILTIN_PLACES = tuple(_read_list("places.txt"))

# Forenames that are also everyday words: names only where the context says so.
AMBIGUOUS = frozenset(
    "amber april august basil bill bobby carol crystal dale dawn dean don dot eve faith fern frank "
    "gene glen grace grant hazel heather holly hope ivy jack jade jan jasmine jay jean joy june lance "
    "lily mark mason max mick mo nick pat pearl penny poppy ray reg rob rod rose ruby sally shell "
    "sue summer teddy victor violet will".split()
)

# Everyday words about community safety, and nationalities, that TextBlob's lexicon lacks.
EVERYDAY_WORDS = frozenset(
    "cannabis scrambler scramblers chippy chippies e-bike e-bikes ebike ebikes e-scooter "
    "e-scooters vape vapes vaping nitrous takeaway takeaways asb pcso pcsos cctv lay-by lay-bys "
    "scrote scrotes chav chavs druggie druggies smackhead smackheads spice ket coke weed skunk "
    "english scottish welsh irish british polish romanian lithuanian ukrainian syrian european "
    "asian african muslim jewish hindu sikh christian catholic nowt owt summat aye ppl asbo "
    "asbos yous youse marra marras bairn bairns ginnel snicket gadgie charva charvas neds bizzies "
    "feds plod offie bookies".split()
)

# Capitalised words that are not names: calendar words, organisations and common shop names.
NOT_NAMES = frozenset(
    w.lower()
    for w in "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December Police Council Councillor "
    "Government Parliament NHS Christmas Easter Halloween Bonfire Ramadan Eid Diwali God Jesus "
    "Allah Tesco Asda Aldi Lidl Morrisons Sainsbury Sainsburys Co Op Spar Greggs McDonalds "
    "Facebook Google Twitter Instagram Insta TikTok WhatsApp Snapchat Reddit Brexit Covid PCSO "
    "PCSOs Constabulary Housing Trust Partnership Community Safety OK Okay Hi Hello Dear Thanks "
    "Thank Mr Mrs Ms Miss Dr Sgt Inspector Sergeant Officer PC Cumbria Highways Stagecoach "
    "Sellafield Home Bargains Boots Iceland Wetherspoons Spoons Costa Subway Primark Kwik Fit "
    "Co-op Halfords Specsavers Barclays Lloyds Santander Nationwide Amazon Evri Royal Mail Yodel "
    "Audi BMW Mercedes Vauxhall Ford Fiesta Focus Corsa Astra Golf Polo Nissan Toyota Honda Kia "
    "Hyundai Peugeot Renault Citroen Skoda Seat Volvo Subaru Transit Range Rover Crimestoppers "
    "Samaritans Jobcentre Childline Barnardos Shelter NSPCC RSPCA Womens Aid Citizens Advice "
    "Victim Support Foodbank".split()
)

# Words that end a place name: "Lowther Street", "Vulcan Park", "Carnegie Theatre".
PLACE_TYPES = frozenset(
    "street st road rd lane ln avenue ave close drive dr way terrace crescent place court gardens "
    "grove row square hill park view walk mews parade green rise brow gate bank fold croft meadow "
    "meadows wynd estate centre center school academy college hospital church chapel mosque "
    "library station bridge museum theatre hall castle harbour marina beach quay pier mine pit "
    "field fields woods wood shore common pub inn arms club ground stadium surgery retail".split()
)

# Endings that make an unknown capitalised word after "to", "at", "from" read as a place.
PLACE_ENDINGS = re.compile(
    r"(?:ton|town|ham|by|thwaite|haven|port|mouth|moor|field|ford|bridge|wick|worth|caster|"
    r"chester|cester|borough|burgh|bury|pool|dale|side|beck|bank|holme|hall|sands|ness|head|"
    r"hurst|stead|cliffe|mere|minster|stone|water|wich|castle|ridge|fell|garth|how)$"
)

TITLES = frozenset("mr mrs ms mx dr mister missus".split())
STRONG_CUES = frozenset("called named nicknamed aka christened surname forename".split())
CUES = frozenset(
    "ask asked asking tell told telling contact contacted ring rang phone phoned text texted "
    "message messaged email emailed neighbour neighbours neighbor neighbors husband wife partner ex "
    "boyfriend girlfriend son daughter friend mate brother sister landlord landlady dad mum mam "
    "uncle aunt auntie cousin nephew niece grandson granddaughter nan nana grandad grandma stepdad "
    "stepmum stepson carer tenant lodger lad lass bloke fella guy man woman girl boy kid dealer "
    "councillor sergeant inspector constable pc pcso officer warden teacher manager".split()
)
STRONG_LOCATIVES = frozenset(
    "in near around round through outside towards toward into across behind past opposite along "
    "beyond within on up down via over".split()
)
WEAK_LOCATIVES = frozenset("to by at of from with for off about against like than".split())

# Surnames that are also everyday words, taken only straight after a name ("dave brown").
WORD_SURNAMES = frozenset(
    "brown white green black grey gray wood hill young king walker hall ward baker cook turner "
    "carter mason bell fox moss hunt price rose stone wells lamb marsh bird mills booth berry "
    "wilde little long short parsons rich fish bush bishop dean knight page pool".split()
)
FUNCTION_TAGS = frozenset(
    "DT IN CC PRP PRP$ MD TO WDT WP WP$ WRB RB RBR RBS RP EX PDT UH VB VBZ VBP VBD VBN VBG".split()
)
