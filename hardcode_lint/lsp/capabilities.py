"""What ``initialize`` reads from the client, in a module light enough to import before it.

An editor waits for the answer to ``initialize`` before it sends anything else; the server
imports its analysis modules (the engine, the rules, the project view) only after answering
(:mod:`.server`), so what the answer and the client's capabilities need lives here.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

QUICKFIX = types.CodeActionKind.QuickFix.value
FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".hardcode-lint"
KINDS = [QUICKFIX, FIX_ALL]
CREATE = types.ResourceOperationKind.Create
EDITOR_OPTIONS = ("select", "ignore", "exclude", "languages")  # as the CLI's flags


@dataclass(frozen=True)
class Client:
    """What the client's capabilities let the server send."""

    versioned: bool = False  # workspace edits as versioned document changes
    create: bool = False  # CreateFile in workspace edits
    resolve: bool = False  # codeAction/resolve fills in `edit`
    disabled: bool = False  # actions shown greyed out with a reason


def client_of(caps: types.ClientCapabilities) -> Client:
    edit = caps.workspace.workspace_edit if caps.workspace else None
    action = caps.text_document.code_action if caps.text_document else None
    resolve = action.resolve_support if action else None
    return Client(
        versioned=bool(edit and edit.document_changes),
        create=bool(edit and CREATE in (edit.resource_operations or [])),
        resolve=bool(resolve and "edit" in resolve.properties),
        disabled=bool(action and action.disabled_support),
    )  # fmt: skip


def pulls(caps: types.ClientCapabilities) -> bool:
    """Whether the client pulls diagnostics, takes the provider by registration, and can be
    told to pull again."""
    document = caps.text_document.diagnostic if caps.text_document else None
    workspace = caps.workspace.diagnostics if caps.workspace else None
    return bool(document and document.dynamic_registration and workspace
                and workspace.refresh_support)  # fmt: skip


def editor_options(raw: object) -> dict[str, tuple[str, ...]]:
    """The settings an editor passes (``initializationOptions``, ``workspace/configuration``
    section ``hardcode-lint``): ``select``, ``ignore``, ``exclude`` and ``languages``, lists
    of strings applied on top of the project's settings as the CLI's flags are."""
    if not isinstance(raw, dict):
        return {}
    found = {}
    for name in EDITOR_OPTIONS:
        value = raw.get(name)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            found[name] = tuple(value)
    return found
