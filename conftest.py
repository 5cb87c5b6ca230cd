"""Test-run settings shared by the unit tests and the notebook run (nbval)."""

import os

# The smoke-scale switch: every heavy notebook cell shrinks. Set before nbval starts kernels, which inherit it.
os.environ["BUILDLLM_SMOKE"] = "1"
# Headless plotting in the notebooks' kernels and in the tests.
os.environ.setdefault("MPLBACKEND", "Agg")
