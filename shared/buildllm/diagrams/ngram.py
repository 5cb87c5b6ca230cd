"""Notebook 02's diagrams: counting a bigram table and sampling from its row; the same model as a neural network.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from collections import Counter

from . import arrow, box, canvas, note

TOY_TEXT = "ab aab bab"  # a tiny text over three characters, so the whole table fits in the picture
ALPHABET = sorted(set(TOY_TEXT))


def _label(ch: str) -> str:
    return "␣" if ch == " " else ch


def draw_bigram_counting():
    """Slide over a toy text counting pairs, read one row of the table, normalise it, draw the next character."""
    title = "A bigram model: count pairs, turn a row into probabilities, draw the next character"
    fig, ax = canvas(13.5, 4.6, title=title)
    pairs = Counter(zip(TOY_TEXT, TOY_TEXT[1:]))

    # 1. The text, with its pairs.
    note(ax, 0.2, 3.75, "1. the training text", fontsize=10, fontweight="bold")
    for i, ch in enumerate(TOY_TEXT):
        box(ax, 0.2 + i * 0.36, 3.05, 0.32, 0.4, _label(ch), kind="data", family="monospace")
    note(ax, 0.2, 2.55, "each neighbour pair (a, b)\nadds 1 to row a, column b", fontsize=9)

    # 2. The count table: rows = current character, columns = next character.
    x0, y0, cell = 4.6, 3.0, 0.55
    note(ax, x0 - 0.4, 3.75, "2. count table", fontsize=10, fontweight="bold")
    note(ax, x0 - 0.4, 0.95, "row = current,\ncolumn = next", fontsize=9)
    for j, b in enumerate(ALPHABET):
        note(ax, x0 + j * cell + cell / 2, y0 + 0.1, _label(b), ha="center", family="monospace")
    for i, a in enumerate(ALPHABET):
        y = y0 - (i + 1) * cell
        note(ax, x0 - 0.2, y + cell / 2, _label(a), va="center", ha="center", family="monospace")
        for j, b in enumerate(ALPHABET):
            kind = "step" if a == "a" else "plain"
            box(ax, x0 + j * cell, y, cell - 0.05, cell - 0.05, str(pairs[a, b]), kind=kind)
    arrow(ax, (3.9, 3.25), (x0 - 0.3, 2.4), label="count")

    # 3. The highlighted row, divided by its total.
    row = [pairs["a", b] for b in ALPHABET]
    total = sum(row)
    x1 = 7.4
    note(ax, x1, 3.75, "3. row 'a' / its total", fontsize=10, fontweight="bold")
    for j, (b, count) in enumerate(zip(ALPHABET, row)):
        box(ax, x1 + j * 0.95, 2.5, 0.88, 0.5, f"{_label(b)}: {count}/{total}", kind="step", family="monospace")
    arrow(ax, (x0 + 3 * cell + 0.05, 2.2), (x1 - 0.05, 2.75), label="normalise")
    note(ax, x1, 2.05, "P(next | current = 'a')", fontsize=9)

    # 4. Draw the next character from that row, append it, repeat.
    x2 = 10.6
    note(ax, x2, 3.75, "4. sample", fontsize=10, fontweight="bold")
    box(ax, x2, 2.5, 2.6, 0.5, "draw one: torch.multinomial", kind="param", fontsize=9)
    arrow(ax, (x1 + 2.85, 2.75), (x2 - 0.05, 2.75))
    box(ax, x2 + 0.6, 1.2, 1.4, 0.5, "next = 'b'", kind="data", family="monospace")
    arrow(ax, (x2 + 1.3, 2.45), (x2 + 1.3, 1.75))
    arrow(ax, (x2 + 0.55, 1.45), (x0 + 3 * cell + 0.05, y0 - 2.5 * cell), curve=-0.15)
    note(ax, x1 + 0.3, 0.95, "'b' becomes the current character: read row 'b', repeat", fontsize=9)
    note(ax, 0.2, 0.35, "Training = counting. Generating = reading the current character's row and drawing from it; "
         "temperature reshapes the row before the draw.", fontsize=9)
    return fig


def draw_neural_bigram():
    """One-hot id, times W, softmax, cross-entropy with the true next id; the gradient flows back to W."""
    fig, ax = canvas(13.5, 4.2, title="The neural bigram: one-hot -> W -> softmax -> loss, and back to W")
    y, h = 2.2, 0.9
    stages = [
        (0.2, 1.7, "current id\n't'", "data", "()"),
        (2.35, 1.9, "one-hot\n0 ... 1 ... 0", "data", "(V,)"),
        (4.75, 1.7, "@ W\nlearned", "param", "W: (V, V)"),
        (6.95, 1.7, "logits\nrow 't' of W", "data", "(V,)"),
        (9.15, 1.5, "softmax", "step", "(V,), sums to 1"),
        (11.15, 2.1, "loss =\n-ln P(true next)", "step", "a number"),
    ]
    centres = []
    for x, w, text, kind, shape in stages:
        centres.append(box(ax, x, y, w, h, text, kind=kind))
        note(ax, x + w / 2, y - 0.3, shape, ha="center", family="monospace")
    for (x, w, *_), (nx, *_) in zip(stages, stages[1:]):
        arrow(ax, (x + w + 0.03, y + h / 2), (nx - 0.03, y + h / 2))
    note(ax, 11.3, 3.35, "true next id 'h'", fontsize=9)
    arrow(ax, (11.9, 3.3), (12.2, y + h + 0.03))
    # The backward pass: from the loss to W.
    arrow(ax, (12.2, y - 0.8), (5.6, y - 0.8), color="#b03030",
          label="loss.backward(): W.grad = d loss / d W;   optimizer.step(): W -= lr * W.grad")
    note(ax, 0.2, 0.3, "one-hot @ W just picks a row of W, so the network is a table of logits; "
         "training moves each row's softmax toward the counted probabilities.", fontsize=9)
    return fig
