"""buildllm.train (notebook 09): the loss, the schedule, the optimizer groups, the Trainer and its checkpoints."""

import math
import random

import pytest
import torch
from torch import nn

from buildllm.bpe import course_tokenizer
from buildllm.corpora import load_corpus
from buildllm.data import encode_text
from buildllm.model import GPTConfig, GPTModel
from buildllm.tokenizers import CharTokenizer
from buildllm.train import (
    CheckpointError,
    TrainConfig,
    Trainer,
    bits_per_byte,
    configure_optimizer,
    course_gpt,
    course_gpt_path,
    evaluate,
    lm_loss,
    load_model,
    lr_at,
    read_checkpoint,
    resume,
    save_checkpoint,
)

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def tokenizer():
    return course_tokenizer()


@pytest.fixture(scope="module")
def ids(tokenizer):
    text = load_corpus("stories", "valid")[:20_000]
    stream = encode_text(text, tokenizer)
    return stream[: len(stream) // 2], stream[len(stream) // 2:]


def tiny_config(tokenizer, **changes):
    sizes = dict(vocab_size=tokenizer.n_vocab, context_length=16, d_model=32, num_heads=2, num_layers=1)
    return GPTConfig(**{**sizes, **changes})


RECIPE = TrainConfig(max_steps=12, batch_size=4, warmup_steps=3, eval_every=4, eval_batches=2)


def make_trainer(tokenizer, ids, seed=123, recipe=RECIPE, **changes):
    torch.manual_seed(seed)
    return Trainer(GPTModel(tiny_config(tokenizer, **changes)), *ids, recipe, device="cpu")


# ----------------------------------------------------------------------------------------------- measuring


class Uniform(nn.Module):
    """A 'model' whose scores are all equal: every token has probability 1/V."""

    def __init__(self, vocab_size, context_length=8):
        super().__init__()
        self.anchor = nn.Parameter(torch.zeros(()))  # evaluate finds the device through the parameters
        self.vocab_size = vocab_size
        self.config = GPTConfig(vocab_size=vocab_size, context_length=context_length, d_model=8, num_heads=1,
                                num_layers=1)

    def forward(self, ids):
        return torch.zeros(*ids.shape, self.vocab_size) + self.anchor


@pytest.mark.parametrize("vocab_size", [2, 65, 4096, 50257])
def test_a_uniform_model_loses_ln_v(vocab_size):
    model = Uniform(vocab_size)
    inputs = torch.randint(vocab_size, (3, 8))
    targets = torch.randint(vocab_size, (3, 8))
    assert lm_loss(model, inputs, targets).item() == pytest.approx(math.log(vocab_size), rel=1e-6)
    stream = torch.randint(vocab_size, (100,))
    assert evaluate(model, stream, 8, batch_size=4) == pytest.approx(math.log(vocab_size), rel=1e-6)
    assert evaluate(model, stream, 8, batch_size=4, max_batches=1) == pytest.approx(math.log(vocab_size), rel=1e-6)


def test_bits_per_byte_by_hand():
    # 8 tokens at ln 2 nats each = 8 bits, over 8 bytes: 1 bit per byte; over 2 bytes: 4.
    assert bits_per_byte(math.log(2), 8, 8) == pytest.approx(1.0)
    assert bits_per_byte(math.log(2), 8, 2) == pytest.approx(4.0)
    assert bits_per_byte(0.0, 100, 10) == 0.0


def test_evaluate_sees_every_window_once():
    # A model that scores the right next token of the stream 0, 1, 2, ... : only the last position of each window
    # is predicted wrongly if windows overlapped; side by side, every target is predicted from its own window.
    class Counter(Uniform):
        def forward(self, ids):
            return torch.nn.functional.one_hot((ids + 1) % self.vocab_size, self.vocab_size).float() * 100
    assert evaluate(Counter(50), torch.arange(41), 8, batch_size=2) == pytest.approx(0.0, abs=1e-6)


def test_evaluate_needs_one_window():
    with pytest.raises(ValueError, match="context_length \\+ 1"):
        evaluate(Uniform(10), torch.arange(8), 8)


# ------------------------------------------------------------------------------------------------- schedule


@pytest.mark.parametrize("step, progress, expected", [
    (0, 0.0, 0.1),  # warmup 1/10 of the full rate, cosine still at 1
    (9, 0.0, 1.0),  # warmup done
    (4, 0.25, 0.5 * (0.1 + 0.9 * 0.5 * (1 + 2 ** -0.5))),  # half warmed up; cos(pi/4) = 1/sqrt(2)
    (50, 0.5, 0.55),  # cos(pi/2) = 0: halfway between 1.0 and 0.1
    (99, 1.0, 0.1),  # the floor: lr * min_lr_ratio
    (500, 7.0, 0.1),  # past the end it stays at the floor
])
def test_lr_at_by_hand(step, progress, expected):
    config = TrainConfig(lr=1.0, warmup_steps=10, min_lr_ratio=0.1)
    assert lr_at(step, progress, config) == pytest.approx(expected, rel=1e-12)


def test_lr_at_without_warmup():
    assert lr_at(0, 0.0, TrainConfig(lr=3e-4, warmup_steps=0)) == pytest.approx(3e-4)


@pytest.mark.parametrize("changes, message", [
    (dict(max_steps=0), "max_steps"), (dict(max_steps=2.5), "max_steps"), (dict(max_minutes=0), "max_minutes"),
    (dict(batch_size=0), "batch_size"), (dict(lr=0), "lr"), (dict(min_lr_ratio=1.5), "min_lr_ratio"),
])
def test_train_config_refuses_bad_values(changes, message):
    with pytest.raises(ValueError, match=message):
        TrainConfig(**changes)


def test_configure_optimizer_decays_exactly_the_matrices(tokenizer):
    for tie in (True, False):
        model = GPTModel(tiny_config(tokenizer, num_layers=2, qkv_bias=True, tie_weights=tie))
        matrices = {id(m.weight) for m in model.modules() if isinstance(m, (nn.Linear, nn.Embedding))}
        others = {id(m.bias) for m in model.modules() if isinstance(m, nn.Linear) and m.bias is not None}
        others |= {id(p) for m in model.modules() if isinstance(m, nn.LayerNorm) for p in m.parameters()}
        decay, no_decay = configure_optimizer(model, TrainConfig(weight_decay=0.3)).param_groups
        assert decay["weight_decay"] == 0.3 and no_decay["weight_decay"] == 0.0
        assert {id(p) for p in decay["params"]} == matrices
        assert {id(p) for p in no_decay["params"]} == others
        assert len(decay["params"]) + len(no_decay["params"]) == len(list(model.parameters()))


# ------------------------------------------------------------------------------------------------- training


def test_fit_learns_and_records(tokenizer, ids):
    trainer = make_trainer(tokenizer, ids)
    calls = []
    history = trainer.fit(progress=False, on_eval=lambda t: calls.append(t.step))
    assert calls == history["step"] == [4, 8, 12]
    assert history["tokens"] == [s * 4 * 16 for s in (4, 8, 12)]
    assert history["val_loss"][-1] < math.log(tokenizer.n_vocab)
    assert trainer.progress() == 1.0


def test_a_budget_in_minutes_stops_the_run(tokenizer, ids):
    recipe = TrainConfig(max_steps=10**9, max_minutes=0.5 / 60, batch_size=2, eval_every=10**9)
    trainer = make_trainer(tokenizer, ids, recipe=recipe)
    trainer.fit(progress=False)
    assert 0 < trainer.step < 10**9 and trainer.elapsed >= 0.5 and trainer.progress() == 1.0


def test_resume_continues_exactly(tokenizer, ids, tmp_path):
    path = tmp_path / "run.pt"
    first = make_trainer(tokenizer, ids, dropout=0.2)  # dropout: the random state matters too
    for _ in range(5):
        first.train_step()
    save_checkpoint(path, first.model, tokenizer, first, "course")
    uninterrupted = [first.train_step() for _ in range(4)]
    second = resume(path, make_trainer(tokenizer, ids, seed=7, dropout=0.2), tokenizer)
    assert second.step == 5
    assert [second.train_step() for _ in range(4)] == uninterrupted


def test_fit_saves_checkpoints_that_resume(tokenizer, ids, tmp_path):
    path = tmp_path / "fit.pt"
    whole = make_trainer(tokenizer, ids)
    whole.fit(progress=False)
    stopped = make_trainer(tokenizer, ids, recipe=RECIPE)
    stopped.fit(progress=False, checkpoint=path, tokenizer=tokenizer, tokenizer_name="course")
    assert read_checkpoint(path, tokenizer)["trainer"]["step"] == 12
    assert stopped.history["val_loss"] == whole.history["val_loss"]


def test_load_model_gives_the_saved_weights(tokenizer, ids, tmp_path):
    trainer = make_trainer(tokenizer, ids)
    trainer.train_step()
    path = save_checkpoint(tmp_path / "m.pt", trainer.model, tokenizer)
    loaded = load_model(path, tokenizer, device="cpu")
    assert not loaded.training
    x = ids[0][:16].long()[None]
    trainer.model.eval()
    assert torch.equal(loaded(x), trainer.model(x))


# ---------------------------------------------------------------------------------------------- checkpoints


@pytest.fixture
def saved(tokenizer, ids, tmp_path):
    trainer = make_trainer(tokenizer, ids)
    trainer.train_step()
    return save_checkpoint(tmp_path / "ok.pt", trainer.model, tokenizer, trainer, "course")


def test_truncated_and_random_files_are_clear_errors(saved, tmp_path):
    data = saved.read_bytes()
    for name, content in [("half.pt", data[: len(data) // 2]), ("head.pt", data[:100]),
                          ("noise.pt", random.Random(0).randbytes(2000)),
                          ("empty.pt", b"")]:
        (tmp_path / name).write_bytes(content)
        with pytest.raises(CheckpointError, match="damaged or incomplete"):
            read_checkpoint(tmp_path / name)


def test_a_pytorch_file_that_is_not_a_checkpoint(tmp_path):
    torch.save({"weights": torch.ones(2)}, tmp_path / "other.pt")
    with pytest.raises(CheckpointError, match="not a buildllm checkpoint"):
        read_checkpoint(tmp_path / "other.pt")


def test_a_missing_checkpoint(tmp_path):
    with pytest.raises(FileNotFoundError, match="Train one first"):
        load_model(tmp_path / "nothing.pt")


def test_another_tokenizer_is_refused(saved):
    chars = CharTokenizer("abc")
    with pytest.raises(CheckpointError, match="trained with the tokenizer 'course'.*Load it with the tokenizer"):
        read_checkpoint(saved, chars)
    with pytest.raises(CheckpointError, match="tokenizer"):
        load_model(saved, chars)


def test_another_model_size_is_refused(saved, tokenizer, ids):
    with pytest.raises(CheckpointError, match=r"other sizes: d_model=32 \(here 64\)"):
        resume(saved, make_trainer(tokenizer, ids, d_model=64), tokenizer)


def test_a_checkpoint_without_training_state_cannot_resume(tokenizer, ids, tmp_path):
    trainer = make_trainer(tokenizer, ids)
    path = save_checkpoint(tmp_path / "weights.pt", trainer.model, tokenizer)
    with pytest.raises(CheckpointError, match="no training state"):
        resume(path, make_trainer(tokenizer, ids), tokenizer)


def test_save_needs_the_tokenizer(tokenizer, ids, tmp_path):
    with pytest.raises(ValueError, match="needs the tokenizer"):
        save_checkpoint(tmp_path / "x.pt", make_trainer(tokenizer, ids).model, None)


def test_an_interrupted_save_leaves_the_old_checkpoint(saved, tokenizer, ids, monkeypatch):
    before = saved.read_bytes()
    trainer = make_trainer(tokenizer, ids, seed=5)

    def save_half(obj, file):
        file.write(b"PK\x03\x04 half a checkpoint")
        raise KeyboardInterrupt  # Ctrl-C in the middle of the write

    monkeypatch.setattr(torch, "save", save_half)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(saved, trainer.model, tokenizer, trainer, "course")
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temporary file left behind
    assert read_checkpoint(saved, tokenizer)["trainer"]["step"] == 1


# --------------------------------------------------------------------------------------------- the course GPT


def test_course_gpt_is_trained_once_then_cached(monkeypatch, tmp_path, tokenizer):
    monkeypatch.setenv("BUILDLLM_CACHE", str(tmp_path))
    monkeypatch.setenv("BUILDLLM_SMOKE", "1")
    assert course_gpt_path() == tmp_path / "models" / "course-gpt-smoke.pt"
    model = course_gpt(device="cpu")  # trains the smoke-scale stand-in and caches it
    assert course_gpt_path().is_file() and not model.training
    stamp = course_gpt_path().stat().st_mtime_ns
    again = course_gpt(device="cpu")  # from the cache now
    assert course_gpt_path().stat().st_mtime_ns == stamp
    x = torch.tensor([tokenizer.encode("Once there was a fox")])
    assert torch.equal(model(x), again(x))
