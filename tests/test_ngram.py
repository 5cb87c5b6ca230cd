"""n-gram models against brute force, hand computations and PyTorch."""

import math
import random
from collections import Counter

import pytest
import torch
import torch.nn.functional as F

from buildllm.ngram import (
    EOT, NeuralBigram, NGramModel, apply_temperature, bigram_counts, bigram_cross_entropy, bigram_probabilities,
    char_vocabulary, detokenize, encode_chars, loss_from_counts, perplexity, sample_bigram, word_tokens,
)


def test_bigram_counts_match_brute_force():
    rng = random.Random(0)
    text = "".join(rng.choice("abc \n") for _ in range(500))
    vocab = char_vocabulary(text)
    counts = bigram_counts(encode_chars(text, vocab), len(vocab))
    brute = Counter(zip(text, text[1:]))
    for i, a in enumerate(vocab):
        for j, b in enumerate(vocab):
            assert counts[i, j] == brute[a, b]


def test_add_k_by_hand():
    counts = torch.tensor([[3, 0, 1], [0, 0, 0]])
    probs = bigram_probabilities(counts, k=1)
    assert torch.allclose(probs[0], torch.tensor([4 / 7, 1 / 7, 2 / 7], dtype=torch.double))
    assert torch.allclose(probs[1], torch.full((3,), 1 / 3, dtype=torch.double))  # an unseen row becomes uniform


def test_cross_entropy_and_perplexity_by_hand():
    probs = torch.tensor([[0.5, 0.5], [0.25, 0.75]], dtype=torch.double)
    ids = torch.tensor([0, 1, 1, 0])  # pairs (0,1) (1,1) (1,0): -ln(.5) -ln(.75) -ln(.25), averaged
    expected = -(math.log(0.5) + math.log(0.75) + math.log(0.25)) / 3
    assert bigram_cross_entropy(probs, ids) == pytest.approx(expected)
    assert perplexity(math.log(70)) == pytest.approx(70)


def test_unseen_pair_gives_infinite_cross_entropy():
    probs = bigram_probabilities(torch.tensor([[0, 2], [1, 0]]))
    assert bigram_cross_entropy(probs, torch.tensor([0, 0])) == math.inf


def test_temperature():
    probs = torch.tensor([0.1, 0.2, 0.7], dtype=torch.double)
    assert torch.allclose(apply_temperature(probs, 1.0), probs)
    assert apply_temperature(probs, 0.01).argmax() == 2 and apply_temperature(probs, 0.01)[2] > 0.999
    flat = apply_temperature(probs, 100.0)
    assert torch.allclose(flat, torch.full((3,), 1 / 3, dtype=torch.double), atol=0.01)
    with pytest.raises(ValueError, match="positive"):
        apply_temperature(probs, 0)


def test_sampling_uses_only_seen_pairs_and_is_reproducible():
    text = "abcabcabd" * 20
    vocab = char_vocabulary(text)
    counts = bigram_counts(encode_chars(text, vocab), len(vocab))
    probs = bigram_probabilities(counts)
    first = sample_bigram(probs, 0, 200, generator=torch.Generator().manual_seed(1))
    assert first == sample_bigram(probs, 0, 200, generator=torch.Generator().manual_seed(1))
    assert all(counts[a, b] > 0 for a, b in zip(first, first[1:]))


def test_word_ngram_probabilities_by_hand():
    tokens = word_tokens(["the cat sat. the cat ran. the dog sat."])
    assert tokens[:4] == ["the", "cat", "sat", "."] and tokens[-1] == EOT
    bigram = NGramModel(2, tokens)
    assert bigram.probability(("the",), "cat") == pytest.approx(2 / 3)
    assert bigram.probability(("the",), "sat") == 0.0
    smoothed = NGramModel(2, tokens, k=1)
    vocabulary = len(set(tokens)) + 1  # + <|unk|>
    assert smoothed.probability(("the",), "sat") == pytest.approx(1 / (3 + vocabulary))
    trigram = NGramModel(3, tokens)
    assert trigram.probability(("the", "cat"), "ran") == pytest.approx(1 / 2)
    unigram = NGramModel(1, tokens)
    assert unigram.probability((), "the") == pytest.approx(3 / len(tokens))


def test_word_ngram_cross_entropy_against_direct_sum():
    tokens = word_tokens(["a b a b b a.", "b a a b."])
    model = NGramModel(2, tokens, k=0.5)
    test = word_tokens(["a b b."])
    direct = -sum(math.log(model.probability(tuple(test[max(0, i - 1):i]), test[i])) for i in range(len(test))) / len(test)
    assert model.cross_entropy(test) == pytest.approx(direct)
    assert NGramModel(2, tokens).cross_entropy(word_tokens(["b b b zebra"])) == math.inf
    with pytest.raises(ValueError):
        NGramModel(0, tokens)


def test_ngram_samples_follow_training_ngrams():
    tokens = word_tokens(["one two three four. four three two one.", "two three one."])
    model = NGramModel(3, tokens)
    out = model.sample(100, generator=torch.Generator().manual_seed(0))
    seen = set(zip(tokens, tokens[1:]))
    assert all(pair in seen for pair in zip(out, out[1:]))
    assert detokenize(["hello", ",", "world", ".", EOT, "next"]) == "hello, world.\n\nnext"


def test_neural_bigram_is_one_hot_times_a_matrix_and_its_loss_matches_pytorch():
    torch.manual_seed(0)
    model = NeuralBigram(7)
    ids = torch.randint(7, (300,))
    assert torch.allclose(model(ids), F.one_hot(ids, 7).float() @ model.weight)
    counts = bigram_counts(ids, 7)
    with torch.no_grad():
        full = float(F.cross_entropy(model(ids[:-1]), ids[1:]))
        assert float(loss_from_counts(model.weight, counts)) == pytest.approx(full, rel=1e-5)
