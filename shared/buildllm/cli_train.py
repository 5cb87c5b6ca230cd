"""What ``python -m buildllm train``, ``generate`` and ``chat`` do (their options are parsed in ``__main__``).

Hand-written glue around ``buildllm.train`` and ``buildllm.generate`` (generated from notebook 09): reading the
training text (a text file, a folder of ``.txt`` files, a prepared token file or a course corpus), choosing the model's
sizes, training with a progress bar, and writing the run's folder:

    checkpoint.pt   model, optimizer, step, recipe, tokenizer identity, random states: saved at each validation
    losses.csv      each step's training loss and learning rate (kept in step with the checkpoint on --resume)
    loss.png        training and validation loss against steps and tokens seen
    metrics.json    the final validation loss (nats per token, bits per byte), steps, tokens, speed, times

Under ``torchrun`` (the RANK, WORLD_SIZE and LOCAL_RANK environment variables) ``train`` joins the process group
(NCCL on GPUs, gloo on CPUs) and ``Trainer`` wraps the model in DistributedDataParallel: every process draws the
same global batch and trains on its own rows; only rank 0 prints, evaluates and writes files.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import math
import os
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
from tqdm.auto import tqdm

from . import tokenfiles
from .model import COURSE_CONFIG, GPT2_SMALL, GPTConfig, GPTModel
from .runtime import get_device, replace_atomically
from .tokenfiles import TOKENIZERS, load_tokenizer, token_dtype, tokenizer_sha256
from .train import COURSE_TRAIN, CheckpointError, TrainConfig, Trainer, bits_per_byte, evaluate, read_checkpoint, resume

PRESETS = {
    "course": COURSE_CONFIG,  # the course GPT: 4 layers, 4 heads, 128 dims, context 128 (1.3M parameters)
    "gpt2-small": GPT2_SMALL,  # GPT-2 small's sizes: 12 layers, 12 heads, 768 dims, context 1024
    "tiny": GPTConfig(context_length=64, d_model=64, num_heads=4, num_layers=2),  # seconds on a CPU: for trying
}
"""Named model sizes for ``--preset``; the vocabulary size always comes from the tokenizer."""
CHECKPOINT, LOSSES, PLOT, METRICS = "checkpoint.pt", "losses.csv", "loss.png", "metrics.json"
VALID_FRACTION = 10
"""A plain text validates on its last 1/VALID_FRACTION (by position, in tokens)."""
FINAL_EVAL_BATCHES = 100
"""Batches of windows (spread evenly over the validation split) behind the final validation loss."""
STEPS_WITHOUT_LIMIT = 10**12
"""``max_steps`` when only a time budget is given (the minutes end the run long before)."""


class CommandLineError(ValueError):
    """An input or option the command cannot use; the message says what to do."""


# ------------------------------------------------------------------------------------------------ the data


@dataclass
class TrainingData:
    train: np.ndarray  # token ids (possibly a read-only memory map)
    valid: np.ndarray
    tokenizer: object
    tokenizer_name: str  # what the checkpoint records: course, gpt2, char, or a tokenizer file's absolute path
    description: str  # where the ids come from and how they were split
    fixed_split: bool  # True: the source brought its validation split; False: the last 10% validates


def token_bytes(tokenizer) -> np.ndarray:
    """The UTF-8 length of each id's text (a special token counts as the bytes of its string)."""
    lengths = np.zeros(tokenizer.n_vocab, dtype=np.int64)
    for token_id, token in tokenizer.vocab.items():
        lengths[token_id] = len(token) if isinstance(token, bytes) else len(token.encode("utf-8"))
    return lengths


def text_bytes(ids, tokenizer, block: int = 1 << 22) -> int:
    """The size in bytes of the UTF-8 text the ids stand for, counted block by block (a memory map stays lazy)."""
    lengths = token_bytes(tokenizer)
    return int(sum(lengths[np.asarray(ids[start:start + block])].sum() for start in range(0, len(ids), block)))


def _tokenizer_name(spec: str) -> str:
    return spec if spec in TOKENIZERS else str(Path(spec).resolve())


