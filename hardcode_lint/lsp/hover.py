"""Hover on a finding: its rule, its module and how far that module's migration is, and the
default value the configuration must keep so that behaviour does not change.

Module progress comes from the project's whole-tree view (the saved files), the same count
``report`` prints (``6/6 migrated``); until the first view is ready the hover says so.
"""

from __future__ import annotations

from lsprotocol import types

from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.lang import frontend
from hardcode_lint.lsp.buffer import Buffer, Site
from hardcode_lint.lsp.diagnostics import describe, number_text, to_range
from hardcode_lint.lsp.project import View
from hardcode_lint.model import Finding, RuleModule, Status
from hardcode_lint.report.progress import UNASSIGNED


def _module(buffer: Buffer, site: Site) -> RuleModule | None:
    """The site's module: its rule's, else the one whose ``paths`` claim it (as ``report``)."""
    modules = buffer.snapshot.rules.modules
    if site.rule is not None:
        return next((m for m in modules if m.name == site.rule.module), None)
    for module in modules:
        if module.paths and compile_globs(module.paths).match_file(site.finding.path):
            return module
    return None


def _progress(name: str, view: View | None) -> str:
    if view is None:
        return "progress: analysing the project..."
    tally = view.modules.get(name)
    if tally is None:
        return "no sites yet"
    return f"{tally.migrated}/{tally.sites} migrated ({tally.progress:g}%)"


def _default(finding: Finding, key: str | None) -> str:
    """``retry.min_ttl_seconds = 1`` (``60000`` ms = 60 seconds): the literal's own value."""
    number = number_text(finding.number)
    where = f"`{key} = {number}`" if key else f"`{number}`"
    if finding.unit is None or finding.seconds is None:
        return where
    if finding.unit == "s":
        return f"{where} (seconds)"
    return f"{where} ({finding.unit}, {number_text(finding.seconds)} seconds)"


def hover_text(buffer: Buffer, site: Site, view: View | None) -> str:
    finding, rule = site.finding, site.rule
    lines = [f"**hardcode-lint** `{finding.code}`: hardcoded {describe(finding)}", ""]
    if rule is None:
        lines.append("- Rule: none maps it to a config key (unmapped)")
    else:
        written = frontend(finding.language).replacement_text(rule.replace)
        lines.append(f"- Rule: `{rule.id}` ({rule.file}:{rule.line}) -> `{rule.key}`, "
                     f"{site.status.value}")  # fmt: skip
        if site.status is Status.PENDING:
            lines.append(f"- Replace with: `{written}`")
    module = _module(buffer, site)
    name = module.name if module else UNASSIGNED
    priority = f" ({module.priority})" if module and module.priority else ""
    lines.append(f"- Module: {name}{priority}, {_progress(name, view)}")
    lines.append(f"- Default the config must keep: {_default(finding, rule.key if rule else None)}")
    return "\n".join(lines)


def hover(buffer: Buffer, offset: int, view: View | None) -> types.Hover | None:
    sites = buffer.at(offset, offset)
    if not sites:
        return None
    site = sites[0]
    content = types.MarkupContent(
        kind=types.MarkupKind.Markdown, value=hover_text(buffer, site, view)
    )
    return types.Hover(contents=content, range=to_range(buffer.index, *site.span))
