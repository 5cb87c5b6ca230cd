"""Check this Python environment against the course's requirements (used by notebook 00).

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from .runtime import repo_root

SUPPORTED_PYTHON = SpecifierSet(">=3.10,<3.14")


@dataclass
class Check:
    name: str
    wanted: str
    found: str | None
    ok: bool
    fix: str

    def line(self) -> str:
        status = "[OK]  " if self.ok else "[FAIL]"
        text = f"{status} {self.name:<16} {self.found or 'not installed':<14} wanted {self.wanted}"
        return text if self.ok else f"{text}\n       fix: {self.fix}"


def read_requirements(path: Path | None = None) -> list[Requirement]:
    """The packages and supported ranges listed in requirements.txt."""
    path = path or repo_root() / "requirements.txt"
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("-")]


def check_python(python_version: str | None = None) -> Check:
    found = python_version or ".".join(map(str, sys.version_info[:3]))
    ok = SUPPORTED_PYTHON.contains(found)
    return Check("python", str(SUPPORTED_PYTHON), found, ok, "install Python 3.10 to 3.13 (python.org or conda)")


def check_requirement(requirement: Requirement) -> Check:
    try:
        found = version(requirement.name)
    except PackageNotFoundError:
        found = None
    ok = found is not None and requirement.specifier.contains(found, prereleases=True)
    fix = f'pip install "{requirement}"'
    if requirement.name == "torch":
        fix += "   (CPU-only build: see 'Installing PyTorch' in README.md)"
    return Check(requirement.name, str(requirement.specifier) or "any", found, ok, fix)


def check_environment(requirements: list[Requirement] | None = None) -> list[Check]:
    """Python and every required package, each with what to do when it fails."""
    return [check_python()] + [check_requirement(r) for r in requirements or read_requirements()]
