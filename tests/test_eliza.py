"""ELIZA's mechanisms, each checked on hand-worked cases."""

import copy
import time

import pytest

from buildllm.eliza import DOCTOR, Eliza, chat, check_script, clauses, match, reflect


def small_script(**keywords):
    """A minimal script with just the given keywords."""
    return {
        "greeting": "Hi.", "goodbye": "Bye now.", "goodbye_words": ["bye"], "synonyms": {"pet": ["cat", "dog"]},
        "keywords": keywords, "fallback": ["Go on.", "And then?"], "empty": ["Say something."],
    }


@pytest.mark.parametrize(
    "phrase, reflected",
    [
        ("i am sad about my dog", "you are sad about your dog"),
        ("you are kind to me", "I am kind to you"),
        ("you make me laugh", "I make you laugh"),
        ("i love you", "you love me"),
        ("this is mine and not yours", "this is yours and not mine"),
        ("the weather is fine", "the weather is fine"),
    ],
)
def test_reflection_swaps_first_and_second_person(phrase, reflected):
    assert reflect(phrase) == reflected


def test_clauses_split_at_punctuation_and_keep_any_alphabet():
    assert clauses("Hello, World! I'm here.") == [["hello"], ["world"], ["i'm", "here"]]
    assert clauses("Ça va? Très bien; 東京") == [["ça", "va"], ["très", "bien"], ["東京"]]
    assert clauses("?!... ,") == [] and clauses("") == []


def test_match_components_by_hand():
    assert match(["*", "i", "am", "*"], "oh i am so tired".split()) == ["oh", "i", "am", "so tired"]
    assert match(["*", "i", "am", "*"], "i am".split()) == ["", "i", "am", ""]
    assert match(["*", "i", "am", "*"], "you are".split()) is None
    assert match(["*", "my", "@pet", "*"], "my dog ate it".split(), {"pet": ["cat", "dog"]}) == ["", "my", "dog", "ate it"]
    assert match(["*", "my", "@pet", "*"], "my fish ate it".split(), {"pet": ["cat", "dog"]}) is None
    # leftmost: the first '*' takes as little as it can
    assert match(["*", "a", "*"], "x a y a z".split()) == ["x", "a", "y a z"]


def test_higher_ranked_keyword_wins_wherever_it_stands():
    script = small_script(
        low={"rank": 1, "rules": [{"pattern": ["*"], "replies": ["LOW"]}]},
        high={"rank": 5, "rules": [{"pattern": ["*"], "replies": ["HIGH"]}]},
    )
    eliza = Eliza(script)
    assert eliza.respond("low comes before high") == "HIGH"
    assert eliza.respond("only low here") == "LOW"
    assert Eliza(DOCTOR).respond("My computer hates me") == "Do machines worry you?"  # @machine (50) beats my (2)


def test_next_keyword_is_tried_when_no_pattern_fits():
    script = small_script(
        high={"rank": 5, "rules": [{"pattern": ["high", "only"], "replies": ["HIGH"]}]},
        low={"rank": 1, "rules": [{"pattern": ["*"], "replies": ["LOW"]}]},
    )
    assert Eliza(script).respond("low and high") == "LOW"


def test_reassembly_rules_take_turns_per_pattern():
    eliza = Eliza()
    replies = [eliza.respond("I am feeling tired of work") for _ in range(4)]
    assert replies[:3] == [
        "I am sorry to hear that you are tired.",
        "Do you think coming here will help you not to be tired?",
        "What makes you tired?",
    ] or replies[0] != replies[1]
    assert replies[0] == replies[3]  # three replies, then round again
    assert len(set(replies[:3])) == 3


def test_sad_synonyms_share_a_rule():
    for word in ["sad", "lonely", "worried"]:
        eliza = Eliza()
        assert eliza.respond(f"I am {word}") == f"I am sorry to hear that you are {word}."


def test_synonym_group_as_keyword_and_in_patterns():
    script = small_script(**{"@pet": {"rank": 2, "rules": [
        {"pattern": ["*", "my", "@pet", "*"], "replies": ["Tell me about your {3}."]},
        {"pattern": ["*"], "replies": ["Animals!"]},
    ]}})
    eliza = Eliza(script)
    assert eliza.respond("My cat is lazy") == "Tell me about your cat."
    assert eliza.respond("my dog bit me") == "Tell me about your dog."
    assert eliza.respond("a dog barked") == "Animals!"
    assert eliza.respond("my fish swims") == "Go on."


def test_memory_comes_back_when_no_keyword_matches():
    eliza = Eliza()
    eliza.respond("My boss shouts at me")
    assert eliza.memory  # stored, not yet used
    assert eliza.respond("the weather was grey") == "Earlier you said your boss shouts at you. Tell me more."
    assert eliza.respond("the weather was grey") == "Please go on."  # memory used up: fallback


def test_goodbye_ends_the_conversation():
    eliza = Eliza()
    assert eliza.respond("Goodbye!") == DOCTOR["goodbye"] and eliza.finished


@pytest.mark.parametrize("text", ["", "   ", "?!...", "---", "\n\t"])
def test_empty_and_punctuation_only_input_gets_a_prompt(text):
    assert Eliza().respond(text) in DOCTOR["empty"]


def test_very_long_input_is_answered_quickly():
    eliza = Eliza()
    long_text = "I am worried that " + "the sky will fall and " * 20000 + "nobody cares"
    start = time.perf_counter()
    reply = eliza.respond(long_text)
    assert time.perf_counter() - start < 5
    assert reply.startswith("I am sorry to hear that you are worried")
    adversarial = "you " * 30000 + "i " * 30000  # no punctuation, many partial matches
    assert isinstance(Eliza().respond(adversarial), str)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I am très fatigué", "Is it because you are très fatigué that you came to me?"),
        ("Je suis très fatigué", "Please go on."),
        ("我很累", "Please go on."),
        ("My café closed 🙁", "Your café closed?"),
    ],
)
def test_non_ascii_input(text, expected):
    assert Eliza().respond(text) == expected


def test_the_callers_script_is_never_changed():
    before = copy.deepcopy(DOCTOR)
    eliza = Eliza(DOCTOR)
    eliza.respond("my dog is sad")
    eliza.script["keywords"].clear()
    assert DOCTOR == before


@pytest.mark.parametrize(
    "mistake, message",
    [
        (lambda s: s["keywords"]["if"]["rules"][0]["replies"].append("What if {9}?"), "does not have"),
        (lambda s: s["keywords"]["if"].update(rank="high"), "whole-number 'rank'"),
        (lambda s: s["keywords"]["if"]["rules"][0].update(pattern=["*", "@nope"]), "not in script\\['synonyms'\\]"),
        (lambda s: s.pop("fallback"), "'fallback'"),
    ],
)
def test_script_mistakes_get_clear_errors(mistake, message):
    script = copy.deepcopy(DOCTOR)
    mistake(script)
    with pytest.raises(ValueError, match=message):
        check_script(script)


def test_chat_loop_with_scripted_input(capsys):
    lines = iter(["I am happy", "bye"])
    chat(Eliza(), ask=lambda prompt: next(lines))
    out = capsys.readouterr().out
    assert "How have I helped you to be happy?" in out and DOCTOR["goodbye"] in out


def test_chat_loop_without_a_keyboard_stops_politely(capsys):
    def no_keyboard(prompt):
        raise NotImplementedError("raw_input was called, but this frontend does not support input requests.")

    chat(Eliza(), ask=no_keyboard)
    assert "No keyboard here" in capsys.readouterr().out
