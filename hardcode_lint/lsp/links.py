"""Where a finding's rule is written: the diagnostic's ``relatedInformation`` and the target of
go-to-definition on a finding, so that the editor jumps from a literal to the rule that maps it
(the line of its ``[[rule]]`` table in the rule file)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from hardcode_lint.lsp.buffer import Buffer
from hardcode_lint.lsp.text import TextIndex
from hardcode_lint.model import Rule


class RuleLocations:
    """Locations of rules under ``root``; each rule file is read once per instance (one
    instance per diagnostics run, so a dense file does not read it once per finding)."""

    def __init__(self, root: Path, encoding: str) -> None:
        self.root = root
        self.encoding = encoding
        self.indexes: dict[Path, TextIndex | None] = {}

    def _index(self, path: Path) -> TextIndex | None:
        if path not in self.indexes:
            try:
                text = path.read_text("utf-8", errors="replace")
                self.indexes[path] = TextIndex(text, self.encoding)
            except OSError:
                self.indexes[path] = None
        return self.indexes[path]

    def of(self, rule: Rule) -> types.Location:
        path = self.root / rule.file
        index, row = self._index(path), max(0, rule.line - 1)
        if index is None:
            where = types.Range(types.Position(row, 0), types.Position(row, 0))
        else:
            row = min(row, len(index.lines) - 1)
            first, last = index.position(index.starts[row]), index.position(index.line_end(row))
            where = types.Range(types.Position(first.line, first.character),
                                types.Position(last.line, last.character))  # fmt: skip
        return types.Location(path.as_uri(), where)


def definition(buffer: Buffer, offset: int) -> list[types.Location]:
    """The rules of the findings at ``offset`` (none for an unmapped literal)."""
    where = RuleLocations(buffer.snapshot.config.root, buffer.index.encoding)
    return [where.of(site.rule) for site in buffer.at(offset, offset) if site.rule is not None]
