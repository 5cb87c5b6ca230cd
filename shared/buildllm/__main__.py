"""The course's command line: ``python -m buildllm COMMAND [options]``; ``--help`` after any command explains it.

Hand-written. One function per command adds its subparser and names the function that runs it; today there is
``prepare`` (text to a token file). An error a user can fix is printed in one line, with the fix, and exit status 1.
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
    parser.set_defaults(run=run_prepare)


def run_prepare(args) -> None:
    import numpy as np

    from .tokenfiles import prepare, read_info

    for path in prepare(args.source, args.tokenizer, args.output, force=args.force,
                        specials_as_text=args.specials_as_text, progress=not args.quiet):
        info = read_info(path)
        print(f"{path}: {info['count']:,} ids ({np.dtype(info['dtype']).name}) from {info['text_bytes']:,} bytes, "
              f"{info['text_bytes'] / max(info['count'], 1):.2f} bytes per token, tokenizer "
              f"{info['tokenizer']['name']} ({info['tokenizer']['n_vocab']:,} ids)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m buildllm", description="The command line of the course Build an LLM from Scratch.",
        epilog="Run `python -m buildllm COMMAND --help` for a command's options and examples.")
    commands = parser.add_subparsers(title="commands", dest="command", required=True, metavar="COMMAND")
    add_prepare(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .corpora import DownloadError

    try:
        args.run(args)
    except (OSError, ValueError, DownloadError) as error:  # PrepareError is a ValueError
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: no token file was left half-written", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
