"""buildllm.data: sliding windows checked against a brute-force walk along the stream, and the loaders built on them."""

from __future__ import annotations

import math

import pytest
import tiktoken
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from buildllm.corpora import EOT, load_corpus
from buildllm.data import TokenWindowDataset, compact_ids, corpus_loaders, encode_text, make_loader
from helpers import KNOWN_GPT2_IDS


def windows_by_walking(ids: list[int], context_length: int, stride: int) -> list[tuple[list[int], list[int]]]:
    """The truth: walk a start along the stream while context_length inputs and one more token still fit."""
    pairs, start = [], 0
    while start + context_length + 1 <= len(ids):
        inputs = [ids[start + j] for j in range(context_length)]
        targets = [ids[start + j + 1] for j in range(context_length)]
        pairs.append((inputs, targets))
        start += stride
    return pairs


def as_lists(dataset) -> list[tuple[list[int], list[int]]]:
    return [(x.tolist(), y.tolist()) for x, y in (dataset[i] for i in range(len(dataset)))]


def epoch_rows(loader) -> tuple[list[list[int]], list[list[int]]]:
    inputs, targets = [], []
    for x, y in loader:
        inputs += x.tolist()
        targets += y.tolist()
    return inputs, targets


# ------------------------------------------------------------------------------------------------ the windows


def test_windows_match_brute_force_for_every_small_size():
    for n in range(2, 30):
        ids = [(7 * i * i + 3) % 101 for i in range(n)]
        for context_length in range(1, n):
            for stride in range(1, n + 3):
                dataset = TokenWindowDataset(ids, context_length, stride)
                assert as_lists(dataset) == windows_by_walking(ids, context_length, stride), (n, context_length, stride)


@settings(max_examples=300, deadline=None)
@given(
    ids=st.lists(st.integers(0, 70_000), min_size=2, max_size=300),
    context_length=st.integers(1, 40),
    stride=st.integers(1, 50),
)
def test_windows_match_brute_force(ids, context_length, stride):
    if len(ids) < context_length + 1:
        with pytest.raises(ValueError, match="context_length \\+ 1"):
            TokenWindowDataset(ids, context_length, stride)
        return
    dataset = TokenWindowDataset(ids, context_length, stride)
    expected = windows_by_walking(ids, context_length, stride)
    assert len(dataset) == len(expected)
    assert as_lists(dataset) == expected


def test_targets_are_inputs_shifted_by_one():
    ids = torch.randint(0, 5000, (500,), generator=torch.Generator().manual_seed(0))
    dataset = TokenWindowDataset(ids, context_length=16, stride=5)
    for i in range(len(dataset)):
        x, y = dataset[i]
        start = 5 * i
        assert torch.equal(x[1:], y[:-1])
        assert int(y[-1]) == int(ids[start + 16])  # the one token after the inputs
        assert torch.equal(x, ids[start:start + 16])


def test_windows_are_int64_and_stride_defaults_to_context_length():
    dataset = TokenWindowDataset(list(range(100)), context_length=10)
    assert dataset.stride == 10 and len(dataset) == 9  # starts 0, 10, ..., 80; a start at 90 would need id 100
    x, y = dataset[8]
    assert x.dtype == y.dtype == torch.long
    assert x.tolist() == list(range(80, 90)) and y.tolist() == list(range(81, 91))


def test_indexing_like_a_sequence():
    dataset = TokenWindowDataset(list(range(20)), context_length=4, stride=4)
    assert [x[0].item() for x, _ in dataset] == [0, 4, 8, 12]  # iteration stops at the end (IndexError)
    assert dataset[-1][0].tolist() == [12, 13, 14, 15]
    assert dataset[torch.tensor(1)][0][0].item() == 4
    for bad in (4, -5):
        with pytest.raises(IndexError, match="4 windows"):
            dataset[bad]


# ------------------------------------------------------------------------------------------ clear errors


@pytest.mark.parametrize("n", [0, 1, 5, 8])
def test_a_stream_shorter_than_one_window_is_a_clear_error(n):
    with pytest.raises(ValueError) as error:
        TokenWindowDataset(list(range(n)), context_length=8)
    message = str(error.value)
    assert f"has {n} tokens" in message and "context_length + 1 = 9" in message and "more text" in message


def test_exactly_one_window():
    dataset = TokenWindowDataset(list(range(9)), context_length=8, stride=100)
    assert len(dataset) == 1 and dataset[0][1].tolist() == list(range(1, 9))


