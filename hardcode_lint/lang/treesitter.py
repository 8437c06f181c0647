"""What the front ends share.  :class:`FrontendBase` is the protocol's plumbing (each method
that needs the parser a hook imported on first call, defaults for what most languages do
alike); :class:`TreeSitterFrontend` adds what every tree-sitter language does alike (UTF-8
decoding, warming its grammar).  Below them the tree-sitter machinery: the grammar loaded once
per process, one parser, its compiled queries kept, a node's text, and :class:`Syntax`, the
few facts about a grammar (its comments, its string tokens, how to wrap an expression in a
file) from which the shared node helpers (leaves, normalised code, error counts, parentheses)
follow. Compiling a query takes milliseconds and a parser holds native state: both are made
once per process (a forked worker inherits what its parent made) and reused for every file.
``tree_sitter`` itself is imported when a grammar is first made, so that a front end may build
on this module and still be looked up without loading a parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from hardcode_lint.lang.base import (
    Applied,
    Detected,
    DetectOptions,
    Expanded,
    FormatCommand,
    GeneratedSettings,
    SettingsRequest,
    SettingsTarget,
    SiteEdit,
    Step,
    folder_module,
    shipped_examples,
)
from hardcode_lint.model import Number
from hardcode_lint.parse.source import SourceError, SourceFile

if TYPE_CHECKING:
    import tree_sitter
    from tree_sitter import Node as Node

#: Where a hook lives when a language's ``hooks`` do not say: "module.attribute" of its package.
CONVENTION: Mapping[str, str] = {
    "check_replacement": "expressions.check_replacement",
    "check_import": "expressions.check_import",
    "replacement_text": "expressions.replacement_text",
    "normalise": "parser.normalise",
    "settings_targets": "targets.settings_targets",
    "settings_reads": "settings_reads.settings_reads",
    "settings_keys": "settings_keys.settings_keys",
    "grammar": "parser.GRAMMAR",
}


def __getattr__(name: str) -> Any:
    """``Node``, tree-sitter's node type, imported when first asked for (see the docstring)."""
    if name == "Node":
        import tree_sitter

        return tree_sitter.Node
    raise AttributeError(name)


