"""Notebook 03's exercise solutions pass their checks, wrong answers fail them, and each hint shows for its mistake."""

import math
import re
from collections import Counter

import pytest

from buildllm.corpora import EOT, load_corpus, load_stories
from buildllm.exercises.tokenizers import check_splitter, check_unknown_fraction, check_zipf_exponent
from buildllm.tokenizers import WordTokenizer, split_words
from helpers import solution_code


@pytest.fixture(scope="module")
def texts():
    return load_corpus("stories", "train"), load_corpus("stories", "valid")


@pytest.fixture(scope="module")
def story_counts():
    return Counter(token for story in load_stories("train") for token in split_words(story))


def run_solution(exercise, name, texts, story_counts):
    namespace = {
        "re": re, "Counter": Counter, "EOT": EOT, "WordTokenizer": WordTokenizer, "split_words": split_words,
        "check_splitter": check_splitter, "check_zipf_exponent": check_zipf_exponent,
        "check_unknown_fraction": check_unknown_fraction,
        "train_text": texts[0], "valid_text": texts[1], "counts": story_counts,
    }
    exec(solution_code("03_tokenization", exercise), namespace)
    return namespace[name]


# ---------------------------------------------------------------------------------- exercise 1: the splitter


def test_splitter_solution_passes(capsys, texts, story_counts):
    assert check_splitter(run_solution(1, "split_keeping_words", texts, story_counts))
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
    assert "should return a list of strings" in capsys.readouterr().out
    assert not check_splitter(lambda text: re.findall(r"\w+(?:['-]+\w+)*|[^\w\s]", text))  # lets -- join words
    assert "exactly one ' or -" in capsys.readouterr().out


# ------------------------------------------------------------------------------ exercise 2: Zipf's exponent


def brute_force_exponent(ranked_counts):
    """Zipf's s minimising the squared error on log-log points, by ternary search over s (the error is convex in s;
    for each s the best intercept is the mean residual). Independent of any slope formula."""
    x = [math.log(rank) for rank in range(1, len(ranked_counts) + 1)]
    y = [math.log(count) for count in ranked_counts]

    def error(s):
        residuals = [b + s * a for a, b in zip(x, y)]
        intercept = sum(residuals) / len(residuals)
        return sum((r - intercept) ** 2 for r in residuals)

    low, high = 0.0, 5.0
    for _ in range(200):
        third = (high - low) / 3
        if error(low + third) < error(high - third):
            high -= third
        else:
            low += third
    return (low + high) / 2


def test_zipf_solution_passes_and_matches_a_brute_force_fit(capsys, texts, story_counts):
    zipf_exponent = run_solution(2, "zipf_exponent", texts, story_counts)
    out = capsys.readouterr().out
    assert "[PASS]" in out and "the 1,000 most common" in out
    ranked = sorted(story_counts.values(), reverse=True)
    assert zipf_exponent(story_counts.values()) == pytest.approx(brute_force_exponent(ranked), abs=1e-6)
    assert zipf_exponent([8 * 3 ** 2 / rank ** 2 for rank in range(1, 10)]) == pytest.approx(2.0)  # s = 2 exactly


def least_squares(counts, sort=True, sign=-1, log_x=math.log, log_y=math.log, first=1, points=None):
    """Variants of the fit with one mistake each."""
    ranked = sorted(counts, reverse=True) if sort else list(counts)
    x = [log_x(rank) if rank > 0 else float("-inf") for rank in range(first, len(ranked) + first)]
    y = [log_y(count) for count in ranked]
    if points == "ends":
        return sign * (y[-1] - y[0]) / (x[-1] - x[0])
    x_mean, y_mean = sum(x) / len(x), sum(y) / len(y)
    slope = sum((a - x_mean) * (b - y_mean) for a, b in zip(x, y)) / sum((a - x_mean) ** 2 for a in x)
    return sign * slope


