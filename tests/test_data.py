"""buildllm.data: sliding windows and random batches checked against a brute-force walk along the stream, and the
loaders built on them."""

from __future__ import annotations

import ast
import math

import pytest
import tiktoken
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from buildllm.corpora import EOT, load_corpus, load_stories
from buildllm.data import TokenWindowDataset, compact_ids, corpus_loaders, encode_text, get_batch, make_loader
from helpers import KNOWN_GPT2_IDS, notebook


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
    ids = list(range(0, 65_536, 7)) + [65_535]
    dataset = TokenWindowDataset(ids, context_length=64, stride=1)
    assert isinstance(dataset.ids, torch.Tensor) and dataset.ids.ndim == 1
    assert dataset.ids.tolist() == ids
    assert dataset.ids.dtype == torch.uint16  # ids up to 65,535 take 2 bytes each
    assert dataset.ids.untyped_storage().nbytes() == 2 * len(ids)
    assert dataset[len(dataset) - 1][1][-1].item() == 65_535  # read back as int64 without wrapping round
    # Nothing else is stored per window: the attributes are the stream and two numbers.
    assert {name: type(value) for name, value in vars(dataset).items()} == {
        "context_length": int, "stride": int, "ids": torch.Tensor,
    }


@pytest.mark.parametrize(
    "largest, dtype",
    [(0, torch.uint16), (32_768, torch.uint16), (50_256, torch.uint16), (2**16 - 1, torch.uint16),
     (2**16, torch.int32), (100_276, torch.int32), (2**31 - 1, torch.int32), (2**31, torch.int64)],
)
def test_compact_ids_picks_the_smallest_type_that_holds_the_ids(largest, dtype):
    ids = compact_ids([0, largest, 1])
    assert ids.dtype == dtype and ids.tolist() == [0, largest, 1]


def test_gpt2_ids_fit_two_bytes_each():
    gpt2 = tiktoken.get_encoding("gpt2")
    ids = compact_ids(list(range(gpt2.n_vocab)))  # every GPT-2 id, 0 to 50,256
    assert ids.dtype == torch.uint16 and ids.element_size() == 2 and int(ids[-1]) == gpt2.n_vocab - 1


@pytest.mark.parametrize("dtype", [torch.uint16, torch.int32])
def test_compact_ids_does_not_copy_a_tensor_that_is_already_compact(dtype):
    ids = (torch.arange(100) + (0 if dtype == torch.uint16 else 70_000)).to(dtype)
    assert compact_ids(ids).data_ptr() == ids.data_ptr()


def test_compact_ids_of_small_unsigned_and_empty_streams():
    assert compact_ids(torch.tensor([0, 255], dtype=torch.uint8)).dtype == torch.uint16
    assert compact_ids(torch.tensor([3, 9], dtype=torch.int16)).tolist() == [3, 9]
    empty = compact_ids([])
    assert empty.dtype == torch.uint16 and empty.numel() == 0


@pytest.mark.parametrize("text", [b"Once upon a time", bytearray(b"Once"), "Once upon a time"])
def test_text_or_bytes_instead_of_ids_is_a_clear_error(text):
    for make in (compact_ids, lambda t: TokenWindowDataset(t, context_length=2)):
        with pytest.raises(TypeError, match="encode_text") as error:
            make(text)
        assert type(text).__name__ in str(error.value)


def test_windows_are_read_from_the_stream():
    dataset = TokenWindowDataset(list(range(30)), context_length=4, stride=4)
    dataset.ids[5] = 99  # change the stream: the window made afterwards sees it
    assert dataset[1][0].tolist() == [4, 99, 6, 7]


# ---------------------------------------------------------------------------------------------- the loaders


