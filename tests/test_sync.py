"""The generated modules of buildllm are exactly what their notebooks export."""

import difflib
import subprocess
import sys

import nbformat
import pytest

from helpers import ROOT, load_script

export = load_script("export")
MODULES = export.exported_modules()
PACKAGE = ROOT / "shared" / "buildllm"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_matches_notebook(name):
    notebook, expected = MODULES[name]
    path = PACKAGE / f"{name}.py"
    assert path.exists(), f"buildllm/{name}.py is missing: run `python scripts/export.py`"
    actual = path.read_text(encoding="utf-8")
    if actual != expected:
        first = next(
            (i for i, (a, b) in enumerate(zip(actual.splitlines(), expected.splitlines()), 1) if a != b),
            min(len(actual.splitlines()), len(expected.splitlines())) + 1,
        )
        lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), notebook.name, path.name,
                                     lineterm="", n=1)
        diff = "\n".join(lines)[:2000]
        pytest.fail(f"buildllm/{name}.py differs from {notebook.name} at line {first}; "
                    f"run `python scripts/export.py`.\n{diff}")


def test_every_generated_file_has_a_notebook():
    generated = {p.stem for p in PACKAGE.glob("*.py") if p.read_text(encoding="utf-8").startswith("# Generated from")}
    assert generated == set(MODULES), "a generated module lost its notebook (or the reverse)"


def test_check_mode_passes_on_the_committed_package():
    command = [sys.executable, str(ROOT / "scripts" / "export.py"), "--check"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_mode_names_a_stale_module(tmp_path, capsys):
    for name, (_, source) in MODULES.items():
        (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    stale = sorted(MODULES)[0]
    (tmp_path / f"{stale}.py").write_text("# Generated from notebooks/x.ipynb\nOLD = 1\n", encoding="utf-8")
    assert export.stale_modules(tmp_path) == [stale]


def write_notebook(folder, *sources):
    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    path = folder / "99_demo.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def test_export_picks_marked_cells_only(tmp_path):
    path = write_notebook(tmp_path, "#| default_exp demo", "#| export\ndef kept():\n    return 1",
                          "def teaching_version():\n    return 0", "#|export\nKEPT_TOO = 2",
                          "#| export  # a note about this cell\nALSO = 3")
    name, source = export.export_notebook(path)
    assert name == "demo"
    assert source.startswith("# Generated from notebooks/99_demo.ipynb")
    assert "def kept():\n    return 1\n\n\nKEPT_TOO = 2\n\n\nALSO = 3\n" in source
    assert "teaching_version" not in source and "#|" not in source.split("\n", 2)[2]
    namespace = {}
    exec(source, namespace)
    assert (namespace["kept"](), namespace["KEPT_TOO"], namespace["ALSO"]) == (1, 2, 3)


def test_imports_are_merged_and_sorted_at_the_top(tmp_path):
    path = write_notebook(tmp_path, "#| default_exp demo",
                          "#| export\nimport torch\nfrom buildllm.runtime import scaled\n\nA = scaled(1, 2)",
                          "#| export\nfrom __future__ import annotations\nimport math\n"
                          "from buildllm.runtime import SMOKE_ENV"
                          "\n\ndef f():\n    return math.pi")
    _, source = export.export_notebook(path)
    body = source.split("\n", 3)[3]
    assert body.startswith(
        "from __future__ import annotations\n\nimport math\n\nimport torch\n\n"
        "from buildllm.runtime import SMOKE_ENV, scaled\n\nA = scaled(1, 2)\n\n\ndef f():\n    return math.pi\n"
    )


@pytest.mark.parametrize("cells, message", [
    (["#| export\nX = 1"], "default_exp"),
    (["#| default_exp demo", "#| export\nfrom .runtime import scaled"], "from buildllm"),
    (["#| default_exp demo", "#| exprot\nX = 1"], "unknown directive"),
    (["#| default_exp demo", "#| export\n"], "empty"),
    (["#| default_exp demo", "#| export\ndef broken(:\n    pass"], "SyntaxError|invalid syntax|compile"),
    (["#| default_exp demo", "#| default_exp other", "#| export\nX = 1"], "exactly one"),
])
def test_export_refuses_bad_notebooks(tmp_path, cells, message):
    with pytest.raises(ValueError, match=message):
        export.export_notebook(write_notebook(tmp_path, *cells))


def test_a_second_default_exp_starts_a_second_module(tmp_path):
    path = write_notebook(tmp_path, "#| default_exp first", "#| export\nA = 1", "#| default_exp second",
                          "#| export\nB = 2")
    (first, source_a), (second, source_b) = export.export_notebook_modules(path)
    assert (first, second) == ("first", "second")
    assert "A = 1" in source_a and "B = 2" not in source_a
    assert "B = 2" in source_b and "A = 1" not in source_b
    with pytest.raises(export.ExportError, match="2 modules"):
        export.export_notebook(path)


@pytest.mark.parametrize("sources", [
    ("#| default_exp same", "#| export\nA = 1", "#| default_exp same", "#| export\nB = 2"),
    ("#| default_exp first", "#| export\nA = 1", "#| default_exp empty"),
])
def test_a_module_named_twice_or_left_empty_is_an_error(tmp_path, sources):
    with pytest.raises(export.ExportError, match="exactly one"):
        export.export_notebook_modules(write_notebook(tmp_path, *sources))
