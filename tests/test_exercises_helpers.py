from buildllm.exercises import exercise, expect


@exercise("Double a number")
def check_double(double):
    expect(double(2) == 4, "double(2) should be 4.")


def test_pass_prints_pass_and_returns_true(capsys):
    assert check_double(lambda x: 2 * x)
    assert capsys.readouterr().out == "[PASS] Double a number\n"


def test_wrong_answer_gives_the_hint(capsys):
    assert not check_double(lambda x: x + 3)
    assert capsys.readouterr().out == "[TRY AGAIN] Double a number: double(2) should be 4.\n"


def test_unfinished_and_crashing_answers_never_raise(capsys):
    def unfinished(x):
        raise NotImplementedError

    assert not check_double(unfinished)
    assert capsys.readouterr().out.startswith("[TODO] Double a number")
    assert not check_double(lambda x: x / 0)
    assert "ZeroDivisionError" in capsys.readouterr().out


def test_verdict_shows_nothing_as_a_cell_value():
    from IPython.core.formatters import DisplayFormatter

    assert DisplayFormatter().format(check_double(lambda x: 2 * x)) == ({}, {})
