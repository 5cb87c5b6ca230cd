"""Notebook 11's exercise solutions pass their checks, and wrong answers fail them."""

from buildllm.exercises.instruct import check_last_word_task, check_phi3_prompt
from buildllm.instruct import WORD
from helpers import solution_code


def solution_functions(exercise, names):
    # The solution cells also measure or query the notebook's model; their definitions are what the checks see.
    code = solution_code("11_instruction_finetuning", exercise).split("\n\nif check_")[0]
    namespace = {"WORD": WORD}
    exec(code, namespace)
    return [namespace[name] for name in names]


# ----------------------------------------------------------------------------------- exercise 1: Phi-3 template


def test_phi3_solution_passes(capsys):
    [phi3_prompt] = solution_functions(1, ["phi3_prompt"])
    assert check_phi3_prompt(phi3_prompt)
    assert "[PASS]" in capsys.readouterr().out


def test_phi3_solution_by_hand():
    [phi3_prompt] = solution_functions(1, ["phi3_prompt"])
    assert phi3_prompt({"instruction": "Sort.", "input": "b, a"}) == "<|user|>\nSort.\nb, a<|end|>\n<|assistant|>\n"
    assert phi3_prompt({"instruction": "Hi", "input": ""}) == "<|user|>\nHi<|end|>\n<|assistant|>\n"


def test_phi3_wrong_answers_fail(capsys):
    def always_the_input_line(entry):
        return f"<|user|>\n{entry['instruction']}\n{entry.get('input', '')}<|end|>\n<|assistant|>\n"

    assert not check_phi3_prompt(always_the_input_line)
    assert "[TRY AGAIN]" in capsys.readouterr().out

    def no_final_newline(entry):
        content = entry["instruction"] + (f"\n{entry['input']}" if entry.get("input") else "")
        return f"<|user|>\n{content}<|end|>\n<|assistant|>"

    assert not check_phi3_prompt(no_final_newline)
    assert "assistant tag and a newline" in capsys.readouterr().out

    def blank_line_before_input(entry):
        content = entry["instruction"] + (f"\n\n{entry['input']}" if entry.get("input") else "")
        return f"<|user|>\n{content}<|end|>\n<|assistant|>\n"

    assert not check_phi3_prompt(blank_line_before_input)

    def unfinished(entry):
        raise NotImplementedError

    assert not check_phi3_prompt(unfinished)
    assert "[TODO]" in capsys.readouterr().out


# -------------------------------------------------------------------------------- exercise 2: a new task type


def test_last_word_solution_passes(capsys):
    make_entry, is_correct = solution_functions(2, ["last_word_entry", "is_correct"])
    assert check_last_word_task(make_entry, is_correct)
    assert "[PASS]" in capsys.readouterr().out


def test_last_word_solution_by_hand():
    make_entry, is_correct = solution_functions(2, ["last_word_entry", "is_correct"])
    sentence = 'Then she said, "Goodnight, Pip."'
    entry = make_entry(sentence)
    assert entry == {"instruction": "What is the last word of this sentence?", "input": sentence, "output": "Pip",
                     "task": "last_word"}
    assert is_correct(" pip. ", entry) and is_correct('"PIP"', entry)
    assert not is_correct("Goodnight, Pip", entry) and not is_correct("Pips", entry)


def test_last_word_wrong_answers_fail(capsys):
    make_entry, is_correct = solution_functions(2, ["last_word_entry", "is_correct"])

    def split_on_spaces(sentence):  # keeps the punctuation: "mill."
        return {**make_entry(sentence), "output": sentence.split()[-1]}

    assert not check_last_word_task(split_on_spaces, is_correct)
    assert "last match of WORD" in capsys.readouterr().out

    def case_sensitive(response, entry):
        return response.strip(' ."!') == entry["output"]

    assert not check_last_word_task(make_entry, case_sensitive)
    assert "ignore case" in capsys.readouterr().out

    def substring(response, entry):  # "old mill" contains "mill"
        return entry["output"].lower() in response.lower()

    assert not check_last_word_task(make_entry, substring)
    assert "only the word 'mill' itself" in capsys.readouterr().out

    def wrong_task_name(sentence):
        return {**make_entry(sentence), "task": "last word"}

    assert not check_last_word_task(wrong_task_name, is_correct)
