"""Rust detection: a byte pre-filter, one tree-sitter parse, a few queries, located hits.

Queries (run in C) find the calls whose last path segment is catalogued, the method clamps
(``.max(N)``, ``.min(N)``, ``.clamp(A, B)``), the ``const``/``static``/``let`` bindings and
struct fields with literal values, and the macro invocations that may hold any of these; only
those nodes are looked at in Python.  Macro token trees are flat in tree-sitter, so each one
that may hold a site is parsed again as statements (``macros.py``).
"""

from __future__ import annotations

import re

from hardcode_lint.detect.names import (
    classify_name,
    defines_unit,
    is_not_limit_value,
    split_words,
)
from hardcode_lint.lang.base import Detected, DetectOptions, Hit, MigratedHit
from hardcode_lint.lang.rust.bindings import Tables, tables_of
from hardcode_lint.lang.rust.context import Place, file_is_test, place_of
from hardcode_lint.lang.rust.literals import Literal, literal
from hardcode_lint.lang.rust.macros import MacroTree, reparse
from hardcode_lint.lang.rust.markers import markers, on_marked_line
from hardcode_lint.lang.rust.modules import declared_modules
from hardcode_lint.lang.rust.naming import judged
from hardcode_lint.lang.rust.parser import (
    Node,
    arguments,
    matches,
    parse,
    text,
)
from hardcode_lint.lang.rust.plan import (
    CALL,
    FALLBACK_CALL,
    MACRO,
    METHOD,
    NAME,
    PATTERNS,
    USE,
    Plan,
    is_candidate,
    lookup_path,
    plan_for,
)
from hardcode_lint.lang.rust.types import array_length, declared_type, struct_fields, suffix_type
from hardcode_lint.lang.rust.uses import file_uses, resolve
from hardcode_lint.lang.rust.values import FALLBACK, bound_name, read_name, unwrapped
from hardcode_lint.lang.rust.watch import Watch, watch_for
from hardcode_lint.lang.snippets import fits, marked, one_line, shortened
from hardcode_lint.model import Context, Kind
from hardcode_lint.parse.source import SourceError, SourceFile

PACKAGE = "hardcode_lint.lang.rust"
#: A hex, octal or binary literal bound to a name is a code, a flag or a mask (section 1):
#: `SEQ_SOFT_LIMIT: u64 = 0xffff_ffff_ffff_0000`, whatever its kind.
_CODE_LITERAL = re.compile(rb"[-(\s]*0[xXoObB]")


def _is_feature_gate(macro: Node) -> bool:
    """Whether ``macro`` is a crate's feature gate (tokio's ``cfg_rt! { .. }``, mio's
    ``cfg_io_source! { .. }``): its body is the crate's own items, whose named constants count
    as anywhere else.  In other macro bodies (``cfg_if!``'s per-platform branches, ``bitflags!``,
    a binding crate's ``s! { .. }``) a name is judged only beside another candidate: measured on
    the Debian registry, their constants are a platform's or a format's facts."""
    name = macro.child_by_field_name("macro")
    last = text(name).rsplit("::", 1)[-1] if name is not None else ""
    return last.startswith("cfg_") and last != "cfg_if"


def _method_name(call: Node) -> str:
    """``unwrap_or`` of ``x.unwrap_or(5)``."""
    function = call.child_by_field_name("function")
    field = function.child_by_field_name("field") if function is not None else None
    return text(field) if field is not None else ""


