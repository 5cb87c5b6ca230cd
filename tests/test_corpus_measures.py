"""The shipped data: the manifest matches the files, the corpus is big and varied enough, the generator reproduces it.

The measures are computed here from the files themselves, with the definitions of the issue that set them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter

import pytest

from buildllm import corpora
from helpers import EOT, ROOT, STORIES, stories_in


@functools.cache
def handwritten() -> list[str]:
    return [story for path in sorted((STORIES / "handwritten").glob("*.txt")) for story in stories_in(path)]


@functools.cache
def everything() -> list[str]:
    return handwritten() + stories_in(STORIES / "generated.txt")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def shipped_files() -> set[str]:
    """Every data file under data/ (not the manifest and README themselves), as a path from the repository root."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "data").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.name not in {"manifest.json", "README.md"}
    }


# -------------------------------------------------------------------------------------------- the manifest


def test_manifest_matches_the_files():
    manifest = json.loads((ROOT / "data" / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["path"] for entry in manifest} == shipped_files()
    for entry in manifest:
        data = (ROOT / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data), entry["path"]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), (
            f"{entry['path']} changed: refresh the manifest with `python -m buildllm.corpora --manifest`"
        )
        # Data under CC BY 4.0, code under MIT: the generator holds both, and its docstring says the same.
        expected = ("MIT" if entry["path"] == "data/seeded_generator.py"
                    else "MIT (code); CC BY 4.0 (word lists and templates)" if entry["path"].endswith(".py")
                    else "CC BY 4.0")
        assert entry["licence"] == expected, entry["path"]
        assert entry["origin"], entry["path"]
    assert manifest == corpora.manifest_entries(), "refresh with `python -m buildllm.corpora --manifest`"


# ------------------------------------------------------------------------------------------ the measures


def test_corpus_size():
    total = len(EOT.join(everything()).encode("utf-8"))
    by_hand = len(EOT.join(handwritten()).encode("utf-8"))
    assert total >= 1_000_000, f"whole corpus: {total:,} bytes (want at least 1,000,000)"
    assert by_hand >= 250_000, f"hand-written: {by_hand:,} bytes (want at least 250,000)"
    assert corpora.load_corpus("stories", "all") == EOT.join(everything())


def test_vocabulary():
    counts = Counter(word for story in everything() for word in words(story))
    repeated = sum(1 for count in counts.values() if count >= 2)
    assert repeated >= 3_000, f"{repeated:,} distinct words occur at least twice (want at least 3,000)"


def test_word_four_grams_are_varied():
    grams = [tuple(ws[i : i + 4]) for story in everything() for ws in [words(story)] for i in range(len(ws) - 3)]
    share = len(set(grams)) / len(grams)
    assert share >= 0.5, f"{len(set(grams)):,} distinct of {len(grams):,} word 4-grams: {share:.1%} (want >= 50%)"


def test_few_repeated_sentences():
    # A sentence ends after . ! or ? followed by white space; only sentences of at least four words count.
    sentences = [
        sentence
        for story in everything()
        for sentence in re.split(r"(?<=[.!?])\s+", story)
        if len(words(sentence)) >= 4
    ]
    seen, repeats = set(), 0
    for sentence in sentences:
        repeats += sentence in seen
        seen.add(sentence)
    share = repeats / len(sentences)
    assert share <= 0.10, (
        f"{repeats:,} of {len(sentences):,} sentences repeat an earlier one: {share:.1%} (want <= 10%)"
    )


# ----------------------------------------------------------------------------------------- the generator


def test_generator_reproduces_the_committed_file():
    generator = corpora.load_generator()
    text = generator.generate(generator.SEED)  # as its main() does
    committed = (STORIES / "generated.txt").read_bytes()
    assert text.encode("utf-8") == committed, "regenerate with `python data/stories/generator/generate_stories.py`"


def test_generator_licence_matches_the_manifest():
    doc = corpora.load_generator().__doc__
    assert "CC BY 4.0" in doc and "MIT" in doc and "manifest" in doc


def test_a_template_slot_that_nothing_fills_fails_when_the_generator_loads(tmp_path):
    source = (STORIES / "generator" / "generate_stories.py").read_text(encoding="utf-8")
    good_template = '"{A.name} and {B.name} had been friends since {since}.'
    assert good_template in source
    broken = tmp_path / "generate_stories.py"
    bad_template = good_template.replace("{since}", "{nowhere_table}")
    broken.write_text(source.replace(good_template, bad_template, 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"\{nowhere_table\} \(line \d+\)"):
        corpora.load_generator(broken)
