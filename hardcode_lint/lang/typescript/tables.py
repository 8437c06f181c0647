"""Tables of codes and sets, whose numbers are no tunables whatever their names say:

- an object literal whose keys all start with a capital letter and that holds several numbers
  (``HttpStatusCode = { RequestTimeout: 408, ... }``, kafkajs' ``apiKeys = { Heartbeat: 12 }``);
- an object literal whose numbers are all ``1`` (a set of names: mysql2's
  ``validOptions = { connectTimeout: 1, idleTimeout: 1, ... }``);
- a run of sibling statements binding capitalised names sharing a first word to numbers
  (mysql2's ``exports.ER_LOCK_WAIT_TIMEOUT = 1205``, ``const ERR_TIMEOUT = 7``): an error
  table mirroring a C API.

The size that makes a table is ``code-table-size`` in the catalog's ``[names]``.
"""

from __future__ import annotations

from functools import lru_cache

from hardcode_lint.detect.catalog import shipped_data
from hardcode_lint.detect.names import split_words
from hardcode_lint.lang.typescript.parser import Node, name_of, named

PACKAGE = "hardcode_lint.lang.typescript"


@lru_cache(maxsize=1)
def names_table() -> tuple[frozenset[str], int]:
    """``duration-heads`` and ``code-table-size`` of this front end's catalog."""
    table = shipped_data(PACKAGE, "catalog.toml")[1].get("names", {})
    return frozenset(table.get("duration-heads", [])), int(table.get("code-table-size", 3))


def object_table(pair: Node) -> bool:
    """Whether the object holding ``pair`` is a table of codes or a set of names."""
    table = pair.parent
    if table is None or table.type != "object":
        return False
    pairs = [p for p in named(table) if p.type == "pair"]
    values = [p.child_by_field_name("value") for p in pairs]
    numbers = [v.text for v in values if v is not None and v.type == "number"]
    keys = [name_of(p.child_by_field_name("key")) or "" for p in pairs]
    signed = [v.text for v in values if v is not None and v.type in ("number", "unary_expression")]
    if len(signed) == len(pairs) >= 2 and all(k.isupper() for k in keys) and _enumerated(signed):
        return True  # kafkajs' `{ NO_TIMESTAMP: -1, CREATE_TIME: 0, LOG_APPEND_TIME: 1 }`
    if len(numbers) < names_table()[1]:
        return False
    if all(n == b"1" for n in numbers) and len(numbers) == len(pairs):
        return True
    return all(key[:1].isupper() for key in keys)


def _enumerated(numbers: list[bytes | None]) -> bool:
    """Whether the numbers count on by one from -1, 0 or 1 (in any order): an enumeration
    (``-1`` its "unknown" member)."""
    texts = [n.replace(b" ", b"") if n is not None else b"" for n in numbers]
    if not all(t.lstrip(b"-").isdigit() and t.count(b"-") <= 1 for t in texts):
        return False
    values = sorted(int(t) for t in texts)
    return values[0] in (-1, 0, 1) and values == list(range(values[0], values[0] + len(values)))


def _bound_name(statement: Node) -> str | None:
    """The capitalised name a statement binds to a number (``exports.X = 1``, ``const X = 1``,
    ``export const X = 1``), else None."""
    node: Node | None = statement
    if node is not None and node.type == "export_statement":
        node = node.child_by_field_name("declaration")
    if node is not None and node.type == "expression_statement":
        node = next(iter(named(node)), None)
    if node is None:
        return None
    if node.type == "assignment_expression":
        left, value = node.child_by_field_name("left"), node.child_by_field_name("right")
    elif node.type in ("lexical_declaration", "variable_declaration") and len(named(node)) == 1:
        declarator = named(node)[0]
        left = declarator.child_by_field_name("name")
        value = declarator.child_by_field_name("value")
    else:
        return None
    name = name_of(left)
    if value is None or value.type != "number" or not name or not name.isupper():
        return None
    return name


def statement_tables(root: Node, size: int = 5) -> frozenset[int]:
    """The start bytes of the module's statements that belong to a run of at least ``size``
    siblings binding capitalised names with one first word to numbers."""
    found: set[int] = set()
    run: list[int] = []
    prefix: str | None = None
    for statement in [*named(root), None]:
        name = _bound_name(statement) if statement is not None else None
        head = split_words(name)[0] if name and split_words(name) else None
        if head is not None and head == prefix and statement is not None:
            run.append(statement.start_byte)
            continue
        if len(run) >= size:
            found.update(run)
        run = [statement.start_byte] if head is not None and statement is not None else []
        prefix = head
    return frozenset(found)


def top_statement(node: Node) -> Node:
    """The module-level statement holding ``node``."""
    while node.parent is not None and node.parent.parent is not None:
        node = node.parent
    return node
