"""The word and character tokenizers of notebook 03: hand-worked ids, the teaching versions, and the one contract
(tiktoken's) that they share with the course's BPE and with GPT-2's tokenizer."""

import inspect
import re

import pytest
import tiktoken
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from buildllm.bpe import course_tokenizer
from buildllm.corpora import load_stories
from buildllm.tokenizers import EOT, UNK, CharTokenizer, WordTokenizer, show_tokens, split_words
from helpers import notebook

# ------------------------------------------------------------------------------------------------ splitting


def test_split_words_by_hand():
    assert split_words('"Don\'t go," said Obi.\n') == ['"', "Don", "'", "t", "go", ",", '"', "said", "Obi", "."]
    assert split_words("forty-two  boxes...") == ["forty", "-", "two", "boxes", ".", ".", "."]
    assert split_words(" \n\t ") == [] and split_words("") == []


def test_special_tokens_are_one_token_each():
    assert split_words(f"end.{EOT}Start") == ["end", ".", EOT, "Start"]
    assert split_words(f"{EOT}{EOT} {UNK}") == [EOT, EOT, UNK]
    assert split_words("<|endoftext") == ["<", "|", "endoftext"]  # not the marker: ordinary characters


# ------------------------------------------------------------------------------------------- word tokenizer

# Tokens of TINY: the cat sat . the dog sat ! -> sorted by code point: ! . cat dog sat the (ids 0-5),
# then <|endoftext|> (6) and <|unk|> (7).
TINY = "the cat sat. the dog sat!"


def test_word_ids_by_hand():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.vocab == {0: "!", 1: ".", 2: "cat", 3: "dog", 4: "sat", 5: "the", 6: EOT, 7: UNK}
    assert tokenizer.n_vocab == 8
    assert tokenizer.eot_token == 6 and tokenizer.unk_token == 7
    assert tokenizer.encode("the dog sat.") == [5, 3, 4, 1]
    assert tokenizer.decode([5, 2, 4, 0]) == "the cat sat!"


def test_word_unknown_words_become_unk():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.encode("the cow sat?") == [5, 7, 4, 7]
    assert tokenizer.decode(tokenizer.encode("the cow sat")) == f"the {UNK} sat"


def test_word_endoftext_is_one_token_when_allowed():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.encode(f"the cat sat.{EOT}the dog", allowed_special={EOT}) == [5, 2, 4, 1, 6, 5, 3]
    assert tokenizer.decode([4, 1, 6, 5]) == f"sat. {EOT} the"
    # As ordinary text the marker is < | endoftext | >: none of these are words of TINY.
    assert tokenizer.encode(f"sat{EOT}", disallowed_special=()) == [4, 7, 7, 7, 7, 7]
    # A text holding the marker does not put its pieces (<, |, endoftext) into the vocabulary.
    assert WordTokenizer.from_text(f"a{EOT}b").vocab == {0: "a", 1: "b", 2: EOT, 3: UNK}


def test_word_unk_string_is_special_too():
    tokenizer = WordTokenizer.from_text(TINY)
    with pytest.raises(ValueError, match=re.escape(f"allowed_special={{{UNK!r}}}")):
        tokenizer.encode(f"the {UNK} sat")
    assert tokenizer.encode(f"the {UNK} sat", allowed_special="all") == [5, 7, 4]


def test_word_vocabulary_is_sorted_and_deterministic():
    assert WordTokenizer.from_text("b a c a").vocab == WordTokenizer.from_text("c a b").vocab
    assert list(WordTokenizer.from_text("b a c a").vocab.values()) == ["a", "b", "c", EOT, UNK]
    assert list(WordTokenizer.from_text("").vocab.values()) == [EOT, UNK]


def test_word_tokenizer_loses_whitespace_and_unknown_words():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.decode(tokenizer.encode("the  cat\nsat.")) == "the cat sat."
    assert tokenizer.decode(tokenizer.encode("the cow")) == f"the {UNK}"