def _token_file_tokenizer(info: dict, spec: str | None, path: Path):
    """The tokenizer a token file was made with: rebuilt from its description, or ``spec`` checked against it."""
    made_with = info["tokenizer"]["name"]
    if spec is None:
        if made_with not in TOKENIZERS:
            raise CommandLineError(f"{path} was made with the tokenizer file {made_with!r}: pass --tokenizer with the "
                             "path of that file.")
        spec = made_with
    tokenizer = tokenfiles.char_tokenizer(info) if spec == "char" and made_with == "char" else load_tokenizer(spec)
    tokenfiles.check_tokenizer(info, tokenizer, path)
    return tokenizer, spec


def _from_token_file(path: Path, spec: str | None) -> TrainingData:
    ids, info = tokenfiles.read_tokens(path)
    tokenizer, spec = _token_file_tokenizer(info, spec, path)
    partner = path.with_name("valid.bin")
    if path.name == "train.bin" and tokenfiles.sidecar(partner).is_file():  # prepare's fixed split of the stories
        valid, valid_info = tokenfiles.read_tokens(partner)
        tokenfiles.check_tokenizer(valid_info, tokenizer, partner)
        return TrainingData(ids, valid, tokenizer, _tokenizer_name(spec), f"{path} (validation: {partner})", True)
    cut = len(ids) * (VALID_FRACTION - 1) // VALID_FRACTION
    return TrainingData(ids[:cut], ids[cut:], tokenizer, _tokenizer_name(spec),
                        f"{path} (first 90% trains, last 10% validates)", False)


def _from_text(source: str, spec: str | None, progress: bool) -> TrainingData:
    spec = spec or "course"
    if spec not in TOKENIZERS and not Path(spec).is_file():
        load_tokenizer(spec)  # the error that says what to give
    texts, _ = tokenfiles._texts(source)  # {"train": text, "valid": text} for the stories, else {"tokens": files}
    sizes = {key: tokenfiles._size(content) for key, content in texts.items()}
    if not sum(sizes.values()):
        raise CommandLineError(f"{source} is empty: there is no text to train on. Give a file or folder with text "
                               "in it.")
    chars = set()
    with tqdm(total=sum(sizes.values()) * (2 if spec == "char" else 1), unit="B", unit_scale=True,
              desc="reading and tokenizing", disable=not progress) as bar:
        if spec == "char":  # the characters of the whole source (both splits) are the vocabulary, as prepare does
            for content in texts.values():
                for document in tokenfiles._documents(content, bar):
                    for piece in document:
                        chars.update(piece.replace(tokenfiles.EOT, ""))
        tokenizer = load_tokenizer(spec, chars)
        ids = {key: np.fromiter(tokenfiles._ids(tokenizer, content, bar, "all"), dtype=token_dtype(tokenizer.n_vocab))
               for key, content in texts.items()}
    if "valid" in ids:
        return TrainingData(ids["train"], ids["valid"], tokenizer, _tokenizer_name(spec),
                            f"{source} (its fixed train/valid split)", True)
    cut = len(ids["tokens"]) * (VALID_FRACTION - 1) // VALID_FRACTION
    return TrainingData(ids["tokens"][:cut], ids["tokens"][cut:], tokenizer, _tokenizer_name(spec),
                        f"{source} (first 90% trains, last 10% validates)", False)


def _is_token_file(source: str) -> bool:
    path = Path(source)
    return path.suffix == ".bin" and (path.is_file() or tokenfiles.sidecar(path).is_file())


def load_data(source: str, spec: str | None = None, progress: bool = True) -> TrainingData:
    """The training and validation ids of ``source`` with the tokenizer ``spec`` (None: the token file's own, or
    the course tokenizer for a text)."""
    if _is_token_file(source):
        return _from_token_file(Path(source), spec)
    return _from_text(source, spec, progress)


