"""Checks for the exercises of notebook 04 (byte-pair encoding)."""

from __future__ import annotations

from . import exercise, expect


@exercise("The most frequent pair")
def check_most_frequent_pair(most_frequent_pair) -> None:
    vocab = {i: bytes([i]) for i in range(256)}
    ids = list(b"aaabdaaabac")
    expect(most_frequent_pair(ids, vocab) == (97, 97), "In 'aaabdaaabac' the pair (97, 97), 'a' 'a', occurs 4 times: it should win.")
    # By hand: after merging 'aa' into 256, the pairs (256, 97) and (97, 98) both occur twice; b'aa' > b'a' wins.
    vocab[256] = b"aa"
    merged = [256, 97, 98, 100, 256, 97, 98, 97, 99]
    got = most_frequent_pair(merged, vocab)
    expect(got != (97, 98), "A tie: (256, 97) and (97, 98) both occur twice. Compare the bytes: (b'aa', b'a') > (b'a', b'b').")
    expect(got == (256, 97), f"Expected (256, 97) for {merged}, got {got}.")
    # All pairs once: the greatest bytes win, b'd' + b'aa' beats everything starting with b'a' or b'b'.
    expect(most_frequent_pair([97, 98, 100, 256], vocab) == (100, 256), "When every pair occurs once, the greatest pair of bytes wins: here (b'd', b'aa').")


@exercise("Encode with a list of merges")
def check_merge_tokens(encode_word) -> None:
    merges = [(b"a", b"a"), (b"aa", b"a"), (b"aaa", b"b"), (b"d", b"aaab")]
    expect(encode_word("aaabdaaabac", merges) == [b"aaab", b"daaab", b"a", b"c"], "With the four merges of the hand example, 'aaabdaaabac' becomes [b'aaab', b'daaab', b'a', b'c'].")
    expect(encode_word("xyz", merges) == [b"x", b"y", b"z"], "Without applicable merges, a word stays single bytes.")
    expect(encode_word("é", []) == [b"\xc3", b"\xa9"], "Start from the UTF-8 bytes: 'é' is two bytes.")
    # Order matters: 'b c' was learned before 'a b', so 'abc' must become a + bc, not ab + c.
    expect(encode_word("abc", [(b"b", b"c"), (b"a", b"b")]) == [b"a", b"bc"], "Apply the earliest learned merge first: with merges [(b, c), (a, b)], 'abc' is [b'a', b'bc'].")
