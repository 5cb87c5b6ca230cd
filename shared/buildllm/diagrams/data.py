"""Notebook 05's diagram: from one stream of token ids to a batch of inputs and targets.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from . import arrow, box, canvas, note

# A toy stream: the end of one story, <|endoftext|> (shown as <eot>), the start of the next.
STREAM = ["The", " end", ".", "<eot>", "Once", " a", " fox", " saw", " a", " crow", ".", " It"]
CONTEXT = 4
STARTS = [0, 6]  # two windows; the first holds the story boundary
CELL, GAP, X0 = 0.7, 0.06, 1.75  # token box width, space between boxes, left edge of position 0


def _x(position: float) -> float:
    """Left edge of the box of a stream position."""
    return X0 + position * (CELL + GAP)


def _token(ax, x: float, y: float, token: str, kind: str, width: float = CELL):
    kind = "special" if token == "<eot>" else kind
    return box(ax, x, y, width, 0.42, token, kind=kind, fontsize=8.5, family="monospace")


def _window(ax, start: int, y: float, row: int):
    """One window under the stream: its inputs, and below them its targets shifted one step right."""
    for j in range(CONTEXT):
        _token(ax, _x(start + j), y, STREAM[start + j], "data")
        _token(ax, _x(start + j + 1), y - 0.55, STREAM[start + j + 1], "step")
    note(ax, 0.1, y + 0.12, f"window {row}: inputs", fontsize=9)
    note(ax, 0.1, y - 0.43, "targets", fontsize=9)


def _matrix(ax, x: float, y: float, rows: list[list[str]], kind: str, label: str):
    """A small (rows x columns) grid of tokens: one batch tensor."""
    width = 0.62
    for r, tokens in enumerate(rows):
        for c, token in enumerate(tokens):
            _token(ax, x + c * (width + 0.04), y - r * 0.47, token, kind, width=width)
    note(ax, x, y + 0.55, label, fontsize=9)


def draw_stream_to_batch():
    """A stream of ids, two windows of context_length + 1 tokens cut from it, and the batch they stack into."""
    fig, ax = canvas(14.2, 5.4, title="From one stream of ids to a batch: each window is context_length + 1 tokens")

    # The stream, stored once, with its positions; a bracket under each window's span.
    for position, token in enumerate(STREAM):
        _token(ax, _x(position), 4.45, token, "plain")
        note(ax, _x(position) + CELL / 2, 4.2, str(position), fontsize=8, ha="center")
    note(ax, 0.1, 4.57, "token stream", fontsize=9)
    for row, start in enumerate(STARTS):
        left, right = _x(start), _x(start + CONTEXT) + CELL
        ax.plot([left, left, right, right], [3.95, 3.85, 3.85, 3.95], color="#444444", linewidth=1.0)
        note(ax, (left + right) / 2, 3.6, f"window {row}: start {start}, {CONTEXT} + 1 tokens", fontsize=8.5,
             ha="center")

    for row, start in enumerate(STARTS):
        _window(ax, start, 2.85 - 1.4 * row, row)

    # The batch: row r of the inputs is window r's inputs; the targets stack the same way.
    bx = _x(len(STREAM)) + 0.35
    inputs = [STREAM[s:s + CONTEXT] for s in STARTS]
    targets = [STREAM[s + 1:s + CONTEXT + 1] for s in STARTS]
    _matrix(ax, bx, 3.0, inputs, "data", "inputs: (batch_size, context_length)")
    _matrix(ax, bx, 1.25, targets, "step", "targets: same shape, shifted by one")
    arrow(ax, (bx - 1.4, 2.2), (bx - 0.1, 2.2))
    note(ax, bx - 0.75, 2.3, "stack", ha="center")
    note(ax, X0, 0.05, "Target j is the token after input j. Window 0 crosses <eot>: "
         "it ends one story and its last target starts the next.", fontsize=9)
    return fig
