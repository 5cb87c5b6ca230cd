"""buildllm.attention against independent truths: PyTorch's own multi-head attention and SDPA, a brute-force loop."""

import ast
import math

import pytest
import torch
import torch.nn.functional as F

from buildllm.attention import MultiHeadAttention
from helpers import notebook


def make_attention(d_model=12, num_heads=3, context_length=10, seed=0, **options):
    torch.manual_seed(seed)
    return MultiHeadAttention(d_model, num_heads, context_length, **options).eval()


def inputs(batch=2, tokens=7, d_model=12, seed=1):
    return torch.randn(batch, tokens, d_model, generator=torch.Generator().manual_seed(seed))


def both_paths(attention, x):
    outputs = {}
    for fused in (True, False):
        attention.fused = fused
        outputs[fused] = attention(x)
    attention.fused = True
    return outputs[True], outputs[False]


def causal_mask(tokens):
    return torch.ones(tokens, tokens, dtype=torch.bool).triu(1)  # True: may not attend


def torch_twin(attention):
    """torch.nn.MultiheadAttention holding the same weights (its in_proj is our qkv, untransposed)."""
    d_model, heads = attention.d_model, attention.num_heads
    twin = torch.nn.MultiheadAttention(d_model, heads, bias=True, batch_first=True).eval()
    with torch.no_grad():
        twin.in_proj_weight.copy_(attention.qkv.weight)
        twin.in_proj_bias.copy_(attention.qkv.bias if attention.qkv.bias is not None else torch.zeros(3 * d_model))
        twin.out_proj.weight.copy_(attention.proj.weight)
        twin.out_proj.bias.copy_(attention.proj.bias)
    return twin


