"""Notebook 02's exercises: each solution passes its check, and each wrong answer fails it with the right hint."""

import math

import pytest

from buildllm.exercises.ngram import check_add_k, check_perplexity, check_weight_grid
from helpers import solution_code


@pytest.fixture(scope="module")
def solutions():
    namespace = {"math": math, "check_perplexity": check_perplexity, "check_add_k": check_add_k,
                 "check_weight_grid": check_weight_grid}
    for number in (1, 2, 3):
        exec(solution_code("02_ngram", number), namespace)
    return namespace


def test_solutions_pass(solutions, capsys):
    assert check_perplexity(solutions["sentence_perplexity"])
    assert check_add_k(solutions["smoothed_row"])
    assert check_weight_grid(solutions["weight_grid"])
    assert capsys.readouterr().out.count("[PASS]") == 3


def _fails_with(check, answer, hint, capsys):
    capsys.readouterr()
    assert not check(answer)
    out = capsys.readouterr().out
    assert "[TRY AGAIN]" in out and hint in out, out


def _log_mean(ps, log=math.log):
    return -sum(log(p) for p in ps) / len(ps)


@pytest.mark.parametrize("answer, hint", [
    (lambda ps: "3.16", "Return a number"),
    (lambda ps: _log_mean(ps), "That is the cross-entropy"),
    (lambda ps: math.exp(_log_mean(ps, math.log10)), "Use natural logarithms"),
    (lambda ps: math.exp(-_log_mean(ps)), "NEGATIVE logs"),
    (lambda ps: math.exp(_log_mean(ps) * len(ps)), "do not just sum them"),
    (lambda ps: 3.0, "Expected 3.1623"),
    (lambda ps: math.sqrt(10) if len(ps) == 4 else 2.0, "always certain and right has perplexity 1"),
    (lambda ps: math.sqrt(10) if len(ps) == 4 else 1.0, "uniform guess over 70 tokens"),
])
def test_perplexity_wrong_answers_get_their_hint(answer, hint, capsys):
    _fails_with(check_perplexity, answer, hint, capsys)


@pytest.mark.parametrize("answer, hint", [
    (lambda counts, k: [0.5, 0.5], "one probability per count"),
    (lambda counts, k: [(c + k) / (sum(counts) + k) for c in counts], "Divide by the total plus k times"),
    (lambda counts, k: [(c + 1) / (sum(counts) + len(counts)) for c in counts], "Add-0.5 on [2, 0, 0, 6]"),
    (lambda counts, k: [(c + (k or 1)) / (sum(counts) + (k or 1) * len(counts)) for c in counts],
     "plain relative frequencies"),
])
def test_add_k_wrong_answers_get_their_hint(answer, hint, capsys):
    _fails_with(check_add_k, answer, hint, capsys)


def test_weight_grid_wrong_answers_get_their_hint(solutions, capsys):
    right = solutions["weight_grid"]
    wrong = {
        "each weighting needs": lambda n, steps: [w[:-1] for w in right(n, steps)],
        "must sum to 1": lambda n, steps: [w[:-1] + (w[-1] + 0.1,) for w in right(n, steps)],
        "first (unigram) weight must be positive": lambda n, steps: [(0.0,) * (n - 1) + (1.0,)] + right(n, steps),
        "cannot be negative": lambda n, steps: [(1.25, -0.25) + (0.0,) * (n - 2)],
        "multiple of 1/steps": lambda n, steps: [(0.55, 0.45) + (0.0,) * (n - 2)],
        "repeats some weightings": lambda n, steps: right(n, steps) * 2,
        "there are 10 weightings; you gave 9": lambda n, steps: right(n, steps)[:-1],
    }
    for hint, answer in wrong.items():
        _fails_with(check_weight_grid, answer, hint, capsys)
