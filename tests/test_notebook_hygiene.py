"""Every committed notebook is what a learner should open: fully executed, in order, without errors, stamped."""

import nbformat
import pytest

from helpers import NOTEBOOKS, load_script

colab = load_script("colab")


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:2] == ["00_setup.ipynb", "01_eliza.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_clean_full_run(path):
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.strip()]
    errors = [i for i, cell in enumerate(code) if any(o.output_type == "error" for o in cell.outputs)]
    assert not errors, f"{path.name}: code cells {errors} have error outputs"
    counts = [cell.execution_count for cell in code]
    assert None not in counts, f"{path.name}: {counts.count(None)} code cells were never executed"
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: not one clean run in order: {counts}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stamped_for_colab(path):
    notebook = nbformat.read(path, as_version=4)
    badge, setup = notebook.cells[:2]
    assert badge.source == colab.badge_markdown(path.name), "run `python scripts/colab.py`"
    assert setup.source == colab.SETUP_CODE, "run `python scripts/colab.py`"
    assert f"/blob/{colab.REF}/notebooks/{path.name}" in badge.source


def test_stamping_is_idempotent():
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    before = nbformat.writes(notebook)
    colab.stamp(notebook, NOTEBOOKS[0].name)
    assert nbformat.writes(notebook) == before


def test_stamping_a_new_notebook_puts_badge_then_setup_first():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title")])
    colab.stamp(notebook, "99_new.ipynb")
    assert [c.cell_type for c in notebook.cells] == ["markdown", "code", "markdown"]
    assert "99_new.ipynb" in notebook.cells[0].source and notebook.cells[2].source == "# Title"
