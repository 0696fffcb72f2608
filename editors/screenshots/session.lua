-- Init file for the screenshot session: the plugin from the repo, the example draft, the
-- cursor on the misspelt name and :CopydeskEvidence open. See capture.sh.
local repo = os.getenv("COPYDESK_REPO")
vim.opt.runtimepath:prepend(repo .. "/editors/neovim")
vim.cmd("filetype plugin on")
vim.cmd("syntax on")
vim.o.termguicolors = false
vim.o.number = true
vim.o.wrap = true
vim.o.linebreak = true
vim.o.signcolumn = "yes"
vim.o.laststatus = 2
vim.diagnostic.config({ virtual_text = { prefix = "●" }, severity_sort = true })
local copydesk = require("copydesk")
copydesk.setup({ cmd = { os.getenv("COPYDESK_BIN"), "serve", "--stdio" }, corpus = { repo .. "/examples/corpus" } })
vim.cmd("edit " .. vim.fn.fnameescape(repo .. "/examples/draft.md"))
-- Put the cursor on the misspelt name once its diagnostic is in; capture.sh then types
-- :CopydeskEvidence, as a writer would.
vim.defer_fn(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "name-misspelled" then
      vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    end
  end
end, 200)
