"""The GPT-2 tokenizer works with the network unreachable, after `import buildllm`."""

import hashlib
import os
import subprocess
import sys
import textwrap

from buildllm.gpt2_files import gpt2_file
from helpers import KNOWN_GPT2_IDS

NO_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network disabled by the test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


def run_offline(code, tmp_path):
    """Run code in a fresh Python with sockets disabled and an empty course cache."""
    env = {**os.environ, "BUILDLLM_CACHE": str(tmp_path / "cache")}
    env.pop("TIKTOKEN_CACHE_DIR", None)
    env.pop("DATA_GYM_CACHE_DIR", None)
    script = NO_NETWORK + textwrap.dedent(code)
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)


def test_package_files_have_the_known_checksums():
    for name, digest in {
        "encoder.json": "196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783",
        "vocab.bpe": "1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
    }.items():
        assert hashlib.sha256(gpt2_file(name).read_bytes()).hexdigest() == digest


def test_known_ids_with_the_network_unreachable(tmp_path):
    result = run_offline(
        f"""
        import buildllm, tiktoken
        enc = tiktoken.get_encoding("gpt2")
        known = {KNOWN_GPT2_IDS!r}
        for text, ids in known.items():
            assert enc.encode(text, allowed_special="all") == ids, text
        print(enc.encode("hello world"))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[31373, 995]"


def test_without_buildllm_tiktoken_would_need_the_network(tmp_path):
    # Proves the offline test above really had no network: tiktoken alone cannot load gpt2 here.
    result = run_offline(
        """
        import os, tiktoken
        os.environ["TIKTOKEN_CACHE_DIR"] = os.path.join(os.environ["BUILDLLM_CACHE"], "empty")
        tiktoken.get_encoding("gpt2")
        """,
        tmp_path,
    )
    assert result.returncode != 0 and "network disabled by the test" in result.stderr


def test_a_user_chosen_tiktoken_cache_is_respected(tmp_path):
    env_cache = tmp_path / "mine"
    result = run_offline(
        f"""
        import os
        os.environ["TIKTOKEN_CACHE_DIR"] = {str(env_cache)!r}
        import buildllm, tiktoken
        print(tiktoken.get_encoding("gpt2").encode("hello world"))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert len(list(env_cache.iterdir())) == 2
