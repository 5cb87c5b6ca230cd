"""n-gram models against brute force, hand computations and PyTorch."""

import math
import random
from collections import Counter

import pytest
import torch
import torch.nn.functional as F

from buildllm.ngram import (
    EOT,
    WORD_PATTERN,
    InterpolatedNGram,
    NeuralBigram,
    NGramModel,
    apply_temperature,
    bigram_counts,
    bigram_cross_entropy,
    bigram_probabilities,
    char_vocabulary,
    detokenize,
    encode_chars,
    interpolated_cross_entropy,
    loss_from_counts,
    perplexity,
    sample_bigram,
    word_tokens,
)

# Two toy stories; word_tokens gives: the cat sat . EOT the dog sat . EOT (10 tokens, 6 distinct, 7 with <|unk|>).
TOY = ["The cat sat.", "The dog sat."]


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
    assert perplexity(-math.log(1 / 70)) == pytest.approx(70)  # a uniform guess over 70 tokens


def test_unseen_pair_gives_infinite_cross_entropy():
    probs = bigram_probabilities(torch.tensor([[0, 2], [1, 0]]))
    assert bigram_cross_entropy(probs, torch.tensor([0, 0])) == math.inf


def test_temperature():
    probs = torch.tensor([0.1, 0.2, 0.7], dtype=torch.double)
    assert torch.allclose(apply_temperature(probs, 1.0), probs)
    assert torch.allclose(apply_temperature(probs, 0.5), torch.tensor([0.01, 0.04, 0.49], dtype=torch.double) / 0.54)
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


def test_word_pattern_splits_words_and_single_marks():
    assert WORD_PATTERN == r"\w+|[^\w\s]"
    assert word_tokens(['Don\'t go, Finn!  "Yes..."']) == [
        "don", "'", "t", "go", ",", "finn", "!", '"', "yes", ".", ".", ".", '"', EOT]
    assert detokenize(["hello", ",", "world", ".", EOT, "don", "'", "t"]) == "hello, world.\n\ndon't"


def test_word_ngram_probabilities_by_hand():
    tokens = word_tokens(TOY)
    bigram = NGramModel(2, tokens)
    assert bigram.probability(("the",), "cat") == pytest.approx(1 / 2)
    assert bigram.probability(("the",), "sat") == 0.0
    assert bigram.probability((), "the") == pytest.approx(1.0)  # an empty context is a story start: EOT before it
    smoothed = NGramModel(2, tokens, k=1)
    assert smoothed.probability(("the",), "sat") == pytest.approx(1 / (2 + 7))  # 7 = 6 words + <|unk|>
    trigram = NGramModel(3, tokens)
    assert trigram.probability(("the", "cat"), "sat") == pytest.approx(1.0)
    assert trigram.probability((EOT, "the"), "dog") == pytest.approx(1 / 2)
    unigram = NGramModel(1, tokens)
    assert unigram.probability((), "the") == pytest.approx(2 / 10)


def test_cross_entropy_scores_story_starts_by_hand():
    tokens = word_tokens(TOY)
    # Bigram and trigram on their own text: every token is certain except cat / dog after "the" (1/2 each).
    assert NGramModel(2, tokens).cross_entropy(tokens) == pytest.approx(2 * math.log(2) / 10)
    assert NGramModel(3, tokens).cross_entropy(tokens) == pytest.approx(2 * math.log(2) / 10)
    # Unigram: the, sat, ., EOT have 2/10 each (8 tokens), cat and dog 1/10 (2 tokens).
    assert NGramModel(1, tokens).cross_entropy(tokens) == pytest.approx(-(8 * math.log(0.2) + 2 * math.log(0.1)) / 10)
    # Add-one bigram on "the owl": P(the | EOT) = 3/9, P(owl -> <|unk|> | the) = 1/9, P(EOT | owl, never seen) = 1/7.
    expected = (math.log(3) + math.log(9) + math.log(7)) / 3
    assert NGramModel(2, tokens, k=1).cross_entropy(word_tokens(["the owl"])) == pytest.approx(expected)
    assert NGramModel(2, tokens).cross_entropy(word_tokens(["the owl"])) == math.inf


def test_interpolation_by_hand():
    tokens = word_tokens(TOY)
    model = InterpolatedNGram(3, tokens, (0.2, 0.3, 0.5))
    # Unigram add-one: (count + 1) / (10 + 7). "." after (cat, sat): trigram 1, bigram P(. | sat) = 1, unigram 3/17.
    assert model.probability(("cat", "sat"), ".") == pytest.approx(0.2 * 3 / 17 + 0.3 * 1 + 0.5 * 1)
    # Context (dog, cat) never seen as a trigram context: its weight goes to the others, renormalised by 0.5.
    # bigram P(sat | cat) = 1; unigram (2 + 1) / 17.
    assert model.probability(("dog", "cat"), "sat") == pytest.approx((0.2 * 3 / 17 + 0.3 * 1) / 0.5)
    # An unknown word: only the unigram's add-one share, 1 / 17, with the unigram's weight alone (0.2 / 1.0).
    assert model.probability(("cat", "sat"), "zebra") == pytest.approx(0.2 * 1 / 17)


