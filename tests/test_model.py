"""buildllm.model (notebook 08): its parts against PyTorch and hand computations, the whole model against Hugging Face
GPT-2 on the same weights, clear errors, precision, generation, and learning."""

from __future__ import annotations

import ast
import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from buildllm import model as M
from buildllm.model import (
    COURSE_CONFIG,
    GPT2_SMALL,
    FeedForward,
    GPTConfig,
    GPTModel,
    autocast_context,
    generate_greedy,
    gpt2_name,
    load_gpt2_weights,
    resolve_precision,
)
from helpers import notebook

pytestmark = pytest.mark.usefixtures("one_torch_thread")


TINY = GPTConfig(vocab_size=99, context_length=32, d_model=48, num_heads=4, num_layers=2, qkv_bias=True)


def teaching(*names):
    """The notebook's teaching versions (classes and functions only, without the cells' demo code)."""
    wanted = set(names)
    namespace = {"torch": torch, "nn": nn, "F": F, "math": math, **vars(M)}  # the package's parts, as in the notebook
    for cell in notebook("08_gpt_model").cells:
        if cell.cell_type != "code" or cell.source.lstrip().startswith("#|"):
            continue
        definitions = [node for node in ast.parse(cell.source).body
                       if isinstance(node, (ast.ClassDef, ast.FunctionDef)) and node.name in wanted]
        exec(compile(ast.Module(body=definitions, type_ignores=[]), "08_gpt_model", "exec"), namespace)
    return [namespace[name] for name in names]


# ------------------------------------------------------------------------------------- LayerNorm, GELU, feed-forward


def test_layer_norm_by_hand():
    [LayerNormV1] = teaching("LayerNormV1")
    x = torch.tensor([[1.0, 2.0, 3.0, 4.0]])  # mean 2.5, variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
    expected = torch.tensor([[-1.5, -0.5, 0.5, 1.5]]) / math.sqrt(1.25 + 1e-5)
    assert torch.allclose(LayerNormV1(4)(x), expected, atol=1e-6)


def test_layer_norm_equals_torch():
    [LayerNormV1] = teaching("LayerNormV1")
    torch.manual_seed(0)
    ours, reference = LayerNormV1(32), nn.LayerNorm(32)
    with torch.no_grad():
        for ours_p, ref_p in [(ours.scale, reference.weight), (ours.shift, reference.bias)]:
            ours_p.copy_(torch.randn(32))
            ref_p.copy_(ours_p)
    x = torch.randn(3, 7, 32) * 5 + 2
    assert torch.allclose(ours(x), reference(x), atol=1e-5)


def test_gelu_equals_torch_tanh_approximation():
    [gelu_v1] = teaching("gelu_v1")
    x = torch.linspace(-8, 8, 2001)
    assert torch.allclose(gelu_v1(x), F.gelu(x, approximate="tanh"), atol=1e-6)
    exact = F.gelu(x)  # the erf form: the approximation is close, not equal
    assert 1e-5 < (gelu_v1(x) - exact).abs().max() < 1e-3


def test_feed_forward_is_linear_gelu_linear():
    torch.manual_seed(0)
    ff = FeedForward(16)
    x = torch.randn(2, 5, 16)
    hidden = x @ ff.up.weight.T + ff.up.bias
    expected = F.gelu(hidden, approximate="tanh") @ ff.down.weight.T + ff.down.bias
    assert ff.up.weight.shape == (64, 16) and torch.allclose(ff(x), expected, atol=1e-6)


def test_teaching_model_equals_package_model():
    [GPTModelV1] = teaching("GPTModelV1")
    config = GPTConfig(vocab_size=50, context_length=16, d_model=32, num_heads=4, num_layers=2, tie_weights=False)
    torch.manual_seed(0)
    model, plain = GPTModel(config).eval(), GPTModelV1(config).eval()
    plain.load_state_dict(model.state_dict())
    ids = torch.randint(0, 50, (2, 16))
    assert torch.allclose(model(ids), plain(ids), atol=1e-5)


