"""Checks for the exercises of notebook 11 (instruction finetuning)."""

from __future__ import annotations

import re

from . import exercise, expect

ENTRIES = [
    {"instruction": "Sort these words into alphabetical order.", "input": "kiwi, moss, quilt, pond, tulip",
     "output": "kiwi, moss, pond, quilt, tulip"},
    {"instruction": 'What is the plural of "fox"?', "input": "", "output": "foxes"},
    {"instruction": "Read the passage. Who found the key?", "input": "Mila looked under the mat.\n\nThe key was there.",
     "output": "Mila"},
    {"instruction": "Write a title.", "output": "The Lost Kite"},  # no "input" key at all: the same as ""
]


def _phi3_by_hand(entry: dict) -> str:
    # Written out piece by piece: the user tag line, the instruction, the input on the next line if there is one.
    text = "<|user|>" + "\n" + entry["instruction"]
    if entry.get("input", ""):
        text = text + "\n" + entry["input"]
    return text + "<|end|>" + "\n" + "<|assistant|>" + "\n"


@exercise("A Phi-3-style template")
def check_phi3_prompt(phi3_prompt) -> None:
    for entry in ENTRIES:
        got = phi3_prompt(dict(entry))
        wanted = _phi3_by_hand(entry)
        expect(isinstance(got, str), f"Return the prompt as a string, got {type(got).__name__}.")
        if got == wanted:
            continue
        hint = f"For {entry}, expected {wanted!r}, got {got!r}."
        if not entry.get("input") and "\n\n" in got:
            hint += " With no input, no input line (and no empty line) is added."
        elif entry.get("input") and entry["input"] not in got:
            hint += " Put the entry's input on the line after the instruction."
        elif not got.endswith("<|assistant|>\n"):
            hint += " End with the assistant tag and a newline: the response starts on the next line."
        elif got.startswith("<|user|>") and not got.startswith("<|user|>\n"):
            hint += " The user tag stands on its own line."
        expect(False, hint)


SENTENCES = [
    ("The fox ran to the old mill.", "mill"),
    ('"Is that you?" asked Mila\'s brother, "Ravi\'s"', "Ravi's"),
    ("She counted 42", "42"),
    ("Then, quietly, the kite came down!!!", "down"),
    ("Étienne waved at Zoë", "Zoë"),
    ("It was the end...  ", "end"),
]
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


@exercise("The last-word task and its checker")
def check_last_word_task(last_word_entry, is_correct) -> None:
    for sentence, last in SENTENCES:
        entry = last_word_entry(sentence)
        expect(isinstance(entry, dict), f"last_word_entry should return a dict (an entry), got {type(entry).__name__}.")
        missing = [key for key in ("instruction", "input", "output", "task") if key not in entry]
        expect(not missing, f"The entry needs the keys instruction, input, output and task; missing: {missing}.")
        expect(entry["instruction"] == "What is the last word of this sentence?",
               f"Use the instruction 'What is the last word of this sentence?', got {entry['instruction']!r}.")
        expect(entry["input"] == sentence, f"The input is the sentence itself, got {entry['input']!r}.")
        expect(entry["task"] == "last_word", f"Name the task 'last_word', got {entry['task']!r}.")
        expect(entry["output"] == last,
               f"The last word of {sentence!r} is {last!r}, got {entry['output']!r}: take the last match of WORD, "
               "which leaves out quotes and punctuation and keeps inner apostrophes.")
    entry = last_word_entry("The fox ran to the old mill.")
    for response in ("mill", "Mill.", " MILL ", '"mill"', "mill!"):
        expect(is_correct(response, entry) is True or is_correct(response, entry) == 1,
               f"is_correct({response!r}, entry) should be True for the last word 'mill': ignore case, spaces, "
               "quotes and punctuation around it.")
    for response in ("", "old mill", "mills", "the mill", "mil", "fox"):
        expect(not is_correct(response, entry),
               f"is_correct({response!r}, entry) should be False: only the word 'mill' itself counts.")
    other = last_word_entry("She counted 42")
    expect(is_correct("42", other) and not is_correct("4 2", other) and not is_correct("41", other),
           "Check a number as a word too: '42' is right for 'She counted 42', '4 2' and '41' are not.")
