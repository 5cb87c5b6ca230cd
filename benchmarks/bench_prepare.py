"""Speed and peak memory of ``prepare`` (``python -m buildllm prepare``), with tiktoken's speed on the same text.

    python benchmarks/bench_prepare.py           # a 100 MB text: a few minutes on a laptop CPU
    python benchmarks/bench_prepare.py --quick   # a 10 MB text

The text is generated into a temporary folder: the course's stories (both splits) in a shuffled order, joined by
``<|endoftext|>``, shuffled again for each repeat, until it reaches the size asked for. Each tokenizer's ``prepare``
(the course tokenizer, and GPT-2's ids through the course's BPE code) runs in a child process of its own, which
reports its time and its resident set: after the imports and the tokenizer's loading (the baseline), and at its peak
(``VmHWM``, or ``ru_maxrss`` where /proc is missing). The peak should stay near the baseline however large the text:
``prepare`` reads, encodes and writes in blocks. Beside it: tiktoken's GPT-2 encoding (Rust) of the same text, a
megabyte-sized piece at a time, one thread.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tiktoken

import buildllm  # noqa: F401  (tiktoken's gpt2 offline)
from buildllm.corpora import EOT, load_stories

TOKENIZERS = ("course", "gpt2")


def write_text(path: Path, megabytes: float, seed: int = 0) -> int:
    """The stories, reshuffled for each repeat, until the file holds ``megabytes`` MB (10^6 bytes); returns its size."""
    stories, shuffle = load_stories("all"), random.Random(seed).shuffle
    target, written = int(megabytes * 1e6), 0
    with open(path, "w", encoding="utf-8", newline="") as file:
        while written < target:
            shuffle(stories)
            for story in stories:
                piece = (EOT if written else "") + story
                file.write(piece)
                written += len(piece.encode("utf-8"))
                if written >= target:
                    break
    return written


def memory_mb() -> tuple[float, float]:
    """This process's resident set now and at its peak, in MB."""
    status = Path("/proc/self/status")
    if status.is_file():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1e3, int(fields["VmHWM"].split()[0]) / 1e3
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux, bytes on macOS
    peak = peak / 1e6 if sys.platform == "darwin" else peak / 1e3
    return float("nan"), peak


def child(tokenizer: str, source: str, output: str) -> None:
    """Run in a fresh process: prepare ``source`` with ``tokenizer``; print the time and memory as JSON."""
    from buildllm.tokenfiles import load_tokenizer, prepare

    load_tokenizer(tokenizer)  # imports and files loaded before the baseline (prepare loads it again: a second)
    baseline, _ = memory_mb()
    start = time.perf_counter()
    paths = prepare(source, tokenizer, output, force=True, progress=False)
    seconds = time.perf_counter() - start
    now, peak = memory_mb()
    info = json.loads(paths[0].with_suffix(".json").read_text())
    print(json.dumps({"seconds": seconds, "baseline_mb": baseline, "peak_mb": peak, "tokens": info["count"]}))


def measure(tokenizer: str, source: Path, folder: Path) -> dict:
    command = [sys.executable, __file__, "--child", tokenizer, str(source), str(folder / f"out-{tokenizer}")]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"prepare with {tokenizer} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def tiktoken_seconds(source: Path, piece_bytes: int = 1 << 20) -> tuple[float, int]:
    """tiktoken gpt2 over the file, about ``piece_bytes`` at a time, timing only the encoding. Each piece ends
    before an ``<|endoftext|>``, where no token spans the cut: the ids are the whole text's."""
    encoding, seconds, tokens = tiktoken.get_encoding("gpt2"), 0.0, 0
    with open(source, encoding="utf-8", newline="") as file:
        rest = ""
        while piece := file.read(piece_bytes):
            text = rest + piece
            cut = text.rfind(EOT) if text.rfind(EOT) > 0 else len(text)
            text, rest = text[:cut], text[cut:]
            start = time.perf_counter()
            tokens += len(encoding.encode(text, allowed_special="all"))
            seconds += time.perf_counter() - start
        start = time.perf_counter()
        tokens += len(encoding.encode(rest, allowed_special="all"))
        seconds += time.perf_counter() - start
    return seconds, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 10 MB text instead of 100 MB")
    parser.add_argument("--megabytes", type=float, help="the text's size in MB (default 100, --quick 10)")
    parser.add_argument("--child", nargs=3, metavar=("TOKENIZER", "SOURCE", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    megabytes = args.megabytes or (10.0 if args.quick else 100.0)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "stories.txt"
        size = write_text(source, megabytes)
        print(f"text: {size / 1e6:.1f} MB of the course's stories, shuffled and repeated ({source.name})")
        seconds, tokens = tiktoken_seconds(source)
        reference = size / seconds / 1e6
        print(f"tiktoken gpt2 (Rust, one thread, 1 MB pieces): {reference:6.2f} MB/s, {tokens:,} tokens")
        counts = {}
        for tokenizer in TOKENIZERS:
            result = measure(tokenizer, source, folder)
            speed, counts[tokenizer] = size / result["seconds"] / 1e6, result["tokens"]
            print(f"prepare, {tokenizer:6} tokenizer:              {speed:6.2f} MB/s ({reference / speed:.1f}x slower "
                  f"than tiktoken), {result['tokens']:,} tokens in {result['seconds']:.1f} s; resident memory "
                  f"{result['baseline_mb']:.0f} MB after loading, peak {result['peak_mb']:.0f} MB "
                  f"(+{result['peak_mb'] - result['baseline_mb']:.0f} MB for a {size / 1e6:.0f} MB text)")
        print(f"prepare's gpt2 token count equals tiktoken's: {counts['gpt2'] == tokens}")
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(f"(largest child's peak by getrusage: {children / (1e6 if sys.platform == 'darwin' else 1e3):.0f} MB)")


if __name__ == "__main__":
    main()
