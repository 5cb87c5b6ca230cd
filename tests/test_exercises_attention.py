"""Notebook 07's exercise solutions pass their checks, and wrong answers fail them with the right hint."""

import math

import torch

from buildllm.attention import MultiHeadAttention
from buildllm.exercises.attention import check_causal_weights, check_head_weights, check_sliding_window_mask
from helpers import solution_code

CHECKS = {"check_causal_weights": check_causal_weights, "check_head_weights": check_head_weights,
          "check_sliding_window_mask": check_sliding_window_mask}


def run_solution(exercise, name):
    namespace = {"torch": torch, **CHECKS}
    exec(solution_code("07_self_attention", exercise), namespace)
    return namespace[name]


def fails_with(check, answer, hint, capsys):
    assert not check(answer)
    out = capsys.readouterr().out
    assert "[TRY AGAIN]" in out and hint in out, out


# ------------------------------------------------------------------------------ exercise 1: a head with any scaling


def test_causal_weights_solution_passes_and_shows_saturation(capsys):
    assert check_causal_weights(run_solution(1, "causal_weights"))
    out = capsys.readouterr().out
    assert "[PASS]" in out and "scale 1 (no scaling)" in out and "1/√d_k" in out


def test_causal_weights_solution_by_hand():
    causal_weights = run_solution(1, "causal_weights")
    # Two tokens; query 1 scores 2 against key 0 and 0 against key 1: with scale 0.5, weights e^1 : e^0.
    queries = torch.tensor([[1.0, 0.0], [2.0, 0.0]])
    keys = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    weights = causal_weights(queries, keys, 0.5)
    e = math.e
    torch.testing.assert_close(weights, torch.tensor([[1.0, 0.0], [e / (e + 1), 1 / (e + 1)]]))


def masked_softmax(scores, dim=-1, mask_diagonal=False):
    T = scores.shape[0]
    future = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=0 if mask_diagonal else 1)
    return torch.softmax(scores.masked_fill(future, float("-inf")), dim=dim)


def test_causal_weights_wrong_answers_fail(capsys):
    check = check_causal_weights
    fails_with(check, lambda q, k, s: torch.softmax(s * q @ k.T, dim=-1), "see the future", capsys)
    fails_with(check, lambda q, k, s: masked_softmax(q @ k.T / s), "divided the scores by scale", capsys)
    fails_with(check, lambda q, k, s: masked_softmax(q @ k.T), "ignore scale", capsys)
    fails_with(check, lambda q, k, s: masked_softmax(s * k @ q.T), "swapped", capsys)
    fails_with(check, lambda q, k, s: masked_softmax(s * q @ k.T / math.sqrt(q.shape[1])), "also divided", capsys)
    fails_with(check, lambda q, k, s: masked_softmax(s * q @ k.T, mask_diagonal=True), "NaN", capsys)
    fails_with(check, lambda q, k, s: torch.softmax(s * q @ k.T, dim=-1).tril(), "do not sum to 1", capsys)
    fails_with(check, lambda q, k, s: (s * q @ k.T).tolist(), "return a tensor", capsys)
    fails_with(check, lambda q, k, s: masked_softmax(s * q @ k.T)[:-1], "expected", capsys)


def test_causal_weights_columns_hint(capsys):
    # Softmax down the columns of a lower-triangular score matrix: columns then sum to 1, rows do not.
    def by_columns(q, k, s):
        T = q.shape[0]
        hidden = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
        return torch.softmax((s * q @ k.T).masked_fill(hidden, float("-inf")), dim=0)

    fails_with(check_causal_weights, by_columns, "columns sum to 1", capsys)


def test_causal_weights_todo(capsys):
    def placeholder(q, k, s):
        raise NotImplementedError

    assert not check_causal_weights(placeholder)
    assert "[TODO]" in capsys.readouterr().out


# ----------------------------------------------------------------------- exercise 2: one head out of the module


def test_head_weights_solution_passes(capsys):
    assert check_head_weights(run_solution(2, "head_weights"))
    assert "[PASS]" in capsys.readouterr().out


