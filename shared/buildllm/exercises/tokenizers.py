"""Checks for the exercises of notebook 03 (tokenization)."""

from __future__ import annotations

from . import exercise, expect

# Worked out by hand: words keep inner ' and - ; every other non-space character is a token of its own.
SPLIT_CASES = [
    ('Kofi said, "Don\'t!"', ["Kofi", "said", ",", '"', "Don't", "!", '"']),
    ("Amara's box held forty-two buttons.", ["Amara's", "box", "held", "forty-two", "buttons", "."]),
    ("'Run,' said my mother-in-law -- twice!", ["'", "Run", ",", "'", "said", "my", "mother-in-law", "-", "-", "twice", "!"]),
    ("It isn't 3-2; it's 4:1.\n\n  Okay?", ["It", "isn't", "3-2", ";", "it's", "4", ":", "1", ".", "Okay", "?"]),
    ("The dogs' bowls were well- and truly -licked--twice", ["The", "dogs", "'", "bowls", "were", "well", "-", "and", "truly", "-", "licked", "-", "-", "twice"]),
    ("", []),
]


@exercise("A splitter that keeps words whole")
def check_splitter(split) -> None:
    for text, expected in SPLIT_CASES:
        got = split(text)
        expect(isinstance(got, list) and all(isinstance(t, str) for t in got), f"split({text!r}) should return a list of strings, got {got!r}.")
        if got == expected:
            continue
        where = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
        hint = f"split({text!r})\n  gives    {got}\n  expected {expected}\n  first difference at token {where}"
        if any(not t.strip() for t in got):
            hint += ": drop the whitespace (no token should be blank)."
        elif any(len(t) > 1 and not (t[0].isalnum() and t[-1].isalnum()) for t in got):
            hint += ": a word starts and ends with a letter or digit; a quote or dash at its edge is a token of its own."
        else:
            hint += ": inside a word, exactly one ' or - between letters or digits keeps it whole."
        expect(False, hint)


@exercise("How much does a word vocabulary miss?")
def check_unknown_fraction(unknown_fraction) -> None:
    from ..corpora import EOT, load_corpus
    from ..tokenizers import split_words

    # By hand: the valid tokens are The dog sat on the rug ! <|endoftext|> A dog . (11); dog (twice), rug, ! and A
    # are not in the training text: 5 unknown tokens. (Distinct words: 10, of which 4 unknown.)
    tiny = unknown_fraction("The cat sat on the mat.", f"The dog sat on the rug!{EOT}A dog.")
    expect(isinstance(tiny, (int, float)) and not isinstance(tiny, bool), f"Return a number (a fraction), got {tiny!r}.")
    expect(tiny != 0, "Nothing is unknown? Build the vocabulary from train_text only, then encode valid_text.")
    expect(abs(tiny - 500 / 11) > 1e-6, "That looks like a percentage: return a fraction between 0 and 1 (no * 100).")
    expect(abs(tiny - 5 / 10) > 1e-9, "Count every id that encode returns, <|endoftext|> included (it is a known token, not an unknown one).")
    expect(abs(tiny - 4 / 10) > 1e-9, "Count tokens, not distinct words: a word that occurs twice counts twice.")
    expect(
        abs(tiny - 5 / 11) < 1e-9,
        f"On train 'The cat sat on the mat.' and valid 'The dog sat on the rug!{EOT}A dog.' the answer is 5/11 = 0.4545 "
        f"(dog twice, rug, ! and A are unknown; 11 tokens in all), got {tiny!r}.",
    )

    train, valid = load_corpus("stories", "train"), load_corpus("stories", "valid")
    got = unknown_fraction(train, valid)
    expect(isinstance(got, (int, float)), f"Return a number (a fraction), got {got!r}.")
    # Independently of WordTokenizer.encode: a set of the training tokens, and a count over the validation tokens.
    known = set(split_words(train)) | {EOT}
    valid_tokens = split_words(valid)
    truth = sum(token not in known for token in valid_tokens) / len(valid_tokens)
    expect(
        abs(got - truth) < 1e-9,
        f"On the course's stories the fraction should be {truth:.6f}, got {got!r}. Build the tokenizer from train_text, "
        "encode valid_text, and divide the number of <|unk|> ids by the number of ids.",
    )
