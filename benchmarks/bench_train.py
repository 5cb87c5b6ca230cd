"""Training benchmarks: the course's recipe against a small reference recipe at equal wall-clock time, and the cost
of the training loop around the model's bare step.

    python benchmarks/bench_train.py               # about 15 minutes (mostly the two time budgets)
    python benchmarks/bench_train.py --quick       # budgets of seconds: a smoke check that everything runs
    python benchmarks/bench_train.py --parts char overhead --threads 1

Time to quality (parts ``char`` and ``course``): the course's stories (their fixed train/valid split), trained by
``buildllm.train.Trainer`` for the same wall-clock budget with two recipes, both on our own ``GPTModel``:

- the default recipe: what ``python -m buildllm train stories --tokenizer T --minutes M`` trains, built by the command
  line's own parser and functions: the ``course`` preset (``buildllm.model.COURSE_CONFIG``'s sizes, with the
  tokenizer's vocabulary; printed with the results) and the course GPT's recipe ``COURSE_TRAIN`` (batch 8, AdamW at
  3e-3 with betas 0.9/0.95, weight decay 0.1 on matrices, 50 warmup steps, cosine decay to a tenth over the budget,
  gradient clipping at 1, precision "auto");
- the reference recipe: 4 layers, 4 heads, 128 dims, context 64, batch 12, AdamW at a constant 1e-3 (PyTorch's
  other defaults: betas 0.9/0.999, weight decay 0.01, here on matrices only), no warmup, no clipping, no dropout,
  float32.

The two recipes train in turns of two seconds each, every model on its own clock, until each has spent its budget:
this machine's speed drifts by 20 to 30% within minutes, and in turns the drift falls on both recipes alike. Each
model is then evaluated on the whole validation split with ``buildllm.train.evaluate`` (every token predicted once,
windows of its own context length): nats per token and bits per byte, with the steps and tokens each took. Part
``char`` uses the character tokenizer and 90 seconds, part ``course`` the course tokenizer and 5 minutes. There are
no evaluations during training.

Loop overhead (part ``overhead``): tokens per second of the whole ``Trainer.fit`` loop (drawing batches, forward,
backward, clipping, the step, the learning rate schedule, and the periodic validation estimates amortised over the
steps between them) against the bare step of the same model: forward, backward and AdamW on one fixed batch, as
``bench_model.py`` measures it. Target: the loop loses less than 10%.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import time

import torch
import torch.nn.functional as F

from buildllm.__main__ import build_parser
from buildllm.bpe import course_tokenizer
from buildllm.cli_train import model_config, train_config
from buildllm.corpora import load_corpus
from buildllm.data import encode_text
from buildllm.model import COURSE_CONFIG, GPTConfig, GPTModel, autocast_context, resolve_precision
from buildllm.tokenizers import CharTokenizer
from buildllm.train import COURSE_TRAIN, TrainConfig, Trainer, bits_per_byte, evaluate

NEVER = 10**12  # max_steps when only the wall-clock budget should end a run; eval_every that never comes
TURN_SECONDS = 2.0  # the recipes of a time-to-quality part train in turns of this long each


def default_recipe(tokenizer_name: str, vocab_size: int, minutes: float) -> tuple[GPTConfig, TrainConfig]:
    """What `python -m buildllm train stories --tokenizer NAME --minutes M` trains, from the command line's own
    parser and defaults (validation only at the end here: its time is not counted in the budget anyway)."""
    args = build_parser().parse_args(["train", "stories", "--tokenizer", tokenizer_name, "--minutes", str(minutes)])
    recipe = dataclasses.replace(train_config(args), eval_every=NEVER, eval_batches=1)
    return model_config(args, vocab_size), recipe


def reference_recipe(vocab_size: int, minutes: float) -> tuple[GPTConfig, TrainConfig]:
    """4 layers, 4 heads, 128 dims, context 64, batch 12, AdamW at a constant 1e-3, float32."""
    config = GPTConfig(vocab_size=vocab_size, context_length=64, d_model=128, num_heads=4, num_layers=4, dropout=0.0)
    recipe = TrainConfig(max_steps=NEVER, max_minutes=minutes, batch_size=12, lr=1e-3, min_lr_ratio=1.0,
                         warmup_steps=0, weight_decay=0.01, betas=(0.9, 0.999), grad_clip=None, eval_every=NEVER,
                         eval_batches=1, precision="float32")
    return config, recipe


def corpus_ids(tokenizer) -> tuple[torch.Tensor, torch.Tensor, int]:
    """Training and validation ids of the stories, and the validation text's size in bytes."""
    train, valid = load_corpus("stories", "train"), load_corpus("stories", "valid")
    return encode_text(train, tokenizer), encode_text(valid, tokenizer), len(valid.encode("utf-8"))


