"""Notebook 05's exercise solutions pass their checks, and wrong answers fail them."""

import math

import torch

from buildllm.exercises.data import check_make_batch, check_steps_per_epoch
from helpers import solution_code


def run_solution(exercise, name):
    namespace = {"torch": torch, "check_steps_per_epoch": check_steps_per_epoch, "check_make_batch": check_make_batch}
    exec(solution_code("05_data_loading", exercise), namespace)
    return namespace[name]


# ---------------------------------------------------------------------------------- exercise 1: steps per epoch


def test_steps_per_epoch_solution_passes(capsys):
    assert check_steps_per_epoch(run_solution(1, "steps_per_epoch"))
    assert "[PASS]" in capsys.readouterr().out


def test_steps_per_epoch_solution_by_hand():
    steps = run_solution(1, "steps_per_epoch")
    # 10 tokens, context 4, stride 2: windows start at 0, 2 and 4 (one at 6 would need a token at position 10).
    assert steps(10, 4, 2, 2, False) == 2 and steps(10, 4, 2, 2, True) == 1
    # 100 tokens, context 10, stride 10: starts 0, 10, ..., 80 (9 windows): 3 batches of 3.
    assert steps(100, 10, 10, 3, True) == 3 and steps(100, 10, 10, 4, False) == 3
    assert steps(8, 8, 1, 1, False) == 0  # one window needs 9 tokens


def right_windows(n, context, stride):
    return (n - context - 1) // stride + 1 if n > context else 0


def test_steps_per_epoch_wrong_answers_fail(capsys):
    def forgets_the_target(n, context, stride, batch, drop):  # a window of context tokens only
        windows = (n - context) // stride + 1 if n >= context else 0
        return windows // batch if drop else math.ceil(windows / batch)

    assert not check_steps_per_epoch(forgets_the_target)
    assert "context_length + 1" in capsys.readouterr().out

    def rounds_the_wrong_way(n, context, stride, batch, drop):
        windows = right_windows(n, context, stride)
        return math.ceil(windows / batch) if drop else windows // batch

    assert not check_steps_per_epoch(rounds_the_wrong_way)
    assert "drop_last=True drops" in capsys.readouterr().out

    def negative_when_short(n, context, stride, batch, drop):
        windows = (n - context - 1) // stride + 1
        return windows // batch if drop else -(-windows // batch)

    assert not check_steps_per_epoch(negative_when_short)
    assert "Not even one window fits" in capsys.readouterr().out

    def float_division(n, context, stride, batch, drop):
        windows = right_windows(n, context, stride)
        return windows / batch

    assert not check_steps_per_epoch(float_division)
    assert "whole number" in capsys.readouterr().out

    def ignores_the_stride(n, context, stride, batch, drop):
        windows = right_windows(n, context, context)
        return windows // batch if drop else math.ceil(windows / batch)

    assert not check_steps_per_epoch(ignores_the_stride)
    assert "expected" in capsys.readouterr().out


# ------------------------------------------------------------------------------------ exercise 2: a batch by hand


def test_make_batch_solution_passes(capsys):
    assert check_make_batch(run_solution(2, "make_batch"))
    assert "[PASS]" in capsys.readouterr().out


def test_make_batch_solution_against_plain_lists():
    make_batch = run_solution(2, "make_batch")
    ids = torch.tensor([10, 11, 12, 13, 14, 15, 16, 17], dtype=torch.int16)
    inputs, targets = make_batch(ids, [0, 3], 4)
    assert inputs.tolist() == [[10, 11, 12, 13], [13, 14, 15, 16]]
    assert targets.tolist() == [[11, 12, 13, 14], [14, 15, 16, 17]]
    assert inputs.dtype == targets.dtype == torch.long


def test_make_batch_wrong_answers_fail(capsys):
    def same(ids, starts, context):
        rows = torch.stack([ids[s:s + context] for s in starts]).long()
        return rows, rows.clone()

    assert not check_make_batch(same)
    assert "shift by one" in capsys.readouterr().out

    def keeps_int16(ids, starts, context):
        return torch.stack([ids[s:s + context] for s in starts]), torch.stack([ids[s + 1:s + context + 1] for s in starts])

    assert not check_make_batch(keeps_int16)
    assert ".long()" in capsys.readouterr().out

    def transposed(ids, starts, context):
        inputs = torch.stack([ids[s:s + context] for s in starts], dim=1).long()
        targets = torch.stack([ids[s + 1:s + context + 1] for s in starts], dim=1).long()
        return inputs, targets

    assert not check_make_batch(transposed)
    assert "one row per window" in capsys.readouterr().out

    def one_too_many(ids, starts, context):
        inputs = torch.stack([ids[s:s + context + 1] for s in starts]).long()
        return inputs, inputs

    assert not check_make_batch(one_too_many)
    assert "only a target" in capsys.readouterr().out

    def shifted_back(ids, starts, context):  # the token before, not after
        padded = torch.cat([ids[:1], ids])
        inputs = torch.stack([ids[s:s + context] for s in starts]).long()
        targets = torch.stack([padded[s:s + context] for s in starts]).long()
        return inputs, targets

    assert not check_make_batch(shifted_back)
    assert "wrong way" in capsys.readouterr().out

    def lists(ids, starts, context):
        return [ids[s:s + context].tolist() for s in starts], [ids[s + 1:s + context + 1].tolist() for s in starts]

    assert not check_make_batch(lists)
    assert "torch.stack" in capsys.readouterr().out

    def crashes(ids, starts, context):
        return torch.stack([ids[s:s + context] for s in starts[0]])

    assert not check_make_batch(crashes)
    assert "your code raised" in capsys.readouterr().out
