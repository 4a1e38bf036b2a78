"""Configuration: discovery, values, and one-line errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from okrdocs.config import ConfigError, load_config

from .conftest import TempProject


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert config.path is None
    assert config.content == tmp_path / "content"
    assert config.language == "en"
    assert config.fiscal.start_month == 1


def test_okrdocs_toml_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "okrdocs.toml").write_text(
        'content = "okrs"\ntitle = "恒远 OKRs"\nlanguage = "zh-CN"\nfiscal_year_start_month = 4\n'
        '[status]\nstale-days = 7\n[people]\n"zhang.wei" = { name = "张伟", team = "sales" }\n'
        '[teams]\nsales = "销售部"\n',
        encoding="utf-8",
    )
    nested = tmp_path / "okrs" / "sales"
    nested.mkdir(parents=True)
    config = load_config(start=nested)
    assert config.root == tmp_path
    assert config.content == tmp_path / "okrs"
    assert config.title == "恒远 OKRs"
    assert config.fiscal.start_month == 4
    assert config.status.stale_days == 7
    assert config.display_name("zhang.wei") == "张伟"
    assert config.display_name("nobody") == "nobody"
    assert config.team_name("sales") == "销售部"


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.okrdocs]\ncontent = "goals"\n', encoding="utf-8"
    )
    assert load_config(start=tmp_path).content == tmp_path / "goals"


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "okrdocs.toml").write_text('title = "outer"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(start=inner).title == "outer"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('contnet = "x"\n', "okrdocs.toml: contnet: unknown key; did you mean 'content'?"),
        ('language = "fr"\n', "okrdocs.toml: language: expected one of en, zh-CN, got 'fr'"),
        (
            "fiscal-year-start-month = 13\n",
            "okrdocs.toml: fiscal-year-start-month: expected a whole number from 1 to 12, got 13",
        ),
        (
            '[status]\non-track = "x"\n',
            "okrdocs.toml: status.on-track: expected a number from 0 to 1, got 'x'",
        ),
        (
            "[status]\nstale = 3\n",
            "okrdocs.toml: status.stale: unknown key; did you mean 'stale-days'?",
        ),
        (
            '[people.a]\nnmae = "x"\n',
            "okrdocs.toml: people.a.nmae: unknown key; did you mean 'name'?",
        ),
        ("title = \n", "okrdocs.toml: invalid TOML"),
        ("[lint]\nselect = 3\n", "okrdocs.toml: lint.select: expected a list of text, got 3"),
        ("[lint]\nfoo = 3\n", "okrdocs.toml: lint.foo: unknown key"),
    ],
)
def test_invalid_config_names_the_key(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "okrdocs.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(start=tmp_path)
    assert str(error.value).startswith(message)
    assert "\n" not in str(error.value)


def test_cli_config_error_exits_2_with_one_line(project: TempProject) -> None:
    project.write("okrdocs.toml", 'contnet = "x"\n')
    result = project.run("lint")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "okrdocs: error: okrdocs.toml: contnet: unknown key; did you mean 'content'?\n"
    )


def test_explicit_config_option(project: TempProject) -> None:
    project.write("other.toml", 'content = "elsewhere"\n')
    result = project.run("lint", "--config", "other.toml")
    assert result.exit_code == 2
    assert "content folder not found" in result.stderr
    result = project.run("lint", "--config", "missing.toml")
    assert result.exit_code == 2
