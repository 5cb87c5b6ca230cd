"""Speed of the course's BPE, each number printed beside its target and a reference measured in the same run.

    python benchmarks/bench_bpe.py
"""

from __future__ import annotations

import time

import buildllm  # noqa: F401  (tiktoken's gpt2 offline)
import tiktoken
from buildllm.bpe import EOT, COURSE_VOCAB_SIZE, BPETokenizer, course_tokenizer_path, train_bpe, train_bpe_plain
from buildllm.corpora import load_corpus


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> None:
    train = load_corpus("stories", split="train")
    valid = load_corpus("stories", split="valid")
    print(f"train split {len(train.encode()):,} bytes, validation split {len(valid.encode()):,} bytes\n")

    _, seconds = timed(train_bpe, train[:130_000], 500, [EOT])
    print(f"train to vocab 500 on the first 130 KB:    {seconds:6.2f} s   (target < 0.5 s)")

    _, seconds = timed(train_bpe, train, COURSE_VOCAB_SIZE, [EOT])
    print(f"train the course tokenizer (vocab {COURSE_VOCAB_SIZE}): {seconds:6.2f} s   (target < 30 s)")

    sample = train[:100_000]
    (_, plain_merges), plain = timed(train_bpe_plain, sample, 1000, [EOT])
    (_, fast_merges), fast = timed(train_bpe, sample, 1000, [EOT])
    print(f"100 KB to vocab 1000: plain {plain:.2f} s, fast {fast:.2f} s, {plain / fast:.0f}x faster (target >= 20x), identical merges: {plain_merges == fast_merges}")

    start = time.perf_counter()
    tokenizer = BPETokenizer.load(course_tokenizer_path())  # cold start: loading included, empty cache
    tokenizer.encode(valid, allowed_special="all")
    ours = len(valid.encode()) / (time.perf_counter() - start) / 1e6
    reference = tiktoken.get_encoding("gpt2")
    _, seconds = timed(reference.encode, valid, allowed_special="all")
    print(f"encode the validation split from a cold start: {ours:.2f} MB/s (target >= 1 MB/s); tiktoken gpt2 on the same text: {len(valid.encode()) / seconds / 1e6:.2f} MB/s")


if __name__ == "__main__":
    main()
