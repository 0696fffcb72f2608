//! Hostile input to the real binary over stdio. Each test feeds the server something a careless
//! or broken client might send, checks the answer the protocol asks for, and then checks the
//! server still serves. RELIABILITY.md lists these tests with what they send.

mod common;

use common::{error_code, file_uri, StdioServer};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const PROBE_TEXT: &str = "The ferry left at noon.";

/// A workspace whose `corpus/` folder is a copy of the port-strike corpus.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let corpus = root.join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/corpus-port-strike");
    for entry in std::fs::read_dir(source).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), corpus.join(entry.file_name())).unwrap();
    }
    (dir, root)
}

fn case_draft(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(name)).unwrap()
}

fn at(uri: &str, line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
}

fn range(uri: &str, from: (u32, u32), to: (u32, u32)) -> Value {
    json!({"textDocument": {"uri": uri},
           "range": {"start": {"line": from.0, "character": from.1}, "end": {"line": to.0, "character": to.1}},
           "context": {"diagnostics": []}})
}

fn change(uri: &str, version: i32, from: (u32, u32), to: (u32, u32), text: &str) -> Value {
    json!({"textDocument": {"uri": uri, "version": version},
           "contentChanges": [{"range": {"start": {"line": from.0, "character": from.1}, "end": {"line": to.0, "character": to.1}}, "text": text}]})
}

/// A server in a fresh workspace, indexed, with a small probe document open.
fn started(options: Value) -> (tempfile::TempDir, PathBuf, StdioServer, String) {
    let (dir, root) = workspace();
    let mut s = StdioServer::start(&root, options, true);
    let probe = file_uri(&root.join("probe.md"));
    s.open(&probe, PROBE_TEXT);
    (dir, root, s, probe)
}

/// The server still reads, routes and answers: its copy of the probe document comes back whole.
fn assert_serving(s: &mut StdioServer, probe: &str) {
    assert_eq!(s.document_text(probe)["text"], PROBE_TEXT);
}

fn parse_error(s: &mut StdioServer, what: &str) -> Value {
    let e = s.wait_for(what, |m| m.get("error").is_some() && m["id"].is_null());
    assert_eq!(error_code(&e), Some(-32700), "{e}");
    e
}

#[test]
fn malformed_json_and_wrong_content_lengths_cost_one_error_each() {
    let (_d, _root, mut s, probe) = started(Value::Null);

    let junk = b"{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": ";
    s.send_raw(format!("Content-Length: {}\r\n\r\n", junk.len()).as_bytes());
    s.send_raw(junk);
    parse_error(&mut s, "a parse error for malformed JSON");
    assert_serving(&mut s, &probe);

    // Too short: the server reads the first bytes of a `shutdown`, which must not run.
    let shutdown = json!({"jsonrpc": "2.0", "id": 900, "method": "shutdown"}).to_string();
    s.send_raw(format!("Content-Length: 10\r\n\r\n{shutdown}").as_bytes());
    parse_error(&mut s, "a parse error for a body cut short");
    assert_serving(&mut s, &probe);

    let note = json!({"jsonrpc": "2.0", "method": "$/copydeskProbe", "params": {}}).to_string();
    s.send_raw(format!("Content-Length: many\r\n\r\n{note}").as_bytes());
    let e = parse_error(&mut s, "an error for a non-numeric Content-Length");
    assert!(e["error"]["message"].as_str().unwrap().contains("Content-Length"), "{e}");
    assert_serving(&mut s, &probe);

    // Too long: the body runs into the next message, which is lost with it; the one after
    // that is read again.
    s.send_raw(format!("Content-Length: {}\r\n\r\n{note}", note.len() + 40).as_bytes());
    s.notify("$/copydeskFiller", json!({"padding": "x".repeat(60)}));
    parse_error(&mut s, "a parse error for a body that ran into the next message");
    assert_serving(&mut s, &probe);

    // A megabyte of garbage with no line break in it.
    s.send_raw(&vec![b'x'; 1 << 20]);
    s.send_raw(b"\r\n\r\n");
    parse_error(&mut s, "an error for a megabyte of garbage");
    assert_serving(&mut s, &probe);

    assert!(s.unclaimed.iter().all(|m| m["id"] != 900), "the cut-short shutdown ran");
    s.shutdown_and_exit();
}

