"""buildllm.classify (notebook 10): padding and truncation, the head, the frozen parameters, the last real token,
training, classify() and the bag-of-words baseline, each against a hand computation or a brute-force loop."""

from __future__ import annotations

import math

import pytest
import torch

from buildllm import classify as C
from buildllm.bpe import course_tokenizer
from buildllm.model import GPTConfig, GPTModel

pytestmark = pytest.mark.usefixtures("one_torch_thread")

TINY = GPTConfig(vocab_size=32, context_length=12, d_model=16, num_heads=2, num_layers=3)


class Letters:
    """A tokenizer whose ids can be checked by eye: "a" is 1, ..., "z" is 26, " " is 27; end of text is 0."""

    n_vocab, eot_token = 28, 0

    def encode(self, text, allowed_special=()):
        return [27 if c == " " else ord(c) - 96 for c in text]

    def decode(self, ids):
        return "".join(" " if i == 27 else "|" if i == 0 else chr(i + 96) for i in ids)


def tiny_model(seed=0, config=TINY):
    torch.manual_seed(seed)
    return GPTModel(config).eval()


# ------------------------------------------------------------------------------------------ padding, truncation


def test_pad_and_truncate_a_hand_checked_batch():
    messages = [("ham", "abc"), ("spam", "abcdefg"), ("ham", "hello"), ("spam", "z")]
    ids, lengths, labels = C.encode_messages(messages, Letters(), max_length=5)
    assert ids.tolist() == [[1, 2, 3, 0, 0],  # padded on the right with the end-of-text id
                            [1, 2, 3, 4, 5],  # cut: its first 5 tokens kept
                            [8, 5, 12, 12, 15],  # exactly 5: unchanged
                            [26, 0, 0, 0, 0]]
    assert lengths.tolist() == [3, 5, 5, 1]
    assert labels.tolist() == [0, 1, 0, 1] and C.LABELS == ("ham", "spam")
    assert ids.dtype == torch.long


def test_pad_or_truncate_by_hand():
    assert C.pad_or_truncate([5, 6], 4, pad_id=9) == ([5, 6, 9, 9], 2)
    assert C.pad_or_truncate([5, 6, 7, 8, 1], 3, pad_id=9) == ([5, 6, 7], 3)
    assert C.pad_or_truncate((i for i in [3]), 1, pad_id=0) == ([3], 1)  # any iterable of ids
    for bad in (0, -1, 2.0, True):
        with pytest.raises(ValueError, match="max_length"):
            C.pad_or_truncate([1], bad, pad_id=0)


def test_course_tokenizer_pads_with_its_end_of_text_id():
    tokenizer = course_tokenizer()
    ids, lengths, _ = C.encode_messages([("ham", "Call me!")], tokenizer, max_length=20)
    n = len(tokenizer.encode("Call me!"))
    assert int(lengths[0]) == n and ids[0, :n].tolist() == tokenizer.encode("Call me!")
    assert ids[0, n:].tolist() == [tokenizer.eot_token] * (20 - n)


def test_bad_messages_fail_clearly():
    with pytest.raises(ValueError, match="no tokens"):
        C.encode_messages([("ham", "")], Letters(), 4)
    with pytest.raises(ValueError, match="Unknown label"):
        C.encode_messages([("junk", "abc")], Letters(), 4)


def test_dataset_and_loaders():
    dataset = C.MessageDataset([("ham", "ab"), ("spam", "abcd")], Letters(), 3)
    assert len(dataset) == 2 and "1 spam" in repr(dataset)
    ids, length, label = dataset[1]
    assert ids.tolist() == [1, 2, 3] and int(length) == 3 and int(label) == 1
    loaders = C.message_loaders(course_tokenizer(), max_length=16, batch_size=32)
    sizes = {name: len(loader.dataset) for name, loader in loaders.items()}
    assert sizes == {name: len(C.load_messages(name)) for name in ("train", "valid", "test")}
    assert len(loaders["train"]) == sizes["train"] // 32  # the last incomplete batch is dropped
    assert sum(len(labels) for _, _, labels in loaders["valid"]) == sizes["valid"]  # every message kept
    again = C.message_loaders(course_tokenizer(), max_length=16, batch_size=32)
    assert torch.equal(next(iter(loaders["train"]))[0], next(iter(again["train"]))[0])  # seeded shuffle


# ------------------------------------------------------------------------------------ the head and the freezing


