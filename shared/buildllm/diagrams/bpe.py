"""Notebook 04's diagram: the merge tree of a word, how BPE builds its tokens from bytes, merge by merge.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from . import arrow, box, canvas, note

BOX_W, BOX_H = 0.95, 0.62  # one node, in inches
STEP_X, STEP_Y = 1.1, 1.0  # distance between neighbouring leaves, and between levels


def _label(token: bytes) -> str:
    """A token as readable text: its space drawn as a visible mark."""
    return token.decode("utf-8", errors="replace").replace(" ", "\u2423")


def _layout(ids: list[int], parts: dict[int, tuple[int, int]]):
    """Each node of the merge trees of ``ids``: (id, x, level, children), leaves numbered left to right."""
    nodes, next_leaf = [], 0

    def place(token_id: int) -> tuple[float, int]:
        nonlocal next_leaf
        if token_id not in parts:  # a single byte: a leaf
            x, level, children = next_leaf * STEP_X, 0, []
            next_leaf += 1
        else:
            children = [place(child) for child in parts[token_id]]
            x = sum(cx for cx, _ in children) / 2
            level = 1 + max(cl for _, cl in children)
        nodes.append((token_id, x, level, children))
        return x, level

    roots = [place(token_id) for token_id in ids]
    return nodes, roots


def draw_merge_tree(ids: list[int], merges: dict[tuple[int, int], int], vocab: dict[int, bytes], title: str = ""):
    """The merge trees of the tokens ``ids`` (one word's encoding): bytes at the bottom, each merge above its parts.

    ``merges`` maps each learned pair of ids to its new id (as the teaching trainer returns it); ``vocab`` maps ids to
    bytes. Higher ids were learned later.
    """
    parts = {new_id: pair for pair, new_id in merges.items()}
    nodes, roots = _layout(ids, parts)
    n_leaves = sum(1 for _, _, level, _ in nodes if level == 0)
    top = max(level for _, level in roots)
    margin_x, margin_y = 1.7, 0.9
    width = margin_x + n_leaves * STEP_X + 0.3
    height = margin_y + top * STEP_Y + BOX_H + 0.4
    text = "".join(_label(vocab[i]) for i in ids)
    title = title or f"How BPE builds \u201c{text}\u201d from bytes, merge by merge"
    fig, ax = canvas(max(width, 7.5), height, title=title)

    def centre(x: float, level: int) -> tuple[float, float]:
        return margin_x + x + BOX_W / 2, margin_y + level * STEP_Y + BOX_H / 2

    root_ids = set(ids)
    for token_id, x, level, children in nodes:
        cx, cy = centre(x, level)
        kind = "data" if level == 0 else ("step" if token_id in root_ids else "param")
        box(ax, cx - BOX_W / 2, cy - BOX_H / 2, BOX_W, BOX_H, f"{_label(vocab[token_id])}\nid {token_id}", kind=kind,
            fontsize=9, family="monospace")
        for child_x, child_level in children:
            child = centre(child_x, child_level)
            arrow(ax, (child[0], child[1] + BOX_H / 2), (cx, cy - BOX_H / 2))
    note(ax, 0.1, margin_y + BOX_H / 2, "bytes\n(ids 0\u2013255)", va="center")
    for level in range(1, top + 1):
        note(ax, 0.1, margin_y + level * STEP_Y + BOX_H / 2, f"merge level {level}", va="center")
    note(ax, margin_x, 0.15, "Blue: bytes.  Green: a merged token inside the word.  Orange: the tokens the encoder "
         "outputs.\nEach box is the merge of the two below it; ids count up in the order the merges were learned. "
         "\u2423 is a space.", fontsize=8.5)
    return fig
