"""Checks for the exercises of notebook 05 (data loading)."""

from __future__ import annotations

import math

from . import exercise, expect


def _windows_by_walking(n_tokens: int, context_length: int, stride: int) -> int:
    """Count windows the slow way: walk the start along the stream while a whole window still fits."""
    count, start = 0, 0
    while start + context_length + 1 <= n_tokens:
        count += 1
        start += stride
    return count


def _batches_by_dealing(n_windows: int, batch_size: int, drop_last: bool) -> int:
    """Count batches the slow way: deal the windows out batch by batch."""
    batches, left = 0, n_windows
    while left >= batch_size or (left > 0 and not drop_last):
        batches += 1
        left -= min(batch_size, left)
    return batches


CASES = [
    (n, context, stride, batch, drop)
    for n in range(0, 41)
    for context in (1, 2, 3, 5, 8)
    for stride in (1, 2, 3, 5, 8, 11)
    for batch in (1, 2, 3, 4, 7)
    for drop in (False, True)
] + [(300_000, 256, 256, 32, True), (300_000, 256, 128, 32, False), (1_000_003, 1024, 1, 8, False)]


@exercise("Steps per epoch")
def check_steps_per_epoch(steps_per_epoch) -> None:
    # The type first, on a case worked out by hand (10 tokens, windows of 4 + 1: starts 0, 2, 4, so 2 batches of 2);
    # then every case against the slow counts above.
    got = steps_per_epoch(10, 4, 2, 2, False)
    expect(
        isinstance(got, int) and not isinstance(got, bool),
        f"Return a whole number of steps, got {got!r}. (Use // for whole-number division, not /.)",
    )
    for n, context, stride, batch, drop in CASES:
        windows = _windows_by_walking(n, context, stride)
        expected = _batches_by_dealing(windows, batch, drop)
        got = steps_per_epoch(n, context, stride, batch, drop)
        if got == expected:
            continue
        call = (f"steps_per_epoch(n_tokens={n}, context_length={context}, stride={stride}, batch_size={batch}, "
                f"drop_last={drop})")
        hint = f"{call} gave {got!r}, expected {expected} ({windows} window{'s' if windows != 1 else ''})."
        if got == _batches_by_dealing(_windows_by_walking(n + 1, context, stride), batch, drop):
            hint += (" A window needs context_length + 1 tokens (the inputs and one more token, the last target): "
                     "the last start s must satisfy s + context_length + 1 <= n_tokens.")
        elif windows == 0:
            hint += (f" Not even one window fits (it needs context_length + 1 = {context + 1} tokens), so there are "
                     "no steps.")
        elif got == _batches_by_dealing(windows, batch, not drop):
            hint += (" drop_last=True drops a last, smaller batch (round down); drop_last=False keeps it as one more "
                     "step (round up).")
        expect(False, hint)


def _share_by_walking(ids: list[int], eot_token: int, context_length: int, stride: int | None = None,
                      window_tokens: int | None = None) -> float:
    """The slow truth: walk the start along the stream, window by whole window, and look at each input.

    ``stride`` and ``window_tokens`` (how many tokens are searched) default to the right answer's; other values
    reproduce the usual mistakes, so the check can say which one was made."""
    stride = context_length if stride is None else stride
    window_tokens = context_length if window_tokens is None else window_tokens
    windows = spanning = start = 0
    while start + context_length + 1 <= len(ids):
        windows += 1
        spanning += any(ids[start + j] == eot_token for j in range(window_tokens))
        start += stride
    return spanning / windows


def _spanning_cases() -> list[tuple[list[int], int, int]]:
    """(ids, eot_token, context_length): a hand-made stream, then streams of short random 'stories'."""
    import random

    cases = [([1, 2, 0, 3, 4, 5, 0, 6, 7], 0, 2)]  # inputs [1, 2] [0, 3] [4, 5] [0, 6]: half hold the end token
    rng = random.Random(5)
    for eot_token in (0, 9):
        for _ in range(12):
            ids = []
            while len(ids) < 120:
                ids += [rng.choice([t for t in range(1, 12) if t != eot_token]) for _ in range(rng.randint(1, 15))]
                ids.append(eot_token)
            for context_length in (1, 2, 3, 4, 7, 10, 16):
                cases.append((ids[: rng.randint(context_length + 1, len(ids))], eot_token, context_length))
    return cases


@exercise("Windows that span two stories")
def check_share_spanning(share_spanning) -> None:
    for ids, eot_token, context_length in _spanning_cases():
        expected = _share_by_walking(ids, eot_token, context_length)
        got = share_spanning(list(ids), eot_token, context_length)
        call = f"share_spanning(ids={ids if len(ids) < 12 else '[...]'}, eot_token={eot_token}, " \
               f"context_length={context_length})"
        expect(isinstance(got, (int, float)) and not isinstance(got, bool),
               f"{call} returned {got!r}: return the share as a number from 0 to 1.")
        if math.isclose(got, expected, abs_tol=1e-9):
            continue
        hint = f"{call} gave {got!r}, expected {expected:.4g}."
        windows = (len(ids) - context_length - 1) // context_length + 1
        if got > 1 or math.isclose(got, expected * windows):
            hint += " Return a share, not a count: divide by the number of windows."
        elif math.isclose(got, _share_by_walking(ids, eot_token, context_length, window_tokens=context_length + 1)):
            hint += (" Look at the inputs only, not the last target: a window whose last target is the end token "
                     "stops at its story's end, it does not reach into the next story.")
        elif math.isclose(got, _share_by_walking(ids, eot_token, context_length, stride=1)):
            hint += (" The windows sit side by side: they start at 0, context_length, 2 * context_length, ... "
                     "(stride = context_length), not at every position.")
        else:
            starts = range(0, len(ids), context_length)  # also the last, partial window
            partial = [any(t == eot_token for t in ids[s:s + context_length]) for s in starts]
            if math.isclose(got, sum(partial) / len(partial)):
                hint += (" Only whole windows count: a window needs context_length + 1 tokens (its inputs and one "
                         "more, the last target), so the last start s satisfies s + context_length + 1 <= len(ids).")
        expect(False, hint)