class FrontendBase:
    """A :class:`~hardcode_lint.lang.base.Frontend` whose parser-bound methods are hooks: the
    table ``hooks`` (completed by :data:`CONVENTION`) names, for each, the attribute of a
    module of ``package`` that implements it, imported on first call, so that looking a
    language up imports no parser.  A language without ``expand``, ``site_steps`` or
    ``module_of`` hooks gets the defaults below; it overrides what it does otherwise."""

    name: str
    title: str
    extensions: tuple[str, ...]
    package: str  # "hardcode_lint.lang.rust": its hooks, catalog and examples
    manifest: str | None = None  # the file making a folder a project ("Cargo.toml")
    hooks: ClassVar[Mapping[str, str]] = {}

    def hook(self, method: str) -> Any:
        """The implementation of ``method`` (a function, or a constant such as keywords)."""
        module, _, attribute = (self.hooks.get(method) or CONVENTION[method]).rpartition(".")
        return getattr(import_module(f"{self.package}.{module}"), attribute)

    def project_manifest(self, folder: Path) -> str | None:
        found = self.manifest
        return found if found is not None and (folder / found).is_file() else None

    def check_catalog(self, table: Mapping[str, Any], where: str) -> None:
        from hardcode_lint.detect.catalog import build_catalog

        build_catalog(self.package, table, where)

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        found: SourceFile = self.hook("decode")(data, name, path)
        return found

    def detect(self, source: SourceFile, options: DetectOptions) -> Detected:
        found: Detected = self.hook("detect")(source, options)
        return found

    def check_replacement(self, expression: str) -> str | None:
        found: str | None = self.hook("check_replacement")(expression)
        return found

    def check_import(self, statement: str) -> str | None:
        found: str | None = self.hook("check_import")(statement)
        return found

    def normalise(self, expression: str) -> str | None:
        found: str | None = self.hook("normalise")(expression)
        return found

    def replacement_text(self, expression: str) -> str:
        found: str = self.hook("replacement_text")(expression)
        return found

    def apply(self, source: SourceFile, edits: Sequence[SiteEdit]) -> Applied:
        found: Applied = self.hook("apply")(source, edits)
        return found

    def expand(self, root: Path, edits: Mapping[str, Sequence[SiteEdit]]) -> Expanded:
        """By default a literal is replaced where it stands: nothing to expand."""
        if "expand" not in self.hooks:
            return Expanded({path: list(found) for path, found in edits.items()})
        expanded: Expanded = self.hook("expand")(root, edits)
        return expanded

    def settings_targets(
        self, root: Path, sites: Sequence[str], configured: Sequence[str]
    ) -> dict[str, SettingsTarget]:
        found: dict[str, SettingsTarget] = self.hook("settings_targets")(root, sites, configured)
        return found

    def settings_reads(self, source: SourceFile, target: SettingsTarget) -> list[tuple[str, int]]:
        found: list[tuple[str, int]] = self.hook("settings_reads")(source, target)
        return found

    def formatter(self, root: Path, path: str) -> FormatCommand | None:
        found: FormatCommand | None = self.hook("formatter")(root, path)
        return found

    def same_code(self, before: bytes, after: bytes) -> bool:
        found: bool = self.hook("same_code")(before, after)
        return found

    def settings_module(self, root: Path, request: SettingsRequest) -> GeneratedSettings:
        found: GeneratedSettings = self.hook("settings_module")(root, request)
        return found

    def reserved_names(self) -> frozenset[str]:
        found: frozenset[str] = self.hook("reserved_names")
        return found

    def site_steps(self, data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
        """By default no constructs are read: ``rules suggest`` names keys after scope and api."""
        if "site_steps" not in self.hooks:
            return [() for _ in spans]
        found: list[tuple[Step, ...]] = self.hook("site_steps")(data, spans)
        return found

    def module_of(self, unit_name: str, unit: str, path: str) -> tuple[str, str]:
        """By default a folder is a module (a Go package, a folder of ES modules)."""
        if "module_of" not in self.hooks:
            return folder_module(unit_name, path, self.extensions)
        found: tuple[str, str] = self.hook("module_of")(unit_name, unit, path)
        return found

    def settings_keys(self, text: str) -> dict[str, tuple[str | None, str | None]]:
        found: dict[str, tuple[str | None, str | None]] = self.hook("settings_keys")(text)
        return found

    def duration_value(self, text: str) -> tuple[float, str] | None:
        return None

    def duration_text(self, number: Number, unit: str, value_type: str | None) -> str | None:
        return None

    def api_names(self, api: str) -> tuple[str, ...]:
        return ()

    def code_examples(self) -> Mapping[str, str]:
        return shipped_examples(self.package, self.name)


class TreeSitterFrontend(FrontendBase):
    """A front end on tree-sitter: UTF-8 source, and one grammar (``hooks["grammar"]``) made
    before worker processes fork."""

    comment = "//"

    def warm(self) -> None:
        grammar: Grammar = self.hook("grammar")
        grammar.parser()

    def decode(self, data: bytes, name: str, path: str) -> SourceFile:
        """Source is UTF-8 (a BOM is allowed); an empty file is valid."""
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        if b"\0" in data:
            raise SourceError(f"binary file (contains NUL bytes), not {self.title} source")
        try:
            text = data[len(bom) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise SourceError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None
        return SourceFile(path, data, text, "utf-8", bom)


class Grammar:
    """One tree-sitter language, e.g. ``Grammar(tree_sitter_rust.language())``."""

    def __init__(self, language: Any) -> None:
        import tree_sitter

        self.language = tree_sitter.Language(language)
        self._parser: tree_sitter.Parser | None = None
        self._queries: dict[str, tree_sitter.Query] = {}

    def parser(self) -> tree_sitter.Parser:
        import tree_sitter

        if self._parser is None:
            self._parser = tree_sitter.Parser(self.language)
        return self._parser

    def parse(self, data: bytes) -> tree_sitter.Tree:
        return self.parser().parse(data)

    def query(self, source: str) -> tree_sitter.Query:
        import tree_sitter

        found = self._queries.get(source)
        if found is None:
            found = self._queries[source] = tree_sitter.Query(self.language, source)
        return found

    def captures(self, source: str, node: Node) -> dict[str, list[Node]]:
        """The captures of query ``source`` under ``node``, by capture name."""
        import tree_sitter

        found: dict[str, list[Node]] = tree_sitter.QueryCursor(self.query(source)).captures(node)
        return found

    def matches(self, source: str, node: Node) -> list[tuple[int, dict[str, list[Node]]]]:
        """The matches of query ``source`` under ``node``: (pattern index, captures)."""
        import tree_sitter

        cursor = tree_sitter.QueryCursor(self.query(source))
        found: list[tuple[int, dict[str, list[Node]]]] = cursor.matches(node)
        return found


def text(node: Node) -> str:
    """A node's source text (tree-sitter reads the file's UTF-8 bytes)."""
    return (node.text or b"").decode("utf-8", errors="replace")


def count_errors(node: Node) -> int:
    """How many ERROR and MISSING nodes ``node`` holds: a fix is kept only when it adds none."""
    if not node.has_error:
        return 0
    own = 1 if node.is_error or node.is_missing else 0
    return own + sum(count_errors(child) for child in node.children)


@dataclass(frozen=True)
class Syntax:
    """One grammar as the shared helpers see it, with defaulted hooks (as ast-grep's
    ``Language`` trait): a language names its comment and string node types, and overrides
    :meth:`wrap` and :meth:`locate` to say how one expression is read (tree-sitter parses whole
    files only, so an expression is parsed inside a small file and found there again)."""

    comments: frozenset[str]
    #: node types read as one token although they have children (string literals)
    tokens: frozenset[str] = frozenset()
    #: expressions that bind as tightly as a literal: spliced as they are, others parenthesised
    atoms: frozenset[str] = frozenset()

    def grammar(self) -> Grammar:
        """The grammar expressions are parsed with."""
        raise NotImplementedError

    def wrap(self, code: str) -> bytes | None:
        """A file holding ``code`` as one expression, or None when ``code`` cannot be one."""
        raise NotImplementedError

    def locate(self, root: Node, code: str) -> Node | None:
        """The expression node of ``code`` in the file :meth:`wrap` made, or None."""
        raise NotImplementedError

    def spelled(self, expression: str) -> str:
        """``expression`` as this language writes it (a rule may spell it otherwise)."""
        return expression

    def parse_expression(self, code: str) -> Node | None:
        """``code`` as one expression node, or None unless it is exactly one."""
        wrapped = self.wrap(code)
        if wrapped is None:
            return None
        root = self.grammar().parse(wrapped).root_node
        return None if count_errors(root) else self.locate(root, code)

    def replacement_text(self, expression: str) -> str:
        """The code spliced in place of a literal: parenthesised unless it is an operand
        already (a name, a field, a call), so ``2 * x`` keeps its meaning in any product."""
        spelled = self.spelled(expression).strip()
        node = self.parse_expression(spelled)
        return spelled if node is None or node.type in self.atoms else f"({spelled})"

    def normalise(self, expression: str) -> str | None:
        """The form migrated hits report ``expression`` in (tokens only), None if invalid."""
        node = self.parse_expression(self.spelled(expression))
        return self.normalised(node) if node is not None else None

    def named(self, node: Node) -> list[Node]:
        """The named children of ``node``, comments left out."""
        return [c for c in node.named_children if c.type not in self.comments]

    def leaves(self, node: Node) -> Iterator[Node]:
        """The tokens of ``node`` in order, comments left out (a string is one token)."""
        if node.child_count == 0 or node.type in self.tokens:
            if node.type not in self.comments:
                yield node
            return
        for child in node.children:
            yield from self.leaves(child)

    def normalised(self, node: Node) -> str:
        """``node``'s code as tokens only: layout, comments and outer parentheses dropped, so
        that a replacement a formatter split over lines still reads the same."""
        while node.type == "parenthesized_expression" and node.named_child_count == 1:
            inner = node.named_children[0]
            if inner.type in self.comments:
                break
            node = inner
        return " ".join(text(leaf) for leaf in self.leaves(node))


@dataclass(frozen=True)
class Watch:
    """The rules' replacement expressions a file is searched for, normalised, and their
    anchors (each one's last name): only a node whose text holds an anchor is compared."""

    expressions: frozenset[str] = frozenset()
    anchors: tuple[bytes, ...] = ()

    def mentioned_in(self, data: bytes) -> bool:
        return any(anchor in data for anchor in self.anchors)


def watched(
    syntax: Syntax, replacements: tuple[str, ...], names: frozenset[str]
) -> tuple[frozenset[str], tuple[bytes, ...]]:
    """The normalised ``replacements`` and their anchors (the last leaf of a type in
    ``names``): what a language's :class:`Watch` is made of."""
    expressions, anchors = set(), set()
    for replacement in replacements:
        node = syntax.parse_expression(syntax.spelled(replacement))
        if node is None:
            continue
        expressions.add(syntax.normalised(node))
        found = [leaf for leaf in syntax.leaves(node) if leaf.type in names]
        if found:
            anchors.add(found[-1].text or b"")
    return frozenset(expressions), tuple(sorted(a for a in anchors if a))


def steps_at(
    root: Node, spans: Sequence[tuple[int, int]], steps: Callable[[Node], tuple[Step, ...]]
) -> list[tuple[Step, ...]]:
    """For each literal's byte range, what ``steps`` reads outwards from the smallest node
    covering it (:meth:`~hardcode_lint.lang.base.Frontend.site_steps`)."""
    found = []
    for start, end in spans:
        literal = root.descendant_for_byte_range(start, max(start, end))
        found.append(steps(literal) if literal is not None else ())
    return found


@dataclass(frozen=True, slots=True)
class Literal:
    """A literal expression: its byte range (outer parentheses dropped) and folded value."""

    start: int
    end: int
    number: Number


def fold_binary(
    node: Node,
    fold: Callable[[Node, int], Number | None],
    binary: Callable[[str, Number, Number], Number | None],
    depth: int,
) -> Number | None:
    """A ``binary_expression``'s value: its operands folded, ``binary`` their operator's
    arithmetic as the language does it (None: not a literal expression there)."""
    left, op, right = (node.child_by_field_name(f) for f in ("left", "operator", "right"))
    if left is None or op is None or right is None:
        return None
    a, b = fold(left, depth + 1), fold(right, depth + 1)
    return binary(op.type, a, b) if a is not None and b is not None else None
