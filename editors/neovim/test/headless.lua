-- End-to-end check of the Neovim plugin against a real `copydesk serve`:
-- diagnostics arrive, hover shows source evidence, a quick fix clears its warning.
-- Run by run.sh: nvim --headless -u NONE -c 'luafile editors/neovim/test/headless.lua'
-- Env: COPYDESK_BIN (server binary), COPYDESK_REPO (repo root).

local repo = assert(os.getenv("COPYDESK_REPO"), "COPYDESK_REPO is not set")
local bin = assert(os.getenv("COPYDESK_BIN"), "COPYDESK_BIN is not set")
local timeout_ms = tonumber(os.getenv("COPYDESK_TEST_TIMEOUT_MS") or "") or 120000

-- The draft's misspelt name has a one-word fix the quick fix must apply.
local EXPECTED_CODE = "name-misspelled"

local function log(msg)
  io.stdout:write("[copydesk nvim test] " .. msg .. "\n")
end

local function fail(msg)
  io.stderr:write("FAIL: " .. msg .. "\n")
  vim.cmd("cquit 1")
end

local function code_of(d)
  if d.code ~= nil then
    return d.code
  end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function copydesk_diagnostics(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "copydesk" then
      table.insert(out, d)
    end
  end
  return out
end

local function find(buf, code)
  for _, d in ipairs(copydesk_diagnostics(buf)) do
    if code_of(d) == code then
      return d
    end
  end
end

-- Every $/progress token the server sent, with "done" once it ended. Wrapping the handler
-- works the same on 0.7 and 0.11+, whose progress bookkeeping differs.
local progress_seen = {}
local default_progress = vim.lsp.handlers["$/progress"]
vim.lsp.handlers["$/progress"] = function(err, result, ctx, config)
  if result and result.token ~= nil then
    local kind = result.value and result.value.kind
    progress_seen[result.token] = kind == "end" and "done" or "running"
  end
  if default_progress then
    return default_progress(err, result, ctx, config)
  end
end

local function run()
  vim.opt.runtimepath:prepend(repo .. "/editors/neovim")
  vim.cmd("filetype on")
  local copydesk = require("copydesk")
  copydesk.setup({
    cmd = { bin, "serve", "--stdio" },
    corpus = { repo .. "/examples/corpus" },
    debounce_ms = 50,
  })
  log(("nvim %d.%d (%s), server %s"):format(vim.version().major, vim.version().minor, copydesk.start_method, bin))

  vim.cmd("edit " .. vim.fn.fnameescape(repo .. "/examples/draft.md"))
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= "markdown" then
    return fail("draft.md has filetype '" .. vim.bo[buf].filetype .. "', expected markdown")
  end

  if not vim.wait(20000, function() return #copydesk.clients(buf) > 0 end, 50) then
    return fail("no copydesk client attached to draft.md")
  end

  local got = vim.wait(timeout_ms, function() return find(buf, EXPECTED_CODE) ~= nil end, 100)
  if not got then
    local codes = vim.tbl_map(code_of, copydesk_diagnostics(buf))
    return fail(("no %s diagnostic within %d ms; got: %s"):format(EXPECTED_CODE, timeout_ms, vim.inspect(codes)))
  end
  local diag = find(buf, EXPECTED_CODE)
  log(("%d copydesk diagnostics, including %s at %d:%d: %s"):format(
    #copydesk_diagnostics(buf), EXPECTED_CODE, diag.lnum + 1, diag.col + 1, diag.message))

  -- Hover on the flagged word must quote the sources.
  vim.api.nvim_win_set_cursor(0, { diag.lnum + 1, diag.col })
  local lines = copydesk.evidence_lines(buf, 10000)
  if lines == nil then
    return fail("hover returned nothing at the " .. EXPECTED_CODE .. " diagnostic")
  end
  local hover = table.concat(lines, "\n")
  if not hover:find(EXPECTED_CODE, 1, true) or not hover:find("Sources", 1, true) or not hover:find("%.txt:%d+") then
    return fail("hover lacks the rule code or source evidence:\n" .. hover)
  end
  log("hover shows evidence: " .. (hover:match("[%w%-]+%.txt:%d+") or "?"))

  local win = copydesk.show_evidence()
  if win == nil or vim.api.nvim_win_get_config(win).relative == "" then
    return fail(":CopydeskEvidence did not open a floating window")
  end
  vim.api.nvim_win_close(win, true)

  -- Quick fix: the first action that edits the text and is not "Ignore this finding".
  local client = copydesk.clients(buf)[1]
  -- The cursor sits on the diagnostic; make_position_params encodes it for the client.
  local at = vim.lsp.util.make_position_params(0, copydesk.clients(buf)[1].offset_encoding).position
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = at, ["end"] = at },
    context = { diagnostics = {} },
  }, 10000) or {}
  local fix
  for _, r in pairs(responses) do
    for _, action in ipairs(r.result or {}) do
      if fix == nil and action.edit and not action.title:find("^Ignore") then
        fix = action
      end
    end
  end
  if fix == nil then
    return fail("no quick fix offered for " .. EXPECTED_CODE .. ": " .. vim.inspect(responses))
  end
  log("applying quick fix: " .. fix.title)
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or "utf-16")

  local fixed_line = diag.lnum
  local cleared = vim.wait(timeout_ms, function()
    for _, d in ipairs(copydesk_diagnostics(buf)) do
      if code_of(d) == EXPECTED_CODE and d.lnum == fixed_line then
        return false
      end
    end
    return true
  end, 100)
  if not cleared then
    return fail(EXPECTED_CODE .. " is still reported after the quick fix; line now: "
      .. vim.api.nvim_buf_get_lines(buf, fixed_line, fixed_line + 1, false)[1])
  end
  if #copydesk_diagnostics(buf) == 0 then
    return fail("every diagnostic vanished after the quick fix; expected the others to stay")
  end
  log("quick fix cleared " .. EXPECTED_CODE .. "; line now: " .. vim.api.nvim_buf_get_lines(buf, fixed_line, fixed_line + 1, false)[1])

  -- Re-index: the server must run a new indexing pass, seen as a new $/progress token.
  local function progress_tokens()
    return vim.deepcopy(progress_seen)
  end
  local before = progress_tokens()
  local how = copydesk.reindex()
  if how == nil then
    return fail(":CopydeskReindex found no server")
  end
  local reindexed = vim.wait(timeout_ms, function()
    for token, state in pairs(progress_tokens()) do
      if before[token] == nil and state == "done" then
        return true
      end
    end
    return false
  end, 100)
  if not reindexed then
    return fail(":CopydeskReindex (via " .. how .. ") started no new indexing pass; progress: " .. vim.inspect(progress_tokens()))
  end
  if vim.lsp.client_is_stopped(client.id) or #copydesk_diagnostics(buf) == 0 then
    return fail("the server stopped or lost its findings after :CopydeskReindex")
  end
  log("re-index via " .. how .. " ok")

  vim.lsp.stop_client(client.id)
  vim.wait(3000, function() return vim.lsp.client_is_stopped(client.id) end, 50)
  log("PASS")
  vim.cmd("qall!")
end

local ok, err = xpcall(run, debug.traceback)
if not ok then
  fail(tostring(err))
end
