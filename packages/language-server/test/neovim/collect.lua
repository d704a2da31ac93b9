-- Opens a letter in headless Neovim (0.7+), attaches the huurbrief language server
-- with Neovim's own LSP client, waits for its publishDiagnostics and writes
-- vim.diagnostic.get() as JSON. Environment: HB_SERVER, HB_FILE, HB_ROOT, HB_OUT.
local server, file, root, out = os.getenv('HB_SERVER'), os.getenv('HB_FILE'), os.getenv('HB_ROOT'), os.getenv('HB_OUT')

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)

local published = false
local original = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  original(err, result, ctx, config)
  if result and result.uri == uri then published = true end
end

local client_id = vim.lsp.start_client({
  name = 'huurbrief',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
})
if not client_id then finish({ error = 'start_client failed' }) return end
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(30000, function() return published end, 20) then
  finish({ error = 'no publishDiagnostics within 30 s' })
  return
end

local items = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = (d.user_data and d.user_data.lsp) or {}
  table.insert(items, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, message = d.message, source = d.source,
    code = d.code or lsp.code,
  })
end
local client = vim.lsp.get_client_by_id(client_id)
finish({ diagnostics = items, server = client and client.name or vim.NIL })
