"""Checks for the notebooks' exercises.

A check prints ``[PASS]`` or a hint about what to fix, returns a verdict that is true or false, and never raises: a
committed notebook whose exercise cell is still empty shows a ``[TODO]`` line, not an error. Each notebook's checks
live in a module of this package named for its concept (``buildllm.exercises.eliza``, ...).

Hand-written support module (no notebook teaches it).
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable


class Hint(Exception):
    """Raised inside a check to tell the learner what is wrong and how to fix it."""


class Verdict:
    """A check's result: true when it passed. Shows nothing as a cell's last value; the printed line says it all."""

    def __init__(self, passed: bool):
        self.passed = passed

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"Verdict(passed={self.passed})"

    def _ipython_display_(self) -> None:
        pass


def expect(condition: object, hint: str) -> None:
    """Stop the check with ``hint`` unless ``condition`` holds."""
    if not condition:
        raise Hint(hint)


def exercise(title: str) -> Callable[[Callable[..., None]], Callable[..., bool]]:
    """Turn a function that raises ``Hint`` into a check that prints the verdict and returns it."""

    def decorate(check: Callable[..., None]) -> Callable[..., Verdict]:
        @functools.wraps(check)
        def run(*args, **kwargs) -> Verdict:
            try:
                check(*args, **kwargs)
            except NotImplementedError:
                print(f"[TODO] {title}: fill in the exercise cell above (replace `raise NotImplementedError`).")
                return Verdict(False)
            except Hint as hint:
                print(f"[TRY AGAIN] {title}: {hint}")
                return Verdict(False)
            except Exception as error:  # the learner's code failed: show where, not a wall of red
                where = traceback.extract_tb(error.__traceback__)[-1]
                print(f"[TRY AGAIN] {title}: your code raised {type(error).__name__}: {error} (line {where.lineno})")
                return Verdict(False)
            print(f"[PASS] {title}")
            return Verdict(True)

        return run

    return decorate