#[test]
fn unknown_methods_answer_method_not_found_and_unknown_notifications_are_ignored() {
    let (_d, _root, mut s, probe) = started(Value::Null);
    let r = s.request("copydesk/noSuchThing", json!({"x": 1}));
    assert_eq!(error_code(&r), Some(-32601), "{r}");
    let r = s.request("textDocument/noSuchFeature", json!({}));
    assert_eq!(error_code(&r), Some(-32601), "{r}");
    s.notify("custom/unknownNotification", json!({"x": 1}));
    s.notify("$/unknownProtocolNotification", json!({}));
    assert_serving(&mut s, &probe);
    let errors: Vec<&Value> = s.log.iter().filter(|m| m.get("error").is_some()).collect();
    assert!(errors.is_empty(), "a notification is never answered: {errors:?}");
    s.shutdown_and_exit();
}

#[test]
fn requests_before_initialize_are_refused_and_notifications_dropped() {
    let (_d, root) = workspace();
    let mut s = StdioServer::spawn(&root);
    let early = file_uri(&root.join("early.md"));
    let r = s.request("textDocument/hover", at(&early, 0, 0));
    assert_eq!(error_code(&r), Some(-32002), "{r}");
    s.open(&early, "Opened before initialize.");
    let r = s.request("copydesk/documentText", json!({"uri": early}));
    assert_eq!(error_code(&r), Some(-32002), "{r}");
    let init = s.request("initialize", json!({"processId": null, "rootUri": file_uri(&root), "capabilities": {}}));
    assert_eq!(init["result"]["serverInfo"]["name"], "copydesk", "{init}");
    s.notify("initialized", json!({}));
    let r = s.request("copydesk/documentText", json!({"uri": early}));
    assert_eq!(error_code(&r), Some(-32602), "the early didOpen was dropped: {r}");
    let again = s.request("initialize", json!({"processId": null, "rootUri": file_uri(&root), "capabilities": {}}));
    assert!(again.get("error").is_some(), "a second initialize is refused: {again}");
    s.shutdown_and_exit();
}

#[test]
fn changes_to_unopened_documents_and_older_versions_are_ignored_with_a_log() {
    let (_d, root, mut s, probe) = started(Value::Null);
    let ghost = file_uri(&root.join("ghost.md"));
    s.notify("textDocument/didChange", change(&ghost, 2, (0, 0), (0, 0), "boo"));
    let log = s.wait_for("a log message about the unopened document", |m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().is_some_and(|t| t.contains("not open")));
    assert!(log["params"]["message"].as_str().unwrap().contains("ghost.md"), "{log}");
    let r = s.request("copydesk/documentText", json!({"uri": ghost}));
    assert_eq!(error_code(&r), Some(-32602), "a change does not open a document: {r}");

    let doc = file_uri(&root.join("draft.md"));
    s.notify("textDocument/didOpen", json!({"textDocument": {"uri": doc, "languageId": "markdown", "version": 5, "text": "Hello."}}));
    s.notify("textDocument/didChange", change(&doc, 6, (0, 6), (0, 6), " Again."));
    s.notify("textDocument/didChange", change(&doc, 4, (0, 0), (0, 6), "Stale"));
    let log = s.wait_for("a log message about the older version", |m| m["method"] == "window/logMessage" && m["params"]["message"].as_str().is_some_and(|t| t.contains("older")));
    assert!(log["params"]["message"].as_str().unwrap().contains("version 4"), "{log}");
    assert_eq!(s.document_text(&doc), json!({"version": 6, "text": "Hello. Again."}));
    assert_serving(&mut s, &probe);
    s.shutdown_and_exit();
}

