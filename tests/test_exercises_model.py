"""Notebook 08's exercise solutions pass their checks, and wrong answers fail them."""

import pytest
import torch
from torch import nn

from buildllm.exercises.model import check_count_parameters, check_use_relu
from buildllm.model import GPTConfig, GPTModel
from helpers import solution_code

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def run_solution(exercise, name):
    namespace = {"torch": torch, "nn": nn, "scaled": lambda full, smoke: smoke,
                 "check_count_parameters": check_count_parameters, "check_use_relu": check_use_relu}
    exec(solution_code("08_gpt_model", exercise), namespace)
    return namespace[name]


# ----------------------------------------------------------------------------- exercise 1: count the parameters


def test_count_parameters_solution_passes(capsys):
    assert check_count_parameters(run_solution(1, "count_parameters"))
    assert "[PASS]" in capsys.readouterr().out


def test_count_parameters_solution_by_hand():
    count = run_solution(1, "count_parameters")
    # d_model 2, 1 layer, vocab 3, context 4, untied, no qkv bias, worked out on paper:
    # embeddings 3*2 + 4*2 = 14; qkv 2*6 = 12; proj 2*2 + 2 = 6; feed-forward 2*8 + 8 + 8*2 + 2 = 42;
    # two block norms 8; final norm 4; head 3*2 = 6: total 92.
    assert count(GPTConfig(vocab_size=3, context_length=4, d_model=2, num_heads=1, num_layers=1,
                           tie_weights=False)) == 92


def right_count(config):
    d, v = config.d_model, config.vocab_size
    block = 12 * d * d + (3 * d if config.qkv_bias else 0) + d + 5 * d + 4 * d
    return v * d + config.context_length * d + config.num_layers * block + 2 * d + (0 if config.tie_weights else v * d)


@pytest.mark.parametrize("mistake, hint", [
    (lambda c: right_count(c) - c.context_length * c.d_model, "position embedding"),
    (lambda c: right_count(c) + (c.vocab_size * c.d_model if c.tie_weights else 0), "count it once"),
    (lambda c: right_count(c) - (0 if c.tie_weights else c.vocab_size * c.d_model), "its own vocab_size x d_model"),
    (lambda c: right_count(c) - 2 * c.d_model, "final LayerNorm"),
    (lambda c: right_count(c) - 4 * c.d_model * c.num_layers, "two LayerNorms"),
    (lambda c: right_count(c) + (0 if c.qkv_bias else 3 * c.d_model * c.num_layers), "has no bias"),
    (lambda c: right_count(c) - (3 * c.d_model * c.num_layers if c.qkv_bias else 0), "bias of 3 x d_model"),
    (lambda c: right_count(c) - 5 * c.d_model * c.num_layers, "feed-forward layers have biases"),
    (lambda c: float(right_count(c)), "whole number"),
    (lambda c: 12 * c.d_model**2 * c.num_layers, "the model has"),
])
def test_count_parameters_wrong_answers_fail(capsys, mistake, hint):
    assert check_count_parameters(right_count)  # the reference the mistakes start from is right
    capsys.readouterr()
    assert not check_count_parameters(mistake)
    assert hint in capsys.readouterr().out


# ------------------------------------------------------------------------------------- exercise 2: GELU or ReLU


def test_use_relu_solution_passes(capsys):
    use_relu = run_solution(2, "use_relu")
    assert check_use_relu(use_relu, steps=2)
    out = capsys.readouterr().out
    assert "[PASS]" in out and "GELU: training loss" in out and "ReLU: training loss" in out


def test_use_relu_solution_changes_only_the_activation():
    use_relu = run_solution(2, "use_relu")
    model = GPTModel(GPTConfig(vocab_size=30, context_length=8, d_model=16, num_heads=2, num_layers=3))
    ids = torch.randint(0, 30, (2, 8), generator=torch.Generator().manual_seed(0))
    before = model(ids)
    assert use_relu(model) is model
    assert sum(isinstance(m, nn.ReLU) for m in model.modules()) == 3
    assert not any(isinstance(m, nn.GELU) for m in model.modules())
    assert not torch.allclose(model(ids), before)


def test_use_relu_wrong_answers_fail(capsys):
    def returns_nothing(model):
        for block in model.blocks:
            block.ff.act = nn.ReLU()

    assert not check_use_relu(returns_nothing, steps=1)
    assert "return model" in capsys.readouterr().out

    def first_block_only(model):
        model.blocks[0].ff.act = nn.ReLU()
        return model

    assert not check_use_relu(first_block_only, steps=1)
    assert "Loop over model.blocks" in capsys.readouterr().out

    def new_layers(model):
        for block in model.blocks:
            block.ff = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 64))
            block.ff.act = block.ff[1]
        return model

    assert not check_use_relu(new_layers, steps=1)
    assert "weights must stay" in capsys.readouterr().out

    def crashes(model):
        return model.blocks.ff

    assert not check_use_relu(crashes, steps=1)
    assert "your code raised" in capsys.readouterr().out
