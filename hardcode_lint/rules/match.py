"""Matching findings (pending literals) and replacements (migrated sites) to rules.

A rule matches by every field it gives and never by line number.  Each finding and each
replacement belongs to at most one rule: the most specific rule that matches it (the one that
gives the most fields, then the deepest ``scope``), ties going to the rule defined first, so a
broad rule does not double-count what a precise rule already claims.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from typing import Any

from hardcode_lint.discover.globs import compile_globs
from hardcode_lint.lang import frontend
from hardcode_lint.model import Finding, Number, Replacement, Rule, Status


@dataclass
class RuleOutcome:
    """A rule and where it stands: the literals it still matches and its migrated sites."""

    rule: Rule
    findings: list[Finding] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    kept: list[Finding] = field(default_factory=list)  # literals its out-of-scope module keeps
    adopted: bool = False  # its one replacement is a moved site (see _adopt_moved)

    @property
    def sites(self) -> int:
        """The sites held against the rule's ``count``: each literal still pending, and its
        replacements as one.  A key read in several places (a moved constant's uses, contract
        section 3: "those uses count as the rule's one site") is still the one value the
        rule's literal was, and reads are never rewritten, so they cannot make a fix
        ambiguous."""
        return len(self.findings) + len(self.kept) + (1 if self.replacements else 0)

    @property
    def status(self) -> Status:
        found = self.sites
        if found == 0:
            return Status.STALE
        if self.rule.count is not None and found > self.rule.count:
            return Status.AMBIGUOUS
        if self.findings:
            return Status.PENDING
        return Status.MIGRATED if self.replacements else Status.KEPT


@dataclass
class Matching:
    outcomes: list[RuleOutcome]
    findings: list[Finding]  # every finding listed, with rule/key/status filled in
    unmapped: list[Finding]
    kept: list[Finding] = field(default_factory=list)  # status KEPT, with a reason; unlisted
    # where a kept finding counts when a rule file kept it: site_key(finding) -> module name
    kept_in: dict[tuple[str, int, int], str] = field(default_factory=dict)


def site_key(finding: Finding) -> tuple[str, int, int]:
    """A finding's place, which no other finding shares: its literal's path, line, column."""
    return (finding.path, finding.line, finding.column)


def api_matches(actual: str | None, wanted: str) -> bool:
    """``wanted`` equals ``actual`` or is a suffix of it on a name boundary.

    ``timedelta`` matches ``datetime.timedelta``; ``sleep`` matches ``time.sleep`` and
    ``asyncio.sleep``; ``delta`` matches neither.  Rust paths split on ``::``:
    ``Duration::from_secs`` matches ``std::time::Duration::from_secs``.
    """
    if actual is None:
        return False
    return actual == wanted or actual.endswith(("." + wanted, "::" + wanted, "/" + wanted))


def scope_matches(actual: str | None, wanted: str, separator: str = ".") -> bool:
    """Whether the site lies inside a def/class whose qualname matches the glob ``wanted``.

    A literal in ``Worker.run.retry`` is inside ``Worker``, ``Worker.run`` and
    ``Worker.run.retry``; any of them (or a glob such as ``Worker.*``) selects it.  Qualnames
    split on the site's language's ``separator`` (``RedisHandle::set_with_ttl`` in Rust).
    """
    if actual is None:
        return False
    parts = actual.split(separator)
    return any(fnmatchcase(separator.join(parts[:n]), wanted) for n in range(len(parts), 0, -1))


def _same_duration(seconds: Number | None, wanted: float) -> bool:
    """A duration rule's ``value = "1m30s"`` matches the sites that last that long."""
    return seconds is not None and math.isclose(seconds, wanted, rel_tol=1e-9, abs_tol=1e-12)


class _Matcher:
    """One rule's fields, compiled once."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.paths = compile_globs([rule.path]) if rule.path else None
        self.expressions: dict[str, str | None] = {}  # by language, normalised when first needed
        given = (
            rule.path,
            rule.scope,
            rule.api,
            rule.arg,
            rule.value if rule.value is not None else rule.seconds,
            rule.kind,
        )
        self.specificity = sum(item is not None for item in given)
        depth = 0 if rule.scope is None else len(rule.scope.replace("::", ".").split("."))
        # which of the rules matching a site claims it: more fields, then the deeper scope
        # (`IterState.reset` before `IterState`, where a site in the method goes)
        self.precedence = (-self.specificity, -depth)

    def _expression(self, language: str) -> str | None:
        """The rule's ``replace`` as the front end of ``language`` reports migrated sites."""
        if language not in self.expressions:
            self.expressions[language] = frontend(language).normalise(self.rule.replace)
        return self.expressions[language]

    def _place(self, site: Finding | Replacement) -> bool:
        """The site is of the rule's language and in its ``path``."""
        rule = self.rule
        if rule.language is not None and site.language != rule.language:
            return False
        return self.paths is None or self.paths.match_file(site.path)

    def _context(self, site: Finding | Replacement) -> bool:
        rule = self.rule
        if not self._place(site):
            return False
        separator = frontend(site.language).scope_separator
        if rule.scope is not None and not scope_matches(site.scope, rule.scope, separator):
            return False
        if rule.api is not None and not self._api(site):
            return False
        return rule.arg is None or rule.arg in (site.arg, site.arg_alias)

    def _api(self, site: Finding | Replacement) -> bool:
        """The rule's ``api`` is the site's, a suffix of it, its spelling in the file (Go's
        ``r.Options`` under an import alias ``r``), or another name the site's language gives
        it (Go's ``redis.Options`` for ``.../go-redis/v9.Options``)."""
        wanted = self.rule.api or ""
        if api_matches(site.api, wanted) or api_matches(site.api_alias, wanted):
            return True
        return site.api is not None and wanted in frontend(site.language).api_names(site.api)

    def finding(self, finding: Finding) -> bool:
        rule = self.rule
        if rule.value is not None and finding.number != rule.value:
            return False
        if rule.seconds is not None and not _same_duration(finding.seconds, rule.seconds):
            return False
        if rule.kind is not None and finding.kind is not rule.kind:
            return False
        if rule.unit is not None and finding.unit != rule.unit:
            return False
        return self._context(finding)

    def replacement(self, site: Replacement) -> bool:
        return self._context(site) and self.reads(site)

    def reads(self, site: Replacement) -> bool:
        """The site is the rule's replacement within its ``path``, wherever the code around
        it moved: the expression names the key, so scope, api and arg need not match."""
        return self._place(site) and site.expression == self._expression(site.language)


