"""Go detection: one tree-sitter parse, one combined query, located hits.

The query finds the unit constants of package ``time`` (and ``time.Duration`` conversions),
catalogued and clamp calls, bindings and keyed composite-literal elements; only those nodes are
looked at in Python.  Durations are judged in ``durations.py``, contexts in ``context.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from hardcode_lint.detect.catalog import ApiSpec, Catalog, build_catalog
from hardcode_lint.detect.names import (
    NameVerdict,
    classify_name,
    defines_unit,
    is_not_limit_value,
    split_words,
)
from hardcode_lint.lang.base import Detected, DetectOptions, Hit, MigratedHit
from hardcode_lint.lang.go.context import (
    Place,
    Site,
    binding_name,
    compound,
    place_of,
    site_of,
)
from hardcode_lint.lang.go.durations import UNITS, Duration, duration_of, time_selector
from hardcode_lint.lang.go.imports import (
    DOT,
    import_table,
    names_for,
    resolve,
    written_name,
)
from hardcode_lint.lang.go.literals import Literal, literal
from hardcode_lint.lang.go.package_types import PackageTypes
from hardcode_lint.lang.go.parser import Node, matches, named, parse, text
from hardcode_lint.lang.go.prefilter import Needles, may_hold_site, needles_for
from hardcode_lint.lang.go.types import (
    catalogued_type,
    given,
    number_type,
    operand_type,
    target_type,
    untyped_default,
)
from hardcode_lint.lang.go.watch import Watch, watch_for
from hardcode_lint.lang.snippets import fits, marked, one_line, shortened
from hardcode_lint.model import Context, Kind
from hardcode_lint.parse.source import SourceError, SourceFile

PACKAGE = "hardcode_lint.lang.go"
_GENERATED = re.compile(rb"^// Code generated .* DO NOT EDIT\.\s*$", re.M)
_PACKAGE = re.compile(rb"^package\s", re.M)
_NOLINT = re.compile(r"//\s*nolint(?::(?P<linters>[\w,-]+))?")
_UNIT_NAMES = " ".join(f'"{u}"' for u in (*UNITS, "Duration"))
#: What a literal expression starts as: only bindings, keyed elements and calls that hold one
#: directly (`x := 5`, `Timeout: -1`, `f((30))`) are matched, so most nodes never reach Python.
_LITERALS = "[(int_literal) (float_literal) (unary_expression) (binary_expression) " \
    "(parenthesized_expression)]"  # fmt: skip
_QUERY = f"""
((selector_expression operand: (identifier) field: (field_identifier) @unit) @sel
 (#any-of? @unit {_UNIT_NAMES}))
((call_expression function: [(identifier) @fn (selector_expression field: (field_identifier) @fn)]
  arguments: (argument_list {_LITERALS}) @args) @call
 (#any-of? @fn CALLEES))
(const_spec value: (expression_list {_LITERALS})) @decl
(var_spec value: (expression_list {_LITERALS})) @decl
(short_var_declaration right: (expression_list {_LITERALS})) @decl
(assignment_statement right: (expression_list {_LITERALS})) @decl
(keyed_element value: (literal_element {_LITERALS})) @keyed
"""
#: The unit constants and conversions of a dot-imported ``time`` (``3 * Second``): asked only
#: of a file that has ``import . "time"``.
_BARE_UNITS = f"((identifier) @sel (#any-of? @sel {_UNIT_NAMES}))"
_CODE_LITERAL = re.compile(r"^[-+(\s]*0[xXoObB]")


@dataclass(frozen=True)
class Plan:
    catalog: Catalog
    callees: frozenset[str]  # the last names of catalogued callees, and max / min
    needles: Needles  # the pre-filter's tests
    query: str  # the combined query, the callees in it


@lru_cache(maxsize=8)
def plan_for(user_json: str) -> Plan:
    catalog = build_catalog(PACKAGE, json.loads(user_json) if user_json else None)
    called = [
        api
        for api, spec in catalog.apis.items()  # not a struct's fields alone
        if spec.any_position or any(isinstance(key, int) for key in spec.args)
    ]
    callees = frozenset({api.rsplit(".", 1)[-1] for api in called} | set(catalog.methods)
                        | {"max", "min"})  # fmt: skip
    query = _QUERY.replace("CALLEES", " ".join(json.dumps(c) for c in sorted(callees)))
    return Plan(catalog, callees, needles_for(catalog, callees), query)


def lookup(catalog: Catalog, api: str, short: str, method: str | None) -> ApiSpec | None:
    """A callee's or a type's entry: by import path, by its short form, by ``*.Method``."""
    spec = catalog.apis.get(api) or catalog.apis.get(short)
    if spec is None and method is not None and api == short:
        spec = catalog.methods.get(method)
    return spec


def is_generated(data: bytes) -> bool:
    """Go's generated-code marker on a line before the ``package`` clause."""
    package = _PACKAGE.search(data)
    marker = _GENERATED.search(data, 0, package.start() if package else len(data))
    return marker is not None


def nolint(line: str) -> bool:
    """``//nolint`` or ``//nolint:a,hardcodelint`` (golangci-lint's convention)."""
    for match in _NOLINT.finditer(line):
        linters = match.group("linters")
        if linters is None or "hardcodelint" in linters.split(","):
            return True
    return False


class _Detector:
    def __init__(self, source: SourceFile, data: bytes, plan: Plan, watch: Watch, file: str,
                 root: Node) -> None:  # fmt: skip
        self.source, self.data, self.plan, self.watch, self.file = source, data, plan, watch, file
        self.base = len(source.bom)
        self.found = Detected()
        self.imports = import_table(root)
        self.time = names_for(self.imports, "time")
        self.seen: set[tuple[int, int]] = set()
        self.package = PackageTypes(file, data)

    def _text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", errors="replace")

    def _snippet(self, anchor: Node, start: int, end: int) -> tuple[str, int, int]:
        before = self._text(anchor.start_byte, start)
        value, after = self._text(start, end), self._text(end, anchor.end_byte)
        if fits(before, after) or anchor.type != "call_expression":
            return marked(before, value, after)
        function = anchor.child_by_field_name("function")
        return shortened(text(function) if function is not None else "", value, False)

    def _hit(self, lit: Literal, kind: Kind, site: Site, unit: str | None, place: Place,
             span: tuple[int, int], seconds: object = None,
             value_type: str | None = None) -> None:  # fmt: skip
        if (lit.start, lit.end) in self.seen or place.broken:
            return
        self.seen.add((lit.start, lit.end))
        shown, at, until = self._snippet(site.anchor, *span)
        value = one_line(self._text(*span))
        self.found.hits.append(
            Hit(lit.start + self.base, lit.end + self.base, kind, site.context, unit, value,
                lit.number, site.api, site.arg, place.scope, shown, at, until,
                seconds=seconds if isinstance(seconds, int | float) else None,
                value_type=value_type, api_alias=site.api_alias)
        )  # fmt: skip

    # -- durations ----------------------------------------------------------------------

    def duration(self, selector: Node) -> None:
        if not time_selector(selector, self.time):
            return
        start = selector
        if text(selector).rsplit(".", 1)[-1] == "Duration":
            call = selector.parent
            if call is None or call.type != "call_expression":
                return
            start = call
        found = duration_of(start, self.time)
        if found is None or self._defines_unit(found):
            return
        site = site_of(found.expression, self.imports)
        if site is None:
            return
        span = (found.expression.start_byte, found.expression.end_byte)
        self._hit(found.literal, Kind.DURATION, site, found.unit, place_of(found.expression),
                  span, found.seconds, "time.Duration")  # fmt: skip

    def _defines_unit(self, found: Duration) -> bool:
        """``const Minute = 60 * time.Second``: a unit's definition, no setting."""
        parent = found.expression.parent
        spec = parent.parent if parent is not None else None
        if spec is None or spec.type not in ("const_spec", "var_spec"):
            return False
        names = spec.children_by_field_name("name")
        words = self.plan.catalog.words
        return len(names) == 1 and defines_unit(text(names[0]), words)

    # -- calls --------------------------------------------------------------------------

    def call(self, call: Node, name: Node, args_node: Node) -> None:
        function = call.child_by_field_name("function")
        if function is None:
            return
        api, short = resolve(function, self.imports)
        method = text(name) if function.type == "selector_expression" else None
        if function.type == "identifier" and api == text(function):  # not dot-imported
            if text(function) not in ("max", "min") or self.package.own_clamps():
                return
            spec: ApiSpec | None = ApiSpec(Kind.CLAMP, {}, any_position=True, min_args=2)
        else:
            spec = lookup(self.plan.catalog, api, short, method)
        if spec is None:
            return
        args = named(args_node)
        literals = [literal(a) for a in args]
        if spec.any_position and (len(args) < spec.min_args or all(literals)):
            return  # max(1, 2) is arithmetic, not a clamp
        bound_type = operand_type(args, self.package, self.imports) \
            if spec.kind is Kind.CLAMP else None  # fmt: skip
        for index, lit in enumerate(literals):
            listed, unit = spec.unit_for(index)
            if listed and lit is not None:
                site = Site(Context.CALL, api, index, call, written_name(function, self.imports))
                kind = bound_type or spec.type_of(index) if spec.kind is Kind.CLAMP \
                    else catalogued_type(spec, index, unit, lit.number)  # fmt: skip
                self._hit(lit, spec.kind_of(index), site, unit, place_of(call),
                          (lit.start, lit.end), value_type=kind)  # fmt: skip

    # -- names --------------------------------------------------------------------------

    def verdict(self, name: str) -> NameVerdict | None:
        """A Go name's verdict: a duration takes the unit of its own words, or none."""
        words = self.plan.catalog.words
        found = classify_name(name, words, as_keyword=False)
        if found is None and "." in name:  # `cfg.Retry.Max`: the last two words together
            found = classify_name("".join(name.split(".")[-2:]), words, as_keyword=False)
        if found is None or found.kind is not Kind.DURATION:
            return found
        units = [words.unit_words[w] for w in split_words(name.rsplit(".", 1)[-1])
                 if w in words.unit_words]  # fmt: skip
        return NameVerdict(Kind.DURATION, units[-1] if units else None)

    def binding(self, decl: Node) -> None:
        if decl.type in ("var_spec", "const_spec"):
            names, values = decl.children_by_field_name("name"), decl.child_by_field_name("value")
            declared = decl.child_by_field_name("type")
            kind = number_type(text(declared), self.imports) if declared is not None else None
            if declared is not None and kind is None:
                return  # an enum value of a named type
        elif compound(decl):
            return  # `delay *= 2`: a factor, not a value bound to `delay`
        else:
            left, values = decl.child_by_field_name("left"), decl.child_by_field_name("right")
            names, kind = (named(left) if left is not None else []), None
        assigned = decl.type == "assignment_statement"
        for target, value in zip(names, named(values) if values is not None else [], strict=False):
            name = binding_name(target)
            typed = partial(target_type, target, self.package, self.imports) if assigned \
                else partial(given, kind)  # fmt: skip
            self._named(value, name, Site(Context.ASSIGNMENT, name, name, decl), None, typed,
                        untyped=not assigned)  # fmt: skip

    def keyed(self, element: Node) -> None:
        value = element.child_by_field_name("value")
        inner = named(value) if value is not None else []
        if not inner or value is None:
            return
        site = site_of(inner[0], self.imports)
        if site is None or site.context is not Context.KEYWORD or not isinstance(site.arg, str):
            return
        spec = None
        composite = element.parent.parent if element.parent is not None else None
        kind = composite.child_by_field_name("type") if composite is not None else None
        if kind is not None:
            spec = lookup(self.plan.catalog, *resolve(kind, self.imports), None)
        self._named(inner[0], site.arg, site, spec, partial(self._field_type, kind, site.arg))

    def _field_type(self, struct: Node | None, field: str) -> str | None:
        """The type of a keyed element's field, when its struct is this package's."""
        if struct is None:  # `[]Dialer{{Timeout: 1}}`: the element type is elided
            return number_type(self.package.type_of(field), self.imports)
        qualifier, name = struct.child_by_field_name("package"), struct.child_by_field_name("name")
        if struct.type == "qualified_type" and qualifier is not None and name is not None \
                and self.package.is_own(self.imports.get(text(qualifier), "")):  # fmt: skip
            struct = name  # `redis.Pool` in `package redis_test`, beside `redis/pool.go`
        if struct.type == "type_identifier":
            return number_type(self.package.field_of(text(struct), field), self.imports)
        return None

    def _named(self, value: Node, name: str, site: Site, spec: ApiSpec | None,
               typed: Callable[[], str | None], untyped: bool = False) -> None:  # fmt: skip
        """A literal bound to a name or field; ``typed()`` the type it is given to, when
        known (asked of a finding only: reading it may read the package), ``untyped`` when
        none is declared, so that the literal has its own default type."""
        lit = literal(value)
        if lit is None:
            return
        listed, unit = spec.unit_for(name) if spec is not None else (False, None)
        value_type: str | None
        if listed and spec is not None:
            kind: Kind = spec.kind_of(name)
            value_type = typed() or catalogued_type(spec, name, unit, lit.number)
        else:
            verdict = self.verdict(name)
            if verdict is None or _CODE_LITERAL.match(text(value)):
                return
            if is_not_limit_value(verdict, lit.number, self.plan.catalog.words):
                return  # `defaultWindowSize = 65535`: a type's range or a fraction
            kind, unit = verdict.kind, verdict.unit
            value_type = typed()
        if value_type is None and untyped:
            value_type = untyped_default(lit.number)
        self._hit(lit, kind, site, unit, place_of(value), (lit.start, lit.end),
                  value_type=value_type)  # fmt: skip

    # -- migrated sites -----------------------------------------------------------------

    def migrated(self, root: Node) -> None:
        for node, expression in self.watch.sites(root, self.imports):
            site = site_of(node, self.imports)
            place = place_of(node)
            if site is None or place.broken:
                continue
            shown, at, until = self._snippet(site.anchor, node.start_byte, node.end_byte)
            self.found.migrated.append(
                MigratedHit(node.start_byte + self.base, node.end_byte + self.base,
                            expression, site.context, site.api, site.arg,
                            place.scope, shown, at, until, api_alias=site.api_alias)
            )  # fmt: skip

    def walk(self, root: Node) -> None:
        for _, nodes in matches(self.plan.query, root):
            if "sel" in nodes:
                self.duration(nodes["sel"][0])
            elif "call" in nodes:
                self.call(nodes["call"][0], nodes["fn"][0], nodes["args"][0])
            elif "decl" in nodes:
                self.binding(nodes["decl"][0])
            elif "keyed" in nodes:
                self.keyed(nodes["keyed"][0])
        if DOT in self.time:
            for _, nodes in matches(_BARE_UNITS, root):
                self.duration(nodes["sel"][0])


def _unsuppressed(found: Detected, source: SourceFile) -> list[Hit]:
    kept = []
    for hit in found.hits:
        line, _ = source.position(hit.start)
        if not nolint(source.line_text(line)):
            kept.append(hit)
    return kept


def _nothing_to_find(data: bytes, plan: Plan, watch: Watch) -> bool:
    """The pre-filter (``prefilter.py``): no site can be in ``data``, so it is not parsed.  A
    file without a ``package`` clause is parsed all the same, to be told it is unreadable."""
    if not _PACKAGE.search(data) or watch.mentioned_in(data):
        return False
    return not may_hold_site(data, plan.needles)


def detect_go(source: SourceFile, options: DetectOptions) -> Detected:
    """Every hit and migrated hit of one Go file."""
    data = source.data[len(source.bom) :]
    if is_generated(data):
        return Detected()
    plan, watch = plan_for(options.catalog), watch_for(options.replacements)
    if options.prefilter and _nothing_to_find(data, plan, watch):
        return Detected()
    tree = parse(data)
    root = tree.root_node
    if root.has_error and not any(c.type != "ERROR" for c in root.named_children):
        raise SourceError("syntax error: nothing in the file could be read", 1)
    detector = _Detector(source, data, plan, watch, options.file, root)
    detector.walk(root)
    if detector.watch.mentioned_in(data):
        detector.migrated(root)
    found = detector.found
    found.hits = sorted(_unsuppressed(found, source), key=lambda h: h.start)
    found.migrated.sort(key=lambda m: m.start)
    return found
