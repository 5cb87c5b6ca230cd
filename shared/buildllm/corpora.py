"""The course's text: the stories shipped in ``data/``, and optional public texts downloaded on request.

Hand-written support module (no notebook teaches it).

    load_stories("train")            # list of stories: a title line, an empty line, paragraphs
    load_corpus("stories", "valid")  # one string: the stories joined by "<|endoftext|>"
    load_corpus("tiny-shakespeare")  # downloaded once into the cache folder, checksum verified

Everything under ``data/`` works offline. The online texts are optional extras: ``download`` fetches a pinned file
with a progress bar, checks its sha256 and keeps it in ``buildllm.runtime.cache_dir("downloads")``.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import tempfile
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from . import runtime
from .runtime import sha256_of

EOT = "<|endoftext|>"
"""The end-of-text marker: between two stories in the data files and in ``load_corpus``'s text."""

UNK = "<|unk|>"
"""The unknown-token marker: what a word-level model or tokenizer uses for a word its vocabulary lacks (notebooks
02 and 03). It lives here, beside ``EOT``, so both can import it."""

SPLITS = ("train", "valid", "all")
VALID_EVERY = 10
VALID_INDEX = 4
"""Story i of a file (counting from 0) goes to the validation split when i % 10 == 4: one story in ten, taken from
every file so hand-written and generated stories are in both splits; starting at the fifth story rounds a file's
share to the nearest whole story (a file of 15 to 24 stories gives 2)."""

HANDWRITTEN = "stories/handwritten"
GENERATED = "stories/generated.txt"
GENERATOR = "stories/generator/generate_stories.py"
SEEDED_GENERATOR = "seeded_generator.py"  # SplitMix64 and the command line, shared by the three generators
COURSE_TOKENIZER = "tokenizers/course_bpe.json"
MESSAGE_FILES = ("messages/handwritten.tsv", "messages/generated.tsv")
MESSAGE_GENERATOR = "messages/generator/generate_messages.py"
INSTRUCTION_FILES = ("instructions/handwritten.json", "instructions/generated.json")
INSTRUCTION_GENERATOR = "instructions/generator/generate_instructions.py"
MESSAGE_LABELS = ("ham", "spam")
HELD_OUT = {4: "valid", 9: "test"}
"""The finetuning data's fixed split: counting the items of one group in a file from 0 (a message's label, an
instruction's task type), item k goes to validation when k % 10 == 4, to test when k % 10 == 9, else to training.
So each split gets about the same share of every label and task type, and any file of the public form splits too."""
FINETUNING_SPLITS = ("train", "valid", "test", "all")
CHECKABLE_TASKS = ("arithmetic", "counting", "unit_conversion", "plural", "sorting", "capitalisation", "passage_qa")
"""Task types of the course's instructions with one right answer (scored by exact match in notebook 11); the others,
"world_qa", "writing", "completion" and "title", have free answers (scored by overlap, ROUGE-L)."""


class Pin(NamedTuple):
    """What an optional download must be: its address, its size in bytes and its sha256."""

    url: str
    size: int
    sha256: str
    filename: str


DOWNLOADS = {
    "tiny-shakespeare": Pin(
        url="https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt",
        size=1_115_394,
        sha256="86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed",
        filename="tiny-shakespeare.txt",
    ),
    "the-verdict": Pin(  # Edith Wharton's short story (1908), public domain
        url="https://raw.githubusercontent.com/rasbt/LLMs-from-scratch/main/ch02/01_main-chapter-code/the-verdict.txt",
        size=20_479,
        sha256="b41e41a68f0398a3154ae69e2e4c0e2694e17fe0d66730536837f1b01935b31f",
        filename="the-verdict.txt",
    ),
}
"""The optional online texts, pinned. ``load_corpus(name)`` takes any of these names besides "stories"."""

TIMEOUT = 30
"""Seconds to wait for a server before giving up."""


class DownloadError(RuntimeError):
    """A download failed (offline, server error, wrong checksum); no partial file was kept."""


# ----------------------------------------------------------------------------------------------- the stories


def data_dir() -> Path:
    """The course's ``data/`` folder, beside ``notebooks/`` in the course folder."""
    folder = runtime.repo_root() / "data"
    if not (folder / HANDWRITTEN).is_dir():
        raise FileNotFoundError(
            f"The course's data folder was not found at {folder}. The stories ship with the course, not with the "
            "package: clone the course (git clone, then `pip install -e .` inside the clone) and run the notebooks "
            "from there."
        )
    return folder


