from packaging.requirements import Requirement

from buildllm.environment import check_environment, check_python, check_requirement, read_requirements


def test_requirements_are_read_from_the_file():
    names = [r.name for r in read_requirements()]
    assert "torch" in names and "tiktoken" in names


def test_this_environment_passes():
    failed = [check.line() for check in check_environment() if not check.ok]
    assert not failed


def test_failures_say_what_to_do():
    too_new = check_requirement(Requirement("torch>=999"))
    assert not too_new.ok and "[FAIL]" in too_new.line() and "README.md" in too_new.line()
    missing = check_requirement(Requirement("no-such-package-for-the-course>=1"))
    assert not missing.ok and missing.found is None
    assert 'pip install "no-such-package-for-the-course>=1"' in missing.line()
    assert not check_python("3.9.18").ok and check_python("3.13.1").ok and not check_python("3.14.0").ok
