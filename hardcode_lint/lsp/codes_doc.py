"""``docs/codes.md``: one section per code, what ``explain`` says of it, for the editor's link
from each diagnostic's code (``codeDescription``) to the documentation of that very code.

The page is generated from the codes' data (``python -m hardcode_lint.lsp.codes_doc``), and a
test keeps the committed page equal to it.
"""

from __future__ import annotations

from hardcode_lint.detect.codes import CODES, EXPLANATIONS, GATE_CODES
from hardcode_lint.lang import examples_of

PAGE = "https://github.com/hardcode-lint/hardcode-lint/blob/main/docs/codes.md"


def code_href(code: str) -> str:
    """The link of ``code``'s section (GitHub's anchor of the heading ``## HCL101``)."""
    return f"{PAGE}#{code.lower()}"


def _example(text: str) -> list[str]:
    return ["```", *text.rstrip("\n").splitlines(), "```"]


def codes_markdown() -> str:
    lines = ["# hardcode-lint codes", "",
             "What each code means (`hardcode-lint explain CODE` prints the same). "
             "Generated from the codes' data; a test keeps this page equal to it.", ""]  # fmt: skip
    unique = {entry.code: entry for entry in CODES.values()}  # a code may cover two contexts
    for entry in sorted(unique.values(), key=lambda c: c.code):
        lines += [f"## {entry.code}", "", f"`{entry.name}`: {entry.summary.rstrip('.')}.", "",
                  EXPLANATIONS[entry.code], "", *_examples(entry.code)]  # fmt: skip
    for code in sorted(GATE_CODES):
        gate = GATE_CODES[code]
        summary = f"`{gate.name}`: {gate.summary.rstrip('.')}."
        lines += [f"## {gate.code}", "", summary, "", gate.why, ""]
        if gate.example:
            lines += ["Example:", "", *_example(gate.example), ""]
        lines += _examples(code)
    return "\n".join(lines)


def _examples(code: str) -> list[str]:
    """Each language's example of ``code``, fenced under the language's title."""
    lines: list[str] = []
    for title, example in examples_of(code):
        lines += [f"{title}:", "", *_example(example), ""]
    return lines


if __name__ == "__main__":
    print(codes_markdown(), end="")