def test_head_weights_solution_against_torch_multihead_attention():
    head_weights = run_solution(2, "head_weights")
    torch.manual_seed(0)
    attention = MultiHeadAttention(8, 2, context_length=6).eval()
    twin = torch.nn.MultiheadAttention(8, 2, bias=False, batch_first=True)
    with torch.no_grad():
        twin.in_proj_weight.copy_(attention.qkv.weight)
    x = torch.randn(3, 6, 8)
    mask = torch.ones(6, 6, dtype=torch.bool).triu(1)
    _, expected = twin(x, x, x, attn_mask=mask, average_attn_weights=False)
    for head in range(2):
        torch.testing.assert_close(head_weights(attention, x, head), expected[:, head])


def head_variant(scale=None, mask=True, key_block=1, interleaved=False, head_offset=0):
    def head_weights(attention, x, head):
        head = (head + head_offset) % attention.num_heads
        C, hd = attention.d_model, attention.head_dim
        out = attention.qkv(x)
        if interleaved:
            q, k = out[..., 3 * hd * head:3 * hd * head + hd], out[..., 3 * hd * head + hd:3 * hd * head + 2 * hd]
        else:
            q = out[..., head * hd:(head + 1) * hd]
            k = out[..., key_block * C + head * hd:key_block * C + (head + 1) * hd]
        scores = q @ k.transpose(-2, -1) * (hd ** -0.5 if scale is None else scale(attention))
        if mask:
            T = x.shape[1]
            scores = scores.masked_fill(torch.triu(torch.ones(T, T, dtype=torch.bool), 1), float("-inf"))
        return torch.softmax(scores, dim=-1)

    return head_weights


def test_head_weights_wrong_answers_fail(capsys):
    check = check_head_weights
    fails_with(check, head_variant(scale=lambda a: 1.0), "not scaled", capsys)
    fails_with(check, head_variant(scale=lambda a: a.d_model ** -0.5), "not by √d_model", capsys)
    fails_with(check, head_variant(mask=False), "future is visible", capsys)
    fails_with(check, head_variant(key_block=0), "second block", capsys)
    fails_with(check, head_variant(key_block=2), "those keys are the values", capsys)
    fails_with(check, head_variant(interleaved=True), "not one [q | k | v] group", capsys)
    fails_with(check, head_variant(head_offset=1), "returned head", capsys)
    fails_with(check, lambda attention, x, head: attention.attention_weights(x), "(B, T, T) for one head", capsys)


# -------------------------------------------------------------------------- exercise 3: a sliding-window mask


def test_sliding_window_solution_passes(capsys):
    assert check_sliding_window_mask(run_solution(3, "sliding_window_mask"))
    assert "[PASS]" in capsys.readouterr().out


def test_sliding_window_solution_by_hand():
    mask = run_solution(3, "sliding_window_mask")(5, 2)
    visible = [[j for j in range(5) if not mask[i, j]] for i in range(5)]
    assert visible == [[0], [0, 1], [1, 2], [2, 3], [3, 4]]
    wide = run_solution(3, "sliding_window_mask")(4, 10)  # a window longer than the input: the causal mask
    assert torch.equal(wide, torch.ones(4, 4, dtype=torch.bool).triu(1))


def window_variant(extra=0, causal=True, inverted=False, dtype=None):
    def sliding_window_mask(T, window):
        i, j = torch.arange(T)[:, None], torch.arange(T)[None, :]
        hidden = j <= i - (window + extra)
        if causal:
            hidden = hidden | (j > i)
        if inverted:
            hidden = ~hidden
        return hidden if dtype is None else hidden.to(dtype)

    return sliding_window_mask


def test_sliding_window_wrong_answers_fail(capsys):
    check = check_sliding_window_mask
    fails_with(check, window_variant(inverted=True), "swapped", capsys)
    fails_with(check, window_variant(causal=False), "see the future", capsys)
    fails_with(check, window_variant(extra=1), "window + 1 tokens", capsys)
    fails_with(check, window_variant(extra=-1), "window - 1 tokens", capsys)
    fails_with(check, window_variant(dtype=torch.float32), "bool tensor", capsys)
    fails_with(check, window_variant(extra=3), "row", capsys)
