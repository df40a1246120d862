"""A day's headline: one short line that leads with its worst finding (issue 13).

A day over the supplement limit never shows "target reached" or any success mark, whatever its magnesium:
the danger comes first, and the success mark only when nothing needs attention.
"""

from dataclasses import dataclass

from .people import Finding, sort_findings


@dataclass(frozen=True)
class Headline:
    level: str  # "danger", "caution", "success" or "below": for the CSS class; the icon and text say it too
    icon: str
    text: str

    @property
    def is_success(self) -> bool:
        return self.level == "success"


def day_headline(findings: list[Finding], *, magnesium_mg: float, target_mg: float) -> Headline | None:
    """The headline for a day with these findings; None for a day with no target to compare with."""
    worst = sort_findings(findings)[0] if findings else None
    if worst is not None and worst.level == "danger":
        return Headline("danger", "⛔", "Danger: read the warning below first")
    if worst is not None and worst.level == "caution":
        return Headline("caution", "⚠", "Caution: see the note below")
    if not target_mg:
        return None
    if magnesium_mg >= target_mg:
        return Headline("success", "✓", "Target reached")
    return Headline("below", "↓", "Below target")