def check_length(data: TrainingData, context_length: int) -> None:
    """A clear error when a split cannot hold one window of ``context_length + 1`` tokens."""
    need = context_length + 1
    if min(len(data.train), len(data.valid)) >= need:
        return
    name = data.tokenizer_name if data.tokenizer_name in TOKENIZERS else Path(data.tokenizer_name).name
    if data.fixed_split:
        raise CommandLineError(f"{data.description} gives {len(data.train):,} training and {len(data.valid):,} "
                               f"validation tokens with the {name} tokenizer: each split must hold one window of "
                               f"context + 1 = {need:,} tokens. Use more text, or a shorter --context.")
    total = len(data.train) + len(data.valid)
    raise CommandLineError(f"{data.description.split(' (')[0]} gives {total:,} tokens with the {name} tokenizer, "
                           f"too few for a context of {context_length:,}: its last 10% validates and must hold "
                           f"context + 1 = {need:,} tokens, so the text must be at least "
                           f"{VALID_FRACTION * context_length + 1:,} tokens long. Use a longer text, or a shorter "
                           "--context.")


# ---------------------------------------------------------------------------------------- sizes and recipe


def model_config(args, vocab_size: int, saved: dict | None = None) -> GPTConfig:
    """The model's sizes: the flags given, else (on --resume) the checkpoint's, else the preset's (course)."""
    base = PRESETS[args.preset or "course"] if args.preset or saved is None else GPTConfig(**saved)
    flags = {"num_layers": args.layers, "num_heads": args.heads, "d_model": args.d_model,
             "context_length": args.context, "dropout": args.dropout}
    try:
        return dataclasses.replace(base, vocab_size=vocab_size, **{k: v for k, v in flags.items() if v is not None})
    except ValueError as error:
        raise CommandLineError(f"These model settings do not work: {error} (options --layers, --heads, --d-model, "
                         "--context, --dropout)") from None


def train_config(args, saved: dict | None = None) -> TrainConfig:
    """The recipe: the flags given, else (on --resume) the checkpoint's, else the course GPT's (COURSE_TRAIN)."""
    base = TrainConfig(**{**saved, "betas": tuple(saved["betas"])}) if saved else COURSE_TRAIN
    changes = {"max_steps": args.steps, "max_minutes": args.minutes, "batch_size": args.batch_size, "lr": args.lr,
               "warmup_steps": args.warmup, "seed": args.seed, "eval_every": args.eval_every,
               "eval_batches": args.eval_batches, "precision": args.precision}
    changes = {key: value for key, value in changes.items() if value is not None}
    if args.minutes is not None and args.steps is None:
        changes["max_steps"] = STEPS_WITHOUT_LIMIT
    if saved is None and args.warmup is None and "max_steps" in changes:  # a short run warms up over a tenth
        changes["warmup_steps"] = min(base.warmup_steps, max(1, changes["max_steps"] // 10))
    try:
        return dataclasses.replace(base, **changes)
    except ValueError as error:
        raise CommandLineError(f"{error} (options --steps, --minutes, --batch-size, --lr)") from None


# ---------------------------------------------------------------------------------------- several processes


@contextlib.contextmanager
def distributed(prefer: str | None = None):
    """Yields (rank, world size, device). Under torchrun (WORLD_SIZE > 1) it joins the process group first: NCCL
    with one GPU per process (LOCAL_RANK), or gloo on CPUs; and leaves it at the end."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world == 1:
        yield 0, 1, get_device(prefer)
        return
    for name in ("RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"):
        if name not in os.environ:
            raise CommandLineError(f"WORLD_SIZE is {world} but {name} is not set: start several processes with "
                                   "torchrun (torchrun --nproc_per_node N -m buildllm train ...), or unset WORLD_SIZE.")
    local_rank = int(os.environ["LOCAL_RANK"])
    on_gpu = prefer == "cuda" or (prefer is None and torch.cuda.is_available())
    if on_gpu:
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
        dist.init_process_group("nccl", device_id=device)
    elif prefer in (None, "cpu"):
        device = torch.device("cpu")
        dist.init_process_group("gloo")
    else:
        raise CommandLineError(f"Training on several processes works on CUDA GPUs or CPUs, not on {prefer!r}: use "
                         "--device cuda or --device cpu, or train in one process.")
    try:
        yield dist.get_rank(), dist.get_world_size(), device
    finally:
        dist.destroy_process_group()


def as_tensor(ids) -> torch.Tensor:
    """Ids as a tensor without copying (a read-only memory map too: training only reads it)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*not writable.*")
        return torch.as_tensor(np.asarray(ids))


# ------------------------------------------------------------------------------------------- the run's files


class LossLog:
    """``losses.csv``: step, the step's training loss, its learning rate. On a resume, the rows after the
    checkpoint's step (written before an interruption) are dropped, so the file always matches the checkpoint."""

    def __init__(self, path: Path, keep_until: int = 0):
        self.path, self.steps, self.losses = path, [], []
        rows = []
        if keep_until and path.is_file():
            with open(path, newline="", encoding="utf-8") as file:
                rows = [row for row in csv.DictReader(file) if int(row["step"]) <= keep_until]
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(["step", "train_loss", "lr"])
        for row in rows:
            writer.writerow([row["step"], row["train_loss"], row["lr"]])
            self.steps.append(int(row["step"]))
            self.losses.append(float(row["train_loss"]))
        replace_atomically(path, lambda file: file.write(text.getvalue().encode("utf-8")))
        self.file = open(path, "a", newline="", encoding="utf-8")
        self.writer = csv.writer(self.file, lineterminator="\n")

    def add(self, step: int, loss: float, lr: float) -> None:
        self.writer.writerow([step, repr(loss), repr(lr)])
        self.steps.append(step)
        self.losses.append(loss)

    def flush(self) -> None:
        self.file.flush()

    def close(self) -> None:
        self.file.close()


def write_plot(path: Path, log: LossLog, history: dict, tokens_per_step: int, title: str) -> None:
    """Training loss (each step, and smoothed) and validation loss against steps, with tokens seen on top."""
    from matplotlib.figure import Figure  # no pyplot: nothing global changes, no display needed
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4.5), layout="constrained")
    axes = figure.add_subplot()
    if log.steps:
        average, smoothed = 0.0, []  # an exponential moving average, corrected for starting at 0 (as Adam's)
        for count, loss in enumerate(log.losses, start=1):
            average = 0.95 * average + 0.05 * loss
            smoothed.append(average / (1 - 0.95**count))
        axes.plot(log.steps, log.losses, color="#93c5fd", linewidth=0.6, label="training (each batch)")
        axes.plot(log.steps, smoothed, color="#1d4ed8", linewidth=1.5, label="training (smoothed)")
    if history["step"]:
        axes.plot(history["step"], history["val_loss"], "o-", color="#dc2626", markersize=3, label="validation")
    axes.set(title=title, xlabel="step", ylabel="loss (nats per token)")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    top = axes.secondary_xaxis("top", functions=(lambda s: s * tokens_per_step, lambda t: t / tokens_per_step))
    top.set_xlabel("tokens seen")
    axes.grid(alpha=0.3)
    axes.legend()
    replace_atomically(path, lambda file: figure.savefig(file, format="png", dpi=120))


