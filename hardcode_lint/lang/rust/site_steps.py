"""What Rust code calls a literal's value, for the keys ``rules suggest`` proposes.

Read on tree-sitter from the literal outwards: through arithmetic, casts and brackets, each call
it is an argument of (``Duration::from_secs``, ``Some``, a builder's ``.timeout_connect(..)``),
up to the name it is bound to (``let``, ``const``, ``static``, a struct field, an assignment).
"""

from __future__ import annotations

from collections.abc import Sequence

from hardcode_lint.lang.base import Step
from hardcode_lint.lang.rust.parser import COMMENTS, Node, parse, text
from hardcode_lint.lang.treesitter import steps_at

#: Constructs a value passes through unchanged in what it is called.
_THROUGH = frozenset({"binary_expression", "parenthesized_expression", "unary_expression",
                      "type_cast_expression", "reference_expression",
                      "try_expression"})  # fmt: skip
_NAMED = {"const_item": "name", "static_item": "name", "let_declaration": "pattern",
          "field_initializer": "field", "assignment_expression": "left",
          "compound_assignment_expr": "left"}  # fmt: skip
_MAX_STEPS = 8


def _call_step(call: Node, holder: Node) -> Step:
    arguments = call.child_by_field_name("arguments")
    positional = [c for c in arguments.named_children if c.type not in COMMENTS
                  and c.type != "attribute_item"] if arguments else []  # fmt: skip
    index = next((i for i, c in enumerate(positional) if c.id == holder.id), None)
    function = call.child_by_field_name("function")
    if function is not None and function.type == "generic_function":
        function = function.child_by_field_name("function")
    if function is not None and function.type == "field_expression":
        method = function.child_by_field_name("field")
        return Step("method", text(method) if method else "", index, len(positional))
    return Step("call", text(function) if function is not None else "", index, len(positional))


def _name_of(target: Node) -> str | None:
    """The name a pattern or place expression ends in (``mut x``, ``self.x``)."""
    while target.type in ("mut_pattern", "field_expression", "reference_pattern"):
        inner = target.child_by_field_name("field") if target.type == "field_expression" else (
            target.named_children[-1] if target.named_children else None)  # fmt: skip
        if inner is None:
            return None
        target = inner
    if target.type in ("identifier", "field_identifier"):
        return text(target)
    return None


def _steps(literal: Node) -> tuple[Step, ...]:
    steps: list[Step] = []
    child, node = literal, literal.parent
    while node is not None and len(steps) < _MAX_STEPS:
        if node.type in _THROUGH:
            child, node = node, node.parent
        elif node.type == "arguments" and node.parent is not None:
            steps.append(_call_step(node.parent, child))
            child, node = node.parent, node.parent.parent
        else:
            field = _NAMED.get(node.type)
            target = node.child_by_field_name(field) if field else None
            if target is not None and target.id != child.id:
                name = _name_of(target)
                if name:
                    how = "field" if node.type == "field_initializer" else "binding"
                    steps.append(Step(how, name))
            break
    return tuple(steps)


def site_steps(data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
    """See :meth:`hardcode_lint.lang.base.Frontend.site_steps`."""
    return steps_at(parse(data).root_node, spans, _steps)


def module_of(unit_name: str, unit: str, path: str) -> tuple[str, str]:
    """A file's module path, crate first (``src/config.rs`` of r2d2 -> ``r2d2::config``,
    ``src/lib.rs`` -> ``r2d2``, ``src/a/mod.rs`` -> ``r2d2::a``), and the file itself."""
    inside = path[len(unit) + 1 :] if unit and path.startswith(unit + "/") else path
    parts = inside[: -len(".rs")].split("/") if inside.endswith(".rs") else inside.split("/")
    if parts and parts[0] == "src":
        parts = parts[1:]
    if parts and parts[-1] in ("lib", "main", "mod"):
        parts = parts[:-1]
    crate = unit_name.replace("-", "_")
    return "::".join([crate, *parts] if crate else parts), path
