"""The instruction data of notebook 11: Alpaca form, every checkable answer recomputed here, fixed splits, no leakage.

Each checkable answer is worked out again from the entry's own words (its sum, word, list or passage) with rules
written here, never with the generator's code or tables.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter

import pytest

from buildllm import corpora
from helpers import ROOT

INSTRUCTIONS = ROOT / "data" / "instructions"
FILES = {"handwritten": INSTRUCTIONS / "handwritten.json", "generated": INSTRUCTIONS / "generated.json"}
CHECKABLE = {"arithmetic", "counting", "unit_conversion", "plural", "sorting", "capitalisation", "passage_qa"}
FREE = {"world_qa", "writing", "completion", "title"}


@functools.cache
def entries(name: str) -> tuple[dict, ...]:
    return tuple(json.loads(FILES[name].read_text(encoding="utf-8")))


def everything() -> list[dict]:
    return [entry for name in FILES for entry in entries(name)]


# --------------------------------------------------------------------------- the answers, worked out again

UNITS = {  # how many of the first unit make one of the second
    ("centimetres", "metres"): 100, ("millimetres", "centimetres"): 10, ("grams", "kilograms"): 1000,
    ("minutes", "hours"): 60, ("seconds", "minutes"): 60, ("hours", "days"): 24, ("days", "weeks"): 7,
    ("months", "years"): 12, ("millilitres", "litres"): 1000, ("metres", "kilometres"): 1000,
    ("pence", "pounds"): 100,
}
IRREGULAR = {"mouse": "mice", "goose": "geese", "child": "children", "foot": "feet", "tooth": "teeth",
             "man": "men", "woman": "women", "person": "people", "ox": "oxen", "sheep": "sheep", "deer": "deer",
             "fish": "fish", "roof": "roofs", "chief": "chiefs"}


def plural_of(word: str) -> str:
    """English plural by the school rules, and the exceptions a child learns by heart."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if re.search(r"(s|x|z|ch|sh)$", word) or word in {"potato", "tomato", "hero", "echo"}:
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith("fe"):
        return word[:-2] + "ves"
    if word.endswith("f"):
        return word[:-1] + "ves"
    return word + "s"


def expected_answer(entry: dict) -> tuple[str, tuple]:
    """The right answer of a checkable entry, and the problem it solves (the same problem must not be in two splits)."""
    task, instruction, given = entry["task"], entry["instruction"], entry["input"]
    if task == "arithmetic":
        if m := re.fullmatch(r"What is (\d+) (plus|minus|times) (\d+)\?", instruction):
            a, op, b = int(m[1]), m[2], int(m[3])
        else:
            a, b = map(int, re.findall(r"\d+", given))
            op = {" more.": "plus", " away.": "minus", " in each.": "times"}[re.search(r" (more|away|in each)\.$",
                                                                                        given)[0]]
        return str({"plus": a + b, "minus": a - b, "times": a * b}[op]), (a, op, b)
    if task == "counting":
        if m := re.fullmatch(r'How many times does the letter "(\w)" appear in the word "(\w+)"\?', instruction):
            return str(sum(letter == m[1] for letter in m[2])), (m[1], m[2])
        if m := re.fullmatch(r'How many vowels \(a, e, i, o, u\) are in the word "(\w+)"\?', instruction):
            return str(sum(letter in "aeiou" for letter in m[1])), ("vowels", m[1])
        if instruction == "How many things are in this list?":
            return str(len(given.split(", "))), tuple(sorted(given.split(", ")))
        assert instruction == "How many words are in this sentence?", instruction
        return str(len(re.findall(r"\S+", given))), (given,)
    if task == "unit_conversion":
        if m := re.fullmatch(r"How many (\w+) are in (\d+) (\w+)\?", instruction):
            return str(int(m[2]) * UNITS[m[1], m[3]]), (m[1], m[3], int(m[2]))
        m = re.fullmatch(r"How many (\w+) are (\d+) (\w+)\?", instruction)
        number, remainder = divmod(int(m[2]), UNITS[m[3], m[1]])
        assert remainder == 0, instruction
        return str(number), (m[3], m[1], number)
    if task == "plural":
        word = re.fullmatch(r'(?:What is the plural of|Write the plural of the word|Give the plural form of) "(\w+)"'
                            r"[?.]", instruction)[1]
        return plural_of(word), (word,)
    if task == "sorting":
        items = given.split(", ")
        if instruction == "Sort these words into alphabetical order.":
            return ", ".join(sorted(items, key=str.lower)), tuple(sorted(items))
        descending = {"Sort these numbers from smallest to largest.": False,
                      "Sort these numbers from largest to smallest.": True}[instruction]
        return ", ".join(map(str, sorted(map(int, items), reverse=descending))), tuple(sorted(items))
    if task == "capitalisation":
        answer = {
            "Write this word in capital letters.": given.upper(),
            "Write this title with a capital letter at the start of every word.":
                " ".join(word[:1].upper() + word[1:] for word in given.split(" ")),
            "Write this sentence in lower case.": given.lower(),
            "Start this sentence with a capital letter.": given[:1].upper() + given[1:],
        }[instruction]
        return answer, (given.lower(),)
    assert task == "passage_qa", task
    assert entry["output"] in given, (entry["output"], given[:80])
    if m := re.fullmatch(r'Read the passage\. Name the character who (said|asked) "(.+)"', instruction):
        # The quoted line, then a speech verb ("asked" if the question says so), then who spoke, up to the full stop.
        verb = "asked" if m[1] == "asked" else r"\w+"
        speaker = r"((?:Mr|Mrs|Ms|Dr)\. \w+|\w+(?: [A-Z]\w+)?)\."
        found = re.search(re.escape(f'"{m[2].rstrip("?!")}') + rf'[,?!]" {verb} ' + speaker, given)
        return found[1], tuple(given.split("\n\n"))
    if m := re.fullmatch(r"Read the passage\. What is the name of the (.+)\? Answer with a name\.", instruction):
        name = re.search(rf"\b{m[1]} named (\w+)", given)[1]
        return name, tuple(given.split("\n\n"))
    return entry["output"], tuple(given.split("\n\n"))  # a hand-written question: its answer stands in the passage


