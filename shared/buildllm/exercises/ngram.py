"""Checks for the exercises of notebook 02 (n-gram language models)."""

from __future__ import annotations

import itertools
import math

from . import exercise, expect


@exercise("Perplexity by hand")
def check_perplexity(sentence_perplexity) -> None:
    # Worked by hand: 0.5 * 0.25 * 0.1 * 0.8 = 0.01, so the cross-entropy is -ln(0.01) / 4 = ln(100) / 4 = 1.1513
    # nats and the perplexity is 100 ** (1/4) = sqrt(10) = 3.1623.
    result = sentence_perplexity([0.5, 0.25, 0.1, 0.8])
    expect(isinstance(result, (int, float)), f"Return a number, got {type(result).__name__}.")
    expect(not math.isclose(result, math.log(100) / 4, rel_tol=1e-6),
           "That is the cross-entropy (1.1513 nats); perplexity is e to that power.")
    expect(not math.isclose(result, math.exp(math.log10(100) / 4), rel_tol=1e-6),
           "Use natural logarithms (math.log), not log10, when you exponentiate with e.")
    expect(not math.isclose(result, 1 / math.sqrt(10), rel_tol=1e-6),
           "The cross-entropy averages the NEGATIVE logs: you got 1 / perplexity.")
    expect(not math.isclose(result, 100.0, rel_tol=1e-6),
           "Average the negative logs over the tokens, do not just sum them.")
    expect(math.isclose(result, math.sqrt(10), rel_tol=1e-6),
           f"Expected 3.1623 for [0.5, 0.25, 0.1, 0.8], got {result:.4f}. "
           "Average the negative natural logs, then exponentiate.")
    expect(math.isclose(sentence_perplexity([1.0, 1.0]), 1.0),
           "A model that is always certain and right has perplexity 1.")
    expect(math.isclose(sentence_perplexity([1 / 70] * 5), 70.0, rel_tol=1e-9),
           "A uniform guess over 70 tokens should have perplexity 70.")


@exercise("Add-k smoothing")
def check_add_k(smoothed_row) -> None:
    row = smoothed_row([3, 0, 1], 1)
    expect(len(row) == 3, "Return one probability per count.")
    # By hand: (3+1, 0+1, 1+1) / (4 + 3) = 4/7, 1/7, 2/7.
    expect(all(math.isclose(a, b) for a, b in zip(row, [4 / 7, 1 / 7, 2 / 7])),
           f"Add-one on [3, 0, 1] gives [4/7, 1/7, 2/7]; got {row}. "
           "Divide by the total plus k times the number of entries.")
    half = smoothed_row([2, 0, 0, 6], 0.5)
    expect(all(math.isclose(a, b) for a, b in zip(half, [2.5 / 10, 0.5 / 10, 0.5 / 10, 6.5 / 10])),
           f"Add-0.5 on [2, 0, 0, 6] gives [0.25, 0.05, 0.05, 0.65]; got {half}.")
    expect(all(math.isclose(a, b) for a, b in zip(smoothed_row([1, 3], 0), [0.25, 0.75])),
           "With k = 0 you should get the plain relative frequencies.")


def _grid_by_brute_force(n: int, steps: int) -> set[tuple[int, ...]]:
    """The expected grid, as whole numbers of 1/steps (so float rounding cannot hide a point)."""
    return {t for t in itertools.product(range(steps + 1), repeat=n) if sum(t) == steps and t[0] > 0}


@exercise("Every weighting on a grid")
def check_weight_grid(weight_grid) -> None:
    for n, steps in [(3, 4), (2, 10), (4, 10)]:
        grid = [tuple(weights) for weights in weight_grid(n, steps)]
        expect(all(len(weights) == n for weights in grid),
               f"For n = {n}, each weighting needs {n} numbers, one per order.")
        expect(all(math.isclose(sum(weights), 1.0) for weights in grid), "Every weighting must sum to 1.")
        expect(all(weights[0] > 0 for weights in grid),
               "The first (unigram) weight must be positive: it is the only order that has an opinion on every token.")
        expect(all(w >= 0 for weights in grid for w in weights), "Weights cannot be negative.")
        as_steps = [tuple(round(w * steps) for w in weights) for weights in grid]
        expect(all(math.isclose(w * steps, s, abs_tol=1e-9) for weights, ws in zip(grid, as_steps)
                   for w, s in zip(weights, ws)), f"Every weight must be a multiple of 1/steps (1/{steps}).")
        expect(len(set(as_steps)) == len(as_steps), "Your grid repeats some weightings: list each one once.")
        expected = _grid_by_brute_force(n, steps)
        expect(set(as_steps) == expected,
               f"For n = {n} and steps = {steps} there are {len(expected)} weightings; you gave {len(set(as_steps))}. "
               "Try every tuple of whole numbers 0..steps (itertools.product) and keep those that sum to steps.")
