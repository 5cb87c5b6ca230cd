"""The word and character tokenizers of notebook 03, checked on hand-worked ids and by property."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from buildllm.tokenizers import EOT, UNK, CharTokenizer, WordTokenizer, show_tokens, split_words

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
    assert tokenizer.vocab == ["!", ".", "cat", "dog", "sat", "the", EOT, UNK]
    assert tokenizer.vocab_size == 8
    assert tokenizer.eot_token == 6 and tokenizer.unk_token == 7
    assert tokenizer.encode("the dog sat.") == [5, 3, 4, 1]
    assert tokenizer.decode([5, 2, 4, 0]) == "the cat sat!"


def test_word_unknown_words_become_unk():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.encode("the cow sat?") == [5, 7, 4, 7]
    assert tokenizer.decode(tokenizer.encode("the cow sat")) == f"the {UNK} sat"


def test_word_endoftext_is_one_token():
    tokenizer = WordTokenizer.from_text(TINY)
    assert tokenizer.encode(f"the cat sat.{EOT}the dog") == [5, 2, 4, 1, 6, 5, 3]
    assert tokenizer.decode([4, 1, 6, 5]) == f"sat. {EOT} the"
    # A text holding the marker does not put its pieces (<, |, endoftext) into the vocabulary.
    assert WordTokenizer.from_text(f"a{EOT}b").vocab == ["a", "b", EOT, UNK]


def test_word_vocabulary_is_sorted_and_deterministic():
    assert WordTokenizer.from_text("b a c a").vocab == WordTokenizer.from_text("c a b").vocab == ["a", "b", "c", EOT, UNK]
    assert WordTokenizer.from_text("").vocab == [EOT, UNK]


def test_word_tokenizer_does_not_round_trip_as_documented():
    tokenizer = WordTokenizer.from_text(TINY)
    # whitespace is not kept: the decoder can only guess one space between tokens
    assert tokenizer.decode(tokenizer.encode("the  cat\nsat.")) == "the cat sat."
    # an unknown word cannot come back
    assert tokenizer.decode(tokenizer.encode("the cow")) == f"the {UNK}"
    doc = " ".join(WordTokenizer.__doc__.split())
    assert "cannot round-trip" in doc and "unknown word" in doc and "whitespace" in doc


def test_word_decode_rejects_ids_outside_the_vocabulary():
    tokenizer = WordTokenizer.from_text(TINY)
    for bad in (8, -1, 100):
        with pytest.raises(ValueError, match=rf"id {bad} .*ids run from 0 to 7"):
            tokenizer.decode([0, bad])


# -------------------------------------------------------------------------------------- character tokenizer


def test_char_ids_by_hand():
    tokenizer = CharTokenizer.from_text("cab a")  # characters sorted: ' ' a b c (ids 0-3), then <|endoftext|> (4)
    assert tokenizer.vocab == [" ", "a", "b", "c", EOT]
    assert tokenizer.vocab_size == 5 and tokenizer.eot_token == 4
    assert tokenizer.encode("abc") == [1, 2, 3]
    assert tokenizer.encode(f"a {EOT}c") == [1, 0, 4, 3]
    assert tokenizer.decode([3, 1, 2, 4]) == f"cab{EOT}"


def test_char_vocabulary_leaves_out_the_marker_characters():
    tokenizer = CharTokenizer.from_text(f"ab{EOT}ba")
    assert tokenizer.vocab == ["a", "b", EOT]
    with pytest.raises(ValueError, match="'<'"):
        tokenizer.encode("a<b")


def test_char_unseen_character_is_a_clear_error():
    tokenizer = CharTokenizer.from_text("a cat")
    with pytest.raises(ValueError) as raised:
        tokenizer.encode(f"a cät{EOT}ä dog")
    message = str(raised.value)
    # 'ä' is at positions 3 and 5 + 13 = 18 of the text; 'd' at 20, 'o' at 21, 'g' at 22.
    assert "'ä' (positions 3, 18)" in message
    assert "'d' (position 20)" in message and "'o' (position 21)" in message and "'g' (position 22)" in message
    assert "unknown='replace'" in message


def test_char_unknown_replace_maps_to_unk():
    tokenizer = CharTokenizer.from_text("a cat", unknown="replace")
    assert tokenizer.vocab == [" ", "a", "c", "t", EOT, UNK]
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
    alphabet = sorted(set(source.replace(EOT, "")))
    pieces = st.one_of(st.text(alphabet=alphabet), st.just(EOT)) if alphabet else st.just(EOT)
    text = "".join(data.draw(st.lists(pieces)))
    ids = tokenizer.encode(text)
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
    assert [i for i, token_id in enumerate(ids) if token_id == forgiving.vocab.index(UNK)] == unseen


# ------------------------------------------------------------------------------------------- token display


def test_show_tokens_prints_the_text_form(capsys):
    show_tokens(["Hello", ",", " world", "\n", "<|endoftext|>"])
    assert capsys.readouterr().out.splitlines()[-1] == "Hello|,| world|\\n|<|endoftext|>"
    show_tokens(["a", "|", "b"], sep="/")
    assert capsys.readouterr().out.splitlines()[-1] == "a/|/b"
