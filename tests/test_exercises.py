"""Each exercise's solution (from the notebook) passes its check, and wrong answers fail it."""

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


def test_ngram_solutions_pass_and_wrong_answers_fail():
    import math

    from buildllm.exercises.ngram import check_add_k, check_perplexity

    namespace = {"math": math, "check_perplexity": check_perplexity, "check_add_k": check_add_k}
    exec(solution_code("02_ngram", 1), namespace)
    exec(solution_code("02_ngram", 2), namespace)
    assert check_perplexity(namespace["sentence_perplexity"]) and check_add_k(namespace["smoothed_row"])
    assert not check_perplexity(lambda ps: -sum(math.log(p) for p in ps) / len(ps))  # the cross-entropy
    assert not check_perplexity(lambda ps: math.exp(-sum(math.log10(p) for p in ps) / len(ps)))  # wrong log
    assert not check_add_k(lambda counts, k: [(c + k) / (sum(counts) + k) for c in counts])
    assert not check_add_k(lambda counts, k: [c / sum(counts) for c in counts])


def test_bpe_solutions_pass_and_wrong_answers_fail():
    from buildllm.exercises.bpe import check_merge_tokens, check_most_frequent_pair

    namespace = {"check_most_frequent_pair": check_most_frequent_pair, "check_merge_tokens": check_merge_tokens}
    exec(solution_code("04_byte_pair", 1), namespace)
    exec(solution_code("04_byte_pair", 2), namespace)
    assert check_most_frequent_pair(namespace["most_frequent_pair"]) and check_merge_tokens(namespace["encode_word"])

    def ties_to_first_seen(ids, vocab):
        counts = {}
        for pair in zip(ids, ids[1:]):
            counts[pair] = counts.get(pair, 0) + 1
        return max(counts, key=counts.get)

    assert not check_most_frequent_pair(ties_to_first_seen)

    assert not check_merge_tokens(lambda word, merges: [bytes([b]) for b in word.encode()])
    assert not check_merge_tokens(lambda word, merges: [ch.encode() for ch in word])
