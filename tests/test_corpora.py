"""The corpus API (load_stories, load_corpus) and the optional downloads, against a server on loopback."""

from __future__ import annotations

import functools
import hashlib
import socket
from collections import Counter
from pathlib import Path

import pytest

from buildllm import corpora, runtime
from helpers import EOT, loopback_server, stories_in
from helpers import STORIES as DATA


@functools.cache
def files() -> dict[str, list[str]]:
    handwritten = sorted((DATA / "handwritten").glob("batch_*.txt"))
    return {path.name: stories_in(path) for path in [*handwritten, DATA / "generated.txt"]}


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    items = iter(whole)
    return all(any(story == item for item in items) for story in part)


# --------------------------------------------------------------------------------------------- the stories


def test_all_is_every_story_of_every_file_in_order():
    expected = [story for stories in files().values() for story in stories]
    assert corpora.load_stories("all") == expected
    assert len(files()) == 7  # six hand-written batches and the generated file


def test_stories_are_title_blank_line_paragraphs():
    for story in corpora.load_stories("all"):
        title, blank, *paragraphs = story.split("\n")
        assert title.strip() == title and title and EOT not in story, story[:80]
        assert blank == "" and paragraphs and paragraphs[0], story[:80]
        assert "\n\n\n" not in story and story == story.strip(), story[:80]


def test_train_and_valid_partition_all_in_order():
    everything, train, valid = (corpora.load_stories(split) for split in ("all", "train", "valid"))
    assert Counter(train) + Counter(valid) == Counter(everything)
    assert len(train) + len(valid) == len(everything)
    assert is_subsequence(train, everything) and is_subsequence(valid, everything)
    assert abs(len(valid) - len(everything) / 10) <= 1, (len(valid), len(everything))


def test_every_file_and_both_sources_give_a_tenth_to_valid():
    owner = {story: name for name, stories in files().items() for story in stories}
    assert len(owner) == sum(len(stories) for stories in files().values()), "a story appears twice"
    valid_per_file = Counter(owner[story] for story in corpora.load_stories("valid"))
    for name, stories in files().items():
        assert abs(valid_per_file[name] - len(stories) / 10) <= 1, (name, valid_per_file[name], len(stories))
    by_source = {"hand-written": [0, 0], "generated": [0, 0]}  # [stories, of which valid]
    for name, stories in files().items():
        source = "generated" if name == "generated.txt" else "hand-written"
        by_source[source][0] += len(stories)
        by_source[source][1] += valid_per_file[name]
    for source, (total, valid) in by_source.items():
        assert valid >= 1 and total - valid >= 1, source
        assert abs(valid - total / 10) <= 1, (source, valid, total)


def test_corpus_text_is_the_stories_joined_by_eot():
    for split in ("train", "valid", "all"):
        assert corpora.load_corpus("stories", split) == EOT.join(corpora.load_stories(split))
    assert corpora.load_corpus() == corpora.load_corpus("stories", "train")
    assert corpora.EOT == EOT


def test_callers_get_copies():
    first = corpora.load_stories("all")
    count = len(first)
    first.clear()
    second = corpora.load_stories("all")
    assert len(second) == count and second is not corpora.load_stories("all")


def test_unknown_names_and_splits_are_refused():
    with pytest.raises(ValueError, match="train, valid, all"):
        corpora.load_stories("test")
    with pytest.raises(ValueError, match="train, valid, all"):
        corpora.load_corpus("stories", "validation")
    with pytest.raises(ValueError, match="stories, tiny-shakespeare, the-verdict"):
        corpora.load_corpus("wikipedia")


def write_course(root: Path, batches: dict[str, int], generated: int | None) -> None:
    """A small course folder: story files whose stories are "<file> <i>" titles with one paragraph."""
    folder = root / "data" / "stories"
    (folder / "handwritten").mkdir(parents=True)
    for name, count in batches.items():
        stories = [f"{name} {i}\n\nOnce there was story {i}." for i in range(count)]
        (folder / "handwritten" / name).write_text("\n<|endoftext|>\n".join(stories) + "\n", encoding="utf-8")
    if generated is not None:
        stories = [f"generated {i}\n\nA made-up story {i}.\n\nIt ends." for i in range(generated)]
        (folder / "generated.txt").write_text("\n<|endoftext|>\n".join(stories) + "\n", encoding="utf-8")


def test_split_is_one_story_in_ten_of_each_file(monkeypatch, tmp_path):
    write_course(tmp_path, {"batch_01.txt": 25, "batch_02.txt": 3}, generated=12)
    monkeypatch.setattr(runtime, "repo_root", lambda: tmp_path)
    titles = [story.split("\n")[0] for story in corpora.load_stories("valid")]
    # Worked out by hand from the rule "story i of a file when i % 10 == 4".
    assert titles == ["batch_01.txt 4", "batch_01.txt 14", "batch_01.txt 24", "generated 4"]
    assert len(corpora.load_stories("train")) == 25 + 3 + 12 - 4
    assert corpora.load_stories("all")[-1] == "generated 11\n\nA made-up story 11.\n\nIt ends."


