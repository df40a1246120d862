"""Medicine classes that interact with magnesium, the common names that map to them, and timing gaps.

Sources: [ODS, "Interactions with Medications"] for bisphosphonates, tetracyclines, quinolones, diuretics
and proton pump inhibitors (with the FDA's 2011 safety communication on PPIs); the seed article ("The Link
Between Restless Legs Syndrome and Magnesium") for aminoglycosides, calcium channel blockers and muscle
relaxants, which the NIH fact sheet does not list.
"""

import datetime
import re
from dataclasses import dataclass

from .medicine_words import BRAND_NAMES, DOSE_WORDS, EVERYDAY_WORDS
from .targets import ODS_SOURCE

ODS_MEDICINES = f'{ODS_SOURCE}, "Interactions with Medications"'
SEED_SOURCE = 'Seed article "The Link Between Restless Legs Syndrome and Magnesium" (not in the NIH fact sheet)'
FDA_PPI_SOURCE = f"{ODS_MEDICINES}; US FDA drug safety communication on proton pump inhibitors (2011)"


UNCHECKED = "unchecked"  # a name the app does not know: kept and shown as not checked, never dropped


@dataclass(frozen=True)
class MedicineClass:
    label: str
    advice: str
    source: str


MEDICINE_CLASSES: dict[str, MedicineClass] = {
    "bisphosphonate": MedicineClass(
        "Bisphosphonate (for bone health)",
        "Magnesium may lower how much of this medicine your body absorbs: take them at least 2 hours apart.",
        ODS_MEDICINES,  # [ODS] at least 2 hours apart
    ),
    "tetracycline": MedicineClass(
        "Tetracycline antibiotic",
        "Magnesium may bind this antibiotic so less of it is absorbed: take the antibiotic at least 2 hours "
        "before, or 4–6 hours after, a magnesium supplement.",
        ODS_MEDICINES,  # [ODS] 2 h before or 4–6 h after
    ),
    "quinolone": MedicineClass(
        "Quinolone antibiotic",
        "Magnesium may bind this antibiotic so less of it is absorbed: take the antibiotic at least 2 hours "
        "before, or 4–6 hours after, a magnesium supplement.",
        ODS_MEDICINES,  # [ODS] 2 h before or 4–6 h after
    ),
    "aminoglycoside": MedicineClass(
        "Aminoglycoside antibiotic",
        "Magnesium may add to this antibiotic's effect on the muscles: ask your doctor or pharmacist before "
        "taking magnesium supplements.",
        SEED_SOURCE,
    ),
    "loop-diuretic": MedicineClass(
        "Loop diuretic (water pill)",
        "This medicine may make you lose more magnesium in your urine, which may lower your blood level: "
        "ask your doctor whether your magnesium should be checked.",
        ODS_MEDICINES,
    ),
    "thiazide-diuretic": MedicineClass(
        "Thiazide diuretic (water pill)",
        "This medicine may make you lose more magnesium in your urine, which may lower your blood level: "
        "ask your doctor whether your magnesium should be checked.",
        ODS_MEDICINES,
    ),
    "potassium-sparing-diuretic": MedicineClass(
        "Potassium-sparing diuretic (water pill)",
        "This medicine may make you keep more magnesium, so your level may rise: be careful with magnesium "
        "supplements and ask your doctor first.",
        ODS_MEDICINES,
    ),
    "ppi": MedicineClass(
        "Proton pump inhibitor (stomach acid medicine)",
        "Taken for a long time (usually over a year), this medicine may cause low magnesium, and supplements "
        "alone do not always correct it: ask your doctor about checking your level.",
        FDA_PPI_SOURCE,
    ),
    "calcium-channel-blocker": MedicineClass(
        "Calcium channel blocker (for blood pressure or heart)",
        "Magnesium may interact with this medicine: ask your doctor or pharmacist before taking magnesium supplements.",
        SEED_SOURCE,
    ),
    "muscle-relaxant": MedicineClass(
        "Muscle relaxant",
        "Magnesium may interact with this medicine: ask your doctor or pharmacist before taking magnesium supplements.",
        SEED_SOURCE,
    ),
    # What people type when they do not know the kind (issue 13): the advice says why the kind matters.
    "diuretic": MedicineClass(
        "Diuretic (water pill), kind not known",
        "Some water pills make you lose magnesium (loop and thiazide diuretics), others make you keep it "
        "(potassium-sparing ones): add its name if you can, and ask your doctor or pharmacist before taking "
        "magnesium supplements.",
        ODS_MEDICINES,
    ),
    "blood-pressure": MedicineClass(
        "Blood pressure medicine, kind not known",
        "Some blood pressure medicines may interact with magnesium (water pills, calcium channel blockers): add "
        "its name if you can, or ask your pharmacist whether yours does.",
        f"{ODS_MEDICINES}; {SEED_SOURCE}",
    ),
    UNCHECKED: MedicineClass(
        "Not checked by the app",
        "This app does not know this medicine, so it has not checked it against magnesium: ask your pharmacist "
        "whether it interacts.",
        "Not in the app's list of medicines that interact with magnesium",
    ),
}

