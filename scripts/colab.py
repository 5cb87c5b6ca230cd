"""Stamp every notebook with the Open-in-Colab badge and the course setup cell.

The repository's address and the release that Colab clones live here, and only here. After changing them (or the
cell below), run

    python scripts/colab.py

A link to the notebook on Colab and the setup code go right after the notebook's title cell (the first markdown cell
starting with "# "); both carry a tag so a rerun replaces them. The setup cell is collapsed in Colab and JupyterLab.
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

COURSE_FOLDER = "build-an-llm-from-scratch"  # where Colab's copy of the course goes, inside /content

SETUP_CODE = f'''\
# @title Course setup: run me first (on Colab I fetch the course; elsewhere I only find its package)
import os
import subprocess
import sys

URL, RELEASE, COURSE = "{REPO_URL}", "{REF}", "{COURSE_FOLDER}"
if "google.colab" in sys.modules and not os.path.isdir("../shared/buildllm"):
    if not os.path.isdir(COURSE):  # first run: clone the release, install its package, keep Colab's own torch
        subprocess.run(["git", "clone", "-q", "--depth=1", "-b", RELEASE, URL, COURSE], check=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", COURSE], check=True)
    os.chdir(COURSE + "/notebooks")
sys.path.insert(0, os.path.abspath("../shared"))  # buildllm from the course folder, installed or not
import buildllm'''

# Collapsed: Colab shows the title line as a form, JupyterLab hides the code until clicked.
SETUP_METADATA = {"tags": [SETUP_TAG], "cellView": "form", "jupyter": {"source_hidden": True}}


def badge_markdown(notebook_name: str) -> str:
    url = f"https://colab.research.google.com/github/{REPO}/blob/{REF}/notebooks/{notebook_name}"
    return f"[Open this notebook in Google Colab]({url}) (no setup needed there; on your machine it runs offline)"


def _tagged(cell, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def _is_title(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith("# ")


def stamp(notebook, notebook_name: str) -> None:
    """Put the badge and the setup cell right after the title cell, replacing earlier stamps."""
    old = {BADGE_TAG: None, SETUP_TAG: None}
    for cell in notebook.cells:
        for tag in old:
            if _tagged(cell, tag):
                old[tag] = cell
    badge = old[BADGE_TAG] or nbformat.v4.new_markdown_cell()
    setup = old[SETUP_TAG] or nbformat.v4.new_code_cell()
    badge.source = badge_markdown(notebook_name)
    badge.metadata["tags"] = [BADGE_TAG]
    setup.source = SETUP_CODE
    setup.metadata.update(SETUP_METADATA)
    rest = [cell for cell in notebook.cells if cell is not badge and cell is not setup]
    titles = [i for i, cell in enumerate(rest) if _is_title(cell)]
    after = titles[0] + 1 if titles else 0
    notebook.cells = [*rest[:after], badge, setup, *rest[after:]]


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