@pytest.mark.parametrize("name", ["context_length", "stride"])
@pytest.mark.parametrize("bad", [0, -3, 2.0, 1.5, "4", True])
def test_context_length_and_stride_must_be_positive_whole_numbers(name, bad):
    arguments = {"context_length": 4, "stride": 2, name: bad}
    with pytest.raises(ValueError, match=f"{name} must be a positive whole number"):
        TokenWindowDataset(list(range(50)), **arguments)


def test_numpy_and_tensor_integers_are_accepted():
    import numpy as np

    dataset = TokenWindowDataset(np.arange(30), context_length=np.int64(5), stride=torch.tensor(5))
    assert len(dataset) == 5


@pytest.mark.parametrize(
    "ids, match",
    [([[1, 2], [3, 4]], "1-D"), ([0.5, 1.5, 2.5], "whole numbers"), ([3, -1, 4], "negative")],
)
def test_bad_ids_are_clear_errors(ids, match):
    with pytest.raises(ValueError, match=match):
        TokenWindowDataset(ids, context_length=1)


# ------------------------------------------------------------------------------------ one compact tensor


def test_ids_are_stored_as_one_compact_tensor():
    ids = list(range(0, 32_768, 7))
    dataset = TokenWindowDataset(ids, context_length=64, stride=1)
    assert isinstance(dataset.ids, torch.Tensor) and dataset.ids.ndim == 1
    assert dataset.ids.tolist() == ids
    assert dataset.ids.dtype == torch.int16  # ids up to 32,767 take 2 bytes each
    assert dataset.ids.untyped_storage().nbytes() == 2 * len(ids)
    # Nothing else is stored per window: the attributes are the stream and two numbers.
    assert {name: type(value) for name, value in vars(dataset).items()} == {
        "context_length": int, "stride": int, "ids": torch.Tensor,
    }


@pytest.mark.parametrize(
    "largest, dtype",
    [(0, torch.int16), (32_767, torch.int16), (32_768, torch.int32), (50_256, torch.int32), (2**31, torch.int64)],
)
def test_compact_ids_picks_the_smallest_type_that_holds_the_ids(largest, dtype):
    ids = compact_ids([0, largest, 1])
    assert ids.dtype == dtype and ids.tolist() == [0, largest, 1]


def test_compact_ids_does_not_copy_a_tensor_that_is_already_compact():
    ids = torch.arange(100, dtype=torch.int16)
    assert compact_ids(ids).data_ptr() == ids.data_ptr()


def test_windows_are_read_from_the_stream():
    dataset = TokenWindowDataset(list(range(30)), context_length=4, stride=4)
    dataset.ids[5] = 99  # change the stream: the window made afterwards sees it
    assert dataset[1][0].tolist() == [4, 99, 6, 7]


# ---------------------------------------------------------------------------------------------- the loaders


@pytest.mark.parametrize("n, context_length, stride, batch_size", [(100, 4, 4, 3), (101, 7, 2, 8), (50, 5, 9, 1), (64, 3, 1, 64)])
@pytest.mark.parametrize("drop_last", [False, True])
def test_loader_batches_have_the_right_shapes(n, context_length, stride, batch_size, drop_last):
    windows = len(windows_by_walking(list(range(n)), context_length, stride))
    if drop_last and windows < batch_size:
        return  # refused: see test_drop_last_with_too_few_windows_is_refused
    loader = make_loader(list(range(n)), context_length=context_length, stride=stride, batch_size=batch_size, drop_last=drop_last)
    shapes = [(tuple(x.shape), tuple(y.shape), x.dtype, y.dtype) for x, y in loader]
    full = windows // batch_size
    rest = windows - full * batch_size
    expected = [((batch_size, context_length), (batch_size, context_length), torch.long, torch.long)] * full
    if rest and not drop_last:
        expected.append(((rest, context_length), (rest, context_length), torch.long, torch.long))
    assert shapes == expected
    assert len(loader) == (full if drop_last else math.ceil(windows / batch_size))


@pytest.mark.parametrize("shuffle", [False, True])
def test_an_epoch_covers_every_window_once(shuffle):
    ids = torch.randint(0, 4000, (1000,), generator=torch.Generator().manual_seed(1)).tolist()
    loader = make_loader(ids, context_length=12, stride=5, batch_size=7, shuffle=shuffle, seed=3)
    expected = windows_by_walking(ids, 12, 5)
    for _epoch in range(2):
        inputs, targets = epoch_rows(loader)
        got = list(zip(inputs, targets))
        if shuffle:
            assert got != expected and sorted(got) == sorted(expected)
        else:
            assert got == expected