def test_decode_rejects_ids_outside_the_vocabulary():
    tokenizer = WordTokenizer.from_text(TINY)
    for bad in (8, -1, 100):
        with pytest.raises(ValueError, match=rf"id {bad} \(position 1\).*ids run from 0 to 7"):
            tokenizer.decode([0, bad])
    with pytest.raises(TypeError):
        tokenizer.decode([0, 1.0])  # a float is not an id, even when it looks like one


def test_decode_takes_a_tensor_of_ids():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.decode(torch.tensor([5, 2, 4, 0])) == "the cat sat!"


# -------------------------------------------------------------------------------------- character tokenizer


def test_char_ids_by_hand():
    tokenizer = CharTokenizer.from_text("cab a")  # characters sorted: ' ' a b c (ids 0-3), then <|endoftext|> (4)
    assert tokenizer.vocab == {0: " ", 1: "a", 2: "b", 3: "c", 4: EOT}
    assert tokenizer.n_vocab == 5 and tokenizer.eot_token == 4
    assert tokenizer.encode("abc") == [1, 2, 3]
    assert tokenizer.encode(f"a {EOT}c", allowed_special={EOT}) == [1, 0, 4, 3]
    assert tokenizer.decode([3, 1, 2, 4]) == f"cab{EOT}"


def test_char_vocabulary_leaves_out_the_marker_characters():
    tokenizer = CharTokenizer.from_text(f"ab{EOT}ba{UNK}")
    assert tokenizer.vocab == {0: "a", 1: "b", 2: EOT}
    with pytest.raises(ValueError, match="'<'"):
        tokenizer.encode("a<b")


def test_char_unseen_character_is_a_clear_error():
    tokenizer = CharTokenizer.from_text("a cat")
    with pytest.raises(ValueError) as raised:
        tokenizer.encode(f"a cät{EOT}ä dog", allowed_special={EOT})
    message = str(raised.value)
    # 'ä' is at positions 3 and 5 + 13 = 18 of the text; 'd' at 20, 'o' at 21, 'g' at 22.
    assert "'ä' (positions 3, 18)" in message
    assert "'d' (position 20)" in message and "'o' (position 21)" in message and "'g' (position 22)" in message
    assert "unknown='replace'" in message


def test_char_endoftext_as_ordinary_text_is_unseen_characters():
    tokenizer = CharTokenizer.from_text("a cat")
    with pytest.raises(ValueError, match=r"'<' \(position 1\)"):
        tokenizer.encode(f"a{EOT}", disallowed_special=())


def test_char_unknown_replace_maps_to_unk():
    tokenizer = CharTokenizer.from_text("a cat", unknown="replace")
    assert tokenizer.vocab == {0: " ", 1: "a", 2: "c", 3: "t", 4: EOT, 5: UNK}
    assert tokenizer.encode("a cät") == [1, 0, 2, 5, 3]
    assert tokenizer.decode(tokenizer.encode("tä")) == f"t{UNK}"


def test_char_bad_arguments():
    with pytest.raises(ValueError, match="'error'.*'replace'"):
        CharTokenizer.from_text("abc", unknown="ignore")
    with pytest.raises(ValueError, match="single characters"):
        CharTokenizer(["ab", "c"])
    with pytest.raises(ValueError, match="ids run from 0 to 3"):
        CharTokenizer.from_text("abc").decode([4])


@settings(deadline=None, max_examples=200)
@given(source=st.text(min_size=1), data=st.data())
def test_char_round_trips_every_text_of_its_characters(source, data):
    tokenizer = CharTokenizer.from_text(source)
    alphabet = sorted(set(source.replace(EOT, "").replace(UNK, "")))
    pieces = st.one_of(st.text(alphabet=alphabet), st.just(EOT)) if alphabet else st.just(EOT)
    text = "".join(data.draw(st.lists(pieces)))
    ids = tokenizer.encode(text, allowed_special={EOT})
    assert tokenizer.decode(ids) == text
    assert len(ids) == len(text) - text.count(EOT) * (len(EOT) - 1)  # one id per character, one per marker