#[test]
fn positions_past_the_end_of_a_line_or_the_document_answer_null_or_an_error() {
    let (_d, root, mut s, probe) = started(Value::Null);
    let doc = file_uri(&root.join("draft.md"));
    s.open(&doc, "one\ntwo\n");
    for method in ["textDocument/hover", "textDocument/definition"] {
        // A column past the end of a line means the line's end, as the protocol says.
        let r = s.request(method, at(&doc, 1, 500));
        assert_eq!(r["result"], Value::Null, "{method}: {r}");
        let r = s.request(method, at(&doc, 0, u32::MAX));
        assert_eq!(r["result"], Value::Null, "{method}: {r}");
        // A line past the end of the document is an invalid parameter.
        let r = s.request(method, at(&doc, 99, 0));
        assert_eq!(error_code(&r), Some(-32602), "{method}: {r}");
        let r = s.request(method, at(&doc, u32::MAX, u32::MAX));
        assert_eq!(error_code(&r), Some(-32602), "{method}: {r}");
    }
    let r = s.request("textDocument/codeAction", range(&doc, (0, 900), (1, 900)));
    assert_eq!(r["result"], json!([]), "{r}");
    let r = s.request("textDocument/codeAction", range(&doc, (0, 0), (40, 0)));
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    let r = s.request("textDocument/completion", at(&doc, 7, 3));
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    // An edit past the end lands at the end: an edit must never be refused.
    s.notify("textDocument/didChange", change(&doc, 2, (70, 3), (90, 0), "three"));
    assert_eq!(s.document_text(&doc)["text"], "one\ntwo\nthree");
    assert_serving(&mut s, &probe);
    s.shutdown_and_exit();
}

/// A sentence with a person, a count and a time in it, so the extractors have work to do.
const LONG_SENTENCE: &str = "The port authority said on Monday that 1,200 dockers had returned to work at 06:00, harbour master Anna Berg told \"reporters\" outside. ";

#[test]
fn a_one_megabyte_single_line_draft_is_held_and_the_server_keeps_answering() {
    let (_d, root, mut s, probe) = started(Value::Null);
    let doc = file_uri(&root.join("pasted.md"));
    let mut text = LONG_SENTENCE.repeat((1 << 20) / LONG_SENTENCE.len() + 1);
    s.open(&doc, &text);
    assert_eq!(s.document_text(&doc)["text"].as_str().map(str::len), Some(text.len()));
    // The end of the one line, in UTF-16 code units (the text is ASCII).
    let end = text.len() as u32;
    s.notify("textDocument/didChange", change(&doc, 2, (0, end), (0, end), "Typed at the end."));
    text.push_str("Typed at the end.");
    s.wait_for("the notice that it is checked on save", |m| m["method"] == "window/showMessage" && m["params"]["message"].as_str().is_some_and(|t| t.contains("when saved")));
    let r = s.request("textDocument/hover", at(&doc, 0, 500_000));
    assert!(r.get("result").is_some(), "{r}");
    let r = s.request("textDocument/codeAction", range(&doc, (0, 0), (0, 100)));
    assert_eq!(r["result"], json!([]), "{r}");
    assert_eq!(s.document_text(&doc), json!({"version": 2, "text": text}));
    assert_serving(&mut s, &probe);
    s.shutdown_and_exit();
}

#[test]
fn a_fifty_thousand_line_draft_takes_edits_and_the_server_keeps_answering() {
    let (_d, root, mut s, probe) = started(Value::Null);
    let doc = file_uri(&root.join("long.md"));
    let mut lines: Vec<String> = (0..50_000).map(|i| format!("Line {i}: the ferry left at 09:{:02} on Tuesday.", i % 60)).collect();
    s.open(&doc, &lines.join("\n"));
    s.notify("textDocument/didChange", change(&doc, 2, (25_000, 0), (25_000, 4), "Row"));
    lines[25_000].replace_range(0..4, "Row");
    s.notify("textDocument/didChange", change(&doc, 3, (49_999, 0), (49_999, 0), "Last: "));
    lines[49_999].insert_str(0, "Last: ");
    let r = s.request("textDocument/hover", at(&doc, 49_999, 3));
    assert!(r.get("result").is_some(), "{r}");
    let r = s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}}));
    assert!(r.get("result").is_some(), "{r}");
    assert_eq!(s.document_text(&doc), json!({"version": 3, "text": lines.join("\n")}));
    assert_serving(&mut s, &probe);
    s.shutdown_and_exit();
}