def _story_files() -> list[Path]:
    """The story files in their fixed order: the hand-written batches by name, then the generated stories."""
    folder = data_dir()
    generated = folder / GENERATED
    if not generated.is_file():
        raise FileNotFoundError(
            f"{generated} is missing. It is part of the course; restore it from the repository "
            f"(git checkout -- data/{GENERATED}) or rebuild it with `python data/{GENERATOR}`."
        )
    return sorted((folder / HANDWRITTEN).glob("*.txt")) + [generated]


def _parse_stories(text: str) -> list[str]:
    """Cut a story file's text into stories: they are separated by a line holding only ``EOT``."""
    pieces = text.replace("\r\n", "\n").split(f"\n{EOT}\n")
    return [piece.strip("\n") for piece in pieces if piece.strip()]


@lru_cache(maxsize=4)
def _stories_by_file(folder: Path) -> tuple[tuple[Path, tuple[str, ...]], ...]:
    # Keyed by the folder, so a moved course folder is read afresh; tuples, so no caller can change the cache.
    return tuple(
        (path, tuple(_parse_stories(path.read_text(encoding="utf-8")))) for path in _story_files()
    )


def load_stories(split: str = "train") -> list[str]:
    """The course's stories: "train" (90%), "valid" (10%) or "all", in file order.

    The split is fixed and made per file, by whole stories: story i of each file is a validation story when
    i % 10 == 4. Each story is a title line, an empty line and paragraphs separated by empty lines. The list is
    a fresh copy: change it freely.
    """
    if split not in SPLITS:
        raise ValueError(f"Unknown split {split!r}; choose one of {', '.join(SPLITS)}.")
    chosen = []
    for _path, stories in _stories_by_file(data_dir()):
        for i, story in enumerate(stories):
            in_valid = i % VALID_EVERY == VALID_INDEX
            if split == "all" or in_valid == (split == "valid"):
                chosen.append(story)
    return chosen


def load_corpus(name: str = "stories", split: str | None = None) -> str:
    """A corpus as one string.

    ``"stories"``: the course's stories of ``split`` ("train" by default, "valid" or "all") joined by ``EOT``, with
    nothing else between them. The names in ``DOWNLOADS`` ("tiny-shakespeare", "the-verdict") are optional public
    texts, downloaded once (needs the network the first time) and returned whole: splits apply to the stories only.
    """
    if name == "stories":
        return EOT.join(load_stories("train" if split is None else split))
    if name in DOWNLOADS:
        if split not in (None, "all"):
            raise ValueError(
                f"Splits apply to the course's stories only; {name!r} is one downloaded text. Call "
                f"load_corpus({name!r}) (or split='all') and cut it yourself, e.g. the last 10% for validation."
            )
        return fetch(name).read_text(encoding="utf-8")
    raise ValueError(f"Unknown corpus {name!r}; choose one of {', '.join(['stories', *DOWNLOADS])}.")


# ------------------------------------------------------------------------------------------ optional downloads


def fetch(name: str) -> Path:
    """The path of a pinned download, fetched on first use and reused from the cache after a checksum test."""
    if name not in DOWNLOADS:
        raise ValueError(f"Unknown download {name!r}; choose one of {', '.join(DOWNLOADS)}.")
    pin = DOWNLOADS[name]
    path = runtime.cache_dir("downloads") / pin.filename
    if path.is_file():
        if sha256_of(path) == pin.sha256:
            return path
        print(f"{path} does not match its pinned sha256 (an old or damaged copy): downloading it again.")
    return download(pin.url, pin.sha256, pin.size, path)


def download(url: str, sha256: str, size: int | None, destination: str | os.PathLike) -> Path:
    """Download ``url`` to ``destination`` with a progress bar, keeping it only if its sha256 is ``sha256``.

    The bytes go to a temporary file in the destination's folder, which replaces ``destination`` only once the
    checksum matches; on any failure the temporary file is removed and a ``DownloadError`` says what to do.
    """
    from tqdm.auto import tqdm

    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".part")
    try:
        digest, received = hashlib.sha256(), 0
        with (
            os.fdopen(handle, "wb") as out,
            urllib.request.urlopen(url, timeout=TIMEOUT) as response,
            tqdm(total=size, unit="B", unit_scale=True, unit_divisor=1024, desc=destination.name) as bar,
        ):
            while block := response.read(1 << 16):
                out.write(block)
                digest.update(block)
                received += len(block)
                bar.update(len(block))
        if digest.hexdigest() != sha256:
            raise DownloadError(
                f"{url} did not match its pinned checksum: expected sha256 {sha256} ({size} bytes), got "
                f"{digest.hexdigest()} ({received} bytes). The file was not kept. The server may have changed the "
                "file or the transfer was damaged; try again later."
            )
        os.replace(temporary, destination)
        return destination
    except urllib.error.HTTPError as error:
        raise DownloadError(f"{url}: the server answered {error.code} {error.reason}. The file was not kept.") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(
            f"Could not download {url} ({reason}): no network, or the server cannot be reached. The course runs "
            "offline without it; this download is an optional extra. To retry, run the cell again once online, or "
            f"download the file by hand and save it as {destination} (its sha256 must be {sha256})."
        ) from None
    except OSError as error:
        raise DownloadError(f"Could not save {url} as {destination}: {error}. The file was not kept.") from None
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)


