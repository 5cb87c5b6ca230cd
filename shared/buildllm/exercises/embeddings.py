"""Checks for the exercises of notebook 06 (embeddings)."""

from __future__ import annotations

import math

from . import exercise, expect


def _sinusoid(position: int, dim: int, base: float = 10000.0) -> list[float]:
    """One row of the sinusoidal table, the slow way: sin at even dimensions, cos at odd ones (Vaswani et al.)."""
    row = []
    for d in range(dim):
        angle = position / base ** ((d - d % 2) / dim)
        row.append(math.sin(angle) if d % 2 == 0 else math.cos(angle))
    return row


def _times(row: list[float], matrix: list[list[float]]) -> list[float]:
    """A row vector times a matrix, in plain Python (row @ matrix)."""
    return [sum(row[i] * float(matrix[i][j]) for i in range(len(row))) for j in range(len(row))]


def _differs(a: list[float], b: list[float], tolerance: float = 1e-4) -> bool:
    return max(abs(x - y) for x, y in zip(a, b)) > tolerance


@exercise("A shift is a rotation")
def check_shift_matrix(shift_matrix) -> None:
    import torch

    got = shift_matrix(1, 4)
    expect(isinstance(got, torch.Tensor),
           f"Return a tensor (start from torch.zeros(dim, dim), then fill it), got {type(got).__name__}.")
    expect(tuple(got.shape) == (4, 4),
           f"shift_matrix(1, 4) has shape {tuple(got.shape)}; it should be (dim, dim) = (4, 4).")
    for k, dim in [(1, 4), (3, 8), (5, 16), (0, 6), (17, 32)]:
        matrix = shift_matrix(k, dim).detach().double().tolist()
        call = f"shift_matrix({k}, {dim})"
        for p in (0, 1, 7, 40):
            want, got = _sinusoid(p + k, dim), _times(_sinusoid(p, dim), matrix)
            if not _differs(got, want):
                continue
            if not _differs(_times(_sinusoid(p + k, dim), matrix), _sinusoid(p, dim)):
                expect(False, f"{call} moves back by {k} positions instead of forward. Either the sin terms have the "
                              "wrong signs, or the matrix is transposed: the row of position p multiplies it from the "
                              "left (table[p] @ M), so M[i, j] is how much input dimension i adds to output "
                              "dimension j.")
            expect(False, f"table[{p}] @ {call} should equal table[{p + k}], the row {k} positions later, but it "
                          "does not. Each pair of dimensions (2i, 2i+1) holds (sin a, cos a) with a = p * w_i; use "
                          "sin(a + b) = sin a cos b + cos a sin b and cos(a + b) = cos a cos b - sin a sin b, "
                          "with b = k * w_i, and leave every other entry 0.")


def _planted_table():
    """A small table with known answers ('big : bigger :: small : smaller') and a trap for each shortcut."""
    import torch

    axis = torch.eye(8)
    comparative = 0.5 * axis[1]  # the direction from a word to its comparative
    rows = {
        "big": axis[2],
        "bigger": axis[2] + comparative,
        "small": axis[0],
        "smaller": axis[0] + comparative + 0.6 * axis[3],  # the answer, but noisy: "small" itself is closer
        "smallish": axis[0] + 0.25 * axis[4],  # the nearest word to "small" alone
        "huge_noise": 10 * (axis[0] + comparative) + 12 * axis[5],  # long: wins on the dot product, not on cosine
        "long": axis[6],
        "longer": axis[6] + comparative + 0.6 * axis[3],
        "loud": axis[7],
        "other": -axis[0],
    }
    return torch.stack(list(rows.values())), list(rows)


@exercise("Analogies by vector arithmetic")
def check_analogy(analogy) -> None:
    import torch

    table, names = _planted_table()
    word = {name: i for i, name in enumerate(names)}
    got = analogy(table, word["big"], word["bigger"], word["small"])
    expect(
        isinstance(got, int) and not isinstance(got, bool),
        f"Return one id as a Python int (int(scores.argmax()) turns a tensor into one), got {got!r}.",
    )
    expect(got != word["small"] and got != word["bigger"] and got != word["big"],
           f"Your answer was {names[got]!r}, one of the three words of the question: exclude a, b and c (set their "
           "scores to -inf before taking the best).")
    expect(got != word["huge_noise"],
           "Your answer was a very long vector that points roughly the right way: rank by cosine similarity "
           "(divide by the lengths), not by the plain dot product.")
    expect(got != word["smallish"], "Your answer was the word closest to c alone: the target is b - a + c.")
    expect(got == word["smaller"], f"big : bigger :: small : ? should be 'smaller', got {names[got]!r}. The "
                                   "target is table[b] - table[a] + table[c]; return the id most similar to it by "
                                   "cosine.")
    again = analogy(table, word["small"], word["smaller"], word["long"])
    expect(again == word["longer"], f"small : smaller :: long : ? should be 'longer', got {names[again]!r}.")
    shuffled = torch.randperm(len(names), generator=torch.Generator().manual_seed(1))
    inverse = torch.argsort(shuffled)
    got = analogy(table[shuffled], int(inverse[word["big"]]), int(inverse[word["bigger"]]), int(inverse[word["small"]]))
    expect(int(shuffled[got]) == word["smaller"], "With the table's rows in another order, the answer changed: use the "
                                                  "ids you are given, not fixed positions.")