def test_classification_head_shape_and_the_untied_embedding():
    model = tiny_model()
    embedding = model.tok_emb.weight.detach().clone()
    assert model.lm_head.weight is model.tok_emb.weight  # tied before
    C.add_classification_head(model)
    assert (model.lm_head.in_features, model.lm_head.out_features) == (TINY.d_model, 2)
    assert model.lm_head.weight is not model.tok_emb.weight and torch.equal(model.tok_emb.weight, embedding)
    assert model(torch.randint(0, TINY.vocab_size, (3, 7))).shape == (3, 7, 2)
    assert C.add_classification_head(tiny_model(), num_classes=5).lm_head.out_features == 5
    again = C.add_classification_head(tiny_model(seed=1))
    assert torch.equal(again.lm_head.weight, model.lm_head.weight)  # seeded: the same start
    head = model.lm_head
    assert float(head.bias.detach().abs().sum()) == 0.0 and 0.01 < float(head.weight.detach().std()) < 0.03


@pytest.mark.parametrize("blocks", [0, 1, 2, 3])
def test_exactly_the_intended_parameters_are_trainable(blocks):
    model = C.freeze_for_finetuning(C.add_classification_head(tiny_model()), trainable_blocks=blocks)
    trainable = {name for name, p in model.named_parameters() if p.requires_grad}
    intended = {name for name, _ in model.named_parameters()
                if name.startswith(("final_norm.", "lm_head."))
                or any(name.startswith(f"blocks.{i}.") for i in range(TINY.num_layers - blocks, TINY.num_layers))}
    assert trainable == intended
    # by hand: a block of d = 16 has 2 norms (2 * 32), qkv 16 * 48, proj 16 * 16 + 16, ff 16 * 64 + 64 + 64 * 16 + 16
    block = 2 * 32 + 16 * 48 + 16 * 16 + 16 + 16 * 64 + 64 + 64 * 16 + 16
    assert C.parameter_counts(model) == {"trainable": blocks * block + 32 + 16 * 2 + 2,
                                         "frozen": sum(p.numel() for p in model.parameters()) - blocks * block - 66}


def test_freezing_checks_the_number_of_blocks():
    for bad in (-1, 4, 1.0, True):
        with pytest.raises(ValueError, match="trainable_blocks"):
            C.freeze_for_finetuning(tiny_model(), bad)


# ------------------------------------------------------------------------------------------ the last real token


def test_last_token_against_a_brute_force_loop():
    generator = torch.Generator().manual_seed(0)
    outputs = torch.randn(50, 9, 3, generator=generator)
    lengths = torch.randint(1, 10, (50,), generator=generator)
    expected = torch.zeros(50, 3)
    for b in range(50):
        for t in range(9):
            if t == lengths[b] - 1:
                expected[b] = outputs[b, t]
    assert torch.equal(C.last_token(outputs, lengths), expected)
    for bad in (torch.zeros(50, dtype=torch.long), torch.full((50,), 10)):
        with pytest.raises(ValueError, match="between 1 and 9"):
            C.last_token(outputs, bad)
    with pytest.raises(ValueError, match="lengths"):
        C.last_token(outputs, lengths[:3])


def test_padding_never_changes_a_message_scores():
    model = C.add_classification_head(tiny_model())
    messages = [("ham", "ab"), ("spam", "hello world"), ("ham", "z")]
    ids, lengths, _ = C.encode_messages(messages, Letters(), max_length=TINY.context_length)
    with torch.no_grad():
        batch = C.class_logits(model, ids, lengths)
        for row, (_, text) in enumerate(messages):
            alone = model(torch.tensor([Letters().encode(text)]))[0, -1]  # no padding: the last position
            assert torch.allclose(batch[row], alone, atol=1e-5)
        last_position = model(ids)[:, -1]
    assert not torch.allclose(batch[0], last_position[0], atol=1e-3)  # the last position is a pad's


# ------------------------------------------------------------------------------- evaluation, training, classify


