"""Re-execute notebooks at full scale, in place, to refresh their committed outputs.

    python scripts/run_notebooks.py                 # every notebook
    python scripts/run_notebooks.py 01_eliza        # the ones whose names start with these

Runs each in a fresh kernel from the notebooks folder, with the smoke-scale switch off, and prints the minutes each
took (the numbers in the README's course map) and its slowest cells. Stops at the first notebook that raises.
"""

from __future__ import annotations

import html
import os
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "shared"))
from buildllm.runtime import SMOKE_ENV  # noqa: E402

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def final_bar_text(states: dict, model_id: str) -> str | None:
    """A finished tqdm bar as text ("training: 100%|##########| 1000/1000 [...]"), read from its widgets' end state."""
    children = states.get(model_id, {}).get("state", {}).get("children", [])
    parts = [states.get(child.replace("IPY_MODEL_", ""), {}).get("state", {}) for child in children]
    if len(parts) != 3 or "max" not in parts[1] or not parts[1].get("max"):
        return None
    filled = round(10 * parts[1]["value"] / parts[1]["max"])
    text = f"{parts[0].get('value', '')}|{'#' * filled}{' ' * (10 - filled)}|{parts[2].get('value', '')}"
    return html.unescape(text).replace("\u2007", " ")


def show_bars_finished(notebook) -> None:
    """Widgets keep the text they had when first shown (a bar at 0%); give the saved text form their end state,
    which is what GitHub and other viewers without widgets display."""
    states = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            text = view and final_bar_text(states, view.get("model_id", ""))
            if text:
                output["data"]["text/plain"] = text


def pop_cell_seconds(notebook) -> dict[int, float]:
    """Each code cell's run time in seconds, by cell index; the timing metadata is removed (it would churn diffs)."""
    seconds = {}
    for index, cell in enumerate(notebook.cells):
        timing = cell.get("metadata", {}).pop("execution", {})
        began, ended = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if began and ended:
            seconds[index] = (datetime.fromisoformat(ended) - datetime.fromisoformat(began)).total_seconds()
    return seconds


def run(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    os.environ.pop(SMOKE_ENV, None)  # the kernel inherits this process's environment: full scale
    start = time.perf_counter()
    resources = {"metadata": {"path": str(path.parent)}}
    NotebookClient(notebook, timeout=None, kernel_name="python3", resources=resources, record_timing=True).execute()
    seconds = time.perf_counter() - start
    slowest = sorted(pop_cell_seconds(notebook).items(), key=lambda item: -item[1])[:5]
    print(f"{path.name}: slowest cells " + ", ".join(f"[{index}] {s:.0f} s" for index, s in slowest), flush=True)
    show_bars_finished(notebook)
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
