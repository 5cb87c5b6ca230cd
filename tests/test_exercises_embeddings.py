"""Notebook 06's exercise solutions pass their checks, and wrong answers fail them with the right hint."""

import math

import torch
import torch.nn.functional as F

from buildllm.exercises.embeddings import check_analogy, check_shift_matrix
from helpers import solution_code


def run_solution(exercise, name):
    namespace = {"torch": torch, "math": math, "F": F, "check_shift_matrix": check_shift_matrix,
                 "check_analogy": check_analogy}
    exec(solution_code("06_embeddings", exercise), namespace)
    return namespace[name]


def sinusoids_by_hand(n_positions, dim):
    """The sinusoidal table from its definition, one entry at a time."""
    return torch.tensor([[math.sin(p / 10000 ** (d / dim)) if d % 2 == 0 else math.cos(p / 10000 ** ((d - 1) / dim))
                          for d in range(dim)] for p in range(n_positions)], dtype=torch.float64)


# ------------------------------------------------------------------------------ exercise 1: a shift is a rotation


def test_shift_matrix_solution_passes(capsys):
    assert check_shift_matrix(run_solution(1, "shift_matrix"))
    assert "[PASS]" in capsys.readouterr().out


def test_shift_matrix_solution_moves_every_row_of_the_table():
    shift_matrix = run_solution(1, "shift_matrix")
    table = sinusoids_by_hand(60, 12)
    moved = table[:-9] @ shift_matrix(9, 12).double()
    assert torch.allclose(moved, table[9:], atol=1e-6)
    assert torch.allclose(shift_matrix(0, 12), torch.eye(12))


def test_shift_matrix_wrong_answers_fail(capsys):
    shift_matrix = run_solution(1, "shift_matrix")

    assert not check_shift_matrix(lambda k, dim: shift_matrix(k, dim).T)  # a rotation's transpose turns back
    assert "moves back" in capsys.readouterr().out

    assert not check_shift_matrix(lambda k, dim: shift_matrix(-k, dim))
    assert "moves back" in capsys.readouterr().out

    def wrong_frequencies(k, dim):  # 10000^(i/dim) with i the pair index instead of the dimension 2i
        M = torch.zeros(dim, dim)
        for i in range(0, dim, 2):
            b = k / 10000 ** ((i // 2) / dim)
            M[i, i], M[i + 1, i], M[i, i + 1], M[i + 1, i + 1] = math.cos(b), math.sin(b), -math.sin(b), math.cos(b)
        return M

    assert not check_shift_matrix(wrong_frequencies)
    assert "sin(a + b) = sin a cos b + cos a sin b" in capsys.readouterr().out

    assert not check_shift_matrix(lambda k, dim: torch.eye(dim + 1))
    assert "(dim, dim) = (4, 4)" in capsys.readouterr().out

    assert not check_shift_matrix(lambda k, dim: shift_matrix(k, dim).tolist())
    assert "Return a tensor" in capsys.readouterr().out

    def not_filled(k, dim):
        raise NotImplementedError

    assert not check_shift_matrix(not_filled)
    assert "[TODO]" in capsys.readouterr().out


# ---------------------------------------------------------------------------- exercise 2: analogies by arithmetic


def test_analogy_solution_passes(capsys):
    assert check_analogy(run_solution(2, "analogy"))
    assert "[PASS]" in capsys.readouterr().out


def cosine(u, v):
    return sum(x * y for x, y in zip(u, v)) / (math.sqrt(sum(x * x for x in u)) * math.sqrt(sum(y * y for y in v)))


def test_analogy_solution_against_brute_force():
    analogy = run_solution(2, "analogy")
    generator = torch.Generator().manual_seed(0)
    table = torch.randn(30, 5, generator=generator)
    for a, b, c in [(0, 1, 2), (5, 9, 3), (29, 4, 17)]:
        target = [float(table[b][j] - table[a][j] + table[c][j]) for j in range(5)]
        best = max((i for i in range(30) if i not in (a, b, c)), key=lambda i: cosine(table[i].tolist(), target))
        assert analogy(table, a, b, c) == best


def test_analogy_wrong_answers_fail(capsys):
    def keeps_the_question(table, a, b, c):
        target = table[b] - table[a] + table[c]
        return int(F.cosine_similarity(table, target.unsqueeze(0), dim=1).argmax())

    assert not check_analogy(keeps_the_question)
    assert "exclude a, b and c" in capsys.readouterr().out

    def dot_product(table, a, b, c):
        scores = table @ (table[b] - table[a] + table[c])
        scores[[a, b, c]] = -float("inf")
        return int(scores.argmax())

    assert not check_analogy(dot_product)
    assert "cosine similarity" in capsys.readouterr().out

    def nearest_to_c(table, a, b, c):
        scores = F.cosine_similarity(table, table[c].unsqueeze(0), dim=1)
        scores[[a, b, c]] = -float("inf")
        return int(scores.argmax())

    assert not check_analogy(nearest_to_c)
    assert "closest to c alone" in capsys.readouterr().out

    def returns_a_tensor(table, a, b, c):
        return run_solution(2, "analogy")(table, a, b, c) * torch.tensor(1)

    assert not check_analogy(returns_a_tensor)
    assert "Python int" in capsys.readouterr().out

    def crashes(table, a, b, c):
        return int((table[b] @ table).argmax())  # (C,) @ (V, C): the shapes do not match

    assert not check_analogy(crashes)
    assert "your code raised" in capsys.readouterr().out
