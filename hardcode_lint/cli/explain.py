"""``hardcode-lint explain CODE``: what a code means, with an example of each language."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hardcode_lint.cli.common import EXIT_USAGE, say, verbosity_options
from hardcode_lint.hints import ignore_comment
from hardcode_lint.lang import frontend
from hardcode_lint.lang import names as languages


@click.command("explain")
@click.argument("code")
@verbosity_options
def explain_command(code: str) -> None:
    """Say what CODE (e.g. HCL101) means, why it is reported, with an example and how to
    silence or map it.  Exit 2 for a code that does not exist."""
    from hardcode_lint.detect.codes import CODES, EXPLANATIONS, GATE_CODES, known_codes

    wanted = code.strip().upper()
    names = {c.code: c for c in CODES.values()}
    if wanted in GATE_CODES:
        _explain_gate(wanted)
        return
    if wanted not in names:
        say(f"error: unknown code {code!r} (codes: {', '.join(known_codes())})", err=True)
        sys.exit(EXIT_USAGE)
    entry = names[wanted]
    lines = [f"{entry.code} ({entry.name}): {entry.summary}", "", EXPLANATIONS[wanted]]
    lines += _examples(wanted)
    lines += ["", f"Map it to a config key with a rule (`{_suggest()}`), or silence it by ending "
              "its line with a comment:"]  # fmt: skip
    width = max(len(frontend(language).title) for language in languages()) + 1
    for language in languages():
        title, comment = frontend(language).title + ":", frontend(language).comment
        lines.append(f"    {title:<{width}} `{comment} noqa: {entry.code}` "
                     f"(this code), `{ignore_comment(language)}` (every code)")  # fmt: skip
    lines += ["", "To keep literals for good, and have the report count them as kept (not to "
              "migrate): a rule with `keep = true` and a `reason`, a `[[keep]]` entry (`path`, "
              "`reason`) in a rule file, `[module] scope = \"out\"`, or `per-file-ignores` "
              f'in the configuration (`"tests/**" = ["{entry.code}"]`).']  # fmt: skip
    say("\n".join(lines))


def _suggest() -> str:
    """``rules suggest`` writing into the rules folder of the project at hand (the current
    folder's settings), or the default one when they cannot be read."""
    from hardcode_lint.config import Config, find_root, load_config
    from hardcode_lint.errors import UsageError
    from hardcode_lint.hints import suggest_command

    root = find_root(Path("."))
    try:
        config = load_config(root)
    except UsageError:
        config = Config(root=root)
    return suggest_command(config)


def _explain_gate(code: str) -> None:
    """A problem of the project (reported by ``check``), with what it looks like."""
    from hardcode_lint.detect.codes import GATE_CODES

    entry = GATE_CODES[code]
    lines = [f"{entry.code} ({entry.name}): {entry.summary}", "", entry.why]
    if entry.example:
        lines += ["", "Example:", *(f"    {line}".rstrip() for line in entry.example.splitlines())]
    lines += _examples(code)
    lines += ["", "`hardcode-lint check` reports it, each time with how to fix it."]
    say("\n".join(lines))


def _examples(code: str) -> list[str]:
    """Each language's example of ``code`` under the language's title, indented."""
    from hardcode_lint.lang import examples_of

    lines: list[str] = []
    for title, example in examples_of(code):
        lines += ["", f"{title}:", *(f"    {line}".rstrip() for line in example.splitlines())]
    return lines
