"""The generated modules of buildllm are exactly what their notebooks export."""

import difflib

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
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), notebook.name, path.name, lineterm="", n=1))
        pytest.fail(f"buildllm/{name}.py differs from {notebook.name} at line {first}; run `python scripts/export.py`.\n{diff[:2000]}")


def test_every_generated_file_has_a_notebook():
    generated = {p.stem for p in PACKAGE.glob("*.py") if p.read_text(encoding="utf-8").startswith("# Generated from")}
    assert generated == set(MODULES), "a generated module lost its notebook (or the reverse)"


def test_export_picks_marked_cells_only(tmp_path):
    cells = [
        nbformat.v4.new_code_cell("#| default_exp demo"),
        nbformat.v4.new_code_cell("#| export\ndef kept():\n    return 1"),
        nbformat.v4.new_code_cell("def teaching_version():\n    return 0"),
        nbformat.v4.new_code_cell("#| export\nKEPT_TOO = 2"),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / "99_demo.ipynb")
    name, source = export.export_notebook(tmp_path / "99_demo.ipynb")
    assert name == "demo"
    assert source.startswith("# Generated from notebooks/99_demo.ipynb")
    assert "def kept():\n    return 1\n\n\nKEPT_TOO = 2\n" in source
    assert "teaching_version" not in source and "#| export" not in source.splitlines()
    namespace = {}
    exec(source, namespace)
    assert namespace["kept"]() == 1 and namespace["KEPT_TOO"] == 2


def test_export_needs_one_module_name(tmp_path):
    cells = [nbformat.v4.new_code_cell("#| export\nX = 1")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / "98_bad.ipynb")
    with pytest.raises(ValueError, match="default_exp"):
        export.export_notebook(tmp_path / "98_bad.ipynb")


def test_export_refuses_relative_imports(tmp_path):
    cells = [nbformat.v4.new_code_cell("#| default_exp demo"), nbformat.v4.new_code_cell("#| export\nfrom .runtime import scaled")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), tmp_path / "97_relative.ipynb")
    with pytest.raises(ValueError, match="from buildllm"):
        export.export_notebook(tmp_path / "97_relative.ipynb")