@pytest.mark.parametrize("make", [lambda t: NGramModel(2, t, k=0.5),
                                  lambda t: InterpolatedNGram(3, t, (0.2, 0.3, 0.5))])
def test_probabilities_sum_to_one_and_samples_follow_them(make):
    model = make(word_tokens(TOY + ["A dog ran."]))
    for context in [(), ("the",), ("the", "dog"), ("owl", "zebra")]:
        assert sum(model.probability(context, w) for w in model.vocabulary) == pytest.approx(1.0)
    # The first token of a sample is drawn from P(. | story start): its frequencies match probability().
    generator = torch.Generator().manual_seed(0)
    draws = Counter(model.sample(1, generator=generator)[0] for _ in range(2000))
    for word in model.vocabulary:
        p = model.probability((), word)
        assert abs(draws[word] / 2000 - p) < 4 * math.sqrt(p * (1 - p) / 2000) + 1e-9


def test_interpolated_cross_entropy_from_the_table_matches_the_model():
    tokens = word_tokens(["one two three four. four three two one.", "two three one."])
    test = word_tokens(["one two four. three two one.", "five."])
    model = InterpolatedNGram(3, tokens, (0.3, 0.3, 0.4))
    table = model.order_probabilities(test)
    assert table.shape == (len(test), 3)
    for weights in [(0.3, 0.3, 0.4), (1.0, 0.0, 0.0), (0.1, 0.1, 0.8)]:
        model.weights = weights
        assert interpolated_cross_entropy(table, weights) == pytest.approx(model.cross_entropy(test))
    # 16 training tokens, 7 vocabulary entries with <|unk|>. "five" (unknown) starts a story: the unigram's add-one
    # share 1/23; the bigram and trigram saw its context (a story start) but never "five" after it.
    assert table[-3].tolist() == pytest.approx([1 / 23, 0.0, 0.0])
    # "." after "five": no order above the unigram saw that context (nan); the unigram gives (3 + 1) / 23.
    assert table[-2, 0] == pytest.approx(4 / 23) and table[-2, 1:].isnan().all()


def test_ngram_samples_follow_training_ngrams():
    tokens = word_tokens(["one two three four. four three two one.", "two three one."])
    model = NGramModel(3, tokens)
    out = model.sample(100, generator=torch.Generator().manual_seed(0))
    seen = set(zip(tokens, tokens[1:])) | {(EOT, tokens[0]), (EOT, "two")}
    assert all(pair in seen for pair in zip(out, out[1:]))
    assert out[0] in {"one", "two"}  # stories start like the training stories


def test_bad_input_gets_clear_errors():
    tokens = word_tokens(TOY)
    with pytest.raises(ValueError, match="no tokens to count"):
        NGramModel(2, [])
    with pytest.raises(ValueError, match="no tokens to score"):
        NGramModel(2, tokens).cross_entropy([])
    with pytest.raises(ValueError, match="n must be at least 1"):
        NGramModel(0, tokens)
    with pytest.raises(ValueError, match="k must be"):
        NGramModel(2, tokens, k=-1)
    with pytest.raises(ValueError, match=r"characters \['z'\] are not in the vocabulary"):
        encode_chars("abz", ["a", "b"])
    with pytest.raises(ValueError, match="at least 2 ids"):
        bigram_cross_entropy(torch.ones(2, 2), torch.tensor([0]))
    for weights in [(0.5, 0.5), (0.2, 0.3, 0.6), (0.0, 0.5, 0.5), (1.2, -0.2, 0.0)]:
        with pytest.raises(ValueError, match="weights that sum to 1"):
            InterpolatedNGram(3, tokens, weights)


def test_neural_bigram_is_one_hot_times_a_matrix_and_its_loss_matches_pytorch():
    torch.manual_seed(0)
    model = NeuralBigram(7)
    ids = torch.randint(7, (300,))
    assert torch.allclose(model(ids), F.one_hot(ids, 7).float() @ model.weight)
    counts = bigram_counts(ids, 7)
    with torch.no_grad():
        full = float(F.cross_entropy(model(ids[:-1]), ids[1:]))
        assert float(loss_from_counts(model.weight, counts)) == pytest.approx(full, rel=1e-5)
