"""A buffer's diagnostics as the JSON the client reads, each finding's written once.

On a dense file every keystroke publishes thousands of diagnostics, nearly all of them the
same as the last time but for their range (an edit above moves them).  Building each
``Diagnostic``, unstructuring it with cattrs and encoding it with ``json`` was a quarter of an
edit's time.  Here each diagnostic's JSON without its range is kept by what decides it (the
rule, the message, the code, the status) and only the range is written anew; the notification
is framed as pygls frames it.  ``tests/test_lsp_wire.py`` checks the text decodes to what
pygls would have sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from lsprotocol import types

from hardcode_lint.lsp.buffer import Buffer, Site
from hardcode_lint.lsp.diagnostics import diagnostic, extra_diagnostics
from hardcode_lint.lsp.links import RuleLocations
from hardcode_lint.lsp.project import Snapshot
from hardcode_lint.lsp.text import TextIndex

Unstructure = Callable[[Any], Any]
_NOWHERE = types.Range(types.Position(0, 0), types.Position(0, 0))
_LIMIT = 50_000  # bodies kept before the cache starts over (a long session's edits)


def _range(index: TextIndex, site: Site, ascii: bool) -> str:
    """The JSON of ``site``'s range; its finding's lines are where to look first."""
    start, end = site.span
    first = index.fast_position(start, ascii, site.finding.line - 1)
    last = index.fast_position(end, ascii, site.finding.end_line - 1)
    return (f'{{"start":{{"line":{first[0]},"character":{first[1]}}},'
            f'"end":{{"line":{last[0]},"character":{last[1]}}}}}')  # fmt: skip


class Wire:
    """The JSON of diagnostics, with the range-less body of each kept between versions
    (for one snapshot of the project's rules: a new one starts the cache over)."""

    def __init__(self, unstructure: Unstructure) -> None:
        self.unstructure = unstructure
        self.snapshot: Snapshot | None = None
        self.bodies: dict[tuple[Any, ...], str] = {}

    def _body(self, site: Site, rules: RuleLocations) -> str:
        """``site``'s diagnostic without its range: ``"message":...,...}``."""
        finding = site.finding
        key = (
            id(site.rule),
            finding.code,
            site.status,
            site.sites,
            site.baselined,
            finding.kind,
            finding.value,
            finding.unit,
            type(finding.seconds),
            finding.seconds,
            finding.api,
            finding.arg,
        )  # all that :func:`message` says
        body = self.bodies.get(key)
        if body is None:
            data = self.unstructure(diagnostic(site, _NOWHERE, rules))
            del data["range"]
            body = self.bodies[key] = json.dumps(data)[1:]
        return body

    def diagnostics(self, buffer: Buffer) -> str:
        """The JSON array of ``buffer``'s diagnostics (what :func:`buffer_diagnostics` lists)."""
        if buffer.snapshot is not self.snapshot or len(self.bodies) > _LIMIT:
            self.snapshot, self.bodies = buffer.snapshot, {}  # rules (and their ids) held
        rules = RuleLocations(buffer.snapshot.config.root, buffer.index.encoding)
        index, ascii = buffer.index, buffer.index.text.isascii()
        parts = [f'{{"range":{_range(index, site, ascii)},{self._body(site, rules)}'
                 for site in buffer.sites]  # fmt: skip
        parts += [json.dumps(self.unstructure(extra)) for extra in extra_diagnostics(buffer)]
        return f"[{','.join(parts)}]"


def notification(uri: str, diagnostics: str, version: int | None) -> str:
    """The ``textDocument/publishDiagnostics`` message holding ``diagnostics`` (JSON)."""
    known = "" if version is None else f',"version":{version}'
    return (f'{{"params":{{"uri":{json.dumps(uri)},"diagnostics":{diagnostics}{known}}},'
            f'"method":"textDocument/publishDiagnostics","jsonrpc":"2.0"}}')  # fmt: skip


def framed(notification_of: tuple[str, str, int | None], protocol: Any) -> bytes:
    """The notification as pygls frames a message (the JSON is ASCII: its length in
    characters is in bytes)."""
    body = notification(*notification_of)
    return (f"Content-Length: {len(body)}\r\nContent-Type: {protocol.CONTENT_TYPE}; "
            f"charset={protocol.CHARSET}\r\n\r\n{body}").encode()  # fmt: skip
