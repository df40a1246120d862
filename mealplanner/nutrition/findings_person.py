"""Findings about the person, stated once per plan: conditions, medicines and their timing, side effects.

Finding codes (stable; the UI and tests may rely on them):
  infant, infant-supplement, kidney-supplement, kidney-no-supplement, kidney-potassium-phosphorus,
  bleeding-disorder, medicine-<class code>, timing-ok, timing-too-close, side-effects
"""

from collections.abc import Sequence

from .medicines import MEDICINE_CLASSES, SEED_SOURCE, TIMED_CLASSES, timing_gap_ok
from .people import Finding, Person, SupplementDose, Target, sort_findings
from .targets import LIMIT_SOURCE, ODS_SOURCE, supplement_limit_mg, target_mg_and_label

CUSTOM_TARGET_SOURCE = "Set by your dietitian"
KIDNEY_SOURCE = f'{ODS_SOURCE}, "Health Risks from Excessive Magnesium"; seed article'
KIDNEY_LIMITS_SOURCE = (
    'NIH NIDDK National Kidney Disease Education Program, "Chronic Kidney Disease (CKD) and Diet: Assessment, '
    'Management, and Treatment" (2015); the limits themselves come from your care team'
)
SIDE_EFFECTS_SOURCE = f'{ODS_SOURCE}, "Health Risks from Excessive Magnesium"; seed article'


def target_for(person: Person) -> Target:
    """The person's daily magnesium target: a dietitian's custom target wins over the tables."""
    if person.custom_target_mg is not None:
        return Target(person.custom_target_mg, True, CUSTOM_TARGET_SOURCE, "Custom target set by your dietitian")
    mg, label = target_mg_and_label(person.age_years, person.sex, pregnant=person.pregnant, lactating=person.lactating)
    return Target(mg, False, f"{ODS_SOURCE}, Table 1", label)


def supplement_limit_for(person: Person) -> int | None:
    """The upper limit (mg/day) for supplements and medicines for this person [ODS Table 3]; None under 1."""
    return supplement_limit_mg(person.age_years)


def _hhmm(t) -> str:
    return t.strftime("%H:%M")


def _timing_findings(person: Person, supplements: Sequence[SupplementDose]) -> list[Finding]:
    findings = []
    for medicine in person.medicines:
        if medicine.medicine_class not in TIMED_CLASSES or medicine.time_taken is None:
            continue
        for dose in supplements:
            if dose.time_taken is None:
                continue
            ok = timing_gap_ok(medicine.medicine_class, medicine.time_taken, dose.time_taken)
            if medicine.medicine_class == "bisphosphonate":
                rule = "they should be at least 2 hours apart"
            else:
                rule = "the antibiotic should come at least 2 hours before, or 4–6 hours after, the magnesium"
            times = f"{medicine.name} at {_hhmm(medicine.time_taken)} and {dose.name} at {_hhmm(dose.time_taken)}"
            if ok:
                findings.append(
                    Finding(
                        "info",
                        "timing-ok",
                        f"{times}: the gap is enough ({rule}).",
                        MEDICINE_CLASSES[medicine.medicine_class].source,
                    )
                )
            else:
                findings.append(
                    Finding(
                        "caution",
                        "timing-too-close",
                        f"{times}: the gap is not enough; {rule}. Otherwise the medicine may not work as well.",
                        MEDICINE_CLASSES[medicine.medicine_class].source,
                    )
                )
    return findings


def person_findings(person: Person, *, supplements: Sequence[SupplementDose]) -> list[Finding]:
    """What to know about this person once per plan, most serious first."""
    supplements = tuple(supplements)
    if not all(isinstance(s, SupplementDose) for s in supplements):
        raise ValueError("Each supplement must be a SupplementDose.")
    findings: list[Finding] = []
    if person.age_years < 1:
        # [ODS Table 3]: no upper limit is established for babies; their magnesium comes from milk and food.
        findings.append(
            Finding(
                "info",
                "infant",
                "For babies under 1 year this app makes no meal plan and suggests no supplements: follow your "
                "paediatrician's advice on feeding.",
                LIMIT_SOURCE,
            )
        )
        if supplements:
            findings.append(
                Finding(
                    "danger",
                    "infant-supplement",
                    "Magnesium supplements are not for babies under 1 year unless a paediatrician prescribes them.",
                    LIMIT_SOURCE,
                )
            )
    if person.kidney_disease:
        if supplements:
            findings.append(
                Finding(
                    "danger",
                    "kidney-supplement",
                    "With kidney disease your body may not clear extra magnesium, so it may build up to harmful "
                    "levels. Take magnesium supplements, antacids or laxatives only under your doctor's supervision.",
                    KIDNEY_SOURCE,
                )
            )
        else:
            findings.append(
                Finding(
                    "info",
                    "kidney-no-supplement",
                    "With kidney disease, talk to your doctor before taking any magnesium supplement, antacid or "
                    "laxative: your body may not clear extra magnesium.",
                    KIDNEY_SOURCE,
                )
            )
        findings.append(
            Finding(
                "caution",
                "kidney-potassium-phosphorus",
                "People with kidney disease often have limits for potassium and phosphorus set by their care team. "
                "Many magnesium-rich foods are also high in these: check the plan with your care team.",
                KIDNEY_LIMITS_SOURCE,
            )
        )
    if person.bleeding_disorder:
        findings.append(
            Finding(
                "caution",
                "bleeding-disorder",
                "With a bleeding disorder, ask your doctor before taking magnesium supplements: magnesium may slow "
                "blood clotting (the evidence for this is limited).",
                SEED_SOURCE,
            )
        )
    for medicine in person.medicines:
        info = MEDICINE_CLASSES[medicine.medicine_class]
        findings.append(
            Finding(
                "caution" if supplements else "info",
                f"medicine-{medicine.medicine_class}",
                f"{medicine.name} — {info.label}: {info.advice}",
                info.source,
            )
        )
    # A plan repeats the same dose on several days: say each timing once.
    findings.extend(dict.fromkeys(_timing_findings(person, supplements)))
    if supplements:
        findings.append(
            Finding(
                "info",
                "side-effects",
                "Magnesium supplements may cause stomach upset, cramping, diarrhoea or nausea. Lowering the dose "
                "may ease them.",
                SIDE_EFFECTS_SOURCE,
            )
        )
    return sort_findings(findings)
