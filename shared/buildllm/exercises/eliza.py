"""Checks for the exercises of notebook 01 (ELIZA)."""

from __future__ import annotations

import copy

from . import exercise, expect


@exercise("Teach ELIZA about dreams")
def check_dream_keyword(teach_dreams) -> None:
    from ..eliza import DOCTOR, Eliza

    original = copy.deepcopy(DOCTOR)
    script = teach_dreams(DOCTOR)
    expect(DOCTOR == original, "DOCTOR itself changed: start with `script = copy.deepcopy(script)` and change the copy.")
    expect(isinstance(script, dict), "teach_dreams should return the new script (a dict).")
    expect("dream" in script.get("synonyms", {}), 'Add the synonym group: script["synonyms"]["dream"] = [...].')
    expect(
        {"dream", "dreams", "dreamed", "dreamt", "nightmare"} <= set(script["synonyms"]["dream"]),
        "The dream group should hold dream, dreams, dreamed, dreamt and nightmare.",
    )
    expect("@dream" in script.get("keywords", {}), 'Add the keyword: script["keywords"]["@dream"] = {"rank": ..., "rules": [...]}.')
    try:
        eliza = Eliza(script)
    except ValueError as error:
        expect(False, f"ELIZA rejects the script: {error}")

    first = eliza.respond("I dreamed about a flying whale")
    expect(eliza.last_rule == ("@dream", ["*", "i", "@dream", "*"]), f"'I dreamed about a flying whale' was answered by {eliza.last_rule}, not by your ['*', 'i', '@dream', '*'] rule.")
    expect("about a flying whale" in first, f"The reply {first!r} should repeat what was dreamed ({{4}}: 'about a flying whale').")
    again = eliza.respond("I dreamed about a flying whale")
    expect(again != first, "The same dream told twice should get the rule's next reply: give it at least two replies.")
    third = eliza.respond("I dreamt that you were chasing me")
    expect((eliza.last_rule or ("",))[0] == "@dream", "'I dreamt ...' should be answered by your @dream rule too.")
    expect("that I were chasing you" in third or "that I was chasing you" in third, f"{third!r}: use {{4}} so the reply reflects 'that you were chasing me'.")

    mine = eliza.respond("My dream scared me")
    expect(eliza.last_rule is not None and eliza.last_rule[0] == "@dream", f"'My dream scared me' was answered by {eliza.last_rule}: give @dream a rank above my's ({script['keywords']['my']['rank']}).")
    expect(mine not in (first, again, third), "Sentences that mention a dream without 'i' should use the ['*'] rule's replies.")
    eliza.respond("What a nightmare")
    expect((eliza.last_rule or ("",))[0] == "@dream", "'nightmare' should count as a dream word.")
    eliza.respond("I am tired")
    expect((eliza.last_rule or ("",))[0] == "i", "Sentences without dreams should still get ELIZA's usual replies.")