@settings(deadline=None, max_examples=100)
@given(source=st.text(alphabet="abc \n", min_size=1), text=st.text(alphabet="abcxyz \n"))
def test_char_unknown_characters_error_or_unk(source, text):
    strict = CharTokenizer.from_text(source)
    unseen = [i for i, char in enumerate(text) if char not in source]
    if unseen:
        with pytest.raises(ValueError, match=re.escape(repr(text[unseen[0]]))):
            strict.encode(text)
    else:
        assert strict.decode(strict.encode(text)) == text
    forgiving = CharTokenizer.from_text(source, unknown="replace")
    ids = forgiving.encode(text)
    unk = next(token_id for token_id, token in forgiving.vocab.items() if token == UNK)
    assert [i for i, token_id in enumerate(ids) if token_id == unk] == unseen


# ------------------------------------------------------------------ the teaching versions agree with the package


def teaching_class(name):
    """Run the notebook cell that defines the teaching class `name` and return the class."""
    [source] = [cell.source for cell in notebook("03_tokenization").cells
                if cell.cell_type == "code" and cell.source.startswith(f"class {name}")]
    namespace = {"re": re, "split_words": split_words, "EOT": EOT, "UNK": UNK}
    exec(source.split("\n\n\n")[0], namespace)  # the class alone, not the demo below it
    return namespace[name]


@pytest.fixture(scope="module")
def stories():
    return load_stories("train"), load_stories("valid")


def test_teaching_word_tokenizer_agrees_with_the_package(stories):
    train, valid = stories
    words = [token for story in train for token in split_words(story)]
    teaching, package = teaching_class("WordTokenizerV2")(words), WordTokenizer(words)
    assert dict(enumerate(teaching.vocab)) == package.vocab
    for story in valid:
        assert package.encode(story) == teaching.encode(story)
        assert package.decode(package.encode(story)) == teaching.decode(teaching.encode(story))


def test_teaching_char_tokenizer_agrees_with_the_package(stories):
    train, valid = stories
    text = "".join(train)
    teaching, package = teaching_class("CharTokenizerV1")(text), CharTokenizer.from_text(text)
    assert [package.vocab[i] for i in range(len(teaching.vocab))] == teaching.vocab
    for story in valid[:10]:
        assert package.encode(story) == teaching.encode(story)
        assert package.decode(package.encode(story)) == teaching.decode(teaching.encode(story)) == story


# ------------------------------------------------------------------------- one contract for four tokenizers

TEXT = "The end.<|endoftext|>A new story."


@pytest.fixture(scope="module", params=["char", "word", "course BPE", "GPT-2"])
def tokenizer(request):
    return {
        "char": lambda: CharTokenizer.from_text(TEXT),
        "word": lambda: WordTokenizer.from_text(TEXT),
        "course BPE": course_tokenizer,
        "GPT-2": lambda: tiktoken.get_encoding("gpt2"),
    }[request.param]()


def test_contract_encode_has_tiktokens_keywords_and_defaults(tokenizer):
    parameters = inspect.signature(tokenizer.encode).parameters
    assert set(parameters["allowed_special"].default) == set()  # nothing allowed unless asked
    assert parameters["disallowed_special"].default == "all"
    assert isinstance(tokenizer.n_vocab, int) and isinstance(tokenizer.eot_token, int)


def test_contract_special_token_is_refused_unless_allowed(tokenizer):
    with pytest.raises(ValueError, match=re.escape(EOT)):
        tokenizer.encode(TEXT)
    allowed = tokenizer.encode(TEXT, allowed_special={EOT})
    assert allowed == tokenizer.encode(TEXT, allowed_special="all")
    assert allowed.count(tokenizer.eot_token) == 1
    cut = allowed.index(tokenizer.eot_token)  # the marker is one id, between the two stories' ids
    assert tokenizer.decode(allowed[:cut]).strip() == "The end."
    assert tokenizer.decode(allowed[cut + 1:]) == "A new story."
    assert all(0 <= token_id < tokenizer.n_vocab for token_id in allowed)


