"""Diagrams for notebook 06 (embeddings): the lookup as one-hot times a matrix, and a batch's input embeddings.

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

from matplotlib.patches import Rectangle

from . import COLORS, arrow, box, canvas, note


def _grid(ax, x, y, rows, cols, cell, kind="plain", highlight_rows=(), highlight_cols=(), values=None):
    """A matrix drawn as a grid of cells, lower-left corner at (x, y); highlighted rows/columns in the param colour."""
    for r in range(rows):
        for c in range(cols):
            lit = r in highlight_rows or c in highlight_cols
            colour = COLORS["special"] if lit else COLORS.get(kind, kind)
            top = y + (rows - 1 - r) * cell  # row 0 on top
            ax.add_patch(Rectangle((x + c * cell, top), cell, cell, facecolor=colour, edgecolor="#666666",
                                   linewidth=0.6))
            if values is not None:
                ax.text(x + (c + 0.5) * cell, top + cell / 2, values[r][c], ha="center", va="center", fontsize=8)


def draw_lookup(token_id: int = 2, vocab_size: int = 6, dim: int = 3):
    """One-hot row vector x embedding matrix = the matrix's row for that id (the row and the 1 highlighted)."""
    fig, ax = canvas(11, 3.8, title=f"An embedding is a lookup: one-hot({token_id}) @ W picks row {token_id} of W")
    cell = 0.42
    values = [[f"{((7 * r + 3 * c) % 10 - 4.5) / 5:.1f}" for c in range(dim)] for r in range(vocab_size)]
    y_row = 1.6
    _grid(ax, 0.3, y_row, 1, vocab_size, cell, kind="data", highlight_cols=(token_id,),
          values=[["1" if i == token_id else "0" for i in range(vocab_size)]])
    note(ax, 0.3, y_row + 0.6, f"one-hot of id {token_id}\n(1, V = {vocab_size})")
    ax.text(0.3 + vocab_size * cell + 0.3, y_row + cell / 2, "@", ha="center", va="center", fontsize=16)
    x_w, y_w = 3.7, 0.45
    _grid(ax, x_w, y_w, vocab_size, dim, cell, kind="param", highlight_rows=(token_id,), values=values)
    for i in range(vocab_size):
        note(ax, x_w - 0.08, y_w + (vocab_size - 1 - i) * cell + cell / 2, f"id {i}", fontsize=8, ha="right",
             va="center")
    note(ax, x_w, y_w + vocab_size * cell + 0.12, f"W: embedding table\n(V = {vocab_size}, C = {dim})")
    ax.text(x_w + dim * cell + 0.4, y_row + cell / 2, "=", ha="center", va="center", fontsize=16)
    x_out = x_w + dim * cell + 0.8
    _grid(ax, x_out, y_row, 1, dim, cell, kind="special", values=[values[token_id]])
    note(ax, x_out, y_row + 0.6, f"row {token_id} of W\n(1, C = {dim})")
    x_side = x_out + dim * cell + 0.6
    box(ax, x_side, 2.0, 3.3, 1.0, "one-hot @ W: V x C multiply-adds\nper token, almost all of them x 0", kind="step",
        fontsize=9)
    box(ax, x_side, 0.55, 3.3, 1.0, "W[id]: copy the C numbers of one row\nno one-hot matrix, no multiplications",
        kind="param", fontsize=9)
    arrow(ax, (x_side + 1.65, 2.0), (x_side + 1.65, 1.57), label="same result")
    return fig


def draw_input_embeddings(batch_size: int = 8, context_length: int = 64, dim: int = 128, vocab_size: int = 4096):
    """The shapes from a batch of ids to the model's input: token table + position table, added with broadcasting."""
    B, T, C, V = batch_size, context_length, dim, vocab_size
    fig, ax = canvas(13, 4.2, title="Input embeddings for one batch: shapes at every step")
    top, bottom, h = 2.75, 0.55, 0.9
    ids = box(ax, 0.2, top, 2.2, h, f"token ids\n(B, T) = ({B}, {T})", kind="data")
    table = box(ax, 3.6, top, 2.6, h, f"token embedding table\n(V, C) = ({V}, {C})", kind="param", fontsize=9)
    tokens = box(ax, 7.4, top, 2.6, h, f"token embeddings\n(B, T, C) = ({B}, {T}, {C})", kind="data", fontsize=9)
    arrow(ax, (2.4, ids[1]), (3.6, table[1]), label="look up")
    arrow(ax, (6.2, table[1]), (7.4, tokens[1]), label="row per id")
    positions = box(ax, 0.2, bottom, 2.2, h, f"positions 0 .. T-1\n(T,) = ({T},)", kind="data")
    pos_table = box(ax, 3.6, bottom, 2.6, h, f"position embedding table\n(context, C) = ({T}, {C})", kind="param",
                    fontsize=9)
    pos = box(ax, 7.4, bottom, 2.6, h, f"position embeddings\n(T, C) = ({T}, {C})", kind="data", fontsize=9)
    arrow(ax, (2.4, positions[1]), (3.6, pos_table[1]), label="look up")
    arrow(ax, (6.2, pos_table[1]), (7.4, pos[1]), label="row per position")
    plus = (10.75, (top + bottom + h) / 2)
    ax.text(*plus, "+", ha="center", va="center", fontsize=22, fontweight="bold")
    arrow(ax, (10.0, tokens[1]), (plus[0] - 0.1, plus[1] + 0.25))
    arrow(ax, (10.0, pos[1]), (plus[0] - 0.1, plus[1] - 0.25))
    box(ax, 11.3, plus[1] - 0.45, 1.6, h, f"input x\n({B}, {T}, {C})", kind="special", fontsize=9)
    arrow(ax, (plus[0] + 0.2, plus[1]), (11.3, plus[1]))
    note(ax, 10.3, 0.1, "the (T, C) table is added to\neach of the B sequences\n(broadcasting)", fontsize=8.5)
    return fig
