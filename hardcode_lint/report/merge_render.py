"""The merged report as text, markdown or html: repositories, modules, keys, production vs
test.  Text from users' files (paths, keys, values) is printed as data, never markup."""

from __future__ import annotations

import html
from typing import Any, TextIO

from hardcode_lint.textsafe import json_text

Table = tuple[list[str], list[list[str]]]


def _tally(data: dict[str, Any]) -> list[str]:
    return [str(data["sites"]), str(data["migrated"]), f"{data['progress']}%"]


def tables(doc: dict[str, Any]) -> list[tuple[str, Table]]:
    """The report's sections, each a title and a table."""
    head = ["sites", "migrated", "progress"]
    overall = [[part, *_tally(doc[key])]
               for part, key in (("all", "totals"), ("production", "production"),
                                 ("tests", "tests"))]  # fmt: skip
    repos = [[r["name"], r.get("commit") or "", *_tally(r["totals"]), *_tally(r["production"]),
              ", ".join(r["missing"])] for r in doc["repositories"]]  # fmt: skip
    modules = [[m.get("repository", ""), m["name"], str(m["files"]), *_tally(m),
                str(m["pending"]), str(m["unmapped"]), str(m["stale"]), str(m["ambiguous"])]
               for m in doc["modules"]]  # fmt: skip
    keys = [[k["key"], ", ".join(k["repositories"]),
             "; ".join(sorted({f"{u['value']}{u['unit'] or ''}" for u in k["uses"]})),
             "DIFFERS" if k["differs"] else ""] for k in doc["keys"]]  # fmt: skip
    return [
        ("Overall", (["code", *head], overall)),
        (
            "Repositories",
            (
                [
                    "repository",
                    "commit",
                    *head,
                    "prod sites",
                    "prod migrated",
                    "prod progress",
                    "missing shards",
                ],
                repos,
            ),
        ),
        (
            "Modules",
            (
                [
                    "repository",
                    "module",
                    "files",
                    *head,
                    "pending",
                    "unmapped",
                    "stale",
                    "ambiguous",
                ],
                modules,
            ),
        ),
        ("Config keys", (["key", "repositories", "values", ""], keys)),
    ]


def render_text(doc: dict[str, Any], stream: TextIO) -> None:
    for title, (header, rows) in tables(doc):
        stream.write(f"{title}\n")
        widths = [max(len(c) for c in column) for column in zip(header, *rows, strict=True)]
        for row in [header, *rows]:
            stream.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
            stream.write("\n")
        stream.write("\n")


def _md(cell: str) -> str:
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`").replace("\n", " ")


def render_markdown(doc: dict[str, Any], stream: TextIO) -> None:
    stream.write("# hardcode-lint: merged migration report\n\n")
    for title, (header, rows) in tables(doc):
        stream.write(f"## {title}\n\n| " + " | ".join(header) + " |\n")
        stream.write("|" + "---|" * len(header) + "\n")
        for row in rows:
            stream.write("| " + " | ".join(_md(c) for c in row) + " |\n")
        stream.write("\n")


def render_html(doc: dict[str, Any], stream: TextIO) -> None:
    esc = html.escape
    stream.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                 "<title>hardcode-lint: merged report</title></head><body>\n"
                 "<h1>hardcode-lint: merged migration report</h1>\n")  # fmt: skip
    for title, (header, rows) in tables(doc):
        stream.write(f"<h2>{esc(title)}</h2>\n<table>\n<tr>")
        stream.write("".join(f"<th>{esc(c)}</th>" for c in header) + "</tr>\n")
        for row in rows:
            stream.write("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>\n")
        stream.write("</table>\n")
    stream.write("</body></html>\n")


def render_json(doc: dict[str, Any], stream: TextIO) -> None:
    stream.write(json_text(doc) + "\n")


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json,
             "html": render_html}  # fmt: skip
