"""Notebook 02's exercises: each solution passes its check, and wrong answers fail it."""

from helpers import solution_code


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