#[test]
fn over_the_live_check_limit_a_draft_is_checked_when_saved_and_the_writer_told_once() {
    let (_d, root, mut s, probe) = started(json!({"limits": {"max_live_check_kb": 1}}));
    let doc = file_uri(&root.join("roundup.md"));
    let text = case_draft("ps-02-roundup.md") + &"\nReaders will find more coverage on our website.\n".repeat(6);
    assert!(text.len() > 1024);
    s.open(&doc, &text);
    let first = s.wait_for("diagnostics on open", |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.as_str());
    assert_eq!(first["params"]["version"], 1);
    let time = first["params"]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "time-conflict").cloned().expect("the time conflict");
    let (line, character) = (time["range"]["start"]["line"].as_u64().unwrap() as u32, time["range"]["start"]["character"].as_u64().unwrap() as u32);
    let hover = s.request("textDocument/hover", at(&doc, line, character));
    assert!(hover["result"]["contents"]["value"].as_str().is_some_and(|v| v.contains("11:00")), "{hover}");

    let last_line = text.lines().count() as u32;
    s.notify("textDocument/didChange", change(&doc, 2, (last_line, 0), (last_line, 0), "One more line.\n"));
    s.notify("textDocument/didChange", change(&doc, 3, (last_line + 1, 0), (last_line + 1, 0), "And another.\n"));
    let r = s.request("textDocument/hover", at(&doc, line, character));
    assert_eq!(r["result"], Value::Null, "no check between saves: {r}");
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": doc}}));
    let saved = s.wait_for("diagnostics after the save", |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.as_str());
    assert_eq!(saved["params"]["version"], 3);
    assert!(saved["params"]["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "time-conflict"));
    let hover = s.request("textDocument/hover", at(&doc, line, character));
    assert!(hover["result"]["contents"]["value"].as_str().is_some_and(|v| v.contains("11:00")), "{hover}");
    assert_serving(&mut s, &probe);
    let notices = s.log.iter().filter(|m| m["method"] == "window/showMessage" && m["params"]["message"].as_str().is_some_and(|t| t.contains("as you type"))).count();
    assert_eq!(notices, 1, "{:?}", s.log);
    s.shutdown_and_exit();
}

/// Every file and folder under `root` with its contents and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (Vec<u8>, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path.clone());
                out.insert(path, (Vec::new(), meta.modified().ok()));
            } else {
                out.insert(path.clone(), (std::fs::read(&path).unwrap(), meta.modified().ok()));
            }
        }
    }
    out
}

#[test]
fn a_session_writes_no_file_in_the_workspace() {
    let (_d, root) = workspace();
    std::fs::write(root.join("copydesk.toml"), "corpus = [\"corpus\"]\n[limits]\nmax_quote_chars = 2000\n").unwrap();
    std::fs::create_dir(root.join("drafts")).unwrap();
    let draft_path = root.join("drafts/roundup.md");
    std::fs::write(&draft_path, case_draft("ps-02-roundup.md")).unwrap();
    let before = snapshot(&root);

    let mut s = StdioServer::start(&root, Value::Null, true);
    let doc = file_uri(&draft_path);
    s.open(&doc, &case_draft("ps-02-roundup.md"));
    s.wait_for("diagnostics", |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.as_str());
    s.notify("textDocument/didChange", change(&doc, 2, (0, 0), (0, 0), "Updated. "));
    let end_line = case_draft("ps-02-roundup.md").lines().count() as u32;
    let actions = s.request("textDocument/codeAction", range(&doc, (0, 0), (end_line, 0)));
    let titles: Vec<&str> = actions["result"].as_array().expect("actions").iter().filter_map(|a| a["title"].as_str()).collect();
    assert!(titles.iter().any(|t| t.starts_with("Ignore this finding")), "{actions}");
    s.request("textDocument/hover", at(&doc, 4, 25));
    s.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}}));
    s.request("workspace/executeCommand", json!({"command": "copydesk.reindex", "arguments": []}));
    s.wait_for("the re-index", |m| m["method"] == "copydesk/indexed");
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": doc}}));
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": doc}}));
    s.shutdown_and_exit();

    let after = snapshot(&root);
    assert_eq!(after.keys().collect::<Vec<_>>(), before.keys().collect::<Vec<_>>(), "files appeared or went");
    for (path, (bytes, modified)) in &before {
        assert!(after[path].0 == *bytes && after[path].1 == *modified, "{} was written", path.display());
    }
}
