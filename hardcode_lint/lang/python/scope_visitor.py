"""The detector walk's bookkeeping half: which scope it is in and what each name is bound to.

:class:`ScopeTracker` follows definitions, imports and every other binding form as the walk
passes them (see ``scopes.py`` for why names are resolved by hand), and knows where nothing is
a finding (type annotations).  The judging half, ``visitor.DetectorVisitor``, builds on it: the
two change for different reasons (Python's binding rules, the contract's rules on literals).
"""

from __future__ import annotations

import libcst as cst

from hardcode_lint.lang.python.cst_literals import dotted_parts
from hardcode_lint.lang.python.definitions import Defined
from hardcode_lint.lang.python.scopes import LOCAL, Binding, Scope, ScopeKind


def _instance_name(node: cst.FunctionDef) -> str | None:
    """A method's first parameter (``self``, ``cls``); None for a static method."""
    static = any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in node.decorators
    )
    first = [*node.params.posonly_params, *node.params.params][:1]
    return first[0].name.value if first and not static else None


class ScopeTracker(cst.CSTVisitor):
    """The current scope with its bindings, and how deep the walk is in type annotations."""

    def __init__(self, module: cst.Module, defined: Defined | None = None) -> None:
        super().__init__()
        self.module = module
        self.scope = Scope(ScopeKind.MODULE, None, None)
        self._blind = 0  # > 0 inside type annotations, where nothing is a finding
        self.defined: Defined = defined or {}  # catalogued APIs the module defines
        self.positions: dict[int, int] = {}  # id(param) -> its position among the arguments

    def _bind_definition(self, name: str) -> None:
        """``class Retry`` in urllib3's own module is the catalogued ``Retry`` its calls mean."""
        found = self.defined.get(name) if self.scope.kind is ScopeKind.MODULE else None
        self.scope.bind(name, Binding(imported=found[0]) if found else LOCAL)

    # -- scopes ----------------------------------------------------------------------------

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._bind_definition(node.name.value)
        method = self.scope.kind is ScopeKind.CLASS
        self.scope = self.scope.child(ScopeKind.FUNCTION, node.name.value)
        if method:
            self.scope.instance = _instance_name(node)
        positional = [*node.params.posonly_params, *node.params.params]
        skip = 1 if method and self.scope.instance is not None else 0
        for index, param in enumerate(positional[skip:]):
            self.positions[id(param)] = index

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bind_definition(node.name.value)
        self.scope = self.scope.child(ScopeKind.CLASS, node.name.value)
        self.scope.enumerates = any(_is_enumeration(base.value) for base in node.bases)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.scope = self.scope.child(ScopeKind.FUNCTION, None)

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._pop()

    def _pop(self) -> None:
        assert self.scope.parent is not None
        self.scope = self.scope.parent

    def visit_Global(self, node: cst.Global) -> None:
        self.scope.global_names.update(item.name.value for item in node.names)

    # -- blind regions ---------------------------------------------------------------------

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._blind += 1

    def leave_Annotation(self, original_node: cst.Annotation) -> None:
        self._blind -= 1

    # -- bindings --------------------------------------------------------------------------

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            full = self.module.code_for_node(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.scope.bind(alias.asname.name.value, Binding(imported=full))
            else:
                root = full.split(".", 1)[0]
                self.scope.bind(root, Binding(imported=root))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = self.module.code_for_node(node.module) if node.module is not None else ""
        prefix = "." * len(node.relative) + module
        if isinstance(node.names, cst.ImportStar):
            self.scope.module().star_imports.append(prefix)
            return
        for alias in node.names:
            name = self.module.code_for_node(alias.name)
            imported = f"{prefix}.{name}" if module else f"{prefix}{name}"
            bound = alias.asname.name if alias.asname is not None else alias.name
            if isinstance(bound, cst.Name):
                self.scope.bind(bound.value, Binding(imported=imported))

    def _bind_target(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        """Bind the names a target assigns; ``x = a.b`` makes ``x`` an alias of ``a.b``."""
        if isinstance(target, cst.Name):
            parts = dotted_parts(value) if value is not None else None
            self.scope.bind(target.value, Binding(alias=parts) if parts else Binding())
        elif isinstance(target, cst.Tuple | cst.List):
            for element in target.elements:
                self._bind_target(element.value, None)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value, None)

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target, None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target, None)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, None)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self._bind_target(node.name.name, None)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_target(node.target, None)


#: The last names of the standard library's enumeration bases (and ``aenum``'s, which share
#: them): a class deriving from one binds codes, not settings (aiokafka's ``class
#: CloseReason(IntEnum): CONNECTION_TIMEOUT = 1``).
_ENUMERATION_SUFFIXES = ("Enum", "Flag")


def _is_enumeration(base: cst.BaseExpression) -> bool:
    parts = dotted_parts(base)
    return parts is not None and parts[-1].endswith(_ENUMERATION_SUFFIXES)
