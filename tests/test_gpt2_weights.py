"""OpenAI's GPT-2 weights, the optional download: the real download code against a server on loopback serving tiny
GPT-2 checkpoints that transformers writes, loaded into our GPTModel and checked against transformers' own logits."""

from __future__ import annotations

import hashlib
import shutil
import socket
from pathlib import Path

import pytest
import torch

from buildllm import gpt2_files, runtime
from buildllm.corpora import DownloadError, Pin
from buildllm.model import GPT2_SMALL, GPTConfig, GPTModel
from helpers import loopback_server

transformers = pytest.importorskip("transformers")

TINY = {"n_layer": 2, "n_embd": 32, "n_head": 2, "n_positions": 64, "vocab_size": 100}
# The same sizes as our config: written out, not derived from the checkpoint by the code under test.
TINY_CONFIG = GPTConfig(vocab_size=100, context_length=64, d_model=32, num_heads=2, num_layers=2, qkv_bias=True)


def tiny_gpt2(seed: int, **sizes):
    torch.manual_seed(seed)
    config = transformers.GPT2Config(**sizes, bos_token_id=0, eos_token_id=0)
    return transformers.GPT2LMHeadModel(config).eval()


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory, one_torch_thread):
    """A tiny GPT-2 (random weights) saved by transformers as model.safetensors; yields (model, file)."""
    folder = tmp_path_factory.mktemp("tiny-gpt2")
    model = tiny_gpt2(0, **TINY)
    model.save_pretrained(folder, safe_serialization=True)
    return model, folder / "model.safetensors"


def pin_of(path: Path, sha256: str | None = None, url: str = "") -> Pin:
    data = path.read_bytes()
    return Pin(url, len(data), sha256 or hashlib.sha256(data).hexdigest(), "gpt2-small.safetensors")


def same_logits(ours: GPTModel, theirs) -> None:
    ids = torch.randint(0, 100, (2, 17), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        expected = theirs(ids).logits
        got = ours(ids)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=0)


