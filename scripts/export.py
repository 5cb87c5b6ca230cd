"""Write the notebooks' export cells into the helper package.

A notebook names its module once, in a code cell whose first line is ``#| default_exp NAME``, and marks each cell
to export with a first line ``#| export`` (``#|export`` and ``#| export  # a note`` work too). This script writes
those cells, in order, into ``shared/buildllm/NAME.py``, with every cell's top-level imports gathered, merged and
sorted at the top of the module. A notebook that teaches two modules names the second with another
``#| default_exp NAME`` cell: the export cells after it go there. The notebook is the one source: edit it, then run

    python scripts/export.py            # write the modules that changed
    python scripts/export.py --check    # only report stale modules (exit 1), as tests/test_sync.py does

An unknown ``#|`` directive, an empty export cell, a relative import or a module that does not compile is an error.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PACKAGE = ROOT / "shared" / "buildllm"
FIRST_PARTY = "buildllm"

DIRECTIVE = re.compile(r"#\|\s*(\w+)(.*)")
KNOWN_DIRECTIVES = ("default_exp", "export")


class ExportError(ValueError):
    """A notebook's export cells cannot become a module; the message says which notebook and what to fix."""


def _directives(source: str) -> tuple[list[tuple[str, str]], str]:
    """The cell's leading ``#| name value`` lines as (name, value) pairs, and the code after them."""
    lines = source.strip("\n").split("\n")
    found = []
    while lines and (match := DIRECTIVE.fullmatch(lines[0].strip())):
        value = match.group(2).split("#", 1)[0].strip()  # a trailing `# note` is a comment
        found.append((match.group(1), value))
        lines.pop(0)
    return found, "\n".join(lines).strip("\n")


def _split_imports(code: str, where: str) -> tuple[list[ast.stmt], str]:
    """A cell's top-level import statements, and its code without them."""
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise ExportError(f"{where}: the export cell does not compile: {error}") from None
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    for node in imports:
        if isinstance(node, ast.ImportFrom) and node.level:
            raise ExportError(f"{where}: export cells also run in the notebook, so import with `from buildllm...`, "
                              f"not a relative import (line {node.lineno})")
    drop = {line for node in imports for line in range(node.lineno, node.end_lineno + 1)}
    kept = [line for number, line in enumerate(code.split("\n"), 1) if number not in drop]
    return imports, re.sub(r"\n{4,}", "\n\n\n", "\n".join(kept)).strip("\n")  # at most two blank lines


def _section(module: str) -> int:
    top = module.split(".")[0]
    if top == "__future__":
        return 0
    if top in sys.stdlib_module_names:
        return 1
    return 3 if top == FIRST_PARTY else 2


def _name_key(name: str) -> tuple[int, str]:
    # isort's order-by-type: CONSTANTS, then Classes, then everything else.
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name


def _alias(alias: ast.alias) -> str:
    return alias.name + (f" as {alias.asname}" if alias.asname else "")


def import_block(imports: list[ast.stmt]) -> str:
    """The imports merged (one `from m import ...` per module) and sorted in sections, as isort and ruff sort them."""
    plain: set[str] = set()
    names: dict[str, set[str]] = {}
    for node in imports:
        if isinstance(node, ast.Import):
            plain.update(_alias(alias) for alias in node.names)
        else:
            names.setdefault(node.module, set()).update(_alias(alias) for alias in node.names)
    sections: dict[int, list[str]] = {}
    for entry in sorted(plain, key=str.lower):
        sections.setdefault(_section(entry), []).append(f"import {entry}")
    for module in sorted(names, key=str.lower):
        listed = ", ".join(sorted(names[module], key=_name_key))
        line = f"from {module} import {listed}"
        if len(line) > 120:
            listed = "".join(f"    {name},\n" for name in sorted(names[module], key=_name_key))
            line = f"from {module} import (\n{listed})"
        sections.setdefault(_section(module), []).append(line)
    return "\n\n".join("\n".join(lines) for _, lines in sorted(sections.items()))


def _gap_before(body: str) -> str:
    # As ruff's isort: two blank lines before a def or class, one before other code.
    first = next((line for line in body.split("\n") if line.strip() and not line.startswith("#")), "")
    return "\n\n\n" if first.startswith(("def ", "class ", "@", "async def ")) else "\n\n"


