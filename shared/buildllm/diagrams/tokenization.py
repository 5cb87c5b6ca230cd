"""Notebook 03's diagram: text to tokens to ids, and back.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from ..corpora import EOT
from ..tokenizers import UNK
from . import arrow, box, canvas, note

# A worked example small enough to read in the picture: five tokens of a tiny vocabulary.
EXAMPLE_TEXT = '"Shoo!" cried Priya.'
EXAMPLE_TOKENS = ['"', "Shoo", "!", '"', "cried", "Priya", "."]
EXAMPLE_VOCAB = ["!", '"', ".", "Priya", "Shoo", "cried", EOT, UNK]


def _row(ax, y: float, items: list[str], kind: str, x0: float, width: float) -> list[tuple[float, float]]:
    """Small boxes side by side, one per item; returns their centres."""
    gap = 0.08
    w = (width - gap * (len(items) - 1)) / len(items)
    return [box(ax, x0 + i * (w + gap), y, w, 0.45, item, kind=kind, fontsize=10, family="monospace")
            for i, item in enumerate(items)]


def draw_text_to_ids():
    """Encoding (top, left to right) and decoding (bottom, right to left) of one sentence, with the vocabulary."""
    fig, ax = canvas(11, 5.4, title="A tokenizer: text \u2192 tokens \u2192 ids, and back")
    ids = [EXAMPLE_VOCAB.index(token) for token in EXAMPLE_TOKENS]

    # The vocabulary, the table both directions use.
    vocab_text = "\n".join(f"{i}  {token}" for i, token in enumerate(EXAMPLE_VOCAB))
    box(ax, 8.8, 1.1, 2.1, 3.1, kind="param")
    ax.text(8.95, 2.65, vocab_text, ha="left", va="center", fontsize=9, family="monospace", linespacing=1.5)
    note(ax, 9.85, 4.35, "vocabulary\n(id \u2194 token)", ha="center", fontsize=9)

    # Encoding: text -> tokens -> ids.
    text = box(ax, 0.2, 4.1, 2.6, 0.6, EXAMPLE_TEXT, kind="data", fontsize=10, family="monospace")
    tokens = _row(ax, 4.15, EXAMPLE_TOKENS, "plain", 3.4, 5.2)
    arrow(ax, (text[0] + 1.3, text[1]), (3.35, text[1]), label="split")
    id_row = _row(ax, 2.95, [str(i) for i in ids], "data", 3.4, 5.2)
    for (x, y_top), (_, y_bottom) in zip(tokens, id_row):
        arrow(ax, (x, y_top - 0.25), (x, y_bottom + 0.25))
    note(ax, 0.2, 2.95, "encode: each token's id\n(the model sees only these)", fontsize=9)

    # Decoding: ids -> tokens -> text (the spaces are a guess).
    back_tokens = _row(ax, 1.55, EXAMPLE_TOKENS, "plain", 3.4, 5.2)
    for (x, y_top), (_, y_bottom) in zip(id_row, back_tokens):
        arrow(ax, (x, y_top - 0.25), (x, y_bottom + 0.25), color="#8a5a00")
    note(ax, 0.2, 1.7, "decode: each id's token", fontsize=9)
    guess = box(ax, 0.2, 0.35, 2.6, 0.6, '" Shoo! " cried Priya.', kind="data", fontsize=10, family="monospace")
    arrow(ax, (3.35, back_tokens[0][1] - 0.1), (guess[0] + 1.3, guess[1] + 0.2), label="join", color="#8a5a00")
    note(ax, 3.4, 0.45, "Splitting dropped the spaces, so joining can only guess them:\n"
         "a word tokenizer does not always give back its text.", fontsize=9)
    return fig
