"""Notebook 11's diagram: one instruction example as inputs and targets, with padding and the prompt masked.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from . import box, canvas, note

# A toy example: a three-token prompt, a two-token response, the end token, then two padding positions.
SEQUENCE = ["###", " Instr", "…\\n", "cats", ".", "<eot>"]
PROMPT, PAD = 3, 2
CELL, GAP, X0 = 0.95, 0.08, 1.6


def _x(position: int) -> float:
    return X0 + position * (CELL + GAP)


def draw_prompt_masking():
    """Inputs are the sequence without its last token; targets the sequence shifted by one, with -100 where the
    target is a prompt token (masked) or padding (ignored)."""
    width = len(SEQUENCE) - 1 + PAD  # positions in the padded row
    fig, ax = canvas(_x(width) + 0.4, 3.6,
                     title="One row of a batch: only the response and the end token are learned")
    for j in range(width):
        real = j < len(SEQUENCE) - 1
        token = SEQUENCE[j] if real else "<eot>"
        kind = "plain" if not real else ("special" if token == "<eot>" else "data")
        box(ax, _x(j), 2.3, CELL, 0.45, token, kind=kind, fontsize=9, family="monospace")
        note(ax, _x(j) + CELL / 2, 2.05, str(j), fontsize=8, ha="center")
        if real and j + 1 < PROMPT:
            label, kind = "-100", "plain"  # the target is a prompt token: masked
        elif real:
            label, kind = SEQUENCE[j + 1], "param"  # a response token or the end token: learned
        else:
            label, kind = "-100", "plain"  # padding: ignored
        box(ax, _x(j), 1.2, CELL, 0.45, label, kind=kind, fontsize=9, family="monospace")
    note(ax, 0.1, 2.45, "inputs", fontsize=10)
    note(ax, 0.1, 1.35, "targets", fontsize=10)
    spans = [(0, PROMPT - 1, "prompt targets: masked (-100)"), (PROMPT - 1, len(SEQUENCE) - 1, "learned"),
             (len(SEQUENCE) - 1, width, "padding: ignored (-100)")]
    for start, end, text in spans:
        left, right = _x(start), _x(end) - GAP
        ax.plot([left, left, right, right], [1.1, 1.0, 1.0, 1.1], color="#444444", linewidth=1.0)
        note(ax, (left + right) / 2, 0.75, text, fontsize=9, ha="center")
    note(ax, 0.1, 0.2, "Target j is token j + 1. Padding goes at the end of the row (its inputs can be any id), so "
         "under the causal mask no real token sees it.", fontsize=9)
    return fig
