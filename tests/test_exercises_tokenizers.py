"""Notebook 03's exercise solutions pass their checks, and wrong answers fail them."""

import re

from buildllm.corpora import EOT, load_corpus
from buildllm.exercises.tokenizers import check_splitter, check_unknown_fraction
from buildllm.tokenizers import WordTokenizer, split_words
from helpers import solution_code


def run_solution(exercise, name):
    namespace = {
        "re": re,
        "WordTokenizer": WordTokenizer,
        "check_splitter": check_splitter,
        "check_unknown_fraction": check_unknown_fraction,
        "train_text": load_corpus("stories", "train"),
        "valid_text": load_corpus("stories", "valid"),
    }
    exec(solution_code("03_tokenization", exercise), namespace)
    return namespace[name]


# ---------------------------------------------------------------------------------- exercise 1: the splitter


def test_splitter_solution_passes(capsys):
    assert check_splitter(run_solution(1, "split_keeping_words"))
    assert "[PASS]" in capsys.readouterr().out


def test_splitter_wrong_answers_fail(capsys):
    assert not check_splitter(str.split)
    assert "first difference" in capsys.readouterr().out
    assert not check_splitter(split_words)  # cuts don't and forty-two
    assert "inside a word" in capsys.readouterr().out
    assert not check_splitter(lambda text: re.findall(r"[\w'-]+|[^\w\s]", text))  # quotes and dashes at the edges
    assert "edge" in capsys.readouterr().out
    assert not check_splitter(lambda text: re.split(r"(\W)", text))  # keeps the spaces
    assert "whitespace" in capsys.readouterr().out
    assert not check_splitter(lambda text: " ".join(re.findall(r"\w+(?:['-]\w+)*|[^\w\s]", text)))  # not a list
    assert not check_splitter(lambda text: re.findall(r"\w+(?:['-]+\w+)*|[^\w\s]", text))  # lets -- join words


# ------------------------------------------------------------------------------- exercise 2: unknown fraction


def test_unknown_fraction_solution_passes(capsys):
    assert check_unknown_fraction(run_solution(2, "unknown_fraction"))
    out = capsys.readouterr().out
    assert "[PASS]" in out and "of the validation tokens are unknown" in out


def test_unknown_fraction_by_brute_force_count():
    # The solution's number on the stories, against a plain count over the validation text's tokens.
    train, valid = load_corpus("stories", "train"), load_corpus("stories", "valid")
    known = set(split_words(train))
    tokens = split_words(valid)
    unknown = 0
    for token in tokens:
        unknown += token != EOT and token not in known
    assert run_solution(2, "unknown_fraction")(train, valid) == unknown / len(tokens)


def fraction_from(build_from="train", scale=1.0, drop_eot=False, distinct=False):
    def unknown_fraction(train_text, valid_text):
        tokenizer = WordTokenizer.from_text(train_text if build_from == "train" else valid_text)
        ids = tokenizer.encode(valid_text)
        if drop_eot:
            ids = [i for i in ids if i != tokenizer.eot_token]
        if distinct:
            words = set(split_words(valid_text))
            return sum(w not in tokenizer.token_to_id for w in words) / len(words)
        return scale * ids.count(tokenizer.unk_token) / len(ids)
    return unknown_fraction


def test_unknown_fraction_wrong_answers_fail(capsys):
    assert check_unknown_fraction(fraction_from())  # the control: this one is right
    capsys.readouterr()
    assert not check_unknown_fraction(fraction_from(build_from="valid"))
    assert "train_text only" in capsys.readouterr().out
    assert not check_unknown_fraction(fraction_from(scale=100))
    assert "percentage" in capsys.readouterr().out
    assert not check_unknown_fraction(fraction_from(drop_eot=True))
    assert "<|endoftext|> included" in capsys.readouterr().out
    assert not check_unknown_fraction(fraction_from(distinct=True))
    assert "not distinct words" in capsys.readouterr().out
    assert not check_unknown_fraction(lambda train_text, valid_text: 5 / 11)  # right on the small case only
    assert "course's stories" in capsys.readouterr().out
    assert not check_unknown_fraction(lambda train_text, valid_text: str(5 / 11))
    assert "Return a number" in capsys.readouterr().out