def write_json(path: Path, content: dict) -> None:
    replace_atomically(path, lambda file: file.write((json.dumps(content, indent=1) + "\n").encode("utf-8")))


def default_out(source: str, spec: str | None) -> Path:
    """runs/SOURCE-TOKENIZER for a text, runs/FOLDER for a prepared token file (prepared/FOLDER/train.bin)."""
    path = Path(source)
    if path.suffix == ".bin":
        return Path("runs") / (path.parent.name if path.stem in ("train", "tokens") and path.parent.name
                               else path.stem)
    return Path("runs") / f"{path.stem or 'text'}-{Path(spec or 'course').stem}"


def _check_out(out: Path, resuming: bool, force: bool) -> None:
    checkpoint = out / CHECKPOINT
    if resuming and not checkpoint.is_file():
        raise FileNotFoundError(f"No checkpoint at {checkpoint} to resume from: leave out --resume to start a new "
                                "run, or give the --out folder of the run to continue.")
    if not resuming and not force and checkpoint.exists():
        raise FileExistsError(f"{checkpoint} already exists: pass --resume to continue that run, --force to start "
                              "afresh (it is overwritten), or choose another --out folder.")


# ------------------------------------------------------------------------------------------------ train


def _describe(config: GPTConfig, model: GPTModel) -> str:
    return (f"{model.num_parameters():,} parameters ({config.num_layers} layers, {config.num_heads} heads, d_model "
            f"{config.d_model}, context {config.context_length}, vocabulary {config.vocab_size:,})")


