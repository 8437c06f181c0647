"""Judging the literal arguments of one call against the catalog and the argument names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst

from hardcode_lint.detect.catalog import UNIT_SECONDS, ApiSpec, ArgKey, Catalog
from hardcode_lint.detect.names import classify_name, defines_unit
from hardcode_lint.lang.python.cst_literals import (
    argument_value,
    dotted_parts,
    element_values,
    fold_cst,
    is_cst_literal,
    literal_leaves,
    margin_literal,
    operand_name,
)
from hardcode_lint.lang.python.entries import CONTEXT_MAX, Entry, entry_text, entry_verdict
from hardcode_lint.lang.python.replacements import Watchlist
from hardcode_lint.lang.python.scopes import Scope, constructed_type, resolve_dotted
from hardcode_lint.lang.python.signatures import Signatures, filled, looked_up
from hardcode_lint.lang.python.sourcetext import literal_text, marked_snippet, one_line
from hardcode_lint.model import Context, Kind

#: A literal's kind, context and unit, and the name it is judged by when that is not its
#: argument (the looked-up name of ``opts.get("delay", 3)``).
Verdict = tuple[Kind, Context, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Detection:
    """A literal judged to be a hardcode, before it is given a position and a code."""

    node: cst.BaseExpression
    kind: Kind
    context: Context
    unit: str | None
    api: str | None
    arg: ArgKey | None
    scope: str | None
    snippet: str
    snippet_start: int = -1  # the literal's character range inside the snippet
    snippet_end: int = -1
    arg_alias: ArgKey | None = None  # the parameter's other spelling (position <-> keyword)


@dataclass(frozen=True, slots=True)
class ReplacementHit:
    """A watched replace expression found at an argument, assignment or default."""

    node: cst.BaseExpression
    expression: str
    context: Context
    api: str | None
    arg: ArgKey | None
    scope: str | None
    snippet: str
    snippet_start: int = -1
    snippet_end: int = -1
    arg_alias: ArgKey | None = None


@dataclass(slots=True)
class CallSite:
    """A call with at least one literal argument, kept until every binding is known."""

    call: cst.Call
    parts: tuple[str, ...] | None  # the callee as a dotted chain of names, when it is one
    method: str | None  # the callee's last attribute (`loop.call_later` -> "call_later")
    scope: Scope
    literals: list[tuple[ArgKey, cst.BaseExpression]] = field(default_factory=list)
    # literals inside a tuple or list passed by keyword (`timeout=(3.05, 27)`): judged by the
    # keyword's name only
    elements: list[tuple[str, cst.BaseExpression]] = field(default_factory=list)
    replacements: list[tuple[ArgKey, cst.BaseExpression, str]] = field(default_factory=list)
    positional: int = 0
    all_positional_literal: bool = True
    # the receiver when it is a call of a dotted name (`LoopingCall(f).start` -> LoopingCall)
    receiver: tuple[str, ...] | None = None
    # the attribute right after the call (`every(5).seconds` -> "seconds")
    after: str | None = None
    # entries of dict literals inside the call (`retries={"max_attempts": 3}`)
    entries: list[Entry] = field(default_factory=list)
    # literals that are the fallback of an `or` (`sleep(delay or 5)`): no clamp bound, but
    # named by what they stand in for (`min(read_chunk_size or 65536, n)`): id -> that name
    fallbacks: dict[int, str | None] = field(default_factory=dict)
    # margins (`timeout=max(a, b) + 5`, `sleep(x + 0.5)`): kept only as durations (ids)
    margins: set[int] = field(default_factory=set)
    # the positional string literals (`opts.get("delay", 3)`), by position
    strings: dict[int, str] = field(default_factory=dict)
    # the name the call is the whole value of (`DAY = timedelta(days=1)`: a unit's size)
    bound_to: str | None = None


def new_site(call: cst.Call, scope: Scope, after: str | None = None) -> CallSite:
    """A :class:`CallSite` for ``call`` with its callee and no arguments collected yet."""
    func = call.func
    receiver = func.value if isinstance(func, cst.Attribute) else None
    return CallSite(
        call=call,
        parts=dotted_parts(func),
        method=func.attr.value if isinstance(func, cst.Attribute) else None,
        scope=scope,
        receiver=dotted_parts(receiver.func) if isinstance(receiver, cst.Call) else None,
        after=after,
    )


def collect_call(
    call: cst.Call, scope: Scope, watch: Watchlist, after: str | None = None
) -> CallSite | None:
    """A :class:`CallSite` for ``call`` if an argument is a literal or a watched expression;
    ``after`` is the attribute that follows the call, if any."""
    site = new_site(call, scope, after)
    positions_known = True
    for arg in call.args:
        leaves = literal_leaves(arg.value)
        margin = None if leaves else margin_literal(arg.value)
        if margin is not None:
            leaves = [margin]
            site.margins.add(id(margin))
        watched = watch.watched_in(arg.value)
        if arg.keyword is not None:
            keyword = arg.keyword.value
            site.literals += [(keyword, leaf) for leaf in leaves]
            site.replacements += [(keyword, node, expression) for node, expression in watched]
            for element in element_values(arg.value):
                site.elements += [(keyword, leaf) for leaf in literal_leaves(element)]
                held = watch.watched_in(element)
                site.replacements += [(keyword, node, found) for node, found in held]
            continue
        if arg.star:
            positions_known = arg.star == "**" and positions_known
            continue
        site.all_positional_literal &= is_cst_literal(arg.value)
        if isinstance(arg.value, cst.BooleanOperation):
            named = operand_name(arg.value.left)
            site.fallbacks.update((id(leaf), named) for leaf in leaves)
        if positions_known and isinstance(arg.value, cst.SimpleString):
            text = arg.value.evaluated_value
            if isinstance(text, str):
                site.strings[site.positional] = text
        if positions_known:
            site.literals += [(site.positional, leaf) for leaf in leaves]
            site.replacements += [(site.positional, node, found) for node, found in watched]
        site.positional += 1
    return site if site.literals or site.elements or site.replacements else None


def _attribute_units(catalog: Catalog) -> dict[str, str]:
    """Unit words as attributes after a call, plural or singular (`every(5).seconds`,
    `every(1).minute`)."""
    words = catalog.words.unit_words
    return {**{w[:-1]: u for w, u in words.items() if w.endswith("s") and len(w) > 3}, **words}


class CallJudge:
    """Turns call sites into detections: catalogued APIs first, then argument names."""

    def __init__(
        self, module: cst.Module, catalog: Catalog, signatures: Signatures | None = None
    ) -> None:
        self.module = module
        self.catalog = catalog
        self.signatures = signatures or {}  # the file's own functions (``signatures.py``)

    def _callee(self, site: CallSite) -> tuple[str, str | None, str | None]:
        """The call's api (qualified, else as written), and its qualname and method name."""
        qualname = resolve_dotted(site.parts, site.scope) if site.parts else None
        if qualname is None and site.method is not None:
            qualname = self._constructed_method(site)
        if qualname is not None:
            qualname = self.catalog.canonical(qualname)  # `tenacity.wait.wait_fixed`
        method = site.method
        if method is None and qualname is not None and "." in qualname:
            method = qualname.rsplit(".", 1)[1]
        api = qualname or one_line(self.module.code_for_node(site.call.func))
        return api, qualname, method

    def _constructed_method(self, site: CallSite) -> str | None:
        """The catalogued method of a receiver built by a known class: ``LoopingCall(f).start``,
        or ``lc.start`` / ``self._loop.start`` after ``lc = LoopingCall(f)`` /
        ``self._loop = LoopingCall(f)`` (``scopes.constructed_type``).  The catalog's entry
        is the class's qualified name and the method (``twisted.internet.task.LoopingCall
        .start``); an unknown receiver is matched by method name only, as before."""
        if site.receiver is not None:
            built = resolve_dotted(site.receiver, site.scope)
        elif site.parts is not None and 1 < len(site.parts) <= 3:
            built = constructed_type(site.parts[:-1], site.scope)
        else:
            return None
        if built is None:
            return None
        method = self.catalog.canonical(f"{built}.{site.method}")
        return method if method in self.catalog.apis else None

    def replacements(self, site: CallSite) -> Iterator[ReplacementHit]:
        entries = [e for e in site.entries if e.expression is not None]
        if not site.replacements and not entries:
            return
        api, qualname, method = self._callee(site)
        spec = self.catalog.lookup(qualname, method)
        scope = site.scope.qualname
        for key, node, expression in site.replacements:
            context = Context.CALL if isinstance(key, int) else Context.KEYWORD
            snippet, start, end = self._snippet(site, node, key)
            alias = spec.alias(key) if spec is not None else None
            yield ReplacementHit(node, expression, context, api, key, scope, snippet, start, end,
                                 alias)  # fmt: skip
        for entry in entries:
            assert entry.expression is not None
            snippet, start, end = self._entry_snippet(site, entry)
            yield ReplacementHit(entry.node, entry.expression, Context.KEYWORD, api, entry.key,
                                 scope, snippet, start, end)  # fmt: skip

    def judge(self, site: CallSite) -> Iterator[Detection]:
        if not site.literals and not site.elements and not site.entries:
            return
        api, qualname, method = self._callee(site)
        yield from self._entries(site, api)
        spec = self.catalog.lookup(qualname, method)
        judged: list[tuple[ArgKey, cst.BaseExpression, ApiSpec | None]] = [
            *((key, node, spec) for key, node in site.literals),
            *((key, node, None) for key, node in site.elements),  # by the keyword's name only
        ]
        for key, node, spec in judged:
            verdict = (
                self._verdict(spec, key, site)
                or self._fallback(qualname, method, key, site)
                or self._by_parameter(qualname, key, site)
            )
            if id(node) in site.fallbacks and (verdict is None or verdict[0] is Kind.CLAMP):
                verdict = self._stands_in(spec, site.fallbacks[id(node)])
            if verdict is None or (id(node) in site.margins and verdict[0] is not Kind.DURATION):
                continue
            if self._defines_unit(site, node, verdict):
                continue  # `DAY = timedelta(days=1)`: what a day is, not how long to wait
            if self._single_item(verdict[3] or key, node, verdict):
                continue  # `zpopmin(k, count=1)`: one item, not a tunable
            kind, context, unit, looked_up = verdict
            snippet, start, end = self._snippet(site, node, key)
            alias = spec.alias(key) if spec is not None and context is Context.CALL else None
            yield Detection(
                node=node,
                kind=kind,
                context=context,
                unit=unit,
                api=api,
                arg=looked_up or key,  # `opts.get("delay", 3)`: "delay", its default's place
                scope=site.scope.qualname,
                snippet=snippet,
                snippet_start=start,
                snippet_end=end,
                arg_alias=key if looked_up else alias,
            )

    def _entries(self, site: CallSite, api: str) -> Iterator[Detection]:
        """Dict entries inside the call, judged by their key alone (``retries={"max_attempts":
        3}``), with the call's api and ``context`` keyword."""
        for entry in site.entries:
            if entry.expression is not None:
                continue
            named = entry_verdict(entry, self.catalog.words)
            if named is None:
                continue
            snippet, start, end = self._entry_snippet(site, entry)
            yield Detection(entry.node, named.kind, Context.KEYWORD, named.unit, api, entry.key,
                            site.scope.qualname, snippet, start, end)  # fmt: skip

    def _entry_snippet(self, site: CallSite, entry: Entry) -> tuple[str, int, int]:
        """The call around a dict entry, or ``callee(…, {…, "key": value, …}, …)`` when long."""
        code = one_line(self.module.code_for_node(site.call))
        if len(code) - len(literal_text(entry.node)) <= CONTEXT_MAX:
            return marked_snippet(self.module, site.call, entry.node)
        head = one_line(self.module.code_for_node(site.call.func)) + "(…, {…, "
        text, start, end = entry_text(self.module, entry)
        return f"{head}{text}, …}}, …)", start + len(head), end + len(head)

    def _defines_unit(self, site: CallSite, node: cst.BaseExpression, verdict: Verdict) -> bool:
        """Whether the call defines a unit: bound whole to a name of unit words only, its one
        duration a unit's size (``ONE_HOUR = timedelta(hours=1)``, ``MINUTE = Duration(60)``)."""
        unit = verdict[2]
        if site.bound_to is None or verdict[0] is not Kind.DURATION or unit is None:
            return False
        number = fold_cst(node)
        seconds = None if number is None else number * UNIT_SECONDS[unit]
        return seconds is not None and defines_unit(site.bound_to, self.catalog.words, seconds)

    def _single_item(self, key: ArgKey, node: cst.BaseExpression, verdict: Verdict) -> bool:
        """Whether a limit asks for one item: ``count=1``, ``limit=1`` given to a call by the
        very name (words.toml's ``single-item-keywords``), or by position to a parameter so
        named (asyncpg's ``self._execute(query, args, 1, timeout)``: one row)."""
        if verdict[0] is not Kind.LIMIT:
            return False
        words = self.catalog.words.single_item_keywords
        return isinstance(key, str) and key.lower() in words and fold_cst(node) == 1

    def _fallback(
        self, qualname: str | None, method: str | None, key: ArgKey, site: CallSite
    ) -> Verdict | None:
        """The default of a lookup (``opts.get("delay", 3)``, ``getattr(cfg, "max_retries",
        3)``), judged by the looked-up name like a keyword's value."""
        if method is None and site.parts is not None and len(site.parts) == 1:
            method = site.parts[0]  # supervisor's local `get(section, "startsecs", 1)`
        found = self.catalog.fallback(qualname, method)
        if found is None:
            return None
        name = site.strings.get(found.name) if key in found.default else None
        if name is None and found.name == 0 and 0 not in site.strings and isinstance(key, int):
            # configparser's and supervisor's `get(section, "startsecs", 1)`: after a section
            shifted = {k + 1 for k in found.default if isinstance(k, int)}
            name = site.strings.get(1) if key in shifted else None
        return None if name is None else self._named(name)

    def _stands_in(self, spec: ApiSpec | None, name: str | None) -> Verdict | None:
        """An ``or`` fallback in a catalogued call, named by the value it stands in for
        (tornado's ``min(read_chunk_size or 65536, n)``: a read size, not a clamp bound)."""
        return self._named(name) if spec is not None and name else None

    def _named(self, name: str) -> Verdict | None:
        """A literal judged by the name it is given under, as a keyword's value (a size by its
        head is judged with its value, bound to a name only)."""
        named = classify_name(name, self.catalog.words, as_keyword=False)
        if named is None or named.least:
            return None
        return named.kind, Context.KEYWORD, named.unit, name

    def _by_parameter(self, qualname: str | None, key: ArgKey, site: CallSite) -> Verdict | None:
        """A literal given by position to the file's own function (not an import's) or to a
        setter (whatever its receiver resolves to: a pre-filter may blank the import)."""
        if not isinstance(key, int) or not site.parts:
            return None
        own = self.signatures if qualname is None else {}
        lookup = looked_up(own, site.parts, key)
        if lookup is not None:  # `_int_env("CELERY_WORKER_REVOKES_MAX", 50000)`
            return self._named(site.strings[lookup]) if lookup in site.strings else None
        found = filled(own, site.parts, key, self.catalog.words)
        return None if found is None else (found[1].kind, Context.KEYWORD, found[1].unit, found[0])

    def _verdict(self, spec: ApiSpec | None, key: ArgKey, site: CallSite) -> Verdict | None:
        if spec is not None:
            listed, unit = spec.unit_for(key)
            kind = spec.kind_of(key)
            if listed and spec.unit_from_attribute:  # `every(5).seconds`; `every(5).do(f)`: no
                unit = _attribute_units(self.catalog).get(site.after or "")
                if unit is None:
                    return None
            real_clamp = site.positional >= spec.min_args and not (
                spec.any_position and site.all_positional_literal
            )
            if listed and (kind is not Kind.CLAMP or real_clamp):
                return kind, Context.CALL, unit, None
        if isinstance(key, str):
            named = classify_name(key, self.catalog.words, as_keyword=True)
            if named is not None:
                return named.kind, Context.KEYWORD, named.unit, None
        return None

    def _snippet(
        self, site: CallSite, node: cst.BaseExpression, key: ArgKey
    ) -> tuple[str, int, int]:
        """The call as users see it, and the literal's character range in that text."""
        code = one_line(self.module.code_for_node(site.call))
        if len(code) - len(one_line(self.module.code_for_node(node))) <= CONTEXT_MAX:
            return marked_snippet(self.module, site.call, node)
        callee = one_line(self.module.code_for_node(site.call.func))
        container = argument_value(site.call, key) or node  # `timeout=max(a, b) + 5`, whole
        value, at, end = marked_snippet(self.module, container, node)
        if at < 0:
            bare = literal_text(node)
            at = max(0, value.find(bare))
            end = at + len(bare)
        alone = len(site.call.args) == 1
        head = (f"{callee}(" if alone else f"{callee}(…, ") + (
            f"{key}=" if isinstance(key, str) else ""
        )
        return head + value + (")" if alone else ", …)"), len(head) + at, len(head) + end


@dataclass(slots=True)
class Owner:
    """What the entries of a dict literal belong to, for their ``api`` and snippet: the
    innermost call around the dict (judged with the call, once its callee is resolved), else
    the assignment or parameter whose value holds it, else nothing (``return {...}``)."""

    call: cst.Call | None = None
    scope: Scope | None = None  # the scope the call is in (a dict in a lambda is deeper)
    after: str | None = None  # the attribute after the call
    site: CallSite | None = None  # the call's site, made when a first entry needs it
    unpacked: frozenset[int] = frozenset()  # ids of dicts passed as `**{...}` to the call
    target: cst.BaseExpression | None = None  # the assigned target, or
    name: str | None = None  # the parameter
    value: cst.BaseExpression | None = None  # the assigned value or default