MEDICINE_NAMES: dict[str, str] = {
    # Bisphosphonates [ODS: alendronate as the example]
    "alendronate": "bisphosphonate",
    "risedronate": "bisphosphonate",
    "ibandronate": "bisphosphonate",
    "zoledronic acid": "bisphosphonate",
    "etidronate": "bisphosphonate",
    # Tetracyclines [ODS: doxycycline as the example]
    "doxycycline": "tetracycline",
    "minocycline": "tetracycline",
    "tetracycline": "tetracycline",
    "demeclocycline": "tetracycline",
    # Quinolones [ODS: ciprofloxacin, levofloxacin]
    "ciprofloxacin": "quinolone",
    "levofloxacin": "quinolone",
    "moxifloxacin": "quinolone",
    "ofloxacin": "quinolone",
    "norfloxacin": "quinolone",
    # Aminoglycosides [seed article]
    "gentamicin": "aminoglycoside",
    "tobramycin": "aminoglycoside",
    "amikacin": "aminoglycoside",
    "neomycin": "aminoglycoside",
    "streptomycin": "aminoglycoside",
    # Loop diuretics [ODS: furosemide as the example]
    "furosemide": "loop-diuretic",
    "bumetanide": "loop-diuretic",
    "torsemide": "loop-diuretic",
    "ethacrynic acid": "loop-diuretic",
    # Thiazide and thiazide-like diuretics [ODS: hydrochlorothiazide as the example]
    "hydrochlorothiazide": "thiazide-diuretic",
    "chlorthalidone": "thiazide-diuretic",
    "indapamide": "thiazide-diuretic",
    "metolazone": "thiazide-diuretic",
    "chlorothiazide": "thiazide-diuretic",
    # Potassium-sparing diuretics [ODS: amiloride, spironolactone]
    "amiloride": "potassium-sparing-diuretic",
    "spironolactone": "potassium-sparing-diuretic",
    "triamterene": "potassium-sparing-diuretic",
    "eplerenone": "potassium-sparing-diuretic",
    # Proton pump inhibitors [ODS; FDA 2011]
    "omeprazole": "ppi",
    "esomeprazole": "ppi",
    "lansoprazole": "ppi",
    "dexlansoprazole": "ppi",
    "pantoprazole": "ppi",
    "rabeprazole": "ppi",
    # Calcium channel blockers [seed article]
    "amlodipine": "calcium-channel-blocker",
    "nifedipine": "calcium-channel-blocker",
    "felodipine": "calcium-channel-blocker",
    "diltiazem": "calcium-channel-blocker",
    "verapamil": "calcium-channel-blocker",
    # Muscle relaxants [seed article]
    "cyclobenzaprine": "muscle-relaxant",
    "baclofen": "muscle-relaxant",
    "tizanidine": "muscle-relaxant",
    "methocarbamol": "muscle-relaxant",
    "carisoprodol": "muscle-relaxant",
    "metaxalone": "muscle-relaxant",
}


