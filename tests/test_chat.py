"""buildllm.chat: the conversation in the template, trimming to the context, streaming, stopping at the end token."""

import io
from contextlib import redirect_stdout

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buildllm.bpe import course_tokenizer
from buildllm.chat import Chat, chat_box, chat_in_terminal, keep_newest
from buildllm.instruct import format_prompt
from buildllm.model import GPTConfig

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def tokenizer():
    return course_tokenizer()


class RiggedModel(torch.nn.Module):
    """A model whose logits put all weight on the next id of ``script`` (counted from the first call's length);
    past the script's end it repeats the last id. It records every input it is given."""

    def __init__(self, script, context_length=256, vocab_size=4096):
        super().__init__()
        self.script, self.vocab_size = list(script), vocab_size
        self.config = GPTConfig(vocab_size=vocab_size, context_length=context_length, d_model=8, num_heads=1,
                                num_layers=1)
        self.anchor = torch.nn.Parameter(torch.zeros(1))
        self.seen = []

    def forward(self, ids):
        self.seen.append(ids[0].tolist())
        step = min(len(self.seen) - 1, len(self.script) - 1)
        logits = torch.full((ids.shape[0], ids.shape[1], self.vocab_size), -1e4)
        logits[:, -1, self.script[step]] = 0.0
        return logits


GREEDY = {"temperature": 0.0}


# -------------------------------------------------------------------------------------------- keeping turns


def test_keep_newest_keeps_the_newest_whole_turns():
    turns = [[0] * 30, [1] * 50, [2] * 20, [3] * 40]
    assert keep_newest(turns, 100) == [[2] * 20, [3] * 40]  # 40 + 20 = 60; + 50 would be 110
    assert keep_newest(turns, 110) == [[1] * 50, [2] * 20, [3] * 40]
    assert keep_newest(turns, 140) == turns
    assert keep_newest(turns, 60) == [[2] * 20, [3] * 40]  # exactly full
    # Contiguous: a small old turn is not kept once a newer one was dropped.
    assert keep_newest([[0] * 5, [1] * 50, [2] * 40], 50) == [[2] * 40]
    # The newest turn alone too long: its last tokens are kept.
    assert keep_newest([[0] * 5, list(range(80))], 50) == [list(range(30, 80))]


def test_the_conversation_is_kept_in_the_template(tokenizer):
    eot = tokenizer.eot_token
    reply_ids = tokenizer.encode("Hello there.")
    model = RiggedModel(reply_ids + [eot])
    chat = Chat(model, tokenizer, **GREEDY)
    assert chat.reply("Hi!") == "Hello there."
    assert chat.turns == [("Hi!", "Hello there.")]
    expected = (tokenizer.encode(format_prompt({"instruction": "Hi!"})) + tokenizer.encode("Hello there.") + [eot]
                + tokenizer.encode(format_prompt({"instruction": "And you?"})))
    assert chat.context_ids("And you?") == expected
    chat.reset()
    assert chat.turns == [] and chat.context_ids("x") == tokenizer.encode(format_prompt({"instruction": "x"}))


def test_trimming_drops_the_oldest_turns_first(tokenizer):
    model = RiggedModel([tokenizer.eot_token], context_length=96)
    chat = Chat(model, tokenizer, max_new_tokens=20, **GREEDY)
    chat.turns = [(f"message number {k}", "word " * 8) for k in range(10)]
    ids = chat.context_ids("the newest message")
    assert len(ids) <= 96 - 20
    text = tokenizer.decode(ids)
    assert text.endswith(format_prompt({"instruction": "the newest message"}))
    kept = [k for k in range(10) if f"message number {k}\n" in text]
    assert kept and kept == list(range(10 - len(kept), 10))  # the newest ones, in order
    assert text.startswith("### Instruction:\nmessage number")  # whole turns only


def test_the_reply_room_is_at_most_half_the_context(tokenizer):
    model = RiggedModel([tokenizer.eot_token], context_length=64)
    chat = Chat(model, tokenizer, max_new_tokens=500, **GREEDY)
    chat.turns = [("hello", "hi")] * 5
    assert 0 < len(chat.context_ids("a question")) <= 32


# ----------------------------------------------------------------------------------- streaming and stopping