def _progress_bar(trainer: Trainer, enabled: bool) -> tqdm:
    config = trainer.config
    if config.max_minutes is None:
        return tqdm(total=config.max_steps, initial=trainer.step, unit="step", dynamic_ncols=True, disable=not enabled)
    return tqdm(total=round(60 * config.max_minutes), initial=min(trainer.elapsed, 60 * config.max_minutes),
                unit="s", dynamic_ncols=True, disable=not enabled,
                bar_format="{l_bar}{bar}| {n:.0f}/{total_fmt} s of the budget [{elapsed}<{remaining}{postfix}]")


def train(args) -> dict | None:
    """Run ``python -m buildllm train``; returns the metrics (on rank 0; None on the other processes)."""
    started = time.perf_counter()
    with distributed(args.device) as (rank, world, device):
        main = rank == 0
        say = print if main else (lambda *_, **__: None)
        out = Path(args.out) if args.out else default_out(args.source, args.tokenizer)
        _check_out(out, args.resume, args.force)
        saved = read_checkpoint(out / CHECKPOINT) if args.resume else None
        if saved is not None and "trainer" not in saved:
            raise CheckpointError(f"{out / CHECKPOINT} holds a model but no training state: it cannot be resumed. "
                                  "Start a new run (--force, or another --out).")
        spec = args.tokenizer
        if spec is None and saved is not None and not _is_token_file(args.source):
            spec = saved["tokenizer"]["name"]  # resuming: the checkpoint's tokenizer (char: rebuilt from the text)
        data = load_data(args.source, spec, progress=main and not args.quiet)
        if saved is not None and tokenizer_sha256(data.tokenizer) != saved["tokenizer"]["sha256"]:
            raise CommandLineError(f"{out / CHECKPOINT} was trained with the tokenizer "
                                   f"{saved['tokenizer']['name']!r}, not with {data.tokenizer_name!r} (or on another "
                                   "text, for characters): resume with the same source and tokenizer (leave "
                                   "--tokenizer out to use the checkpoint's).")
        config = model_config(args, data.tokenizer.n_vocab, saved and saved["model_config"])
        recipe = train_config(args, saved and saved["train_config"])
        check_length(data, config.context_length)
        if saved is not None and dataclasses.asdict(config) != saved["model_config"]:
            different = ", ".join(f"{key}={value!r} (the options give {getattr(config, key)!r})"
                                  for key, value in saved["model_config"].items() if value != getattr(config, key))
            raise CommandLineError(f"{out / CHECKPOINT} holds a model of other sizes: {different}. Leave --preset "
                                   "and the size options out when resuming (the checkpoint's are used), or give the "
                                   "same ones as before.")
        if main and not args.resume:
            out.mkdir(parents=True, exist_ok=True)
            for name in (CHECKPOINT, LOSSES, PLOT, METRICS):  # --force: nothing of the old run stays
                (out / name).unlink(missing_ok=True)
        torch.manual_seed(recipe.seed)  # the same initial weights on every process (DDP also copies rank 0's)
        model = GPTModel(config)
        log = None

        def on_step(trainer, loss):
            if not main:
                return
            log.add(trainer.step, loss, trainer.optimizer.param_groups[0]["lr"])
            validated = trainer.history["val_loss"]
            bar.set_postfix(step=trainer.step, loss=f"{loss:.3f}", val=f"{validated[-1]:.3f}" if validated else "-",
                            refresh=False)
            bar.update(1 if recipe.max_minutes is None else max(0.0, min(trainer.elapsed, bar.total) - bar.n))

        trainer = Trainer(model, as_tensor(data.train), as_tensor(data.valid), recipe, device)
        if saved is not None:
            resume(out / CHECKPOINT, trainer, data.tokenizer)
        valid_bytes = text_bytes(data.valid, data.tokenizer)
        title = f"{Path(args.source).name}: {model.num_parameters():,} parameters"
        tokens_per_step = recipe.batch_size * config.context_length
        say(f"data: {data.description}: {len(data.train):,} training and {len(data.valid):,} validation tokens "
            f"({valid_bytes:,} bytes), tokenizer {data.tokenizer_name} ({data.tokenizer.n_vocab:,} ids)")
        say(f"model: {_describe(config, model)}, on {device}" + (f", {world} processes" if world > 1 else ""))
        budget = [f"{recipe.max_steps:,} steps"] if recipe.max_steps < STEPS_WITHOUT_LIMIT else []
        budget += [f"{recipe.max_minutes:g} minutes of training"] if recipe.max_minutes is not None else []
        budget_text = " or ".join(budget) + (" (whichever ends first)" if len(budget) > 1 else "")
        say(f"budget: {budget_text}, batches of {recipe.batch_size} x {config.context_length} tokens; "
            + (f"resuming at step {trainer.step:,}" if saved else "new run") + f"; writing to {out}/")
        if main:
            log = LossLog(out / LOSSES, keep_until=trainer.step)
        bar = _progress_bar(trainer, main and not args.quiet)

        def on_eval(trainer):
            log.flush()
            write_plot(out / PLOT, log, trainer.history, tokens_per_step, title)

        try:
            trainer.fit(progress=False, on_eval=on_eval, checkpoint=out / CHECKPOINT, tokenizer=data.tokenizer,
                        tokenizer_name=data.tokenizer_name, on_step=on_step)
        finally:
            bar.close()
            if log is not None:
                log.close()
        metrics = None
        if main:
            metrics = _final_metrics(trainer, data, valid_bytes, args.source, world, device)
            metrics["wall_seconds"] = time.perf_counter() - started
            write_json(out / METRICS, metrics)
            write_plot(out / PLOT, log, trainer.history, tokens_per_step, title)
            say(f"step {trainer.step:,}: validation loss {metrics['val_loss']:.4f} nats per token (perplexity "
                f"{metrics['val_perplexity']:.2f}, {metrics['val_bits_per_byte']:.4f} bits per byte); "
                f"{trainer.tokens_seen:,} tokens in {trainer.elapsed:.1f} s of training "
                f"({metrics['tokens_per_second']:,.0f} tokens/s)")
            say(f"wrote {out / CHECKPOINT}, {out / METRICS}, {out / PLOT}, {out / LOSSES}")
        if world > 1:
            dist.barrier()  # the others wait while rank 0 evaluates and writes
        return metrics