def test_zipf_wrong_answers_fail_with_their_hint(capsys):
    assert check_zipf_exponent(least_squares)  # the control: right
    capsys.readouterr()
    mistakes = {
        "s is its negative": lambda counts: least_squares(counts, sign=1),
        "same logarithm": lambda counts: least_squares(counts, log_y=math.log10),
        "sort the counts": lambda counts: least_squares(counts, sort=False),
        "ranks start at 1": lambda counts: least_squares(counts, first=0),
        "first and last points": lambda counts: least_squares(counts, points="ends"),
        "Return a number": lambda counts: str(least_squares(counts)),
        "Fit a straight line to log(count)": lambda counts: least_squares(counts, log_x=float, log_y=float),
    }
    for hint, wrong in mistakes.items():
        assert not check_zipf_exponent(wrong), hint
        out = capsys.readouterr().out
        assert "[TRY AGAIN]" in out and hint in out, (hint, out)


# ------------------------------------------------------------------------ exercise 3: a smaller vocabulary


def test_unknown_fraction_solution_passes(capsys, texts, story_counts):
    unknown_fraction = run_solution(3, "unknown_fraction", texts, story_counts)
    out = capsys.readouterr().out
    assert "[PASS]" in out and "min_count 50" in out
    # Against a plain count over the validation tokens, for another min_count than the check uses.
    train, valid = texts
    train_counts = Counter(split_words(train))
    tokens = split_words(valid)
    unknown = 0
    for token in tokens:
        unknown += token != EOT and train_counts[token] < 3
    assert unknown_fraction(train, valid, 3) == unknown / len(tokens)


def fraction_from(build_from="train", scale=1.0, drop_eot=False, distinct=False, ignore_min=False, strictly=False):
    def unknown_fraction(train_text, valid_text, min_count):
        counts = Counter(split_words(train_text if build_from == "train" else valid_text))
        kept = [w for w, c in counts.items() if ignore_min or (c > min_count if strictly else c >= min_count)]
        tokenizer = WordTokenizer(kept)
        ids = tokenizer.encode(valid_text, allowed_special={EOT})
        if drop_eot:
            ids = [i for i in ids if i != tokenizer.eot_token]
        if distinct:
            words = set(split_words(valid_text))
            return sum(w not in tokenizer.token_to_id for w in words) / len(words)
        return scale * ids.count(tokenizer.unk_token) / len(ids)
    return unknown_fraction


def test_unknown_fraction_wrong_answers_fail_with_their_hint(capsys):
    assert check_unknown_fraction(fraction_from())  # the control: this one is right
    capsys.readouterr()
    mistakes = {
        "train_text only": fraction_from(build_from="valid"),
        "percentage": fraction_from(scale=100),
        "<|endoftext|> included": fraction_from(drop_eot=True),
        "seen at least min_count times": fraction_from(ignore_min=True),
        "(>=, not >)": fraction_from(strictly=True),
        "7/11": fraction_from(distinct=True),
        "min_count=1 the answer is 4/11": lambda train, valid, min_count: 7 / 11,
        "course's stories": lambda train, valid, min_count: fraction_from()(train, valid, min_count) if len(train) < 100
        else 0.5,
        "Return a number": lambda train, valid, min_count: str(7 / 11),
    }
    for hint, wrong in mistakes.items():
        assert not check_unknown_fraction(wrong), hint
        out = capsys.readouterr().out
        assert "[TRY AGAIN]" in out and hint in out, (hint, out)


def test_forgetting_allowed_special_shows_the_contract_error(capsys):
    def forgets(train_text, valid_text, min_count):
        tokenizer = WordTokenizer(w for w, c in Counter(split_words(train_text)).items() if c >= min_count)
        ids = tokenizer.encode(valid_text)
        return ids.count(tokenizer.unk_token) / len(ids)

    assert not check_unknown_fraction(forgets)
    assert "allowed_special={'<|endoftext|>'}" in capsys.readouterr().out
