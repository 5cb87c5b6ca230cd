"""Streaming tokenization (``BPETokenizer.encode_iterable``), token files and ``python -m buildllm prepare``."""

import json
import os
import subprocess
import sys
import tracemalloc

import numpy as np
import pytest
import tiktoken
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import buildllm  # noqa: F401  (tiktoken's gpt2 offline)
from buildllm import bpe, tokenfiles
from buildllm.bpe import BPETokenizer, course_tokenizer, gpt2_tokenizer
from buildllm.corpora import load_corpus
from buildllm.tokenfiles import PrepareError, prepare, read_info, read_text, read_tokens, token_dtype, write_tokens
from buildllm.tokenizers import CharTokenizer
from helpers import ASSIGNED_CHARACTERS, EOT, ROOT


@pytest.fixture(scope="module")
def course():
    return course_tokenizer()


@pytest.fixture(scope="module")
def gpt2():
    return gpt2_tokenizer()


# Text that stresses the pre-tokenizer's boundaries: contractions, runs of spaces and line ends, digits, letters
# from other scripts, emoji, Unicode spaces and line separators, and the end-of-text token, also cut in two.
PIECES = st.sampled_from(["'ll", "'s", "'", "l", "ve", " ", "  ", "\n", "\n\n", "\r\n", "\t", "7", "42", ".", "é",
                          "日本", "🦙", EOT, "<|", "endoftext", "|>", "fox", " ran", "\u00a0", "\u2028", "\x85",
                          "\u3000"])
TEXTS = st.lists(st.one_of(PIECES, st.text(ASSIGNED_CHARACTERS, max_size=4)), max_size=30).map("".join)


def cut(text: str, cuts: list[int]) -> list[str]:
    """The text cut at the given positions (in any order, repeats allowed: empty lines too)."""
    bounds = [0, *sorted(c % (len(text) + 1) for c in cuts), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, cuts=st.lists(st.integers(0, 10_000), max_size=8), chunk=st.integers(1, 12),
       specials=st.sampled_from(["all", "text"]))
def test_encode_iterable_equals_encode(course, text, cuts, chunk, specials):
    options = {"allowed_special": "all"} if specials == "all" else {"disallowed_special": ()}
    streamed = list(course.encode_iterable(cut(text, cuts), chunk_chars=chunk, **options))
    assert streamed == course.encode(text, **options)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS, cuts=st.lists(st.integers(0, 10_000), max_size=8), chunk=st.integers(1, 12))
def test_gpt2_encode_iterable_equals_tiktoken(gpt2, text, cuts, chunk):
    reference = tiktoken.get_encoding("gpt2")
    streamed = list(gpt2.encode_iterable(cut(text, cuts), allowed_special="all", chunk_chars=chunk))
    assert streamed == reference.encode(text, allowed_special="all")


def test_encode_iterable_of_a_file_equals_encode_of_the_split(course):
    text = load_corpus("stories", split="valid")
    lines = text.splitlines(keepends=True)
    assert list(course.encode_iterable(lines, allowed_special="all")) == course.encode(text, allowed_special="all")


@pytest.mark.parametrize("lines", [["The end.", EOT], ["The end.<|endof", "text|> more"]])
def test_a_disallowed_special_token_in_the_stream_raises_like_encode(course, lines):
    with pytest.raises(ValueError, match="allowed_special"):
        course.encode("".join(lines))
    with pytest.raises(ValueError, match="allowed_special"):
        list(course.encode_iterable(lines, chunk_chars=4))


@settings(max_examples=100, deadline=None)
@given(text=TEXTS, cuts=st.lists(st.integers(0, 10_000), max_size=8))
def test_character_streams_keep_special_tokens_whole(text, cuts):
    tokenizer = CharTokenizer(set(text) | set(EOT))
    streamed = list(tokenfiles._encode_stream(tokenizer, cut(text, cuts), "all"))
    assert streamed == tokenizer.encode(text, allowed_special="all")


# ------------------------------------------------------------------------------------------------ token files


def test_token_files_choose_uint16_until_the_ids_no_longer_fit():
    assert token_dtype(50_257) == np.uint16 and token_dtype(65_536) == np.uint16
    assert token_dtype(65_537) == np.int32
    assert np.iinfo(np.uint16).max == 65_535  # the largest id of a 65,536-id vocabulary


class WideTokenizer:
    """A stand-in with 70,000 ids: more than uint16 holds."""

    vocab = {i: f"t{i}" for i in range(70_000)}
    special_tokens = {}
    n_vocab = 70_000


