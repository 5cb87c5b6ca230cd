"""Byte-pair encoding: hand-worked merges, teaching versions == package, GPT-2 == tiktoken, special tokens, bad input,
save and load."""

import json
import re
import warnings

import numpy as np
import pytest
import tiktoken
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import buildllm  # noqa: F401  (tiktoken's gpt2 offline)
from buildllm.bpe import (
    EOT,
    BPETokenizer,
    course_tokenizer,
    course_tokenizer_path,
    gpt2_tokenizer,
    train_bpe,
    train_course_tokenizer,
)
from buildllm.corpora import load_corpus
from helpers import ASSIGNED_CHARACTERS, KNOWN_GPT2_IDS, ROOT, notebook


def teaching_versions() -> dict:
    """The notebook's teaching versions (kept in the notebook, not the package), run from their own cells."""
    namespace = {}
    exec("from buildllm.bpe import *", namespace)
    cells = [cell.source for cell in notebook("04_byte_pair").cells if cell.cell_type == "code"]
    for name in ("train_bpe_simple", "encode_simple"):
        [source] = [source for source in cells if source.startswith(f"def {name}(")]
        exec(source, namespace)
    return namespace


TEACHING = teaching_versions()


def simple_merges_as_bytes(text, vocab_size, special_tokens=()):
    """The teaching trainer's merges, written as the package writes them: pairs of bytes, in order."""
    vocab, merges = TEACHING["train_bpe_simple"](text, vocab_size, special_tokens)
    return [(vocab[a], vocab[b]) for a, b in merges]


@pytest.fixture(scope="module")
def gpt2():
    return gpt2_tokenizer()


@pytest.fixture(scope="module")
def tiktoken_gpt2():
    return tiktoken.get_encoding("gpt2")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus("stories", split="all")


def test_hand_worked_example():
    # Worked on paper: 'aa' x4 -> 256; then (aa, a) and (a, b) tie at 2, b'aa' > b'a' so (aa, a) -> 257;
    # (aaa, b) x2 -> 258; then every pair occurs once and (b'd', b'aaab') is the greatest -> 259.
    vocab, merges = train_bpe("aaabdaaabac", 260)
    assert merges == [(b"a", b"a"), (b"aa", b"a"), (b"aaa", b"b"), (b"d", b"aaab")]
    assert vocab[259] == b"daaab" and len(vocab) == 260
    tokenizer = BPETokenizer(merges)
    assert tokenizer.encode("aaabdaaabac") == [258, 259, 97, 99]
    assert tokenizer.decode([258, 259, 97, 99]) == "aaabdaaabac"


def test_ids_count_bytes_then_special_tokens_then_merges():
    vocab, merges = train_bpe(f"aaabdaaabac{EOT}aaab", 262, special_tokens=[EOT, "<|pad|>"])
    assert vocab[256] == EOT.encode() and vocab[257] == b"<|pad|>"
    assert vocab[258] == b"aa" and len(merges) == 4
    tokenizer = BPETokenizer(merges, [EOT, "<|pad|>"])
    assert tokenizer.n_vocab == 262 and tokenizer.eot_token == 256
    assert tokenizer.encode(f"aaab{EOT}", allowed_special="all") == [260, 256]


def test_special_tokens_are_never_merged_across():
    text = ("ab" + EOT) * 50 + "ab"
    with pytest.warns(UserWarning, match="ran out of pairs"):
        _, merges = train_bpe(text, 300, special_tokens=[EOT])
    assert merges == [(b"a", b"b")]  # '<|' etc. never counted; only 'ab' remains to merge


def test_vocab_size_too_small_is_explained():
    with pytest.raises(ValueError, match="too small"):
        train_bpe("hello", 256, special_tokens=[EOT])


def test_the_package_trainer_learns_the_teaching_versions_merges(corpus):
    sample = corpus[100_000:140_000]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert train_bpe(sample, 360, [EOT])[1] == simple_merges_as_bytes(sample, 360, [EOT])


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="ab c\n'.1é", max_size=120), st.integers(256, 300))
def test_the_trainers_agree_on_random_text(text, size):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small texts run out of pairs
        assert train_bpe(text, size)[1] == simple_merges_as_bytes(text, size)


