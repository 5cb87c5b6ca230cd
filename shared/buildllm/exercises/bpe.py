"""Checks for the exercises of notebook 04 (byte-pair encoding)."""

from __future__ import annotations

from buildllm.bpe import course_tokenizer

from . import exercise, expect

EOT = "<|endoftext|>"

# (ids, pair, replacements), each worked by hand: merge() walks left to right and skips both ids after a replacement.
REPLACEMENT_CASES = [
    (list(b"aaabdaaabac"), (97, 97), 2),  # aa|a b d aa|a b a c
    (list(b"aaabdaaabac"), (97, 98), 2),  # a a ab d a a ab a c
    ([1, 2, 1, 2, 1], (2, 1), 2),
    ([1, 3, 1, 2], (1, 2), 1),  # the first 1 is not followed by 2
    ([7, 7, 7, 7], (7, 7), 2),
    ([1, 2], (2, 1), 0),  # the order inside a pair matters
]

OVERLAP_HINT = ("'aaaaa' holds four overlapping 'a a' pairs, but merge() replaces only two: after a replacement, "
                "skip past both ids, so the next occurrence cannot share one.")
SHORT_HINT = "A list with fewer than two ids holds no pair: return 0 (check the end of your loop)."


@exercise("How many replacements?")
def check_count_replacements(count_replacements) -> None:
    got = count_replacements(list(b"aaaaa"), (97, 97))
    expect(got != 4, OVERLAP_HINT)
    expect(got == 2, f"For 'aaaaa' and the pair 'a a', merge() makes aa aa a: 2 replacements, not {got}.")
    expect(count_replacements([], (1, 2)) == 0 and count_replacements([1], (1, 1)) == 0, SHORT_HINT)
    for ids, pair, want in REPLACEMENT_CASES:
        got = count_replacements(list(ids), pair)
        expect(got == want, f"For ids {ids} and the pair {pair}, merge() replaces {want}, you counted {got}.")


class _WordTokenizer:
    """One id per space-separated word, refusing special tokens unless allowed: tiktoken's interface, easy to count."""

    def encode(self, text, allowed_special=frozenset(), disallowed_special="all"):
        if EOT in text and allowed_special != "all" and EOT not in allowed_special and disallowed_special == "all":
            raise ValueError(f"The text contains the special token {EOT!r}: pass allowed_special='all'.")
        return list(range(len(text.split(" "))))


BYTES_HINT = "Count bytes, not characters: 'café' is 4 characters but 5 bytes. Use len(text.encode('utf-8'))."
RATIO_HINT = "Bytes per token is the number of bytes divided by the number of tokens, not the other way round."
SPECIAL_HINT = "The text may hold <|endoftext|>: encode it with allowed_special='all'."


@exercise("A 512-token tokenizer")
def check_compression(bytes_per_token, tokenizer_512) -> None:
    words = _WordTokenizer()
    got = bytes_per_token(words, "café au lait")  # 13 bytes, 12 characters, 3 words: worked by hand
    expect(abs(got - 12 / 3) > 1e-9, BYTES_HINT)
    expect(abs(got - 3 / 13) > 1e-9, RATIO_HINT)
    expect(abs(got - 13 / 3) < 1e-9, f"'café au lait' is 13 bytes in 3 tokens: 4.33 bytes per token, not {got!r}.")
    try:
        got = bytes_per_token(words, f"The end.{EOT}Once upon")  # 30 bytes, 3 tokens
    except ValueError:
        got = None
    expect(got is not None, SPECIAL_HINT)
    expect(abs(got - 30 / 3) < 1e-9, f"'The end.<|endoftext|>Once upon' is 30 bytes in 3 tokens: 10 bytes per token, "
           f"not {got!r}.")

    if tokenizer_512 is None:
        raise NotImplementedError  # the function is done; the tokenizer is still to train
    expect(getattr(tokenizer_512, "n_vocab", None) == 512, "Train with vocab_size=512: the tokenizer needs 512 ids.")
    expect(getattr(tokenizer_512, "special_tokens", None) == {EOT: 256},
           "Pass [EOT] as the special tokens, so that <|endoftext|> gets id 256 as in the course tokenizer.")
    expect(tokenizer_512.merges == course_tokenizer().merges[:255],
           "Train on train_text, the training split, as the course tokenizer was: then its 255 merges are the course "
           "tokenizer's first 255.")
