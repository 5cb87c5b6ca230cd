"""Notebook 01's exercise's solution (from the notebook) passes its check, and wrong answers fail it."""

import copy

from buildllm.eliza import DOCTOR
from buildllm.exercises.eliza import check_dream_keyword
from helpers import solution_code


def run_solution(notebook, exercise, name):
    namespace = {"copy": copy, "check_dream_keyword": check_dream_keyword}
    exec(solution_code(notebook, exercise), namespace)
    return namespace[name]


def test_eliza_dream_solution_passes(capsys):
    assert check_dream_keyword(run_solution("01_eliza", 1, "teach_dreams"))
    assert "[PASS]" in capsys.readouterr().out


def dreams_with(rank=4, replies=("Really, {4}?", "Have you imagined {4} while awake?"), copy_first=True):
    def teach(script):
        script = copy.deepcopy(script) if copy_first else script
        script["synonyms"]["dream"] = ["dream", "dreams", "dreamed", "dreamt", "nightmare"]
        script["keywords"]["@dream"] = {"rank": rank, "rules": [
            {"pattern": ["*", "i", "@dream", "*"], "replies": list(replies)},
            {"pattern": ["*"], "replies": ["Tell me about that dream."]},
        ]}
        return script
    return teach


def test_eliza_wrong_answers_fail(capsys):
    assert check_dream_keyword(dreams_with())  # the control: this one is right
    assert not check_dream_keyword(dreams_with(rank=1))
    assert "rank above" in capsys.readouterr().out
    assert not check_dream_keyword(dreams_with(replies=("Really?", "How odd.")))
    assert not check_dream_keyword(dreams_with(replies=("Really, {4}?",)))
    assert not check_dream_keyword(lambda script: script)


def test_eliza_changing_doctor_itself_fails():
    saved = copy.deepcopy(DOCTOR)
    try:
        assert not check_dream_keyword(dreams_with(copy_first=False))
    finally:
        DOCTOR.clear()
        DOCTOR.update(saved)
