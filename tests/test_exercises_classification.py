"""Notebook 10's exercise solutions pass their checks, and wrong answers fail them."""

import pytest
import torch

from buildllm.classify import add_classification_head, freeze_for_finetuning, parameter_counts
from buildllm.exercises.classification import (
    check_mean_pool,
    check_precision_recall_f1,
    check_trainable_parameters,
)
from buildllm.model import GPTConfig, GPTModel
from helpers import solution_code

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def run_solution(exercise, name):
    # Exercise 1's solution also measures the notebook's test predictions: a small stand-in is enough here.
    namespace = {"torch": torch, "check_precision_recall_f1": check_precision_recall_f1,
                 "check_mean_pool": check_mean_pool, "check_trainable_parameters": check_trainable_parameters,
                 "predicted": torch.tensor([1, 0, 1, 1]), "true": torch.tensor([1, 0, 0, 1])}
    exec(solution_code("10_finetuning_classification", exercise), namespace)
    return namespace[name]


# ------------------------------------------------------------------------ exercise 1: precision, recall and F1


def test_precision_recall_solution_passes(capsys):
    assert check_precision_recall_f1(run_solution(1, "precision_recall_f1"))
    out = capsys.readouterr().out
    assert "[PASS]" in out and "precision 66.7%, recall 100.0%, F1 80.0%" in out  # 2 TP, 1 FP, 0 FN by hand


def test_precision_recall_wrong_answers_fail(capsys):
    right = run_solution(1, "precision_recall_f1")

    def swapped(predicted, true):
        p, r, f1 = right(predicted, true)
        return r, p, f1

    assert not check_precision_recall_f1(swapped)
    assert "swapped" in capsys.readouterr().out

    def arithmetic_mean(predicted, true):
        p, r, _ = right(predicted, true)
        return p, r, (p + r) / 2

    assert not check_precision_recall_f1(arithmetic_mean)
    assert "harmonic mean" in capsys.readouterr().out

    def divides_by_zero(predicted, true):
        tp = int(((predicted == 1) & (true == 1)).sum())
        precision = tp / int((predicted == 1).sum())
        recall = tp / int((true == 1).sum())
        return precision, recall, 2 * precision * recall / (precision + recall)

    assert not check_precision_recall_f1(divides_by_zero)
    assert "[TRY AGAIN]" in capsys.readouterr().out

    def unfinished(predicted, true):
        raise NotImplementedError

    assert not check_precision_recall_f1(unfinished)
    assert "[TODO]" in capsys.readouterr().out


# ------------------------------------------------------------------------------- exercise 2: mean pooling


def test_mean_pool_solution_passes(capsys):
    mean_pool = run_solution(2, "mean_pool")
    assert check_mean_pool(mean_pool)
    assert "[PASS]" in capsys.readouterr().out
    # by hand: row 0 averages [1, 2] and [3, 5]; row 1 keeps [7, 0] and ignores its padding
    outputs = torch.tensor([[[1.0, 2.0], [3.0, 5.0]], [[7.0, 0.0], [-9.0, -9.0]]])
    assert mean_pool(outputs, torch.tensor([2, 1])).tolist() == [[2.0, 3.5], [7.0, 0.0]]


def test_mean_pool_wrong_answers_fail(capsys):
    assert not check_mean_pool(lambda outputs, lengths: outputs.mean(1))
    assert "padding included" in capsys.readouterr().out
    assert not check_mean_pool(lambda outputs, lengths: outputs[:, 0])
    assert "[TRY AGAIN]" in capsys.readouterr().out

    def detached(outputs, lengths):
        return torch.tensor([outputs[b, : int(lengths[b])].mean(0).tolist() for b in range(len(lengths))])

    assert not check_mean_pool(detached)
    assert "Gradients" in capsys.readouterr().out


# ------------------------------------------------------------------------ exercise 3: trainable parameters


def test_trainable_parameters_solution_passes(capsys):
    count = run_solution(3, "trainable_parameters")
    assert check_trainable_parameters(count)
    assert "[PASS]" in capsys.readouterr().out
    config = GPTConfig(vocab_size=40, context_length=8, d_model=24, num_heads=4, num_layers=5, qkv_bias=True)
    for blocks in range(6):
        model = freeze_for_finetuning(add_classification_head(GPTModel(config)), blocks)
        assert count(config, blocks) == parameter_counts(model)["trainable"]


def test_trainable_parameters_wrong_answers_fail(capsys):
    right = run_solution(3, "trainable_parameters")
    assert not check_trainable_parameters(lambda config, blocks: right(config, blocks) - 2 * config.d_model)
    assert "final norm" in capsys.readouterr().out
    assert not check_trainable_parameters(lambda config, blocks: right(config, blocks) - 2)
    assert "bias" in capsys.readouterr().out
    assert not check_trainable_parameters(lambda config, blocks: right(config, 0))
    assert "Add the trainable blocks" in capsys.readouterr().out
