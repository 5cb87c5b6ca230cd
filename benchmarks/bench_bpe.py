"""Speed of the course's BPE, each number printed beside its target and a reference measured in the same run.

    python benchmarks/bench_bpe.py

The reference for the trainer is the notebook's teaching version (``train_bpe_simple``, read from notebook 04: it
stays in the notebook); the reference for the encoder is tiktoken, and for the streaming encoder (``encode_iterable``,
which ``python -m buildllm prepare`` uses) plain ``encode`` on the whole text.
"""

from __future__ import annotations

import io
import tempfile
import time
import tracemalloc
from pathlib import Path

import nbformat
import tiktoken

import buildllm  # noqa: F401  (tiktoken's gpt2 offline)
from buildllm.bpe import COURSE_VOCAB_SIZE, EOT, BPETokenizer, course_tokenizer_path, train_bpe
from buildllm.corpora import load_corpus
from buildllm.tokenfiles import prepare

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "04_byte_pair_encoding.ipynb"


def teaching_trainer():
    """``train_bpe_simple`` from its notebook cell."""
    namespace = {}
    exec("from buildllm.bpe import *", namespace)
    [source] = [cell.source for cell in nbformat.read(NOTEBOOK, as_version=4).cells
                if cell.cell_type == "code" and cell.source.startswith("def train_bpe_simple(")]
    exec(source, namespace)
    return namespace["train_bpe_simple"]


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
    (simple_vocab, simple_merges), simple = timed(teaching_trainer(), sample, 1000, [EOT])
    (_, fast_merges), fast = timed(train_bpe, sample, 1000, [EOT])
    same = fast_merges == [(simple_vocab[a], simple_vocab[b]) for a, b in simple_merges]
    print(f"100 KB to vocab 1000: teaching version {simple:.2f} s, train_bpe {fast:.2f} s, {simple / fast:.0f}x "
          f"faster (target >= 20x), identical merges: {same}")

    start = time.perf_counter()
    tokenizer = BPETokenizer.load(course_tokenizer_path())  # cold start: loading included, empty cache
    tokenizer.encode(valid, allowed_special="all")
    ours = len(valid.encode()) / (time.perf_counter() - start) / 1e6
    reference = tiktoken.get_encoding("gpt2")
    _, seconds = timed(reference.encode, valid, allowed_special="all")
    print(f"encode the validation split from a cold start: {ours:.2f} MB/s (target >= 1 MB/s); "
          f"tiktoken gpt2 on the same text: {len(valid.encode()) / seconds / 1e6:.2f} MB/s")
    streaming(train, tokenizer, reference)


def streaming(text: str, tokenizer: BPETokenizer, reference) -> None:
    """``encode_iterable`` over a file's lines against ``encode`` on the whole text, and ``prepare``'s peak memory."""
    n_bytes = len(text.encode())
    ids, plain = timed(tokenizer.encode, text, allowed_special="all")
    streamed, seconds = timed(lambda: list(tokenizer.encode_iterable(io.StringIO(text), allowed_special="all")))
    _, tiktoken_seconds = timed(reference.encode, text, allowed_special="all")
    print(f"the training split ({n_bytes / 1e6:.1f} MB), warm cache: encode {n_bytes / plain / 1e6:.2f} MB/s, "
          f"encode_iterable over its lines {n_bytes / seconds / 1e6:.2f} MB/s (target: within 20% of encode), "
          f"same ids: {streamed == ids}; tiktoken gpt2 {n_bytes / tiktoken_seconds / 1e6:.2f} MB/s")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.txt"
        with open(source, "w", encoding="utf-8") as file:
            for _ in range(20):  # about 21 MB
                file.write(text)
        tracemalloc.start()
        _, seconds = timed(prepare, str(source), "course", Path(folder) / "out", progress=False)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"prepare a {20 * n_bytes / 1e6:.0f} MB text (course tokenizer): {20 * n_bytes / seconds / 1e6:.2f} MB/s "
          f"(tracemalloc on, so slower), peak Python memory {peak / 1e6:.1f} MB (target: a few MB, not the text)")


if __name__ == "__main__":
    main()
