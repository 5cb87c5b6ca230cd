"""Notebook 09's exercise solutions pass their checks, and wrong answers fail them."""

import math

import pytest
import torch

from buildllm.exercises.pretraining import check_measures, check_min_p, check_wsd
from helpers import solution_code

pytestmark = pytest.mark.usefixtures("one_torch_thread")
CHECKS = {"check_measures": check_measures, "check_min_p": check_min_p, "check_wsd": check_wsd}


def run_solution(exercise, name):
    namespace = {"math": math, "torch": torch, **CHECKS}
    exec(solution_code("09_pretraining", exercise), namespace)
    return namespace[name]


@pytest.mark.parametrize("exercise, name", [(1, "perplexity_and_bpb"), (2, "filter_min_p"), (3, "wsd_lr")])
def test_solutions_pass(capsys, exercise, name):
    function = run_solution(exercise, name)
    check = {1: check_measures, 2: check_min_p, 3: check_wsd}[exercise]
    assert check(function)
    assert capsys.readouterr().out.count("[PASS]") == 2  # once in the solution block, once here


# ----------------------------------------------------------------------------- exercise 1: measuring


def right_measures(probs, n_bytes):
    nats = [-math.log(p) for p in probs]
    return math.exp(sum(nats) / len(nats)), sum(nats) / (n_bytes * math.log(2))


@pytest.mark.parametrize("mistake, hint", [
    (lambda probs, n: (math.exp(-sum(math.log(p) for p in probs)), right_measures(probs, n)[1]), "MEAN"),
    (lambda probs, n: (right_measures(probs, n)[0], -sum(math.log(p) for p in probs) / n), "nats per byte"),
    (lambda probs, n: (right_measures(probs, n)[0], -sum(math.log2(p) for p in probs) / len(probs)),
     "bits per TOKEN"),
    (lambda probs, n: right_measures(probs, n)[0], "pair"),
    (lambda probs, n: (1.0, 1.0), "perplexity is"),
])
def test_measures_wrong_answers_fail(capsys, mistake, hint):
    assert not check_measures(mistake)
    assert hint in capsys.readouterr().out


def test_measures_not_done(capsys):
    def todo(probs, n_bytes):
        raise NotImplementedError

    assert not check_measures(todo)
    assert "[TODO]" in capsys.readouterr().out


# ----------------------------------------------------------------------------- exercise 2: min-p


@pytest.mark.parametrize("mistake, hint", [
    (lambda logits, min_p: logits.masked_fill(logits < min_p * logits.max(-1, keepdim=True).values, -math.inf),
     "compare probabilities"),
    (lambda logits, min_p: logits.masked_fill(logits.softmax(-1) < min_p * logits.softmax(-1).max(), -math.inf),
     "own best token"),
    (lambda logits, min_p: logits.masked_fill(logits.softmax(-1) < min_p, -math.inf), "you keep"),
    (lambda logits, min_p: logits.softmax(-1).masked_fill(
        logits.softmax(-1) < min_p * logits.softmax(-1).max(-1, keepdim=True).values, -math.inf), "unchanged"),
    (lambda logits, min_p: logits.masked_fill(
        logits.softmax(-1) < min_p * logits.softmax(-1).max(-1, keepdim=True).values, 0.0), "-inf"),
    (lambda logits, min_p: logits[0], "same shape"),
])
def test_min_p_wrong_answers_fail(capsys, mistake, hint):
    assert not check_min_p(mistake)
    assert hint in capsys.readouterr().out


# ----------------------------------------------------------------------------- exercise 3: warmup-stable-decay


def right_wsd(step, max_steps, lr, warmup_steps, decay_steps):
    if step < warmup_steps:
        return lr * (step + 1) / warmup_steps
    return lr if step < max_steps - decay_steps else lr * (max_steps - step) / decay_steps


@pytest.mark.parametrize("mistake, hint", [
    (lambda s, m, lr, w, d: lr * s / w if s < w else right_wsd(s, m, lr, w, d), "the warmup"),
    (lambda s, m, lr, w, d: lr * (m - s - 1) / d if s >= m - d else right_wsd(s, m, lr, w, d), "the decay"),
    (lambda s, m, lr, w, d: lr, "you give"),
    (lambda s, m, lr, w, d: str(right_wsd(s, m, lr, w, d)), "as a number"),
])
def test_wsd_wrong_answers_fail(capsys, mistake, hint):
    assert check_wsd(right_wsd)
    capsys.readouterr()
    assert not check_wsd(mistake)
    assert hint in capsys.readouterr().out
