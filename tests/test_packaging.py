"""The package as pip installs it: every subpackage and data file is in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "okrdocs").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_wheel_contains_code_schema_and_themes(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("okrdocs-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "okrdocs/schema/okr.schema.json" in names
    assert "okrdocs/rules/okr203_kr_is_activity.py" in names
    assert "okrdocs/formats/sarif.py" in names
    assert any(name.startswith("okrdocs/themes/") for name in names)
    # Templates of script files too (the parts pages load on demand).
    assert "okrdocs/themes/default/templates/alignment-part.js" in names
    assert "okrdocs/themes/default/templates/attention-rows.js" in names
    assert "okrdocs/examples/github/okrs.yml" in names
    assert "okrdocs/examples/pre-commit/.pre-commit-config.yaml" in names
