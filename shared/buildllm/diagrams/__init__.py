"""Diagrams of the course's mechanisms, drawn with matplotlib.

A notebook shows a diagram by calling a drawing function (``draw_respond_pipeline()``, ...) in a code cell, so the
picture is stored as an ordinary output: it renders offline in JupyterLab, on Colab and on GitHub's notebook view,
and its source is this package. Each concept has its own module (``buildllm.diagrams.eliza``, ...) built from the
few shapes below.

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

# One palette for every diagram: what flows (data) vs what acts on it (steps) vs what is learned (parameters).
COLORS = {
    "data": "#dbe9f6",
    "step": "#fde9c9",
    "param": "#e3f1dc",
    "special": "#f6d6d6",
    "plain": "#f2f2f2",
}


def canvas(width: float, height: float, title: str | None = None):
    """A blank figure whose coordinates are (0, 0) bottom-left to (width, height) top-right, in inches."""
    fig, ax = plt.subplots(figsize=(width, height))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=12, fontweight="bold")
    return fig, ax


def box(ax, x: float, y: float, w: float, h: float, text: str = "", kind: str = "step", fontsize: float = 10,
        **text_options):
    """A rounded box with its lower-left corner at (x, y) and centred text; returns the box's centre."""
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.02,rounding_size=0.08",
                                facecolor=COLORS.get(kind, kind), edgecolor="#444444", linewidth=1.0))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=fontsize, **text_options)
    return x + w / 2, y + h / 2


def arrow(ax, start: tuple[float, float], end: tuple[float, float], label: str = "", fontsize: float = 9,
          color: str = "#444444", curve: float = 0.0):
    """An arrow from ``start`` to ``end`` with an optional label at its middle (``curve`` bends it)."""
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=color, linewidth=1.2,
                                 connectionstyle=f"arc3,rad={curve}"))
    if label:
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        ax.text(*middle, label, ha="center", va="center", fontsize=fontsize, color=color,
                bbox=dict(facecolor="white", edgecolor="none", pad=1.0))


def note(ax, x: float, y: float, text: str, fontsize: float = 9, **options):
    """Free text (a shape, an example) in the diagram's muted colour."""
    ax.text(x, y, text, fontsize=fontsize, color="#555555", **options)
