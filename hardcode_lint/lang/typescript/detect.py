"""TypeScript and JavaScript detection: one tree-sitter parse; every number token is climbed
from to the site it stands in (``context.py``), and the site judged by the catalog (timers,
clients' options) or by the shared word rules (``detect/names.py``), in milliseconds unless a
unit word or the catalog says otherwise."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cached_property, lru_cache, partial

from hardcode_lint.detect.catalog import ApiSpec, Catalog, build_catalog
from hardcode_lint.detect.names import NameVerdict, is_not_limit_value
from hardcode_lint.lang.base import Detected, DetectOptions, Hit, MigratedHit
from hardcode_lint.lang.snippets import fits, marked, one_line, shortened
from hardcode_lint.lang.typescript.context import WRAPPERS, Site, scope_of, site_of
from hardcode_lint.lang.typescript.fallbacks import fallback_of
from hardcode_lint.lang.typescript.imports import declared, import_table, resolve
from hardcode_lint.lang.typescript.literals import CODE_LITERAL, Literal, literal_root
from hardcode_lint.lang.typescript.parser import Node, flavour_of, grammar, name_of, named, text
from hardcode_lint.lang.typescript.prefilter import Needles, needles_for, scan
from hardcode_lint.lang.typescript.skip import (
    build_output,
    minified,
    skipped_name,
    test_beside_manifest,
)
from hardcode_lint.lang.typescript.tables import (
    object_table,
    statement_tables,
    top_statement,
)
from hardcode_lint.lang.typescript.tokens import value_numbers
from hardcode_lint.lang.typescript.verdicts import name_verdict
from hardcode_lint.lang.typescript.watch import Watch, watch_for
from hardcode_lint.model import Context, Kind
from hardcode_lint.parse.source import SourceError, SourceFile

PACKAGE = "hardcode_lint.lang.typescript"
#: The globals a file may shadow with its own declaration.
GLOBALS = frozenset({"setTimeout", "setInterval", "Math", "AbortSignal", "_"})
_CALLS = frozenset({"call_expression", "new_expression"})
#: The keys of an option's descriptor that hold its value: judged by the option's name
#: (mongodb's `maxPoolSize: { default: 100, type: "uint" }`).
_DESCRIPTOR_KEYS = frozenset({"default", "defaultValue", "value"})


@lru_cache(maxsize=8)
def catalog_for(user_json: str) -> Catalog:
    return build_catalog(PACKAGE, json.loads(user_json) if user_json else None)


class _Detector:
    def __init__(self, source: SourceFile, data: bytes, catalog: Catalog, root: Node,
                 test: bool) -> None:  # fmt: skip
        self.source, self.data, self.catalog, self.test = source, data, catalog, test
        self.base = len(source.bom)
        self.found = Detected()
        self.root = root
        self.seen: set[tuple[int, int]] = set()
        self.broken = root.has_error
        # Memos: a call's callee, a name's verdict, an object's table test, an array's site
        # (every element of ``[100, 200, 400]`` stands in the one site) are asked once.
        self.callees: dict[tuple[int, int, str], tuple[str | None, ApiSpec | None]] = {}
        self.verdicts: dict[tuple[str, bool], NameVerdict | None] = {}
        self.object_tables: dict[tuple[int, int], bool] = {}
        self.array_sites: dict[tuple[int, int], Site | None] = {}

    # A file's imports, shadowed globals and tables of codes are read when a site first asks
    # (a file whose numbers stand in no site never reads them).

    @cached_property
    def imports(self) -> dict[str, str]:
        return import_table(self.root)

    @cached_property
    def shadowed(self) -> frozenset[str]:
        return declared(self.root, GLOBALS - set(self.imports), self.data)

    @cached_property
    def tables(self) -> frozenset[int]:
        return statement_tables(self.root)

    # -- what a callee is ---------------------------------------------------------------

    def callee(self, call: Node) -> tuple[str | None, ApiSpec | None]:
        """The callee of a call or ``new`` resolved through the imports, and its entry."""
        key = (call.start_byte, call.end_byte, call.type)
        found = self.callees.get(key)
        if found is None:
            found = self.callees[key] = self._callee(call)
        return found

    def _callee(self, call: Node) -> tuple[str | None, ApiSpec | None]:
        function = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        if function is None:
            return None, None
        api = resolve(function, self.imports, self.shadowed)
        head = function
        while head.type == "member_expression":
            head = head.child_by_field_name("object") or head
            if head.type != "member_expression":
                break
        if head.type == "identifier" and text(head) in self.shadowed:
            return api, None
        spec = self.catalog.apis.get(api)
        if spec is None and function.type == "member_expression" and text(head) not in self.imports:
            prop = function.child_by_field_name("property")
            spec = self.catalog.methods.get(text(prop)) if prop is not None else None
        return api, spec

    def verdict(self, name: str, as_keyword: bool) -> NameVerdict | None:
        """A name's verdict; a duration without a unit word is in milliseconds."""
        key = (name, as_keyword)
        if key not in self.verdicts:
            self.verdicts[key] = self._verdict(name, as_keyword)
        return self.verdicts[key]

    def _verdict(self, name: str, as_keyword: bool) -> NameVerdict | None:
        return name_verdict(name, self.catalog, as_keyword)

    # -- judging a literal --------------------------------------------------------------

    def number(self, number: Node, parent: Node, judged: set[tuple[int, int]]) -> None:
        """Judge the literal ``number`` (a token under ``parent``) is part of, once.  The
        numbers of an array stand in the array's site, found once: a data array without one
        (most of them) costs a look-up per number; so does an argument of an unknown call."""
        site: Site | None = None
        if parent.type == "array":
            key = (parent.start_byte, parent.end_byte)
            if key not in self.array_sites:
                self.array_sites[key] = site_of(number)
            site = self.array_sites[key]
            if site is None:
                return
        elif (
            parent.type == "arguments"
            and parent.parent is not None
            and self.callee(parent.parent)[1] is None
        ):
            return  # `push(1)`: an argument of a call the catalog does not know
        lit = literal_root(number, parent)
        if lit is None or (lit.start, lit.end) in judged:
            return  # `1000 * 60`: both numbers have the one literal, judged once
        judged.add((lit.start, lit.end))
        if not (self.broken and _broken(lit.node)):
            self.judge(lit, site or site_of(lit.node))

    def judge(self, lit: Literal, site: Site | None) -> None:
        before = len(self.found.hits)
        if site is not None and site.context is Context.CALL:
            self.positional(lit, site)
        elif site is not None and site.name is not None:
            self.named(lit, site)
        if len(self.found.hits) == before:
            self.fallback(lit)

    def fallback(self, lit: Literal) -> None:
        """``timeout(opts.timeout || 20000)``: where nothing else judged it, a fallback is
        judged by the name of the value it stands in for (``fallbacks.py``)."""
        found = fallback_of(lit.node)
        verdict = self.verdict(found[0], as_keyword=False) if found is not None else None
        if found is None or verdict is None:
            return
        if is_not_limit_value(verdict, lit.number, self.catalog.words):
            return
        self.hit(lit, verdict.kind, Site(Context.KEYWORD, found[1], found[0]), verdict.unit,
                 None, found[0])  # fmt: skip

    def positional(self, lit: Literal, site: Site) -> None:
        assert site.call is not None
        api, spec = self.callee(site.call)
        if spec is None or site.index is None:
            return
        listed, unit = spec.unit_for(site.index)
        if not listed:
            return
        if spec.any_position:
            args = named(site.call.child_by_field_name("arguments") or site.call)
            if len(args) < spec.min_args or all(literal_root_of(a) for a in args):
                return  # Math.max(1, 2) is arithmetic, not a clamp
        self.hit(lit, spec.kind_of(site.index), site, unit, api, site.index)

    def named(self, lit: Literal, site: Site) -> None:
        name = site.name or ""
        api: str | None = None
        if site.call is not None:
            api, spec = self.callee(site.call)
            listed, unit = spec.unit_for(site.path or name) if spec is not None else (False, None)
            if listed and spec is not None:
                self.hit(lit, spec.kind_of(site.path or name), site, unit, api, name)
                return
        verdict = self.site_verdict(name, site) or self.option_default(lit, name)
        if verdict is None or self.no_tunable(lit, site, name):
            return  # the name first: it rules out most sites, and is memoised
        if is_not_limit_value(verdict, lit.number, self.catalog.words):
            return  # a type's range or a fraction (`minPercentage = 0.85`: detect/names.py)
        if site.call is None and site.element is not None:
            element = site.element.child_by_field_name("name")
            api = resolve(element, self.imports, self.shadowed) if element is not None else None
        elif site.call is None and site.context is not Context.KEYWORD:
            api = name
        self.hit(lit, verdict.kind, site, verdict.unit, api, name)

    def site_verdict(self, name: str, site: Site) -> NameVerdict | None:
        """The verdict of a named site: its name's, or its enclosing property's."""
        verdict = self.verdict(name, site.call is not None)
        if name in _DESCRIPTOR_KEYS and site.outer:  # `maxPoolSize: { default: 100 }`
            verdict = self.verdict(site.outer, as_keyword=False)
        if verdict is None and site.outer:  # `timeout: { request: 10000 }` (got)
            outer = self.verdict(site.outer, as_keyword=False)
            if outer is not None and outer.kind is Kind.DURATION:
                verdict = outer
        return verdict

    def option_default(self, lit: Literal, name: str) -> NameVerdict | None:
        """A bound word alone (``max``, ``minimum``) says nothing, but reading the option of
        that name and giving it a default does: temporal's ``maximum: behavior.maximum ?? 100``
        and ``this.max = opts.max || 10`` are a configured bound's default."""
        parent = lit.node.parent
        if name.lower() not in self.catalog.words.bound_limit_words or parent is None:
            return None
        operator, left = parent.child_by_field_name("operator"), parent.child_by_field_name("left")
        if operator is None or operator.type not in ("??", "||") or left is None:
            return None
        prop = left.child_by_field_name("property") if left.type == "member_expression" else None
        return NameVerdict(Kind.LIMIT, None) if prop is not None and text(prop) == name else None

    def no_tunable(self, lit: Literal, site: Site, name: str) -> bool:
        """A table of codes, a set of names, a code written in hex, or `{ count: 1 }`."""
        if site.context is Context.KEYWORD and self.object_table(site.anchor):
            return True
        if (
            site.context is Context.ASSIGNMENT
            and self.tables
            and top_statement(site.anchor).start_byte in self.tables
        ):
            return True
        if site.context is not Context.KEYWORD and CODE_LITERAL.match(text(lit.node)):
            return True  # `const WAIT_TIMEOUT = 0x102`: a code or a flag
        return (
            site.call is not None
            and lit.number == 1
            and name.lower() in self.catalog.words.single_item_keywords
        )  # `{ count: 1 }`: one item, no tunable

    def object_table(self, pair: Node) -> bool:
        table = pair.parent
        key = (table.start_byte, table.end_byte) if table is not None else (-1, -1)
        if key not in self.object_tables:
            self.object_tables[key] = object_table(pair) and not self._named_for_tunables(pair)
        return self.object_tables[key]

    def _named_for_tunables(self, pair: Node) -> bool:
        """Whether the object holding ``pair`` is bound to a duration- or limit-named name:
        realtime-js' ``CONNECTION_TIMEOUTS = { HEARTBEAT_INTERVAL: 25000, ... } as const`` holds
        settings, whatever its keys' case."""
        node = pair.parent
        while node is not None and node.parent is not None and node.parent.type in WRAPPERS:
            node = node.parent
        binder = node.parent if node is not None else None
        field = {"variable_declarator": "name", "pair": "key", "assignment_expression": "left",
                 "public_field_definition": "name"}.get(binder.type if binder else "")  # fmt: skip
        named_by = binder.child_by_field_name(field) if binder is not None and field else None
        name = name_of(named_by) if named_by is not None else None
        return bool(name) and self.verdict(name or "", as_keyword=False) is not None

    # -- hits ---------------------------------------------------------------------------

    def _text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", errors="replace")

    def snippet(self, anchor: Node, start: int, end: int, name: str | None = None
                ) -> tuple[str, int, int]:  # fmt: skip
        before = self._text(anchor.start_byte, start)
        value, after = self._text(start, end), self._text(end, anchor.end_byte)
        if fits(before, after):
            return marked(before, value, after)
        if anchor.type not in _CALLS:
            return marked(f"{name or ''} … ", value, "")
        function = anchor.child_by_field_name("function") or anchor.child_by_field_name(
            "constructor"
        )
        return shortened(text(function) if function is not None else "", value, False)

    def hit(self, lit: Literal, kind: Kind, site: Site, unit: str | None, api: str | None,
            arg: str | int | None) -> None:  # fmt: skip
        span = (lit.start, lit.end)
        if span in self.seen:
            return
        self.seen.add(span)
        shown, at, until = self.snippet(site.anchor, *span, site.name)
        self.found.hits.append(
            Hit(lit.start + self.base, lit.end + self.base, kind, site.context,
                unit if kind is Kind.DURATION else None, one_line(self._text(*span)),
                lit.number, api, arg, scope_of(lit.node), shown, at, until, test=self.test,
                value_type="number")
        )  # fmt: skip

    def migrated(self, root: Node, watch: Watch) -> None:
        for node in watch.sites(root):
            site = site_of(node)
            if site is None:
                continue
            api: str | None = None
            arg: str | int | None = site.name
            if site.call is not None:
                api = self.callee(site.call)[0]
                arg = site.index if site.context is Context.CALL else site.name
            elif site.context is not Context.KEYWORD:
                api = site.name
            shown, at, until = self.snippet(site.anchor, node.start_byte, node.end_byte)
            self.found.migrated.append(
                MigratedHit(node.start_byte + self.base, node.end_byte + self.base,
                            watch.expression(node), site.context, api, arg, scope_of(node),
                            shown, at, until, test=self.test)
            )  # fmt: skip