def _first(matchers: list[_Matcher], test: Any) -> _Matcher | None:
    """The first of ``matchers`` (in ``precedence`` order) that ``test`` accepts; among
    rules as specific as it, one whose api extends its api claims the site instead
    (``std::time::Duration::from_millis`` before ``Duration::from_millis``, which matches both
    spellings of the call)."""
    at = next((i for i, m in enumerate(matchers) if test(m)), None)
    if at is None:
        return None
    found = matchers[at]
    rank = found.precedence
    following = itertools.islice(matchers, at + 1, None)
    for other in itertools.takewhile(lambda m: m.precedence == rank, following):
        api, mine = other.rule.api, found.rule.api
        if api and mine and len(api) > len(mine) and api_matches(api, mine) and test(other):
            found = other
    return found


def match_rules(
    rules: Iterable[Rule],
    findings: Iterable[Finding],
    replacements: Iterable[Replacement],
    *,
    include_zero: bool = True,
    keeps: Iterable[Rule] = (),
) -> Matching:
    """Give every finding and replacement its rule, and every rule its outcome.

    ``keeps`` (``keep = true`` rules, ``[[keep]]`` entries) claim their findings first: a
    site the team keeps is never a rule's to rewrite, however broad the rule.

    A zero literal is no finding unless the user includes zeros; a rule still matches one (a
    rule written with ``value = 0`` keeps its sites), so without ``include_zero`` only the
    zeros no rule claims are dropped."""
    matchers = [_Matcher(rule) for rule in rules]
    outcomes = {m.rule.id: RuleOutcome(m.rule) for m in matchers}
    by_specificity = sorted(matchers, key=lambda m: m.precedence)
    keepers = sorted((_Matcher(k) for k in keeps), key=lambda m: m.precedence)
    labelled, unmapped, kept, kept_in = [], [], [], {}
    for finding in findings:
        if keeper := _first(keepers, lambda m, f=finding: m.finding(f)):
            kept.append(kept_finding(finding, keeper.rule.keep or "", keeper.rule.id or None))
            kept_in[site_key(finding)] = keeper.rule.module
            continue
        owner = _first(by_specificity, lambda m, f=finding: m.finding(f))
        if owner is None:
            if finding.number == 0 and not include_zero:
                continue
            unmapped.append(finding)
            labelled.append(finding)
            continue
        rule = owner.rule
        finding = replace(finding, rule=rule.id, key=rule.key, status=Status.PENDING)
        outcomes[rule.id].findings.append(finding)
        labelled.append(finding)
    moved = []
    for site in replacements:
        owner = _first(by_specificity, lambda m, s=site: m.replacement(s))
        if owner is not None:
            outcomes[owner.rule.id].replacements.append(site)
        else:
            moved.append(site)
    _adopt_moved(by_specificity, outcomes, moved)
    return Matching(list(outcomes.values()), labelled, unmapped, kept, kept_in)


def kept_finding(finding: Finding, reason: str, rule: str | None = None) -> Finding:
    """``finding`` as a kept site: status KEPT, why, and the keep rule's id if any."""
    return replace(finding, status=Status.KEPT, reason=reason, rule=rule, key=None)


def _adopt_moved(
    matchers: list[_Matcher], outcomes: dict[str, RuleOutcome], sites: list[Replacement]
) -> None:
    """Rules match the code, not its history: a replacement whose function was renamed or
    whose code moved within the rule's ``path`` keeps the rule migrated.  Only a rule that
    found nothing else adopts such a site (one per rule), so a key read again elsewhere never
    makes a rule ambiguous."""
    for site in sites:
        for matcher in matchers:
            outcome = outcomes[matcher.rule.id]
            if not outcome.findings and not outcome.replacements and matcher.reads(site):
                outcome.replacements.append(site)
                outcome.adopted = True
                break