def train_in_turns(recipes: dict, train_ids, valid_ids, device, eval_batches) -> dict:
    """Train each recipe's model until its own clock reaches its budget, taking turns of ``TURN_SECONDS``; then evaluate
    each. This machine's speed drifts by 20 to 30% within minutes, so runs one after the other would compare the
    drift, not the recipes; in turns, the drift falls on both alike. Each clock counts only its own steps
    (``Trainer.train_step``, the step ``Trainer.fit`` repeats; the loop's bookkeeping is the overhead part's)."""
    trainers = {}
    for label, (config, recipe) in recipes.items():
        torch.manual_seed(recipe.seed)
        trainers[label] = Trainer(GPTModel(config), train_ids, valid_ids, recipe, device)
    while any(trainer.progress() < 1.0 for trainer in trainers.values()):
        for trainer in trainers.values():
            turn_ends = time.perf_counter() + TURN_SECONDS
            while trainer.progress() < 1.0 and time.perf_counter() < turn_ends:
                started = time.perf_counter()
                trainer.train_step()
                _synchronize(device)
                trainer.elapsed += time.perf_counter() - started
    return {label: {"loss": evaluate(trainer.model, valid_ids, trainer.model.config.context_length, batch_size=16,
                                     max_batches=eval_batches, precision=trainer.config.precision),
                    "steps": trainer.step, "tokens": trainer.tokens_seen, "seconds": trainer.elapsed,
                    "parameters": trainer.model.num_parameters()}
            for label, trainer in trainers.items()}


def time_to_quality(tokenizer_name: str, tokenizer, minutes: float, device, eval_batches: int | None) -> None:
    train_ids, valid_ids, valid_bytes = corpus_ids(tokenizer)
    where = "the whole validation split" if eval_batches is None else f"{eval_batches} batches of the validation split"
    print(f"\n{tokenizer_name} tokenizer ({tokenizer.n_vocab:,} ids), {minutes * 60:g} s of training each: "
          f"{len(train_ids):,} training and {len(valid_ids):,} validation tokens ({valid_bytes:,} bytes); loss over "
          f"{where}")
    recipes = {"default recipe": default_recipe(tokenizer_name, tokenizer.n_vocab, minutes),
               "reference recipe": reference_recipe(tokenizer.n_vocab, minutes)}
    results = train_in_turns(recipes, train_ids, valid_ids, device, eval_batches)
    for label, (config, recipe) in recipes.items():
        result = results[label]
        bpb = bits_per_byte(result["loss"], len(valid_ids), valid_bytes)
        print(f"  {label:16} {result['parameters'] / 1e6:5.2f}M parameters, {config.num_layers} layers, "
              f"d_model {config.d_model}, context {config.context_length}, batch {recipe.batch_size}, "
              f"{resolve_precision(device, recipe.precision)}: validation {result['loss']:.4f} nats/token, "
              f"{bpb:.4f} bits/byte; {result['steps']:,} steps, {result['tokens']:,} tokens in "
              f"{result['seconds']:.1f} s ({result['tokens'] / result['seconds']:,.0f} tokens/s)")
    ours, reference = results["default recipe"]["loss"], results["reference recipe"]["loss"]
    verdict = "yes" if ours < reference else "NO"
    print(f"  default recipe lower than the reference: {verdict} ({ours - reference:+.4f} nats/token, perplexity "
          f"{math.exp(ours):.2f} against {math.exp(reference):.2f})")


# ---------------------------------------------------------------------------------------------- loop overhead


