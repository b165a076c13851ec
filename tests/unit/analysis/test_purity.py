"""The analysis package stays a pure library: no web framework, database or app imports."""
import ast
from pathlib import Path

import consult.analysis

PACKAGE = Path(consult.analysis.__file__).parent
FORBIDDEN_ROOTS = {"flask", "sqlalchemy", "flask_sqlalchemy", "flask_login", "flask_wtf"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                yield "consult.analysis." + (node.module or "")
            else:
                yield node.module or ""


def test_no_module_imports_flask_sqlalchemy_or_the_rest_of_consult():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        for name in imported_modules(path):
            root = name.split(".")[0]
            assert root not in FORBIDDEN_ROOTS, f"{path.name} imports {name}"
            if root == "consult":
                assert name.startswith("consult.analysis"), f"{path.name} imports {name}"


def test_the_default_themes_file_ships_inside_the_package():
    assert (PACKAGE / "themes.toml").is_file()
