-- copydesk for Neovim: starts `copydesk serve` for drafts and adds two commands,
-- :CopydeskEvidence (the evidence for the fact under the cursor, in a float) and
-- :CopydeskReindex (rebuild the fact base from the corpus).
--
-- Works on 0.7 (start_client + buf_attach_client), 0.8-0.10 (vim.lsp.start) and
-- 0.11+ (vim.lsp.config / vim.lsp.enable).

local M = {}

M.name = "copydesk"

-- The server command that asks for a re-index. Servers that do not list it in
-- executeCommandProvider get a file-change notice for the corpus instead, which
-- the server already answers by re-indexing.
M.REINDEX_COMMAND = "copydesk.reindex"

local defaults = {
  cmd = { "copydesk", "serve", "--stdio" },
  -- Paths, globs or folders; relative ones are relative to the root the server is given.
  corpus = nil,
  -- { ["time-conflict"] = "error", ["quote-unsourced"] = "off", ... }
  rules = nil,
  debounce_ms = nil,
  filetypes = { "markdown", "text" },
  root_markers = { "copydesk.toml", ".git" },
  on_attach = nil,
  capabilities = nil,
}

M.options = vim.deepcopy(defaults)

local function has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

-- What the server reads from initializationOptions and from the `copydesk`
-- section of workspace/configuration. Only keys the user set are sent, so the
-- server's other layers (copydesk.toml, ./corpus) still apply to the rest.
function M.server_settings(opts)
  opts = opts or M.options
  local s = vim.empty_dict()
  if opts.corpus ~= nil then
    local corpus = type(opts.corpus) == "table" and opts.corpus or { opts.corpus }
    s.corpus = vim.tbl_map(function(p)
      return vim.fn.expand(p)
    end, corpus)
  end
  if opts.rules ~= nil then
    s.rules = opts.rules
  end
  if opts.debounce_ms ~= nil then
    s.debounceMs = opts.debounce_ms
  end
  return s
end

-- Nearest folder above `path` holding a root marker, else the file's own folder.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path ~= "" and path or vim.fn.getcwd() .. "/x", ":p:h")
  for _, marker in ipairs(M.options.root_markers) do
    local file = vim.fn.findfile(marker, dir .. ";")
    if file ~= "" then
      return vim.fn.fnamemodify(file, ":p:h")
    end
    local folder = vim.fn.finddir(marker, dir .. ";")
    if folder ~= "" then
      -- ":p" gives a folder a trailing slash, so ":h" twice reaches its parent.
      return vim.fn.fnamemodify(folder, ":p:h:h")
    end
  end
  return dir
end

local function client_config(root)
  local settings = M.server_settings()
  return {
    name = M.name,
    cmd = M.options.cmd,
    root_dir = root,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    init_options = settings,
    -- Neovim answers workspace/configuration from here, by section name.
    settings = { copydesk = settings },
    on_attach = M.options.on_attach,
    capabilities = M.options.capabilities,
  }
end

-- 0.7 has no vim.lsp.start: one client per root, reused for every draft under it.
local clients_by_root = {}

local function attach_07(bufnr)
  local root = M.root_dir(vim.api.nvim_buf_get_name(bufnr))
  local id = clients_by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(client_config(root))
    if id == nil then
      vim.notify("copydesk: could not start " .. table.concat(M.options.cmd, " "), vim.log.levels.ERROR)
      return
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

local function attach_08(bufnr)
  local root = M.root_dir(vim.api.nvim_buf_get_name(bufnr))
  vim.lsp.start(client_config(root), { bufnr = bufnr })
end

-- The copydesk clients serving `bufnr` (or every copydesk client when nil).
function M.clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = M.name })
  end
  local out = {}
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  for _, c in pairs(all) do
    if c.name == M.name then
      table.insert(out, c)
    end
  end
  return out
end

local function first_client(bufnr)
  local c = M.clients(bufnr)[1]
  if c == nil then
    vim.notify("copydesk: no copydesk server is attached to this buffer", vim.log.levels.WARN)
  end
  return c
end

local function hover_lines(result)
  if not (result and result.contents) then
    return {}
  end
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  while #lines > 0 and vim.trim(lines[1]) == "" do
    table.remove(lines, 1)
  end
  while #lines > 0 and vim.trim(lines[#lines]) == "" do
    table.remove(lines)
  end
  return lines