def bare_tokens_per_second(config: GPTConfig, recipe: TrainConfig, device, steps: int) -> float:
    """Forward, backward and AdamW on one fixed batch, ``steps`` times after one warm-up step (bench_model's loop)."""
    torch.manual_seed(recipe.seed)
    model = GPTModel(config).to(device).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=recipe.lr)
    ids = torch.randint(0, config.vocab_size, (recipe.batch_size, config.context_length + 1),
                        generator=torch.Generator().manual_seed(0)).to(device)
    inputs, targets = ids[:, :-1], ids[:, 1:]

    def step():
        with autocast_context(device, recipe.precision):
            loss = F.cross_entropy(model(inputs).flatten(0, 1).float(), targets.flatten())
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    step()
    _synchronize(device)
    start = time.perf_counter()
    for _ in range(steps):
        step()
    _synchronize(device)
    return steps * recipe.batch_size * config.context_length / (time.perf_counter() - start)


def loop_tokens_per_second(config: GPTConfig, recipe: TrainConfig, train_ids, valid_ids, device) -> float:
    """The whole ``Trainer.fit`` over ``recipe.max_steps`` steps (after one warm-up step), validations included."""
    torch.manual_seed(recipe.seed)
    trainer = Trainer(GPTModel(config), train_ids, valid_ids, dataclasses.replace(recipe, max_steps=1), device)
    trainer.fit(progress=False)  # the warm-up step (and its validation, outside the timing)
    trainer.config = recipe
    first = trainer.step
    _synchronize(device)
    start = time.perf_counter()
    trainer.fit(progress=False)
    _synchronize(device)
    return (trainer.step - first) * recipe.batch_size * config.context_length / (time.perf_counter() - start)


def _synchronize(device) -> None:
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize()


def loop_overhead(quick: bool, device) -> None:
    print("\nloop overhead: Trainer.fit's tokens/s (batches drawn, clipping, schedule, validation estimates amortised) "
          "against the bare step of the same model on a fixed batch (best of two runs each, taken in turns)")
    chars = CharTokenizer.from_text(load_corpus("stories", "all"))
    course = course_tokenizer()
    small_config, _ = reference_recipe(chars.n_vocab, 1.0)
    settings = {  # name: model, recipe (max_steps = one whole validation period, so its cost is amortised exactly)
        "small (char)": (chars, small_config, TrainConfig(batch_size=12, max_steps=100, eval_every=100)),
        "course": (course, COURSE_CONFIG, dataclasses.replace(COURSE_TRAIN, max_steps=150)),
    }
    if quick:  # an eighth of the course's validation period, with an eighth of its validation batches
        settings["course"] = (course, COURSE_CONFIG, dataclasses.replace(COURSE_TRAIN, max_steps=19, eval_every=19,
                                                                         eval_batches=1))
    for name, (tokenizer, config, recipe) in settings.items():
        train_ids, valid_ids, _ = corpus_ids(tokenizer)
        loop, bare = 0.0, 0.0
        for _ in range(2):
            bare = max(bare, bare_tokens_per_second(config, recipe, device, max(10, recipe.max_steps // 3)))
            loop = max(loop, loop_tokens_per_second(config, recipe, train_ids, valid_ids, device))
        loss = 1 - loop / bare
        print(f"  {name:13} {config.num_layers} layers, d_model {config.d_model}, context {config.context_length}, "
              f"batch {recipe.batch_size}, {resolve_precision(device, recipe.precision)}, validating "
              f"{recipe.eval_batches} batches every {recipe.eval_every} steps: loop {loop:,.0f} tokens/s, bare step "
              f"{bare:,.0f} tokens/s, the loop loses {loss:.1%} (target < 10%: {'yes' if loss < 0.10 else 'NO'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="budgets of seconds and a part of the validation split: "
                        "a smoke check, not a measurement")
    parser.add_argument("--parts", nargs="+", choices=("char", "course", "overhead"),
                        default=["char", "course", "overhead"])
    parser.add_argument("--threads", type=int, help="torch threads (default: PyTorch's choice)")
    parser.add_argument("--device", default="cpu", help="where to train (default cpu)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, device {device}"
          + (", QUICK: budgets of seconds, the losses mean nothing" if args.quick else ""))
    eval_batches = 4 if args.quick else None
    if "char" in args.parts:
        chars = CharTokenizer.from_text(load_corpus("stories", "all"))  # every character of both splits, as the CLI
        time_to_quality("char", chars, 0.2 if args.quick else 1.5, device, eval_batches)
    if "course" in args.parts:
        time_to_quality("course", course_tokenizer(), 0.3 if args.quick else 5.0, device, eval_batches)
    if "overhead" in args.parts:
        loop_overhead(args.quick, device)


if __name__ == "__main__":
    main()