def test_the_package_encoder_and_decoder_agree_with_the_teaching_versions(corpus):
    package = BPETokenizer.train(corpus[:100_000], 1000, [EOT])
    merges = {(package.encoder[a], package.encoder[b]): package.encoder[a + b] for a, b in package.merges}
    text = corpus[200_000:260_000]
    ids = TEACHING["encode_simple"](text, merges)
    assert package.encode(text, disallowed_special=()) == ids
    assert package.decode(ids) == TEACHING["decode_simple"](ids, package.vocab) == text


SMALL = TEACHING["train_bpe_simple"]("abc abcab cab ééé 🦙🦙 ab\n\nabc " * 3, 290)


@settings(deadline=None, max_examples=100)
@given(st.text(alphabet="abc é🦙\n", max_size=60))
def test_the_encoders_agree_on_random_text(text):
    vocab, merges = SMALL
    package = BPETokenizer([(vocab[a], vocab[b]) for a, b in merges])
    assert package.encode(text) == TEACHING["encode_simple"](text, merges)


@pytest.mark.parametrize("text", list(KNOWN_GPT2_IDS))
def test_gpt2_known_ids(gpt2, text):
    assert gpt2.encode(text, allowed_special="all") == KNOWN_GPT2_IDS[text]
    assert gpt2.decode(KNOWN_GPT2_IDS[text]) == text


def test_gpt2_matches_tiktoken_on_the_whole_corpus(gpt2, tiktoken_gpt2, corpus):
    ours = gpt2.encode(corpus, allowed_special="all")
    assert ours == tiktoken_gpt2.encode(corpus, allowed_special="all")
    assert gpt2.decode(ours) == corpus
    assert gpt2.n_vocab == tiktoken_gpt2.n_vocab and gpt2.eot_token == tiktoken_gpt2.eot_token == 50256


@settings(deadline=None, max_examples=400)
@given(st.text(ASSIGNED_CHARACTERS))
def test_gpt2_matches_tiktoken_on_any_unicode(gpt2, tiktoken_gpt2, text):
    ours = gpt2.encode(text, disallowed_special=())
    assert ours == tiktoken_gpt2.encode(text, disallowed_special=())
    assert gpt2.decode(ours) == text


def test_special_tokens_need_permission_like_tiktoken(gpt2, tiktoken_gpt2):
    text = f"The end.{EOT}Once"
    with pytest.raises(ValueError, match="allowed_special"):
        gpt2.encode(text)
    with pytest.raises(ValueError):  # the reference refuses it too
        tiktoken_gpt2.encode(text)
    assert gpt2.encode(text, allowed_special={EOT}) == tiktoken_gpt2.encode(text, allowed_special={EOT})
    assert gpt2.encode(text, disallowed_special=()) == tiktoken_gpt2.encode(text, disallowed_special=())
    assert 50256 not in gpt2.encode(text, disallowed_special=())


def test_decode_errors_and_partial_characters(gpt2):
    llama = gpt2.encode("🦙")
    assert len(llama) > 1 and "\ufffd" in gpt2.decode(llama[:1])
    with pytest.raises(UnicodeDecodeError):
        gpt2.decode(llama[:1], errors="strict")
    with pytest.raises(ValueError, match="not in this tokenizer's vocabulary"):
        gpt2.decode([99_999])


def test_save_and_load_round_trip(tmp_path, corpus):
    tokenizer = BPETokenizer.train(corpus[:30_000], 400, [EOT])
    tokenizer.save(tmp_path / "t.json")
    loaded = BPETokenizer.load(tmp_path / "t.json")
    assert loaded.merges == tokenizer.merges and loaded.special_tokens == tokenizer.special_tokens
    text = corpus[30_000:40_000]
    assert loaded.encode(text, allowed_special="all") == tokenizer.encode(text, allowed_special="all")


def test_gpt2_numbering_cannot_be_saved(tmp_path, gpt2):
    with pytest.raises(ValueError, match="course's numbering"):
        gpt2.save(tmp_path / "gpt2.json")


def test_bad_tokenizer_files_get_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="No tokenizer file"):
        BPETokenizer.load(tmp_path / "missing.json")
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid buildllm-bpe tokenizer file"):
        BPETokenizer.load(tmp_path / "junk.json")
    bad = {"format": "buildllm-bpe", "version": 1, "pattern": "x", "special_tokens": [], "merges": [["6162", "63"]]}
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="no earlier merge made"):
        BPETokenizer.load(tmp_path / "bad.json")


