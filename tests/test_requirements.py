"""requirements*.txt and environment.yml name the same packages with the same version ranges."""

import re
from importlib.metadata import version

from helpers import ROOT

CONDA_NAMES = {"pytorch": "torch"}  # conda-forge name -> PyPI name


def requirement_lines(path):
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("-")]


def split(requirement):
    name, spec = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", requirement).groups()
    return name.lower(), spec.replace(" ", "")


def pip_requirements():
    lines = requirement_lines(ROOT / "requirements.txt") + requirement_lines(ROOT / "requirements-dev.txt")
    return dict(split(line) for line in lines)


def conda_requirements():
    found = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        entry = re.fullmatch(r"\s+-\s+([A-Za-z0-9_.\-]+[<>=!].*)", line.split("#", 1)[0].rstrip())
        if entry:
            name, spec = split(entry.group(1))
            found[CONDA_NAMES.get(name, name)] = spec
    found.pop("python")
    return found


def test_environment_yml_matches_requirements():
    assert conda_requirements() == pip_requirements()


def test_python_range_matches_pyproject():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    conda = (ROOT / "environment.yml").read_text(encoding="utf-8")
    [python_range] = re.findall(r'requires-python = "([^"]+)"', pyproject)
    assert f"python{python_range}" in conda.replace(" ", "")


def test_this_environment_satisfies_the_ranges():
    # Only lower bounds and simple upper bounds appear; compare release numbers.
    def release(text):
        return tuple(int(p) for p in re.match(r"\d+(\.\d+)*", text).group(0).split("."))

    for name, spec in pip_requirements().items():
        installed = release(version(name))
        for op, bound in re.findall(r"(>=|<)([\d.]+)", spec):
            within = (installed >= release(bound)) if op == ">=" else (installed < release(bound))
            assert within, f"{name} {installed} vs {spec}"
