"""Notebook 08's diagrams: the GPT model from ids to logits, and one transformer block with its shortcuts.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from . import arrow, box, canvas, note


def draw_gpt_overview(d_model: int = 384, num_layers: int = 6, vocab_size: int = 4096, context_length: int = 256):
    """The whole model, bottom to top: ids, embeddings, the stack of blocks, the final norm, the output head."""
    fig, ax = canvas(9.5, 8.4, title="A GPT, bottom to top: token ids in, next-token scores out")
    x, w, h = 2.4, 3.6, 0.55
    ids = box(ax, x, 0.25, w, h, "token ids  (B, T)", kind="data")
    tok = box(ax, x - 0.9, 1.3, 2.3, h, "token embedding", kind="param", fontsize=9)
    pos = box(ax, x + 2.2, 1.3, 2.3, h, "position embedding", kind="param", fontsize=9)
    add = box(ax, x + 1.55, 2.3, 0.5, 0.45, "+", kind="step", fontsize=13)
    box(ax, x, 3.05, w, h, "dropout", kind="step")
    box(ax, x, 4.0, w, 1.35, f"transformer block\n\u00d7 {num_layers}\n(attention, feed-forward)",
                 kind="step", fontsize=10)
    box(ax, x, 5.7, w, h, "final LayerNorm", kind="step")
    head = box(ax, x, 6.6, w, h, f"linear output head  (d_model \u2192 {vocab_size:,})", kind="param", fontsize=9)
    box(ax, x, 7.45, w, h, "logits  (B, T, vocab_size)", kind="data")

    arrow(ax, (ids[0] - 0.6, 0.8), (tok[0], 1.3))
    arrow(ax, (ids[0] + 0.6, 0.8), (pos[0], 1.3), label="positions 0..T-1", fontsize=8)
    arrow(ax, (tok[0], 1.85), (add[0] - 0.2, 2.35))
    arrow(ax, (pos[0], 1.85), (add[0] + 0.2, 2.35))
    for low, high in [(2.75, 3.05), (3.6, 4.0), (5.35, 5.7), (6.25, 6.6), (7.15, 7.45)]:
        arrow(ax, (ids[0], low), (ids[0], high))

    side = x + w + 0.35
    note(ax, side, 2.35, f"(B, T, {d_model}): one vector\nper token, meaning + position", fontsize=8)
    note(ax, side, 4.45, f"(B, T, {d_model}) in, same shape out:\neach block lets tokens look back\n"
         "(attention), then thinks per token\n(feed-forward)", fontsize=8)
    note(ax, side, 6.65, f"a score for each of the {vocab_size:,}\ntoken types, at every position", fontsize=8)
    arrow(ax, (x, head[1]), (x - 0.9, tok[1]), color="#2f7d32", curve=0.3)
    ax.text(0.05, 7.2, "weight tying: the\nhead can reuse the\ntoken embedding\nmatrix", va="top", fontsize=8,
            color="#2f7d32")
    note(ax, x + 2.2 + 2.4, 1.4, f"a row for each of\nthe {context_length} positions", fontsize=8)
    return fig


def draw_transformer_block(d_model: int = 384, num_heads: int = 6):
    """One pre-norm block: two branches (attention, feed-forward), each added back onto the shortcut."""
    fig, ax = canvas(10, 8.2, title="One transformer block (pre-norm, as in GPT-2)")
    spine = 2.7  # x of the shortcut line
    x, w, h = 4.1, 3.2, 0.5
    box(ax, spine - 1.3, 0.2, 2.6, h, f"x  (B, T, {d_model})", kind="data")

    def branch(y0: float, first: str, second: str, label: str) -> None:
        """A branch leaving the shortcut at y0, through norm, the layer and dropout, added back at the top."""
        norm = box(ax, x, y0 + 0.3, w, h, "LayerNorm", kind="step")
        layer = box(ax, x, y0 + 1.1, w, h + 0.15, first, kind="step", fontsize=9)
        drop = box(ax, x, y0 + 2.05, w, h, second, kind="step", fontsize=9)
        plus = box(ax, spine - 0.25, y0 + 2.75, 0.5, 0.45, "+", kind="step", fontsize=13)
        arrow(ax, (spine, y0), (x, norm[1]), curve=-0.25)
        arrow(ax, (norm[0], y0 + 0.8), (norm[0], y0 + 1.1))
        arrow(ax, (layer[0], y0 + 1.75), (layer[0], y0 + 2.05))
        arrow(ax, (drop[0] - 0.4, y0 + 2.55), (plus[0] + 0.25, plus[1]), curve=0.25)
        arrow(ax, (spine, y0), (spine, y0 + 2.75), color="#2f7d32")
        ax.text(spine - 0.95, y0 + 1.2, "shortcut", fontsize=8, color="#2f7d32")
        note(ax, x + w + 0.25, y0 + 1.25, label, fontsize=8)

    branch(0.7, f"causal multi-head attention\n({num_heads} heads)", "dropout",
           "tokens exchange information:\neach looks back at the\nones before it")
    branch(3.9, f"feed-forward: Linear {d_model}\u2192{4 * d_model},\nGELU, Linear {4 * d_model}\u2192{d_model}",
           "dropout", "each token on its own:\nwiden 4x, bend, narrow")
    box(ax, spine - 1.3, 7.55, 2.6, h, f"out  (B, T, {d_model})", kind="data")
    arrow(ax, (spine, 7.1), (spine, 7.55))
    note(ax, 0.05, 2.6, "x = x + attn(norm1(x))", fontsize=8, family="monospace")
    note(ax, 0.05, 5.8, "x = x + ff(norm2(x))", fontsize=8, family="monospace")
    return fig