def test_shuffling_is_reproducible_with_a_seed():
    def order(seed, epochs=3):
        loader = make_loader(torch.arange(400), context_length=3, stride=3, batch_size=8, shuffle=True, seed=seed)
        return [[row[0] for row in epoch_rows(loader)[0]] for _ in range(epochs)]

    first = order(seed=7)
    assert first == order(seed=7)  # a new loader with the same seed: the same orders, epoch by epoch
    assert first != order(seed=8)
    assert first[0] != first[1]  # a new order each epoch
    assert all(sorted(epoch) == list(range(0, 397, 3)) for epoch in first)  # the last start, 396, ends at id 399


def test_shuffling_does_not_depend_on_the_global_seed():
    orders = []
    for global_seed in (0, 1):
        torch.manual_seed(global_seed)
        loader = make_loader(torch.arange(100), context_length=3, batch_size=4, shuffle=True, seed=5)
        orders.append(epoch_rows(loader)[0])
    assert orders[0] == orders[1]


def test_loader_is_single_process():
    assert make_loader(list(range(10)), context_length=2).num_workers == 0


def test_drop_last_with_too_few_windows_is_refused():
    with pytest.raises(ValueError, match="no batch"):
        make_loader(list(range(20)), context_length=4, batch_size=8, drop_last=True)  # 3 windows
    assert len(make_loader(list(range(20)), context_length=4, batch_size=8)) == 1  # without drop_last: one batch of 3


def test_bad_batch_size_is_a_clear_error():
    with pytest.raises(ValueError, match="batch_size must be a positive whole number"):
        make_loader(list(range(20)), context_length=4, batch_size=0)


# ---------------------------------------------------------------------------------------------- from text


def test_text_is_encoded_with_end_of_text_allowed():
    text = "Hello, do you like tea? <|endoftext|> In the sunlit terraces of someunknownPlace."
    known = KNOWN_GPT2_IDS[text]
    gpt2 = tiktoken.get_encoding("gpt2")
    assert encode_text(text, gpt2).tolist() == known
    loader = make_loader(text, gpt2, context_length=4, stride=4, batch_size=2)
    inputs, targets = epoch_rows(loader)
    assert inputs == [known[0:4], known[4:8], known[8:12], known[12:16]]
    assert targets == [known[1:5], known[5:9], known[9:13], known[13:17]]


def test_any_tokenizer_with_an_encode_method_works():
    class Letters:  # a tokenizer written here: one id per lower-case letter, 26 for <|endoftext|>
        eot_token = 26

        def encode(self, text):
            ids = []
            for part in text.split(EOT):
                ids += [ord(ch) - ord("a") for ch in part if ch.isalpha()] + [self.eot_token]
            return ids[:-1]

    loader = make_loader(f"abc{EOT}de", Letters(), context_length=2, stride=1, batch_size=10)
    assert epoch_rows(loader) == ([[0, 1], [1, 2], [2, 26], [26, 3]], [[1, 2], [2, 26], [26, 3], [3, 4]])


def test_text_without_a_tokenizer_is_a_clear_error():
    with pytest.raises(ValueError, match="no tokenizer"):
        make_loader("Once upon a time", context_length=2)


def test_corpus_loaders_cover_the_stories():
    gpt2 = tiktoken.get_encoding("gpt2")
    train, valid = corpus_loaders(gpt2, context_length=32, batch_size=16, seed=1)
    stream = {split: gpt2.encode(load_corpus("stories", split), allowed_special={EOT}) for split in ("train", "valid")}
    train_windows = windows_by_walking(stream["train"], 32, 32)
    valid_windows = windows_by_walking(stream["valid"], 32, 32)

    inputs, targets = epoch_rows(valid)  # validation: every window, in order
    assert list(zip(inputs, targets)) == valid_windows

    inputs, targets = epoch_rows(train)  # training: shuffled, full batches only
    got = list(zip(inputs, targets))
    assert len(got) == len(train_windows) // 16 * 16
    assert got != train_windows[:len(got)]
    as_set = {(tuple(x), tuple(y)) for x, y in got}
    assert len(as_set) == len(got) and as_set <= {(tuple(x), tuple(y)) for x, y in train_windows}
    assert all(x.shape == (16, 32) for x, _ in train)


def test_corpus_loaders_with_the_course_tokenizer():
    from buildllm.bpe import course_tokenizer

    tokenizer = course_tokenizer()
    train, valid = corpus_loaders(tokenizer, context_length=64, batch_size=8)
    assert train.dataset.ids.dtype == torch.int16  # a vocabulary of a few thousand ids
    ids = tokenizer.encode(load_corpus("stories", "valid"), allowed_special={EOT})
    assert valid.dataset.ids.tolist() == ids
    assert tokenizer.eot_token in ids
