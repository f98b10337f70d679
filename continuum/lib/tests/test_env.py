import pytest

from continuum.lib.env import SettingError, envbool, envint, envlist


def test_envbool_reads_the_usual_spellings(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    assert envbool("X_FLAG", default=False) is True
    monkeypatch.setenv("X_FLAG", "off")
    assert envbool("X_FLAG", default=True) is False


def test_envbool_refuses_a_typo_instead_of_guessing(monkeypatch):
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(SettingError, match="X_FLAG='ture' is not a boolean"):
        envbool("X_FLAG", default=False)


def test_envint_refuses_words(monkeypatch):
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(SettingError, match="not a whole number"):
        envint("X_NUM", default=1)


def test_unset_variables_take_the_default(monkeypatch):
    monkeypatch.delenv("X_NUM", raising=False)
    assert envint("X_NUM", default=7) == 7
    assert envlist("X_NUM", default=["a"]) == ["a"]


def test_envlist_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert envlist("X_HOSTS", default=[]) == ["a.example", "b.example"]
