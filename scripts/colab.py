"""Stamp every notebook with the Open-in-Colab badge and the course setup cell.

The repository's address and the release that Colab clones live here, and only here. After changing them (or the
cell below), run

    python scripts/colab.py

The badge goes in the notebook's first cell, the setup code in the second; both carry a tag so a rerun replaces them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

REPO = "build-an-llm-from-scratch/course"
REF = "v0.1"  # the tagged release Colab clones; bump it when tagging a new release
REPO_URL = f"https://github.com/{REPO}"

ROOT = Path(__file__).resolve().parents[1]
BADGE_TAG = "colab-badge"
SETUP_TAG = "course-setup"

SETUP_CODE = f'''\
# Course setup. On Google Colab: fetch the course (its data and helper package) at release {REF} and install the
# package, keeping Colab's own PyTorch. Elsewhere: make `buildllm` importable from a plain clone of the course.
import os, subprocess, sys

if "google.colab" in sys.modules:
    course = "/content/build-an-llm-from-scratch"
    if not os.path.isdir(course):
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{REF}", "{REPO_URL}", course], check=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-e", course], check=True)
    sys.path.insert(0, course + "/shared")
    os.chdir(course + "/notebooks")
try:
    import buildllm
except ImportError:
    sys.path.insert(0, os.path.abspath("../shared"))
    import buildllm'''


def badge_markdown(notebook_name: str) -> str:
    url = f"https://colab.research.google.com/github/{REPO}/blob/{REF}/notebooks/{notebook_name}"
    return f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({url})"


def _tagged(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def stamp(notebook, notebook_name: str) -> None:
    """Put the badge cell first and the setup cell second, replacing earlier stamps."""
    old = {BADGE_TAG: None, SETUP_TAG: None}
    for cell in notebook.cells:
        for tag in old:
            if _tagged(cell, tag):
                old[tag] = cell
    badge = old[BADGE_TAG] or nbformat.v4.new_markdown_cell(metadata={"tags": [BADGE_TAG]})
    setup = old[SETUP_TAG] or nbformat.v4.new_code_cell(metadata={"tags": [SETUP_TAG]})
    badge.source = badge_markdown(notebook_name)
    setup.source = SETUP_CODE
    rest = [cell for cell in notebook.cells if cell is not badge and cell is not setup]
    notebook.cells = [badge, setup, *rest]


def main() -> int:
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        before = nbformat.writes(notebook)
        stamp(notebook, path.name)
        if nbformat.writes(notebook) != before:
            nbformat.write(notebook, path)
            print(f"stamped {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
