import torch

from buildllm import runtime


def test_smoke_switch_is_on_under_the_test_run(monkeypatch):
    assert runtime.is_smoke()
    assert runtime.scaled(full=1000, smoke=3) == 3
    monkeypatch.delenv(runtime.SMOKE_ENV)
    assert not runtime.is_smoke()
    assert runtime.scaled(full=1000, smoke=3) == 1000
    monkeypatch.setenv(runtime.SMOKE_ENV, "0")
    assert not runtime.is_smoke()


def test_cache_dir_moves_with_the_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv(runtime.CACHE_ENV, str(tmp_path / "elsewhere"))
    assert runtime.cache_dir("models") == tmp_path / "elsewhere" / "models"
    assert (tmp_path / "elsewhere" / "models").is_dir()
    monkeypatch.delenv(runtime.CACHE_ENV)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # never create folders in the real home
    assert runtime.cache_dir() == tmp_path / "home" / ".cache" / "buildllm"


def test_seeding_repeats_random_numbers():
    runtime.seed_everything(7)
    first = torch.rand(3)
    runtime.seed_everything(7)
    assert torch.equal(first, torch.rand(3))


def test_device_choice(monkeypatch):
    assert runtime.get_device("cpu") == torch.device("cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert runtime.get_device() == torch.device("cuda")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    monkeypatch.setattr(torch, "__version__", "2.8.0")
    assert runtime.get_device() == torch.device("cpu")  # MPS only from torch 2.9
    monkeypatch.setattr(torch, "__version__", "2.9.1+cpu")
    assert runtime.get_device() == torch.device("mps")


def test_repo_root_holds_the_course():
    assert (runtime.repo_root() / "notebooks").is_dir()
