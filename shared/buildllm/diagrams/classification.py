"""Diagrams for notebook 10 (finetuning for classification). Hand-written support module."""

from __future__ import annotations

from . import arrow, box, canvas, note


def draw_classification_head(tokens=("Win", " a", " free", " phone", "<eot>", "<eot>"), n_real: int = 4):
    """A padded message through the GPT: every position gets two class scores, and the one read is the last real
    token's (the pads after it are never read, and causal attention keeps them from changing it)."""
    n = len(tokens)
    width = 1.25 * n + 3.4
    fig, ax = canvas(width, 5.0, "Which position the classifier reads")
    x0, step, w = 0.4, 1.25, 1.05
    for i, token in enumerate(tokens):
        real = i < n_real
        x = x0 + i * step
        box(ax, x, 0.35, w, 0.55, token, kind="data" if real else "plain", fontsize=9,
            color="black" if real else "#888888")
        note(ax, x + w / 2, 0.1, f"position {i}", fontsize=7, ha="center")
        arrow(ax, (x + w / 2, 0.92), (x + w / 2, 1.45), color="#444444" if real else "#aaaaaa")
        read = i == n_real - 1
        box(ax, x, 3.05, w, 0.55, "ham | spam", kind="step" if read else "plain", fontsize=8,
            color="black" if read else "#999999")
        arrow(ax, (x + w / 2, 2.5), (x + w / 2, 3.03), color="#444444" if real else "#aaaaaa")
    box(ax, x0, 1.47, (n - 1) * step + w, 1.0,
        "GPT: embeddings, transformer blocks (causal attention), final norm,\nthen the new head: d_model -> 2 scores",
        kind="param", fontsize=9)
    last = x0 + (n_real - 1) * step + w / 2
    right = x0 + (n - 1) * step + w + 0.35
    box(ax, right + 0.3, 3.05, 2.2, 0.55, "prediction:\nlargest score", kind="special", fontsize=9)
    arrow(ax, (last, 3.62), (right + 1.4, 3.62), curve=-0.25, label="read the last real token", fontsize=8)
    note(ax, x0, 4.45, f"{n_real} real tokens, then padding with the end-of-text id up to a fixed length "
         f"({n} here).", fontsize=8)
    note(ax, x0, 4.2, "Only the last real token has attended to the whole message; the grey scores are computed "
         "but never read.", fontsize=8)
    return fig
