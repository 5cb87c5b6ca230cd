"""Small helpers shared by the tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import re
import threading
from pathlib import Path

import nbformat
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "data" / "stories"
EOT = "<|endoftext|>"  # written out here, not imported: the tests read the story files their own way
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# Characters for comparing our pre-tokenizer with tiktoken's: the `regex` module and tiktoken's Rust regex use
# different Unicode versions, so a code point that one of them knows and the other does not (U+12550, a cuneiform
# number since Unicode 16) falls into different pattern classes. Code points Python itself knows are the same in all.
ASSIGNED_CHARACTERS = st.characters(exclude_categories=("Cs", "Cn"))

# GPT-2 ids known from outside this project (OpenAI's published encodings), with <|endoftext|> allowed.
KNOWN_GPT2_IDS = {
    "hello world": [31373, 995],
    "Akwirw ier": [33901, 86, 343, 86, 220, 959],
    "Hello, do you like tea? <|endoftext|> In the sunlit terraces of someunknownPlace.": [
        15496, 11, 466, 345, 588, 8887, 30, 220, 50256, 554, 262, 4252, 18250, 8812, 2114, 286, 617, 34680, 27271, 13,
    ],
}


def load_script(name: str):
    """Import a file from scripts/ as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def notebook(name: str):
    """A committed notebook, by the start of its file name."""
    [path] = [p for p in NOTEBOOKS if p.name.startswith(name)]
    return nbformat.read(path, as_version=4)


def solution_code(notebook_name: str, exercise: int) -> str:
    """The Python code in the collapsed solution block of an exercise (`<summary>Solution N</summary>`)."""
    pattern = re.compile(rf"<summary>Solution {exercise}\b.*?</summary>.*?```python\n(.*?)```", re.S)
    for cell in notebook(notebook_name).cells:
        if cell.cell_type == "markdown" and (found := pattern.search(cell.source)):
            return found.group(1)
    raise LookupError(f"{notebook_name}: no solution block for exercise {exercise}")


def stories_in(path: Path) -> list[str]:
    """The tests' own reading of a story file: the pieces between EOT lines, without surrounding newlines."""
    return [piece.strip("\n") for piece in path.read_text(encoding="utf-8").split(EOT) if piece.strip()]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@contextlib.contextmanager
def loopback_server(folder: Path):
    """An HTTP server on 127.0.0.1 (a free port) serving ``folder``; yields (base URL, stop function)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    stopped = []

    def stop():
        if not stopped:
            httpd.shutdown()
            httpd.server_close()
            thread.join()
            stopped.append(True)

    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", stop
    finally:
        stop()
