-- Driven by tests/test_lsp_neovim.py: what Neovim shows as the user edits, and as a rule file
-- changes on disk (Neovim on Linux offers no file watching). One line per step in $HCL_OUT.
local out = {}
local function wait(pred, ms)
  return vim.wait(ms, function() return pred(vim.diagnostic.get(0)) end, 50)
end
local function severity(found, lnum)
  for _, d in ipairs(found) do
    if d.lnum == lnum then return d.severity end
  end
  return nil
end
local function step(name, ok, lnum)
  local shown = tostring(severity(vim.diagnostic.get(0), lnum))
  table.insert(out, name .. ' ' .. tostring(ok) .. ' ' .. shown)
end
-- line 22 (0-based 21) is asyncio.sleep(1.5), which rules/pubsub.toml maps
step('opened', wait(function(d) return severity(d, 21) ~= nil end, 20000), 21)
vim.api.nvim_buf_set_lines(0, 0, 0, false, { '' }) -- unsaved: every finding moves down
step('edited', wait(function(d) return severity(d, 22) ~= nil and severity(d, 21) == nil end, 10000), 22)
local path = vim.fn.getcwd() .. '/rules/pubsub.toml'
local file = io.open(path)
local text = file:read('a')
file:close()
file = io.open(path, 'w')
file:write((text:gsub('value = 1%.5', 'value = 2.5')))
file:close()
local warned = severity(vim.diagnostic.get(0), 22)
step('rules', wait(function(d) return severity(d, 22) ~= warned end, 5000), 22)
vim.fn.writefile(out, vim.env.HCL_OUT)
vim.cmd('qa!')
