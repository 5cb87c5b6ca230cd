"""The course's command line: ``python -m buildllm COMMAND [options]``; ``--help`` after any command explains it.

Hand-written. One function per command adds its subparser and names the function that runs it: ``prepare`` (text to
a token file), ``train`` (a GPT on any text, also under torchrun), ``generate`` (text from a checkpoint, streamed) and
``chat`` (a conversation with an instruction-finetuned checkpoint); the last three run in ``buildllm.cli_train``,
imported only when used (it imports PyTorch). An error a user can fix is printed in one line, with the fix, and exit
status 1.
"""

from __future__ import annotations

import argparse
import sys

PREPARE_EXAMPLES = """\
examples:
  python -m buildllm prepare stories --tokenizer course
      the course's stories, its fixed split: prepared/stories-course/train.bin and valid.bin
  python -m buildllm prepare my_novel.txt --tokenizer gpt2 --output prepared/novel
      one text with GPT-2's ids: prepared/novel/tokens.bin
  python -m buildllm prepare letters/ --tokenizer char
      every .txt file under letters/, joined by <|endoftext|>, one id per character

Each NAME.bin holds the ids (uint16 when the vocabulary has at most 65,536 ids, else int32, little-endian); NAME.json
beside it says what they are (dtype, count, the tokenizer's name and sha256, the text's size in bytes). Read them back
memory-mapped with buildllm.tokenfiles.read_tokens(path, tokenizer). Texts of any size stream through in bounded
memory.
"""


def add_prepare(commands) -> None:
    parser = commands.add_parser(
        "prepare", help="tokenize a text, a folder of .txt files or a course corpus into a token file",
        description="Tokenize a UTF-8 text file, a folder of .txt files (searched recursively, in sorted order)\n"
                    "or a course corpus (stories, or a pinned download such as tiny-shakespeare) into token files\n"
                    "for training.",
        epilog=PREPARE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="a text file, a folder of .txt files, or a course corpus name (stories, "
                                       "tiny-shakespeare, the-verdict); an existing path wins over a corpus name")
    parser.add_argument("--tokenizer", default="course",
                        help="char (one id per character of the input, in code-point order; for stories, of all the "
                             "stories), course (the course's 4,096-id BPE), gpt2 (GPT-2's ids), or the path of a "
                             "tokenizer saved with BPETokenizer.save (default: course)")
    parser.add_argument("--output", help="folder for the token files (default: prepared/SOURCE-TOKENIZER)")
    parser.add_argument("--force", action="store_true", help="overwrite token files that already exist")
    parser.add_argument("--specials-as-text", action="store_true",
                        help="encode <|endoftext|> found in the text as ordinary characters instead of its id")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(run=run_prepare, interrupted="interrupted: no token file was left half-written")


def run_prepare(args) -> None:
    import numpy as np

    from .tokenfiles import prepare, read_info

    for path in prepare(args.source, args.tokenizer, args.output, force=args.force,
                        specials_as_text=args.specials_as_text, progress=not args.quiet):
        info = read_info(path)
        print(f"{path}: {info['count']:,} ids ({np.dtype(info['dtype']).name}) from {info['text_bytes']:,} bytes, "
              f"{info['text_bytes'] / max(info['count'], 1):.2f} bytes per token, tokenizer "
              f"{info['tokenizer']['name']} ({info['tokenizer']['n_vocab']:,} ids)")


TRAIN_EXAMPLES = """\
examples:
  python -m buildllm train my_novel.txt --tokenizer char --preset tiny --steps 500
      a small character model in seconds: the first 90% of the text trains, the last 10% validates
  python -m buildllm train stories --preset course --minutes 5
      the course GPT on the course's stories (their fixed split), for 5 minutes: runs/stories-course/
  python -m buildllm train prepared/stories-course/train.bin --steps 3000 --out runs/longer
      a token file from `prepare` (valid.bin beside train.bin validates); it brings its own tokenizer
  python -m buildllm train my_novel.txt --tokenizer char --preset tiny --steps 1000 --resume
      continue the run in runs/my_novel-char from its checkpoint, exactly where it stopped
  torchrun --nproc_per_node 4 -m buildllm train stories --steps 3000 --batch-size 64
      the same command on 4 GPUs with DistributedDataParallel (each process takes 16 rows of each batch)

The --out folder (default runs/SOURCE-TOKENIZER) receives checkpoint.pt (saved atomically at each validation: model,
optimizer, step, recipe, tokenizer identity, random states), losses.csv (each step's loss and learning rate),
loss.png (training and validation loss) and, at the end, metrics.json: the final validation loss in nats per token
and in bits per byte (comparable between tokenizers), steps, tokens seen, tokens per second and times. Model sizes:
a --preset (default course), changed by any size option; the vocabulary size is the tokenizer's. With --resume, the
tokenizer, the sizes and the recipe are the checkpoint's unless given again.
"""

