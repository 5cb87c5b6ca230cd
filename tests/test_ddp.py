"""`python -m buildllm train` under torchrun: 2 processes on the CPU (gloo) take the steps 1 process takes with the
same global batch, only rank 0 prints and writes, and the checkpoint loads in a single process."""

import csv
import json
import os
import socket
import subprocess
import sys

import numpy as np
import pytest
import torch

from buildllm.__main__ import main
from buildllm.corpora import load_corpus
from buildllm.train import load_model
from helpers import ROOT

pytestmark = pytest.mark.usefixtures("one_torch_thread")

OPTIONS = ["--tokenizer", "char", "--preset", "tiny", "--context", "16", "--batch-size", "4", "--eval-every", "2",
           "--eval-batches", "2", "--device", "cpu", "--quiet"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def torchrun(folder, *args):
    """`torchrun --nproc_per_node 2 -m buildllm train ...` on loopback, one thread per process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared"), "OMP_NUM_THREADS": "1", "MASTER_ADDR": "127.0.0.1"}
    command = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_addr", "127.0.0.1",
               "--master_port", str(free_port()), "-m", "buildllm", "train", *args]
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def losses(run):
    with open(run / "losses.csv", newline="", encoding="utf-8") as file:
        return [(int(row["step"]), float(row["train_loss"]), float(row["lr"])) for row in csv.DictReader(file)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ddp")
    (folder / "small.txt").write_text(load_corpus("stories", "valid")[:6000], encoding="utf-8")
    return folder


def test_two_processes_take_the_steps_of_one_with_the_whole_batch(folder):
    printed = torchrun(folder, "small.txt", *OPTIONS, "--steps", "4", "--out", "ddp")
    assert printed.count("validation loss") == 1 and printed.count("model:") == 1  # rank 0 alone speaks
    assert main(["train", str(folder / "small.txt"), *OPTIONS, "--steps", "4", "--out", str(folder / "one")]) == 0
    ddp, one = np.array(losses(folder / "ddp")), np.array(losses(folder / "one"))
    assert ddp[:, 0].tolist() == one[:, 0].tolist() == [1, 2, 3, 4]
    np.testing.assert_allclose(ddp[:, 1], one[:, 1], rtol=1e-5)  # the mean loss of the two halves = the batch's
    np.testing.assert_allclose(ddp[:, 2], one[:, 2], rtol=1e-12)  # the same learning rates
    metrics = json.loads((folder / "ddp" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["processes"] == 2 and metrics["tokens_seen"] == 4 * 4 * 16  # the global batch: 2 x 2 rows
    # The checkpoint saved under DDP loads in one process: plain names (no "module." prefix), the same weights.
    trained, reference = load_model(folder / "ddp" / "checkpoint.pt", device="cpu"), load_model(
        folder / "one" / "checkpoint.pt", device="cpu")
    # Adam divides each gradient by its own size, so where a gradient is nearly 0, the rounding of the two halves'
    # sum can move a weight by a visible fraction of a step (lr 2e-3): all weights agree to 5% of a step, and all but
    # a handful to 1e-6.
    differences = torch.cat([(a - b).abs().flatten() for a, b in zip(trained.state_dict().values(),
                                                                     reference.state_dict().values())])
    assert differences.max() < 1e-4 and (differences > 1e-6).float().mean() < 1e-3


def test_two_processes_stop_together_on_a_time_budget(folder):
    """Each process measures time itself; they must agree on the clock, or one takes a step the other never
    joins (and waits forever) and their learning rates drift apart."""
    torchrun(folder, "small.txt", *OPTIONS, "--minutes", "0.01", "--out", "timed")
    metrics = json.loads((folder / "timed" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["processes"] == 2 and metrics["steps"] >= 1 and metrics["train_seconds"] >= 0.6
    assert [step for step, _, _ in losses(folder / "timed")] == list(range(1, metrics["steps"] + 1))
