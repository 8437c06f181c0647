"""tree-sitter-typescript (TS and TSX) and tree-sitter-javascript, loaded once per process:
the grammar a file's name asks for, and small node helpers."""

from __future__ import annotations

from functools import cache

from hardcode_lint.lang.treesitter import Grammar, Syntax
from hardcode_lint.lang.treesitter import Node as Node
from hardcode_lint.lang.treesitter import count_errors as count_errors
from hardcode_lint.lang.treesitter import text as text

COMMENTS = frozenset({"comment", "html_comment"})


@cache
def grammar(flavour: str) -> Grammar:
    """``"ts"``, ``"tsx"`` or ``"js"`` (JavaScript's grammar reads JSX as well)."""
    if flavour == "js":
        import tree_sitter_javascript

        return Grammar(tree_sitter_javascript.language())
    import tree_sitter_typescript

    if flavour == "tsx":
        return Grammar(tree_sitter_typescript.language_tsx())
    return Grammar(tree_sitter_typescript.language_typescript())


def flavour_of(path: str) -> str:
    """The grammar a file's name asks for: TSX for ``.tsx``, TypeScript for the other TS
    extensions, JavaScript (with JSX) for the rest."""
    lowered = path.lower()
    if lowered.endswith(".tsx"):
        return "tsx"
    if lowered.endswith((".ts", ".mts", ".cts")):
        return "ts"
    return "js"


def parse(data: bytes, flavour: str) -> Node:
    return grammar(flavour).parse(data).root_node


class ScriptSyntax(Syntax):
    """An expression is read as a ``const``'s value, in TypeScript (which reads JavaScript's
    expressions too); a comment or a second statement makes it no expression."""

    def grammar(self) -> Grammar:
        return grammar("ts")

    def wrap(self, code: str) -> bytes | None:
        if not code.strip() or "//" in code or ";" in code:
            return None
        return ("const __hcl = " + code.strip() + ";\n").encode()

    def locate(self, root: Node, code: str) -> Node | None:
        if len(self.named(root)) != 1:
            return None
        declarators = self.named(self.named(root)[0])
        if len(declarators) != 1:
            return None
        return declarators[0].child_by_field_name("value")


SYNTAX = ScriptSyntax(
    COMMENTS,
    tokens=frozenset({"string", "template_string", "regex"}),
    atoms=frozenset({"identifier", "member_expression", "call_expression",
                     "subscript_expression", "parenthesized_expression", "number", "this"}),
)  # fmt: skip
leaves = SYNTAX.leaves
normalised = SYNTAX.normalised
normalise = SYNTAX.normalise
named = SYNTAX.named


def string_value(node: Node) -> str | None:
    """The text of a plain string literal (no template substitutions), else None."""
    if node.type != "string":
        return None
    return "".join(text(c) for c in node.named_children if c.type == "string_fragment")


def name_of(node: Node | None) -> str | None:
    """A property's or binding's name: an identifier, a string key, a computed string."""
    if node is None:
        return None
    if node.type in ("identifier", "property_identifier", "shorthand_property_identifier",
                     "private_property_identifier", "type_identifier",
                     "shorthand_property_identifier_pattern"):  # fmt: skip
        return text(node).lstrip("#")
    if node.type == "string":
        return string_value(node)
    if node.type == "computed_property_name" and node.named_child_count == 1:
        inner = node.named_children[0]  # `["timeout"]: 5`, or a symbol's name `[kTimeout]: 5`
        return string_value(inner) if inner.type == "string" else name_of(inner)
    if node.type == "subscript_expression":  # `this[kKeepAliveTimeout]`, `opts["timeout"]`
        index = node.child_by_field_name("index")
        return (
            name_of(index) if index is not None and index.type in ("identifier", "string") else None
        )
    if node.type == "member_expression":  # `exports.TTL`, `this.opts.retryDelay`
        return name_of(node.child_by_field_name("property"))
    return None
