"""What Python code calls a literal's value, for the keys ``rules suggest`` proposes.

Read on tree-sitter from the literal outwards: through arithmetic and brackets, each call it is
an argument of (with the keyword or position), up to the name it is bound to (an assignment, a
parameter's default, a dict key).  ``timeout=timedelta(seconds=5)`` is the steps call
``timedelta`` arg ``seconds``, then the keyword ``timeout`` of the outer call.
"""

from __future__ import annotations

from collections.abc import Sequence

from hardcode_lint.lang.base import Step
from hardcode_lint.lang.python.sitter import Node, parse, text
from hardcode_lint.lang.treesitter import steps_at

#: Constructs a value passes through unchanged in what it is called.
_THROUGH = frozenset({"binary_operator", "unary_operator", "parenthesized_expression",
                      "conditional_expression"})  # fmt: skip
_MAX_STEPS = 8


def _call_step(call: Node, holder: Node) -> Step:
    """The call step for ``holder`` (an argument, or a ``keyword_argument``) of ``call``."""
    arguments = call.child_by_field_name("arguments")
    positional = [c for c in arguments.named_children if c.type not in
                  ("keyword_argument", "comment")] if arguments else []  # fmt: skip
    function = call.child_by_field_name("function")
    name = text(function) if function is not None else ""
    if holder.type == "keyword_argument":
        keyword = holder.child_by_field_name("name")
        return Step("call", name, text(keyword) if keyword else None, len(positional))
    index = next((i for i, c in enumerate(positional) if c.id == holder.id), None)
    return Step("call", name, index, len(positional))


def _bound(node: Node, child: Node) -> Step | None:
    """The name ``node`` binds ``child``'s value to, if it binds it to one."""
    if node.type in ("assignment", "augmented_assignment"):
        left = node.child_by_field_name("left")
        if left is not None and child.id != left.id:
            if left.type == "attribute":
                left = left.child_by_field_name("attribute")
            if left is not None and left.type == "identifier":
                return Step("binding", text(left))
    elif node.type in ("default_parameter", "typed_default_parameter"):
        name = node.child_by_field_name("name")
        if name is not None:
            return Step("binding", text(name))
    elif node.type == "pair":
        key = node.child_by_field_name("key")
        if key is not None and key.type == "string" and child.id != key.id:
            return Step("field", text(key).strip("\"'"))
    return None


def _steps(literal: Node) -> tuple[Step, ...]:
    steps: list[Step] = []
    child, node = literal, literal.parent
    while node is not None and len(steps) < _MAX_STEPS:
        if node.type in _THROUGH:
            child, node = node, node.parent
            continue
        if node.type == "keyword_argument":
            child, node = node, node.parent
            continue
        if node.type == "argument_list" and node.parent is not None:
            steps.append(_call_step(node.parent, child))
            child, node = node.parent, node.parent.parent
            continue
        bound = _bound(node, child)
        if bound is not None:
            steps.append(bound)
        break
    return tuple(steps)


def site_steps(data: bytes, spans: Sequence[tuple[int, int]]) -> list[tuple[Step, ...]]:
    """See :meth:`hardcode_lint.lang.base.Frontend.site_steps`."""
    return steps_at(parse(data).root_node, spans, _steps)


def module_of(path: str) -> tuple[str, str]:
    """A file's package, dotted (``pkg/contrib/x.py`` -> ``pkg.contrib``; a ``src/`` layout
    folder is not part of it), and the glob of its folder; ("", "*") at the root."""
    parts = path.split("/")[:-1]
    folder = "/".join(parts)
    while len(parts) > 1 and parts[0] in ("src", "lib"):
        parts = parts[1:]
    return ".".join(parts), f"{folder}/*" if folder else "*"
