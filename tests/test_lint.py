"""ruff (settings in pyproject.toml) finds nothing in the package, scripts, tests, benchmarks or the notebooks' code."""

import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT


def ruff() -> str:
    beside_python = Path(sys.executable).with_name("ruff")  # the venv's ruff, even when the venv is not activated
    return str(beside_python) if beside_python.exists() else shutil.which("ruff") or "ruff"


def test_ruff_finds_nothing():
    result = subprocess.run([ruff(), "check", "--no-cache", "--output-format=concise", "."], cwd=ROOT,
                            capture_output=True, text=True)
    found = result.stdout[-4000:]
    assert result.returncode == 0, f"`ruff check .` found problems (fix them, or `ruff check --fix`):\n{found}"
