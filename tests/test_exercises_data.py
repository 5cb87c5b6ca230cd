"""Notebook 05's exercise solutions pass their checks, and wrong answers fail them."""

import math

import torch

from buildllm.exercises.data import check_share_spanning, check_steps_per_epoch
from helpers import solution_code


def run_solution(exercise, name):
    # Exercise 2's solution cell also measures the notebook's stream; a short stand-in stream is enough here.
    namespace = {"torch": torch, "check_steps_per_epoch": check_steps_per_epoch,
                 "check_share_spanning": check_share_spanning, "train_ids": [1, 2, 0, 3] * 300,
                 "tokenizer": type("Stub", (), {"eot_token": 0})()}
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


# ------------------------------------------------------------------------ exercise 2: windows that span two stories


def test_share_spanning_solution_passes(capsys):
    run_solution(2, "share_spanning")
    out = capsys.readouterr().out
    assert "[PASS]" in out
    assert "windows of    16 inputs: 100.0% span two stories" in out  # the stand-in stream: an end token every 4


def test_share_spanning_solution_by_hand():
    share = run_solution(2, "share_spanning")
    ids = [1, 2, 0, 3, 4, 5, 0, 6, 7]  # inputs of the windows of 2: [1, 2] [0, 3] [4, 5] [0, 6]
    assert share(ids, 0, 2) == 0.5
    assert share(ids, 0, 4) == 1.0  # [1, 2, 0, 3] and [4, 5, 0, 6]
    assert share(ids, 0, 1) == 0.25  # [1] [2] [0] [3] [4] [5] [0] [6]: 2 of 8
    assert share([1, 2, 3, 0], 0, 3) == 0.0  # the end token is only the last target


def right_share(ids, eot, context):
    starts = range(0, len(ids) - context, context)
    return sum(eot in ids[s:s + context] for s in starts) / len(starts)


def test_share_spanning_wrong_answers_fail(capsys):
    def counts(ids, eot, context):
        return sum(eot in ids[s:s + context] for s in range(0, len(ids) - context, context))

    assert not check_share_spanning(counts)
    assert "Return a share, not a count" in capsys.readouterr().out

    def with_last_target(ids, eot, context):
        starts = range(0, len(ids) - context, context)
        return sum(eot in ids[s:s + context + 1] for s in starts) / len(starts)

    assert not check_share_spanning(with_last_target)
    assert "Look at the inputs only, not the last target" in capsys.readouterr().out

    def every_position(ids, eot, context):
        starts = range(0, len(ids) - context)
        return sum(eot in ids[s:s + context] for s in starts) / len(starts)

    assert not check_share_spanning(every_position)
    assert "The windows sit side by side" in capsys.readouterr().out

    def partial_last_window(ids, eot, context):
        starts = range(0, len(ids), context)
        return sum(eot in ids[s:s + context] for s in starts) / len(starts)

    assert not check_share_spanning(partial_last_window)
    assert "Only whole windows count" in capsys.readouterr().out

    def says_yes(ids, eot, context):
        return eot in ids

    assert not check_share_spanning(says_yes)
    assert "return the share as a number from 0 to 1" in capsys.readouterr().out

    def off_by_a_little(ids, eot, context):
        return right_share(ids, eot, context) * 0.9

    assert not check_share_spanning(off_by_a_little)
    assert "expected 0.5." in capsys.readouterr().out

    def crashes(ids, eot, context):
        return ids.index(eot) / 0

    assert not check_share_spanning(crashes)
    assert "your code raised ZeroDivisionError" in capsys.readouterr().out
