"""The spam/ham messages of notebook 10: their form, fixed splits without leakage, difficulty, and the generator.

The files are read here with plain string operations, and the splits recomputed by slicing, not by buildllm's code.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import pytest
import torch

from buildllm import corpora
from helpers import ROOT

MESSAGES = ROOT / "data" / "messages"
FILES = {"handwritten": MESSAGES / "handwritten.tsv", "generated": MESSAGES / "generated.tsv"}
NEAR_DUPLICATE = 0.6  # two messages whose word sets overlap this much (Jaccard) count as one message reworded


@functools.cache
def lines(name: str) -> tuple[tuple[str, str], ...]:
    text = FILES[name].read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text
    return tuple(tuple(line.split("\t")) for line in text.splitlines())


@functools.cache
def splits_by_slicing() -> dict[str, list[tuple[str, str]]]:
    """Per file and label, items 4, 14, 24, ... are validation, 9, 19, 29, ... test, the rest training."""
    chosen = {"train": [], "valid": [], "test": []}
    for name in FILES:
        for label in ("ham", "spam"):
            items = [line for line in lines(name) if line[0] == label]
            held_out = set(range(4, len(items), 10)) | set(range(9, len(items), 10))
            chosen["valid"] += items[4::10]
            chosen["test"] += items[9::10]
            chosen["train"] += [item for i, item in enumerate(items) if i not in held_out]
    return chosen


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


# ------------------------------------------------------------------------------------------------- the files


def test_every_line_is_a_label_a_tab_and_a_text():
    for name in FILES:
        for line in lines(name):
            assert len(line) == 2, (name, line)
            label, text = line
            assert label in ("ham", "spam"), (name, line)
            assert text == text.strip() and 3 <= len(text.split()) and len(text) <= 200, (name, text)
            assert "<|endoftext|>" not in text, (name, text)


def test_sizes_and_balance():
    hand, generated = lines("handwritten"), lines("generated")
    assert len(hand) >= 400 and len(hand) + len(generated) >= 2000, (len(hand), len(generated))
    for name in FILES:
        counts = Counter(label for label, _ in lines(name))
        assert abs(counts["spam"] - counts["ham"]) <= 2, (name, counts)


def test_no_message_repeats():
    texts = [" ".join(sorted(words(text))) for name in FILES for _, text in lines(name)]
    assert len(set(texts)) == len(texts)


def test_handwritten_messages_are_not_templated():
    # Written one by one: no two share most of their words, and hardly any two start with the same three words.
    hand = [text for _, text in lines("handwritten")]
    sets = [words(text) for text in hand]
    for i, a in enumerate(sets):
        for b in sets[i + 1 :]:
            assert len(a & b) / len(a | b) < 0.5, (a, b)
    openings = Counter(" ".join(text.lower().split()[:3]) for text in hand)
    assert openings.most_common(1)[0][1] <= 4, openings.most_common(3)


# ------------------------------------------------------------------------------------------------ the splits


def test_loader_splits_match_the_rule():
    expected = splits_by_slicing()
    for split, messages in expected.items():
        assert Counter(corpora.load_messages(split)) == Counter(messages), split
    everything = [line for name in FILES for line in lines(name)]
    assert corpora.load_messages("all") == everything
    assert corpora.load_messages() == corpora.load_messages("train")


def test_splits_are_balanced_and_sized():
    total = sum(len(lines(name)) for name in FILES)
    for split, share in (("train", 0.8), ("valid", 0.1), ("test", 0.1)):
        messages = corpora.load_messages(split)
        assert abs(len(messages) - share * total) <= 4, (split, len(messages))
        spam = sum(label == "spam" for label, _ in messages)
        assert abs(spam - len(messages) / 2) <= 2, (split, spam, len(messages))


def word_matrix(texts: list[str], vocabulary: dict[str, int]) -> torch.Tensor:
    """One row per text, 1.0 where the text contains the column's word."""
    cells = [(row, vocabulary[word]) for row, text in enumerate(texts) for word in words(text)]
    present = torch.zeros(len(texts), len(vocabulary))
    present[tuple(torch.tensor(cells).T)] = 1
    return present


def test_no_message_or_near_duplicate_straddles_the_splits():
    texts = {split: [text for _, text in corpora.load_messages(split)] for split in ("train", "valid", "test")}
    vocabulary = {word: i for i, word in enumerate(sorted(set().union(*map(words, sum(texts.values(), [])))))}
    rows = {split: word_matrix(some, vocabulary) for split, some in texts.items()}
    for first, second in (("train", "valid"), ("train", "test"), ("valid", "test")):
        a, b = rows[first], rows[second]
        shared = a @ b.T
        jaccard = shared / (a.sum(dim=1)[:, None] + b.sum(dim=1)[None, :] - shared)
        pairs = [(texts[first][i], texts[second][j]) for i, j in (jaccard >= NEAR_DUPLICATE).nonzero().tolist()]
        assert not pairs, f"near-duplicates in {first} and {second}: {pairs[:3]}"


