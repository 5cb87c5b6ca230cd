"""The Colab setup cell, run as Colab would run it, against a local copy of the repository.

A stand-in `google.colab` module makes the cell take its Colab branch; the repository address points at a local
clone (a file:// URL) that has the pinned release tag. The cell must clone that release, install the course package
without touching torch (pip may not reach any index), and leave `import buildllm` working from the clone's notebooks
folder, in that kernel and in a fresh one.
"""

import json
import os
import subprocess
import sys
import sysconfig
import textwrap

import pytest

from helpers import ROOT, load_script

colab = load_script("colab")

RUN_AS_COLAB = """
import importlib.metadata, json, os, sys, types
sys.modules["google.colab"] = types.ModuleType("google.colab")  # what Colab's kernel has
exec(compile(open(sys.argv[1]).read(), "setup cell", "exec"))
import torch
print(json.dumps({"cwd": os.getcwd(), "buildllm": buildllm.__file__, "torch": torch.__file__,
                  "installed": importlib.metadata.distribution("buildllm").read_text("direct_url.json")}))
"""

FRESH_KERNEL = """
import json, buildllm, tiktoken
print(json.dumps({"buildllm": buildllm.__file__, "ids": tiktoken.get_encoding("gpt2").encode("hello world")}))
"""


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def colab_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("colab")
    # The "GitHub" side: a copy of the committed course with the pinned release tag.
    origin = tmp / "origin"
    git("clone", "-q", "--no-hardlinks", str(ROOT), str(origin), cwd=tmp)
    git("-c", "user.name=t", "-c", "user.email=t@t", "tag", "-f", colab.REF, "HEAD", cwd=origin)
    # The "Colab" side: a Python with torch and the other requirements already there, and an empty /content.
    python = tmp / "venv" / "bin" / "python"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(tmp / "venv")], check=True, capture_output=True)
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (tmp / "venv" / site.split("/venv/", 1)[1] / "preinstalled.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    content = tmp / "content"
    content.mkdir()
    cell = tmp / "setup_cell.py"
    cell.write_text(colab.SETUP_CODE.replace(colab.REPO_URL, origin.as_uri()), encoding="utf-8")
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "BUILDLLM_CACHE": str(tmp / "cache"),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    first = subprocess.run([python, "-c", RUN_AS_COLAB, str(cell)], cwd=content, env=env, capture_output=True,
                           text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    course = content / colab.COURSE_FOLDER
    fresh = subprocess.run([python, "-c", FRESH_KERNEL], cwd=course / "notebooks", env=env, capture_output=True,
                           text=True)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    return course, json.loads(first.stdout.strip().splitlines()[-1]), json.loads(fresh.stdout.strip().splitlines()[-1])


def test_clones_the_pinned_release(colab_run):
    course, _, _ = colab_run
    described = subprocess.run(["git", "describe", "--tags", "--exact-match"], cwd=course, capture_output=True,
                               text=True)
    assert described.stdout.strip() == colab.REF
    assert (course / "data" / "manifest.json").is_file(), "the data comes with the clone"


def test_installs_the_package_from_the_clone_without_touching_torch(colab_run):
    course, first, _ = colab_run
    assert first["cwd"] == str(course / "notebooks")
    assert first["buildllm"].startswith(str(course))
    assert json.loads(first["installed"])["url"] == course.resolve().as_uri()
    assert first["torch"].startswith(sysconfig.get_paths()["purelib"]), "torch must stay the one Colab had"


def test_a_fresh_kernel_in_the_clone_imports_the_course(colab_run):
    course, _, fresh = colab_run
    assert fresh["buildllm"].startswith(str(course))
    assert fresh["ids"] == [31373, 995]


def test_setup_cell_is_short_and_fits_the_line_limit():
    lines = colab.SETUP_CODE.splitlines()
    assert len(lines) <= 15 and max(map(len, lines)) <= 120
    assert textwrap.dedent(colab.SETUP_CODE) == colab.SETUP_CODE
