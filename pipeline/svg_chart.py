"""Horizontal stacked bar charts as inline SVG (no script, no web font): one bar per row label, one coloured segment
per series, a value axis with round ticks, the total at the end of each bar and a legend below. Every segment has a
<title>, which browsers show on hover."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from pipeline.wrap import display_width

# Tableau 10 and two more: distinguishable, and readable on white.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#86bcb6", "#d37295")
OTHER_COLOUR = "#d4d4d4"
FONT = "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"


@dataclass(frozen=True)
class Bar:
    label: str
    values: dict[str, float]  # series key -> value (negative values are not drawn)
    note: str = ""  # shown after the label in the bar's tooltip


def text_width(text: str, font_size: float) -> float:
    """Rough rendered width: a wide (CJK) character is about 1 em, any other about 0.58 em."""
    return display_width(text) * font_size * 0.55


def nice_step(maximum: float, ticks: int = 5) -> float:
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def _clip(text: str, font_size: float, room: float) -> str:
    if text_width(text, font_size) <= room:
        return text
    while text and text_width(text + "…", font_size) > room:
        text = text[:-1]
    return text + "…"


def stacked_bars(bars: list[Bar], series: dict[str, str], *, title: str, unit: str, width: int = 1120,
                 max_series: int = len(PALETTE)) -> str:
    """`series` maps each key to its legend label, in legend order. Beyond `max_series` keys the smallest are drawn
    together as one grey 其他 segment."""
    font = 12
    totals = {key: sum(max(b.values.get(key, 0.0), 0.0) for b in bars) for key in series}
    keys = [k for k in series if totals[k] > 0]
    if len(keys) > max_series:
        kept = set(sorted(keys, key=lambda k: -totals[k])[: max_series - 1])
        other = [k for k in keys if k not in kept]
        keys = [k for k in keys if k in kept] + ["__other__"]
        labels = {**series, "__other__": f"其他（{len(other)} 类）"}
        bars = [Bar(b.label, {**{k: v for k, v in b.values.items() if k in kept},
                              "__other__": sum(max(b.values.get(k, 0.0), 0.0) for k in other)}, b.note) for b in bars]
    else:
        labels = series
    colours = {k: (OTHER_COLOUR if k == "__other__" else PALETTE[i % len(PALETTE)]) for i, k in enumerate(keys)}

    label_room = min(max((text_width(b.label, font) for b in bars), default=60) + 12, width * 0.34)
    left, right, top, bar_h, gap = label_room + 8, 90, 34, 20, 10
    plot_w = width - left - right
    biggest = max((sum(max(v, 0.0) for v in b.values.values()) for b in bars), default=0.0)
    step = nice_step(biggest)
    axis_max = step * max(1, math.ceil(biggest / step)) if biggest > 0 else 1.0
    scale = plot_w / axis_max
    plot_bottom = top + len(bars) * (bar_h + gap)

    out: list[str] = []
    out.append(f'<text x="0" y="14" font-size="13" font-weight="600">{escape(title)}</text>')
    out.append(f'<text x="{width}" y="14" font-size="11" text-anchor="end" fill="#555">单位：{escape(unit)}</text>')
    tick = 0.0
    while tick <= axis_max + step / 2:
        x = left + tick * scale
        out.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{plot_bottom}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x:.1f}" y="{plot_bottom + 14}" font-size="10" text-anchor="middle" fill="#555">'
                   f"{fmt(tick)}</text>")
        tick += step
    for row, bar in enumerate(bars):
        y = top + row * (bar_h + gap)
        out.append(f'<text x="{left - 8:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="{font}" text-anchor="end">'
                   f"<title>{escape(bar.label)}</title>{escape(_clip(bar.label, font, label_room - 12))}</text>")
        x = left
        total = 0.0
        for key in keys:
            value = max(bar.values.get(key, 0.0), 0.0)
            if value <= 0:
                continue
            w = value * scale
            tip = f"{bar.label}{bar.note}\n{labels[key]}：{fmt(value)} {unit}"
            out.append(f'<rect x="{x:.2f}" y="{y}" width="{max(w, 0.5):.2f}" height="{bar_h}" fill="{colours[key]}">'
                       f"<title>{escape(tip)}</title></rect>")
            x += w
            total += value
        out.append(f'<text x="{x + 5:.1f}" y="{y + bar_h * 0.7:.1f}" font-size="11" fill="#333">{fmt(total)}</text>')
    out.append(f'<line x1="{left}" y1="{top - 6}" x2="{left}" y2="{plot_bottom}" stroke="#999"/>')

    legend_y = plot_bottom + 34
    x = 0.0
    for key in keys:
        item = f"{labels[key]}（{fmt(sum(max(b.values.get(key, 0.0), 0.0) for b in bars))}）"
        item_w = 18 + text_width(item, 11) + 16
        if x + item_w > width and x > 0:
            x, legend_y = 0.0, legend_y + 20
        out.append(f'<rect x="{x:.1f}" y="{legend_y - 10}" width="12" height="12" fill="{colours[key]}"/>')
        out.append(f'<text x="{x + 17:.1f}" y="{legend_y}" font-size="11">{escape(item)}</text>')
        x += item_w
    height = legend_y + 12
    return (f'<svg role="img" aria-label="{escape(title)}" width="{width}" '
            f'height="{height:.0f}" viewBox="0 0 {width} {height:.0f}" font-family="{escape(FONT)}" '
            f'style="max-width:100%;height:auto">' + "".join(out) + "</svg>")
