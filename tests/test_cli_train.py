"""python -m buildllm train / generate / chat, end to end on a small text (in-process: buildllm.__main__.main)."""

import csv
import importlib.util
import json
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from buildllm import cli_train, tokenfiles
from buildllm.__main__ import build_parser, main
from buildllm.bpe import course_tokenizer
from buildllm.corpora import load_corpus
from buildllm.train import COURSE_TRAIN, load_model

pytestmark = pytest.mark.usefixtures("one_torch_thread")

CONTEXT, BATCH = 16, 4
TINY = ["--tokenizer", "char", "--preset", "tiny", "--context", str(CONTEXT), "--batch-size", str(BATCH),
        "--eval-every", "3", "--eval-batches", "2", "--device", "cpu", "--quiet"]


@pytest.fixture(scope="module")
def text():
    """About 6,000 characters of the stories, with a few that take 2 and 3 bytes in UTF-8 at the end (the part that
    validates), so that bytes and characters differ."""
    return load_corpus("stories", "valid")[:6000].replace("<|endoftext|>", "\n\n") + " Café, naïve — señor."


@pytest.fixture(scope="module")
def folder(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "small.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def trained(folder):
    """A run of 6 steps, validated and saved at steps 3 and 6."""
    assert main(["train", str(folder / "small.txt"), *TINY, "--steps", "6", "--out", str(folder / "run")]) == 0
    return folder / "run"


def read_losses(run):
    with open(run / "losses.csv", newline="", encoding="utf-8") as file:
        return [(int(row["step"]), float(row["train_loss"])) for row in csv.DictReader(file)]


def char_ids(text):
    """Character ids the way the course numbers them (code-point order), written out independently."""
    alphabet = sorted(set(text))
    return [alphabet.index(char) for char in text], alphabet


def test_train_writes_checkpoint_losses_plot_and_metrics(trained, text):
    metrics = json.loads((trained / "metrics.json").read_text(encoding="utf-8"))
    cut = len(text) * 9 // 10  # one id per character: the first 90% of the ids is the first 90% of the text
    assert (metrics["train_tokens"], metrics["val_tokens"]) == (cut, len(text) - cut)
    assert metrics["val_bytes"] == len(text[cut:].encode("utf-8")) > metrics["val_tokens"]
    assert metrics["steps"] == 6 and metrics["tokens_seen"] == 6 * BATCH * CONTEXT and metrics["processes"] == 1
    assert metrics["tokens_per_second"] == pytest.approx(metrics["tokens_seen"] / metrics["train_seconds"])
    assert metrics["wall_seconds"] > metrics["train_seconds"] > 0
    assert metrics["history"]["step"] == [3, 6] and metrics["tokenizer"]["name"] == "char"
    # The validation loss, recomputed by hand: every window of CONTEXT + 1 characters of the last 10%, side by side.
    model = load_model(trained / "checkpoint.pt", device="cpu")
    ids = torch.tensor(char_ids(text)[0][cut:])
    windows = ids[: (len(ids) - 1) // CONTEXT * CONTEXT + 1]
    inputs = windows[:-1].view(-1, CONTEXT)
    targets = windows[1:].unfold(0, CONTEXT, CONTEXT)
    with torch.no_grad():
        loss = F.cross_entropy(model(inputs).flatten(0, 1), targets.flatten()).item()
    assert metrics["val_loss"] == pytest.approx(loss, rel=1e-5)
    assert metrics["val_perplexity"] == pytest.approx(math.exp(loss), rel=1e-5)
    bits = loss / math.log(2) * metrics["val_tokens"] / metrics["val_bytes"]  # bits per token x tokens per byte
    assert metrics["val_bits_per_byte"] == pytest.approx(bits, rel=1e-5)
    assert [step for step, _ in read_losses(trained)] == [1, 2, 3, 4, 5, 6]
    assert (trained / "loss.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_an_interrupted_run_resumes_exactly(folder, trained, monkeypatch, capsys):
    original = cli_train.Trainer.train_step

    def interrupted(self):
        if self.step == 4:  # step 4 is taken (and logged) after the checkpoint of step 3, then Ctrl-C
            raise KeyboardInterrupt
        return original(self)

    run = folder / "interrupted"
    args = ["train", str(folder / "small.txt"), *TINY, "--steps", "6", "--out", str(run)]
    with monkeypatch.context() as patch:
        patch.setattr(cli_train.Trainer, "train_step", interrupted)
        assert main(args) == 130
    assert "--resume" in capsys.readouterr().err
    assert [step for step, _ in read_losses(run)] == [1, 2, 3, 4]
    resume = ["train", str(folder / "small.txt"), "--out", str(run), "--resume", "--quiet", "--device", "cpu"]
    assert main(resume) == 0  # the tokenizer, sizes and recipe: the checkpoint's
    assert read_losses(run) == read_losses(trained)  # the same losses, to the last bit
    resumed = load_model(run / "checkpoint.pt", device="cpu")
    straight = load_model(trained / "checkpoint.pt", device="cpu")
    for (name, a), b in zip(resumed.state_dict().items(), straight.state_dict().values()):
        assert torch.equal(a, b), name


def test_generate_streams_the_greedy_continuation(trained, text, capsys):
    assert main(["generate", str(trained), "--prompt", "Once upon", "--length", "12", "--temperature", "0",
                 "--device", "cpu"]) == 0
    printed = capsys.readouterr().out
    ids, alphabet = char_ids(text)
    model = load_model(trained / "checkpoint.pt", device="cpu")
    sequence = [alphabet.index(char) for char in "Once upon"]
    with torch.no_grad():
        for _ in range(12):  # greedy by hand: the most likely next character, 12 times
            sequence.append(model(torch.tensor([sequence[-CONTEXT:]]))[0, -1].argmax().item())
    assert printed == "".join(alphabet[i] for i in sequence) + "\n"


def test_generate_with_a_seed_repeats_itself(trained, capsys):
    def sample(seed):
        assert main(["generate", str(trained / "checkpoint.pt"), "--length", "30", "--top-k", "5", "--top-p", "0.9",
                     "--repetition-penalty", "1.2", "--seed", str(seed), "--device", "cpu"]) == 0
        return capsys.readouterr().out

    first = sample(1)
    assert len(first) == 31 and sample(1) == first and sample(2) != first  # no prompt: it starts a new document


def test_training_on_a_token_file_takes_its_tokenizer(folder, text):
    [path] = tokenfiles.prepare(str(folder / "small.txt"), "char", folder / "prepared", progress=False)
    run = folder / "from-token-file"
    options = [option for option in TINY if option not in ("--tokenizer", "char")]
    assert main(["train", str(path), *options, "--steps", "2", "--out", str(run)]) == 0
    metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["tokenizer"]["name"] == "char" and metrics["train_tokens"] == len(text) * 9 // 10


def test_a_fixed_split_of_token_files_is_kept(tmp_path):
    course = course_tokenizer()
    train_text, valid_text = load_corpus("stories", "valid")[:3000], load_corpus("stories", "valid")[3000:4000]
    for name, part in (("train", train_text), ("valid", valid_text)):
        tokenfiles.write_tokens(tmp_path / f"{name}.bin", course.encode(part, allowed_special="all"), course, "course")
    options = [option for option in TINY if option not in ("--tokenizer", "char")]
    assert main(["train", str(tmp_path / "train.bin"), *options, "--steps", "2", "--out", str(tmp_path / "run")]) == 0
    metrics = json.loads((tmp_path / "run" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["val_tokens"] == len(course.encode(valid_text, allowed_special="all"))
    assert metrics["val_bytes"] == len(valid_text.encode("utf-8")) and "valid.bin" in metrics["split"]


def test_the_stories_keep_their_split_and_name_the_folder(tmp_path, monkeypatch):
    parts = {"train": "A fox ran home. " * 40, "valid": "The owl sang. " * 10}
    monkeypatch.setattr(tokenfiles, "load_corpus", lambda name, split: parts[split])  # small stand-ins
    monkeypatch.chdir(tmp_path)
    assert main(["train", "stories", *TINY, "--steps", "2"]) == 0
    metrics = json.loads((tmp_path / "runs" / "stories-char" / "metrics.json").read_text(encoding="utf-8"))
    assert (metrics["train_tokens"], metrics["val_tokens"]) == (len(parts["train"]), len(parts["valid"]))


def test_a_time_budget_ends_the_run(folder):
    run = folder / "timed"
    assert main(["train", str(folder / "small.txt"), *TINY, "--minutes", "0.004", "--out", str(run)]) == 0
    metrics = json.loads((run / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["steps"] >= 1 and 0.24 <= metrics["train_seconds"] < 30


@pytest.mark.parametrize("command, message", [
    (["train", "{folder}/missing.txt"], "No file or folder at"),
    (["train", "{folder}/empty.txt"], "is empty"),
    (["train", "{folder}/short.txt", "--context", "16"], f"at least {10 * CONTEXT + 1} tokens"),
    (["train", "{folder}/small.txt", "--tokenizer", "nope"], "Unknown tokenizer 'nope'"),
    (["train", "{folder}/small.txt", "--d-model", "30", "--heads", "4"], "must be divisible by num_heads"),
    (["train", "{folder}/small.txt", "--dropout", "1.5"], "dropout is a probability"),
    (["train", "{folder}/small.txt", "--out", "{folder}/run"], "pass --resume"),
    (["train", "{folder}/small.txt", "--out", "{folder}/nothing", "--resume"], "No checkpoint at"),
    (["train", "{folder}/small.txt", "--out", "{folder}/run", "--resume", "--context", "8"], "other sizes"),
    (["train", "{folder}/small.txt", "--out", "{folder}/run", "--resume", "--tokenizer", "course"],
     "trained with the tokenizer 'char'"),
    (["train", "{folder}/prepared/tokens.bin", "--tokenizer", "course"], "was made with the tokenizer 'char'"),
    (["generate", "{folder}/run", "--tokenizer", "course"], "trained with the tokenizer 'char'"),
    (["generate", "{folder}/nothing"], "No checkpoint at"),
    (["generate", "{folder}/broken.pt"], "not a readable checkpoint"),
    (["generate", "{folder}/run", "--prompt", "日本"], "'日'"),
    (["generate", "{folder}/run", "--top-p", "1.5"], "top_p must be in (0, 1]"),
])
def test_errors_are_one_line_that_says_what_to_do(folder, trained, capsys, monkeypatch, command, message):
    monkeypatch.chdir(folder)  # a default --out folder would be made here
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "short.txt").write_text("A fox ran. " * 10, encoding="utf-8")
    (folder / "broken.pt").write_bytes(b"not a checkpoint")
    if not (folder / "prepared" / "tokens.bin").exists():
        tokenfiles.prepare(str(folder / "small.txt"), "char", folder / "prepared", progress=False)
    command = [part.format(folder=folder) for part in command]
    if command[0] == "train":
        command += ["--preset", "tiny", "--quiet", "--steps", "2"]
    assert main(command) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ") and error.count("\n") == 1 and "Traceback" not in error
    assert message in error


@pytest.mark.parametrize("option", [["--steps", "0"], ["--preset", "huge"], ["--batch-size", "two"]])
def test_a_bad_option_is_refused_by_argparse(folder, capsys, option):
    with pytest.raises(SystemExit) as stop:
        main(["train", str(folder / "small.txt"), *option])
    assert stop.value.code == 2 and "error: argument" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["train", "generate", "chat"])
def test_help_shows_examples(capsys, command):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    shown = capsys.readouterr().out
    assert stop.value.code == 0 and "examples:" in shown and "python -m buildllm " + command in shown


@pytest.mark.skipif(importlib.util.find_spec("buildllm.chat") is not None, reason="buildllm.chat exists")
def test_chat_without_its_module_says_where_it_comes_from(trained, capsys):
    assert main(["chat", str(trained)]) == 1
    assert "notebook 11" in capsys.readouterr().err


def test_chat_hands_the_model_and_tokenizer_to_the_terminal_chat(trained, monkeypatch):
    chat = pytest.importorskip("buildllm.chat", reason="buildllm.chat (notebook 11) is not exported yet")
    calls = []
    monkeypatch.setattr(chat, "chat_in_terminal", lambda model, tokenizer, **sampling: calls.append(
        (model, tokenizer, sampling)))
    assert main(["chat", str(trained), "--temperature", "0.5", "--top-k", "7", "--device", "cpu"]) == 0
    [(model, tokenizer, sampling)] = calls
    expected = load_model(trained / "checkpoint.pt", device="cpu")
    assert all(torch.equal(a, b) for a, b in zip(model.state_dict().values(), expected.state_dict().values()))
    assert tokenizer.decode(tokenizer.encode("Once upon")) == "Once upon"
    assert sampling == {"max_new_tokens": 200, "seed": 123, "temperature": 0.5, "top_k": 7, "top_p": 0.9,
                        "repetition_penalty": 1.0}


def test_bytes_are_counted_per_token(text):
    """The validation text's size comes from the ids: each id's bytes, summed (checked against the text itself)."""
    tokenizer = course_tokenizer()
    ids = np.array(tokenizer.encode(text), dtype=np.uint16)
    assert cli_train.text_bytes(ids, tokenizer, block=100) == len(text.encode("utf-8"))


def test_the_default_recipe_is_the_course_gpts(capsys):
    """`train` without recipe flags trains with COURSE_TRAIN (what notebook 09 and the benchmark use), and its help
    quotes those defaults."""
    assert cli_train.train_config(build_parser().parse_args(["train", "stories"])) == COURSE_TRAIN
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for option, value in (("--steps", COURSE_TRAIN.max_steps), ("--batch-size", COURSE_TRAIN.batch_size),
                          ("--lr", COURSE_TRAIN.lr), ("--warmup", COURSE_TRAIN.warmup_steps)):
        assert f"(default {value}" in shown.split(option, 2)[2], option