def test_no_single_word_separates_the_classes():
    # The best rule "spam if the message contains WORD" (or "... does not contain WORD") over every word seen.
    messages = [(label, words(text)) for name in FILES for label, text in lines(name)]
    containing, spam_containing = Counter(), Counter()
    for label, present in messages:
        containing.update(present)
        spam_containing.update(present if label == "spam" else ())
    n, spam = len(messages), sum(label == "spam" for label, _ in messages)
    best = 0.0
    for word, count in containing.items():
        right = spam_containing[word] + (n - spam) - (count - spam_containing[word])
        best = max(best, right / n, 1 - right / n)
    assert best < 0.75, f"one word alone classifies {best:.1%} of the messages"
    for word in ("prize", "won", "win", "money", "free", "link", "call", "claim", "cash", "http", "https"):
        # words a keyword filter would try: each misses spam, and the usual ones appear in ordinary messages too
        right = spam_containing[word] + (n - spam) - (containing[word] - spam_containing[word])
        assert right / n < 0.65, (word, right / n)
    ham_mentions = [text for label, text in lines("handwritten") if label == "ham"]
    for word in ("prize", "won", "money", "free", "link"):
        assert any(word in words(text) for text in ham_mentions), word


# --------------------------------------------------------------------------------------------- the loader API


def test_any_file_of_the_public_form_loads_and_splits(tmp_path):
    path = tmp_path / "SMSSpamCollection"
    rows = [("ham" if i % 3 else "spam", f"message number {i} here") for i in range(30)]
    path.write_text("".join(f"{label}\t{text}\n" for label, text in rows) + "\n", encoding="utf-8")
    assert corpora.load_messages("all", path) == rows
    spam = [row for row in rows if row[0] == "spam"]
    ham = [row for row in rows if row[0] == "ham"]
    assert corpora.load_messages("test", path) == sorted([spam[9], ham[9], ham[19]], key=rows.index)
    assert len(corpora.load_messages("train", path)) == 30 - 3 - 3


def test_a_latin_1_file_loads(tmp_path):
    path = tmp_path / "old_export.txt"
    rows = [("ham", "See you at the caf\u00e9 at 5"), ("spam", "Win \u00a3500 now")]
    path.write_bytes("".join(f"{label}\t{text}\n" for label, text in rows).encode("latin-1"))
    assert corpora.load_messages("all", path) == rows


@pytest.mark.parametrize("line", ["ham message without a tab", "maybe\tnot a label", "spam\t   "])
def test_a_bad_line_names_its_number(tmp_path, line):
    path = tmp_path / "bad.tsv"
    path.write_text(f"ham\tfine\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: expected `ham<TAB>text`"):
        corpora.load_messages("all", path)


def test_an_unknown_split_is_refused():
    with pytest.raises(ValueError, match="choose one of train, valid, test, all"):
        corpora.load_messages("validation")


# ------------------------------------------------------------------------------------------------ the generator


@functools.cache
def generator():
    return corpora.load_generator(MESSAGES / "generator" / "generate_messages.py")


def test_generator_reproduces_the_committed_file():
    module = generator()
    assert module.generate(module.SEED).encode("utf-8") == FILES["generated"].read_bytes(), (
        "regenerate with `python data/messages/generator/generate_messages.py`"
    )
    assert module.generate(module.SEED + 1) != module.generate(module.SEED)


def test_check_mode_reports_a_changed_file(tmp_path, monkeypatch, capsys):
    module = generator()
    copy = tmp_path / "generated.tsv"
    copy.write_bytes(FILES["generated"].read_bytes())
    monkeypatch.setattr(module, "OUTPUT_PATH", str(copy))
    assert module.main(["--check"]) == 0
    copy.write_text(copy.read_text(encoding="utf-8").replace("ham\t", "spam\t", 1), encoding="utf-8")
    assert module.main(["--check"]) == 1
    assert "differs" in capsys.readouterr().out


def test_a_template_slot_that_nothing_fills_fails_when_the_generator_loads(tmp_path):
    source = (MESSAGES / "generator" / "generate_messages.py").read_text(encoding="utf-8")
    template = '"Can you pick up {errand} on your way back? We\'re out.",'
    assert template in source
    broken = tmp_path / "generate_messages.py"
    broken.write_text(source.replace(template, template.replace("{errand}", "{nowhere}")), encoding="utf-8")
    with pytest.raises(ValueError, match=r"names slots nothing fills: \['nowhere'\]"):
        corpora.load_generator(broken)


def test_generator_states_its_licence():
    doc = generator().__doc__
    assert "CC BY 4.0" in doc and "MIT" in doc and "manifest" in doc
