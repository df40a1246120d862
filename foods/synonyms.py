"""Everyday food names the USDA names do not use, mapped to the words SR28 names do use (plain Python).

How the list was chosen: the everyday queries a person planning magnesium-rich meals types (the issue's
"oatmeal", "porridge", "garbanzo", "spinch"...), British and American names for the same food
(yoghurt, courgette, aubergine, prawn, rocket, swede), and names SR28 spells another way (it writes
"soymilk" as one word and "bok choy" as "pak-choi"). Each target was checked against SR28 FOOD_DES names
(../shared/data/usda), so a synonym always leads to foods that exist. A plural or word form needs no
entry here: the stemmer (foods.search_terms) handles "cashews" and "almonds".

WORDS: a typed word -> the SR28 words for it. The first is searched as well as the typed word (either may
start a word of the name); all of them rank a name higher when they are whole words of it ("oatmeal" ->
"Cereals, oats, ..." before "Oat bran").
PHRASES: typed words together -> the words to search instead ("green onion" -> "scallions"). Keys and
values are written as a person types them; they are compared through the stemmer, so plurals match too.
"""

WORDS: dict[str, tuple[str, ...]] = {
    # Oats: "oatmeal" (US) and "porridge" (UK) are oats cooked in water or milk.
    "oatmeal": ("oats", "cereals"),
    "porridge": ("oats", "cereals", "cooked"),
    # One pulse, two names; SR28 writes "Chickpeas (garbanzo beans, bengal gram)".
    "garbanzo": ("chickpeas",),
    "garbanzos": ("chickpeas",),
    "chickpea": ("chickpeas", "garbanzo"),
    "chana": ("chickpeas",),
    # British and American names.
    "yoghurt": ("yogurt",),
    "yoghurts": ("yogurt",),
    "yogourt": ("yogurt",),
    "courgette": ("zucchini", "squash"),
    "courgettes": ("zucchini", "squash"),
    "aubergine": ("eggplant",),
    "aubergines": ("eggplant",),
    "prawn": ("shrimp",),
    "prawns": ("shrimp",),
    "rocket": ("arugula",),
    "swede": ("rutabagas",),
    "beetroot": ("beets",),
    "coriander": ("coriander", "cilantro"),
    "cilantro": ("coriander",),
    "capsicum": ("peppers", "sweet"),
    "maize": ("corn",),
    "crisps": ("chips", "potato"),
    "mince": ("ground",),
    "soya": ("soy",),
    "cacao": ("cocoa",),
    "scallion": ("onions", "spring"),
    "scallions": ("onions", "spring"),
    "groundnut": ("peanuts",),
    "groundnuts": ("peanuts",),
    "kidneybeans": ("beans", "kidney"),
    "pepitas": ("pumpkin", "seeds"),
    "linseed": ("flaxseed",),
    "linseeds": ("flaxseed",),
    "sultanas": ("raisins",),
    "tahina": ("tahini",),
    "hummous": ("hummus",),
    "houmous": ("hummus",),
    "garbonzo": ("chickpeas",),
    "brazils": ("brazilnuts",),  # SR28 writes "brazilnuts" as one word
}

PHRASES: dict[str, str] = {
    "green onion": "scallions",
    "spring onion": "scallions",
    "bell pepper": "peppers sweet",
    "soy milk": "soymilk",
    "soya milk": "soymilk",
    "brazil nut": "brazilnuts",
    "bok choy": "pak choi",
    "pak choy": "pak choi",
    "garbanzo bean": "chickpeas",
    "chick pea": "chickpeas",
    "hot chocolate": "cocoa hot",
    "ladies finger": "okra",
    "lady finger": "okra",
    "broad bean": "broadbeans",
    "fava bean": "broadbeans",
    "porridge oat": "oats",
    "rolled oat": "oats",
}
