"""Small server-rendered SVG charts for the insights page (plain Python, no Django).

One chart per measure, all sharing the same x axis (days or weeks), so they read as small multiples
stacked on a phone. No inline `style` attributes (the Content Security Policy forbids them): colours
come from classes in static/css/diary.css; geometry uses SVG presentation attributes, which it allows.
Every chart has a <title> and a <desc> that says the numbers in words for screen readers, and
a gap (no value that day) is drawn as nothing, never as zero.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 350, 130
LEFT, RIGHT, TOP, BOTTOM = 34, 6, 10, 22


@dataclass(frozen=True)
class Point:
    label: str  # "3 Nov" or "week of 3 Nov"
    value: float | None  # None: no value (a gap)
    css: str = ""  # extra class for this mark, e.g. "planned"
    tick: bool = True  # write the label under the axis


def _top(values: Sequence[float], fixed: float | None) -> float:
    if fixed is not None:
        return fixed
    top = max([*values, 1.0])
    step = 10 if top <= 50 else 50 if top <= 250 else 100
    return float(-(-top // step) * step)


def chart_svg(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    unit: str,
    kind: str = "bar",
    top: float | None = None,
    decimals: int = 0,
) -> str:
    """Bars (kind="bar") or dots joined by a line that breaks at gaps (kind="line")."""
    known = [p.value for p in points if p.value is not None]
    top = _top(known, top)
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / max(len(points), 1)
    bar_w = max(slot * 0.7, 1.0)

    def y_of(value: float) -> float:
        return TOP + plot_h - (min(value, top) / top) * plot_h

    marks: list[str] = []
    ticks: list[str] = []
    described: list[str] = []
    segment: list[tuple[float, float]] = []
    lines: list[list[tuple[float, float]]] = []
    for i, point in enumerate(points):
        centre = LEFT + i * slot + slot / 2
        if point.tick:
            ticks.append(f'<text x="{centre:.1f}" y="{HEIGHT - 6}" text-anchor="middle">{escape(point.label)}</text>')
        if point.value is None:
            described.append(f"{point.label}: no value")
            if len(segment) > 1:
                lines.append(segment)
            segment = []
            continue
        extra = f" {point.css}" if point.css else ""
        value_text = f"{point.value:.{decimals}f}"
        described.append(f"{point.label}: {value_text} {unit}{' (' + point.css + ')' if point.css else ''}")
        y = y_of(point.value)
        if kind == "bar":
            marks.append(
                f'<rect class="mark bar{extra}" x="{centre - bar_w / 2:.1f}" y="{y:.1f}" '
                f'width="{bar_w:.1f}" height="{TOP + plot_h - y:.1f}"/>'
            )
        else:
            marks.append(f'<circle class="mark dot{extra}" cx="{centre:.1f}" cy="{y:.1f}" r="2.5"/>')
            segment.append((centre, y))
    if len(segment) > 1:
        lines.append(segment)
    paths = [
        '<polyline class="trend" fill="none" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in seg) + '"/>'
        for seg in lines
    ]
    axis = [
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}"/>',
        f'<line class="grid" x1="{LEFT}" y1="{TOP}" x2="{WIDTH - RIGHT}" y2="{TOP}"/>',
        f'<text x="{LEFT - 4}" y="{TOP + plot_h}" text-anchor="end">0</text>',
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end">{top:.0f}</text>',
    ]
    desc = f"{title}, in {unit}. " + "; ".join(described) + "."
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        + "".join(axis)
        + "".join(paths)
        + "".join(marks)
        + "".join(ticks)
        + "</svg>"
    )
