"""Checks for the exercises of notebook 08 (the GPT model)."""

from __future__ import annotations

import functools

from . import exercise, expect

# Configurations to count: tied and untied, with and without query/key/value biases, odd sizes, one layer or many.
CONFIGS = [
    dict(vocab_size=4096, context_length=256, d_model=384, num_heads=6, num_layers=6),
    dict(vocab_size=50257, context_length=1024, d_model=768, num_heads=12, num_layers=12, qkv_bias=True),
    dict(vocab_size=50257, context_length=1024, d_model=768, num_heads=12, num_layers=12, qkv_bias=True,
         tie_weights=False),
    dict(vocab_size=65, context_length=64, d_model=128, num_heads=4, num_layers=4, tie_weights=False),
    dict(vocab_size=1000, context_length=33, d_model=24, num_heads=3, num_layers=1, qkv_bias=True),
    dict(vocab_size=7, context_length=5, d_model=10, num_heads=5, num_layers=3, qkv_bias=True, tie_weights=False),
]


def _describe(config) -> str:
    return (f"GPTConfig(vocab_size={config.vocab_size}, context_length={config.context_length}, "
            f"d_model={config.d_model}, num_layers={config.num_layers}, qkv_bias={config.qkv_bias}, "
            f"tie_weights={config.tie_weights})")


def _diagnose(config, off: int) -> str:
    """A hint for a count that is ``off`` parameters away from the truth, when the gap has a recognisable cause."""
    d, layers, vocab = config.d_model, config.num_layers, config.vocab_size
    causes = [
        (-config.context_length * d, "the position embedding (context_length x d_model) is missing."),
        (vocab * d, "with tie_weights=True the output head is the token embedding matrix: count it once."),
        (-vocab * d, "with tie_weights=False the output head is its own vocab_size x d_model matrix."),
        (-2 * d, "the final LayerNorm (a scale and a shift of d_model each) is missing."),
        (-4 * d * layers, "each block has two LayerNorms, each with a scale and a shift of d_model numbers."),
        (-2 * d * layers, "a LayerNorm has two vectors of d_model: a scale and a shift."),
        (-3 * d * layers, "with qkv_bias=True the query/key/value projection has a bias of 3 x d_model."),
        (3 * d * layers, "with qkv_bias=False the query/key/value projection has no bias."),
        (-d * layers, "the attention's output projection has a bias (d_model numbers)."),
        (-5 * d * layers, "the two feed-forward layers have biases: 4 x d_model and d_model."),
    ]
    for gap, hint in causes:
        if off == gap:
            return " Hint: " + hint
    return ""


@functools.cache
def _true_count(**sizes) -> int:
    """The truth: build the model on PyTorch's meta device (shapes only, no memory) and count."""
    import torch

    from buildllm.model import GPTConfig, GPTModel

    with torch.device("meta"):
        return GPTModel(GPTConfig(**sizes)).num_parameters()


@exercise("Count the parameters")
def check_count_parameters(count_parameters) -> None:
    from buildllm.model import GPTConfig

    for sizes in CONFIGS:
        config = GPTConfig(**sizes)
        got = count_parameters(config)
        expect(isinstance(got, int) and not isinstance(got, bool),
               f"Return a whole number (an int), got {got!r}. (Use // if you divide; sizes are ints.)")
        truth = _true_count(**sizes)
        if got != truth:
            off = got - truth
            expect(False, f"for {_describe(config)} you count {got:,}, the model has {truth:,} "
                          f"({'+' if off > 0 else ''}{off:,}).{_diagnose(config, off)}")


@functools.lru_cache(maxsize=1)
def _story_ids():
    """Training and validation ids of the course's stories (a slice of each: enough for a short run)."""
    import torch

    from buildllm.bpe import course_tokenizer
    from buildllm.corpora import EOT, load_corpus

    tokenizer = course_tokenizer()
    train = load_corpus("stories", "train")[:200_000]
    valid = load_corpus("stories", "valid")[:40_000]
    return tuple(torch.tensor(tokenizer.encode(text, allowed_special={EOT})) for text in (train, valid))


def _windows(ids, starts, context_length: int):
    import torch

    rows = torch.stack([ids[s:s + context_length + 1] for s in starts.tolist()])
    return rows[:, :-1], rows[:, 1:]


def _train(model, steps: int, context_length: int = 64, batch_size: int = 8, seed: int = 0) -> tuple[float, float]:
    """Train ``model`` for ``steps`` AdamW steps on random windows of the stories; (last train loss, valid loss)."""
    import torch
    import torch.nn.functional as F

    train, valid = _story_ids()
    generator = torch.Generator().manual_seed(seed)  # the same batches for every model
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3)
    model.train()
    recent = []
    for _ in range(steps):
        x, y = _windows(train, torch.randint(0, len(train) - context_length - 1, (batch_size,), generator=generator),
                        context_length)
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        recent = (recent + [loss.item()])[-10:]
    model.eval()
    with torch.no_grad():
        starts = torch.arange(0, len(valid) - context_length - 1, context_length)[:32]
        x, y = _windows(valid, starts, context_length)
        valid_loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten()).item()
    return sum(recent) / len(recent), valid_loss


@exercise("GELU or ReLU")
def check_use_relu(use_relu, steps: int = 150) -> None:
    import torch
    from torch import nn

    from buildllm.model import GPTConfig, GPTModel
    from buildllm.runtime import seed_everything

    config = GPTConfig(vocab_size=4096, context_length=64, d_model=64, num_heads=4, num_layers=2)

    def fresh():
        seed_everything(8)  # both models start from the same weights
        return GPTModel(config)

    model = fresh()
    weights = {name: value.clone() for name, value in model.state_dict().items()}
    changed = use_relu(model)
    expect(changed is model, "Return the model you changed (in place): end with `return model`.")
    kinds = [type(block.ff.act).__name__ for block in model.blocks]
    expect(all(isinstance(block.ff.act, nn.ReLU) for block in model.blocks),
           f"Every block's feed-forward activation should be an nn.ReLU; they are {kinds}. "
           "Loop over model.blocks and set block.ff.act = nn.ReLU().")
    left = [name for name, module in model.named_modules() if isinstance(module, nn.GELU)]
    if left:
        expect(False, f"A GELU is still in the model at {left[0]}: replace it too.")
    state = model.state_dict()
    expect(state.keys() == weights.keys() and all(torch.equal(state[k], weights[k]) for k in weights),
           "Only the activation should change: the weights must stay as they were (ReLU, like GELU, has no "
           "parameters).")

    gelu_train, gelu_valid = _train(fresh(), steps)
    relu_train, relu_valid = _train(use_relu(fresh()), steps)
    print(f"after {steps} training steps (same start, same batches):")
    print(f"  GELU: training loss {gelu_train:.3f}, validation loss {gelu_valid:.3f}")
    print(f"  ReLU: training loss {relu_train:.3f}, validation loss {relu_valid:.3f}")
