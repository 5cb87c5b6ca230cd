"""Where the course runs: the device, seeding, the smoke-scale switch and the cache folder.

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

import hashlib
import os
import random
import tempfile
from pathlib import Path
from typing import TypeVar

SMOKE_ENV = "BUILDLLM_SMOKE"
"""Set to 1 by the test run: every heavy cell shrinks. Learners never need to touch it."""

CACHE_ENV = "BUILDLLM_CACHE"
"""Moves the cache folder (trained models, downloads). Default: ~/.cache/buildllm."""

T = TypeVar("T")


def is_smoke() -> bool:
    """True when the smoke-scale switch is on (the test run), False for the learner's full-size run."""
    return os.environ.get(SMOKE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def scaled(full: T, smoke: T) -> T:
    """Pick the full-size value, or the small one under the smoke-scale switch.

    Heavy cells read their sizes through this, e.g. ``steps = scaled(full=2000, smoke=20)``.
    """
    return smoke if is_smoke() else full


def get_device(prefer: str | None = None):
    """The best device here: CUDA, else Apple's MPS (on torch >= 2.9), else the CPU.

    ``prefer`` forces one ("cpu", "cuda", "mps"), e.g. to compare speeds.
    """
    import torch

    if prefer is not None:
        return torch.device(prefer)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if _mps_supported(torch.__version__) and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def _mps_supported(torch_version: str) -> bool:
    # Older MPS backends miss operators the course uses; from 2.9 on they are there.
    major, minor = (int(part) for part in torch_version.split("+")[0].split(".")[:2])
    return (major, minor) >= (2, 9)


def seed_everything(seed: int = 123) -> None:
    """Seed Python, NumPy and PyTorch (all devices) so a rerun gives the same numbers."""
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:  # NumPy is optional for the earliest notebooks
        pass
    try:
        import torch

        torch.manual_seed(seed)  # also seeds CUDA and MPS
    except ImportError:
        pass


def cache_dir(*parts: str) -> Path:
    """The course's cache folder (or a folder inside it), created on demand.

    Set ``BUILDLLM_CACHE`` to move it; delete it to clear everything the course cached.
    """
    root = os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "buildllm"
    path = Path(root).expanduser().joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def repo_root() -> Path:
    """The course folder (the one holding ``data/`` and ``notebooks/``), found from this file."""
    return Path(__file__).resolve().parents[2]


def sha256_of(path: str | os.PathLike) -> str:
    """The sha256 of a file, read in 1 MiB blocks (so a large download never has to fit in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def replace_atomically(path: str | os.PathLike, write) -> None:
    """Call ``write(file)`` on a temporary file beside ``path``, then rename it to ``path`` in one step.

    A reader sees the old file or the new one, never half of one: an interrupted write leaves ``path`` as it was.
    """
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