def test_teaching_feed_forward_and_block_equal_package_versions():
    _, FeedForwardV1, TransformerBlockV1 = teaching("LayerNormV1", "FeedForwardV1", "TransformerBlockV1")
    torch.manual_seed(0)
    plain_block = TransformerBlockV1(d_model=32, num_heads=4, context_length=16)
    renames = {"norm1.scale": "norm1.weight", "norm1.shift": "norm1.bias", "norm2.scale": "norm2.weight",
               "norm2.shift": "norm2.bias", "ff.layers.0.weight": "ff.up.weight", "ff.layers.0.bias": "ff.up.bias",
               "ff.layers.2.weight": "ff.down.weight", "ff.layers.2.bias": "ff.down.bias"}
    block = M.TransformerBlock(GPTConfig(d_model=32, num_heads=4, context_length=16))
    block.load_state_dict({renames.get(name, name): value for name, value in plain_block.state_dict().items()})
    x = torch.randn(2, 9, 32)
    assert torch.allclose(block(x), plain_block(x), atol=1e-5)
    plain_ff, ff = FeedForwardV1(32), FeedForward(32)
    ff.load_state_dict({renames["ff." + name][3:]: value for name, value in plain_ff.state_dict().items()})
    assert torch.allclose(ff(x), plain_ff(x), atol=1e-6)


def test_teaching_greedy_generation_equals_package_version():
    [generate_greedy_v1] = teaching("generate_greedy_v1")
    torch.manual_seed(0)
    model = GPTModel(GPTConfig(vocab_size=30, context_length=6, d_model=16, num_heads=2, num_layers=1)).eval()
    prompt = torch.randint(0, 30, (2, 4))
    with torch.no_grad():
        expected = generate_greedy_v1(model, prompt, 8, context_length=6)
    assert torch.equal(generate_greedy(model, prompt, 8), expected)


# ------------------------------------------------------------------------------------------ GPT-2 (Hugging Face)


@pytest.fixture(scope="module")
def hf_gpt2():
    """A small random GPT-2 from `transformers` (no download), with weights large enough to give varied logits."""
    transformers = pytest.importorskip("transformers")
    config = transformers.GPT2Config(vocab_size=99, n_positions=32, n_embd=48, n_layer=2, n_head=4, resid_pdrop=0.0,
                                     embd_pdrop=0.0, attn_pdrop=0.0, bos_token_id=0, eos_token_id=0)
    models = {}
    for implementation in ["eager", "sdpa"]:
        torch.manual_seed(0)
        hf = transformers.GPT2LMHeadModel._from_config(config, attn_implementation=implementation).eval()
        with torch.no_grad():
            for name, p in hf.named_parameters():
                if "ln_" not in name:
                    p.normal_(0.0, 0.2)
        models[implementation] = hf
    return models


