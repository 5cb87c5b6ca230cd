"""Checks for the exercises of notebook 03 (tokenization)."""

from __future__ import annotations

from collections import Counter

from . import exercise, expect

# Worked out by hand: words keep inner ' and - ; every other non-space character is a token of its own.
SPLIT_CASES = [
    ('Kofi said, "Don\'t!"', ["Kofi", "said", ",", '"', "Don't", "!", '"']),
    ("Amara's box held forty-two buttons.", ["Amara's", "box", "held", "forty-two", "buttons", "."]),
    ("'Run,' said my mother-in-law -- twice!",
     ["'", "Run", ",", "'", "said", "my", "mother-in-law", "-", "-", "twice", "!"]),
    ("It isn't 3-2; it's 4:1.\n\n  Okay?", ["It", "isn't", "3-2", ";", "it's", "4", ":", "1", ".", "Okay", "?"]),
    ("The dogs' bowls were well- and truly -licked--twice",
     ["The", "dogs", "'", "bowls", "were", "well", "-", "and", "truly", "-", "licked", "-", "-", "twice"]),
    ("", []),
]


@exercise("A splitter that keeps words whole")
def check_splitter(split) -> None:
    for text, expected in SPLIT_CASES:
        got = split(text)
        expect(isinstance(got, list) and all(isinstance(t, str) for t in got),
               f"split({text!r}) should return a list of strings, got {got!r}.")
        if got == expected:
            continue
        where = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
        hint = f"split({text!r})\n  gives    {got}\n  expected {expected}\n  first difference at token {where}"
        if any(not t.strip() for t in got):
            hint += ": drop the whitespace (no token should be blank)."
        elif any(len(t) > 1 and not (t[0].isalnum() and t[-1].isalnum()) for t in got):
            hint += (": a word starts and ends with a letter or digit; a quote or dash at its edge is a token of "
                     "its own.")
        else:
            hint += ": inside a word, exactly one ' or - between letters or digits keeps it whole."
        expect(False, hint)


def _least_squares_exponent(ranked_counts: list[float]) -> float:
    """Zipf's s by least squares on log-log points, solved as a linear system (not the learner's slope formula)."""
    import numpy as np

    x = np.log(np.arange(1, len(ranked_counts) + 1))
    design = np.stack([np.ones_like(x), x], axis=1)
    (_, slope), *_ = np.linalg.lstsq(design, np.log(np.asarray(ranked_counts, dtype=float)), rcond=None)
    return float(-slope)


@exercise("Fit Zipf's exponent")
def check_zipf_exponent(zipf_exponent) -> None:
    import math

    from ..corpora import load_stories
    from ..tokenizers import split_words

    exact = [720 / rank for rank in range(1, 7)]  # 720, 360, 240, 180, 144, 120: Zipf with s = 1 exactly
    got = zipf_exponent(list(exact))
    expect(isinstance(got, (int, float)) and not isinstance(got, bool), f"Return a number, got {got!r}.")
    expect(not math.isnan(got), "Got nan: ranks start at 1 (log 0 is minus infinity), and every count must be > 0.")
    expect(abs(got + 1) > 1e-6, "You returned the slope (-1 here); Zipf's s is its negative: count = C / rank**s.")
    expect(abs(got - 1 / math.log(10)) > 1e-6 and abs(got - math.log(10)) > 1e-6,
           "Use the same logarithm for counts and ranks (both math.log, say): mixing log10 and ln scales the slope.")
    expect(abs(got - 1) < 1e-6, f"On the counts 720/rank (Zipf with s = 1 exactly) the answer is 1.0, got {got!r}. "
           "Fit a straight line to log(count) against log(rank) by least squares.")

    shuffled = [exact[i] for i in (3, 0, 5, 1, 4, 2)]
    got = zipf_exponent(shuffled)
    expect(abs(got - 1) < 1e-6, f"On the same counts in another order you got {got!r}, not 1.0: sort the counts from "
           "largest to smallest first (rank 1 is the most common token).")

    counts = Counter(token for story in load_stories("train") for token in split_words(story))
    ranked = sorted(counts.values(), reverse=True)
    got = zipf_exponent(list(counts.values()))
    two_points = math.log(ranked[0] / ranked[-1]) / math.log(len(ranked))
    expect(abs(got - two_points) > 1e-6, "That is the line through the first and last points only: fit all points "
           "by least squares.")
    truth = _least_squares_exponent(ranked)
    expect(abs(got - truth) < 1e-6, f"On the stories' {len(ranked):,} token counts the least-squares s is "
           f"{truth:.4f}, got {got!r}.")


@exercise("How much does a smaller word vocabulary miss?")
def check_unknown_fraction(unknown_fraction) -> None:
    from ..corpora import EOT, load_corpus
    from ..tokenizers import split_words

    # By hand. Training tokens: the x3, sat x2, . x2, cat, dog, on, mat x1. Valid tokens (11): The dog sat on the
    # rug ! <|endoftext|> A dog . With min_count 2 the vocabulary is {the, sat, .}: known are sat, the, <|endoftext|>
    # and ., so 7 of 11 are unknown. With min_count 1 (every word): The, rug, ! and A are unknown, 4 of 11.
    train, valid = "the cat sat. the dog sat on the mat.", f"The dog sat on the rug!{EOT}A dog."
    tiny = unknown_fraction(train, valid, 2)
    expect(isinstance(tiny, (int, float)) and not isinstance(tiny, bool),
           f"Return a number (a fraction), got {tiny!r}.")
    expect(abs(tiny - 8 / 11) > 1e-9, "Build the vocabulary from train_text only, then encode valid_text.")
    expect(abs(tiny - 700 / 11) > 1e-6, "That looks like a percentage: return a fraction between 0 and 1 (no * 100).")
    expect(abs(tiny - 7 / 10) > 1e-9, "Count every id that encode returns, <|endoftext|> included (it is a known "
           "token, not an unknown one).")
    expect(abs(tiny - 4 / 11) > 1e-9, "Keep only the words seen at least min_count times: with min_count=2, cat, dog, "
           "on and mat (seen once) are not in the vocabulary.")
    expect(abs(tiny - 9 / 11) > 1e-9,
           "At least min_count times: a word seen exactly min_count times stays (>=, not >).")
    expect(abs(tiny - 7 / 11) < 1e-9, f"On train {train!r} and valid {valid!r} with min_count=2 the answer is 7/11 = "
           f"0.6364 (only the, sat and . are kept; 7 of the 11 tokens are unknown), got {tiny!r}.")
    expect(abs(unknown_fraction(train, valid, 1) - 4 / 11) < 1e-9,
           "With min_count=1 the answer is 4/11 (The, rug, ! and A are unknown).")

    train, valid = load_corpus("stories", "train"), load_corpus("stories", "valid")
    known = {EOT} | {word for word, count in Counter(split_words(train)).items() if count >= 5}
    valid_tokens = split_words(valid)  # independently of WordTokenizer: a set of kept words and a count
    truth = sum(token not in known for token in valid_tokens) / len(valid_tokens)
    got = unknown_fraction(train, valid, 5)
    expect(isinstance(got, (int, float)) and abs(got - truth) < 1e-9,
           f"On the course's stories with min_count=5 the fraction should be {truth:.6f}, got {got!r}.")