@pytest.mark.parametrize("qkv_bias", [False, True])
@pytest.mark.parametrize("d_model, num_heads", [(12, 3), (8, 1), (16, 8)])
def test_equals_torch_multihead_attention(d_model, num_heads, qkv_bias):
    attention = make_attention(d_model, num_heads, qkv_bias=qkv_bias)
    x = inputs(d_model=d_model)
    twin = torch_twin(attention)
    expected, expected_weights = twin(x, x, x, attn_mask=causal_mask(x.shape[1]), need_weights=True,
                                      average_attn_weights=False)
    fused, plain = both_paths(attention, x)
    torch.testing.assert_close(fused, expected, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(plain, expected, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(attention.attention_weights(x), expected_weights, atol=1e-6, rtol=1e-5)


def test_plain_path_equals_scaled_dot_product_attention_head_by_head():
    attention = make_attention(12, 3)
    x = inputs()
    projected = x @ attention.qkv.weight.T  # (B, T, 36): [queries | keys | values]
    q, k, v = projected[..., :12], projected[..., 12:24], projected[..., 24:]
    heads = []
    for h in range(3):
        cols = slice(4 * h, 4 * h + 4)
        heads.append(F.scaled_dot_product_attention(q[..., cols], k[..., cols], v[..., cols], is_causal=True))
    expected = attention.proj(torch.cat(heads, dim=-1))
    fused, plain = both_paths(attention, x)
    torch.testing.assert_close(plain, expected, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(fused, expected, atol=1e-5, rtol=1e-5)


def test_equals_a_brute_force_loop_over_heads_and_tokens():
    attention = make_attention(6, 2, qkv_bias=True)
    x = inputs(batch=1, tokens=5, d_model=6)[0].double()
    W, b = attention.qkv.weight.detach().double(), attention.qkv.bias.detach().double()
    rows = []
    for i in range(5):  # token i looks at tokens 0..i, head by head
        pieces = []
        for h in range(2):
            def part(kind, j, h=h):  # kind 0, 1, 2: query, key, value of token j in head h
                start = kind * 6 + h * 3
                return W[start:start + 3] @ x[j] + b[start:start + 3]

            scores = [float(part(0, i) @ part(1, j)) / math.sqrt(3) for j in range(i + 1)]
            exps = [math.exp(s - max(scores)) for s in scores]
            pieces.append(sum(e / sum(exps) * part(2, j) for j, e in enumerate(exps)))
        rows.append(torch.cat(pieces))
    proj_weight, proj_bias = attention.proj.weight.detach().double(), attention.proj.bias.detach().double()
    expected = (torch.stack(rows) @ proj_weight.T + proj_bias).float()
    fused, plain = both_paths(attention, x.float().unsqueeze(0))
    torch.testing.assert_close(fused[0], expected, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(plain[0], expected, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("fused", [True, False])
def test_no_output_depends_on_a_later_token(fused):
    attention = make_attention()
    attention.fused = fused
    x = inputs(batch=1, tokens=8)
    before = attention(x)
    for t in range(8):
        changed = x.clone()
        changed[0, t] += torch.randn(12, generator=torch.Generator().manual_seed(t))
        after = attention(changed)
        assert torch.equal(after[0, :t], before[0, :t]), f"an output before token {t} changed"
        assert not torch.allclose(after[0, t], before[0, t]), f"token {t}'s own output ignored its input"


def test_attention_weights_are_causal_distributions():
    attention = make_attention()
    weights = attention.attention_weights(inputs(tokens=6))
    assert weights.shape == (2, 3, 6, 6)
    assert torch.all(weights.triu(1) == 0)
    assert torch.all(weights[..., ~causal_mask(6)] > 0)
    torch.testing.assert_close(weights.sum(-1), torch.ones(2, 3, 6))
    assert torch.equal(weights[..., 0, 0], torch.ones(2, 3))  # the first token can only look at itself


def test_gradients_agree_between_fused_and_plain_paths():
    attention = make_attention(qkv_bias=True)
    x = inputs()
    grads = []
    for fused in (True, False):
        attention.zero_grad()
        attention.fused = fused
        attention(x).square().sum().backward()
        grads.append({name: p.grad.clone() for name, p in attention.named_parameters()})
    for name in grads[0]:
        torch.testing.assert_close(grads[0][name], grads[1][name], atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize("fused", [True, False])
def test_dropout_acts_in_training_only(fused):
    with_dropout = make_attention(dropout=0.5)
    without = make_attention(dropout=0.0)  # same seed: same weights
    with_dropout.fused = fused
    x = inputs()
    torch.testing.assert_close(with_dropout(x), without(x))  # eval(): dropout off
    with_dropout.train()
    torch.manual_seed(0)
    first = with_dropout(x)
    second = with_dropout(x)
    assert not torch.allclose(first, second)
    assert not torch.allclose(first, without(x))


@pytest.mark.parametrize("fused", [True, False])
def test_with_dropout_on_the_average_output_is_the_output_without_dropout(fused):
    # Dropout's 1 / (1 - p) rescaling keeps every weight's expectation: averaged over many draws, both paths (SDPA's
    # own dropout, and the plain path's) give the evaluation-mode output.
    attention = make_attention(8, 2, dropout=0.3)
    x = inputs(batch=1, tokens=5, d_model=8)
    expected = attention(x)[0]
    attention.train()
    attention.fused = fused
    torch.manual_seed(0)
    with torch.no_grad():
        draws = attention(x.expand(20_000, 5, 8))
    assert draws.std(0).min() > 1e-3  # the draws differ
    torch.testing.assert_close(draws.mean(0), expected, atol=0.02, rtol=0)


def test_plain_dropout_zeroes_weights_and_rescales_the_rest(monkeypatch):
    attention = make_attention(dropout=0.5).train()
    attention.fused = False
    x = inputs(batch=1, tokens=6)
    weights = attention.attention_weights(x)
    seen = {}
    real_dropout = F.dropout

    def spy(tensor, p, training=True, inplace=False):
        seen["dropped"] = real_dropout(tensor, p, training, inplace)
        return seen["dropped"]

    monkeypatch.setattr(F, "dropout", spy)
    torch.manual_seed(3)
    attention(x)
    dropped = seen["dropped"]
    kept = dropped != 0
    assert 0 < kept.sum() < weights.tril().gt(0).sum()  # some weights dropped, some kept
    torch.testing.assert_close(dropped[kept], 2 * weights[kept])  # survivors scaled by 1 / (1 - p)


def test_state_dict_holds_only_the_two_projections():
    keys = set(make_attention(qkv_bias=True).state_dict())
    assert keys == {"qkv.weight", "qkv.bias", "proj.weight", "proj.bias"}
    assert set(make_attention().state_dict()) == {"qkv.weight", "proj.weight", "proj.bias"}
    attention = make_attention()
    assert attention.qkv.weight.shape == (36, 12) and attention.proj.weight.shape == (12, 12)
    assert (attention.num_heads, attention.head_dim, attention.context_length) == (3, 4, 10)
    assert attention.fused is True and attention.dropout == 0.0


def test_full_context_is_allowed_and_shorter_inputs_work():
    attention = make_attention(context_length=10)
    assert attention(inputs(tokens=10)).shape == (2, 10, 12)
    assert attention(inputs(tokens=1)).shape == (2, 1, 12)


@pytest.mark.parametrize(
    "options, message",
    [
        (dict(d_model=10, num_heads=3), "divisible by num_heads"),
        (dict(d_model=12, num_heads=0), "num_heads must be a positive whole number"),
        (dict(d_model=12.0, num_heads=3), "d_model must be a positive whole number"),
        (dict(context_length=0), "context_length must be a positive whole number"),
        (dict(dropout=1.0), "dropout is a probability"),
        (dict(dropout=-0.1), "dropout is a probability"),
    ],
)
def test_bad_configurations_raise_clear_errors(options, message):
    settings = dict(d_model=12, num_heads=3, context_length=8) | options
    with pytest.raises(ValueError, match=message):
        MultiHeadAttention(**settings)


@pytest.mark.parametrize("fused", [True, False])
def test_bad_inputs_raise_clear_errors(fused):
    attention = make_attention(context_length=6)
    attention.fused = fused
    with pytest.raises(ValueError, match="context_length is 6"):
        attention(inputs(tokens=7))
    with pytest.raises(ValueError, match=r"unsqueeze\(0\)"):
        attention(torch.randn(5, 12))
    with pytest.raises(ValueError, match=r"\(batch, tokens, 12\)"):
        attention(torch.randn(2, 5, 8))
    with pytest.raises(ValueError, match="context_length is 6"):
        attention.attention_weights(inputs(tokens=9))


@pytest.mark.parametrize("fused", [True, False])
def test_bfloat16_autocast_stays_close_to_float32(fused):
    attention = make_attention()
    attention.fused = fused
    x = inputs()
    expected = attention(x)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        got = attention(x)
    assert got.dtype == torch.bfloat16
    torch.testing.assert_close(got.float(), expected, atol=5e-2, rtol=5e-2)


# ----------------------------------------------------------- the notebook's teaching versions agree with the package


def teaching_classes():
    """The classes that notebook 07 defines in its code cells (definitions only, not the demo code around them)."""
    namespace = {"torch": torch, "nn": torch.nn, "F": F, "math": math}
    for cell in notebook("07_self_attention").cells:
        if cell.cell_type == "code" and not cell.source.startswith("#|"):
            classes = [node for node in ast.parse(cell.source).body if isinstance(node, ast.ClassDef)]
            exec(compile(ast.Module(body=classes, type_ignores=[]), "notebook 07", "exec"), namespace)
    return namespace


def test_teaching_self_attention_equals_unmasked_sdpa():
    SelfAttentionV2 = teaching_classes()["SelfAttentionV2"]
    torch.manual_seed(0)
    head = SelfAttentionV2(d_in=5, d_out=4)
    x = torch.randn(6, 5)
    q, k, v = head.W_query(x), head.W_key(x), head.W_value(x)
    torch.testing.assert_close(head(x), F.scaled_dot_product_attention(q, k, v))


def test_teaching_causal_head_equals_a_one_head_package_module():
    CausalAttention = teaching_classes()["CausalAttention"]
    torch.manual_seed(0)
    head = CausalAttention(d_in=6, d_out=6, context_length=8).eval()
    attention = make_attention(6, 1, context_length=8)
    with torch.no_grad():
        attention.qkv.weight.copy_(torch.cat([head.W_query.weight, head.W_key.weight, head.W_value.weight]))
        attention.proj.weight.copy_(torch.eye(6))
        attention.proj.bias.zero_()
    x = inputs(tokens=7, d_model=6)
    for fused in (True, False):
        attention.fused = fused
        torch.testing.assert_close(attention(x), head(x), atol=1e-6, rtol=1e-5)


def test_teaching_list_of_heads_and_split_module_equal_the_package():
    classes = teaching_classes()
    torch.manual_seed(0)
    heads_as_list = classes["MultiHeadAttentionV1"](12, 3, 10, qkv_bias=True).eval()
    heads_split = classes["MultiHeadAttentionV2"](12, 3, 10, qkv_bias=True).eval()
    attention = make_attention(12, 3, context_length=10, qkv_bias=True)
    # GPT-2's layout, written out: rows [all queries | all keys | all values], head h at rows 4h..4h+3 of each block.
    layers = [[head.W_query, head.W_key, head.W_value] for head in heads_as_list.heads]
    weight = torch.cat([layers[h][block].weight for block in range(3) for h in range(3)])
    bias = torch.cat([layers[h][block].bias for block in range(3) for h in range(3)])
    with torch.no_grad():
        for module in (attention, heads_split):
            module.qkv.weight.copy_(weight)
            module.qkv.bias.copy_(bias)
            module.proj.load_state_dict(heads_as_list.proj.state_dict())
    x = inputs()
    expected = heads_as_list(x)
    torch.testing.assert_close(heads_split(x), expected, atol=1e-6, rtol=1e-5)
    for fused in (True, False):
        attention.fused = fused
        torch.testing.assert_close(attention(x), expected, atol=1e-6, rtol=1e-5)


def test_diagrams_draw_the_shapes_the_notebook_names():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from buildllm.diagrams.attention import draw_attention_head, draw_head_split

    for draw, expected in [(draw_attention_head, ["Q: queries\n(T, d_out)", "softmax\nover each row", "weights @ V"]),
                           (draw_head_split, ["(B, H, T, C/H)", "head 2: (T, C/H)", "heads side by side\n(B, T, C)"])]:
        figure = draw()
        texts = [text.get_text() for text in figure.axes[0].texts]
        for label in expected:
            assert label in texts, f"{draw.__name__}: no {label!r} in {texts}"
        plt.close(figure)
    figure = draw_head_split(tokens=3, d_model=8, num_heads=4)  # other sizes draw one block per head
    assert sum("head" in text.get_text() and ": (T, C/H)" in text.get_text() for text in figure.axes[0].texts) == 4
    plt.close(figure)
