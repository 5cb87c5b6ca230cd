"""Checks for the exercises of notebook 05 (data loading)."""

from __future__ import annotations

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
        call = f"steps_per_epoch(n_tokens={n}, context_length={context}, stride={stride}, batch_size={batch}, drop_last={drop})"
        hint = f"{call} gave {got!r}, expected {expected} ({windows} window{'s' if windows != 1 else ''})."
        if got == _batches_by_dealing(_windows_by_walking(n + 1, context, stride), batch, drop):
            hint += (" A window needs context_length + 1 tokens (the inputs and one more token, the last target): "
                     "the last start s must satisfy s + context_length + 1 <= n_tokens.")
        elif windows == 0:
            hint += f" Not even one window fits (it needs context_length + 1 = {context + 1} tokens), so there are no steps."
        elif got == _batches_by_dealing(windows, batch, not drop):
            hint += (" drop_last=True drops a last, smaller batch (round down); drop_last=False keeps it as one more "
                     "step (round up).")
        expect(False, hint)


@exercise("A batch by hand")
def check_make_batch(make_batch) -> None:
    import torch

    generator = torch.Generator().manual_seed(5)
    ids = torch.randint(0, 4000, (60,), generator=generator, dtype=torch.int16)  # a compact stream, as in the notebook
    for starts, context in [([0, 7, 20], 4), ([3], 1), ([51, 0, 51, 10], 8), ([0, 1, 2, 3, 4], 10)]:
        call = f"make_batch(ids, starts={starts}, context_length={context})"
        stream = ids.tolist()  # the truth, from plain Python lists
        want_inputs = [stream[s:s + context] for s in starts]
        want_targets = [stream[s + 1:s + context + 1] for s in starts]
        got = make_batch(ids, starts, context)
        expect(isinstance(got, tuple) and len(got) == 2, f"{call} should return a pair (inputs, targets), got {type(got).__name__}.")
        inputs, targets = got
        expect(
            isinstance(inputs, torch.Tensor) and isinstance(targets, torch.Tensor),
            "Return two tensors; torch.stack([...]) turns a list of 1-D tensors into one 2-D tensor.",
        )
        shape = (len(starts), context)
        if inputs.shape == (context, len(starts)) and inputs.shape != shape:
            expect(False, f"{call}: inputs have shape {tuple(inputs.shape)}, expected {shape}: one row per window (stack along dim 0).")
        if inputs.shape == (len(starts), context + 1):
            expect(False, f"{call}: inputs have shape {tuple(inputs.shape)}, expected {shape}: the inputs are context_length tokens; the token after them is only a target.")
        expect(inputs.shape == shape, f"{call}: inputs have shape {tuple(inputs.shape)}, expected {shape} (one row of context_length ids per start).")
        expect(targets.shape == shape, f"{call}: targets have shape {tuple(targets.shape)}, expected {shape}, the same as the inputs.")
        expect(inputs.tolist() == want_inputs, f"{call}: row r of the inputs should be ids[starts[r] : starts[r] + context_length].")
        if targets.tolist() == want_inputs:
            expect(False, f"{call}: the targets equal the inputs; each target is the token after its input: shift by one.")
        if context > 1 and [row[1:] for row in targets.tolist()] == [row[:-1] for row in want_inputs]:
            expect(False, f"{call}: the targets are shifted the wrong way; target j is the token after input j, ids[s + j + 1].")
        expect(targets.tolist() == want_targets, f"{call}: row r of the targets should be ids[starts[r] + 1 : starts[r] + context_length + 1].")
        expect(
            inputs.dtype == torch.long and targets.dtype == torch.long,
            f"The values are right, but the tensors are {inputs.dtype} and {targets.dtype}: convert them with .long() "
            "(PyTorch's loss functions want int64 targets).",
        )
