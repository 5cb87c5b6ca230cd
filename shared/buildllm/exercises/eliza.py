"""Checks for the exercises of notebook 01 (ELIZA)."""

from __future__ import annotations

import copy

from . import exercise, expect


def _new_script(teach, title_of_function: str):
    """Run the learner's function on DOCTOR; DOCTOR must stay as it was and the result must be a script."""
    from ..eliza import DOCTOR

    original = copy.deepcopy(DOCTOR)
    script = teach(DOCTOR)
    expect(DOCTOR == original,
           "DOCTOR itself changed: start with `script = copy.deepcopy(script)` and change the copy.")
    expect(isinstance(script, dict), f"{title_of_function} should return the new script (a dict).")
    return script


def _eliza(script):
    from ..eliza import Eliza, ScriptError

    try:
        return Eliza(script)
    except ScriptError as error:
        expect(False, f"ELIZA rejects the script: {error}")


def _answered_by(eliza, keyword: str) -> bool:
    return eliza.last_rule is not None and eliza.last_rule[0] == keyword


def _expect_outranks_my(script, keyword: str) -> None:
    rank, my_rank = script["keywords"][keyword].get("rank"), script["keywords"]["my"]["rank"]
    expect(isinstance(rank, int) and rank > my_rank,
           f"Give {keyword} a rank above my's ({my_rank}), so that 'my ...' sentences go to {keyword}; got {rank!r}.")


@exercise("Teach ELIZA about dreams")
def check_dream_keyword(teach_dreams) -> None:
    script = _new_script(teach_dreams, "teach_dreams")
    expect("dream" in script.get("synonyms", {}), 'Add the synonym group: script["synonyms"]["dream"] = [...].')
    expect({"dream", "dreams", "dreamed", "dreamt", "nightmare"} <= set(script["synonyms"]["dream"]),
           "The dream group should hold dream, dreams, dreamed, dreamt and nightmare.")
    expect("@dream" in script.get("keywords", {}),
           'Add the keyword: script["keywords"]["@dream"] = {"rank": ..., "rules": [...]}.')
    eliza = _eliza(script)
    _expect_outranks_my(script, "@dream")

    first = eliza.respond("I dreamed about a flying whale")
    expect(eliza.last_rule == ("@dream", ["*", "i", "@dream", "*"]),
           f"'I dreamed about a flying whale' was answered by {eliza.last_rule}, not by your "
           "['*', 'i', '@dream', '*'] rule.")
    expect("about a flying whale" in first,
           f"The reply {first!r} should repeat what was dreamed ({{4}}: 'about a flying whale').")
    again = eliza.respond("I dreamed about a flying whale")
    expect(again != first, "The same dream told twice should get the rule's next reply: give it at least two replies.")
    third = eliza.respond("I dreamt that you were chasing me")
    expect("that I were chasing you" in third or "that I was chasing you" in third,
           f"{third!r}: let every reply of the rule use {{4}}, so it reflects 'that you were chasing me'.")

    eliza.respond("My dream scared me")
    expect(eliza.last_rule == ("@dream", ["*"]),
           f"'My dream scared me' was answered by {eliza.last_rule}: add the rule with pattern ['*'] to @dream.")
    eliza.respond("I am tired")
    expect(_answered_by(eliza, "i"), "Sentences without dreams should still get ELIZA's usual replies: keep "
                                     "DOCTOR's keywords and add yours.")


@exercise("A rule with a memory")
def check_work_memory(teach_work_memory) -> None:
    script = _new_script(teach_work_memory, "teach_work_memory")
    expect({"work", "job", "boss", "office"} <= set(script.get("synonyms", {}).get("work", [])),
           'Add the synonym group script["synonyms"]["work"], holding at least work, job, boss and office.')
    entry = script.get("keywords", {}).get("@work")
    expect(isinstance(entry, dict), 'Add the keyword: script["keywords"]["@work"] = {"rank": ..., "rules": [...], '
                                    '"memory": [...]}.')
    expect(entry.get("memory"), 'Give @work a "memory" list: [{"pattern": [...], "replies": [...]}].')
    eliza = _eliza(script)
    _expect_outranks_my(script, "@work")

    eliza.respond("My boss shouts at me")
    expect(eliza.last_rule == ("@work", ["*", "my", "@work", "*"]),
           f"'My boss shouts at me' was answered by {eliza.last_rule}: add the rule ['*', 'my', '@work', '*'].")
    expect(eliza.memory, "Nothing was put aside: the memory rule's pattern should fit 'my boss shouts at me', "
                         "as ['*', 'my', '@work', '*'] does.")
    later = eliza.respond("The weather was grey")
    expect("your boss shouts at you" in later.lower(),
           f"Your memory came back as {later!r}: use {{3}} and {{4}} so it repeats 'your boss shouts at you'.")
    eliza.respond("I hate my job")
    expect(_answered_by(eliza, "@work"), f"'I hate my job' was answered by {eliza.last_rule}: give @work a rule "
                                         "with pattern ['*'] too, for sentences where nothing follows the work word.")
    eliza.respond("I am tired")
    expect(_answered_by(eliza, "i"), "Sentences without work words should still get ELIZA's usual replies: keep "
                                     "DOCTOR's keywords and add yours.")
