"""Notebook 04's exercises: each solution passes its check, wrong answers fail it with the hint meant for them."""

import pytest

from buildllm.bpe import EOT, BPETokenizer, course_tokenizer
from buildllm.corpora import load_corpus
from buildllm.exercises import bpe as checks
from helpers import solution_code


def verdict(check, capsys, *answers):
    """Run a check; return whether it passed and what it printed."""
    passed = bool(check(*answers))
    return passed, capsys.readouterr().out


def test_count_replacements_solution_passes(capsys):
    namespace = {"check_count_replacements": checks.check_count_replacements}
    exec(solution_code("04_byte_pair", 1), namespace)
    assert "[PASS]" in capsys.readouterr().out
    assert verdict(checks.check_count_replacements, capsys, namespace["count_replacements"])[0]


def _correct(ids, pair, same=lambda a, b: a == b):
    replaced, i = 0, 0
    while i < len(ids) - 1:
        if same((ids[i], ids[i + 1]), pair):
            replaced, i = replaced + 1, i + 2
        else:
            i += 1
    return replaced


@pytest.mark.parametrize("wrong, hint", [
    (lambda ids, pair: sum(1 for p in zip(ids, ids[1:]) if p == pair), checks.OVERLAP_HINT),  # counts overlaps
    (lambda ids, pair: _correct(ids, pair) if len(ids) > 1 else 1, checks.SHORT_HINT),
    (lambda ids, pair: _correct(ids, pair, same=lambda a, b: sorted(a) == sorted(b)),  # ignores the order in a pair
     "For ids [1, 2] and the pair (2, 1), merge() replaces 0, you counted 1."),
])
def test_count_replacements_wrong_answers_get_their_hint(capsys, wrong, hint):
    passed, printed = verdict(checks.check_count_replacements, capsys, wrong)
    assert not passed and "[TRY AGAIN]" in printed and hint in printed


def test_count_replacements_placeholder_is_a_todo(capsys):
    def placeholder(ids, pair):
        raise NotImplementedError

    passed, printed = verdict(checks.check_count_replacements, capsys, placeholder)
    assert not passed and printed.startswith("[TODO]")


@pytest.fixture(scope="module")
def solution_namespace():
    namespace = {"check_compression": checks.check_compression, "BPETokenizer": BPETokenizer, "EOT": EOT,
                 "train_text": load_corpus("stories", split="train"),
                 "valid_text": load_corpus("stories", split="valid"), "course_tokenizer": course_tokenizer}
    exec(solution_code("04_byte_pair", 2), namespace)
    return namespace


def test_compression_solution_passes_and_prints_the_comparison(solution_namespace, capsys):
    # The solution ran in the fixture; run its check again and recompute the comparison independently.
    namespace = solution_namespace
    assert verdict(checks.check_compression, capsys, namespace["bytes_per_token"], namespace["tokenizer_512"])[0]
    valid = namespace["valid_text"]
    n_bytes = len(valid.encode("utf-8"))
    small = n_bytes / len(namespace["tokenizer_512"].encode(valid, allowed_special="all"))
    assert namespace["bytes_per_token"](namespace["tokenizer_512"], valid) == pytest.approx(small)
    assert 1.5 < small < namespace["bytes_per_token"](course_tokenizer(), valid)  # fewer merges compress less


def _good(tokenizer, text):
    return len(text.encode("utf-8")) / len(tokenizer.encode(text, allowed_special="all"))


@pytest.mark.parametrize("wrong, hint", [
    (lambda tokenizer, text: len(text) / len(tokenizer.encode(text, allowed_special="all")), checks.BYTES_HINT),
    (lambda tokenizer, text: 1 / _good(tokenizer, text), checks.RATIO_HINT),
    (lambda tokenizer, text: len(text.encode("utf-8")) / len(tokenizer.encode(text)), checks.SPECIAL_HINT),
])
def test_bytes_per_token_wrong_answers_get_their_hint(capsys, wrong, hint):
    passed, printed = verdict(checks.check_compression, capsys, wrong, None)
    assert not passed and "[TRY AGAIN]" in printed and hint in printed


def test_untrained_tokenizer_is_a_todo(capsys):
    passed, printed = verdict(checks.check_compression, capsys, _good, None)
    assert not passed and printed.startswith("[TODO]")


@pytest.mark.parametrize("make, hint", [
    (lambda course: BPETokenizer(course.merges[:300], [EOT]), "vocab_size=512"),
    (lambda course: BPETokenizer(course.merges[:256]), "Pass [EOT] as the special tokens"),
    (lambda course: BPETokenizer.train(load_corpus("stories", split="valid"), 512, [EOT]), "Train on train_text"),
])
def test_wrong_tokenizers_get_their_hint(capsys, make, hint):
    passed, printed = verdict(checks.check_compression, capsys, _good, make(course_tokenizer()))
    assert not passed and "[TRY AGAIN]" in printed and hint in printed