def test_every_checkable_answer_is_right():
    wrong = [(entry, expected_answer(entry)[0]) for entry in everything() if entry["task"] in CHECKABLE
             if expected_answer(entry)[0] != entry["output"]]
    assert not wrong, wrong[:3]


def test_the_checker_catches_a_wrong_answer():
    # The recomputation is not a formality: one wrong entry of each checkable task is caught.
    for task in sorted(CHECKABLE):
        entry = next(entry for entry in entries("generated") if entry["task"] == task)
        if task == "passage_qa":  # an answer that is not in the passage
            with pytest.raises(AssertionError):
                expected_answer({**entry, "output": "Nobody"})
        else:
            assert expected_answer({**entry, "output": entry["output"] + "s"})[0] != entry["output"] + "s", task


@pytest.mark.parametrize(("word", "plural"), [("leaf", "leaves"), ("knife", "knives"), ("bus", "buses"),
                                              ("lily", "lilies"), ("toy", "toys"), ("mouse", "mice")])
def test_plural_rules_of_the_checker(word, plural):
    assert plural_of(word) == plural


# ------------------------------------------------------------------------------------------ form and size


def test_entries_have_the_alpaca_fields_and_a_task():
    for entry in everything():
        assert list(entry) == ["instruction", "input", "output", "task"], entry
        assert all(isinstance(value, str) for value in entry.values()), entry
        assert entry["instruction"].strip() == entry["instruction"] != "", entry
        assert entry["output"].strip() == entry["output"] != "", entry
        assert entry["task"] in CHECKABLE | FREE, entry
        assert len(entry["output"]) <= 250, entry  # short answers, for a small model
        # nothing that a prompt template or the tokenizer treats as special
        assert not any(mark in value for value in entry.values() for mark in ("<|endoftext|>", "###")), entry


def test_sizes_and_the_share_of_checkable_answers():
    all_entries = everything()
    assert len(all_entries) >= 1100, len(all_entries)
    checkable = sum(entry["task"] in CHECKABLE for entry in all_entries)
    assert checkable / len(all_entries) >= 0.4, (checkable, len(all_entries))
    assert len(entries("handwritten")) >= 100
    tasks = Counter(entry["task"] for entry in all_entries)
    assert set(tasks) == CHECKABLE | FREE and min(tasks.values()) >= 40, tasks
    assert corpora.CHECKABLE_TASKS == tuple(sorted(CHECKABLE, key=corpora.CHECKABLE_TASKS.index))


def test_passages_come_from_the_stories():
    stories = re.sub(r"\s+", " ", " ".join(path.read_text(encoding="utf-8")
                                            for path in (ROOT / "data" / "stories" / "handwritten").glob("*.txt")))
    for entry in everything():
        if entry["task"] in ("passage_qa", "title", "completion"):
            for paragraph in entry["input"].split("\n\n"):
                assert paragraph in stories, paragraph[:80]