def _final_metrics(trainer: Trainer, data: TrainingData, valid_bytes: int, source: str, world: int, device) -> dict:
    """The final validation loss over up to FINAL_EVAL_BATCHES batches of the validation split, and the run's
    numbers."""
    recipe, config = trainer.config, trainer.model.config
    windows = (len(data.valid) - 1) // config.context_length
    loss = evaluate(trainer.model, trainer.valid_ids, config.context_length, recipe.batch_size, FINAL_EVAL_BATCHES,
                    recipe.precision)
    evaluated = min(windows, FINAL_EVAL_BATCHES * recipe.batch_size) * config.context_length
    return {
        "val_loss": loss,  # nats per token
        "val_perplexity": math.exp(loss),
        "val_bits_per_byte": bits_per_byte(loss, len(data.valid), valid_bytes),
        "val_tokens": len(data.valid), "val_bytes": valid_bytes, "val_tokens_evaluated": evaluated,
        "train_tokens": len(data.train),
        "steps": trainer.step, "tokens_seen": trainer.tokens_seen,
        "tokens_per_second": trainer.tokens_seen / max(trainer.elapsed, 1e-9),
        "train_seconds": trainer.elapsed,  # time spent in training steps, over all resumes
        "processes": world, "device": str(device), "source": str(source), "split": data.description,
        "tokenizer": {"name": data.tokenizer_name, "n_vocab": data.tokenizer.n_vocab,
                      "sha256": tokenizer_sha256(data.tokenizer)},
        "parameters": trainer.model.num_parameters(),
        "model_config": dataclasses.asdict(config), "train_config": dataclasses.asdict(recipe),
        "history": trainer.history,
    }


# ------------------------------------------------------------------------------------- generate and chat


