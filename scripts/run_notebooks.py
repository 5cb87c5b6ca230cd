"""Re-execute notebooks at full scale, in place, to refresh their committed outputs.

    python scripts/run_notebooks.py                 # every notebook
    python scripts/run_notebooks.py 01_eliza        # the ones whose names start with these

Runs each in a fresh kernel from the notebooks folder, with the smoke-scale switch off, and prints the minutes each
took (the numbers in the README's course map). Stops at the first notebook that raises.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "shared"))
from buildllm.runtime import SMOKE_ENV  # noqa: E402


def run(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    os.environ.pop(SMOKE_ENV, None)  # the kernel inherits this process's environment: full scale
    start = time.perf_counter()
    resources = {"metadata": {"path": str(path.parent)}}
    NotebookClient(notebook, timeout=None, kernel_name="python3", resources=resources).execute()
    seconds = time.perf_counter() - start
    nbformat.write(notebook, path)
    return seconds


def main(prefixes: list[str]) -> int:
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if prefixes:
        paths = [p for p in paths if any(p.name.startswith(prefix) for prefix in prefixes)]
    for path in paths:
        print(f"{path.name}: running ...", flush=True)
        print(f"{path.name}: {run(path) / 60:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