GENERATE_EXAMPLES = """\
examples:
  python -m buildllm generate runs/stories-course --prompt "Once upon a time"
      continue a prompt with the model of a run folder (its checkpoint.pt), printing the text as it comes
  python -m buildllm generate runs/my_novel-char/checkpoint.pt --length 500 --temperature 0.7 --top-k 40
  python -m buildllm generate ~/.cache/buildllm/models/course-gpt.pt --temperature 0 --prompt "Mia"
      the course GPT that notebook 09 cached; temperature 0 always picks the most likely token (greedy)

The tokenizer is rebuilt from what the checkpoint recorded (course, gpt2, the characters of a char model, or the path
of a tokenizer file) and must match it; give --tokenizer when a tokenizer file has moved.
"""

CHAT_EXAMPLES = """\
examples:
  python -m buildllm chat my-instruct.pt
      talk with a GPT finetuned on instructions (notebook 11), saved with buildllm.train.save_checkpoint; an empty
      line, Ctrl-D or Ctrl-C ends the chat
  python -m buildllm chat my-instruct.pt --temperature 0.5 --top-k 40 --length 150
"""


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise ValueError(text)
    return value


positive_int.__name__ = "positive whole number"  # argparse names the type in its error: "invalid positive ..."
positive_float.__name__ = "positive number"


def add_train(commands) -> None:
    parser = commands.add_parser(
        "train", help="train a GPT on a text, a folder of .txt files, a token file or a course corpus",
        description="Train a GPT from scratch on a UTF-8 text file, a folder of .txt files, a token file made by\n"
                    "`prepare`, or a course corpus, with a progress bar, periodic validation, checkpoints and\n"
                    "--resume. Runs unchanged under torchrun (DistributedDataParallel; only rank 0 writes).",
        epilog=TRAIN_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="a text file, a folder of .txt files, a token file (NAME.bin from prepare) or "
                                       "a course corpus (stories, tiny-shakespeare, the-verdict)")
    parser.add_argument("--tokenizer", help="char, course, gpt2, or the path of a tokenizer saved with "
                                            "BPETokenizer.save (default: course; a token file's own; on --resume, the "
                                            "checkpoint's)")
    sizes = parser.add_argument_group("model sizes (default: the preset's)")
    sizes.add_argument("--preset", choices=("course", "gpt2-small", "tiny"),
                       help="course (4 layers, 128 dims, context 128), gpt2-small (12 layers, 768 dims, context 1024) "
                            "or tiny (2 layers, 64 dims, context 64); default course")
    sizes.add_argument("--layers", type=positive_int, help="transformer blocks")
    sizes.add_argument("--heads", type=positive_int, help="attention heads (must divide --d-model)")
    sizes.add_argument("--d-model", type=positive_int, help="length of each token's vector")
    sizes.add_argument("--context", type=positive_int, help="context length in tokens")
    sizes.add_argument("--dropout", type=float, help="dropout probability in [0, 1)")
    recipe = parser.add_argument_group("budget and recipe (default: the course GPT's, buildllm.train.COURSE_TRAIN)")
    recipe.add_argument("--steps", type=positive_int, help="optimizer steps (default 1000 unless --minutes)")
    recipe.add_argument("--minutes", type=positive_float, help="minutes of training; with --steps, whichever ends "
                                                               "first (evaluation and saving are not counted)")
    recipe.add_argument("--batch-size", type=positive_int, help="windows per step, over all processes (default 8)")
    recipe.add_argument("--lr", type=positive_float, help="peak learning rate (default 0.003)")
    recipe.add_argument("--warmup", type=int, help="warmup steps (default 50, or a tenth of --steps if fewer)")
    recipe.add_argument("--seed", type=int, help="seed of the initial weights and the batches drawn (default 123)")
    recipe.add_argument("--eval-every", type=positive_int, help="steps between validations and checkpoints "
                                                                "(default 100)")
    recipe.add_argument("--eval-batches", type=positive_int, help="batches per validation estimate (default 8)")
    recipe.add_argument("--precision", choices=("auto", "float32", "bfloat16"),
                        help="auto (bfloat16 where the hardware has it; the default), float32 or bfloat16")
    parser.add_argument("--device", choices=("cpu", "cuda", "mps"), help="default: the best one here")
    parser.add_argument("--out", help="folder for the checkpoint, metrics and plot (default runs/SOURCE-TOKENIZER)")
    parser.add_argument("--resume", action="store_true", help="continue the run in --out from its checkpoint")
    parser.add_argument("--force", action="store_true", help="start afresh even if --out holds a checkpoint")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.set_defaults(run=run_train, interrupted="interrupted: the last checkpoint is intact; continue with --resume")


