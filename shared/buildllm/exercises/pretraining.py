"""Checks for the exercises of notebook 09 (pretraining)."""

from __future__ import annotations

import math

from . import exercise, expect

# (probabilities of the right tokens, bytes of text, perplexity, bits per byte), worked out by hand:
# four tokens at p = 1/4 -> loss ln 4, perplexity 4, 4 x 2 bits over 8 bytes = 1 bit per byte;
# p = 1/2, 1/8 -> loss (ln 2 + ln 8) / 2 = 2 ln 2, perplexity 4, (1 + 3) bits over 2 bytes = 2 bits per byte;
# one token at p = 1 -> loss 0, perplexity 1, 0 bits.
MEASURES = [
    ([0.25, 0.25, 0.25, 0.25], 8, 4.0, 1.0),
    ([0.5, 0.125], 2, 4.0, 2.0),
    ([1.0], 5, 1.0, 0.0),
    ([0.5, 0.5, 0.5], 12, 2.0, 0.25),
]


@exercise("Perplexity and bits per byte")
def check_measures(perplexity_and_bpb) -> None:
    for probs, n_bytes, perplexity, bpb in MEASURES:
        got = perplexity_and_bpb(list(probs), n_bytes)
        expect(isinstance(got, tuple) and len(got) == 2, f"Return a pair (perplexity, bits_per_byte), got {got!r}.")
        got_ppl, got_bpb = (float(value) for value in got)
        where = f"for probabilities {probs} over {n_bytes} bytes"
        if not math.isclose(got_ppl, perplexity, rel_tol=1e-6):
            hint = ""
            if math.isclose(got_ppl, math.exp(-sum(math.log(p) for p in probs)), rel_tol=1e-6) and len(probs) > 1:
                hint = " Hint: the loss is the MEAN of -ln p over the tokens, not the sum."
            elif math.isclose(got_ppl, 2 ** (-sum(math.log2(p) for p in probs) / len(probs)), rel_tol=1e-6):
                hint = " (That would also be right with log2 and 2**: check your bits per byte instead.)"
            expect(False, f"{where} the perplexity is {perplexity:g}, you give {got_ppl:g}.{hint}")
        if not math.isclose(got_bpb, bpb, rel_tol=1e-6, abs_tol=1e-12):
            hint = ""
            nats = -sum(math.log(p) for p in probs) / n_bytes
            if math.isclose(got_bpb, nats, rel_tol=1e-6):
                hint = " Hint: that is nats per byte; a bit is ln 2 nats, so divide by ln 2 (or use log2)."
            elif math.isclose(got_bpb, -sum(math.log2(p) for p in probs) / len(probs), rel_tol=1e-6):
                hint = " Hint: that is bits per TOKEN; divide the total bits by the bytes instead."
            expect(False, f"{where} it is {bpb:g} bits per byte, you give {got_bpb:g}.{hint}")


def _min_p_truth(row: list[float], min_p: float) -> list[bool]:
    """Which tokens of one row of scores survive min-p, by brute force in plain Python."""
    biggest = max(row)
    total = sum(math.exp(s - biggest) for s in row)
    probs = [math.exp(s - biggest) / total for s in row]
    return [p >= min_p * max(probs) for p in probs]


@exercise("A min-p filter")
def check_min_p(filter_min_p) -> None:
    import torch

    # By hand: probabilities 0.5, 0.25, 0.125, 0.125 (scores ln of them); min_p 0.5 keeps p >= 0.25: tokens 0, 1.
    scores = torch.tensor([[math.log(0.5), math.log(0.25), math.log(0.125), math.log(0.125)]])
    got = filter_min_p(scores.clone(), 0.5)
    expect(isinstance(got, torch.Tensor) and got.shape == scores.shape,
           f"Return a tensor of the same shape as the scores {tuple(scores.shape)}, got "
           f"{getattr(got, 'shape', type(got).__name__)}.")
    expect(bool((got == float("-inf")).any()),
           "With probabilities [0.5, 0.25, 0.125, 0.125] and min_p 0.5, tokens 2 and 3 must go: give removed tokens "
           "the score -inf (probability 0 after softmax).")
    kept = torch.isfinite(got)[0].tolist()
    expect(kept == [True, True, False, False],
           f"With probabilities [0.5, 0.25, 0.125, 0.125] and min_p 0.5, tokens 0 and 1 survive (p >= 0.5 x 0.5); "
           f"you keep {[i for i, k in enumerate(kept) if k]}. Hint: compare probabilities (softmax), not scores.")
    expect(torch.equal(got[torch.isfinite(got)], scores[0, :2]), "Keep the surviving tokens' scores unchanged.")
    expect(bool((got[~torch.isfinite(got)] == float("-inf")).all()), "Give the removed tokens the score -inf.")
    generator = torch.Generator().manual_seed(0)
    for min_p in (0.0, 0.05, 0.3, 1.0):
        scores = torch.randn(5, 50, generator=generator) * 3
        got = filter_min_p(scores.clone(), min_p)
        truth = torch.tensor([_min_p_truth(row, min_p) for row in scores.tolist()])
        expect(torch.equal(torch.isfinite(got), truth),
               f"On random scores (5 rows of 50) with min_p {min_p}, the kept tokens differ from the truth. Each "
               "row has its own best token: compare with max over the last dimension (keepdim=True).")
        expect(bool(torch.isfinite(got).any(dim=-1).all()), "Every row must keep at least its best token.")


def _wsd_truth(step: int, max_steps: int, lr: float, warmup_steps: int, decay_steps: int) -> float:
    if step < warmup_steps:
        return lr * (step + 1) / warmup_steps
    if step < max_steps - decay_steps:
        return lr
    return lr * (max_steps - step) / decay_steps


# Worked out by hand for max_steps 100, lr 1.0, warmup 10, decay 20: step 0 -> 0.1, 4 -> 0.5, 9 -> 1.0 (warmup
# done), 50 and 79 -> 1.0 (stable), 80 -> 20/20 = 1.0, 90 -> 10/20 = 0.5, 99 -> 1/20 = 0.05.
WSD_BY_HAND = {0: 0.1, 4: 0.5, 9: 1.0, 50: 1.0, 79: 1.0, 80: 1.0, 90: 0.5, 99: 0.05}


@exercise("A warmup-stable-decay schedule")
def check_wsd(wsd_lr) -> None:
    for step, want in WSD_BY_HAND.items():
        got = wsd_lr(step, 100, 1.0, 10, 20)
        expect(isinstance(got, (int, float)) and not isinstance(got, bool),
               f"Return the learning rate as a number, got {got!r}.")
        if not math.isclose(got, want, rel_tol=1e-9):
            phase = "warmup" if step < 10 else "stable part" if step < 80 else "decay"
            expect(False, f"wsd_lr({step}, max_steps=100, lr=1.0, warmup_steps=10, decay_steps=20) is {want:g} "
                          f"(the {phase}), you give {got:g}.")
    for args in [(0, 50, 3e-3, 5, 10), (47, 50, 3e-3, 5, 10), (200, 1000, 6e-4, 0, 100), (999, 1000, 6e-4, 0, 100)]:
        got, want = wsd_lr(*args), _wsd_truth(*args)
        expect(math.isclose(got, want, rel_tol=1e-9),
               f"wsd_lr{args} should be {want:.6g}, you give {got:.6g}. (With warmup_steps=0 there is no warmup; "
               "with decay_steps=max_steps the decay starts at step 0, after any warmup.)")
