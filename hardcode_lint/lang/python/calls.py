"""Judging the literal arguments of one call against the catalog and the argument names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst

from hardcode_lint.detect.catalog import ApiSpec, ArgKey, Catalog
from hardcode_lint.detect.names import classify_name
from hardcode_lint.lang.python.cst_literals import element_values, is_cst_literal, literal_leaves
from hardcode_lint.lang.python.replacements import Watchlist
from hardcode_lint.lang.python.scopes import Scope, resolve_dotted
from hardcode_lint.lang.python.sourcetext import literal_text, marked_snippet, one_line
from hardcode_lint.model import Context, Kind

#: A call longer than this around its literal is shortened to `callee(…, arg, …)`.  Measured
#: without the literal, so that a pending site and its migrated twin (the same call with the
#: replacement) are shortened alike and the report's "new code" equals what fix wrote.
_CONTEXT_MAX = 96


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


def dotted_parts(node: cst.BaseExpression) -> tuple[str, ...] | None:
    """``a.b.c`` as ``("a", "b", "c")``; None for anything that is not a chain of names."""
    names: list[str] = []
    while isinstance(node, cst.Attribute):
        names.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    names.append(node.value)
    return tuple(reversed(names))


def collect_call(
    call: cst.Call, scope: Scope, watch: Watchlist, after: str | None = None
) -> CallSite | None:
    """A :class:`CallSite` for ``call`` if an argument is a literal or a watched expression;
    ``after`` is the attribute that follows the call, if any."""
    func = call.func
    receiver = func.value if isinstance(func, cst.Attribute) else None
    site = CallSite(
        call=call,
        parts=dotted_parts(func),
        method=func.attr.value if isinstance(func, cst.Attribute) else None,
        scope=scope,
        receiver=dotted_parts(receiver.func) if isinstance(receiver, cst.Call) else None,
        after=after,
    )
    positions_known = True
    for arg in call.args:
        leaves = literal_leaves(arg.value)
        watched = None if leaves else watch.match(arg.value)
        if arg.keyword is not None:
            keyword = arg.keyword.value
            site.literals += [(keyword, leaf) for leaf in leaves]
            if watched:
                site.replacements.append((keyword, arg.value, watched))
            for element in element_values(arg.value):
                site.elements += [(keyword, leaf) for leaf in literal_leaves(element)]
                watched = None if is_cst_literal(element) else watch.match(element)
                if watched:
                    site.replacements.append((keyword, element, watched))
            continue
        if arg.star:
            positions_known = arg.star == "**" and positions_known
            continue
        site.all_positional_literal &= is_cst_literal(arg.value)
        if positions_known:
            site.literals += [(site.positional, leaf) for leaf in leaves]
            if watched:
                site.replacements.append((site.positional, arg.value, watched))
        site.positional += 1
    return site if site.literals or site.elements or site.replacements else None


def _attribute_units(catalog: Catalog) -> dict[str, str]:
    """Unit words as attributes after a call, plural or singular (`every(5).seconds`,
    `every(1).minute`)."""
    words = catalog.words.unit_words
    return {**{w[:-1]: u for w, u in words.items() if w.endswith("s") and len(w) > 3}, **words}


class CallJudge:
    """Turns call sites into detections: catalogued APIs first, then argument names."""

    def __init__(self, module: cst.Module, catalog: Catalog) -> None:
        self.module = module
        self.catalog = catalog

    def _callee(self, site: CallSite) -> tuple[str, str | None, str | None]:
        """The call's api (qualified, else as written), and its qualname and method name."""
        qualname = resolve_dotted(site.parts, site.scope) if site.parts else None
        if qualname is None and site.receiver is not None and site.method is not None:
            built = resolve_dotted(site.receiver, site.scope)  # `LoopingCall(f).start`
            if built is not None:
                built = self.catalog.canonical(f"{built}.{site.method}")
                qualname = built if built in self.catalog.apis else None
        if qualname is not None:
            qualname = self.catalog.canonical(qualname)  # `tenacity.wait.wait_fixed`
        method = site.method
        if method is None and qualname is not None and "." in qualname:
            method = qualname.rsplit(".", 1)[1]
        api = qualname or one_line(self.module.code_for_node(site.call.func))
        return api, qualname, method

    def replacements(self, site: CallSite) -> Iterator[ReplacementHit]:
        if not site.replacements:
            return
        api, qualname, method = self._callee(site)
        spec = self.catalog.lookup(qualname, method)
        for key, node, expression in site.replacements:
            context = Context.CALL if isinstance(key, int) else Context.KEYWORD
            snippet, start, end = self._snippet(site, node, key)
            alias = spec.alias(key) if spec is not None else None
            scope = site.scope.qualname
            yield ReplacementHit(node, expression, context, api, key, scope, snippet, start, end,
                                 alias)  # fmt: skip

    def judge(self, site: CallSite) -> Iterator[Detection]:
        if not site.literals and not site.elements:
            return
        api, qualname, method = self._callee(site)
        spec = self.catalog.lookup(qualname, method)
        judged: list[tuple[ArgKey, cst.BaseExpression, ApiSpec | None]] = [
            *((key, node, spec) for key, node in site.literals),
            *((key, node, None) for key, node in site.elements),  # by the keyword's name only
        ]
        for key, node, spec in judged:
            verdict = self._verdict(spec, key, site)
            if verdict is None:
                continue
            kind, context, unit = verdict
            snippet, start, end = self._snippet(site, node, key)
            yield Detection(
                node=node,
                kind=kind,
                context=context,
                unit=unit,
                api=api,
                arg=key,
                scope=site.scope.qualname,
                snippet=snippet,
                snippet_start=start,
                snippet_end=end,
                arg_alias=spec.alias(key) if spec is not None and context is Context.CALL else None,
            )

    def _verdict(
        self, spec: ApiSpec | None, key: ArgKey, site: CallSite
    ) -> tuple[Kind, Context, str | None] | None:
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
                return kind, Context.CALL, unit
        if isinstance(key, str):
            named = classify_name(key, self.catalog.words, as_keyword=True)
            if named is not None:
                return named.kind, Context.KEYWORD, named.unit
        return None

    def _snippet(
        self, site: CallSite, node: cst.BaseExpression, key: ArgKey
    ) -> tuple[str, int, int]:
        """The call as users see it, and the literal's character range in that text."""
        code = one_line(self.module.code_for_node(site.call))
        if len(code) - len(one_line(self.module.code_for_node(node))) <= _CONTEXT_MAX:
            return marked_snippet(self.module, site.call, node)
        callee = one_line(self.module.code_for_node(site.call.func))
        value, bare = one_line(self.module.code_for_node(node)), literal_text(node)
        alone = len(site.call.args) == 1
        head = (f"{callee}(" if alone else f"{callee}(…, ") + (
            f"{key}=" if isinstance(key, str) else ""
        )
        start = len(head) + max(0, value.find(bare))
        return head + value + (")" if alone else ", …)"), start, start + len(bare)