def test_missing_data_folder_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(runtime, "repo_root", lambda: tmp_path)
    with pytest.raises(FileNotFoundError, match="clone the course"):
        corpora.load_stories()
    write_course(tmp_path, {"batch_01.txt": 2}, generated=None)
    with pytest.raises(FileNotFoundError, match="generate_stories.py"):
        corpora.load_corpus("stories", "all")


# ------------------------------------------------------------------------------------------ the downloads

TEXT = "To be, or not to be \u2014 that is the question.\n" * 3000  # ~130 kB: several blocks; not ASCII


def test_pins_are_the_real_files():
    # From the course design (checked against copies of the files), not from the module.
    assert corpora.DOWNLOADS["tiny-shakespeare"][:3] == (
        "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt",
        1115394,
        "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed",
    )
    assert corpora.DOWNLOADS["the-verdict"][:3] == (
        "https://raw.githubusercontent.com/rasbt/LLMs-from-scratch/main/ch02/01_main-chapter-code/the-verdict.txt",
        20479,
        "b41e41a68f0398a3154ae69e2e4c0e2694e17fe0d66730536837f1b01935b31f",
    )


@pytest.fixture
def server(tmp_path):
    """An HTTP server on 127.0.0.1 (a free port) serving tmp_path/www; yields (base URL, stop function)."""
    www = tmp_path / "www"
    www.mkdir()
    (www / "input.txt").write_bytes(TEXT.encode("utf-8"))
    with loopback_server(www) as served:
        yield served


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv(runtime.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "downloads"


def pin(monkeypatch, url: str, sha256: str | None = None) -> None:
    data = TEXT.encode("utf-8")
    real = corpora.Pin(url, len(data), sha256 or hashlib.sha256(data).hexdigest(), "tiny-shakespeare.txt")
    monkeypatch.setitem(corpora.DOWNLOADS, "tiny-shakespeare", real)


def test_download_once_then_use_the_cache(monkeypatch, server, cache, capsys):
    base, stop = server
    pin(monkeypatch, f"{base}/input.txt")
    assert corpora.load_corpus("tiny-shakespeare") == TEXT
    assert [p.name for p in cache.iterdir()] == ["tiny-shakespeare.txt"]  # no temporary file left
    assert "100%" in capsys.readouterr().err  # tqdm's bar went to stderr and finished
    stop()  # from now on any download attempt fails
    assert corpora.load_corpus("tiny-shakespeare", split="all") == TEXT
    with pytest.raises(ValueError, match="Splits apply to the course's stories only"):
        corpora.load_corpus("tiny-shakespeare", split="train")


def test_checksum_mismatch_keeps_nothing(monkeypatch, server, cache):
    base, _ = server
    pin(monkeypatch, f"{base}/input.txt", sha256="0" * 64)
    actual = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    with pytest.raises(corpora.DownloadError, match="not kept") as error:
        corpora.load_corpus("tiny-shakespeare")
    assert "0" * 64 in str(error.value) and actual in str(error.value)
    assert list(cache.iterdir()) == []


def test_unreachable_server_explains_the_offline_way(monkeypatch, cache):
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    pin(monkeypatch, f"http://127.0.0.1:{port}/input.txt")
    with pytest.raises(corpora.DownloadError, match="runs offline without it") as error:
        corpora.load_corpus("tiny-shakespeare")
    assert str(cache / "tiny-shakespeare.txt") in str(error.value)  # where to put the file by hand
    assert list(cache.iterdir()) == []


def test_missing_file_on_the_server(monkeypatch, server, cache):
    base, _ = server
    pin(monkeypatch, f"{base}/nothing-here.txt")
    with pytest.raises(corpora.DownloadError, match="404"):
        corpora.load_corpus("tiny-shakespeare")
    assert list(cache.iterdir()) == []


def test_damaged_cached_file_is_downloaded_again(monkeypatch, server, cache, capsys):
    base, _ = server
    pin(monkeypatch, f"{base}/input.txt")
    cache.mkdir(parents=True)
    (cache / "tiny-shakespeare.txt").write_text(TEXT[:1000], encoding="utf-8")  # an interrupted copy
    assert corpora.load_corpus("tiny-shakespeare") == TEXT
    assert "downloading it again" in capsys.readouterr().out
    assert (cache / "tiny-shakespeare.txt").read_text(encoding="utf-8") == TEXT


def test_download_to_any_destination_without_a_known_size(server, tmp_path):
    base, _ = server
    expected = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    target = tmp_path / "new" / "folder" / "copy.txt"
    assert corpora.download(f"{base}/input.txt", expected, None, target) == target
    assert target.read_bytes() == TEXT.encode("utf-8")
