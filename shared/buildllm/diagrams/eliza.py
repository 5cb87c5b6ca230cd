"""Notebook 01's diagram: how ELIZA turns one line of input into a reply.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from . import arrow, box, canvas, note

# One input followed through every step, as DOCTOR answers it (the notebook prints the same reply).
EXAMPLE = [
    '"Well, my sister never listens to me."',
    "[well]  [my sister never listens to me]",
    "my (rank 2), @family (rank 1)",
    "* my @family *  \u2192  {1}=''  {2}=my  {3}=sister\n{4}='never listens to me'",
    "\"Who else in your family {4}?\"\n{4} reflected: 'never listens to you'",
    '"Who else in your family never listens to you?"',
]
STEPS = [
    ("input line", "data"),
    ("clauses of lower-case words\n(substitutions: mum \u2192 mother)", "step"),
    ("keywords of a clause,\nhighest rank first", "step"),
    ("decomposition: the keyword's\nfirst pattern that fits", "step"),
    ("reassembly: the rule's next\nreply, components reflected", "step"),
    ("reply", "data"),
]
LOOP_COLOR, KEEP_COLOR = "#8a5a00", "#2e6b1f"


def draw_respond_pipeline():
    """ELIZA's respond pipeline: the main path down the middle, a worked example on the right, the other exits left."""
    fig, ax = canvas(13, 7.6, title="How ELIZA answers one line")
    x, w, h, top, step = 3.9, 3.3, 0.8, 6.4, 1.2
    centres = [box(ax, x, top - i * step, w, h, text, kind=kind, fontsize=9.5)
               for i, (text, kind) in enumerate(STEPS)]
    for (cx, cy), (_, next_cy) in zip(centres, centres[1:]):
        arrow(ax, (cx, cy - h / 2), (cx, next_cy + h / 2))
    for (_, cy), example in zip(centres, EXAMPLE):
        note(ax, x + w + 0.75, cy, example, fontsize=9, family="monospace", va="center")
    note(ax, x + w + 0.75, top + h + 0.05, "example (DOCTOR script)", fontsize=9, fontweight="bold")

    # Exits before any keyword: silence and goodbye.
    clause_y = centres[1][1]
    for dy, text in [(0.45, "no words at all:\nthe next 'empty' reply"),
                     (-0.45, "first word is a goodbye word:\nthe goodbye; the talk ends")]:
        exit_box = box(ax, 0.2, clause_y + dy - 0.3, 2.9, 0.6, text, kind="special", fontsize=8.5)
        arrow(ax, (x, clause_y + dy / 3), (exit_box[0] + 1.45, exit_box[1]))

    # No pattern fits: the next keyword (then the next clause); none left at all: memory, else fallback.
    keyword_y, pattern_y = centres[2][1], centres[3][1]
    arrow(ax, (x + w, pattern_y + 0.1), (x + w, keyword_y - 0.1), curve=0.8, color=LOOP_COLOR)
    ax.text(x + w + 0.75, (keyword_y + pattern_y) / 2, "none fits: next keyword,\nthen next clause", fontsize=8.5,
            color=LOOP_COLOR, va="center")
    memory = box(ax, 0.2, pattern_y - 0.45, 2.9, 0.9, "no keyword fits in any clause:\nthe oldest memory if any,\n"
                 "else the next fallback", kind="special", fontsize=8.5)
    arrow(ax, (x, pattern_y), (memory[0] + 1.45, memory[1]))

    # An answering keyword with memory rules puts a reply aside for later.
    assembly_y = centres[4][1]
    store = box(ax, 0.2, assembly_y - 1.0, 2.9, 0.6, "memory: if a memory rule fits,\nits reply waits for a later line",
                kind="param", fontsize=8.5)
    arrow(ax, (x, assembly_y - 0.2), (store[0] + 1.45, store[1] + 0.3), color=KEEP_COLOR)
    arrow(ax, (store[0] - 0.9, store[1] + 0.3), (memory[0] - 0.9, memory[1] - 0.45), color=KEEP_COLOR)
    note(ax, 0.2, 0.1, "pink: the ways out that skip decomposition; green: what ELIZA keeps between lines",
         fontsize=8.5)
    return fig