@pytest.mark.parametrize("tokenizer, ids, dtype", [
    ("course", [0, 256, 4095, 17], np.uint16),
    ("wide", [0, 65_535, 65_536, 69_999], np.int32),
])
def test_token_files_round_trip_through_the_memory_map(tmp_path, course, tokenizer, ids, dtype):
    tokenizer = course if tokenizer == "course" else WideTokenizer()
    path = tmp_path / "tokens.bin"
    write_tokens(path, iter(ids), tokenizer, "test")
    assert path.stat().st_size == len(ids) * np.dtype(dtype).itemsize
    read, info = read_tokens(path, tokenizer)
    assert isinstance(read, np.memmap) and read.dtype == dtype and read.tolist() == ids
    assert info["count"] == len(ids)
    assert np.fromfile(path, dtype=np.dtype(dtype).newbyteorder("<")).tolist() == ids  # little-endian on disk


def test_a_token_file_refuses_another_tokenizer(tmp_path, course, gpt2):
    path = tmp_path / "tokens.bin"
    write_tokens(path, course.encode("Once upon a time"), course, "course")
    with pytest.raises(PrepareError, match="made with the tokenizer 'course'.*prepare the text again"):
        read_tokens(path, gpt2)
    first_merges = BPETokenizer(course.merges[:100], [EOT])  # same ids, other merges: another tokenizer
    with pytest.raises(PrepareError, match="made with the tokenizer"):
        read_tokens(path, first_merges)


def test_damaged_token_files_are_explained(tmp_path, course):
    path = tmp_path / "tokens.bin"
    write_tokens(path, [1, 2, 3], course, "course")
    with open(path, "ab") as file:
        file.write(b"\0")
    with pytest.raises(PrepareError, match="half-written.*again"):
        read_tokens(path)
    path.with_suffix(".json").write_text("{}", encoding="utf-8")
    with pytest.raises(PrepareError, match="not a valid buildllm-tokens"):
        read_tokens(path)
    path.with_suffix(".json").unlink()
    with pytest.raises(PrepareError, match="missing"):
        read_tokens(path)
    with pytest.raises(FileNotFoundError, match="prepare"):
        read_tokens(tmp_path / "nothing.bin")


# -------------------------------------------------------------------------------------------------- prepare


def test_a_folder_becomes_its_files_joined_by_end_of_text(tmp_path, course):
    (tmp_path / "texts" / "b").mkdir(parents=True)
    first, second = "The fox ran.\n\n", f"A hen sang.{EOT}Then slept.\r\n"
    (tmp_path / "texts" / "a.txt").write_text(first, encoding="utf-8", newline="")
    (tmp_path / "texts" / "b" / "c.txt").write_text(second, encoding="utf-8", newline="")
    (tmp_path / "texts" / "notes.md").write_text("not a .txt file", encoding="utf-8")
    [path] = prepare(str(tmp_path / "texts"), "course", tmp_path / "out", progress=False)
    ids, info = read_tokens(path, course)
    want = course.encode(first) + [course.eot_token] + course.encode(second, allowed_special="all")
    assert ids.tolist() == want
    assert info["text_bytes"] == len((first + second).encode()) and info["tokenizer"]["name"] == "course"
    [path] = prepare(str(tmp_path / "texts"), "course", tmp_path / "out", force=True, specials_as_text=True,
                     progress=False)
    assert read_tokens(path)[0].tolist() == course.encode(first) + [256] + course.encode(second, disallowed_special=())


def test_the_course_corpus_keeps_its_split(tmp_path, monkeypatch, course):
    texts = {"train": f"Story one.{EOT}Story two.", "valid": "Story three."}
    monkeypatch.setattr(tokenfiles, "load_corpus", lambda name, split: texts[split])
    paths = prepare("stories", "course", tmp_path / "out", progress=False)
    assert [p.name for p in paths] == ["train.bin", "valid.bin"]
    for path, text in zip(paths, texts.values()):
        assert read_tokens(path, course)[0].tolist() == course.encode(text, allowed_special="all")


def test_the_character_tokenizer_is_rebuilt_from_the_token_file(tmp_path):
    text = f"Zoë saw 🦙.\n{EOT}Bob\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    [path] = prepare(str(tmp_path / "t.txt"), "char", tmp_path / "out", progress=False)
    tokenizer = tokenfiles.char_tokenizer(read_info(path))
    assert sorted(tokenizer.vocab.values()) == sorted(set(text.replace(EOT, "")) | {EOT})
    ids, _ = read_tokens(path, tokenizer)
    assert tokenizer.decode(ids.tolist()) == text and ids.tolist().count(tokenizer.eot_token) == 1


