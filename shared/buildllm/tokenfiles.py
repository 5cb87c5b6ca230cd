"""Token files: a text tokenized once, written as a stream, memory-mapped when read back.

Hand-written support module (no notebook teaches it); ``python -m buildllm prepare`` is its command line.

A token file is two files side by side:

    NAME.bin    the ids, little-endian: uint16 when the vocabulary has at most 65,536 ids, else int32
    NAME.json   what they are: format, dtype, count, the tokenizer's identity, the text's size in bytes, sources

    ids, info = read_tokens("prepared/stories-course/train.bin", tokenizer)  # a read-only numpy.memmap

The tokenizer's identity is its name and a sha256 of everything that decides its ids (each id's token, the special
tokens, the pre-tokenizing pattern), so a later step can refuse a token file made with another tokenizer.

Tokenizers (``load_tokenizer``): ``course`` (the course tokenizer shipped in ``data/``), ``gpt2`` (GPT-2's ids),
the path of a file saved with ``BPETokenizer.save``, or ``char``: a ``CharTokenizer`` of every character of the input
(for the course's stories, of all the stories, so both splits share its ids), its ids in code-point order; the
characters are stored in the JSON file, so the same tokenizer can be rebuilt from it (``char_tokenizer(info)``).

Memory stays bounded however large the text: files are read in blocks of ``BLOCK_BYTES``, decoded incrementally and
encoded by ``encode_iterable``, which holds about one chunk of text; the ids go to disk block by block.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from .corpora import DOWNLOADS, EOT, fetch, load_corpus
from .runtime import replace_atomically

FORMAT = "buildllm-tokens"
BLOCK_BYTES = 1 << 16
"""Bytes read from a text file at a time."""
CHUNK_CHARS = 1 << 16
"""Characters ``encode_iterable`` gathers before it encodes: memory grows with this, never with the text."""
WRITE_IDS = 1 << 16
"""Ids written to disk at a time."""
TOKENIZERS = ("char", "course", "gpt2")
COURSE_CORPUS = "stories"


class PrepareError(ValueError):
    """An input or output that ``prepare`` cannot use; the message says what to do."""


# ------------------------------------------------------------------------------------------------ tokenizers


def load_tokenizer(spec: str, chars: Iterable[str] = ()):
    """The tokenizer named ``spec``: "course", "gpt2", "char" (built from ``chars``) or a BPE tokenizer file."""
    from .bpe import BPETokenizer, course_tokenizer, gpt2_tokenizer

    if spec == "course":
        return course_tokenizer()
    if spec == "gpt2":
        return gpt2_tokenizer()
    if spec == "char":
        from .tokenizers import CharTokenizer  # imported here: its module imports torch, which takes seconds

        return CharTokenizer(set(chars) - {""})
    if Path(spec).is_file():
        return BPETokenizer.load(spec)
    raise PrepareError(f"Unknown tokenizer {spec!r}: choose {', '.join(TOKENIZERS)}, or give the path of a tokenizer "
                       "file saved with BPETokenizer.save (no file exists at that path).")


def char_tokenizer(info: dict):
    """The character tokenizer a token file was made with, rebuilt from the characters its JSON file stores."""
    return load_tokenizer("char", info["tokenizer"]["chars"])


def tokenizer_sha256(tokenizer) -> str:
    """A sha256 of everything that decides a tokenizer's ids: each id's token, its special tokens and its pattern."""
    digest = hashlib.sha256()
    for token_id, token in sorted(tokenizer.vocab.items()):  # one token at a time: GPT-2's 50,257 need no big string
        digest.update(json.dumps([token_id, token.hex() if isinstance(token, bytes) else token]).encode("utf-8"))
    rest = {"special_tokens": dict(tokenizer.special_tokens), "pattern": getattr(tokenizer, "pattern", None)}
    digest.update(json.dumps(rest, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def tokenizer_identity(tokenizer, name: str) -> dict:
    """What a token file records of its tokenizer (a character tokenizer also keeps its characters)."""
    identity = {"name": name, "sha256": tokenizer_sha256(tokenizer), "n_vocab": tokenizer.n_vocab}
    if name == "char":
        specials = tokenizer.special_tokens
        identity["chars"] = "".join(token for token in tokenizer.vocab.values() if token not in specials)
    return identity


def token_dtype(n_vocab: int) -> np.dtype:
    """The smallest type for ids below ``n_vocab``: uint16 up to 65,536 ids, else int32 (both little-endian)."""
    if n_vocab <= 1 << 16:
        return np.dtype("<u2")
    if n_vocab <= 1 << 31:
        return np.dtype("<i4")
    raise PrepareError(f"A vocabulary of {n_vocab:,} ids does not fit in int32 token files.")


# --------------------------------------------------------------------------------------------- reading text


def input_files(source: str | os.PathLike) -> list[Path]:
    """A text file, or every ``.txt`` file in a folder and its subfolders (in sorted order)."""
    path = Path(source)
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.txt") if p.is_file())
        if not files:
            raise PrepareError(f"The folder {path} holds no .txt files. Put the texts in files ending in .txt.")
        return files
    raise FileNotFoundError(f"No file or folder at {path}. Give a text file, a folder of .txt files, or a course "
                            f"corpus: {', '.join([COURSE_CORPUS, *DOWNLOADS])}.")


def read_text(path: Path, block_bytes: int | None = None, progress=None) -> Iterator[str]:
    """The text of a UTF-8 file in pieces, read ``block_bytes`` (default ``BLOCK_BYTES``) at a time; the bytes are
    kept exactly (no newline translation)."""
    block_bytes = block_bytes or BLOCK_BYTES
    decoder, offset = codecs.getincrementaldecoder("utf-8")(), 0  # offset: bytes handed to the decoder so far
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(block_bytes), b""):
            held = len(decoder.getstate()[0])  # the start of a character cut by the previous block
            try:
                yield decoder.decode(block)
            except UnicodeDecodeError as error:
                raise PrepareError(f"{path} is not UTF-8 text: byte {offset - held + error.start:,} (counting from 0) "
                                   f"cannot be decoded ({error.reason}). Convert the file to UTF-8 (e.g. iconv -f "
                                   "latin1 -t utf-8), or leave it out.") from None
            offset += len(block)
            if progress is not None:
                progress.update(len(block))
        held = len(decoder.getstate()[0])
        try:
            yield decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise PrepareError(f"{path} is not UTF-8 text: it ends inside a character (the bytes from "
                               f"{offset - held:,} on). Convert the file to UTF-8, or leave it out.") from None


def _encode_stream(tokenizer, pieces: Iterable[str], allowed_special) -> Iterator[int]:
    """Ids of the joined pieces: ``encode_iterable`` where the tokenizer has it, else (characters) piece by piece."""
    disallowed = ()  # a special token not allowed is ordinary text
    if hasattr(tokenizer, "encode_iterable"):
        yield from tokenizer.encode_iterable(pieces, allowed_special=allowed_special, disallowed_special=disallowed,
                                             chunk_chars=CHUNK_CHARS)
        return
    buffer = ""  # a character tokenizer only needs each special token kept whole
    for piece in pieces:
        buffer += piece
        cut = _cut_outside_specials(buffer, tokenizer.special_tokens)
        yield from tokenizer.encode(buffer[:cut], allowed_special=allowed_special, disallowed_special=disallowed)
        buffer = buffer[cut:]
    yield from tokenizer.encode(buffer, allowed_special=allowed_special, disallowed_special=disallowed)


def _cut_outside_specials(text: str, specials) -> int:
    """The latest cut that splits no special token and keeps back what could be the start of one."""
    cut = max(len(text) - max(map(len, specials), default=1) + 1, 0)
    moved = True
    while moved:
        moved = False
        for token in specials:
            start = text.find(token, max(cut - len(token) + 1, 0))
            if 0 <= start < cut:
                cut, moved = start, True
    return cut


# -------------------------------------------------------------------------------------------- token files


def sidecar(path: str | os.PathLike) -> Path:
    """The JSON file that describes the token file at ``path`` (``NAME.bin`` -> ``NAME.json``)."""
    return Path(path).with_suffix(".json")


def write_tokens(path: str | os.PathLike, ids: Iterable[int], tokenizer, name: str, **details) -> dict:
    """Write the ids to ``path`` (+ its JSON file) in blocks, never all in memory; returns what the JSON says."""
    path, dtype = Path(path), token_dtype(tokenizer.n_vocab)
    count = 0

    def write(file):
        nonlocal count
        ids_left = iter(ids)
        while block := np.fromiter(itertools.islice(ids_left, WRITE_IDS), dtype=dtype).tobytes():
            file.write(block)
            count += len(block) // dtype.itemsize

    path.parent.mkdir(parents=True, exist_ok=True)
    sidecar(path).unlink(missing_ok=True)  # an old description must never stand beside new ids
    replace_atomically(path, write)
    info = {"format": FORMAT, "version": 1, "dtype": dtype.str, "count": count,
            "tokenizer": tokenizer_identity(tokenizer, name), **details}
    replace_atomically(sidecar(path), lambda file: file.write((json.dumps(info, indent=1) + "\n").encode("utf-8")))
    return info


def read_info(path: str | os.PathLike) -> dict:
    """The JSON description of the token file at ``path``, checked."""
    path, described = Path(path), sidecar(path)
    if not path.is_file():
        raise FileNotFoundError(f"No token file at {path}. Make one with `python -m buildllm prepare`.")
    if not described.is_file():
        raise PrepareError(f"{described}, which says what {path} holds, is missing. Prepare the text again.")
    try:
        info = json.loads(described.read_text(encoding="utf-8"))
        if info.get("format") != FORMAT or info.get("version") != 1:
            raise ValueError(f"format {info.get('format')!r} version {info.get('version')!r}")
        dtype, count = np.dtype(info["dtype"]), int(info["count"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise PrepareError(f"{described} is not a valid {FORMAT} description ({error}). Prepare the text "
                           "again.") from None
    if path.stat().st_size != count * dtype.itemsize:
        raise PrepareError(f"{path} holds {path.stat().st_size:,} bytes, but {described} promises {count:,} ids of "
                           f"{dtype.itemsize} bytes: a damaged or half-written file. Prepare the text again.")
    return info


def check_tokenizer(info: dict, tokenizer, path="the token file") -> None:
    """A clear error unless ``tokenizer`` is the one the token file was made with."""
    made_with = info["tokenizer"]
    if tokenizer_sha256(tokenizer) != made_with["sha256"]:
        raise PrepareError(f"{path} was made with the tokenizer {made_with['name']!r} (sha256 "
                           f"{made_with['sha256'][:12]}..., {made_with['n_vocab']:,} ids), not with this one "
                           f"({tokenizer.n_vocab:,} ids). Use that tokenizer, or prepare the text again with yours.")


def read_tokens(path: str | os.PathLike, tokenizer=None) -> tuple[np.memmap, dict]:
    """The ids of a token file, memory-mapped read-only (nothing loaded until used), and its description.

    With ``tokenizer``, a file made with another tokenizer is an error."""
    info = read_info(path)
    if tokenizer is not None:
        check_tokenizer(info, tokenizer, path)
    if info["count"] == 0:  # numpy cannot map an empty file
        return np.zeros(0, dtype=info["dtype"]), info
    return np.memmap(path, dtype=np.dtype(info["dtype"]), mode="r", shape=(info["count"],)), info


# ------------------------------------------------------------------------------------------------ prepare


def _texts(source: str) -> tuple[dict[str, list[Path] | str], str]:
    """What to tokenize: {output name: files or a text}, and a short name of the source."""
    if source == COURSE_CORPUS and not Path(source).exists():
        return {split: load_corpus(COURSE_CORPUS, split=split) for split in ("train", "valid")}, COURSE_CORPUS
    if source in DOWNLOADS and not Path(source).exists():
        return {"tokens": [fetch(source)]}, source
    return {"tokens": input_files(source)}, Path(source).stem or "text"


def _blocks(text: str, progress) -> Iterator[str]:
    for start in range(0, len(text), BLOCK_BYTES):
        yield text[start:start + BLOCK_BYTES]
    progress.update(len(text.encode("utf-8")))


def _documents(content: list[Path] | str, progress) -> Iterator[Iterator[str]]:
    """Each document in pieces: a corpus text (its stories already joined), or each file."""
    if isinstance(content, str):
        yield _blocks(content, progress)
    else:
        yield from (read_text(path, progress=progress) for path in content)


def _ids(tokenizer, content: list[Path] | str, progress, allowed_special) -> Iterator[int]:
    """The ids of every document, with the end-of-text id between two files."""
    for index, pieces in enumerate(_documents(content, progress)):
        if index:
            try:
                yield tokenizer.eot_token
            except AttributeError:
                raise PrepareError("This tokenizer has no <|endoftext|> token to put between files: tokenize one "
                                   "file at a time, or use a tokenizer that has one.") from None
        yield from _encode_stream(tokenizer, pieces, allowed_special)


def _size(content: list[Path] | str) -> int:
    return len(content.encode("utf-8")) if isinstance(content, str) else sum(p.stat().st_size for p in content)


def prepare(source: str, tokenizer: str = "course", output: str | os.PathLike | None = None, force: bool = False,
            specials_as_text: bool = False, progress: bool = True) -> list[Path]:
    """Tokenize a text file, a folder of ``.txt`` files or a course corpus into token files; returns their paths.

    The course's stories give ``train.bin`` and ``valid.bin`` (its fixed split); anything else gives ``tokens.bin``,
    a folder's files joined by ``<|endoftext|>``. ``<|endoftext|>`` in a text is the end-of-text id unless
    ``specials_as_text``. ``output`` (a folder) defaults to ``prepared/SOURCE-TOKENIZER``.
    """
    from tqdm.auto import tqdm

    if tokenizer not in TOKENIZERS and not Path(tokenizer).is_file():
        load_tokenizer(tokenizer)  # the error that says what to give
    texts, name = _texts(source)
    label = tokenizer if tokenizer in TOKENIZERS else Path(tokenizer).name
    folder = Path(output) if output is not None else Path("prepared") / f"{name}-{Path(label).stem}"
    targets = {key: folder / f"{key}.bin" for key in texts}
    existing = [str(p) for target in targets.values() for p in (target, sidecar(target)) if p.exists()]
    if existing and not force:
        raise FileExistsError(f"{existing[0]} already exists. Pass --force to overwrite it, or choose another "
                              "--output folder.")
    sizes = {key: _size(content) for key, content in texts.items()}
    if not sum(sizes.values()):
        raise PrepareError(f"{source} is empty: there is no text to tokenize. Give a file or folder with text in it.")
    chars = set()
    if tokenizer == "char":  # a first pass collects the characters: they are the vocabulary
        with tqdm(total=sum(sizes.values()), unit="B", unit_scale=True, desc="reading characters",
                  disable=not progress) as first:
            for content in texts.values():
                for piece in itertools.chain.from_iterable(_documents(content, first)):
                    chars.update(piece.replace(EOT, ""))  # special tokens add no characters
    chosen = load_tokenizer(tokenizer, chars)
    allowed = frozenset() if specials_as_text else "all"
    with tqdm(total=sum(sizes.values()), unit="B", unit_scale=True, desc="tokenizing", disable=not progress) as bar:
        for key, content in texts.items():
            write_tokens(targets[key], _ids(chosen, content, bar, allowed), chosen, label, source=str(source),
                         part=key, text_bytes=sizes[key])
    return list(targets.values())
