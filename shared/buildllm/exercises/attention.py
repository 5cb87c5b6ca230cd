"""Checks for the exercises of notebook 07 (self-attention)."""

from __future__ import annotations

import math

from . import exercise, expect


def _weights_by_loops(queries, keys, scale: float) -> list[list[float]]:
    """Causal softmax weights the slow way, in plain Python: row i spreads over tokens 0..i only."""
    q, k = queries.tolist(), keys.tolist()
    rows = []
    for i in range(len(q)):
        scores = [scale * sum(a * b for a, b in zip(q[i], k[j])) for j in range(i + 1)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        rows.append([e / sum(exps) for e in exps] + [0.0] * (len(q) - i - 1))
    return rows


def _close(got, rows, tolerance: float = 1e-4) -> bool:
    import torch

    return got.shape == (len(rows), len(rows)) and torch.allclose(got.double(), torch.tensor(rows, dtype=torch.float64),
                                                                  atol=tolerance, rtol=tolerance)


def _as_tensor(got, call: str):
    import torch

    expect(isinstance(got, torch.Tensor), f"{call} returned {type(got).__name__}; return a tensor.")
    return got.detach()


@exercise("A head with any scaling")
def check_causal_weights(causal_weights) -> None:
    import torch

    generator = torch.Generator().manual_seed(7)
    for tokens, d_k, scale in [(4, 3, 1.0), (6, 16, 0.25), (5, 8, 2.0), (1, 4, 0.5), (7, 64, 1 / 8)]:
        queries = torch.randn(tokens, d_k, generator=generator)
        keys = torch.randn(tokens, d_k, generator=generator)
        call = f"causal_weights(queries ({tokens}, {d_k}), keys ({tokens}, {d_k}), scale={scale})"
        got = _as_tensor(causal_weights(queries, keys, scale), call)
        expect(got.shape == (tokens, tokens),
               f"{call} has shape {tuple(got.shape)}; expected ({tokens}, {tokens}): one row per query, "
               "one column per key.")
        if _close(got, _weights_by_loops(queries, keys, scale)):
            continue
        expect(not torch.isnan(got).any(), f"{call} holds NaN. If row 0 is NaN, the mask hid the diagonal too: a token "
               "may attend to itself, so hide only the entries above it (torch.triu(..., diagonal=1)).")
        expect(bool(torch.all(got.triu(1).abs() < 1e-6)), f"{call}: weights above the diagonal are not 0, so tokens "
               "see the future. Set those scores to float('-inf') before the softmax (masked_fill with "
               "torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)).")
        if tokens > 1 and torch.allclose(got.sum(0), torch.ones(tokens), atol=1e-4):
            expect(False, f"{call}: the columns sum to 1, not the rows. Take the softmax over each row: dim=-1.")
        expect(torch.allclose(got.sum(-1), torch.ones(tokens), atol=1e-4), f"{call}: the rows do not sum to 1 "
               "(did you mask after the softmax?). Mask the scores with -inf before the softmax.")
        if _close(got, _weights_by_loops(keys, queries, scale)):
            expect(False, f"{call}: queries and keys are swapped. Row i belongs to query i: scores = queries @ keys.T.")
        if _close(got, _weights_by_loops(queries, keys, 1 / scale)):
            expect(False, f"{call}: you divided the scores by scale; multiply them by it (the usual scale is 1/√d_k).")
        if _close(got, _weights_by_loops(queries, keys, 1.0)):
            expect(False, f"{call}: the weights ignore scale. Multiply the scores by scale before the softmax.")
        if _close(got, _weights_by_loops(queries, keys, scale / math.sqrt(d_k))):
            expect(False, f"{call}: you also divided by √d_k. Use scale alone: the caller picks it.")
        expect(False, f"{call} gives different weights from softmax(scale · queries @ keys.T, masked) row by row.")
    _show_saturation(causal_weights)


def _show_saturation(causal_weights) -> None:
    """The point of the exercise, with the learner's own function: large scales saturate the softmax."""
    import torch

    generator = torch.Generator().manual_seed(8)
    d_k, tokens = 256, 16
    queries, keys = torch.randn(tokens, d_k, generator=generator), torch.randn(tokens, d_k, generator=generator)
    print(f"Your head on random queries and keys, d_k = {d_k}, {tokens} tokens (average largest weight per row, "
          "rows 4 and on):")
    for name, scale in [("1 (no scaling)", 1.0), ("1/√d_k", d_k ** -0.5), ("1/d_k", 1 / d_k)]:
        weights = causal_weights(queries, keys, scale).detach()
        print(f"  scale {name:15} {weights[4:].max(-1).values.mean():.3f}")
    print("  No scaling saturates (nearly one-hot rows); 1/d_k flattens the weights toward uniform; "
          "1/√d_k sits between.")


def _head_weights_by_hand(attention, x, head: int, *, block_of_keys: int = 1, scale: float | None = None,
                          mask: bool = True, interleaved: bool = False):
    """One head's weights from the module's qkv layer, with switches that reproduce common mistakes."""
    import torch

    C, hd = attention.d_model, attention.head_dim
    out = attention.qkv(x).detach().double()
    if interleaved:  # the mistake: [q | k | v] per head, instead of [all queries | all keys | all values]
        q, k = out[..., 3 * hd * head:3 * hd * head + hd], out[..., 3 * hd * head + hd:3 * hd * head + 2 * hd]
    else:
        key_start = block_of_keys * C + head * hd
        q, k = out[..., head * hd:(head + 1) * hd], out[..., key_start:key_start + hd]
    scores = q @ k.transpose(-2, -1) * (hd ** -0.5 if scale is None else scale)
    if mask:
        tokens = x.shape[1]
        scores = scores.masked_fill(torch.ones(tokens, tokens, dtype=torch.bool).triu(1), float("-inf"))
    return torch.softmax(scores, dim=-1)


@exercise("One head out of the package's module")
def check_head_weights(head_weights) -> None:
    import torch

    from buildllm.attention import MultiHeadAttention

    generator = torch.Generator().manual_seed(9)
    for d_model, num_heads, head, qkv_bias in [(12, 3, 1, False), (8, 2, 0, True), (16, 4, 3, False)]:
        torch.manual_seed(d_model)
        attention = MultiHeadAttention(d_model, num_heads, context_length=8, qkv_bias=qkv_bias).eval()
        x = torch.randn(2, 5, d_model, generator=generator)
        call = (f"head_weights(MultiHeadAttention(d_model={d_model}, num_heads={num_heads}), x (2, 5, {d_model}), "
                f"head={head})")
        got = _as_tensor(head_weights(attention, x, head), call)
        expect(got.shape == (2, 5, 5),
               f"{call} has shape {tuple(got.shape)}; expected (2, 5, 5): (B, T, T) for one head.")
        if torch.allclose(got.double(), attention.attention_weights(x)[:, head].detach().double(), atol=1e-5):
            continue
        mistakes = [
            (dict(scale=1.0), "the scores are not scaled: divide them by √head_dim, the key size of one head."),
            (dict(scale=d_model ** -0.5), "divide by √head_dim (head_dim = d_model // num_heads), the size of one "
                                          "head's keys, not by √d_model."),
            (dict(mask=False), "the future is visible: mask the scores above the diagonal with -inf before the "
                               "softmax."),
            (dict(block_of_keys=0), "the keys are the second block of qkv's output, columns d_model to 2·d_model "
                                    "(qkv(x) is [queries | keys | values])."),
            (dict(block_of_keys=2), "those keys are the values: keys are the second block, columns d_model to "
                                    "2·d_model."),
            (dict(interleaved=True), "qkv's output is [all queries | all keys | all values], not one [q | k | v] group "
                                     "per head: head h's queries are columns h·head_dim to (h+1)·head_dim of the first "
                                     "block, and its keys the same columns of the second block."),
        ]
        for options, hint in mistakes:
            if torch.allclose(got.double(), _head_weights_by_hand(attention, x, head, **options), atol=1e-5):
                expect(False, f"{call}: {hint}")
        others = [h for h in range(num_heads) if h != head and torch.allclose(
            got.double(), attention.attention_weights(x)[:, h].detach().double(), atol=1e-5)]
        expect(not others, f"{call} returned head {others[0] if others else ''}'s weights: head h uses columns "
               "h·head_dim to (h+1)·head_dim of each block.")
        expect(False, f"{call} differs from the module's own attention_weights(x)[:, {head}].")


def _window_mask_by_rule(tokens: int, window: int) -> list[list[bool]]:
    return [[not (i - window < j <= i) for j in range(tokens)] for i in range(tokens)]


@exercise("A sliding-window mask")
def check_sliding_window_mask(sliding_window_mask) -> None:
    import torch

    for tokens in range(9, 0, -1):  # large first: a small T cannot tell some mistakes apart
        for window in range(1, 11):
            call = f"sliding_window_mask(T={tokens}, window={window})"
            got = _as_tensor(sliding_window_mask(tokens, window), call)
            expect(got.shape == (tokens, tokens),
                   f"{call} has shape {tuple(got.shape)}; expected ({tokens}, {tokens}).")
            expect(got.dtype == torch.bool, f"{call} has dtype {got.dtype}; return a bool tensor (True = hidden), "
                   "the kind masked_fill takes.")
            want = _window_mask_by_rule(tokens, window)
            if got.tolist() == want:
                continue
            if tokens > 2 and got.tolist() == [[not hidden for hidden in row] for row in want]:
                expect(False, f"{call}: True and False are swapped. As with the causal mask, True marks what a "
                       "token may NOT see.")
            expect(not any(not got[i, j] for i in range(tokens) for j in range(i + 1, tokens)),
                   f"{call}: a token can see the future. Hide every j > i too (the causal part).")
            if got.tolist() == _window_mask_by_rule(tokens, window + 1):
                expect(False, f"{call}: tokens see window + 1 tokens. Token i sees exactly `window` tokens, itself "
                       "included: j from i - window + 1 to i.")
            if got.tolist() == _window_mask_by_rule(tokens, window - 1):
                expect(False, f"{call}: tokens see window - 1 tokens. Token i sees exactly `window` tokens, itself "
                       "included: j from i - window + 1 to i.")
            row = next(i for i in range(tokens) if got[i].tolist() != want[i])
            seen = [j for j in range(tokens) if not want[row][j]]
            expect(False, f"{call}: row {row} is wrong; token {row} should see tokens {seen} and nothing else.")
