"""Notebook 04's exercises: each solution passes its check, and wrong answers fail it."""

from helpers import solution_code


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
