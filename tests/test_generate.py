"""buildllm.generate (notebook 09): the sampling filters, the samplers and the streaming decoder."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from buildllm.bpe import course_tokenizer, gpt2_tokenizer
from buildllm.generate import (
    apply_repetition_penalty,
    decode_stream,
    filter_top_k,
    filter_top_p,
    generate,
    generate_text,
    next_token,
    stream_tokens,
)
from buildllm.model import GPTConfig, GPTModel, generate_greedy
from helpers import ASSIGNED_CHARACTERS

pytestmark = pytest.mark.usefixtures("one_torch_thread")
INF = float("-inf")


def kept(logits):
    return torch.isfinite(logits).nonzero()[:, -1].tolist()


# ------------------------------------------------------------------------------------------------- filters


def test_top_k_by_hand():
    scores = torch.tensor([[3.0, 1.0, -0.5, 2.0, 0.0]])
    assert filter_top_k(scores, 2).tolist() == [[3.0, INF, INF, 2.0, INF]]
    assert filter_top_k(scores, 1).tolist() == [[3.0, INF, INF, INF, INF]]
    assert torch.equal(filter_top_k(scores, 5), scores) and torch.equal(filter_top_k(scores, 99), scores)


def test_top_k_works_row_by_row():
    scores = torch.tensor([[0.0, 5.0, 1.0], [9.0, -1.0, 2.0]])
    assert filter_top_k(scores, 1).tolist() == [[INF, 5.0, INF], [9.0, INF, INF]]


@pytest.mark.parametrize("p, survivors", [
    (0.3, [0]),        # the best token alone already holds 0.5
    (0.5, [0]),        # exactly p: enough
    (0.7, [0, 1]),     # 0.5 + 0.25 = 0.75 >= 0.7
    (0.76, [0, 1, 2]),  # 0.75 < 0.76, so the 0.15 token is needed
    (0.95, [0, 1, 2, 3]),
    (1.0, [0, 1, 2, 3]),
])
def test_top_p_by_hand(p, survivors):
    # Probabilities 0.5, 0.25, 0.15, 0.1, shuffled so the filter must sort.
    probs = {2: 0.5, 0: 0.25, 3: 0.15, 1: 0.1}
    scores = torch.tensor([[math.log(probs[i]) for i in range(4)]])
    by_rank = [2, 0, 3, 1]
    assert kept(filter_top_p(scores, p)) == sorted(by_rank[i] for i in survivors)


def test_top_p_keeps_the_scores_of_survivors():
    scores = torch.tensor([[1.0, 3.0, 2.0], [0.0, 0.0, 9.0]])
    filtered = filter_top_p(scores, 0.7)  # row 0: p = 0.665, 0.245, 0.090; row 1: 0.9998 for the 9
    assert filtered.tolist() == [[INF, 3.0, 2.0], [INF, INF, 9.0]]


def test_repetition_penalty_by_hand():
    scores = torch.tensor([[2.0, -1.0, 0.5, 3.0]])
    seen = torch.tensor([[0, 1, 1]])  # token 1 twice: penalised once, not twice
    assert apply_repetition_penalty(scores, seen, 2.0).tolist() == [[1.0, -2.0, 0.5, 3.0]]
    assert torch.equal(apply_repetition_penalty(scores, seen, 1.0), scores)


# ------------------------------------------------------------------------------------------------ sampling


def test_temperature_zero_is_the_argmax():
    scores = torch.randn(6, 50, generator=torch.Generator().manual_seed(0))
    assert torch.equal(next_token(scores, temperature=0), scores.argmax(-1, keepdim=True))


def test_sampling_follows_the_softmax():
    probs = torch.tensor([0.1, 0.2, 0.3, 0.4])
    draws = next_token(probs.log().repeat(40_000, 1), generator=torch.Generator().manual_seed(1))
    freq = torch.bincount(draws.flatten(), minlength=4).float() / 40_000
    assert torch.allclose(freq, probs, atol=0.01)
    hot = next_token(probs.log().repeat(40_000, 1), temperature=0.5, generator=torch.Generator().manual_seed(1))
    sharpened = probs**2 / (probs**2).sum()  # temperature 0.5 squares the probabilities
    assert torch.allclose(torch.bincount(hot.flatten(), minlength=4).float() / 40_000, sharpened, atol=0.01)


def test_filters_apply_in_sampling():
    scores = torch.tensor([[0.0, 0.1, 0.2, 5.0, 0.3]]).repeat(500, 1)
    assert set(next_token(scores, top_k=2, generator=torch.Generator().manual_seed(2)).flatten().tolist()) <= {3, 4}
    assert set(next_token(scores, top_p=0.5).flatten().tolist()) == {3}


@pytest.mark.parametrize("knobs, message", [
    (dict(temperature=-1.0), "temperature"), (dict(top_k=0), "top_k"), (dict(top_k=2.5), "top_k"),
    (dict(top_k=True), "top_k"), (dict(top_p=0.0), "top_p"), (dict(top_p=1.5), "top_p"),
    (dict(repetition_penalty=0.0), "repetition_penalty"),
])
def test_bad_settings_are_clear_errors(model, knobs, message):
    with pytest.raises(ValueError, match=message):
        generate(model, torch.zeros(1, 2, dtype=torch.long), 3, **knobs)


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return GPTModel(GPTConfig(vocab_size=64, context_length=8, d_model=16, num_heads=2, num_layers=1)).eval()


def test_greedy_generate_equals_generate_greedy(model):
    ids = torch.tensor([[1, 2, 3], [4, 5, 6]])
    assert torch.equal(generate(model, ids, 12, temperature=0), generate_greedy(model, ids, 12))


def test_seeded_sampling_is_reproducible(model):
    ids = torch.tensor([[1, 2, 3]])
    runs = [generate(model, ids, 20, top_k=10, generator=torch.Generator().manual_seed(s)) for s in (5, 5, 6)]
    assert torch.equal(runs[0], runs[1]) and not torch.equal(runs[0], runs[2])
    streamed = list(stream_tokens(model, ids, 20, top_k=10, generator=torch.Generator().manual_seed(5)))
    assert streamed == runs[0][0, 3:].tolist()


class Fixed(nn.Module):
    """A 'model' that always scores the same token highest."""

    def __init__(self, favourite, vocab_size=10):
        super().__init__()
        self.config = GPTConfig(vocab_size=vocab_size, context_length=4, d_model=2, num_heads=1, num_layers=1)
        self.favourite = favourite

    def forward(self, ids):
        return nn.functional.one_hot(torch.full_like(ids, self.favourite), self.config.vocab_size).float() * 50


def test_stream_stops_after_the_end_of_text_token():
    assert list(stream_tokens(Fixed(7), torch.tensor([[1]]), 5, eot_token=7)) == [7]
    assert list(stream_tokens(Fixed(7), torch.tensor([[1]]), 5)) == [7] * 5
    assert generate(Fixed(7), torch.tensor([[1], [2]]), 5, eot_token=7).tolist() == [[1, 7], [2, 7]]


def test_stream_tokens_takes_one_sequence(model):
    with pytest.raises(ValueError, match="one sequence"):
        next(stream_tokens(model, torch.zeros(2, 3, dtype=torch.long), 1))


def test_generate_keeps_the_mode(model):
    model.train()
    generate(model, torch.tensor([[1]]), 2)
    assert model.training
    model.eval()


def test_generate_text_with_the_course_tokenizer():
    tokenizer = course_tokenizer()
    torch.manual_seed(0)
    tiny = GPTModel(GPTConfig(vocab_size=tokenizer.n_vocab, context_length=16, d_model=16, num_heads=2,
                              num_layers=1))
    text = generate_text(tiny, tokenizer, "Once there was", 10, temperature=0)
    greedy = generate_greedy(tiny, torch.tensor([tokenizer.encode("Once there was")]), 10)
    assert text == tokenizer.decode(greedy[0, 3:].tolist()).split("<|endoftext|>")[0]


# ------------------------------------------------------------------------------------------ decode_stream

TOKENIZERS = {"course": course_tokenizer(), "gpt2": gpt2_tokenizer()}


@settings(max_examples=150, deadline=None)
@given(text=st.text(ASSIGNED_CHARACTERS, max_size=40), name=st.sampled_from(sorted(TOKENIZERS)),
       max_held=st.sampled_from([1, 2, 8]))
def test_decode_stream_never_breaks_a_character(text, name, max_held):
    tokenizer = TOKENIZERS[name]
    ids = tokenizer.encode(text, disallowed_special=())  # "<|endoftext|>" in the text stays text
    pieces = list(decode_stream(tokenizer, ids, max_held))
    assert "".join(pieces) == tokenizer.decode(ids) == text
    if "\ufffd" not in text:
        assert not any("\ufffd" in piece for piece in pieces)


@settings(max_examples=150, deadline=None)
@given(ids=st.lists(st.integers(0, 50256) | st.integers(128, 255), max_size=30), max_held=st.sampled_from([1, 8]))
def test_decode_stream_joins_to_decode_on_any_ids(ids, max_held):
    # Random GPT-2 ids, many of them single bytes 128-255: broken characters everywhere.
    tokenizer = TOKENIZERS["gpt2"]
    assert "".join(decode_stream(tokenizer, ids, max_held)) == tokenizer.decode(ids)


def test_decode_stream_on_text_where_tokens_straddle_characters():
    tokenizer = TOKENIZERS["gpt2"]
    text = "日本語のテキストと中文字符，混ぜて書きます。" * 4
    for max_held in (1, 2, 8):
        pieces = list(decode_stream(tokenizer, tokenizer.encode(text), max_held))
        assert "".join(pieces) == text and not any("\ufffd" in piece for piece in pieces)