def test_streaming_a_large_file_keeps_memory_bounded(tmp_path, monkeypatch, course):
    text = load_corpus("stories", split="valid") * 12  # about 1.4 MB
    source = tmp_path / "big.txt"
    source.write_text(text, encoding="utf-8")
    for setting, value in [("BLOCK_BYTES", 1 << 13), ("CHUNK_CHARS", 1 << 13), ("WRITE_IDS", 1 << 12)]:
        monkeypatch.setattr(tokenfiles, setting, value)  # small pieces, so the text is many times larger
    monkeypatch.setattr(tokenfiles, "load_tokenizer", lambda spec, chars=(): course)  # measure the stream alone
    (tmp_path / "small.txt").write_text("Warm up.", encoding="utf-8")
    prepare(str(tmp_path / "small.txt"), "course", tmp_path / "small", progress=False)  # its imports come first
    course.encode(text[:200_000], allowed_special="all")  # and the pre-token cache is full before measuring
    tracemalloc.start()
    try:
        [path] = prepare(str(source), "course", tmp_path / "out", progress=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(text) / 5, f"peak {peak:,} bytes for a text of {len(text):,}"
    assert read_info(path)["count"] == len(course.encode(text, allowed_special="all"))


def test_not_utf8_names_the_byte_even_across_blocks(tmp_path):
    data = "café ok\n".encode() * 3 + b"\xff" + b"rest"
    path = tmp_path / "latin.txt"
    path.write_bytes(data)
    bad = data.index(b"\xff")
    for block in (1, 3, 4, 1 << 20):
        with pytest.raises(PrepareError, match=f"byte {bad} .*Convert the file to UTF-8"):
            list(read_text(path, block_bytes=block))
    path.write_bytes(b"ok " + "é".encode()[:1])
    with pytest.raises(PrepareError, match="ends inside a character"):
        list(read_text(path, block_bytes=2))


def test_prepare_explains_each_input_error(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "none").mkdir()
    (tmp_path / "ok.txt").write_text("Hello.", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="No file or folder.*stories"):
        prepare(str(tmp_path / "missing.txt"), progress=False)
    with pytest.raises(PrepareError, match="empty"):
        prepare(str(tmp_path / "empty.txt"), output=tmp_path / "o1", progress=False)
    with pytest.raises(PrepareError, match="no .txt files"):
        prepare(str(tmp_path / "none"), output=tmp_path / "o2", progress=False)
    with pytest.raises(PrepareError, match="Unknown tokenizer 'bpe'.*char, course, gpt2"):
        prepare(str(tmp_path / "ok.txt"), "bpe", output=tmp_path / "o3", progress=False)
    prepare(str(tmp_path / "ok.txt"), "char", output=tmp_path / "o4", progress=False)
    with pytest.raises(FileExistsError, match="--force"):
        prepare(str(tmp_path / "ok.txt"), "char", output=tmp_path / "o4", progress=False)


def test_a_failed_run_leaves_no_half_written_file(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("fine text\n" * 1000, encoding="utf-8")
    (tmp_path / "texts" / "b.txt").write_bytes(b"broken \xff")
    with pytest.raises(PrepareError, match="b.txt is not UTF-8"):
        prepare(str(tmp_path / "texts"), "char", tmp_path / "out", progress=False)
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]


def test_the_command_line_prepares_and_explains(tmp_path, course):
    (tmp_path / "story.txt").write_text("Once upon a time, a fox.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared")}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "buildllm", *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120)

    done = run("prepare", "story.txt", "--tokenizer", "course", "--quiet")
    assert done.returncode == 0, done.stderr
    want = course.encode("Once upon a time, a fox.\n")
    assert f"prepared/story-course/tokens.bin: {len(want)} ids (uint16)" in done.stdout
    info = json.loads((tmp_path / "prepared" / "story-course" / "tokens.json").read_text(encoding="utf-8"))
    ids = np.fromfile(tmp_path / "prepared" / "story-course" / "tokens.bin", dtype="<u2").tolist()
    assert ids == want and info["count"] == len(want)
    again = run("prepare", "story.txt", "--quiet")
    assert again.returncode == 1 and again.stderr.startswith("error: ") and "--force" in again.stderr
    assert "Traceback" not in again.stderr
    helped = run("prepare", "--help")
    assert helped.returncode == 0 and "examples:" in helped.stdout and "--tokenizer" in helped.stdout


def test_a_long_stream_empties_the_cache_and_still_equals_encode(monkeypatch, course):
    tokenizer = BPETokenizer(course.merges, [EOT])  # its own cache
    monkeypatch.setattr(bpe, "CACHE_LIMIT", 50)
    text = load_corpus("stories", split="valid")[:30_000]
    streamed = list(tokenizer.encode_iterable(text.splitlines(keepends=True), allowed_special="all", chunk_chars=500))
    assert streamed == course.encode(text, allowed_special="all")
    assert len(tokenizer._cache) <= 50 + 500  # emptied after each chunk that passed the limit
