"""Notebook 07's diagrams: one head of causal self-attention, and how multi-head attention splits and joins heads.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from matplotlib.patches import Rectangle

from . import arrow, box, canvas, note

HEAD_COLORS = ["#9ecae1", "#fdae6b", "#a1d99b", "#bcbddc"]  # one light colour per head


def draw_attention_head():
    """The computation of one head: x to queries, keys and values, to weights, to the context vectors."""
    fig, ax = canvas(15.0, 5.6, title="One head of causal self-attention (shapes for one sequence of T tokens)")
    box(ax, 0.2, 2.35, 1.5, 0.9, "x\n(T, d_in)", kind="data")
    rows = {"query": 4.05, "key": 2.35, "value": 0.65}
    for name, y in rows.items():
        arrow(ax, (1.7, 2.8), (2.3, y + 0.45))
        box(ax, 2.3, y, 1.4, 0.9, f"W_{name}\n(d_in, d_out)", kind="param", fontsize=9)
        arrow(ax, (3.7, y + 0.45), (4.2, y + 0.45))
        letter = {"query": "Q", "key": "K", "value": "V"}[name]
        plural = "queries" if name == "query" else name + "s"
        box(ax, 4.2, y, 1.3, 0.9, f"{letter}: {plural}\n(T, d_out)", kind="data", fontsize=9)
    # Scores from queries and keys, then the chain of steps along the top row.
    box(ax, 6.0, 3.25, 1.3, 0.9, "scores\nQ @ Kᵀ", fontsize=9)
    arrow(ax, (5.5, 4.5), (6.0, 3.9))
    arrow(ax, (5.5, 2.8), (6.0, 3.5))
    steps = [("÷ √d_out", "section 3"), ("mask the future\n−∞ above diagonal", "section 4"),
             ("softmax\nover each row", "section 1"), ("dropout\n(training only)", "section 4")]
    x = 7.6
    arrow(ax, (7.3, 3.7), (x, 3.7))
    for text, where in steps:
        box(ax, x, 3.25, 1.6, 0.9, text, fontsize=8.5)
        note(ax, x + 0.8, 3.0, where, fontsize=8, ha="center")
        if x < 12.0:
            arrow(ax, (x + 1.6, 3.7), (x + 1.85, 3.7))
        x += 1.85
    note(ax, 7.6, 4.45, "every step keeps the shape (T, T): one row per query, one column per key", fontsize=9)
    # Weights times values gives the output.
    box(ax, 11.2, 0.65, 1.4, 0.9, "weights @ V", fontsize=9)
    arrow(ax, (x - 1.05, 3.25), (12.2, 1.55), label="weights (T, T)")
    arrow(ax, (5.5, 1.1), (11.2, 1.1), label="values (T, d_out)")
    box(ax, 13.2, 0.65, 1.5, 0.9, "context\n(T, d_out)", kind="data", fontsize=9)
    arrow(ax, (12.6, 1.1), (13.2, 1.1))
    note(ax, 0.2, 0.1, "Row i of the output is a weighted average of the values of tokens 0..i; "
         "the weights say how much token i attends to each of them.", fontsize=9)
    return fig


def _grid(ax, x: float, y: float, rows: int, cols: int, colors: list[str], cell: float = 0.3):
    """A (rows x cols) grid of cells, column c coloured colors[c]; returns its centre."""
    for r in range(rows):
        for c in range(cols):
            ax.add_patch(Rectangle((x + c * cell, y + (rows - 1 - r) * cell), cell, cell, facecolor=colors[c],
                                   edgecolor="#555555", linewidth=0.6))
    return x + cols * cell / 2, y + rows * cell / 2


def draw_head_split(tokens: int = 4, d_model: int = 6, num_heads: int = 3):
    """(B, T, C) -> (B, H, T, C/H) -> attention in each head -> (B, T, C), one sequence of the batch drawn."""
    head_dim, cell = d_model // num_heads, 0.3
    fig, ax = canvas(14.6, 5.9, title=f"Splitting {num_heads} heads with a reshape: (B, T, C) → (B, H, T, C/H) and back"
                     f"   (drawn: T = {tokens}, C = {d_model}, H = {num_heads})")
    colors = [HEAD_COLORS[c // head_dim % len(HEAD_COLORS)] for c in range(d_model)]
    top = 2.2  # bottom edge of the full (T, C) grids
    cx, cy = _grid(ax, 0.4, top, tokens, d_model, colors, cell)
    note(ax, cx, top + tokens * cell + 0.25, "queries (B, T, C)\none row per token", ha="center")
    note(ax, cx, top - 0.75, "columns coloured by head:\nhead h owns columns h·C/H to (h+1)·C/H\n"
         "(keys and values split the same way)", ha="center", fontsize=8.5)
    # The heads, one small grid each, stacked.
    hx, gap = 4.3, tokens * cell + 0.35
    first_y = top + (tokens * cell) / 2 + gap * (num_heads - 1) / 2 - tokens * cell / 2
    arrow(ax, (0.4 + d_model * cell + 0.15, cy), (hx - 0.2, cy),
          label=".view(B, T, H, C/H)\n.transpose(1, 2)", fontsize=8.5)
    for h in range(num_heads):
        y = first_y - h * gap
        _grid(ax, hx, y, tokens, head_dim, [HEAD_COLORS[h % len(HEAD_COLORS)]] * head_dim, cell)
        note(ax, hx + head_dim * cell + 0.1, y + tokens * cell / 2 - 0.07, f"head {h}: (T, C/H)", fontsize=8.5)
    note(ax, hx + 0.3, first_y + tokens * cell + 0.2, "(B, H, T, C/H)", ha="center")
    # Attention inside each head.
    ax_ = 7.0
    box(ax, ax_, cy - 0.75, 2.4, 1.5, "attention in every head\nat once:\nweights (B, H, T, T)\n"
        "context (B, H, T, C/H)", fontsize=9)
    arrow(ax, (hx + 2.0, cy), (ax_, cy))
    # And back.
    bx = 11.6
    arrow(ax, (ax_ + 2.4, cy), (bx - 0.15, cy), label=".transpose(1, 2)\n.reshape(B, T, C)", fontsize=8.5)
    ox, oy = _grid(ax, bx, top, tokens, d_model, colors, cell)
    note(ax, ox, top + tokens * cell + 0.25, "heads side by side\n(B, T, C)", ha="center")
    box(ax, bx - 0.5, 0.55, d_model * cell + 1.0, 0.6, "proj: (B, T, C) → (B, T, C)\nmixes the heads", fontsize=8.5)
    arrow(ax, (ox, top - 0.05), (ox, 1.15))
    note(ax, 0.4, 0.15, "The split moves no numbers: .view and .transpose only change how the same memory is read, "
         "so all heads run in one batched matrix multiply.", fontsize=9)
    return fig