@pytest.mark.parametrize("implementation", ["eager", "sdpa"])
def test_logits_equal_hugging_face_gpt2(hf_gpt2, implementation):
    hf = hf_gpt2[implementation]
    ours = load_gpt2_weights(GPTModel(TINY), hf.state_dict()).eval()
    ids = torch.randint(0, 99, (3, 32), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        theirs, mine = hf(ids).logits, ours(ids)
    assert theirs.abs().max() > 1.0  # varied logits, not a near-constant output
    assert (mine - theirs).abs().max() < 1e-5


def test_greedy_generation_equals_hugging_face(hf_gpt2):
    hf = hf_gpt2["eager"]
    ours = load_gpt2_weights(GPTModel(TINY), hf.state_dict())
    prompt = torch.randint(0, 99, (2, 6), generator=torch.Generator().manual_seed(2))
    with torch.no_grad():
        theirs = hf.generate(prompt, max_new_tokens=12, do_sample=False, pad_token_id=0)
    mine = generate_greedy(ours, prompt, max_new_tokens=12)
    assert len(set(mine[0, 6:].tolist())) > 1  # not one token repeated
    assert torch.equal(mine, theirs)


def test_loads_base_model_names_without_prefix_and_untied(hf_gpt2):
    hf = hf_gpt2["eager"]
    base = {name.removeprefix("transformer."): value for name, value in hf.state_dict().items()
            if name.startswith("transformer.")}  # GPT2Model's names, as in OpenAI's model.safetensors
    untied = load_gpt2_weights(GPTModel(GPTConfig(**{**TINY.__dict__, "tie_weights": False})), base).eval()
    ids = torch.randint(0, 99, (1, 20), generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        assert (untied(ids) - hf(ids).logits).abs().max() < 1e-5
    assert untied.lm_head.weight.data_ptr() != untied.tok_emb.weight.data_ptr()


def test_loading_into_a_wrong_config_says_what_differs(hf_gpt2):
    state = hf_gpt2["eager"].state_dict()
    with pytest.raises(ValueError, match="lacks"):
        load_gpt2_weights(GPTModel(GPTConfig(**{**TINY.__dict__, "num_layers": 1})), state)
    with pytest.raises(ValueError, match="qkv_bias"):
        load_gpt2_weights(GPTModel(GPTConfig(**{**TINY.__dict__, "qkv_bias": False})), state)
    with pytest.raises(ValueError, match="nothing for blocks.2"):
        load_gpt2_weights(GPTModel(GPTConfig(**{**TINY.__dict__, "num_layers": 3})), state)
    with pytest.raises(ValueError, match="shape"):
        load_gpt2_weights(GPTModel(GPTConfig(**{**TINY.__dict__, "vocab_size": 100})), state)


def test_gpt2_names():
    assert gpt2_name("transformer.h.3.attn.c_attn.weight") == ("blocks.3.attn.qkv.weight", True)
    assert gpt2_name("h.3.attn.c_attn.bias") == ("blocks.3.attn.qkv.bias", False)
    assert gpt2_name("ln_f.weight") == ("final_norm.weight", False)
    assert gpt2_name("h.0.attn.bias") == (None, False)  # the causal-mask buffer of old checkpoints


def test_parameter_counts():
    with torch.device("meta"):
        tied, untied = GPTModel(GPT2_SMALL), GPTModel(GPTConfig(**{**GPT2_SMALL.__dict__, "tie_weights": False}))
    assert tied.num_parameters() == 124_439_808  # OpenAI's GPT-2 small, as Hugging Face reports it
    assert untied.num_parameters() == 124_439_808 + 50257 * 768
    assert tied.lm_head.weight is tied.tok_emb.weight


def test_parameter_count_equals_hugging_face(hf_gpt2):
    assert GPTModel(TINY).num_parameters() == hf_gpt2["eager"].num_parameters()


# ------------------------------------------------------------------------------------------------ clear errors


@pytest.mark.parametrize("sizes, message", [
    (dict(d_model=100, num_heads=6), "divisible by num_heads \\(6\\).*Try num_heads in \\[1, 2, 4, 5, 10"),
    (dict(num_layers=0), "num_layers must be a positive whole number"),
    (dict(vocab_size=-3), "vocab_size must be a positive"),
    (dict(context_length=12.0), "context_length must be a positive whole number"),
    (dict(num_heads=True), "num_heads must be a positive"),
    (dict(dropout=1.0), "dropout is a probability"),
    (dict(dropout=-0.1), "dropout is a probability"),
])
def test_bad_configs_raise_clear_errors(sizes, message):
    with pytest.raises(ValueError, match=message):
        GPTConfig(**sizes)


def test_vocabulary_smaller_than_the_tokenizer():
    class FakeTokenizer:
        n_vocab = 5000

    with pytest.raises(ValueError, match="5,000 token ids but the model's vocab_size is 4,096"):
        COURSE_CONFIG.check_tokenizer(FakeTokenizer())
    GPTConfig(vocab_size=5000).check_tokenizer(FakeTokenizer())  # big enough: no error


@pytest.fixture(scope="module")
def small_model():
    torch.manual_seed(0)
    return GPTModel(GPTConfig(vocab_size=20, context_length=8, d_model=16, num_heads=2, num_layers=1)).eval()


@pytest.mark.parametrize("ids, error, message", [
    (torch.zeros(1, 9, dtype=torch.long), ValueError, "9 tokens.*context_length=8.*ids\\[:, -8:\\]"),
    (torch.tensor([[1, 20]]), ValueError, "Token id 20 is out of range.*0 to 19"),
    (torch.tensor([[1, -1]]), ValueError, "Token id -1 is out of range"),
    (torch.tensor([1, 2, 3]), ValueError, "unsqueeze"),
    (torch.zeros(1, 0, dtype=torch.long), ValueError, "at least one token"),
    (torch.tensor([[1.0, 2.0]]), TypeError, "integer tensor"),
    ([[1, 2]], TypeError, "integer tensor"),
])
def test_bad_ids_raise_clear_errors(small_model, ids, error, message):
    with pytest.raises(error, match=message):
        small_model(ids)


def test_model_wants_a_config():
    with pytest.raises(TypeError, match="GPTConfig"):
        GPTModel({"vocab_size": 10})


# ------------------------------------------------------------------------------------------ behaviour of the model


def test_no_position_sees_a_later_token(small_model):
    ids = torch.randint(0, 20, (2, 8), generator=torch.Generator().manual_seed(0))
    changed = ids.clone()
    changed[:, 5:] = (changed[:, 5:] + 1) % 20
    with torch.no_grad():
        before, after = small_model(ids), small_model(changed)
    assert torch.allclose(before[:, :5], after[:, :5], atol=1e-6)
    assert not torch.allclose(before[:, 5:], after[:, 5:], atol=1e-3)


def test_dropout_only_in_training():
    torch.manual_seed(0)
    model = GPTModel(GPTConfig(vocab_size=20, context_length=8, d_model=16, num_heads=2, num_layers=1, dropout=0.3))
    ids = torch.randint(0, 20, (2, 8))
    assert not torch.equal(model.train()(ids), model(ids))
    model.eval()
    assert torch.equal(model(ids), model(ids))


def test_initialization():
    """GPT-2's, but for the token table's wider start (the position table's is tested below)."""
    torch.manual_seed(0)
    model = GPTModel(COURSE_CONFIG)
    assert abs(model.tok_emb.weight.std().item() - 0.1) < 5e-3
    branch_end = model.blocks[0].ff.down.weight.std().item()
    assert abs(branch_end - 0.02 / math.sqrt(2 * COURSE_CONFIG.num_layers)) < 1e-3
    assert torch.count_nonzero(model.blocks[0].ff.up.bias) == 0


def test_greedy_generation_by_brute_force(small_model):
    prompt = torch.randint(0, 20, (2, 3), generator=torch.Generator().manual_seed(4))
    ids = prompt
    for _ in range(10):  # the slow way: full forward over the kept window, argmax by hand
        window = ids[:, -8:]
        with torch.no_grad():
            scores = small_model(window)[:, -1]
        ids = torch.cat([ids, torch.tensor([[max(range(20), key=row.__getitem__)] for row in scores.tolist()])], 1)
    small_model.train()
    assert torch.equal(generate_greedy(small_model, prompt, 10), ids)  # longer than the context: cropped
    assert small_model.training  # mode restored
    small_model.eval()


def test_greedy_generation_stops_at_end_of_text(small_model):
    prompt = torch.randint(0, 20, (1, 3), generator=torch.Generator().manual_seed(4))
    first = generate_greedy(small_model, prompt, 1)[0, -1].item()
    assert generate_greedy(small_model, prompt, 10, eot_token=first).shape == (1, 4)


def test_overfits_one_batch():
    torch.manual_seed(0)
    model = GPTModel(GPTConfig(vocab_size=50, context_length=16, d_model=32, num_heads=4, num_layers=2))
    ids = torch.randint(0, 50, (4, 17), generator=torch.Generator().manual_seed(5))
    inputs, targets = ids[:, :-1], ids[:, 1:]
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    losses = []
    for _ in range(150):
        loss = F.cross_entropy(model(inputs).flatten(0, 1), targets.flatten())
        losses.append(loss.item())
        if losses[-1] < 0.05:
            break
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    assert losses[0] > 3.5 and losses[-1] < 0.05  # from about ln(50) = 3.9 to nearly 0: every part passes gradients


# ---------------------------------------------------------------------------------------------------- precision


def test_bfloat16_autocast_is_close_to_float32():
    torch.manual_seed(0)
    model = GPTModel(GPTConfig(vocab_size=200, context_length=32, d_model=64, num_heads=4, num_layers=2)).eval()
    ids = torch.randint(0, 200, (4, 32))
    targets = torch.randint(0, 200, (4, 32))
    results = {}
    with torch.no_grad():
        for precision in ["float32", "bfloat16"]:
            with autocast_context("cpu", precision):
                logits = model(ids)
            results[precision] = (logits.dtype, logits.float(), F.cross_entropy(logits.float().flatten(0, 1),
                                                                               targets.flatten()).item())
    (dtype32, logits32, loss32), (dtype16, logits16, loss16) = results["float32"], results["bfloat16"]
    assert dtype32 == torch.float32 and dtype16 == torch.bfloat16  # autocast really ran
    assert 0 < (logits32 - logits16).abs().max() < 5e-2
    assert abs(loss32 - loss16) < 5e-3


def test_precision_switch(monkeypatch):
    monkeypatch.setattr(M, "bf16_supported", lambda device: True)
    assert resolve_precision("cpu") == "bfloat16"
    assert resolve_precision("cpu", "float32") == "float32"
    monkeypatch.setattr(M, "bf16_supported", lambda device: False)
    assert resolve_precision("cpu") == "float32"
    assert resolve_precision("cpu", "bfloat16") == "bfloat16"  # asked for: allowed (emulated, slower)
    with pytest.raises(ValueError, match="precision must be one of"):
        resolve_precision("cpu", "fp16")


def test_bf16_support_follows_the_cpu_flags(monkeypatch):
    for avx512, amx in [(False, False), (True, False), (False, True)]:
        monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda v=avx512: v, raising=False)
        monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda v=amx: v, raising=False)
        assert M.bf16_supported("cpu") == (avx512 or amx)
    assert M.bf16_supported("meta") is False


def test_diagrams_draw_with_the_given_sizes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from buildllm.diagrams.model import draw_gpt_overview, draw_transformer_block

    for figure, expected in [(draw_gpt_overview(d_model=768, num_layers=12, vocab_size=50257), "\u00d7 12"),
                             (draw_transformer_block(d_model=768, num_heads=12), "768\u21923072")]:
        [ax] = figure.axes
        texts = " ".join(text.get_text() for text in ax.texts)
        assert ax.get_title() and expected in texts
        plt.close(figure)


@pytest.mark.parametrize("d_model", [6, 5])
def test_the_position_table_starts_as_sinusoids(d_model):
    model = GPTModel(GPTConfig(vocab_size=20, context_length=8, d_model=d_model, num_heads=1, num_layers=1))
    table = model.pos_emb.weight.detach().tolist()
    for position in range(8):  # the original Transformer's code, one number at a time: sin, cos, sin, ...
        for dim in range(d_model):
            angle = position / 10000 ** ((dim - dim % 2) / d_model)
            wave = math.sin(angle) if dim % 2 == 0 else math.cos(angle)
            assert table[position][dim] == pytest.approx(0.14 * wave, abs=1e-6)
