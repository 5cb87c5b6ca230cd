"""ELIZA's mechanisms, each checked on hand-worked cases."""

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from buildllm import eliza as package
from buildllm.diagrams.eliza import EXAMPLE
from buildllm.eliza import DOCTOR, Eliza, ScriptError, chat, check_script, clauses, match, reflect
from helpers import notebook


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
    pets = {"pet": ["cat", "dog"]}
    assert match(["*", "my", "@pet", "*"], "my dog ate it".split(), pets) == ["", "my", "dog", "ate it"]
    assert match(["*", "my", "@pet", "*"], "my fish ate it".split(), pets) is None
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
    script = small_script(tired={"rank": 1, "rules": [
        {"pattern": ["*", "tired", "*"], "replies": ["One {3}.", "Two {3}.", "Three {3}."]},
        {"pattern": ["*"], "replies": ["Other."]},
    ]})
    eliza = Eliza(script)
    replies = [eliza.respond("so tired of work") for _ in range(4)]
    assert replies == ["One of work.", "Two of work.", "Three of work.", "One of work."]
    assert eliza.respond("tired") == "Other."  # {3} would be empty in every reply: the next rule answers


def test_doctor_replies_take_turns():
    eliza = Eliza()
    replies = [eliza.respond("I am tired of work") for _ in range(4)]  # `* i am @sad *`: {4} is "tired"
    assert replies[:3] == [
        "I am sorry to hear that you are tired.",
        "Do you think coming here will help you not to be tired?",
        "What makes you tired?",
    ]
    assert replies[3] == replies[0]


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


def test_very_long_input_is_answered():
    long_text = "I am worried that " + "the sky will fall and " * 20000 + "nobody cares"
    assert Eliza().respond(long_text) == "I am sorry to hear that you are worried."  # `* i am @sad *`
    # No punctuation and many partial matches; the clause is cut to its first 300 words, all "you", so only
    # the `you` keyword's catch-all rule fits.
    adversarial = "you " * 30000 + "i " * 30000
    assert Eliza().respond(adversarial) == "We were talking about you, not me."


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


def _set(path, value):
    """A mistake: put ``value`` at ``path`` (a list of keys) in the script."""
    def change(script):
        for key in path[:-1]:
            script = script[key]
        script[path[-1]] = value
    return change


IF_RULE = ["keywords", "if", "rules", 0]


@pytest.mark.parametrize(
    "mistake, message",
    [
        (_set([*IF_RULE, "replies"], ["What if {9}?"]), "does not have"),
        (_set([*IF_RULE, "replies"], "What if {3}?"), "'replies': a non-empty list of strings"),
        (_set([*IF_RULE, "replies"], []), "'replies': a non-empty list of strings"),
        (_set([*IF_RULE, "pattern"], ["*", "@nope"]), r"not in script\['synonyms'\]"),
        (_set([*IF_RULE, "pattern"], "* if *"), "'pattern': a non-empty list of words"),
        (_set([*IF_RULE, "pattern"], ["*", "If", "*"]), "'If' can never match.*write 'if'"),
        (_set(["keywords", "if", "rules", 0], "* if *"), "should be a dict with 'pattern' and 'replies'"),
        (_set(["keywords", "if", "rules"], []), "'rules' should be a non-empty list"),
        (_set(["keywords", "my", "memory"], {"pattern": ["*"], "replies": ["Hm."]}), "'memory' should be a non-empty"),
        (_set(["keywords", "if", "rank"], "high"), "whole-number 'rank'"),
        (_set(["keywords", "if", "rank"], True), "whole-number 'rank'"),
        (_set(["keywords", "if"], [{"pattern": ["*"], "replies": ["Hm."]}]), "needs a dict with 'rank' and 'rules'"),
        (_set(["keywords", "Mother"], {"rank": 1, "rules": [{"pattern": ["*"], "replies": ["Hm."]}]}),
         "'Mother' can never match.*write 'mother'"),
        (_set(["keywords", "@pets"], {"rank": 1, "rules": [{"pattern": ["*"], "replies": ["Hm."]}]}),
         r"synonym group that is not in script\['synonyms'\]"),
        (_set(["keywords"], ["if", "my"]), "should be a dict from keyword"),
        (_set(["synonyms", "family"], "mother father"), "should be a list of words"),
        (_set(["synonyms", "family"], ["Mother"]), "'Mother' can never match"),
        (_set(["synonyms"], [["cat", "dog"]]), r"script\['synonyms'\] should be a dict"),
        (_set(["substitutions", "mum"], 3), r"script\['substitutions'\] should be a dict from word to words"),
        (_set(["substitutions", "Mum"], "mother"), "'Mum' can never match"),
        (_set(["fallback"], []), r"script\['fallback'\] should be a non-empty list of strings"),
        (_set(["fallback"], "Please go on."), r"script\['fallback'\] should be a non-empty list of strings"),
        (_set(["empty"], []), r"script\['empty'\] should be a non-empty list of strings"),
        (_set(["goodbye_words"], "bye"), r"script\['goodbye_words'\] should be a non-empty list"),
        (_set(["goodbye_words"], ["Bye"]), "'Bye' can never match"),
        (_set(["goodbye"], ["Bye."]), r"script\['goodbye'\] should be one string"),
        (lambda s: s.pop("fallback"), "no 'fallback' entry"),
    ],
)
def test_script_mistakes_get_clear_errors(mistake, message):
    script = copy.deepcopy(DOCTOR)
    mistake(script)
    with pytest.raises(ScriptError, match=message):
        check_script(script)
    with pytest.raises(ValueError, match=message):  # a ScriptError is a ValueError
        Eliza(script)