class _Detector:
    """Judges the candidate nodes of one file (and of its reparsed macro token trees)."""

    def __init__(self, source: SourceFile, data: bytes, plan: Plan, watch: Watch,
                 file: str = "") -> None:  # fmt: skip
        self.source, self.data, self.plan, self.watch = source, data, plan, watch
        self.file = file  # the absolute path, to find the package's Cargo.toml
        self._tables: Tables | None = None
        self.base = len(source.bom)  # tree offsets are past the BOM
        self.found = Detected()
        self.uses: dict[str, str] = {}
        self.file_test = False
        self.root: Node | None = None
        self._fields: dict[tuple[str, str], str] | None = None

    def fields(self) -> dict[tuple[str, str], str]:
        """The numeric fields of the file's structs, read once when a field init needs them."""
        if self._fields is None:
            self._fields = struct_fields(self.root) if self.root is not None else {}
        return self._fields

    def mirrors_c(self, decl: Node, name: str) -> bool:
        """Whether ``decl`` is a constant of a C/OS table (``bindings.py``), read once."""
        if decl.type not in ("const_item", "static_item", "function_item"):
            return False
        if self._tables is None:
            self._tables = tables_of(self.data, self.file)
        return self._tables.mirrors(name)

    # -- locating -----------------------------------------------------------------------

    def _text(self, start: int, end: int) -> str:
        return self.data[start:end].decode("utf-8", errors="replace")

    def _snippet(self, call: Node, callee: Node | None, shift: int, start: int, end: int,
                 alone: bool) -> tuple[str, int, int]:  # fmt: skip
        """The call on one line with the site's character range in it."""
        first, last = call.start_byte + shift, call.end_byte + shift
        before, value, after = (
            self._text(first, start),
            self._text(start, end),
            self._text(end, last),
        )
        if fits(before, after) or callee is None:
            return marked(before, value, after)
        head = self._text(callee.start_byte + shift, callee.end_byte + shift)
        return shortened(head, value, alone)

    def _hit(self, lit: Literal, shift: int, kind: Kind, context: Context, unit: str | None,
             api: str | None, arg: str | int, place: Place, snippet: tuple[str, int, int],
             value_type: str | None = None) -> None:  # fmt: skip
        start, end = lit.start + shift, lit.end + shift
        shown, at, until = snippet
        self.found.hits.append(
            Hit(start + self.base, end + self.base, kind, context, unit,
                one_line(self._text(start, end)), lit.number, api, arg, place.scope, shown, at,
                until, None, place.test, value_type)
        )  # fmt: skip

    def _migrated(self, node: Node, shift: int, context: Context, api: str | None,
                  arg: str | int, place: Place, snippet: tuple[str, int, int]) -> None:  # fmt: skip
        start, end = node.start_byte + shift, node.end_byte + shift
        shown, at, until = snippet
        self.found.migrated.append(
            MigratedHit(start + self.base, end + self.base, self.watch.expression(node), context,
                        api, arg, place.scope, shown, at, until, None, place.test)
        )  # fmt: skip

    def _place(self, node: Node, fixed: Place | None) -> Place:
        """Where ``node`` is; in a macro's body (``fixed``: the macro's own place) the body's
        own items may still make it test code (nix's ``feature! { .. #[cfg(test)] mod test
        { .. } }``), while the scope stays the macro's."""
        if fixed is None:
            return place_of(node, self.file_test)
        if fixed.test or not place_of(node).test:
            return fixed
        return Place(fixed.scope, True, fixed.broken)

    # -- calls --------------------------------------------------------------------------

    def _call(self, call: Node, name: Node, args_node: Node, shift: int, fixed: Place | None,
              method: bool) -> None:  # fmt: skip
        callee = call.child_by_field_name("function")
        if callee is None:
            return
        if method:
            api, spec = text(name), self.plan.catalog.methods.get(text(name))
        else:
            path = (
                callee.child_by_field_name("function")
                if callee.type == "generic_function"
                else callee
            )
            api = resolve("".join(text(path or callee).split()), self.uses)
            spec = lookup_path(self.plan.catalog, api)
        if spec is None:
            return
        args = arguments(args_node)
        literals = [literal(a) for a in args]
        if spec.any_position and (len(args) < spec.min_args or all(literals)):
            return  # max(1, 2) is arithmetic, not a clamp
        if self._defines_unit(call):
            return  # `const SECOND: Duration = Duration::from_secs(1)`
        place: Place | None = None
        for index, (arg, lit) in enumerate(zip(args, literals, strict=True)):
            listed, unit = spec.unit_for(index)
            if not listed:
                continue
            if lit is None and not self.watch.matches(arg):
                continue
            place = place or self._place(call, fixed)
            if place.broken:
                return
            start, end = (lit.start, lit.end) if lit else (arg.start_byte, arg.end_byte)
            snippet = self._snippet(call, callee, shift, start + shift, end + shift, len(args) == 1)
            if lit is not None:
                value_type = suffix_type(arg) or spec.type_of(index)
                self._hit(lit, shift, spec.kind, Context.CALL, unit, api, index, place, snippet,
                          value_type)  # fmt: skip
            else:
                self._migrated(arg, shift, Context.CALL, api, index, place, snippet)

    def _defines_unit(self, call: Node) -> bool:
        """Whether ``call`` is the whole value of a binding named for a unit (``SECOND``)."""
        binding = call.parent
        if binding is None or binding.type not in ("const_item", "static_item"):
            return False
        if binding.child_by_field_name("value") != call:
            return False
        name = binding.child_by_field_name("name")
        words = self.plan.catalog.words
        return name is not None and name.type == "identifier" and defines_unit(text(name), words)

    # -- names --------------------------------------------------------------------------

    def _name(self, name_node: Node, value: Node, decl: Node, shift: int,
              fixed: Place | None) -> None:  # fmt: skip
        words = self.plan.catalog.words
        name = text(name_node)
        # `Some(5)`, `100u32.into()`: the literal inside; a constant made by a newtype
        # (`const SETTINGS_TIMEOUT: Reason = Reason(4)`) is one of that type's values, a code
        inner = unwrapped(value, newtypes=decl.type == "field_initializer")
        lit = literal(inner)
        if lit is None and not self.watch.matches(value):
            return
        verdict = classify_name(name, words, as_keyword=False) if lit is not None else None
        if decl.type == "function_item" and words.default_function_words.isdisjoint(
            split_words(name)
        ):
            verdict = None  # `fn max_prefix_len(&self) -> u8 { 32 }`: a type's fact
        value_type = None
        if lit is not None and verdict is not None:
            value_type = suffix_type(inner) or declared_type(decl, self.fields())
            constant = decl.type in ("const_item", "static_item")
            verdict = judged(name, verdict, value_type, words, constant)
            if verdict and is_not_limit_value(verdict, lit.number, words):
                verdict = None  # a type's range or a fraction (detect/names.py)
        if lit is not None and (
            verdict is None
            or on_marked_line(self.data, decl.start_byte + shift)
            or self.mirrors_c(decl, name)
            or _CODE_LITERAL.match(inner.text or b"")
            or (decl.type == "const_item" and array_length(decl, lit.number))
        ):
            return
        place = self._place(decl, fixed)
        if place.broken:
            return
        start, end = (lit.start, lit.end) if lit else (value.start_byte, value.end_byte)
        first, last = decl.start_byte + shift, value.end_byte + shift
        if decl.type == "function_item":  # `fn default_attempts() -> usize { 2 }`, whole
            last = decl.end_byte + shift
        start, end = start + shift, end + shift
        snippet = marked(self._text(first, start), self._text(start, end),
                         self._text(end, last))  # fmt: skip
        if lit is not None and verdict is not None:
            self._hit(lit, shift, verdict.kind, Context.ASSIGNMENT, verdict.unit, name, name,
                      place, snippet, value_type)  # fmt: skip
        else:
            self._migrated(value, shift, Context.ASSIGNMENT, name, name, place, snippet)

    # -- fallbacks ----------------------------------------------------------------------

    def _fallback(self, call: Node, receiver: Node, args_node: Node, shift: int,
                  fixed: Place | None) -> None:  # fmt: skip
        """``self.timeout.unwrap_or(30)``: a finding named by the binding it initialises
        (``let timeout = x.unwrap_or(30)``, context ``assignment``) or else by what it reads
        (context ``keyword``, api ``unwrap_or``)."""
        args, method = arguments(args_node), _method_name(call)
        if method != FALLBACK and len(args) == 2:  # `x.map_or(512, f)`: the first is the default
            args = args[:1]
        if len(args) == 1 and args[0].type == "reference_expression":  # `.get(i).unwrap_or(&5)`
            args = [args[0].child_by_field_name("value") or args[0]]
        lit = literal(unwrapped(args[0])) if len(args) == 1 else None
        if lit is None or lit.number < 0 or _CODE_LITERAL.match(args[0].text or b""):
            return  # `.unwrap_or(-1)`: "none" (epoll's endless wait), no quantity
        words = self.plan.catalog.words
        value_type = suffix_type(args[0])
        for name, context in ((bound_name(call), Context.ASSIGNMENT),
                              (read_name(receiver), Context.KEYWORD)):  # fmt: skip
            verdict = classify_name(name, words, as_keyword=False) if name else None
            verdict = judged(name, verdict, value_type, words) if name and verdict else None
            if name is None or verdict is None:
                continue
            place = self._place(call, fixed)
            if place.broken or on_marked_line(self.data, call.start_byte + shift):
                return
            callee = call.child_by_field_name("function")
            snippet = self._snippet(call, callee, shift, lit.start + shift, lit.end + shift, True)
            api = name if context is Context.ASSIGNMENT else method
            self._hit(lit, shift, verdict.kind, context, verdict.unit, api, name, place, snippet,
                      value_type)  # fmt: skip
            return

    # -- markers ------------------------------------------------------------------------

    def marked(self) -> None:
        """The migrated sites of constants moved to the settings (``markers.py``)."""
        for marker in markers(self.data):
            expression = self.watch.normalised_text(marker.expression)
            if expression is None or self.root is None:
                continue
            node = self.root.descendant_for_byte_range(marker.start, marker.start)
            place = (
                place_of(node, self.file_test) if node is not None else Place(None, False, False)
            )
            shown = f"{marker.name} = {marker.expression}"
            at = len(marker.name) + 3
            self.found.migrated.append(
                MigratedHit(marker.start + self.base, marker.end + self.base, expression,
                            Context.ASSIGNMENT, marker.name, marker.name, place.scope, shown, at,
                            len(shown), None, place.test)
            )  # fmt: skip

    # -- macros -------------------------------------------------------------------------

    def _macro(self, tree_node: Node, macro: Node, shift: int, fixed: Place | None,
               depth: int) -> None:  # fmt: skip
        body = tree_node.text or b""
        gate = _is_feature_gate(macro)
        if depth >= 8 or not is_candidate(body, self.plan, self.watch, names=gate):
            return
        place = self._place(macro, fixed)
        if place.broken:
            return
        again = reparse(tree_node, shift)
        if again is not None:
            self.walk(again, place, depth + 1)

    def walk(self, tree: MacroTree, fixed: Place | None, depth: int = 0) -> None:
        """Judge every candidate of ``tree`` (the file's, or a macro's re-parsed body)."""
        query = self.plan.query_any if self.watch.mentioned_in(self.data) else self.plan.query
        found = [(PATTERNS[index], nodes) for index, nodes in matches(query, tree.root)]
        if depth == 0:
            self.uses = file_uses(nodes["tree"][0] for kind, nodes in found if kind == USE)
        shift = tree.shift
        for kind, nodes in found:
            if kind in (CALL, METHOD):
                self._call(nodes["call"][0], nodes["fn"][0], nodes["args"][0], shift, fixed,
                           kind == METHOD)  # fmt: skip
            elif kind == NAME:
                self._name(nodes["name"][0], nodes["value"][0], nodes["decl"][0], shift, fixed)
            elif kind == FALLBACK_CALL:
                self._fallback(nodes["call"][0], nodes["recv"][0], nodes["args"][0], shift, fixed)
            elif kind == MACRO:
                self._macro(nodes["tree"][0], nodes["macro"][0], shift, fixed, depth)


def detect_rust(source: SourceFile, options: DetectOptions) -> Detected:
    """Every hit and migrated hit of one Rust file."""
    plan = plan_for(options.catalog)
    watch = watch_for(options.replacements)
    data = source.data[len(source.bom) :]
    modules = declared_modules(data, source.path)
    if options.prefilter and not is_candidate(data, plan, watch):
        return Detected(modules=modules)
    tree = parse(data)
    root = tree.root_node
    if root.has_error and not any(c.type != "ERROR" for c in root.named_children):
        raise SourceError("syntax error: nothing in the file could be read", 1)
    detector = _Detector(source, data, plan, watch, options.file)
    detector.file_test = file_is_test(root)
    detector.root = root
    detector.walk(MacroTree(root, 0), None)
    detector.marked()
    detector.found.modules = modules
    detector.found.hits.sort(key=lambda h: h.start)
    detector.found.migrated.sort(key=lambda m: m.start)
    return detector.found
