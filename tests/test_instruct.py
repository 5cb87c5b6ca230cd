"""buildllm.instruct: the template, padding and masking, the loss, the scores (against hand-computed values)."""

import math

import pytest
import torch
import torch.nn.functional as F

from buildllm.bpe import course_tokenizer
from buildllm.corpora import CHECKABLE_TASKS, load_instructions
from buildllm.instruct import (
    IGNORE_INDEX,
    InstructionDataset,
    collate,
    encode_example,
    evaluate_loss,
    exact_match,
    finetune,
    format_prompt,
    instruction_loader,
    instruction_loss,
    lcs_length,
    leaks_template,
    normalize,
    respond,
    rouge_l,
    score_by_task,
    score_response,
)
from buildllm.model import GPTConfig, GPTModel
from buildllm.train import TrainConfig

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def tokenizer():
    return course_tokenizer()


def tiny_model(context_length=64, seed=0):
    torch.manual_seed(seed)
    return GPTModel(GPTConfig(vocab_size=4096, context_length=context_length, d_model=32, num_heads=2,
                              num_layers=1)).eval()


# ------------------------------------------------------------------------------------------------ the template


def test_prompt_with_and_without_input():
    assert format_prompt({"instruction": "Add 2 and 3.", "input": ""}) == (
        "### Instruction:\nAdd 2 and 3.\n\n### Response:\n")
    assert format_prompt({"instruction": "Sort these.", "input": "b, a"}) == (
        "### Instruction:\nSort these.\n\n### Input:\nb, a\n\n### Response:\n")
    assert format_prompt({"instruction": "Hi"}) == "### Instruction:\nHi\n\n### Response:\n"  # no input key


def test_encode_example_ends_with_the_end_token_and_marks_the_prompt(tokenizer):
    entry = {"instruction": "What is the plural of \"cat\"?", "input": "", "output": "cats"}
    ids, prompt_length = encode_example(entry, tokenizer)
    assert ids[-1] == tokenizer.eot_token and ids.count(tokenizer.eot_token) == 1
    assert tokenizer.decode(ids[:prompt_length]) == format_prompt(entry)
    assert tokenizer.decode(ids[prompt_length:-1]) == "cats"


def test_too_long_examples_are_skipped_and_counted(tokenizer):
    entries = [{"instruction": "Say yes.", "input": "", "output": "yes"},
               {"instruction": "Say yes.", "input": "word " * 200, "output": "yes"}]
    dataset = InstructionDataset(entries, tokenizer, context_length=64)
    assert len(dataset) == 1 and dataset.entries == entries[:1] and dataset.skipped == entries[1:]
    ids, _ = dataset[0]
    assert len(ids) <= 65
    exact = len(encode_example(entries[0], tokenizer)[0])  # a sequence of context_length + 1 ids still fits
    assert len(InstructionDataset(entries[:1], tokenizer, context_length=exact - 1)) == 1
    assert len(InstructionDataset(entries[:1], tokenizer, context_length=exact - 2)) == 0


# ---------------------------------------------------------------------------------------- padding and masking


def test_collate_on_a_batch_checked_by_hand():
    # Row 0: prompt 11 12 13, response 21 22, end 0. Row 1: prompt 14 15, response 23, end 0 (two shorter).
    examples = [([11, 12, 13, 21, 22, 0], 3), ([14, 15, 23, 0], 2)]
    inputs, targets = collate(examples, pad_id=99)
    assert inputs.tolist() == [[11, 12, 13, 21, 22],
                               [14, 15, 23, 99, 99]]
    assert targets.tolist() == [[-100, -100, 21, 22, 0],
                                [-100, 23, 0, -100, -100]]
    inputs, targets = collate(examples, pad_id=99, mask_prompt=False)
    assert targets.tolist() == [[12, 13, 21, 22, 0],
                                [15, 23, 0, -100, -100]]
    assert inputs.dtype == targets.dtype == torch.long and IGNORE_INDEX == -100


def test_collate_pads_to_the_longest_row_not_the_context():
    inputs, targets = collate([([1, 2, 3], 1), ([4, 5], 1)], pad_id=0)
    assert inputs.shape == targets.shape == (2, 2)
    assert targets.tolist() == [[2, 3], [5, -100]]  # a one-token prompt masks nothing


