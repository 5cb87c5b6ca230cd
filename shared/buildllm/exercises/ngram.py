"""Checks for the exercises of notebook 02 (n-gram language models)."""

from __future__ import annotations

import math

from . import exercise, expect


@exercise("Perplexity by hand")
def check_perplexity(sentence_perplexity) -> None:
    # Worked by hand: the geometric mean of 0.5, 0.25, 0.1, 0.8 is 0.01 ** (1/4) = 0.3162..., so perplexity 3.1623.
    result = sentence_perplexity([0.5, 0.25, 0.1, 0.8])
    expect(isinstance(result, (int, float)), f"Return a number, got {type(result).__name__}.")
    expect(not math.isclose(result, math.log(10) / 4 * 1, rel_tol=1e-6), "That is the cross-entropy; perplexity is e to that power.")
    expect(math.isclose(result, math.sqrt(10), rel_tol=1e-6), f"Expected 3.1623 for [0.5, 0.25, 0.1, 0.8], got {result:.4f}. Average the negative natural logs, then exponentiate.")
    expect(math.isclose(sentence_perplexity([1.0, 1.0]), 1.0), "A model that is always certain and right has perplexity 1.")
    expect(math.isclose(sentence_perplexity([1 / 70] * 5), 70.0, rel_tol=1e-9), "A uniform guess over 70 tokens should have perplexity 70.")


@exercise("Add-k smoothing")
def check_add_k(smoothed_row) -> None:
    row = smoothed_row([3, 0, 1], 1)
    expect(len(row) == 3, "Return one probability per count.")
    # By hand: (3+1, 0+1, 1+1) / (4 + 3) = 4/7, 1/7, 2/7.
    expect(all(math.isclose(a, b) for a, b in zip(row, [4 / 7, 1 / 7, 2 / 7])), f"Add-one on [3, 0, 1] gives [4/7, 1/7, 2/7]; got {row}. Divide by the total plus k times the number of entries.")
    half = smoothed_row([2, 0, 0, 6], 0.5)
    expect(all(math.isclose(a, b) for a, b in zip(half, [2.5 / 10, 0.5 / 10, 0.5 / 10, 6.5 / 10])), f"Add-0.5 on [2, 0, 0, 6] gives [0.25, 0.05, 0.05, 0.65]; got {half}.")
    expect(all(math.isclose(a, b) for a, b in zip(smoothed_row([1, 3], 0), [0.25, 0.75])), "With k = 0 you should get the plain relative frequencies.")