def test_the_shipped_course_tokenizer_is_reproducible(corpus, tmp_path):
    shipped = course_tokenizer()
    assert shipped.n_vocab == 4096 and shipped.eot_token == 256
    retrained = train_course_tokenizer()
    assert retrained.merges == shipped.merges
    retrained.save(tmp_path / "course_bpe.json")
    shipped_file = ROOT / "data" / "tokenizers" / "course_bpe.json"
    assert (tmp_path / "course_bpe.json").read_bytes() == shipped_file.read_bytes()
    text = load_corpus("stories", split="valid")
    assert shipped.decode(shipped.encode(text, allowed_special="all")) == text
    assert course_tokenizer_path() == shipped_file


@pytest.fixture(scope="module")
def course():
    return course_tokenizer()


@settings(deadline=None, max_examples=200)
@given(st.text())
def test_course_tokenizer_round_trips_any_unicode(course, text):
    assert course.decode(course.encode(text, disallowed_special=())) == text


# ------------------------------------------------------------------ bad input: a clear error, never silent corruption


@pytest.mark.parametrize("make", [
    lambda specials: train_bpe("the cat sat", 300, specials),
    lambda specials: BPETokenizer([], specials),
])
def test_special_tokens_given_as_one_string_are_refused(make):
    with pytest.raises(TypeError, match="list of strings"):
        make(EOT)


@pytest.mark.parametrize("make", [
    lambda specials: train_bpe("the cat sat", 300, specials),
    lambda specials: BPETokenizer([], specials),
])
def test_repeated_special_tokens_are_refused(make):
    with pytest.raises(ValueError, match="appears twice"):
        make([EOT, "<|pad|>", EOT])


def test_special_tokens_given_as_a_set_are_refused():
    # A set has no fixed order, so the ids of its tokens could change from one run to the next.
    with pytest.raises(TypeError, match="not a set"):
        BPETokenizer([], {EOT, "<|pad|>"})
    with pytest.raises(TypeError, match="not a set"):
        train_bpe("the cat", 300, frozenset([EOT]))


def test_special_tokens_that_share_an_id_or_are_not_strings_are_refused():
    with pytest.raises(ValueError, match="appears twice"):
        BPETokenizer([], {EOT: 256, "<|pad|>": 256})
    for bad in ([b"<|pad|>"], [""], [None]):
        with pytest.raises(TypeError, match="non-empty string"):
            BPETokenizer([], bad)


@pytest.mark.parametrize("size", [300.0, "300", None, True])
def test_a_vocab_size_that_is_not_a_whole_number_is_refused(size):
    with pytest.raises(TypeError, match="whole number"):
        train_bpe("the cat sat", size)


def test_a_numpy_integer_is_a_whole_number():
    text = "the cat sat on the mat"
    assert train_bpe(text, np.int64(260)) == train_bpe(text, 260)


def test_a_broken_pattern_is_explained(tmp_path):
    for make in (lambda: train_bpe("the cat", 300, pattern="( ?\\p{L}+"), lambda: BPETokenizer([], (), "[a-")):
        with pytest.raises(ValueError, match="not a valid regular expression"):
            make()
    tokenizer = BPETokenizer.train("the cat sat on the mat", 260)
    tokenizer.save(tmp_path / "t.json")
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    data["pattern"] = "( ?\\p{L}+"
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid buildllm-bpe tokenizer file.*not a valid regular expression"):
        BPETokenizer.load(tmp_path / "t.json")


def test_bytes_instead_of_text_is_explained():
    with pytest.raises(TypeError, match="decode bytes first"):
        train_bpe(b"the cat sat", 300)


def test_a_tokenizer_without_end_of_text_says_so():
    with pytest.raises(AttributeError, match=re.escape(f"no {EOT} token")):
        _ = BPETokenizer([], ["<|pad|>"]).eot_token


@pytest.mark.parametrize("word, n_tokens", [(" little", 1), (" lowest", 2)])
def test_the_merge_tree_draws_one_box_per_node(course, word, n_tokens):
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    from buildllm.diagrams.bpe import draw_merge_tree

    ids = course.encode(word)
    assert len(ids) == n_tokens
    merges = {(course.encoder[a], course.encoder[b]): course.encoder[a + b] for a, b in course.merges}
    figure = draw_merge_tree(ids, merges, course.vocab)
    boxes = [patch for patch in figure.axes[0].patches if isinstance(patch, FancyBboxPatch)]
    plt.close(figure)
    leaves = len(word.encode("utf-8"))
    assert len(boxes) == 2 * leaves - n_tokens  # a forest of binary trees: leaves + (leaves - trees) merges