def checkpoint_tokenizer(identity: dict, spec: str | None, path: Path):
    """The tokenizer a checkpoint was trained with, rebuilt from its identity (course, gpt2, char, a file), or
    ``spec``; either way checked against the identity's sha256."""
    name = identity["name"]
    if spec is not None and spec != "char":
        tokenizer = load_tokenizer(spec)
    elif name == "char" or spec == "char":
        if "chars" not in identity:
            raise CheckpointError(f"{path} was trained with the tokenizer {name!r}, not with characters: leave out "
                                  "--tokenizer char.")
        tokenizer = load_tokenizer("char", identity["chars"])
    elif name in TOKENIZERS or Path(name).is_file():
        tokenizer = load_tokenizer(name)
    else:
        raise CheckpointError(f"{path} was trained with the tokenizer {name!r}, which cannot be found here: pass "
                              "--tokenizer with the path of that tokenizer file.")
    if tokenizer_sha256(tokenizer) != identity["sha256"]:
        raise CheckpointError(f"{path} was trained with the tokenizer {name!r} ({identity['n_vocab']:,} ids, sha256 "
                              f"{identity['sha256'][:12]}...), not with this one ({tokenizer.n_vocab:,} ids): its "
                              "ids would mean other text. Pass --tokenizer with the tokenizer it was trained with.")
    return tokenizer


def load_for_generation(checkpoint: str, spec: str | None = None, device=None):
    """The model of a checkpoint (a file, or a run folder holding checkpoint.pt), in eval mode, and its tokenizer."""
    path = Path(checkpoint)
    if path.is_dir():
        path = path / CHECKPOINT
    saved = read_checkpoint(path)
    tokenizer = checkpoint_tokenizer(saved["tokenizer"], spec, path)
    config = GPTConfig(**saved["model_config"])
    config.check_tokenizer(tokenizer)
    model = GPTModel(config)
    model.load_state_dict(saved["model"])
    return model.to(device if device is not None else get_device()).eval(), tokenizer


def generate(args) -> str:
    """Run ``python -m buildllm generate``: print the prompt, then the continuation as it is sampled."""
    from .generate import check_sampling, decode_stream, stream_tokens

    check_sampling(args.temperature, args.top_k, args.top_p, args.repetition_penalty)
    device = get_device(args.device)
    model, tokenizer = load_for_generation(args.checkpoint, args.tokenizer, device)
    eot = getattr(tokenizer, "eot_token", None)
    try:
        ids = tokenizer.encode(args.prompt, allowed_special="all")
    except ValueError as error:  # a character model meets a character its training text did not have
        unseen = str(error).split(": not in")[0].replace("CharTokenizer cannot encode ", "")
        raise CommandLineError(f"The prompt has characters this model never saw: {unseen}. It knows only the "
                               "characters of its training text: leave these out of --prompt.") from None
    if not ids:
        if eot is None:
            raise ValueError("The model needs a prompt of at least one token (this tokenizer has no end-of-text "
                             "token to start from): pass --prompt.")
        ids = [eot]  # the start of a new document
    generator = torch.Generator(device=device).manual_seed(args.seed)
    stream = stream_tokens(model, torch.tensor([ids], device=device), args.length, args.temperature, args.top_k,
                           args.top_p, args.repetition_penalty, eot_token=eot, generator=generator)
    print(args.prompt, end="", flush=True)
    pieces = []
    for piece in decode_stream(tokenizer, (token for token in stream if token != eot)):
        pieces.append(piece)
        print(piece, end="", flush=True)
    print()
    return "".join(pieces)


def chat(args) -> None:
    """Run ``python -m buildllm chat``: a conversation in the terminal (``buildllm.chat.chat_in_terminal``)."""
    try:
        from .chat import chat_in_terminal
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.chat":
            raise
        raise CommandLineError("chat needs buildllm.chat, which notebook 11 (instruction finetuning) exports: "
                               "update the course, or run notebook 11 and scripts/export.py.") from None
    from .generate import check_sampling

    check_sampling(args.temperature, args.top_k, args.top_p, args.repetition_penalty)
    model, tokenizer = load_for_generation(args.checkpoint, args.tokenizer, get_device(args.device))
    chat_in_terminal(model, tokenizer, max_new_tokens=args.length, seed=args.seed, temperature=args.temperature,
                     top_k=args.top_k, top_p=args.top_p, repetition_penalty=args.repetition_penalty)
