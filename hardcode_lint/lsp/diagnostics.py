"""What the editor underlines: a buffer's findings, and the problems of settings and rule files.

Severity follows what the migration needs done (contract section 6): a literal that a rule
maps is a *warning* (``fix`` can migrate it now); an unmapped one is *information*, or an
*error* when the project has a baseline file that does not accept it, because that is exactly
when ``check`` fails.  A project without a baseline has not adopted the gate, so nothing there
is an error.  Rule files get their validation problems (``rules validate``'s ``FILE:LINE``) as
errors and their stale or ambiguous rules as warnings.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lsprotocol import types

from hardcode_lint.lsp.buffer import Buffer, Site
from hardcode_lint.lsp.codes_doc import code_href
from hardcode_lint.lsp.links import RuleLocations
from hardcode_lint.lsp.project import View
from hardcode_lint.lsp.text import TextIndex
from hardcode_lint.model import Finding, Kind, Number, Status
from hardcode_lint.rules.load import Problem

SOURCE = "hardcode-lint"
RULE_CODE = "HCL900"  # as `check` names rule and project problems


def to_range(index: TextIndex, start: int, end: int) -> types.Range:
    first, last = index.position(start), index.position(end)
    return types.Range(
        types.Position(first.line, first.character), types.Position(last.line, last.character)
    )


def number_text(number: Number) -> str:
    """A number as Python writes it (``0.25``, ``86400``, ``1e-06``), never rounded."""
    return repr(number) if isinstance(number, float) else str(number)


def describe(finding: Finding) -> str:
    """``duration `500` ms (0.5 seconds)``, ``clamp bound `1```, ``limit `50` (`limit`)``."""
    if finding.kind is Kind.DURATION:
        unit = f" {finding.unit}" if finding.unit else ""
        seconds = "" if finding.seconds is None else f" ({number_text(finding.seconds)} seconds)"
        return f"duration `{finding.value}`{unit}{seconds}"
    if finding.kind is Kind.CLAMP:
        return f"clamp bound `{finding.value}` (`{finding.api}`)"
    named = f" (`{finding.arg}`)" if isinstance(finding.arg, str) else ""
    return f"limit `{finding.value}`{named}"


def message(site: Site) -> str:
    text = f"Hardcoded {describe(site.finding)}"
    rule = site.rule
    if rule is None:
        text += ": no rule maps it to a config key"
        if site.baselined is False:
            text += "; not in the baseline, so `check` fails"
        elif site.baselined:
            text += " (accepted by the baseline)"
        return text
    text += f" -> config key `{rule.key}` (rule `{rule.id}`)"
    if site.status is Status.AMBIGUOUS:
        text += (f"; the rule is ambiguous: it matches {site.sites} sites and its count "
                 f"allows {rule.count}, narrow it before fixing")  # fmt: skip
    return text


def severity(site: Site) -> types.DiagnosticSeverity:
    if site.rule is not None:
        return types.DiagnosticSeverity.Warning
    if site.baselined is False:
        return types.DiagnosticSeverity.Error
    return types.DiagnosticSeverity.Information


def diagnostic(site: Site, where: types.Range, rules: RuleLocations) -> types.Diagnostic:
    """``site``'s diagnostic, at ``where`` (the message says all a key needs: see
    :mod:`.wire`, which keeps the diagnostic's JSON by it)."""
    finding = site.finding
    related = None
    if site.rule is not None:
        text = f"rule `{site.rule.id}` maps it to `{site.rule.key}`"
        related = [types.DiagnosticRelatedInformation(rules.of(site.rule), text)]
    return types.Diagnostic(
        range=where,
        message=message(site),
        severity=severity(site),
        code=finding.code,
        code_description=types.CodeDescription(href=code_href(finding.code)),
        source=SOURCE,
        related_information=related,
        data={"rule": site.rule.id if site.rule else None,
              "key": site.rule.key if site.rule else None, "status": site.status.value},
    )  # fmt: skip