def _module_source(path: Path, name: str, cells: list[tuple[list[ast.stmt], str]]) -> str:
    header = (
        f"# Generated from notebooks/{path.name} by scripts/export.py. Do not edit this file:\n"
        f"# edit the notebook's `#| export` cells, then run `python scripts/export.py`.\n"
    )
    imports = import_block([node for cell_imports, _ in cells for node in cell_imports])
    body = "\n\n\n".join(code for _, code in cells if code)
    source = header + "\n" + (imports + _gap_before(body) if imports else "") + body + "\n"
    try:
        compile(source, f"buildllm/{name}.py", "exec")
    except SyntaxError as error:
        raise ExportError(f"{path.name}: the generated module {name} does not compile: {error}") from None
    return source


def export_notebook_modules(path: Path) -> list[tuple[str, str]]:
    """Every module a notebook exports, as (name, source), in the notebook's order.

    A ``#| default_exp NAME`` cell starts a module: the export cells after it, up to the next ``#| default_exp``,
    go into it. Most notebooks name one module; one that teaches two (09: ``train`` and ``generate``) names both.
    """
    notebook = nbformat.read(path, as_version=4)
    modules: dict[str, list[tuple[list[ast.stmt], str]]] = {}
    current = None
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        directives, code = _directives(cell.source)
        for name, value in directives:
            where = f"{path.name}, cell {number}"
            if name not in KNOWN_DIRECTIVES:
                raise ExportError(f"{where}: unknown directive `#| {name}`; use one of {', '.join(KNOWN_DIRECTIVES)}")
            if name == "default_exp":
                if not value.isidentifier() or value in modules:
                    raise ExportError(f"{where}: each module needs exactly one `#| default_exp NAME` cell with a "
                                      f"Python name, got {value!r} (modules so far: {list(modules)})")
                current = modules[value] = []
            elif current is None:
                raise ExportError(f"{where}: an export cell before any `#| default_exp NAME` cell: name the module "
                                  "first")
            elif not code.strip():
                raise ExportError(f"{where}: the export cell is empty; put code under `#| export` or remove it")
            else:
                current.append(_split_imports(code, where))
    empty = [name for name, cells in modules.items() if not cells]
    if empty:
        raise ExportError(f"{path.name}: `#| default_exp {empty[0]}` has no export cells after it: each module "
                          "needs exactly one `#| default_exp NAME` cell, followed by its `#| export` cells")
    return [(name, _module_source(path, name, cells)) for name, cells in modules.items()]


def export_notebook(path: Path) -> tuple[str, str] | None:
    """The module name and source a one-module notebook exports, or None when it exports nothing."""
    modules = export_notebook_modules(path)
    if len(modules) > 1:
        raise ExportError(f"{path.name} exports {len(modules)} modules: use export_notebook_modules")
    return modules[0] if modules else None


def exported_modules(notebooks: Path = NOTEBOOKS) -> dict[str, tuple[Path, str]]:
    """Every generated module: name -> (notebook it comes from, source)."""
    modules: dict[str, tuple[Path, str]] = {}
    for path in sorted(notebooks.glob("*.ipynb")):
        for name, source in export_notebook_modules(path):
            if name in modules:
                raise ExportError(f"Module {name!r} is exported by both {modules[name][0].name} and {path.name}")
            modules[name] = (path, source)
    return modules


def stale_modules(package: Path = PACKAGE) -> list[str]:
    """The modules whose file differs from what their notebook exports (or is missing)."""
    stale = []
    for name, (_, source) in exported_modules().items():
        target = package / f"{name}.py"
        if not target.exists() or target.read_text(encoding="utf-8") != source:
            stale.append(name)
    return stale


def main(args: list[str]) -> int:
    if args == ["--check"]:
        stale = stale_modules()
        for name in stale:
            print(f"buildllm/{name}.py is stale: run `python scripts/export.py`")
        return 1 if stale else 0
    if args:
        raise SystemExit(f"usage: python scripts/export.py [--check]  (got {' '.join(args)})")
    for name, (notebook, source) in exported_modules().items():
        target = PACKAGE / f"{name}.py"
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == source:
            continue
        if current is not None and not current.startswith("# Generated from notebooks/"):
            raise SystemExit(f"{target.relative_to(ROOT)} is hand-written; {notebook.name} may not overwrite it.")
        target.write_text(source, encoding="utf-8", newline="\n")
        print(f"wrote {target.relative_to(ROOT)} from {notebook.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
