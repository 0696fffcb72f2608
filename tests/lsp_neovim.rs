//! A real editor as the client: Neovim 0.7+ (`apt-get install neovim`) drives `copydesk serve`
//! headless. Ignored by default because it needs `nvim` on PATH and the full engine (it asserts
//! on a real finding); run with `cargo test --test lsp_neovim -- --ignored`.

use std::process::Command;

const SCRIPT: &str = r#"
local root, bin, out_path = ROOT, BIN, OUT
local out = {}
local function log(s) table.insert(out, s) end
local client_id = vim.lsp.start_client{ name = 'copydesk', cmd = {bin, 'serve', '--stdio'}, root_dir = root }
vim.cmd('edit ' .. root .. '/draft.md')
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, client_id)
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
log('diagnostics=' .. #vim.diagnostic.get(buf))
-- Edits as a writer makes them: insertions with astral characters, a multi-line replacement,
-- a deletion, a whole-line delete and its undo.
vim.api.nvim_buf_set_text(buf, 0, 0, 0, 0, {'Ünïcode 😀 “quoted” '})
vim.api.nvim_buf_set_lines(buf, 1, 2, false, {'Two lines', 'from one 👩‍👩‍👧.'})
vim.api.nvim_buf_set_text(buf, 0, 2, 0, 5, {''})
vim.cmd('normal! Gdd')
vim.cmd('undo')
vim.wait(300)
local uri = vim.uri_from_bufnr(buf)
local res = vim.lsp.buf_request_sync(buf, 'copydesk/documentText', {uri = uri}, 5000)
local server_text = res and res[client_id] and res[client_id].result and res[client_id].result.text or 'NONE'
local mine = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
log('sync=' .. tostring(server_text == mine))
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local before = #vim.diagnostic.get(buf)
local d = vim.diagnostic.get(buf)[1]
if d then
  local ca = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {textDocument = {uri = uri},
    range = {start = {line = d.lnum, character = d.col}, ['end'] = {line = d.end_lnum, character = d.end_col}}, context = {diagnostics = {}}}, 5000)
  for _, a in ipairs(ca and ca[client_id] and ca[client_id].result or {}) do
    if a.title:find('Ignore this finding') then
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
      vim.wait(5000, function() return #vim.diagnostic.get(buf) < before end, 50)
    end
  end
end
log('after_ignore=' .. (before - #vim.diagnostic.get(buf)))
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
log('stopped=' .. tostring(vim.lsp.get_client_by_id(client_id) == nil))
local f = io.open(out_path, 'w'); f:write(table.concat(out, '\n') .. '\n'); f:close()
vim.cmd('qa!')
"#;

#[test]
#[ignore = "needs nvim and the engine"]
fn neovim_keeps_in_sync_and_sees_diagnostics_and_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir(root.join("corpus")).unwrap();
    std::fs::write(
        root.join("corpus/a.txt"),
        "County council backs bridge plan\nLEEDSHAM, May 6 (Valley Post) - The county council met at 1000 GMT on Tuesday at the Corn Exchange in Leedsham to vote on the river bridge plan.\n",
    )
    .unwrap();
    std::fs::write(root.join("draft.md"), "# Bridge\n\nThe county council met at 11:00 GMT on Tuesday.\n\nEnd.\n").unwrap();
    let out = root.join("out.txt");
    let lua = SCRIPT
        .replace("ROOT", &format!("{:?}", root.display().to_string()))
        .replace("BIN", &format!("{:?}", env!("CARGO_BIN_EXE_copydesk")))
        .replace("OUT", &format!("{:?}", out.display().to_string()));
    std::fs::write(root.join("test.lua"), lua).unwrap();
    let status = Command::new("timeout")
        .args(["120", "nvim", "--headless", "-u", "NONE", "-c", "luafile test.lua"])
        .current_dir(&root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("nvim on PATH");
    assert!(status.success(), "{status}");
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(!report.contains("diagnostics=0"), "{report}");
    assert!(report.contains("sync=true"), "{report}");
    assert!(report.contains("after_ignore=1"), "{report}");
    assert!(report.contains("stopped=true"), "{report}");
}
