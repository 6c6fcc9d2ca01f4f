"""The pure packages (scoring, Thai helpers, circular parsing) never import Django."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "kpi"
PURE = ["scoring", "thai", "circulars"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", PURE)
def test_pure_packages_do_not_import_django(package: str) -> None:
    files = sorted((SRC / package).rglob("*.py"))
    assert files, f"{package} has no modules"
    for path in files:
        offending = {n for n in _imports(path) if n == "django" or n.startswith("django.")}
        offending |= {
            n for n in _imports(path) if n.startswith("kpi.") and n.split(".")[1] not in PURE
        }
        assert not offending, f"{path.relative_to(SRC)} imports {sorted(offending)}"
