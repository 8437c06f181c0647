"""tree-sitter-python's statements as the region blanker sees them (:class:`.regions.Statements`).

tree-sitter keeps comments in the tree (as "extra" nodes) and writes ``elif``/``except``/
``finally`` as clauses of their statement; this adapter hides both, so the blanker's rules read
the same as over ``ast``.  What a statement binds is read with one query run in C.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hardcode_lint.lang.python.sitter import Node, captures, text

_DEFS = frozenset({"function_definition", "class_definition"})
_ALWAYS_KEEP = frozenset(
    {"global_statement", "nonlocal_statement", "match_statement", "future_import_statement"}
)
_CLAUSES = frozenset(
    {"elif_clause", "else_clause", "except_clause", "except_group_clause", "finally_clause"}
)
# Where names are bound: targets (read below), names, parameters and imports.
_BINDINGS = """
(assignment left: (_) @target)
(augmented_assignment left: (_) @target)
(for_statement left: (_) @target)
(for_in_clause left: (_) @target)
(as_pattern_target (_) @target)
(delete_statement (_) @target)
(named_expression name: (identifier) @name)
(function_definition name: (identifier) @name)
(class_definition name: (identifier) @name)
(parameters (_) @param)
(lambda_parameters (_) @param)
(import_statement) @import
(import_from_statement) @import
(type_alias_statement left: (type (identifier) @name))
"""
_TARGET_GROUPS = frozenset(
    {"pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression",
     "list_splat_pattern", "list_splat", "expression_list"}
)  # fmt: skip
_PARAMETER_NAMES = frozenset(
    {"typed_parameter", "list_splat_pattern", "dictionary_splat_pattern", "identifier"}
)


def _target_names(node: Node) -> Iterable[str]:
    """The names a target binds: ``a``, ``a, (b, *c)``; never ``a.b`` or ``a[0]``."""
    if node.type == "identifier":
        yield text(node)
    elif node.type in _TARGET_GROUPS:
        for child in node.named_children:
            yield from _target_names(child)


def _parameter_names(node: Node) -> Iterable[str]:
    if node.type in ("default_parameter", "typed_default_parameter"):
        name = node.child_by_field_name("name")
        if name is not None:
            yield from _target_names(name)
    elif node.type in _PARAMETER_NAMES:
        yield from (
            _target_names(node)
            if node.type == "identifier"
            else (text(c) for c in node.named_children if c.type == "identifier")
        )


def _import_names(node: Node) -> Iterable[str]:
    """``import a.b`` binds ``a``; ``import a.b as c`` and ``from m import b as c`` bind ``c``."""
    for child in node.children_by_field_name("name"):
        if child.type == "aliased_import":
            alias = child.child_by_field_name("alias")
            yield text(alias) if alias is not None else ""
        else:
            yield text(child).split(".", 1)[0].strip()


class TreeSitterStatements:
    def __init__(self, root: Node) -> None:
        self.root = root

    @staticmethod
    def _statements(node: Node) -> list[Node]:
        return [child for child in node.named_children if not child.is_extra]

    def module_body(self) -> Sequence[Node]:
        return self._statements(self.root)

    def first_line(self, statement: Node) -> int:
        return statement.start_point.row + 1

    def last_line(self, statement: Node) -> int:
        end = statement.end_point
        return max(end.row + (1 if end.column else 0), statement.start_point.row + 1)

    def start_col(self, statement: Node, head: bytes) -> int:
        return statement.start_point.column

    def end_col(self, statement: Node) -> int:
        end = statement.end_point
        return end.column if end.column else 1 << 30  # ends at a line's start: nothing after

    def always_kept(self, statement: Node) -> bool:
        if statement.type in _ALWAYS_KEEP:
            return True
        return statement.type == "import_from_statement" and any(
            child.type == "wildcard_import" for child in statement.children
        )

    def definition_body(self, statement: Node) -> Sequence[Node] | None:
        if statement.type == "decorated_definition":
            definition = statement.child_by_field_name("definition")
            return self.definition_body(definition) if definition is not None else None
        if statement.type not in _DEFS:
            return None
        body = statement.child_by_field_name("body")
        inner = self._statements(body) if body is not None else []
        return inner or None

    def bodies(self, statement: Node) -> Iterable[Sequence[Node]]:
        if statement.type == "decorated_definition":
            definition = statement.child_by_field_name("definition")
            if definition is not None:
                yield from self.bodies(definition)
            return
        for child in statement.named_children:
            if child.type == "block":
                yield self._statements(child)
            elif child.type in _CLAUSES:
                yield from (self._statements(c) for c in child.named_children if c.type == "block")

    def bound_names(self, statement: Node) -> set[str]:
        """Every name a statement binds, anywhere inside it (conservatively)."""
        return _names_in(statement)

    def _header(self, statement: Node) -> bytes:
        """A ``def``'s or ``class``'s text before its body (decorators included)."""
        definition = statement
        if statement.type == "decorated_definition":
            definition = statement.child_by_field_name("definition") or statement
        body = definition.child_by_field_name("body")
        whole = statement.text or b""
        return whole if body is None else whole[: body.start_byte - statement.start_byte]

    def defined_name(self, statement: Node) -> str:
        """The name a ``def`` or ``class`` (decorated or not) binds."""
        if statement.type == "decorated_definition":
            definition = statement.child_by_field_name("definition")
            return self.defined_name(definition) if definition is not None else ""
        name = statement.child_by_field_name("name")
        return text(name) if name is not None else ""

    def header_bound_names(self, statement: Node) -> set[str]:
        """What a ``def`` or ``class`` binds in the scope around it: its name, and whatever its
        decorators, defaults, annotations or bases bind (``:=``); not its parameters."""
        if b":=" not in self._header(statement):  # most headers: read without a query
            return {self.defined_name(statement)}
        if statement.type == "decorated_definition":
            names: set[str] = set()
            for child in statement.named_children:
                if child.type == "decorator":
                    names |= _names_in(child)
            definition = statement.child_by_field_name("definition")
            return names | (self.header_bound_names(definition) if definition else set())
        name, body = statement.child_by_field_name("name"), statement.child_by_field_name("body")
        names = {text(name)} if name is not None else set()
        for child in statement.named_children:
            if child.type == "parameters":
                for parameter in child.named_children:
                    names |= _names_in(parameter)  # a default's `:=`, never the parameter
            elif child not in (name, body):
                names |= _names_in(child)
        return names


def _names_in(node: Node) -> set[str]:
    """The names bound inside ``node``, read from one query run in C."""
    names: set[str] = set()
    found = captures(_BINDINGS, node)
    for target in found.get("target", []):
        names.update(_target_names(target))
    names.update(text(name) for name in found.get("name", []))
    for parameter in found.get("param", []):
        names.update(_parameter_names(parameter))
    for statement in found.get("import", []):
        names.update(_import_names(statement))
    return names