end

-- Evidence for the fact under the cursor, as markdown lines; nil when there is none.
function M.evidence_lines(bufnr, timeout_ms)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1]
  if client == nil then
    return nil
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, timeout_ms or 5000) or {}
  for id, response in pairs(responses) do
    local client = vim.lsp.get_client_by_id(id)
    if client and client.name == M.name and response.result then
      local lines = hover_lines(response.result)
      if #lines > 0 then
        return lines
      end
    end
  end
  return nil
end

-- :CopydeskEvidence. Returns the float's window id (for tests), or nil.
function M.show_evidence()
  local bufnr = vim.api.nvim_get_current_buf()
  if first_client(bufnr) == nil then
    return nil
  end
  local lines = M.evidence_lines(bufnr)
  if lines == nil then
    vim.notify("copydesk: no checked fact under the cursor", vim.log.levels.INFO)
    return nil
  end
  local _, win = vim.lsp.util.open_floating_preview(lines, "markdown", {
    border = "rounded",
    focus_id = "copydesk-evidence",
    max_width = math.max(40, math.floor(vim.o.columns * 0.8)),
  })
  return win
end

local function advertises(client, command)
  local provider = (client.server_capabilities or {}).executeCommandProvider
  return type(provider) == "table" and vim.tbl_contains(provider.commands or {}, command)
end

-- Absolute corpus paths as this client configured them; relative ones against the root.
local function corpus_paths(client)
  local root = client.config.root_dir or vim.fn.getcwd()
  local settings = client.config.init_options or {}
  local corpus = settings.corpus or { "corpus" }
  return vim.tbl_map(function(p)
    if p:sub(1, 1) == "/" then
      return p
    end
    return root .. "/" .. p
  end, corpus)
end

-- Client methods take `self` from 0.11 (client:notify) and not before (client.notify).
local function call(client, method, ...)
  if has("0.11") then
    return client[method](client, ...)
  end
  return client[method](...)
end

-- :CopydeskReindex. Returns how the request was made ("command" or "watched-files").
function M.reindex()
  local how
  for _, client in ipairs(M.clients()) do
    if advertises(client, M.REINDEX_COMMAND) then
      local on_done = function(err)
        if err then
          vim.notify("copydesk: re-index failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
        end
      end
      call(client, "request", "workspace/executeCommand", { command = M.REINDEX_COMMAND, arguments = {} }, on_done)
      how = "command"
    else
      local changes = vim.tbl_map(function(p)
        return { uri = vim.uri_from_fname(p), type = 2 }
      end, corpus_paths(client))
      call(client, "notify", "workspace/didChangeWatchedFiles", { changes = changes })
      how = "watched-files"
    end
  end
  if how == nil then
    vim.notify("copydesk: no copydesk server is running", vim.log.levels.WARN)
  end
  return how
end

local function create_commands()
  vim.api.nvim_create_user_command("CopydeskEvidence", function()
    M.show_evidence()
  end, { desc = "copydesk: show the evidence for the fact under the cursor" })
  vim.api.nvim_create_user_command("CopydeskReindex", function()
    M.reindex()
  end, { desc = "copydesk: re-index the corpus" })
end

function M.setup(opts)
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  create_commands()

  if vim.lsp.config and vim.lsp.enable then
    M.start_method = "vim.lsp.config"
    local cfg = client_config(nil)
    cfg.root_dir = nil
    cfg.workspace_folders = nil
    cfg.name = nil
    cfg.filetypes = M.options.filetypes
    cfg.root_markers = M.options.root_markers
    vim.lsp.config(M.name, cfg)
    vim.lsp.enable(M.name)
    return
  end

  local attach = has("0.8") and attach_08 or attach_07
  M.start_method = has("0.8") and "vim.lsp.start" or "vim.lsp.start_client"
  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      if vim.bo[args.buf].buftype == "" then
        attach(args.buf)
      end
    end,
  })
  -- Buffers already open when setup() runs (lazy loading) get attached too.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) and vim.bo[bufnr].buftype == "" then
      attach(bufnr)
    end
  end
end

return M
