"""The Go pre-filter: a file with nothing to find is never parsed, and every layout a site
can be written in still reaches the parse (the findings with it on are those with it off)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import hardcode_lint.lang.go.detect as go_detect
from hardcode_lint.api import scan
from hardcode_lint.config import Config
from tests.helpers import forbid

#: Each holds one site, written the way a byte test could miss it.
LAYOUTS = {
    "keyed_next_line.go": "var c = Config{\n\tTimeout:\n\t\t5,\n}\n",
    "binding_next_line.go": "func f() {\n\tretries :=\n\t\t3\n\t_ = retries\n}\n",
    "second_of_a_list.go": 'func f() {\n\tname, maxConns := "x",\n\t\t(10)\n\t_, _ = name, maxConns\n}\n',
    "string_key.go": 'var m = map[string]int{"read timeout": -5}\n',
    "dotted.go": "func f(cfg *C) {\n\tcfg.Retry.Max = 4\n}\n",
    "const_block.go": "const (\n\tA = iota\n\tPoolSize = 2 * 10\n)\n",
    "catalog_field.go": (
        'import "google.golang.org/grpc/keepalive"\n\n'
        "var p = keepalive.ClientParameters{Time: 10}\n"
    ),
    "duration_over_lines.go": (
        'import "time"\n\nfunc f() {\n\ttime.Sleep(n *\n\t\t2 *\n\t\ttime.Second)\n}\n'
    ),
    "conversion.go": 'import t "time"\n\nvar d = t.Duration(500)\n',
    "clamp.go": "func f(n int) int {\n\treturn max(n, 1)\n}\n",
    "method.go": "func f(db *sql.DB) {\n\tdb.SetMaxOpenConns(\n\t\t25)\n}\n",
}


def _write(folder: Path, files: dict[str, str]) -> list[Path]:
    paths = []
    for name, body in files.items():
        path = folder / name
        path.write_text("package p\n\n" + textwrap.dedent(body), encoding="utf-8")
        paths.append(path)
    return paths


def _findings(paths: list[Path], root: Path, prefilter: bool) -> list[object]:
    result = scan(paths, Config(root=root), jobs=1, prefilter=prefilter, use_cache=False)
    assert not result.errors
    return list(result.findings)


def test_every_layout_of_a_site_is_found_with_the_prefilter(tmp_path):
    paths = _write(tmp_path, LAYOUTS)
    found = _findings(paths, tmp_path, True)
    assert sorted({Path(f.path).name for f in found}) == sorted(LAYOUTS)
    assert found == _findings(paths, tmp_path, False)


def test_a_file_with_numbers_but_no_site_is_not_parsed(tmp_path, monkeypatch):
    body = (
        'import "time"\n\nvar table = []int{1, 2, 3}\n\n'
        "func f(xs []int) int {\n\tfor i := 0; i < len(xs); i++ {\n\t\txs[i] += 2\n\t}\n"
        "\tx := xs[3] * 4\n\treturn x + int(time.Now().Unix())\n}\n"
    )
    paths = _write(tmp_path, {"plain.go": body})
    forbid(monkeypatch, go_detect, "parse", "a file without a site must not be parsed")
    assert _findings(paths, tmp_path, True) == []


def test_a_file_the_prefilter_skips_is_parsed_when_it_is_off(tmp_path, monkeypatch):
    paths = _write(tmp_path, {"plain.go": "var table = []int{1, 2, 3}\n"})
    forbid(monkeypatch, go_detect, "parse", "parsed")
    with pytest.raises(AssertionError, match="parsed"):
        _findings(paths, tmp_path, False)