# ----------------------------------------------------------------------------------- the finetuning data


def split_by_group(groups: list[str]) -> list[str]:
    """The split of each item of a file ("train", "valid" or "test"), given each item's group, in file order."""
    seen: dict[str, int] = {}
    splits = []
    for group in groups:
        k = seen.get(group, 0)
        seen[group] = k + 1
        splits.append(HELD_OUT.get(k % 10, "train"))
    return splits


def _check_split(split: str) -> None:
    if split not in FINETUNING_SPLITS:
        raise ValueError(f"Unknown split {split!r}; choose one of {', '.join(FINETUNING_SPLITS)}.")


def _course_files(names: tuple[str, ...], generator: str) -> list[Path]:
    folder = data_dir()
    for name in names:
        if not (folder / name).is_file():
            raise FileNotFoundError(
                f"{folder / name} is missing. It is part of the course; restore it from the repository "
                f"(git checkout -- data/{name}), or rebuild a generated file with `python data/{generator}`."
            )
    return [folder / name for name in names]


def read_messages(path: str | os.PathLike) -> list[tuple[str, str]]:
    """The messages of a ``label<TAB>text`` file (the SMS spam collection's form): a list of (label, text)."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # an older export of the public collection is Latin-1: every byte is a character
        text = data.decode("latin-1")
    messages = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label, tab, text = line.partition("\t")
        if not tab or label.strip().lower() not in MESSAGE_LABELS or not text.strip():
            raise ValueError(
                f"{path}, line {number}: expected `ham<TAB>text` or `spam<TAB>text`, got {line[:60]!r}. Each line "
                "is one message: its label, a tab character, then the text."
            )
        messages.append((label.strip().lower(), text.strip()))
    return messages


def load_messages(split: str = "train", path: str | os.PathLike | None = None) -> list[tuple[str, str]]:
    """Short text messages labelled "spam" or "ham", as (label, text) pairs, for notebook 10.

    ``split`` is "train" (80%), "valid" (10%), "test" (10%) or "all", fixed by ``HELD_OUT`` per label, so every split
    has the same share of spam. By default the course's messages (hand-written, then generated); ``path`` reads any
    file of the same ``label<TAB>text`` form instead, such as the public SMS spam collection, split by the same rule.
    """
    _check_split(split)
    paths = [Path(path)] if path is not None else _course_files(MESSAGE_FILES, MESSAGE_GENERATOR)
    chosen = []
    for file in paths:
        messages = read_messages(file)
        for message, where in zip(messages, split_by_group([label for label, _ in messages])):
            if split in ("all", where):
                chosen.append(message)
    return chosen


def read_instructions(path: str | os.PathLike) -> list[dict]:
    """The entries of a JSON file in the Alpaca form: a list of objects with "instruction", "input", "output".

    A missing "input" reads as "" (no input); other fields (the course's "task") are kept as they are.
    """
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not valid JSON ({error}); expected a list of Alpaca entries.") from None
    if not isinstance(entries, list):
        raise ValueError(f"{path} holds a {type(entries).__name__}; expected a list of Alpaca entries.")
    for number, entry in enumerate(entries):
        fields = [entry.get(key, "") for key in ("instruction", "input", "output")] if isinstance(entry, dict) else []
        if not fields or not all(isinstance(field, str) for field in fields) or not fields[0] or "output" not in entry:
            raise ValueError(
                f"{path}, entry {number}: expected an object with the strings \"instruction\", \"input\" (may be "
                f"empty) and \"output\", got {str(entry)[:80]}"
            )
    return [{"input": "", **entry} for entry in entries]


def load_instructions(split: str = "train", path: str | os.PathLike | None = None) -> list[dict]:
    """Instruction-response pairs in the Alpaca form ("instruction", "input", "output") for notebook 11.

    The course's entries also name their "task" type; the checkable ones ("arithmetic", "counting", ...) have one
    right answer, which notebook 11 scores by exact match. ``split`` is "train" (80%), "valid" (10%), "test" (10%) or
    "all", fixed by ``HELD_OUT`` per task type. ``path`` reads any JSON file of the Alpaca form instead (entries
    without a "task" form one group). Each entry is a fresh dict.
    """
    _check_split(split)
    paths = [Path(path)] if path is not None else _course_files(INSTRUCTION_FILES, INSTRUCTION_GENERATOR)
    chosen = []
    for file in paths:
        entries = read_instructions(file)
        for entry, where in zip(entries, split_by_group([entry.get("task", "") for entry in entries])):
            if split in ("all", where):
                chosen.append(entry)
    return chosen


def _finetuning_origins(folder: Path) -> dict[Path, tuple[str, str]]:
    """The manifest's origin and licence of the messages, the instructions and their generators."""
    origins = {}
    for files, generator, what in ((MESSAGE_FILES, MESSAGE_GENERATOR, "messages"),
                                   (INSTRUCTION_FILES, INSTRUCTION_GENERATOR, "instructions")):
        handwritten, generated = (folder / name for name in files)
        origins[handwritten] = (f"{what} hand-written for the course, one by one", "CC BY 4.0")
        if (folder / generator).is_file():
            module = load_generator(folder / generator)
            origins[generated] = (f"generated by data/{generator}, seed {module.SEED}", "CC BY 4.0")
            origins[folder / generator] = (
                "the generator's source: code, and the word lists and templates it writes from",
                "MIT (code); CC BY 4.0 (word lists and templates)",
            )
    return {path: origin for path, origin in origins.items() if path.is_file()}


# ------------------------------------------------------------------------------------------------ the manifest


def manifest_entries() -> list[dict]:
    """One entry per shipped data file: path, bytes, sha256, origin, licence (what ``data/manifest.json`` holds)."""
    folder = data_dir()
    generator = load_generator()
    origins = {
        path: ("hand-written for the course, story by story", "CC BY 4.0")
        for path in sorted((folder / HANDWRITTEN).glob("*.txt"))
    }
    origins[folder / GENERATED] = (
        f"generated by data/{GENERATOR}, seed {generator.SEED}, target {generator.TARGET_BYTES:,} bytes",
        "CC BY 4.0",
    )
    origins[folder / GENERATOR] = ("the generator's source: code, and the word lists and templates it writes from",
                                   "MIT (code); CC BY 4.0 (word lists and templates)")
    origins[folder / SEEDED_GENERATOR] = ("what the data generators share: SplitMix64 random numbers, the command line",
                                          "MIT")
    origins[folder / COURSE_TOKENIZER] = (
        "the course tokenizer, trained on the train split by notebooks/04_byte_pair_encoding.ipynb "
        "(buildllm.bpe.train_course_tokenizer)",
        "CC BY 4.0",
    )
    origins.update(_finetuning_origins(folder))
    return [
        {
            "path": path.relative_to(folder.parent).as_posix(),
            "bytes": path.stat().st_size,
            "sha256": sha256_of(path),
            "origin": origin,
            "licence": licence,
        }
        for path, (origin, licence) in origins.items()
    ]


def load_generator(path: Path | None = None):
    """The story generator script as a module (``generate(seed)``, ``SEED``), imported without a trace in data/."""
    import importlib.util
    import sys

    path = path or data_dir() / GENERATOR
    spec = importlib.util.spec_from_file_location("generate_stories", path)
    module = importlib.util.module_from_spec(spec)
    before = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # leave no __pycache__ in data/
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = before
    return module


def write_manifest() -> Path:
    """Refresh ``data/manifest.json`` from the files (run ``python -m buildllm.corpora --manifest``)."""
    path = data_dir() / "manifest.json"
    path.write_text(json.dumps(manifest_entries(), indent=2) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="The course's corpus: sizes, and the data manifest.")
    parser.add_argument("--manifest", action="store_true", help="rewrite data/manifest.json from the files")
    if parser.parse_args().manifest:
        print(f"wrote {write_manifest()}")
    for split in SPLITS:
        stories = load_stories(split)
        print(f"{split:>5}: {len(stories):5d} stories, {len(EOT.join(stories).encode()):9,d} bytes")