def test_a_scripts_name_is_not_a_script():
    with pytest.raises(ScriptError, match=r"Eliza\(DOCTOR\), not the string 'DOCTOR'"):
        Eliza("DOCTOR")
    with pytest.raises(ScriptError, match="A script is a dict like DOCTOR, got list"):
        Eliza([DOCTOR])


def test_doctor_and_an_empty_memory_list_are_valid():
    check_script(DOCTOR)
    script = small_script(cat={"rank": 1, "rules": [{"pattern": ["*"], "replies": ["Meow."]}], "memory": []})
    assert Eliza(script).respond("a cat") == "Meow."


def test_a_substitution_that_empties_a_clause_counts_as_silence():
    script = small_script(cat={"rank": 1, "rules": [{"pattern": ["*"], "replies": ["Meow."]}]})
    script["substitutions"] = {"um": "", "kitty": "cat"}
    eliza = Eliza(script)
    assert eliza.respond("Um.") == "Say something."
    assert eliza.respond("Um, kitty!") == "Meow."


def test_the_diagram_draws_every_step():
    import matplotlib.pyplot as plt

    from buildllm.diagrams.eliza import draw_respond_pipeline

    figure = draw_respond_pipeline()
    texts = " ".join(text.get_text() for text in figure.axes[0].texts)
    for step in ["clauses", "keywords", "decomposition", "reassembly", "memory", "fallback", "goodbye", EXAMPLE[-1]]:
        assert step in texts
    plt.close(figure)


def test_the_diagrams_worked_example_is_what_doctor_says():
    words = "[" + "]  [".join(" ".join(clause) for clause in clauses(EXAMPLE[0].strip('"'))) + "]"
    assert words == EXAMPLE[1]
    eliza = Eliza()
    assert f'"{eliza.respond(EXAMPLE[0].strip(chr(34)))}"' == EXAMPLE[-1]
    assert eliza.last_rule == ("my", ["*", "my", "@family", "*"])


# The teaching version lives in the notebook only: run its cell with the package's building blocks.
def _teaching_version():
    [source] = [cell.source for cell in notebook("01_eliza").cells
                if cell.cell_type == "code" and "def respond_v1(" in cell.source]
    namespace = {"clauses": package.clauses, "match": package.match, "reassemble": package.reassemble}
    exec(source, namespace)
    return namespace["TINY"], namespace["respond_v1"]


TINY, respond_v1 = _teaching_version()
TINY_FULL = {**TINY, "greeting": "Hi.", "goodbye": "Bye.", "goodbye_words": ["bye"], "empty": ["Hm?"]}


@pytest.mark.parametrize("line, expected", [
    ("I am sad that my mother ignores me.", "Who else in your family ignores you?"),  # rank beats position
    ("I am tired", "How long have you been tired?"),
    ("I think you are right", "We were talking about you."),  # tie: `i` first, its pattern fails, `you` answers
    ("The weather is nice", "Please go on."),
])
def test_teaching_version_by_hand(line, expected):
    assert respond_v1(TINY, line) == expected
    assert Eliza(TINY_FULL).respond(line) == expected


WORDS = ["i", "am", "my", "mother", "you", "sad", "the", "dog", "ignores", "me", "well"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=8), min_size=1, max_size=3),
       st.sampled_from([", ", ". ", "! "]))
def test_teaching_and_package_versions_agree(clause_words, mark):
    # Each clause ends in a word that is no keyword, so no `{4}` is ever empty: both versions apply.
    line = mark.join(" ".join([*words, "today"]) for words in clause_words)
    assert Eliza(TINY_FULL).respond(line) == respond_v1(TINY, line)


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