def test_the_loader_batches_with_collate(tokenizer):
    entries = load_instructions("valid")[:5]
    dataset = InstructionDataset(entries, tokenizer, context_length=256)
    inputs, targets = next(iter(instruction_loader(dataset, batch_size=5, pad_id=tokenizer.eot_token)))
    expected = collate([dataset[i] for i in range(5)], tokenizer.eot_token)
    assert torch.equal(inputs, expected[0]) and torch.equal(targets, expected[1])


def test_prompt_masking_removes_the_prompt_from_the_loss(tokenizer):
    model = tiny_model()
    entries = [{"instruction": "Name a colour.", "input": "", "output": "Blue."},
               {"instruction": "Copy the word.", "input": "kite", "output": "kite"}]
    examples = [encode_example(entry, tokenizer) for entry in entries]
    inputs, targets = collate(examples, pad_id=tokenizer.eot_token)
    # By hand: the sequence's log-probabilities at the response and end-token positions only, averaged.
    log_probs = model(inputs).log_softmax(dim=-1)
    terms = []
    for row, (ids, prompt_length) in enumerate(examples):
        for position in range(prompt_length - 1, len(ids) - 1):  # inputs up to here predict ids[position + 1]
            terms.append(-log_probs[row, position, ids[position + 1]].item())
    assert len(terms) == sum(len(ids) - p for ids, p in examples)  # the response and the end token of each
    assert instruction_loss(model, inputs, targets).item() == pytest.approx(sum(terms) / len(terms), rel=1e-5)
    # The prompt's targets change nothing: other prompt tokens in the targets (not the inputs) give the same loss.
    assert (targets != IGNORE_INDEX).sum() == len(terms)


def test_the_loss_does_not_see_padding_or_what_follows_the_row(tokenizer):
    model = tiny_model()
    short = ([5, 6, 7, tokenizer.eot_token], 2)
    alone = instruction_loss(model, *collate([short], pad_id=0))
    with_longer = collate([short, ([8] * 12 + [tokenizer.eot_token], 3)], pad_id=0)
    logits = model(with_longer[0])
    row0 = F.cross_entropy(logits[0], with_longer[1][0], ignore_index=-100)
    assert row0.item() == pytest.approx(alone.item(), rel=1e-5)  # padding at the end changes nothing (causal)


def test_evaluate_loss_weights_every_target_once(tokenizer):
    model = tiny_model()
    entries = load_instructions("valid")[:7]
    dataset = InstructionDataset(entries, tokenizer, context_length=64)
    in_batches = evaluate_loss(model, instruction_loader(dataset, 3, tokenizer.eot_token))
    at_once = evaluate_loss(model, instruction_loader(dataset, len(dataset), tokenizer.eot_token))
    assert in_batches == pytest.approx(at_once, rel=1e-5)


def test_finetune_lowers_the_loss_on_what_it_trains(tokenizer):
    model = tiny_model(context_length=128)
    entries = [e for e in load_instructions("train") if e["task"] == "plural"][:16]
    dataset = InstructionDataset(entries, tokenizer, 128)
    loader = instruction_loader(dataset, 16, tokenizer.eot_token)
    before = evaluate_loss(model, loader)
    history = finetune(model, dataset, dataset, TrainConfig(max_steps=30, batch_size=8, lr=3e-3, warmup_steps=3,
                                                            eval_every=10), tokenizer.eot_token, progress=False)
    assert len(history["train_loss"]) == 30 and history["val_step"] == [10, 20, 30]
    assert history["val_loss"][-1] < before - 1.0
    assert not model.training


# --------------------------------------------------------------------------------------------------- the scores


def test_normalize_and_exact_match():
    assert normalize("  The  Cat\n sat. ") == "the cat sat"
    assert normalize("Hamid.") == "hamid" and normalize("e.g.") == "e.g" and normalize("...") == ".."
    assert exact_match(" Hamid. ", "hamid") and exact_match("CATS", "cats.")
    assert not exact_match("4 2", "42") and not exact_match("cats!", "cats") and not exact_match("", "0")
    assert exact_match("kiwi,  moss", "Kiwi, moss")