@pytest.fixture
def server(checkpoint, tmp_path):
    """An HTTP server on 127.0.0.1 (a free port) serving the tiny checkpoint; yields (its URL, stop function)."""
    www = tmp_path / "www"
    www.mkdir()
    shutil.copyfile(checkpoint[1], www / "model.safetensors")
    with loopback_server(www) as (url, stop):
        yield f"{url}/model.safetensors", stop


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setenv(runtime.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "downloads"


def closed_port_url() -> str:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/model.safetensors"


# ------------------------------------------------------------------------------------------------ the pins


def test_pins_are_the_published_files():
    # From the course design (small) and the published LFS records of those commits (medium, large): see the module.
    expected = {
        "small": ("gpt2", "607a30d783dfa663caf39e06633721c8d4cfcd7e", 548_105_171,
                  "248dfc3911869ec493c76e65bf2fcf7f615828b0254c12b473182f0f81d3a707"),
        "medium": ("gpt2-medium", "6dcaa7a952f72f9298047fd5137cd6e4f05f41da", 1_519_984_962,
                   "fc5a354a19255ad494f3d71549390baca1ccf61d1d822b9408971705c687c9cd"),
        "large": ("gpt2-large", "32b71b12589c2f8d625668d2335a01cac3249519", 3_247_159_078,
                  "5f47f3e12f91cd33b662ce7e433b6150ad5512b5884a2cee961b50e9c3bbebce"),
    }
    assert set(gpt2_files.GPT2_WEIGHTS) == set(expected)
    for size, (repo, commit, nbytes, sha256) in expected.items():
        pin = gpt2_files.GPT2_WEIGHTS[size]
        assert pin.url == f"https://huggingface.co/openai-community/{repo}/resolve/{commit}/model.safetensors"
        assert (pin.size, pin.sha256) == (nbytes, sha256)
    assert len({pin.filename for pin in gpt2_files.GPT2_WEIGHTS.values()}) == 3


def test_configs_are_gpt2s_sizes_and_fit_the_pinned_files():
    assert gpt2_files.gpt2_config("small") == GPT2_SMALL
    # Published parameter counts (Hugging Face's GPT-2 model cards / OpenAI's release): layers, width, heads.
    published = {"small": (12, 768, 12, 124_439_808), "medium": (24, 1024, 16, 354_823_168),
                 "large": (36, 1280, 20, 774_030_080)}
    for size, (layers, d_model, heads, parameters) in published.items():
        config = gpt2_files.gpt2_config(size)
        assert (config.num_layers, config.d_model, config.num_heads) == (layers, d_model, heads)
        assert (config.vocab_size, config.context_length, config.qkv_bias, config.tie_weights) == (
            50257, 1024, True, True)
        with torch.device("meta"):  # sizes only, no memory
            assert GPTModel(config).num_parameters() == parameters
        # The file: float32 parameters, plus each layer's stored 1024 x 1024 causal mask, plus a JSON header.
        header = gpt2_files.GPT2_WEIGHTS[size].size - 4 * (parameters + layers * 1024 * 1024)
        assert 8 < header < 64 * 1024, (size, header)
    with pytest.raises(ValueError, match="small, medium, large"):
        gpt2_files.gpt2_config("xl")


# ------------------------------------------------------------------------------------ download and load


def test_download_then_load_gives_transformers_logits(monkeypatch, checkpoint, server, cache, capsys):
    model, file = checkpoint
    url, stop = server
    pin = pin_of(file, url=url)
    path = gpt2_files.gpt2_weights(pin=pin)
    assert path == cache / "gpt2-small.safetensors" and path.read_bytes() == file.read_bytes()
    assert [p.name for p in cache.iterdir()] == ["gpt2-small.safetensors"]  # no temporary file left
    assert "100%" in capsys.readouterr().err  # tqdm's bar went to stderr and finished
    ours = gpt2_files.load_gpt2(path, device="cpu", config=TINY_CONFIG)
    assert isinstance(ours, GPTModel) and not ours.training
    same_logits(ours, model)
    stop()  # from now on any download attempt fails: the named size loads from the cache
    monkeypatch.setitem(gpt2_files.GPT2_WEIGHTS, "small", pin)
    same_logits(gpt2_files.load_gpt2("small", device="cpu", config=TINY_CONFIG), model)


def test_config_is_read_from_the_checkpoint_in_openais_layout(tmp_path, one_torch_thread):
    # The real files keep OpenAI's names (no "transformer." prefix, no lm_head) and each layer's causal mask.
    from safetensors.torch import save_file

    model = tiny_gpt2(2, n_layer=3, n_embd=128, n_head=2, n_positions=16, vocab_size=100)  # 64 dims per head
    state = {name.removeprefix("transformer."): tensor.contiguous() for name, tensor in model.state_dict().items()
             if name != "lm_head.weight"}
    for i in range(3):
        state[f"h.{i}.attn.bias"] = torch.tril(torch.ones(16, 16)).view(1, 1, 16, 16)
    save_file(state, tmp_path / "model.safetensors", metadata={"format": "pt"})
    ours = gpt2_files.load_gpt2(str(tmp_path / "model.safetensors"), device="cpu")
    c = ours.config
    assert (c.vocab_size, c.context_length, c.d_model, c.num_heads, c.num_layers) == (100, 16, 128, 2, 3)
    ids = torch.randint(0, 100, (2, 16), generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        torch.testing.assert_close(ours(ids), model(ids).logits, atol=1e-5, rtol=0)


def test_heads_that_cannot_be_read_from_shapes_ask_for_a_config(checkpoint):
    with pytest.raises(ValueError, match="config=GPTConfig"):
        gpt2_files.load_gpt2(checkpoint[1], device="cpu")  # 32 dims: not a multiple of GPT-2's 64 per head


def test_wrong_sizes_and_paths_are_refused(checkpoint, tmp_path):
    with pytest.raises(ValueError, match="small, medium, large"):
        gpt2_files.load_gpt2("gpt2-xl")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        gpt2_files.load_gpt2(tmp_path / "nothing.safetensors")
    with pytest.raises(ValueError, match="shape"):  # the checkpoint's sizes are not GPT-2 small's
        gpt2_files.load_gpt2(checkpoint[1], device="cpu", config=GPT2_SMALL)


# ------------------------------------------------------------------------------------------ failures


def test_wrong_checksum_keeps_nothing(checkpoint, server, cache):
    url, _ = server
    with pytest.raises(DownloadError, match="not kept") as error:
        gpt2_files.gpt2_weights(pin=pin_of(checkpoint[1], sha256="0" * 64, url=url))
    assert "optional" in str(error.value) and "0" * 64 in str(error.value)
    assert list(cache.iterdir()) == []  # neither the file nor a .part
    assert "checksum" in gpt2_files.unavailable_line("small", error.value)


def test_damaged_cached_file_is_downloaded_again(checkpoint, server, cache, capsys):
    url, _ = server
    cache.mkdir(parents=True)
    (cache / "gpt2-small.safetensors").write_bytes(checkpoint[1].read_bytes()[:1000])  # an interrupted copy
    path = gpt2_files.gpt2_weights(pin=pin_of(checkpoint[1], url=url))
    assert "downloading it again" in capsys.readouterr().out
    assert path.read_bytes() == checkpoint[1].read_bytes()
    assert [p.name for p in cache.iterdir()] == ["gpt2-small.safetensors"]


def test_offline_says_optional_and_how_to_retry(monkeypatch, checkpoint, cache, capsys):
    pin = pin_of(checkpoint[1], url=closed_port_url())
    with pytest.raises(DownloadError) as error:
        gpt2_files.gpt2_weights(pin=pin)
    message = str(error.value)
    assert "optional" in message and "run the cell again once online" in message
    assert str(cache / "gpt2-small.safetensors") in message  # where to put the file by hand
    assert list(cache.iterdir()) == []
    line = gpt2_files.unavailable_line("small", error.value)
    assert "\n" not in line and "no network" in line and "carries on" in line
    monkeypatch.setitem(gpt2_files.GPT2_WEIGHTS, "small", pin)
    assert gpt2_files.try_load_gpt2("small", device="cpu") is None
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1 and printed.startswith("GPT-2 small's weights are not available here")


def test_missing_file_on_the_server(checkpoint, server, cache):
    url, _ = server
    with pytest.raises(DownloadError, match="404") as error:
        gpt2_files.gpt2_weights(pin=pin_of(checkpoint[1], url=url.replace("model", "nothing")))
    assert "answered 404" in gpt2_files.unavailable_line("small", error.value)
    assert list(cache.iterdir()) == []


def test_too_little_disk_space_downloads_nothing(monkeypatch, checkpoint, cache):
    usage = shutil.disk_usage(runtime.cache_dir("downloads"))
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage._replace(free=100))
    with pytest.raises(DownloadError, match="GB free") as error:
        gpt2_files.gpt2_weights(pin=pin_of(checkpoint[1], url=closed_port_url()))
    assert "BUILDLLM_CACHE" in str(error.value)
    assert "disk space" in gpt2_files.unavailable_line("small", error.value)