# ------------------------------------------------------------------------------------------------ the splits


def splits_by_slicing() -> dict[str, list[dict]]:
    chosen = {"train": [], "valid": [], "test": []}
    for name in FILES:
        for task in sorted(CHECKABLE | FREE):
            items = [entry for entry in entries(name) if entry["task"] == task]
            chosen["valid"] += items[4::10]
            chosen["test"] += items[9::10]
            chosen["train"] += [entry for i, entry in enumerate(items) if i % 10 not in (4, 9)]
    return chosen


def key(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True)


def test_loader_splits_match_the_rule_and_hold_every_task():
    for split, expected in splits_by_slicing().items():
        loaded = corpora.load_instructions(split)
        assert Counter(map(key, loaded)) == Counter(map(key, expected)), split
        if split != "train":
            assert {entry["task"] for entry in loaded} == CHECKABLE | FREE, split
            assert abs(len(loaded) - len(everything()) / 10) <= 12, (split, len(loaded))
    assert corpora.load_instructions("all") == everything()


def test_no_leakage_between_splits():
    owner: dict[tuple, str] = {}
    for split in ("train", "valid", "test"):
        for entry in corpora.load_instructions(split):
            task = entry["task"]
            keys = [("prompt", entry["instruction"].lower(), entry["input"].lower())]
            if task in CHECKABLE:
                keys.append((task, expected_answer(entry)[1]))  # the same problem, however it is phrased
            if task in FREE:
                keys.append(("answer", entry["output"].lower()))  # the same free answer to another question
            if task in ("passage_qa", "title", "completion"):
                keys += [("story text", part) for part in entry["input"].split("\n\n")]  # the same passage
            for k in keys:
                assert owner.setdefault(k, split) == split, f"{k} is in {owner[k]} and {split}"


# --------------------------------------------------------------------------------------------- the loader API


def test_any_alpaca_file_loads(tmp_path):
    path = tmp_path / "alpaca.json"
    rows = [{"instruction": f"Say {i}.", "input": "", "output": str(i)} for i in range(20)]
    rows[3] = {"instruction": "Say three.", "output": "3"}  # no "input": read as ""
    path.write_text(json.dumps(rows), encoding="utf-8")
    loaded = corpora.load_instructions("all", path)
    assert loaded[3] == {"input": "", "instruction": "Say three.", "output": "3"}
    assert [entry["output"] for entry in corpora.load_instructions("test", path)] == ["9", "19"]
    assert [entry["output"] for entry in corpora.load_instructions("valid", path)] == ["4", "14"]


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "is not valid JSON"),
    ('{"instruction": "x"}', "holds a dict; expected a list"),
    ('[{"instruction": "x", "input": ""}]', r"entry 0: expected an object"),
    ('[{"instruction": "x", "input": 3, "output": "y"}]', r"entry 0: expected an object"),
    ('["just text"]', r"entry 0: expected an object"),
])
def test_a_bad_file_is_refused_clearly(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        corpora.load_instructions("all", path)


def test_an_unknown_split_is_refused():
    with pytest.raises(ValueError, match="choose one of train, valid, test, all"):
        corpora.load_instructions("dev")


# ------------------------------------------------------------------------------------------------ the generator


@functools.cache
def generator():
    return corpora.load_generator(INSTRUCTIONS / "generator" / "generate_instructions.py")


def test_generator_reproduces_the_committed_file():
    module = generator()
    assert module.generate(module.SEED).encode("utf-8") == FILES["generated"].read_bytes(), (
        "regenerate with `python data/instructions/generator/generate_instructions.py`"
    )


def test_check_mode_reports_a_changed_file(tmp_path, monkeypatch, capsys):
    module = generator()
    copy = tmp_path / "generated.json"
    copy.write_bytes(FILES["generated"].read_bytes())
    monkeypatch.setattr(module, "OUTPUT_PATH", str(copy))
    assert module.main(["--check"]) == 0
    copy.write_text(copy.read_text(encoding="utf-8").replace('"output": "', '"output": "x', 1), encoding="utf-8")
    assert module.main(["--check"]) == 1
    assert "differs" in capsys.readouterr().out


def test_generator_states_its_licence():
    doc = generator().__doc__
    assert "CC BY 4.0" in doc and "MIT" in doc and "manifest" in doc
