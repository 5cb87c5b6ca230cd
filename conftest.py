"""Test-run settings shared by the unit tests and the notebook run (nbval)."""

import os
import shutil
import tempfile

# The smoke-scale switch: every heavy notebook cell shrinks. Set before nbval starts kernels, which inherit it.
os.environ["BUILDLLM_SMOKE"] = "1"
# Headless plotting in the notebooks' kernels and in the tests.
os.environ.setdefault("MPLBACKEND", "Agg")
# A cache of the run's own (smoke-scale models, tokenizer files), never the learner's ~/.cache/buildllm.
# Set BUILDLLM_CACHE yourself to keep one between runs.
_OWN_CACHE = None if "BUILDLLM_CACHE" in os.environ else tempfile.mkdtemp(prefix="buildllm-test-cache-")
if _OWN_CACHE:
    os.environ["BUILDLLM_CACHE"] = _OWN_CACHE


def pytest_sessionfinish(session, exitstatus):
    if _OWN_CACHE:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)