def run_train(args) -> None:
    from .cli_train import train

    train(args)


def add_sampling(parser, temperature: float, top_p: float | None = None) -> None:
    parser.add_argument("checkpoint", help="a checkpoint file, or a run folder holding checkpoint.pt")
    parser.add_argument("--temperature", type=float, default=temperature,
                        help=f"below 1: safer choices, above 1: wilder; 0: always the most likely (default "
                             f"{temperature})")
    parser.add_argument("--top-k", type=positive_int, help="sample among the k most likely tokens only")
    parser.add_argument("--top-p", type=float, default=top_p,
                        help="sample among the fewest most likely tokens whose probabilities add up to p (nucleus "
                             f"sampling), 0 < p <= 1 (default {top_p or 'none'})")
    parser.add_argument("--repetition-penalty", type=positive_float, default=1.0,
                        help="above 1 makes tokens already in the text less likely (default 1: none)")
    parser.add_argument("--seed", type=int, default=123, help="the same seed gives the same text (default 123)")
    parser.add_argument("--tokenizer", help="the tokenizer (char, course, gpt2 or a file); default: the one the "
                                            "checkpoint names. It must match the checkpoint's.")
    parser.add_argument("--device", choices=("cpu", "cuda", "mps"), help="default: the best one here")


def add_generate(commands) -> None:
    parser = commands.add_parser(
        "generate", help="continue a prompt with a trained model, streaming the text as it comes",
        description="Continue a prompt with the model of a checkpoint: sampled token by token (temperature,\n"
                    "top-k, top-p, repetition penalty) and printed as it is written. Stops at the end-of-text\n"
                    "token or after --length tokens.",
        epilog=GENERATE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_sampling(parser, temperature=0.8)
    parser.add_argument("--prompt", default="", help="the text to continue (default: none, a new document)")
    parser.add_argument("--length", type=positive_int, default=200, help="new tokens at most (default 200)")
    parser.set_defaults(run=run_generate, interrupted="interrupted")


def run_generate(args) -> None:
    from .cli_train import generate

    generate(args)


def add_chat(commands) -> None:
    parser = commands.add_parser(
        "chat", help="talk with an instruction-finetuned model in the terminal",
        description="A conversation in the terminal with an instruction-finetuned checkpoint (notebook 11):\n"
                    "type a message, read the reply as it is written.",
        epilog=CHAT_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_sampling(parser, temperature=0.7, top_p=0.9)
    parser.add_argument("--length", type=positive_int, default=200, help="longest reply in tokens (default 200)")
    parser.set_defaults(run=run_chat, interrupted="bye")


def run_chat(args) -> None:
    from .cli_train import chat  # it imports buildllm.chat (notebook 11) only now

    chat(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m buildllm", description="The command line of the course Build an LLM from Scratch.",
        epilog="Run `python -m buildllm COMMAND --help` for a command's options and examples.")
    commands = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND")
    add_prepare(commands)
    add_train(commands)
    add_generate(commands)
    add_chat(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .corpora import DownloadError

    try:
        args.run(args)
    except (OSError, ValueError, DownloadError) as error:  # PrepareError, CheckpointError: ValueErrors
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(args.interrupted, file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
