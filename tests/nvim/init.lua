vim.lsp.config('hcl', {
  cmd = { vim.env.HCL_PYTHON, '-m', 'hardcode_lint', 'lsp' },
  filetypes = { 'python' },
  root_markers = { 'pyproject.toml' },
})
vim.lsp.enable('hcl')
