"""Every committed notebook is what a learner should open: fully executed, in order, without errors, stamped."""

import re

import nbformat
import pytest

from helpers import NOTEBOOKS, ROOT, load_script

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
def test_title_first_then_colab_link_and_collapsed_setup(path):
    notebook = nbformat.read(path, as_version=4)
    title, badge, setup = notebook.cells[:3]
    assert title.cell_type == "markdown" and title.source.startswith("# "), "the title comes first"
    assert badge.source == colab.badge_markdown(path.name), "run `python scripts/colab.py`"
    assert setup.source == colab.SETUP_CODE, "run `python scripts/colab.py`"
    assert f"/blob/{colab.REF}/notebooks/{path.name}" in badge.source
    assert setup.metadata.get("jupyter", {}).get("source_hidden") and setup.metadata.get("cellView") == "form"
    assert "![" not in badge.source, "no image: an offline learner would see it broken"


def test_stamping_is_idempotent():
    notebook = nbformat.read(NOTEBOOKS[0], as_version=4)
    before = nbformat.writes(notebook)
    colab.stamp(notebook, NOTEBOOKS[0].name)
    assert nbformat.writes(notebook) == before


def test_stamping_a_new_notebook_puts_link_and_setup_after_the_title():
    cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("x = 1")]
    notebook = nbformat.v4.new_notebook(cells=cells)
    colab.stamp(notebook, "99_new.ipynb")
    assert [c.cell_type for c in notebook.cells] == ["markdown", "markdown", "code", "code"]
    assert notebook.cells[0].source == "# Title" and "99_new.ipynb" in notebook.cells[1].source
    assert notebook.cells[2].source == colab.SETUP_CODE and notebook.cells[3].source == "x = 1"


LINK = re.compile(r"\]\(([^)#\s]+\.ipynb)(?:#[^)]*)?\)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_links_between_notebooks_resolve(path):
    notebook = nbformat.read(path, as_version=4)
    targets = {match for cell in notebook.cells if cell.cell_type == "markdown" for match in LINK.findall(cell.source)}
    local = {t for t in targets if "://" not in t}
    missing = sorted(t for t in local if not (path.parent / t).is_file())
    assert not missing, f"{path.name} links to notebooks that do not exist: {missing}"


def test_readme_links_resolve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?:notebooks|data|benchmarks|scripts)/[^)#\s]+)\)", readme)
    assert targets, "the README's course map links its notebooks"
    assert not [t for t in targets if not (ROOT / t).exists()]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_stay_short(path):
    """COURSE.md: no code cell over about 40 lines (a longer one hides the idea; split it or move a helper out)."""
    cells = nbformat.read(path, as_version=4).cells
    long = [i for i, cell in enumerate(cells) if cell.cell_type == "code" and len(cell.source.splitlines()) > 40]
    assert not long, f"{path.name}: code cells over 40 lines: {long}"
