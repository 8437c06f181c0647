#!/usr/bin/env python3
"""The editor as issue 25 judges it: Neovim (headless, its built-in client) on the dense file.

    PATH=/work/venv/bin:$PATH python bench/lsp_nvim.py [--repo DIR] [--edits 7]

Generates :mod:`lsp_bench`'s dense 5,000-line Python project, opens the file in ``nvim
--headless`` with ``hardcode-lint lsp`` (from ``--repo``, this checkout by default) and a
script that makes single edits (a pause after each; every edit changes the length, as typing
does) and then 13 keystrokes 60 ms apart.  A time ends when Neovim has *set* that version's
diagnostics (its handler returned), so Neovim's own decoding and display of 4,000
diagnostics is counted.  Neovim's ``debounce_text_changes`` is 0 here (its default, 150 ms,
would delay every ``didChange``).  Needs ``nvim`` (0.11) on PATH.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from lsp_bench import _edit_site, make_project

INIT = """vim.lsp.config('hcl', {
  cmd = { vim.env.HCL_PYTHON, '-m', 'hardcode_lint', 'lsp' },
  cmd_env = { PYTHONPATH = vim.env.HCL_REPO },
  filetypes = { 'python' },
  root_markers = { 'hardcode-lint.toml' },
  flags = { debounce_text_changes = 0 },
})
vim.lsp.enable('hcl')
"""
SCRIPT = """-- N single edits (each a pause after the last), then a 13-key burst 60 ms apart
local shown = {}  -- version -> hrtime when its diagnostics were set
local orig = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  local r = orig(err, result, ctx, config)
  if result and result.version then shown[result.version] = vim.uv.hrtime() end
  return r
end
local out = {}
local function wait_version(v, ms)
  return vim.wait(ms, function() return shown[v] ~= nil end, 5)
end
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 20)
table.insert(out, 'opened ' .. #vim.diagnostic.get(0))
vim.wait(1000)
local line, col = tonumber(vim.env.HCL_LINE), tonumber(vim.env.HCL_COL)
local width, n = 1, 100
local function edit()
  n = n + 1
  local new = tostring((n % 2 == 0) and n * 10 or n)
  vim.api.nvim_buf_set_text(0, line, col, line, col + width, { new })
  width = #new
  return vim.lsp.util.buf_versions[vim.api.nvim_get_current_buf()]
end
local edits = tonumber(vim.env.HCL_EDITS)
for _ = 1, edits do
  local t = vim.uv.hrtime()
  local v = edit()
  local ok = wait_version(v, 30000)
  table.insert(out, 'edit ' .. tostring(ok) .. ' ' .. math.floor((shown[v] - t) / 1e6))
  vim.wait(800)
end
local last, v
for _ = 1, 13 do
  v = edit(); last = vim.uv.hrtime(); vim.wait(60)
end
local ok = wait_version(v, 30000)
table.insert(out, 'burst ' .. tostring(ok) .. ' ' .. math.floor((shown[v] - last) / 1e6))
vim.fn.writefile(out, vim.env.HCL_OUT)
vim.cmd('qa!')
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent))
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        text = make_project(root, 5000, True)["src/service.py"]
        line, column = _edit_site(text)
        (Path(tmp) / "init.lua").write_text(INIT)
        (Path(tmp) / "edits.lua").write_text(SCRIPT)
        out = Path(tmp) / "out.txt"
        env = {**os.environ, "HCL_PYTHON": sys.executable, "HCL_REPO": args.repo,
               "HCL_LINE": str(line), "HCL_COL": str(column), "HCL_EDITS": str(args.edits),
               "HCL_OUT": str(out), "XDG_STATE_HOME": tmp, "XDG_DATA_HOME": tmp}  # fmt: skip
        command = ["nvim", "--headless", "--clean", "-u", f"{tmp}/init.lua", "src/service.py",
                   "-c", f"luafile {tmp}/edits.lua"]  # fmt: skip
        subprocess.run(command, cwd=root, env=env, timeout=600, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        lines = out.read_text().splitlines() if out.exists() else ["nvim wrote nothing"]
    edits = sorted(int(row.split()[2]) for row in lines if row.startswith("edit true"))
    print(f"nvim: {lines[0]} diagnostics at open")
    if edits:
        print(f"  edit -> diagnostics set: median {statistics.median(edits):.0f} ms (all: "
              f"{', '.join(map(str, edits))})")  # fmt: skip
    print(f"  typing burst, last key -> diagnostics set: {lines[-1].split()[-1]} ms")


if __name__ == "__main__":
    main()