def test_the_chat_stops_at_the_end_token(tokenizer):
    eot = tokenizer.eot_token
    after = tokenizer.encode(" and this must never show")
    model = RiggedModel(tokenizer.encode("Yes.") + [eot] + after)
    chat = Chat(model, tokenizer, max_new_tokens=50, **GREEDY)
    pieces = list(chat.stream("Well?"))
    assert "".join(pieces) == "Yes."
    assert len(model.seen) == len(tokenizer.encode("Yes.")) + 1  # no call after the end token
    assert chat.turns == [("Well?", "Yes.")]


def test_the_chat_stops_at_the_token_limit(tokenizer):
    model = RiggedModel(tokenizer.encode(" la") * 100)
    chat = Chat(model, tokenizer, max_new_tokens=7, **GREEDY)
    assert chat.reply("Sing.") == " la" * 7


def test_a_stream_closed_early_still_remembers_the_turn(tokenizer):
    model = RiggedModel(tokenizer.encode("one two three four") + [tokenizer.eot_token])
    chat = Chat(model, tokenizer, **GREEDY)
    stream = chat.stream("Count.")
    first = next(stream)
    stream.close()
    assert chat.turns == [("Count.", first)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=25))
def test_streaming_never_shows_a_broken_character(tokenizer, text):
    ids = tokenizer.encode(text)
    model = RiggedModel(ids + [tokenizer.eot_token])
    pieces = list(Chat(model, tokenizer, max_new_tokens=len(ids) + 5, **GREEDY).stream("Say it."))
    assert "".join(pieces) == text
    for piece in pieces:
        assert piece  # no empty pieces
        assert "\ufffd" not in piece or "\ufffd" in text  # only a replacement character the text really has
        piece.encode("utf-8")  # whole characters: no lone surrogates


def test_sampling_with_a_seed_is_reproducible(tokenizer):
    torch.manual_seed(0)
    from buildllm.model import GPTModel

    model = GPTModel(GPTConfig(vocab_size=4096, context_length=64, d_model=16, num_heads=2, num_layers=1)).eval()
    first = Chat(model, tokenizer, max_new_tokens=8, seed=3, temperature=1.0).reply("Hi")
    second = Chat(model, tokenizer, max_new_tokens=8, seed=3, temperature=1.0).reply("Hi")
    assert first == second


def test_bad_sampling_settings_fail_clearly(tokenizer):
    with pytest.raises(ValueError, match="temperature"):
        Chat(RiggedModel([0]), tokenizer, temperature=-1)


# ---------------------------------------------------------------------------------------- the two front ends


def test_chat_in_terminal_streams_and_ends_on_an_empty_line_or_eof(tokenizer):
    eot = tokenizer.eot_token
    model = RiggedModel(tokenizer.encode("Hello!") + [eot])
    lines = iter(["Hi there", ""])
    out = io.StringIO()
    with redirect_stdout(out):
        chat_in_terminal(model, tokenizer, ask=lambda prompt: next(lines), **GREEDY)
    assert "gpt: Hello!" in out.getvalue() and out.getvalue().rstrip().endswith("bye")

    def no_keyboard(prompt):
        raise EOFError

    out = io.StringIO()
    with redirect_stdout(out):
        chat_in_terminal(model, tokenizer, max_new_tokens=5, ask=no_keyboard, **GREEDY)
    assert "bye" in out.getvalue()


def test_chat_in_terminal_takes_what_the_command_line_passes(tokenizer):
    model = RiggedModel(tokenizer.encode("Ok") + [tokenizer.eot_token])
    lines = iter(["hello", ""])
    out = io.StringIO()
    with redirect_stdout(out):  # the call `python -m buildllm chat` makes
        chat_in_terminal(model, tokenizer, temperature=0.0, top_k=None, top_p=None, repetition_penalty=1.0,
                         max_new_tokens=10, ask=lambda prompt: next(lines))
    assert "gpt: Ok" in out.getvalue()


def test_the_chat_box_fills_as_tokens_arrive(tokenizer):
    pytest.importorskip("ipywidgets")
    model = RiggedModel(tokenizer.encode("Café au lait.") + [tokenizer.eot_token])
    box = chat_box(model, tokenizer, **GREEDY)
    row, shown = box.children
    field, send, reset = row.children
    values = []
    shown.observe(lambda change: values.append(change["new"]), names="value")
    field.value = "A drink?"  # as if typed and Enter pressed
    assert "gpt: Café au lait." in values[-1] and "you: A drink?" in values[-1]
    assert len(values) > 2  # filled piece by piece
    assert field.value == "" and not field.disabled
    reset.click()
    assert "Café" not in shown.value
