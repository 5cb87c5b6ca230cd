"""Checks for the exercises of notebook 10 (finetuning for classification)."""

from __future__ import annotations

import math

import torch

from . import exercise, expect

# Hand-counted cases: (predicted, true) -> (precision, recall, F1) with spam (class 1) as the positive class.
PRECISION_CASES = [
    # 2 true positives, 1 false positive, 1 false negative: precision 2/3, recall 2/3
    (([1, 1, 1, 0, 0], [1, 1, 0, 1, 0]), (2 / 3, 2 / 3, 2 / 3)),
    # everything called spam: 2 of 4 right; every spam found
    (([1, 1, 1, 1], [1, 0, 1, 0]), (0.5, 1.0, 2 / 3)),
    # nothing called spam: precision has no cases, taken as 0; recall 0 of 2
    (([0, 0, 0, 0], [1, 0, 1, 0]), (0.0, 0.0, 0.0)),
    # perfect
    (([0, 1, 0, 1, 1], [0, 1, 0, 1, 1]), (1.0, 1.0, 1.0)),
    # 1 of 3 predicted spam is spam, 1 of 2 spam found: F1 = 2 * (1/3 * 1/2) / (1/3 + 1/2) = 0.4
    (([1, 1, 1, 0, 0, 0], [1, 0, 0, 1, 0, 0]), (1 / 3, 0.5, 0.4)),
]


def _counted(predicted, true):
    """The slow truth: walk the pairs and count."""
    tp = sum(p == 1 and t == 1 for p, t in zip(predicted, true))
    fp = sum(p == 1 and t == 0 for p, t in zip(predicted, true))
    fn = sum(p == 0 and t == 1 for p, t in zip(predicted, true))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@exercise("Precision, recall and F1")
def check_precision_recall_f1(precision_recall_f1) -> None:
    generator = torch.Generator().manual_seed(10)
    random_cases = [(torch.randint(0, 2, (n,), generator=generator).tolist(),
                     torch.randint(0, 2, (n,), generator=generator).tolist()) for n in (1, 3, 10, 50, 200)]
    cases = [case for case, _ in PRECISION_CASES] + random_cases
    for predicted, true in cases:
        expected = _counted(predicted, true)
        got = precision_recall_f1(torch.tensor(predicted), torch.tensor(true))
        expect(isinstance(got, tuple) and len(got) == 3,
               f"Return a tuple of three numbers (precision, recall, f1), got {got!r}.")
        got = tuple(float(value) for value in got)
        expect(all(math.isfinite(value) for value in got),
               f"predicted={predicted}, true={true}: got {got}. When nothing is predicted spam (or there is no "
               "spam), a ratio has nothing to divide by: return 0.0 for it instead of dividing by zero.")
        if all(abs(g - e) < 1e-6 for g, e in zip(got, expected)):
            continue
        hint = f"predicted={predicted}, true={true}: got {got}, expected {tuple(round(e, 4) for e in expected)}."
        if abs(got[0] - expected[1]) < 1e-6 and abs(got[1] - expected[0]) < 1e-6 and expected[0] != expected[1]:
            hint += (" Precision and recall are swapped: precision = TP / (TP + FP), of the messages called spam, "
                     "the share that is spam; recall = TP / (TP + FN), of the spam, the share found.")
        elif abs(got[0] - expected[0]) < 1e-6 and abs(got[1] - expected[1]) < 1e-6:
            hint += " F1 is the harmonic mean of precision and recall: 2 * p * r / (p + r)."
        expect(False, hint)


def _mean_by_loop(outputs, lengths):
    return torch.stack([outputs[b, : int(lengths[b])].mean(0) for b in range(len(lengths))])


@exercise("Mean pooling")
def check_mean_pool(mean_pool) -> None:
    outputs = torch.tensor([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]],
                            [[0.0, 1.0], [100.0, 100.0], [100.0, 100.0]]])  # (2, 3, 2); 100s are padding
    got = mean_pool(outputs, torch.tensor([2, 1]))
    expect(isinstance(got, torch.Tensor), f"Return a tensor, got {type(got).__name__}.")
    expect(tuple(got.shape) == (2, 2), f"For outputs of shape (2, 3, 2) return (2, 2): one vector per row, got "
                                       f"{tuple(got.shape)}.")
    if torch.allclose(got, outputs.mean(1)):
        expect(False, "You averaged every position, padding included: average only the first lengths[b] positions "
                      "of row b (a mask of the real positions, or a slice per row).")
    expect(torch.allclose(got, torch.tensor([[2.0, 3.0], [0.0, 1.0]])),
           f"By hand, row 0 averages its 2 real positions to [2, 3] and row 1 keeps its one, [0, 1]; got "
           f"{got.tolist()}.")
    generator = torch.Generator().manual_seed(3)
    for batch, positions, channels in [(1, 1, 2), (5, 7, 2), (16, 64, 3)]:
        outputs = torch.randn(batch, positions, channels, generator=generator)
        lengths = torch.randint(1, positions + 1, (batch,), generator=generator)
        got = mean_pool(outputs, lengths)
        truth = _mean_by_loop(outputs, lengths)
        right = tuple(got.shape) == (batch, channels) and torch.allclose(got, truth, atol=1e-5)
        expect(right,
               f"Random outputs {tuple(outputs.shape)} with lengths {lengths.tolist()}: your means differ from the "
               "average of each row's real positions.")
    outputs = torch.randn(4, 6, 2, generator=generator, requires_grad=True)
    pooled = mean_pool(outputs, torch.tensor([1, 6, 3, 2]))
    expect(pooled.requires_grad, "Gradients must flow back through mean_pool to the outputs: compute with torch "
                                 "operations (no .item(), .tolist() or torch.tensor(...) of the results).")
    pooled.sum().backward()
    expect(float(outputs.grad[0, 1:].abs().sum()) == 0.0, "The padding positions must get no gradient.")


def _trainable_by_model(config, trainable_blocks: int) -> int:
    from buildllm.classify import add_classification_head, freeze_for_finetuning, parameter_counts
    from buildllm.model import GPTModel

    model = freeze_for_finetuning(add_classification_head(GPTModel(config)), trainable_blocks)
    return parameter_counts(model)["trainable"]


@exercise("Trainable parameters by hand")
def check_trainable_parameters(trainable_parameters) -> None:
    from buildllm.model import GPTConfig

    configs = [GPTConfig(vocab_size=64, context_length=8, d_model=8, num_heads=2, num_layers=3),
               GPTConfig(vocab_size=100, context_length=16, d_model=12, num_heads=3, num_layers=2, qkv_bias=True),
               GPTConfig(vocab_size=50, context_length=4, d_model=16, num_heads=4, num_layers=4, tie_weights=False)]
    for config in configs:
        for blocks in range(config.num_layers + 1):
            expected = _trainable_by_model(config, blocks)
            got = trainable_parameters(config, blocks)
            if got == expected:
                continue
            d = config.d_model
            hint = (f"trainable_parameters({config}, {blocks}) gave {got!r}, a real model has {expected:,} "
                    "trainable parameters.")
            if got == expected - 2 * d:
                hint += " Count the final norm too (a scale and a shift of d_model each)."
            elif got == expected - 2 or got == expected - 2 * d - 2:
                hint += " The new head has a bias: 2 numbers besides its d_model x 2 weights."
            elif blocks and got == _trainable_by_model(config, 0):
                hint += (" Add the trainable blocks: each has two layer norms, the attention (q/k/v with or without "
                         "bias, output projection with bias) and the feed-forward network (two layers with biases).")
            expect(False, hint)
