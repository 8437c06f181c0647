"""``hardcode-lint explain CODE``: what a code means, with an example of each language."""

from __future__ import annotations

import sys

import click

from hardcode_lint.cli.common import EXIT_USAGE, say, verbosity_options


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
    entry, explanation = names[wanted], EXPLANATIONS[wanted]
    lines = [f"{entry.code} ({entry.name}): {entry.summary}", "", explanation.why, "",
             "Python:", *("    " + line for line in explanation.python.splitlines())]  # fmt: skip
    if explanation.rust:
        lines += ["", "Rust:", *("    " + line for line in explanation.rust.splitlines())]
    silence = f"`# noqa: {entry.code}` (`// noqa: {entry.code}` in Rust)"
    lines += ["", "Map it to a config key with a rule (`hardcode-lint rules suggest`), or silence "
              f"it on its line with {silence}."]  # fmt: skip
    lines += ["", "To keep literals for good, and have the report count them as kept (not to "
              "migrate): a rule with `keep = true` and a `reason`, a `[[keep]]` entry (`path`, "
              "`reason`) in a rule file, `[module] scope = \"out\"`, or `per-file-ignores` "
              f'in the configuration (`"tests/**" = ["{entry.code}"]`).']  # fmt: skip
    say("\n".join(lines))


def _explain_gate(code: str) -> None:
    """A problem of the project (reported by ``check``), with what it looks like."""
    from hardcode_lint.detect.codes import GATE_CODES

    entry = GATE_CODES[code]
    lines = [f"{entry.code} ({entry.name}): {entry.summary}", "", entry.why, "", "Example:",
             *("    " + line for line in entry.example.splitlines()), "",
             "`hardcode-lint check` reports it, each time with how to fix it."]  # fmt: skip
    say("\n".join(lines))
