"""The import graph shows the pipeline: no cycles, no upward imports, parsers only in front ends.

Read from the source with ``ast`` (lazy imports inside functions included), so that a shortcut
taken in a hurry (the report importing libcst, a front end importing the engine) fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hardcode_lint"

#: Each top-level part of the package and its layer: a module may import its own layer or lower.
LAYERS = {
    "model": 0, "errors": 0, "edit": 0, "textsafe": 0, "atomic": 0,
    "parse": 1, "detect": 1, "discover": 1,
    "lang": 2,
    "config": 3, "hints": 3, "shard": 3,
    "engine": 4, "moved": 4, "cache": 4, "runner": 4, "rules": 4,
    "api": 5,
    "report": 6, "fix": 6, "gate": 6, "defaults": 6, "output": 6, "lsp": 6,
    "cli": 7, "__main__": 7,
}  # fmt: skip
PARSERS = {"libcst": "hardcode_lint.lang.python", "tree_sitter": "hardcode_lint.lang.",
           "tree_sitter_rust": "hardcode_lint.lang.rust", "tree_sitter_go": "hardcode_lint.lang.go",
           "tree_sitter_python": "hardcode_lint.lang.python",
           "tree_sitter_typescript": "hardcode_lint.lang.typescript",
           "tree_sitter_javascript": "hardcode_lint.lang.typescript"}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """What a module imports; ``from pkg import mod`` imports ``pkg.mod``, not ``pkg``."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found |= submodules or {node.module}
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        if name == "hardcode_lint":
            continue  # the public facade: its lazy `scan` export sits above everything
        imports = _imports(path, set(modules))
        targets = {imp for imp in imports if imp in modules and imp != "hardcode_lint"}
        graph[name] = targets | {imp for imp in imports if not imp.startswith("hardcode")}
    return graph


def _part(module: str) -> str:
    return module.split(".")[1]


GRAPH = _graph()


def test_every_part_of_the_package_has_a_layer():
    assert {_part(m) for m in GRAPH} <= set(LAYERS)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_upward_import(module):
    upward = [
        target
        for target in GRAPH[module]
        if target.startswith("hardcode_lint.") and LAYERS[_part(target)] > LAYERS[_part(module)]
    ]
    assert upward == [], f"{module} imports a higher layer"


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_parsers_are_imported_by_their_front_end_only(module):
    for target in GRAPH[module]:
        owner = PARSERS.get(target.split(".")[0])
        if owner is not None:
            assert module.startswith(owner), f"{module} imports {target}"


def test_front_ends_are_peers():
    """A front end may use the shared layers (the protocol, the tree-sitter machinery), never
    another front end."""
    shared = {"hardcode_lint.lang.base", "hardcode_lint.lang.treesitter",
              "hardcode_lint.lang.snippets"}  # fmt: skip
    for module, targets in GRAPH.items():
        if not module.startswith("hardcode_lint.lang.") or module in shared:
            continue
        own = ".".join(module.split(".")[:3])
        for target in targets:
            if target.startswith("hardcode_lint.lang.") and target not in shared:
                assert target.startswith(own), f"{module} imports {target}"


def test_no_import_cycles():
    internal = {m: {t for t in ts if t in GRAPH} for m, ts in GRAPH.items()}
    state: dict[str, int] = {}  # 1: on the stack, 2: done

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        for target in sorted(internal[module]):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*stack, target])
        state[module] = 2

    for module in sorted(internal):
        if module not in state:
            visit(module, [module])


#: What names a language in code: its registry name, or one of its file extensions.
LANGUAGE_WORD = re.compile(
    r"(?i)\b(python|rust|golang|go|typescript|javascript)\b|\.(py|pyi|rs|go|ts|tsx|js|jsx|mjs|cjs)\b"
)


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals a module's code uses (docstrings aside: prose may name examples)."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]  # fmt: skip


#: Modules outside lang/ still naming a language, each a named step of the front-end protocol
#: work (issue: every language-specific piece behind the protocol); the list only shrinks.
NAMING_LANGUAGES_YET: set[str] = set()


@pytest.mark.parametrize(
    "module", sorted(m for m in GRAPH if not m.startswith("hardcode_lint.lang"))
)
def test_no_module_outside_lang_names_a_language(module):
    """A language is one folder under lang/: code elsewhere asks the registry, so that a new
    front end needs no edit there (a `.go` file told to regenerate with `--format rust` was one)."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = path.with_suffix("") / "__init__.py"
    named = [
        f"line {line}: {text!r}" for line, text in _code_strings(path) if LANGUAGE_WORD.search(text)
    ]
    if module in NAMING_LANGUAGES_YET:
        assert named, f"{module} no longer names a language: take it off NAMING_LANGUAGES_YET"
        return
    assert named == [], f"{module} names a language: " + "; ".join(named)


def test_pre_commit_hook_covers_every_registered_language():
    """The hook's file pattern is the registry's extensions (plus settings and rule files)."""
    from hardcode_lint.lang import frontend, names

    hook = (PACKAGE.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    pattern = re.compile(re.search(r"files: '(.*)'", hook).group(1))
    for name in names():
        for extension in frontend(name).extensions:
            assert pattern.search(f"src/pkg/module{extension}"), extension
    assert pattern.search("rules/timeouts.toml") and pattern.search("pyproject.toml")
    assert not pattern.search("README.md")
