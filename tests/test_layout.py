"""The shape rules of STYLE.md that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).parent.parent
AUDIT = ROOT / "audit"


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_every_test_file_matches_the_pytest_pattern() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["python_files"]
    for path in (ROOT / "tests").rglob("*.py"):
        if "def test_" in path.read_text(encoding="utf-8"):
            assert any(fnmatch(path.name, p) for p in patterns), f"{path} holds tests pytest will not collect"


def test_every_data_file_ships_with_the_package() -> None:
    """A table the code reads but package-data leaves out works in a checkout and is missing from a wheel."""
    shipped = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    for package, patterns in shipped.items():
        folder = ROOT / package.replace(".", "/")
        for path in folder.rglob("*"):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and relative.split("/")[0] in {"data", "templates"}:
                assert any(fnmatch(relative, pattern) for pattern in patterns), f"{package}: {relative} is not in package-data"


def test_types_import_nothing_from_audit() -> None:
    assert not {m for m in _imports(AUDIT / "types.py", False) if m.startswith("audit")}


def test_checks_never_import_reporting_or_cli() -> None:
    for path in (AUDIT / "checks").rglob("*.py"):
        bad = {m for m in _imports(path, False) if m.startswith(("audit.report", "audit.cli"))}
        assert not bad, f"{path} imports {bad}"


def test_heavy_model_libraries_are_imported_lazily() -> None:
    heavy = ("torch", "transformers", "sentence_transformers", "ctranslate2", "spacy")
    for path in AUDIT.rglob("*.py"):
        eager = {m for m in _imports(path, True) if m.split(".")[0] in heavy}
        assert not eager, f"{path} imports {eager} at module level; import it where the model is loaded"


def test_ray_is_imported_by_the_ray_engine_alone_and_it_only_when_asked_for() -> None:
    for path in AUDIT.rglob("*.py"):
        if path.name != "cluster.py":
            assert not {m for m in _imports(path, False) if m.split(".")[0] == "ray"}, path
        assert "audit.cluster" not in _imports(path, True), f"{path} imports audit.cluster (and so Ray) at module level"


def test_a_function_is_memoised_once() -> None:
    """Two stacked caches keep two bounds; the outer one decides, the inner one only costs memory."""
    for path in AUDIT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                caches = [d for d in node.decorator_list if "cache" in ast.unparse(d).split("(")[0]]
                assert len(caches) <= 1, f"{path}:{node.lineno} {node.name} has {len(caches)} caches"


def test_a_module_imports_a_name_once() -> None:
    for path in AUDIT.rglob("*.py"):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                for alias in node.names:
                    name = alias.asname or alias.name
                    assert name not in seen, f"{path}:{node.lineno} imports {name} twice"
                    seen.add(name)


def test_only_the_cli_exits_or_prints() -> None:
    for path in AUDIT.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        source = path.read_text(encoding="utf-8")
        assert "sys.exit(" not in source, path
        assert not re.search(r"(?<![\w.])print\(", source), path


def test_issue13_docs_link_only_what_a_clone_has() -> None:
    """README and docs/ link files inside the project (not ../shared), and each one exists."""
    for doc in (ROOT / "README.md", *(ROOT / "docs").glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text, doc
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if "://" not in target:
                assert (doc.parent / target).exists(), f"{doc.name} links {target}, which a clone does not have"
    assert "(docs/architecture.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
