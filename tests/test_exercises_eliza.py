"""Notebook 01's exercises: each solution (from the notebook) passes its check; each wrong answer fails it with the
hint written for that mistake."""

import copy

import pytest

from buildllm.eliza import DOCTOR
from buildllm.exercises.eliza import check_dream_keyword, check_work_memory
from helpers import solution_code


def run_solution(exercise, name, check):
    namespace = {"copy": copy, check.__name__: check}
    exec(solution_code("01_eliza", exercise), namespace)
    return namespace[name]


@pytest.fixture
def doctor_restored():
    """For a wrong answer that changes DOCTOR itself: put it back afterwards."""
    saved = copy.deepcopy(DOCTOR)
    yield
    DOCTOR.clear()
    DOCTOR.update(saved)


def test_dream_solution_passes(capsys):
    assert check_dream_keyword(run_solution(1, "teach_dreams", check_dream_keyword))
    assert "[PASS] Teach ELIZA about dreams" in capsys.readouterr().out


def test_work_memory_solution_passes(capsys):
    assert check_work_memory(run_solution(2, "teach_work_memory", check_work_memory))
    assert "[PASS] A rule with a memory" in capsys.readouterr().out


def dreams(rank=4, group=("dream", "dreams", "dreamed", "dreamt", "nightmare"),
           replies=("Really, {4}?", "Have you imagined {4} while awake?"), catch_all=True, copy_first=True,
           keep_doctor=True):
    """A dream answer, right by default; each argument makes one mistake."""
    def teach(script):
        script = copy.deepcopy(script) if copy_first else script
        if not keep_doctor:
            script["keywords"] = {}
        script["synonyms"]["dream"] = list(group)
        rules = [{"pattern": ["*", "i", "@dream", "*"], "replies": list(replies)}]
        if catch_all:
            rules.append({"pattern": ["*"], "replies": ["Tell me about that dream."]})
        script["keywords"]["@dream"] = {"rank": rank, "rules": rules}
        if not keep_doctor:
            script["keywords"]["my"] = {"rank": 2, "rules": [{"pattern": ["*"], "replies": ["Yours?"]}]}
        return script
    return teach


def no_dream_keyword(script):
    script = copy.deepcopy(script)
    script["synonyms"]["dream"] = ["dream", "dreams", "dreamed", "dreamt", "nightmare"]
    return script


@pytest.mark.parametrize("answer, hint", [
    (dreams(rank=1), "Give @dream a rank above my's (2)"),
    (dreams(rank="high"), "ELIZA rejects the script: Keyword '@dream' needs a whole-number 'rank'"),
    (dreams(group=("dream", "dreams")), "The dream group should hold"),
    (dreams(replies=("Really?", "How odd.")), "should repeat what was dreamed"),
    (dreams(replies=("Really, {4}?",)), "give it at least two replies"),
    (dreams(replies=("Really, {4}?", "Have you imagined {4}?", "How odd.")), "let every reply of the rule use {4}"),
    (dreams(catch_all=False), "add the rule with pattern ['*'] to @dream"),
    (dreams(keep_doctor=False), "keep DOCTOR's keywords"),
    (no_dream_keyword, 'Add the keyword: script["keywords"]["@dream"]'),
    (lambda script: copy.deepcopy(script), 'Add the synonym group: script["synonyms"]["dream"]'),
    (lambda script: None, "teach_dreams should return the new script"),
])
def test_dream_wrong_answers_get_their_hint(answer, hint, capsys):
    assert not check_dream_keyword(answer)
    out = capsys.readouterr().out
    assert "[TRY AGAIN]" in out and hint in out


def test_dream_answer_that_changes_doctor_fails(doctor_restored, capsys):
    assert not check_dream_keyword(dreams(copy_first=False))
    assert "DOCTOR itself changed" in capsys.readouterr().out


def work(rank=3, group=("work", "job", "boss", "office"), memory=("You mentioned that your {3} {4}.",),
         memory_pattern=("*", "my", "@work", "*"), catch_all=True, copy_first=True, keep_doctor=True):
    """A work-memory answer, right by default; each argument makes one mistake."""
    def teach(script):
        script = copy.deepcopy(script) if copy_first else script
        if not keep_doctor:
            script["keywords"] = {"my": {"rank": 2, "rules": [{"pattern": ["*"], "replies": ["Yours?"]}]}}
        script["synonyms"]["work"] = list(group)
        rules = [{"pattern": ["*", "my", "@work", "*"], "replies": ["Why do you think your {3} {4}?"]}]
        if catch_all:
            rules.append({"pattern": ["*"], "replies": ["Tell me about your work."]})
        entry = {"rank": rank, "rules": rules}
        if memory:
            entry["memory"] = [{"pattern": list(memory_pattern), "replies": list(memory)}]
        script["keywords"]["@work"] = entry
        return script
    return teach


@pytest.mark.parametrize("answer, hint", [
    (work(rank=2), "Give @work a rank above my's (2)"),
    (work(group=("work", "job")), 'Add the synonym group script["synonyms"]["work"]'),
    (work(memory=()), 'Give @work a "memory" list'),
    (work(memory_pattern=("*", "i", "@work", "*")), "Nothing was put aside"),
    (work(memory=("Let us talk about work again.",)), "use {3} and {4} so it repeats 'your boss shouts at you'"),
    (work(memory=("Your {4}?",)), "use {3} and {4}"),
    (work(catch_all=False), "give @work a rule with pattern ['*'] too"),
    (work(keep_doctor=False), "keep DOCTOR's keywords"),
    (work(memory=("You mentioned {9}.",)), "ELIZA rejects the script: Reply 'You mentioned {9}.'"),
    (lambda script: {**copy.deepcopy(script), "synonyms": {"work": ["work", "job", "boss", "office"]},
                     "keywords": {**script["keywords"], "@work": ["oops"]}},
     'Add the keyword: script["keywords"]["@work"] = {"rank": ..., "rules": [...], "memory": [...]}'),
    (lambda script: "DOCTOR", "teach_work_memory should return the new script"),
])
def test_work_memory_wrong_answers_get_their_hint(answer, hint, capsys):
    assert not check_work_memory(answer)
    out = capsys.readouterr().out
    assert "[TRY AGAIN]" in out and hint in out


def test_work_memory_keyword_missing_gets_its_hint(capsys):
    def group_only(script):
        script = copy.deepcopy(script)
        script["synonyms"]["work"] = ["work", "job", "boss", "office"]
        return script
    assert not check_work_memory(group_only)
    assert 'Add the keyword: script["keywords"]["@work"]' in capsys.readouterr().out


def test_work_memory_answer_that_changes_doctor_fails(doctor_restored, capsys):
    assert not check_work_memory(work(copy_first=False))
    assert "DOCTOR itself changed" in capsys.readouterr().out


def test_unfinished_exercises_say_todo(capsys):
    def unfinished(script):
        raise NotImplementedError

    assert not check_dream_keyword(unfinished) and not check_work_memory(unfinished)
    assert capsys.readouterr().out.count("[TODO]") == 2
