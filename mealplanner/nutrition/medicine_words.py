"""How people type their medicines: brand names and everyday words, mapped to the classes in medicines.py.

Only brands of medicines whose class the sources list as interacting with magnesium [ODS "Interactions with
Medications"; seed article] are here. Brand → generic pairs: US FDA, Drugs@FDA (approved drug labels); each
brand maps to the generic named beside it, whose class is in medicines.MEDICINE_NAMES.
"""

# brand name (lower case) → generic name in MEDICINE_NAMES [Drugs@FDA labels]
BRAND_NAMES: dict[str, str] = {
    # bisphosphonates
    "fosamax": "alendronate",
    "binosto": "alendronate",
    "actonel": "risedronate",
    "atelvia": "risedronate",
    "boniva": "ibandronate",
    "reclast": "zoledronic acid",
    "zometa": "zoledronic acid",
    # tetracyclines
    "vibramycin": "doxycycline",
    "doryx": "doxycycline",
    "acticlate": "doxycycline",
    "oracea": "doxycycline",
    "minocin": "minocycline",
    "solodyn": "minocycline",
    "declomycin": "demeclocycline",
    # quinolones
    "cipro": "ciprofloxacin",
    "levaquin": "levofloxacin",
    "avelox": "moxifloxacin",
    "noroxin": "norfloxacin",
    # loop diuretics
    "lasix": "furosemide",
    "bumex": "bumetanide",
    "demadex": "torsemide",
    "soaanz": "torsemide",
    "edecrin": "ethacrynic acid",
    # thiazide and thiazide-like diuretics
    "microzide": "hydrochlorothiazide",
    "thalitone": "chlorthalidone",
    "zaroxolyn": "metolazone",
    "diuril": "chlorothiazide",
    # potassium-sparing diuretics
    "aldactone": "spironolactone",
    "carospir": "spironolactone",
    "midamor": "amiloride",
    "dyrenium": "triamterene",
    "inspra": "eplerenone",
    # proton pump inhibitors
    "prilosec": "omeprazole",
    "nexium": "esomeprazole",
    "prevacid": "lansoprazole",
    "dexilant": "dexlansoprazole",
    "protonix": "pantoprazole",
    "aciphex": "rabeprazole",
    # calcium channel blockers
    "norvasc": "amlodipine",
    "procardia": "nifedipine",
    "adalat": "nifedipine",
    "plendil": "felodipine",
    "cardizem": "diltiazem",
    "tiazac": "diltiazem",
    "calan": "verapamil",
    "verelan": "verapamil",
    # muscle relaxants
    "flexeril": "cyclobenzaprine",
    "amrix": "cyclobenzaprine",
    "lioresal": "baclofen",
    "zanaflex": "tizanidine",
    "robaxin": "methocarbamol",
    "soma": "carisoprodol",
    "skelaxin": "metaxalone",
}

# Everyday words → a class code. "Water pill" and "diuretic" do not say which kind: loop and thiazide
# diuretics lower magnesium, potassium-sparing ones raise it [ODS], so they map to the unspecified class.
EVERYDAY_WORDS: dict[str, str] = {
    "water pill": "diuretic",
    "water pills": "diuretic",
    "water tablet": "diuretic",
    "water tablets": "diuretic",
    "diuretic": "diuretic",
    "diuretics": "diuretic",
    "blood pressure": "blood-pressure",
    "blood pressure pill": "blood-pressure",
    "blood pressure pills": "blood-pressure",
    "blood pressure tablet": "blood-pressure",
    "blood pressure tablets": "blood-pressure",
    "blood pressure medicine": "blood-pressure",
    "blood pressure medication": "blood-pressure",
    "bp pill": "blood-pressure",
    "bp pills": "blood-pressure",
    "antacid pill": "ppi",
    "stomach acid pill": "ppi",
    "acid reflux pill": "ppi",
    "bone pill": "bisphosphonate",
    "osteoporosis pill": "bisphosphonate",
    "muscle relaxer": "muscle-relaxant",
    "muscle relaxers": "muscle-relaxant",
}

# Words that describe a dose or a form, not the medicine: "Lasix 40 mg tablets" is Lasix.
DOSE_WORDS = frozenset(
    {
        "mg",
        "mcg",
        "µg",
        "g",
        "ml",
        "tablet",
        "tablets",
        "tab",
        "tabs",
        "capsule",
        "capsules",
        "caps",
        "pill",
        "pills",
        "daily",
        "once",
        "twice",
        "a",
        "day",
        "weekly",
        "er",
        "xl",
        "xr",
        "sr",
        "cr",
        "la",
        "dr",
        "od",
    }
)