@pytest.mark.parametrize(
    "n, context_length, stride, batch_size", [(100, 4, 4, 3), (101, 7, 2, 8), (50, 5, 9, 1), (64, 3, 1, 64)]
)
@pytest.mark.parametrize("drop_last", [False, True])
def test_loader_batches_have_the_right_shapes(n, context_length, stride, batch_size, drop_last):
    windows = len(windows_by_walking(list(range(n)), context_length, stride))
    arguments = dict(context_length=context_length, stride=stride, batch_size=batch_size, drop_last=drop_last)
    if drop_last and windows < batch_size:  # no batch at all: refused
        with pytest.raises(ValueError, match="no batch"):
            make_loader(list(range(n)), **arguments)
        return
    loader = make_loader(list(range(n)), **arguments)
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


@pytest.mark.parametrize("seed", [None, 1.5, "123"])
def test_a_seed_that_is_not_a_whole_number_is_a_clear_error(seed):
    with pytest.raises(TypeError, match="seed must be a whole number such as 123"):
        make_loader(list(range(20)), context_length=4, shuffle=True, seed=seed)


def test_numpy_seed_is_accepted_and_means_the_same_seed():
    import numpy as np

    def first_batch(seed):
        return next(iter(make_loader(torch.arange(200), context_length=3, shuffle=True, seed=seed)))[0].tolist()

    assert first_batch(np.int64(9)) == first_batch(9)


@pytest.mark.parametrize("data", [b"Once upon a time", bytearray(b"Once upon a time")])
def test_bytes_given_to_make_loader_or_encode_text_are_a_clear_error(data):
    gpt2 = tiktoken.get_encoding("gpt2")
    with pytest.raises(TypeError, match=r"decode them to text first \(data.decode\('utf-8'\)\)"):
        make_loader(data, gpt2, context_length=2)
    with pytest.raises(TypeError, match=r"encode_text takes text \(a str\), got (bytes|bytearray): decode"):
        encode_text(data, gpt2)


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


class Letters:
    """A tokenizer written here, honouring tiktoken's contract: one id per lower-case letter, 26 for <|endoftext|>,
    which raises unless allowed."""

    eot_token = 26

    def encode(self, text, allowed_special=frozenset(), disallowed_special="all"):
        if EOT in text and allowed_special != "all" and EOT not in allowed_special:
            raise ValueError("<|endoftext|> is not allowed")
        ids = []
        for part in text.split(EOT):
            ids += [ord(ch) - ord("a") for ch in part if ch.isalpha()] + [self.eot_token]
        return ids[:-1]


def test_any_tokenizer_that_honours_the_contract_works():
    loader = make_loader(f"abc{EOT}de", Letters(), context_length=2, stride=1, batch_size=10)
    assert epoch_rows(loader) == ([[0, 1], [1, 2], [2, 26], [26, 3]], [[1, 2], [2, 26], [26, 3], [3, 4]])


def test_character_and_word_tokenizers_keep_the_end_token():
    from buildllm.tokenizers import CharTokenizer, WordTokenizer

    chars = CharTokenizer.from_text("ab cab")  # ids by hand: ' ' 0, a 1, b 2, c 3, then <|endoftext|> 4
    assert encode_text(f"ab{EOT}ca", chars).tolist() == [1, 2, 4, 3, 1]
    words = WordTokenizer.from_text("the fox ran . the crow")  # . 0, crow 1, fox 2, ran 3, the 4, EOT 5, unk 6
    assert encode_text(f"the fox{EOT}the owl", words).tolist() == [4, 2, 5, 4, 6]
    loader = make_loader(f"the fox{EOT}the owl", words, context_length=2, stride=1, batch_size=8)
    assert epoch_rows(loader) == ([[4, 2], [2, 5], [5, 4]], [[2, 5], [5, 4], [4, 6]])