def literal_root_of(node: Node) -> Literal | None:
    """``node`` as a literal expression when it is one (``Math.max(1, 2)``: both)."""
    from hardcode_lint.lang.typescript.literals import fold

    return Literal(node, value) if (value := fold(node)) is not None else None


def detect_ts(source: SourceFile, options: DetectOptions) -> Detected:
    """Every hit and migrated hit of one TypeScript or JavaScript file."""
    data = source.data[len(source.bom) :]
    if skipped_name(source.path) or minified(data):
        return Detected()
    watch = watch_for(options.replacements)
    anchors: list[int] | None = None
    telling: Callable[[int], bool] | None = None
    if options.prefilter:  # `prefilter.py`: a file where no site can be is not parsed
        needles = _needles(options.catalog)
        scanned = scan(data, needles, options.zeros)
        if not scanned.passes and not watch.mentioned_in(data):
            return Detected()
        anchors, telling = scanned.anchors, partial(scanned.telling, needles=needles)
    if build_output(options.file, data):  # after the filter: it looks for files on disk
        return Detected()
    flavour = flavour_of(options.file or source.path)
    root = grammar(flavour).parse(data).root_node
    if root.has_error and not any(c.type != "ERROR" for c in root.named_children):
        raise SourceError("syntax error: nothing in the file could be read", 1)
    test = test_beside_manifest(options.file)
    detector = _Detector(source, data, catalog_for(options.catalog), root, test)
    judged: set[tuple[int, int]] = set()
    for number, parent in value_numbers(root, data, anchors, telling):
        detector.number(number, parent, judged)
    if watch.mentioned_in(data):
        detector.migrated(root, watch)
    found = detector.found
    found.hits.sort(key=lambda h: h.start)
    found.migrated.sort(key=lambda m: m.start)
    return found


@lru_cache(maxsize=8)
def _needles(user_json: str) -> Needles:
    return needles_for(catalog_for(user_json))


def _broken(node: Node) -> bool:
    """Inside a region tree-sitter could not parse."""
    current = node.parent
    while current is not None:
        if current.type == "ERROR":
            return True
        current = current.parent
    return False
