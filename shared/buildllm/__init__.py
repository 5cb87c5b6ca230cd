"""buildllm: the helper package of the course "Build an LLM from Scratch".

Modules named in the course map (``eliza``, ``ngram``, ``tokenizers``, ...) are generated from the notebooks' export
cells by ``scripts/export.py``: edit the notebook, then run the script. The others (``runtime``, ``corpora``,
``environment``, ``exercises``, ``gpt2_files``, ``diagrams``) are written by hand.

Importing the package makes ``tiktoken.get_encoding("gpt2")`` work offline (see ``buildllm.gpt2_files``).
"""

__version__ = "0.1.0"

from .gpt2_files import use_offline_gpt2_files

try:
    use_offline_gpt2_files()
except (ModuleNotFoundError, RuntimeError, OSError) as error:  # the course still imports; tiktoken will explain
    import warnings

    warnings.warn(f"GPT-2 tokenizer files not set up for offline use: {error}", stacklevel=2)