def _error(buffer: Buffer) -> types.Diagnostic | None:
    """Where the buffer stops parsing; its findings, if any, are the last good version's."""
    if buffer.error is None:
        return None
    line = max(0, (buffer.error.line or 1) - 1)
    line = min(line, len(buffer.index.lines) - 1)
    start = buffer.index.starts[line]
    kept = "; the findings shown are those of its last version that parsed" if buffer.sites else ""
    return types.Diagnostic(
        range=to_range(buffer.index, start, buffer.index.line_end(line)),
        message=f"hardcode-lint cannot analyse this file: {buffer.error.message}{kept}",
        severity=types.DiagnosticSeverity.Information, source=SOURCE,
    )  # fmt: skip


def _rules_broken(buffer: Buffer) -> types.Diagnostic | None:
    """The rule or settings problem that makes ``scan`` and ``check`` exit 2, shown on the
    source too: without it the findings of the broken file's rules would just look unmapped."""
    problems = buffer.snapshot.source_problems()
    if not problems:
        return None
    first, root = problems[0], buffer.snapshot.config.root
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    where = types.Location((root / first.file).as_uri(), _line_range(root / first.file, first.line))
    return types.Diagnostic(
        range=to_range(buffer.index, 0, buffer.index.line_end(0)),
        message=f"the rules cannot be used, so `scan` and `check` stop (exit 2): "
        f"{first.file}:{first.line}: {first.message}{more}",
        severity=types.DiagnosticSeverity.Error, code=RULE_CODE, source=SOURCE,
        code_description=types.CodeDescription(href=code_href(RULE_CODE)),
        related_information=[types.DiagnosticRelatedInformation(where, first.message)],
    )  # fmt: skip


def buffer_diagnostics(buffer: Buffer) -> list[types.Diagnostic]:
    """One diagnostic per finding, one where the file stops parsing, and one when the
    project's rules are broken."""
    rules, index = RuleLocations(buffer.snapshot.config.root, buffer.index.encoding), buffer.index
    found = [diagnostic(site, to_range(index, *site.span), rules) for site in buffer.sites]
    return found + extra_diagnostics(buffer)


def extra_diagnostics(buffer: Buffer) -> list[types.Diagnostic]:
    """Where the file stops parsing, and the rules' problem, when there are."""
    extra = (_error(buffer), _rules_broken(buffer))
    return [found for found in extra if found is not None]


def _line_range(path: Path, line: int) -> types.Range:
    """The whole of 1-based ``line`` of the file at ``path`` (its start if unreadable)."""
    try:
        index = TextIndex(path.read_text("utf-8", errors="replace"))
    except OSError:
        return types.Range(types.Position(line - 1, 0), types.Position(line - 1, 0))
    row = min(max(0, line - 1), len(index.lines) - 1)
    return to_range(index, index.starts[row], index.line_end(row))


def _file_diagnostic(
    root: Path, file: str, line: int, text: str, level: types.DiagnosticSeverity
) -> types.Diagnostic:
    return types.Diagnostic(
        range=_line_range(root / file, line), message=text, severity=level, code=RULE_CODE,
        code_description=types.CodeDescription(href=code_href(RULE_CODE)), source=SOURCE,
    )  # fmt: skip


def project_diagnostics(
    root: Path, files: Iterable[str], problems: Iterable[Problem], view: View | None
) -> dict[Path, list[types.Diagnostic]]:
    """Diagnostics for the settings and rule files, by absolute path; every file in ``files``
    has an entry (maybe empty), so that fixed problems disappear from the editor."""
    found: dict[Path, list[types.Diagnostic]] = {root / file: [] for file in files}
    error, warning = types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning
    for problem in problems:
        diagnostic = _file_diagnostic(root, problem.file, problem.line, problem.message, error)
        found.setdefault(root / problem.file, []).append(diagnostic)
    for outcome in view.analysis.matching.outcomes if view else ():
        rule, status = outcome.rule, outcome.status
        if status is Status.STALE:
            text = f"rule `{rule.id}` is stale: neither its literal nor its replacement is found"
        elif status is Status.AMBIGUOUS:
            count = outcome.sites
            text = (f"rule `{rule.id}` is ambiguous: it matches {count} sites, its count "
                    f"allows {rule.count}")  # fmt: skip
        else:
            continue
        found.setdefault(root / rule.file, []).append(
            _file_diagnostic(root, rule.file, rule.line, text, warning)
        )
    return found