def test_lcs_length_by_hand():
    assert lcs_length("a b c d".split(), "a c d".split()) == 3
    assert lcs_length("a b".split(), "c d".split()) == 0
    assert lcs_length([], ["a"]) == 0
    assert lcs_length("the fox ran to the old mill".split(), "a fox ran past the mill".split()) == 4
    assert lcs_length("a b a b".split(), "b a b a".split()) == 3


@pytest.mark.parametrize("response, reference, expected", [
    # LCS "fox ran the mill" = 4; P = 4/6, R = 4/7: F = 2PR/(P+R) = 8/13.
    ("A fox ran past the mill.", "The fox ran to the old mill", 8 / 13),
    ("the cat", "the cat", 1.0),
    ("cat the", "the cat", 0.5),  # LCS 1: P = R = 1/2
    ("dogs bark", "the cat", 0.0),
    ("", "the cat", 0.0),
    ("Mila's kite!", "mila's red kite", 0.8),  # LCS 2: P = 1, R = 2/3: 2 * (2/3) / (5/3) = 4/5
    ("one two three four", "two four", 2 / 3),  # LCS 2: P = 1/2, R = 1: 2 * (1/2) / (3/2) = 2/3
])
def test_rouge_l_by_hand(response, reference, expected):
    assert rouge_l(response, reference) == pytest.approx(expected)


def test_leaks_template():
    assert leaks_template("cats\n\n### Instruction:\nWhat is")
    assert leaks_template("yes ### Response")
    assert not leaks_template("cats") and not leaks_template("Read the instruction: yes")


def test_score_response_and_the_table():
    records = [score_response({"instruction": "i", "output": "42", "task": "arithmetic"}, "42.", True),
               score_response({"instruction": "i", "output": "42", "task": "arithmetic"}, "41", True),
               score_response({"instruction": "i", "output": "the cat sat", "task": "writing"}, "the cat", False),
               score_response({"instruction": "i", "output": "cats", "task": "plural"}, "cats ### Input:", True)]
    assert [r["score"] for r in records] == [1.0, 0.0, pytest.approx(0.8), 0.0]
    assert [r["format_ok"] for r in records] == [True, True, False, False]
    table = score_by_task(records)
    assert list(table) == ["arithmetic", "plural", "writing", "all checkable", "all free"]
    assert table["arithmetic"] == {"n": 2, "metric": "exact match", "score": 0.5, "format_ok": 1.0}
    assert table["all checkable"]["n"] == 3 and table["all checkable"]["score"] == pytest.approx(1 / 3)
    assert table["all free"]["metric"] == "ROUGE-L" and table["all free"]["format_ok"] == 0.0
    assert "arithmetic" in CHECKABLE_TASKS and "writing" not in CHECKABLE_TASKS


class RiggedModel(torch.nn.Module):
    """Emits the ids of ``script`` in turn, whatever it reads (the logits put all weight on the next one)."""

    def __init__(self, script, vocab_size=4096, context_length=64):
        super().__init__()
        self.script, self.vocab_size = list(script), vocab_size
        self.config = GPTConfig(vocab_size=vocab_size, context_length=context_length, d_model=8, num_heads=1,
                                num_layers=1)
        self.anchor = torch.nn.Parameter(torch.zeros(1))  # a parameter, so the device can be read from it
        self.start = None

    def forward(self, ids):
        if self.start is None:
            self.start = ids.shape[1]
        step = min(ids.shape[1] - self.start, len(self.script) - 1)
        logits = torch.full((ids.shape[0], ids.shape[1], self.vocab_size), -1e4)
        logits[:, -1, self.script[step]] = 0.0
        return logits


def test_respond_stops_at_the_end_token(tokenizer):
    wanted = tokenizer.encode("cats")
    model = RiggedModel(wanted + [tokenizer.eot_token] + tokenizer.encode(" and dogs"))
    text, stopped = respond(model, tokenizer, {"instruction": "Plural of cat?", "input": ""})
    assert (text, stopped) == ("cats", True)
    model = RiggedModel(tokenizer.encode(" on and on") * 30)
    text, stopped = respond(model, tokenizer, {"instruction": "Plural of cat?"}, max_new_tokens=5)
    assert not stopped and len(tokenizer.encode(text)) == 5
    assert math.isfinite(len(text))
