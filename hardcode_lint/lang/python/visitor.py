"""The libcst detector: one walk over a module that yields its hardcoded literals.

The walk does three things at once: it numbers every literal expression in source order (the
cheap ``ast`` pre-pass numbers them the same way and supplies their positions, so no libcst
position pass is needed); it records bindings per scope (its base class, in
``scope_visitor.py``); and it judges assignments and parameter defaults on the spot, while calls
wait until the walk is over and every import is known.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import libcst as cst

from hardcode_lint.detect.catalog import Catalog
from hardcode_lint.detect.names import (
    classify_name,
    is_not_limit_value,
    scaled_unit,
)
from hardcode_lint.lang.python.bound_names import (
    asks_one,
    class_fields,
    default_verdict,
    holds_one,
)
from hardcode_lint.lang.python.calls import (
    CallJudge,
    CallSite,
    Detection,
    Owner,
    ReplacementHit,
    collect_call,
    new_site,
)
from hardcode_lint.lang.python.cst_literals import (
    dotted_parts,
    fold_cst,
    held_literal,
    is_cst_literal,
    literal_leaves,
    operand_name,
    scaled_leaves,
    target_name,
)
from hardcode_lint.lang.python.definitions import Defined, catalogued_param, definition_of
from hardcode_lint.lang.python.documented import pending
from hardcode_lint.lang.python.entries import (
    Entry,
    bound_entry_snippet,
    dict_entries,
    entry_verdict,
    pair_entries,
)
from hardcode_lint.lang.python.literals import DATA_TABLE_ENTRIES
from hardcode_lint.lang.python.not_tunables import is_factor_name, scales
from hardcode_lint.lang.python.replacements import Watchlist
from hardcode_lint.lang.python.scope_visitor import ScopeTracker
from hardcode_lint.lang.python.scopes import Binding, Scope, ScopeKind, record_constructed
from hardcode_lint.lang.python.signatures import Signatures
from hardcode_lint.lang.python.sourcetext import marked_snippet, one_line
from hardcode_lint.lang.python.uses import Use, verdict_by_use
from hardcode_lint.model import Context, Kind

_LITERAL_ROOTS = frozenset(
    {cst.Integer, cst.Float, cst.UnaryOperation, cst.BinaryOperation, cst.Call}  # `pow(2, 29)`
)
_HANDLERS: dict[tuple[str, type], Callable[..., Any] | None] = {}
_DOCUMENTED = (Context.ASSIGNMENT, Context.DEFAULT)


def _handler(prefix: str, kind: type) -> Callable[..., Any] | None:
    """``DetectorVisitor.visit_<Node>`` (or ``leave_``) for a node type, looked up once."""
    key = (prefix, kind)
    if key not in _HANDLERS:
        _HANDLERS[key] = getattr(DetectorVisitor, f"{prefix}_{kind.__name__}", None)
    return _HANDLERS[key]


class DetectorVisitor(ScopeTracker):
    """Collects :class:`Detection` objects and the source-order number of every literal."""

    def __init__(self, module: cst.Module, catalog: Catalog, watch: Watchlist,
                 defined: Defined | None = None, documented: bool = False,
                 uses: Mapping[str, Use] | None = None,
                 signatures: Signatures | None = None) -> None:  # fmt: skip
        super().__init__(module, defined)
        self.catalog, self.watch, self.signatures = catalog, watch, signatures
        self.uses, self.by_use = uses or {}, set[int]()  # names used as times (``uses.py``)
        self.documented = documented  # some comment names a unit (``documented.py``) ...
        self.unjudged: list[Detection] = []  # ... so names no word judges wait for lines
        self.hits: list[ReplacementHit] = []
        self.ordinals: dict[int, int] = {}  # id(literal node) -> its number in source order
        self.literals: list[cst.BaseExpression] = []  # literal nodes by that number
        self.detections: list[Detection] = []
        self._calls: list[CallSite] = []
        self._after: dict[int, str] = {}  # id(call) -> the attribute that follows it
        self._owners: list[Owner] = []  # the calls, assignments and defaults being visited
        # (scope, name) of limits bound to a local name, and of names counted up with `+=`:
        # `attempts = 1 ... attempts += 1` is a counter's start, not a bound
        self._local_limits: dict[int, tuple[Scope, str]] = {}
        self._counted: set[tuple[int, str]] = set()
        self._factors: set[str] = set()  # names a duration is multiplied by: `delay *= backoff`
        self._divisors: set[int] = set()  # ids of what a value is divided by

    # -- numbering literals ---------------------------------------------------------------

    def on_visit(self, node: cst.CSTNode) -> bool:
        kind = type(node)
        if kind in _LITERAL_ROOTS and is_cst_literal(node):  # type: ignore[arg-type]
            self.ordinals[id(node)] = len(self.ordinals)
            self.literals.append(node)  # type: ignore[arg-type]
            return False
        if kind is cst.FormattedString:
            return False  # the pre-pass does not look inside f-strings either
        handler = _handler("visit", kind)  # libcst formats and looks up a name per node
        return handler is None or handler(self, node) is not False

    def on_leave(self, original_node: cst.CSTNode) -> None:
        handler = _handler("leave", type(original_node))
        if handler is not None:
            handler(self, original_node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind_target(node.target, None)
        if isinstance(node.target, cst.Name) and isinstance(node.operator, cst.AddAssign):
            self._counted.add((id(self.scope), node.target.value))
        elif isinstance(node.operator, cst.MultiplyAssign):  # `delay *= backoff`: a factor
            self._note_factor(node.target, node.value)

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.Multiply):  # `sleeptime * self.backoff`: a factor
            self._note_factor(node.left, node.right)
            self._note_factor(node.right, node.left)
        elif isinstance(node.operator, cst.Divide | cst.FloorDivide):
            self._divisors.add(id(node.right))  # `t / timedelta(milliseconds=1)`: a unit

    def _note_factor(self, duration: cst.BaseExpression, factor: cst.BaseExpression) -> None:
        """``factor``'s name, if ``duration`` is a duration-named name it multiplies
        (``not_tunables.scales``)."""
        target, name = operand_name(duration), operand_name(factor)
        if target is not None and name is not None and scales(name, target, self.catalog.words):
            self._factors.add(name)

    # -- judged on the spot: assignments and defaults ---------------------------------------

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            single = len(node.targets) == 1
            self._bind_target(target.target, node.value if single else None)
            self._judge_named(target.target, node.value)
            self._record_constructed(target.target, node.value)  # `self.q = q = Queue()` too
        self._owners.append(Owner(target=node.targets[0].target, value=node.value))

    def leave_Assign(self, original_node: cst.Assign) -> None:
        self._owners.pop()

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target, node.value)
        if node.value is not None:
            self._judge_named(node.target, node.value)
            self._record_constructed(node.target, node.value)
        self._owners.append(Owner(target=node.target, value=node.value))

    def leave_AnnAssign(self, original_node: cst.AnnAssign) -> None:
        self._owners.pop()

    def _record_constructed(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        """``lc = LoopingCall(f)``: what a later ``lc.start(5)`` is called on (``scopes.py``)."""
        callee = dotted_parts(value.func) if isinstance(value, cst.Call) else None
        parts = dotted_parts(target)
        if callee is not None and parts is not None and len(parts) <= 2:
            record_constructed(parts, callee, self.scope)

    def _judge_named(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if self._blind or (self.scope.enumerates and isinstance(target, cst.Name)):
            return  # an enumeration's member is a code (`CONNECTION_TIMEOUT = 1`)
        name = target_name(target)
        if name is None:
            return
        written = one_line(self.module.code_for_node(target))
        owner = self._settings_class(target)
        if owner is not None:  # `class Timeout(Setting): default = 30`: judged by the class
            self._judge_bound(value, Context.ASSIGNMENT, owner, written, " = ", f"{owner}.{name}")
            return
        self._judge_bound(value, Context.ASSIGNMENT, name, written, " = ")

    def _settings_class(self, target: cst.BaseExpression) -> str | None:
        """The class whose settings field ``target`` is (``default`` in its body), if any."""
        scope = self.scope
        if scope.kind is not ScopeKind.CLASS or not isinstance(target, cst.Name):
            return None
        if target.value not in class_fields() or scope.qualname is None:
            return None
        return scope.qualname.rsplit(".", 1)[-1]

    def visit_Param(self, node: cst.Param) -> None:
        name = node.name.value
        default = node.default
        parts = dotted_parts(default) if default is not None else None
        self.scope.bind(
            name, Binding(alias=parts, resolve_in=self.scope.parent) if parts else Binding()
        )
        if default is not None and not self._blind and not self._judge_defined(node, default):
            self._judge_bound(default, Context.DEFAULT, name, name, "=")
        self._owners.append(Owner(name=name, value=default))

    def leave_Param(self, original_node: cst.Param) -> None:
        self._owners.pop()

    def _judge_defined(self, param: cst.Param, default: cst.BaseExpression) -> bool:
        """A catalogued parameter's default in the module's own definition of the API
        (urllib3's ``Retry.__init__(self, total=10)``), judged by the catalog, not the name."""
        found = definition_of(self.scope, self.defined)
        name = param.name.value
        listed = found and catalogued_param(found[1], name, self.positions.get(id(param)))
        if not found or not listed:
            return False
        kind, unit = listed
        self._watched_bound(default, Context.DEFAULT, name, name, "=", found[0])
        for leaf in literal_leaves(default):
            snippet, start, end = self._bound_snippet(name, "=", default, leaf)
            where = (name, self.scope.qualname, snippet, start, end)
            self.detections.append(Detection(leaf, kind, Context.DEFAULT, unit, found[0], *where))
        return True

    def _judge_bound(
        self,
        value: cst.BaseExpression,
        context: Context,
        name: str,
        written: str,
        sep: str,
        api: str | None = None,
    ) -> None:
        """A value bound to a name: literals judged by the name, or a migrated site.  ``api``
        is what the finding names when it is not ``written`` (a settings class's field)."""
        leaves, scale = scaled_leaves(value, self.catalog.words)  # `5`, `3 * SECONDS`
        held = held_literal(value) if not leaves and context is Context.ASSIGNMENT else []
        self._watched_bound(value, context, name, written, sep)
        if not leaves and not held:
            return
        scope = self.scope
        words = self.catalog.words
        if context is Context.DEFAULT:
            verdict = default_verdict(name, words)
        else:
            verdict = classify_name(name, words, as_keyword=False)
        if verdict is None and context is Context.ASSIGNMENT:  # `POLL = 1 ... sleep(POLL)`
            verdict = verdict_by_use(self.uses, name, leaves or held, self.by_use)
        if verdict is None and self.documented and context in _DOCUMENTED:
            bound = (name, written, sep)
            self.unjudged += pending(self.module, self.catalog.words, value, leaves, context,
                                     bound, api or written, scope.qualname)  # fmt: skip
        if verdict is None or (held and not holds_one(len(held), verdict)):
            return
        fits, unit = scaled_unit(verdict, scale) if scale else (True, verdict.unit)
        if not fits:
            return  # `timeout = 3 * BYTES`: a size is no duration
        if context is Context.DEFAULT and verdict.kind is Kind.LIMIT:
            leaves = [leaf for leaf in leaves if not asks_one(name, fold_cst(leaf), words)]
        local = context is Context.ASSIGNMENT and written == name and verdict.kind is Kind.LIMIT
        for leaf in leaves or held:
            if is_not_limit_value(verdict, fold_cst(leaf), self.catalog.words):
                continue  # `MAX_WINDOW_SIZE = 2**32 - 1`: a type's range (detect/names.py)
            if local and scope.kind is ScopeKind.FUNCTION:
                self._local_limits[id(leaf)] = (scope, name)
            snippet, start, end = self._bound_snippet(written, sep, value, leaf)
            where = (name, scope.qualname, snippet, start, end)
            self.detections.append(
                Detection(leaf, verdict.kind, context, unit, api or written, *where)
            )

    def _watched_bound(self, value: cst.BaseExpression, context: Context, name: str,
                       written: str, sep: str, api: str | None = None) -> None:  # fmt: skip
        """A bound value's migrated sites, under the catalog's ``api`` where it names them."""
        for node, expression in self.watch.watched_in(value):
            snippet, start, end = self._bound_snippet(written, sep, value, node)
            self.hits.append(ReplacementHit(node, expression, context, api or written, name,
                                            self.scope.qualname, snippet, start, end))  # fmt: skip

    def _is_counter(self, detection: Detection) -> bool:
        """A local limit counted up (``attempts = 1`` ... ``attempts += 1``) starts there; one
        counted down (``retries = 3`` ... ``retries -= 1``) stays a budget."""
        local = self._local_limits.get(id(detection.node))
        return local is not None and (id(local[0]), local[1]) in self._counted

    def _is_factor(self, detection: Detection) -> bool:
        """A duration bound to a name the module multiplies a duration by (``backoff=1.15``
        with ``delay *= backoff``): a multiplier, no duration (``not_tunables.py``)."""
        return (
            detection.kind is Kind.DURATION
            and detection.context in (Context.ASSIGNMENT, Context.DEFAULT)
            and isinstance(detection.arg, str)
            and is_factor_name(detection.arg, self._factors, self.catalog.words)
        )

    def _bound_snippet(
        self, written: str, sep: str, value: cst.BaseExpression, leaf: cst.BaseExpression
    ) -> tuple[str, int, int]:
        """``name = value`` on one line, and ``leaf``'s character range in it."""
        text, start, end = marked_snippet(self.module, value, leaf)
        shift = len(written) + len(sep)
        return f"{written}{sep}{text}", start + shift, end + shift

    # -- calls: judged once every binding is known --------------------------------------------

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Call):  # visited before the call it follows
            self._after[id(node.value)] = node.attr.value

    def visit_Call(self, node: cst.Call) -> None:
        after, site = self._after.pop(id(node), None), None
        if not self._blind:
            site = collect_call(node, self.scope, self.watch, after)
            if site is not None:
                self._calls.append(site)
                site.bound_to = self._bound_name(node)
        unpacked = frozenset(id(a.value) for a in node.args if a.star == "**")
        owner = Owner(call=node, scope=self.scope, after=after, site=site, unpacked=unpacked)
        self._owners.append(owner)

    def _bound_name(self, call: cst.Call) -> str | None:
        """The name ``call`` is the whole value of (``DAY = timedelta(days=1)``), if any."""
        owner = self._owners[-1] if self._owners else None
        if owner is None or owner.value is not call:
            return None
        target = owner.target
        if isinstance(target, cst.Name):
            return target.value
        return target.attr.value if isinstance(target, cst.Attribute) else None

    def leave_Call(self, original_node: cst.Call) -> None:
        owners = self._owners
        if owners and owners[-1].call is original_node:  # `pow(2, 29)` was a literal: no owner
            owners.pop()

    # -- dict entries: `retries={"max_attempts": 3}`, `CACHES = {"default": {"TIMEOUT": 300}}` --

    def visit_Dict(self, node: cst.Dict) -> None:
        """Judge each entry whose key is a string by that key, like a keyword: a dict's keys
        are the names its consumer reads (``dict(timeout=5)`` is ``{"timeout": 5}``)."""
        if self._blind or len(node.elements) > DATA_TABLE_ENTRIES:
            return  # a data table's entries are no settings (``literals.DATA_TABLE_ENTRIES``)
        owner = self._owners[-1] if self._owners else Owner()
        as_keyword = id(node) in owner.unpacked  # `f(**{"ex": 60})`: keys are keywords there
        for entry in dict_entries(node, as_keyword, self.watch.watched_in):
            self._entry(owner, entry, node)

    def visit_Tuple(self, node: cst.Tuple | cst.List) -> None:
        """A table of ``(name, default)`` pairs (huey's ``config_defaults = (('workers', 1),
        ...)``): each pair an entry, as a dict's."""
        owner = self._owners[-1] if self._owners else Owner()
        if not self._blind and owner.call is None and len(node.elements) <= DATA_TABLE_ENTRIES:
            for entry in pair_entries(node, self.watch.watched_in):
                self._entry(owner, entry, node)

    visit_List = visit_Tuple

    def _entry(self, owner: Owner, entry: Entry, mapping: cst.Dict | cst.Tuple | cst.List) -> None:
        if owner.call is not None:  # judged with the call, once its callee is resolved
            if owner.site is None:
                owner.site = new_site(owner.call, owner.scope or self.scope, owner.after)
                self._calls.append(owner.site)
            owner.site.entries.append(entry)
            return
        binding = None if owner.target is None else target_name(owner.target)  # `X = {...}`
        words, plain = self.catalog.words, entry.expression is None
        verdict = entry_verdict(entry, words, binding, mapping) if plain else None
        if verdict is None and entry.expression is None:
            return
        target = None if owner.target is None else one_line(self.module.code_for_node(owner.target))
        api = owner.name if target is None else target  # the target as written (`CACHES`)
        value = owner.value if owner.value is not None else mapping
        head = f"{api}{'=' if owner.target is None else ' = '}" if api else ""
        snippet, start, end = bound_entry_snippet(self.module, head, value, entry)
        where = (entry.key, self.scope.qualname, snippet, start, end)
        if verdict is not None:
            kind, unit = verdict.kind, verdict.unit
            self.detections.append(Detection(entry.node, kind, Context.KEYWORD, unit, api, *where))
        elif entry.expression is not None:
            self.hits.append(ReplacementHit(entry.node, entry.expression, Context.KEYWORD, api,
                                            *where))  # fmt: skip

    def leave_Module(self, original_node: cst.Module) -> None:
        if self._counted and self._local_limits:
            self.detections = [d for d in self.detections if not self._is_counter(d)]
        if self._factors:
            self.detections = [d for d in self.detections if not self._is_factor(d)]
            self.unjudged = [d for d in self.unjudged if not self._is_factor(d)]
        judge = CallJudge(self.module, self.catalog, self.signatures)
        for site in self._calls:
            found = list(judge.judge(site))
            if id(site.call) in self._divisors:  # a duration divided by is a unit, no setting
                found = [d for d in found if d.kind is not Kind.DURATION]
            self.detections.extend(found)
            self.hits.extend(judge.replacements(site))