def test_the_course_tokenizer_keeps_the_end_token_between_stories():
    from buildllm.bpe import course_tokenizer

    tokenizer = course_tokenizer()
    stories = ["The fox ran.", "Once upon a time, a crow sang.", "The end."]
    expected = []  # the truth: each story encoded alone, the end token's id between them
    for story in stories:
        expected += tokenizer.encode(story) + [tokenizer.eot_token]
    ids = encode_text(EOT.join(stories), tokenizer)
    assert ids.dtype == torch.uint16 and ids.tolist() == expected[:-1]


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
    assert train.dataset.ids.dtype == torch.uint16  # a vocabulary of a few thousand ids
    expected = []  # each validation story encoded alone, the end token between them
    for story in load_stories("valid"):
        expected += tokenizer.encode(story) + [tokenizer.eot_token]
    assert valid.dataset.ids.tolist() == expected[:-1]


# ------------------------------------------------------------------------------------- random batches: get_batch


def test_get_batch_rows_are_windows_of_the_stream():
    stream = torch.arange(50_000, 50_300).to(torch.uint16)  # ids above 32,767: read back without wrapping round
    inputs, targets = get_batch(stream, 64, 10, torch.Generator().manual_seed(0))
    assert inputs.shape == targets.shape == (64, 10) and inputs.dtype == targets.dtype == torch.long
    for row_inputs, row_targets in zip(inputs.tolist(), targets.tolist()):
        start = row_inputs[0] - 50_000
        assert 0 <= start <= 300 - 10 - 1  # the last window ends with the stream's last token
        assert row_inputs == list(range(50_000 + start, 50_000 + start + 10))
        assert row_targets == list(range(50_000 + start + 1, 50_000 + start + 11))
    assert targets.view(-1).numel() == 640  # contiguous: .view works, as a loss function needs


def test_get_batch_draws_every_start_about_equally_often():
    # 12 tokens, windows of 4 + 1: starts 0 to 7, each with chance 1/8 (counted by hand, not with the formula).
    generator = torch.Generator().manual_seed(3)
    starts = torch.cat([get_batch(torch.arange(12), 100, 4, generator)[0][:, 0] for _ in range(80)])
    counts = torch.bincount(starts, minlength=12).tolist()
    assert counts[8:] == [0, 0, 0, 0]
    assert all(850 <= count <= 1150 for count in counts[:8]), counts  # 1,000 expected each, sd about 30


def test_get_batch_is_reproducible_and_independent_of_the_global_seed():
    def batches(seed, global_seed):
        torch.manual_seed(global_seed)
        generator = torch.Generator().manual_seed(seed)
        return [get_batch(torch.arange(1000), 4, 8, generator)[0].tolist() for _ in range(3)]

    first = batches(seed=1, global_seed=0)
    assert first == batches(seed=1, global_seed=99)
    assert first != batches(seed=2, global_seed=0)
    assert first[0] != first[1]  # each call draws new windows


def test_get_batch_takes_a_list():
    inputs, targets = get_batch([5, 6, 7], 3, 2, torch.Generator().manual_seed(0))
    assert inputs.tolist() == [[5, 6]] * 3 and targets.tolist() == [[6, 7]] * 3  # one window fits: start 0


def test_get_batch_clear_errors():
    generator = torch.Generator().manual_seed(0)
    with pytest.raises(TypeError, match=r"needs a torch.Generator, got None: make one with torch.Generator\(\)"):
        get_batch(torch.arange(100), 4, 8, None)
    with pytest.raises(TypeError, match="needs a torch.Generator, got 123"):
        get_batch(torch.arange(100), 4, 8, 123)
    with pytest.raises(ValueError, match=r"has 8 tokens, but one window needs context_length \+ 1 = 9"):
        get_batch(torch.arange(8), 4, 8, generator)
    with pytest.raises(ValueError, match="batch_size must be a positive whole number"):
        get_batch(torch.arange(100), 0, 8, generator)
    with pytest.raises(ValueError, match="context_length must be a positive whole number"):
        get_batch(torch.arange(100), 4, 2.5, generator)
    with pytest.raises(TypeError, match="encode_text"):
        get_batch(b"Once upon a time", 4, 8, generator)
    with pytest.raises(ValueError, match="one flat stream"):
        get_batch(torch.zeros(4, 20, dtype=torch.long), 4, 8, generator)


