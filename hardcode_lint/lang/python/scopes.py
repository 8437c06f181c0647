"""Just enough of Python's name resolution to tell ``time.sleep`` from a local ``sleep``.

libcst's ``QualifiedNameProvider`` resolves every name of a module, which costs about five times
the parse itself.  The detector needs the qualified name of a handful of callees only, so it
records bindings (imports, aliases such as ``nap = time.sleep``, local definitions) per scope as
it walks, and resolves the few callees it cares about once the walk is over, when every binding
of every scope is known (a function may use a name that is imported further down the module).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from enum import Enum

#: ``None``, ``True`` and ``False`` are keywords, not names: ``opts.get`` under ``opts=None`` is
#: whatever the caller passes, never ``None.get`` (a default of None resolves to nothing).
_KEYWORD_CONSTANTS = frozenset({"None", "True", "False"})
_BUILTINS = frozenset(dir(builtins)) - _KEYWORD_CONSTANTS
_MAX_ALIAS_DEPTH = 16


class ScopeKind(Enum):
    MODULE = "module"
    CLASS = "class"
    FUNCTION = "function"


@dataclass(frozen=True, slots=True)
class Binding:
    """What a name is bound to in one scope.

    ``imported`` is the qualified name an import binds (``"time.sleep"``); ``alias`` the dotted
    expression an assignment binds (``nap = time.sleep`` -> ``("time", "sleep")``).  Both are
    None for anything else (a ``def``, a computed value, a loop variable): such a name shadows
    whatever it hides.
    ``resolve_in`` is the scope in which an alias's expression is looked up (for a parameter
    default, the scope enclosing the function).
    """

    imported: str | None = None
    alias: tuple[str, ...] | None = None
    resolve_in: Scope | None = None


LOCAL = Binding()


@dataclass(eq=False)
class Scope:
    kind: ScopeKind
    parent: Scope | None
    qualname: str | None  # dotted def/class names; lambdas keep their parent's
    bindings: dict[str, Binding] = field(default_factory=dict)
    global_names: set[str] = field(default_factory=set)
    star_imports: list[str] = field(default_factory=list)  # `from m import *` (module scope)
    # the calls that built what a name holds (`lc = LoopingCall(f)`), each with the scope its
    # callee is resolved from; in a class scope keyed by attribute (`self._loop = ...` too)
    constructed: dict[str, list[tuple[tuple[str, ...], Scope]]] = field(default_factory=dict)
    instance: str | None = None  # a method's first parameter (`self`)
    # a class deriving from an enumeration (`class CloseReason(IntEnum)`): its members are codes
    enumerates: bool = False

    def bind(self, name: str, binding: Binding = LOCAL) -> None:
        """Record a binding; the first one in source order wins (``try: import x ...``)."""
        owner = self.module() if name in self.global_names else self
        owner.bindings.setdefault(name, binding)

    def child(self, kind: ScopeKind, name: str | None) -> Scope:
        qualname = self.qualname
        if name is not None:
            qualname = f"{qualname}.{name}" if qualname else name
        return Scope(kind, self, qualname)

    def module(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope


def lookup(name: str, scope: Scope) -> tuple[Binding, Scope] | None:
    """The binding ``name`` refers to from code directly in ``scope`` (LEGB, classes skipped)."""
    current: Scope | None = scope
    first = True
    while current is not None:
        if current.kind is ScopeKind.CLASS and not first:
            current = current.parent
            continue
        if name in current.global_names:
            current = current.module()
        if name in current.bindings:
            return current.bindings[name], current
        first = False
        current = current.parent
    return None


def _unbound(name: str, scope: Scope) -> str | None:
    """A name bound nowhere: a builtin, else (with ``from m import *``) presumably ``m.name``."""
    if name in _BUILTINS:
        return name
    stars = scope.module().star_imports
    return f"{stars[0]}.{name}" if stars else None


def resolve_dotted(parts: tuple[str, ...], scope: Scope, depth: int = 0) -> str | None:
    """The qualified name of ``a.b.c`` seen from ``scope``, or None if its root is a local.

    Builtins resolve to their bare name (``max``) unless shadowed; ``builtins.max`` is ``max``.
    """
    if depth > _MAX_ALIAS_DEPTH or not parts:
        return None
    root, rest = parts[0], parts[1:]
    found = lookup(root, scope)
    if found is None:
        base = _unbound(root, scope)
    else:
        binding, owner = found
        if binding.imported is not None:
            base = binding.imported
        elif binding.alias is not None:
            base = resolve_dotted(binding.alias, binding.resolve_in or owner, depth + 1)
        else:
            base = None
    if base is None:
        return None
    qualname = ".".join((base, *rest))
    return qualname.removeprefix("builtins.")


def _holder(parts: tuple[str, ...], scope: Scope) -> tuple[Scope, str] | None:
    """The scope that records what ``parts`` holds, and the name it is recorded under:
    ``lc`` -> the scope binding ``lc``; ``self._loop`` in a method -> its class, ``_loop``."""
    found = lookup(parts[0], scope)
    if found is None:
        return None
    owner = found[1]
    if len(parts) == 1:
        return owner, parts[0]
    in_class = owner.parent is not None and owner.parent.kind is ScopeKind.CLASS
    if len(parts) == 2 and owner.instance == parts[0] and in_class:
        assert owner.parent is not None
        return owner.parent, parts[1]
    return None


def record_constructed(parts: tuple[str, ...], callee: tuple[str, ...], scope: Scope) -> None:
    """Note that ``parts = callee(...)`` was assigned in ``scope`` (``parts`` bound already)."""
    holder = _holder(parts, scope)
    if holder is not None:
        owner, name = holder
        owner.constructed.setdefault(name, []).append((callee, scope))


def constructed_type(parts: tuple[str, ...], scope: Scope) -> str | None:
    """The qualified name of the class whose call built the object ``parts`` names, seen
    from ``scope``: ``lc`` after ``lc = LoopingCall(f)`` in the scope ``lc`` belongs to,
    ``self._loop`` after ``self._loop = LoopingCall(f)`` (or ``_loop = ...`` in the class
    body) in the same class.  None when unknown or when two different callees were assigned:
    a method is then matched by its name alone, as before.  Other assignments (``lc = None``)
    do not count, so the usual ``self._loop = None`` in ``__init__`` does not hide the call.
    """
    holder = _holder(parts, scope) if parts else None
    if holder is None:
        return None
    owner, name = holder
    built = {resolve_dotted(callee, where) for callee, where in owner.constructed.get(name, [])}
    if len(built) != 1:
        return None
    return built.pop()
