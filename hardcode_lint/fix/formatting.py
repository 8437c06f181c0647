"""Keeping the project's formatting: a fixed file its formatter accepted before is formatted
after the splice, so that it is still accepted (a long replacement wrapped as the formatter
would); a file it rejected before keeps the splice as it is.

Only the files ``fix`` changes are touched, and only through the new bytes (the formatter
reads them on stdin), before anything is written.  The formatted bytes are kept only when the
front end says they are the same code in another layout; a formatter that is missing or fails
leaves the literal changes alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hardcode_lint.fix.run import FileFix, FixRun
from hardcode_lint.lang import frontend
from hardcode_lint.lang.base import FormatCommand

#: Seconds one formatter run may take before it is given up (the file stays as spliced).
TIMEOUT = 60


def _formatted(command: FormatCommand, data: bytes) -> bytes | None:
    """``data`` through the formatter; None when it fails."""
    return command.run(data, TIMEOUT)


@dataclass
class Formatting:
    """The formatter of each file and whether it accepted the file before the fix, asked once
    per run (``fix --verify`` rebuilds the same files many times)."""

    root: Path
    accepted: dict[str, bool] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    formatted: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # shown without -v (a missing formatter)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def _accepted(self, fix: FileFix, command: FormatCommand) -> bool:
        if fix.path not in self.accepted:
            self.accepted[fix.path] = _formatted(command, fix.before) == fix.before
        return self.accepted[fix.path]

    def apply(self, fix: FileFix) -> None:
        """Format ``fix.after`` in place when the formatter accepted ``fix.before``."""
        if fix.after is None or not fix.applied:
            return
        front = frontend(fix.applied[0].finding.language)
        command = front.formatter(self.root, fix.path)
        if command is None:
            self._note(f"no formatter configured and installed for {front.name}: only the "
                       "literals change")  # fmt: skip
            return
        if command.missing:
            if command.missing not in self.warnings:
                self.warnings.append(command.missing)
            return
        if fix.encoding.replace("-", "").lower() != "utf8" or not self._accepted(fix, command):
            return
        after = _formatted(command, fix.after)
        if after is None:
            self._note(f"{fix.path}: {command.name} failed on the fixed file; left unformatted")
        elif not front.same_code(fix.after, after):
            self._note(f"{fix.path}: {command.name} changed more than layout; left unformatted")
        else:
            if after != fix.after and fix.path not in self.formatted:
                self.formatted.append(fix.path)
            fix.after = after

    def run(self, fixes: FixRun) -> FixRun:
        for fix in fixes.changed:
            self.apply(fix)
        return fixes