def test_evaluation_and_prediction_by_hand():
    model = C.add_classification_head(tiny_model())
    loader = C.MessageDataset([("ham", "ab"), ("spam", "abc"), ("spam", "q"), ("ham", "xyz")], Letters(), 4)
    loader = torch.utils.data.DataLoader(loader, batch_size=3)
    loss, accuracy = C.evaluate_classifier(model, loader)
    losses, right = [], 0
    with torch.no_grad():
        for text, label in [("ab", 0), ("abc", 1), ("q", 1), ("xyz", 0)]:
            a, b = model(torch.tensor([Letters().encode(text)]))[0, -1].tolist()
            p = [math.exp(a) / (math.exp(a) + math.exp(b)), math.exp(b) / (math.exp(a) + math.exp(b))]
            losses.append(-math.log(p[label]))
            right += p[label] > 0.5
    assert loss == pytest.approx(sum(losses) / 4, rel=1e-5) and accuracy == right / 4
    predicted, true, p_spam = C.predict(model, loader)
    assert true.tolist() == [0, 1, 1, 0] and int((predicted == true).sum()) == right
    assert torch.all((p_spam > 0.5) == (predicted == 1))


def test_confusion_matrix_by_hand():
    counts = C.confusion_matrix(torch.tensor([0, 1, 1, 0, 1, 1]), torch.tensor([0, 1, 0, 0, 1, 0]))
    assert counts.tolist() == [[2, 2], [0, 2]]  # rows: true ham, true spam; columns: predicted


def test_training_changes_only_the_trainable_parameters():
    model = C.freeze_for_finetuning(C.add_classification_head(tiny_model()), trainable_blocks=1)
    before = {name: p.detach().clone() for name, p in model.named_parameters()}
    messages = [("spam", "win cash now"), ("ham", "see you at lunch"), ("spam", "free prize"), ("ham", "ok")] * 4
    dataset = C.MessageDataset(messages, Letters(), TINY.context_length)
    loaders = {"train": torch.utils.data.DataLoader(dataset, batch_size=4, shuffle=False),
               "valid": torch.utils.data.DataLoader(dataset, batch_size=8)}
    history = C.train_classifier(model, loaders, epochs=2, lr=1e-2, evals_per_epoch=2, progress=False)
    assert list(history) == list(C.HISTORY_KEYS) and history["epoch"] == [0, 0.5, 1.0, 1.5, 2.0]
    assert history["valid_acc"][-1] >= history["valid_acc"][0] and not model.training
    for name, p in model.named_parameters():
        assert torch.equal(p, before[name]) != p.requires_grad, name
    with pytest.raises(ValueError, match="no trainable parameters"):
        C.train_classifier(C.add_classification_head(tiny_model()).requires_grad_(False), loaders, progress=False)


def test_classify_returns_a_label():
    model = C.add_classification_head(tiny_model())
    for text in ["win a prize", "a" * 40]:  # the long one is cut to the context
        assert C.classify(model, Letters(), text) in C.LABELS
    ids = torch.tensor([Letters().encode("win a prize")])
    with torch.no_grad():
        assert C.classify(model, Letters(), "win a prize") == C.LABELS[int(model(ids)[0, -1].argmax())]
    with pytest.raises(ValueError, match="finetuned classifier"):
        C.classify(tiny_model(), Letters(), "hello")


# ------------------------------------------------------------------------------------------ the baseline


def test_bag_of_words_by_hand():
    assert C.words("Win £500 NOW, don't wait!") == ["win", "500", "now", "don't", "wait"]
    vocabulary = C.build_vocabulary(["b a", "a c", "a"], min_count=2)
    assert vocabulary == {"a": 0}
    vocabulary = C.build_vocabulary(["b a a", "a c"])
    assert vocabulary == {"a": 0, "b": 1, "c": 2}
    assert C.bag_of_words(["c c a", "z", "b"], vocabulary).tolist() == [[1, 0, 1], [0, 0, 0], [0, 1, 0]]


def test_logistic_regression_finds_the_hand_computed_probabilities():
    # One feature. Without it: 1 of 4 messages is spam; with it: 3 of 4. A logistic regression with a weight and a
    # bias can give each group its own probability, so the best fit is the groups' own shares: 0.25 and 0.75.
    features = torch.tensor([[0.0]] * 4 + [[1.0]] * 4)
    labels = torch.tensor([1, 0, 0, 0, 1, 1, 1, 0])
    layer = C.fit_logistic_regression(features, labels, steps=500, lr=0.05)
    with torch.no_grad():
        p_spam = layer(torch.tensor([[0.0], [1.0]])).softmax(-1)[:, 1]
    assert p_spam.tolist() == pytest.approx([0.25, 0.75], abs=1e-3)