def test_contract_disallowed_special_empty_means_ordinary_text(tokenizer):
    if isinstance(tokenizer, CharTokenizer):  # '<', '|' ... are not characters of TEXT's vocabulary
        pytest.skip("the character tokenizer has no ids for the marker's characters (tested above)")
    ordinary = tokenizer.encode(TEXT, disallowed_special=())
    assert tokenizer.eot_token not in ordinary and len(ordinary) > len(tokenizer.encode(TEXT, allowed_special="all"))


def test_contract_vocab_maps_ids_to_tokens(tokenizer):
    if isinstance(tokenizer, tiktoken.Encoding):
        pytest.skip("tiktoken keeps its vocabulary inside its Rust core")
    assert len(tokenizer.vocab) == tokenizer.n_vocab
    assert tokenizer.vocab[tokenizer.eot_token] in (EOT, EOT.encode("utf-8"))
    ids = tokenizer.encode("A new story.")
    pieces = [tokenizer.vocab[token_id] for token_id in ids]
    joined = b"".join(pieces).decode("utf-8") if isinstance(pieces[0], bytes) else " ".join(pieces)
    assert joined.replace(" ", "") == "Anewstory."


def test_ours_give_the_same_advice_as_the_course_bpe():
    messages = []
    for tokenizer in (CharTokenizer.from_text(TEXT), WordTokenizer.from_text(TEXT), course_tokenizer()):
        with pytest.raises(ValueError) as raised:
            tokenizer.encode(TEXT)
        messages.append(str(raised.value))
    for message in messages:  # the same advice: name the token, how to allow it, how to encode it as text
        assert message.startswith("The text contains the special token '<|endoftext|>'. ")
        assert "Pass allowed_special={'<|endoftext|>'} (or 'all')" in message and "disallowed_special=()" in message


def test_allowed_special_given_as_a_string_is_a_clear_error():
    for tokenizer in (CharTokenizer.from_text(TEXT), WordTokenizer.from_text(TEXT)):
        with pytest.raises(ValueError, match="allowed_special must be 'all' or a set"):
            tokenizer.encode(TEXT, allowed_special=EOT)  # a string: its characters would be the "tokens"


# ------------------------------------------------------------------------------------------- token display


def test_show_tokens_prints_the_text_form(capsys):
    show_tokens(["Hello", ",", " world", "\n", "<|endoftext|>"])
    assert capsys.readouterr().out.splitlines()[-1] == "Hello|,| world|\\n|<|endoftext|>"
    show_tokens(["a", "|", "b"], sep="/")
    assert capsys.readouterr().out.splitlines()[-1] == "a/|/b"


# ------------------------------------------------------------------------------------------------- diagram


def test_diagram_shows_what_the_word_tokenizer_does():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from buildllm.diagrams.tokenization import EXAMPLE_TEXT, draw_text_to_ids

    figure = draw_text_to_ids()
    texts = [text.get_text() for text in figure.axes[0].texts]
    plt.close(figure)
    tokenizer = WordTokenizer.from_text(EXAMPLE_TEXT)
    ids = tokenizer.encode(EXAMPLE_TEXT)
    drawn_ids = [int(text) for text in texts if text.isdigit()]
    assert drawn_ids == ids  # the id row, left to right
    assert tokenizer.decode(ids) in texts and EXAMPLE_TEXT in texts  # the text decoded back, and the original
    vocabulary = next(text for text in texts if text.startswith("0 "))
    assert vocabulary.split("\n") == [f"{i}  {token}" for i, token in tokenizer.vocab.items()]