def _known(key: str) -> str | None:
    if key in MEDICINE_CLASSES:
        return key
    if key.replace(" ", "-") in MEDICINE_CLASSES:
        return key.replace(" ", "-")
    if key in MEDICINE_NAMES:
        return MEDICINE_NAMES[key]
    if key in BRAND_NAMES:
        return MEDICINE_NAMES[BRAND_NAMES[key]]
    return EVERYDAY_WORDS.get(key)


def medicine_class_or_none(text: str) -> str | None:
    """The class code for what someone typed ("Lasix 40 mg", "water pill", "PPI"), or None when unknown."""
    if not isinstance(text, str):
        return None
    words = re.sub(r"[®™(),.;:/]+", " ", text.lower()).split()
    key = " ".join(words)
    if not key:
        return None
    without_dose = " ".join(w for w in words if w not in DOSE_WORDS and not any(c.isdigit() for c in w))
    for candidate in (key, without_dose, *without_dose.split()):
        code = _known(candidate) if candidate else None
        if code is not None:
            return code
    return None


def medicine_class(name_or_class: str) -> str:
    """The class code for a medicine name, brand, everyday word or class code, case-insensitive;
    unknown -> ValueError (the profile form keeps such a name as UNCHECKED instead)."""
    if not isinstance(name_or_class, str) or not name_or_class.strip():
        raise ValueError("Give a medicine name (e.g. omeprazole) or a medicine class.")
    code = medicine_class_or_none(name_or_class)
    if code is not None:
        return code
    raise ValueError(
        f"{name_or_class!r} is not a medicine we know interacts with magnesium. Known classes: "
        f"{', '.join(MEDICINE_CLASSES)}. Ask a pharmacist if you are unsure."
    )


# Timing rules [ODS "Interactions with Medications"].
BISPHOSPHONATE_GAP = datetime.timedelta(hours=2)  # [ODS] at least 2 hours apart
ANTIBIOTIC_BEFORE_GAP = datetime.timedelta(hours=2)  # [ODS] antibiotic at least 2 hours before magnesium
ANTIBIOTIC_AFTER_GAP = datetime.timedelta(hours=4)  # [ODS] or 4–6 hours after: 4 is the least that counts
TIMED_CLASSES = ("bisphosphonate", "tetracycline", "quinolone")
_DAY = datetime.timedelta(days=1)


def _minutes(t: datetime.time) -> datetime.timedelta:
    return datetime.timedelta(hours=t.hour, minutes=t.minute, seconds=t.second)


def hours_after(earlier: datetime.time, later: datetime.time) -> datetime.timedelta:
    """How long after `earlier` the next `later` comes, for times repeated every day (wraps at midnight)."""
    return (_minutes(later) - _minutes(earlier)) % _DAY


def timing_gap_ok(medicine_class_code: str, medicine_time: datetime.time, supplement_time: datetime.time) -> bool:
    """Whether a daily medicine time and a daily magnesium time are far enough apart.

    Both repeat every day, so a gap is measured both ways round the clock: an antibiotic at 23:00 and
    magnesium at 00:30 are 1.5 hours apart, not 22.5.
    """
    code = medicine_class(medicine_class_code)
    if code not in TIMED_CLASSES:
        raise ValueError(f"There is no timing rule for {code}; timed classes: {', '.join(TIMED_CLASSES)}.")
    supplement_after_medicine = hours_after(medicine_time, supplement_time)
    medicine_after_supplement = hours_after(supplement_time, medicine_time)
    if code == "bisphosphonate":
        return min(supplement_after_medicine, medicine_after_supplement) >= BISPHOSPHONATE_GAP
    # Antibiotic: at least 2 h before the next magnesium dose and at least 4 h after the last one.
    return supplement_after_medicine >= ANTIBIOTIC_BEFORE_GAP and medicine_after_supplement >= ANTIBIOTIC_AFTER_GAP