# ----------------------------------------------------------------- the notebook's teaching versions agree


@pytest.fixture(scope="module")
def teaching():
    """The notebook's teaching versions (``*_v1``, ``*V1``), compiled from its cells without the cells' demo lines."""
    from torch.utils.data import DataLoader, Dataset

    namespace = {"torch": torch, "Dataset": Dataset, "DataLoader": DataLoader, "EOT": EOT}
    for cell in notebook("05_data_loading").cells:
        if cell.cell_type != "code" or "#| export" in cell.source:
            continue
        definitions = [node for node in ast.parse(cell.source).body
                       if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name.lower().endswith("v1")]
        exec(compile(ast.Module(body=definitions, type_ignores=[]), "05_data_loading.ipynb", "exec"), namespace)
    names = {"sliding_windows_v1", "compact_ids_v1", "WindowDatasetV1", "make_loader_v1", "get_batch_v1"}
    assert names <= namespace.keys(), names - namespace.keys()
    return namespace


@settings(max_examples=100, deadline=None)
@given(ids=st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=50))
def test_compact_ids_agrees_with_its_teaching_version(teaching, ids):
    package, plain = compact_ids(ids), teaching["compact_ids_v1"](ids)
    assert package.dtype == plain.dtype and package.tolist() == plain.tolist() == ids


@settings(max_examples=100, deadline=None)
@given(ids=st.lists(st.integers(0, 70_000), min_size=2, max_size=120), context_length=st.integers(1, 20),
       stride=st.integers(1, 25))
def test_the_datasets_agree_with_their_teaching_versions(teaching, ids, context_length, stride):
    if len(ids) < context_length + 1:
        return  # the teaching versions have no windows to compare (the package version refuses: tested above)
    package = as_lists(TokenWindowDataset(ids, context_length, stride))
    plain = teaching["WindowDatasetV1"](ids, context_length, stride)
    assert package == [(x.tolist(), y.tolist()) for x, y in (plain[i] for i in range(len(plain)))]
    assert package == list(zip(*teaching["sliding_windows_v1"](ids, context_length, stride)))


def test_get_batch_agrees_with_its_teaching_version(teaching):
    stream = compact_ids(torch.randint(0, 50_257, (3_000,), generator=torch.Generator().manual_seed(4)))
    for batch_size, context_length in [(1, 1), (8, 64), (32, 5), (3, 2_999)]:
        package_generator, plain_generator = torch.Generator().manual_seed(9), torch.Generator().manual_seed(9)
        for _ in range(3):
            package = get_batch(stream, batch_size, context_length, package_generator)
            plain = teaching["get_batch_v1"](stream, batch_size, context_length, plain_generator)
            assert all(torch.equal(a, b) for a, b in zip(package, plain))


def test_make_loader_agrees_with_its_teaching_version(teaching):
    gpt2 = tiktoken.get_encoding("gpt2")
    text = EOT.join(load_corpus("stories", "valid").split(EOT)[:3])
    for shuffle in (False, True):
        package = make_loader(text, gpt2, context_length=16, stride=16, batch_size=5, shuffle=shuffle, seed=2)
        plain = teaching["make_loader_v1"](text, gpt2, context_length=16, batch_size=5, shuffle=shuffle, seed=2)
        assert [[t.tolist() for t in batch] for batch in package] == [[t.tolist() for t in batch] for batch in plain]


def test_the_diagram_draws_the_stream_two_windows_and_the_batch():
    import matplotlib.pyplot as plt

    from buildllm.diagrams.data import STREAM, draw_stream_to_batch

    figure = draw_stream_to_batch()
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert all(token in texts for token in STREAM)
    assert any("inputs: (batch_size, context_length)" in text for text in texts)
    plt.close(figure)
