//! The language server end to end, over an in-memory pipe: a scripted client speaks LSP to
//! `copydesk::lsp::serve_io` and asserts on what comes back.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf};
use tokio::sync::{mpsc, oneshot};

const WAIT: Duration = Duration::from_secs(20);

type Writer = Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>;

struct Client {
    writer: Writer,
    pending: Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>,
    inbox: mpsc::UnboundedReceiver<Value>,
    /// Messages read but not yet claimed by a `wait_for`.
    seen: Vec<Value>,
    /// Every server notification and request, in arrival order.
    log: Vec<Value>,
    next_id: i64,
    /// What the client answers to `workspace/configuration`.
    workspace_config: Arc<Mutex<Value>>,
    /// When false, requests from the server go unanswered, as with a hung or careless client.
    answer_requests: Arc<std::sync::atomic::AtomicBool>,
    server: tokio::task::JoinHandle<()>,
}

async fn write_frame(writer: &Writer, body: &[u8]) {
    let mut w = writer.lock().await;
    w.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await.unwrap();
    w.write_all(body).await.unwrap();
    w.flush().await.unwrap();
}

impl Client {
    fn spawn() -> Client {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        let server = tokio::spawn(copydesk::lsp::serve_io(server_read, server_write));
        let (read, write) = tokio::io::split(client_end);
        let writer: Writer = Arc::new(tokio::sync::Mutex::new(write));
        let pending: Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>> = Arc::default();
        let workspace_config = Arc::new(Mutex::new(Value::Null));
        let (tx, inbox) = mpsc::unbounded_channel();
        let answer_requests = Arc::new(std::sync::atomic::AtomicBool::new(true));
        {
            let (writer, pending, workspace_config, answer) = (writer.clone(), pending.clone(), workspace_config.clone(), answer_requests.clone());
            tokio::spawn(async move {
                let mut reader = BufReader::new(read);
                loop {
                    let mut length = None;
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        let line = line.trim_end();
                        if line.is_empty() {
                            break;
                        }
                        if let Some(v) = line.strip_prefix("Content-Length: ") {
                            length = v.parse::<usize>().ok();
                        }
                    }
                    let mut body = vec![0; length.expect("Content-Length")];
                    reader.read_exact(&mut body).await.unwrap();
                    let msg: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                    let is_response = msg.get("method").is_none();
                    if is_response {
                        let id = msg["id"].as_i64();
                        let waiter = id.and_then(|id| pending.lock().unwrap().remove(&id));
                        match waiter {
                            Some(w) => {
                                let _ = w.send(msg);
                            }
                            None => {
                                let _ = tx.send(msg);
                            }
                        }
                        continue;
                    }
                    if let Some(id) = msg.get("id").filter(|_| answer.load(std::sync::atomic::Ordering::SeqCst)) {
                        let result = match msg["method"].as_str() {
                            Some("workspace/configuration") => {
                                let n = msg["params"]["items"].as_array().map_or(1, Vec::len);
                                let c = workspace_config.lock().unwrap().clone();
                                Value::Array(vec![c; n])
                            }
                            _ => Value::Null,
                        };
                        let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
                        write_frame(&writer, reply.to_string().as_bytes()).await;
                    }
                    let _ = tx.send(msg);
                }
            });
        }
        Client { writer, pending, inbox, seen: Vec::new(), log: Vec::new(), next_id: 1, workspace_config, answer_requests, server }
    }

    /// Initialize with the given client capabilities and options, rooted at `root`.
    async fn start(root: &Path, capabilities: Value, options: Value) -> (Client, Value) {
        let mut c = Client::spawn();
        let root_uri = uri(root);
        let init = c
            .request(
                "initialize",
                json!({"processId": null, "rootUri": root_uri, "capabilities": capabilities, "initializationOptions": options,
                       "workspaceFolders": [{"uri": root_uri, "name": "ws"}]}),
            )
            .await;
        assert!(init.get("error").is_none(), "{init}");
        c.notify("initialized", json!({})).await;
        (c, init["result"].clone())
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        let msg = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        write_frame(&self.writer, msg.to_string().as_bytes()).await;
        tokio::time::timeout(WAIT, rx).await.unwrap_or_else(|_| panic!("no answer to {method}")).unwrap()
    }

    async fn notify(&mut self, method: &str, params: Value) {
        let msg = json!({"jsonrpc": "2.0", "method": method, "params": params});
        write_frame(&self.writer, msg.to_string().as_bytes()).await;
    }

    async fn raw(&mut self, body: &str) {
        write_frame(&self.writer, body.as_bytes()).await;
    }

    fn take_seen(&mut self, pred: &dyn Fn(&Value) -> bool) -> Option<Value> {
        let i = self.seen.iter().position(pred)?;
        Some(self.seen.remove(i))
    }

    /// The first message (old or new) matching `pred`.
    async fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(m) = self.take_seen(&pred) {
            return m;
        }
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.inbox.recv())
                .await
                .unwrap_or_else(|_| panic!("timed out waiting for {what}; seen: {:#?}", self.seen))
                .expect("server gone");
            self.log.push(msg.clone());
            if pred(&msg) {
                return msg;
            }
            self.seen.push(msg);
        }
    }

    /// Everything that arrives within `d`.
    async fn settle(&mut self, d: Duration) {
        let deadline = tokio::time::Instant::now() + d;
        while let Ok(Some(msg)) = tokio::time::timeout_at(deadline, self.inbox.recv()).await {
            self.log.push(msg.clone());
            self.seen.push(msg);
        }
    }

    async fn open(&mut self, uri: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})).await;
    }

    async fn document_text(&mut self, uri: &str) -> Value {
        let r = self.request("copydesk/documentText", json!({"uri": uri})).await;
        assert!(r.get("error").is_none(), "{r}");
        r["result"].clone()
    }

    async fn indexed(&mut self, documents: usize) {
        let want = format!("{documents} documents, ");
        self.wait_for(&format!("index of {want}"), |m| {
            m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end" && m["params"]["value"]["message"].as_str().is_some_and(|s| s.starts_with(&want))
        })
        .await;
    }

    async fn diagnostics_for(&mut self, doc: &str) -> Value {
        self.wait_for(&format!("diagnostics for {doc}"), |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc)
            .await
    }
}

fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

fn base_capabilities() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "window": {"workDoneProgress": true},
        "workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": false}},
        "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}
    })
}

/// A workspace with a two-article corpus on a made-up topic.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir(root.join("corpus")).unwrap();
    std::fs::write(
        root.join("corpus/a.txt"),
        "County council backs bridge plan\nLEEDSHAM, May 6 (Valley Post) - The county council met at 1000 GMT on Tuesday at the Corn Exchange in Leedsham to vote on the river bridge plan.\nCouncil leader Jane Holt said: \"We have a plan for the bridge and we will fund it.\"\nTwelve councillors voted for the plan.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("corpus/b.txt"),
        "Bridge plan approved\nThe council session began at 10:00 GMT on Tuesday and lasted two hours, council leader Jane Holt told reporters.\n",
    )
    .unwrap();
    (dir, root)
}

fn error_code(r: &Value) -> Option<i64> {
    r["error"]["code"].as_i64()
}

#[tokio::test]
async fn negotiates_position_encoding_and_advertises_capabilities() {
    let (_d, root) = workspace();
    let mut caps = base_capabilities();
    caps["general"]["positionEncodings"] = json!(["utf-8", "utf-16"]);
    let (_c, init) = Client::start(&root, caps, Value::Null).await;
    let sc = &init["capabilities"];
    assert_eq!(sc["positionEncoding"], "utf-8");
    assert_eq!(sc["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(sc["textDocumentSync"]["openClose"], true);
    assert_eq!(sc["hoverProvider"], true);
    assert_eq!(sc["definitionProvider"], true);
    assert_eq!(sc["documentSymbolProvider"], true);
    assert_eq!(sc["codeActionProvider"]["codeActionKinds"], json!(["quickfix"]));
    assert!(sc["completionProvider"].is_object());
    assert!(sc.get("diagnosticProvider").is_none(), "a client without pull diagnostics gets pushed ones");

    let (_c, init) = Client::start(&root, json!({}), Value::Null).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
}

#[tokio::test]
async fn opened_while_indexing_gets_diagnostics_only_after_the_corpus_is_ready() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "The county council met at 1000 GMT on Tuesday.\n").await;
    let published = c.diagnostics_for(&doc).await;
    assert_eq!(published["params"]["version"], 1);
    assert_eq!(published["params"]["diagnostics"], json!([]));
    // Progress was created, begun and ended before the first publication, and never an empty
    // list was published while the corpus was still loading.
    let pos = |pred: &dyn Fn(&Value) -> bool| c.log.iter().position(pred);
    let created = pos(&|m| m["method"] == "window/workDoneProgress/create").expect("progress created");
    let begun = pos(&|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin").expect("progress begun");
    let reported = pos(&|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "report").expect("progress reported");
    let ended = pos(&|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").expect("progress ended");
    assert!(begun < reported && reported < ended);
    let percents: Vec<i64> = c.log[begun..ended].iter().filter_map(|m| m["params"]["value"]["percentage"].as_i64()).collect();
    assert_eq!(percents.first(), Some(&0), "{percents:?}");
    assert!(percents.windows(2).all(|w| w[0] <= w[1]) && percents.contains(&50), "{percents:?}");
    let first_publish = pos(&|m| m["method"] == "textDocument/publishDiagnostics").unwrap();
    assert!(created < begun && begun < ended && ended < first_publish, "{:#?}", c.log);
    assert!(c.log[ended]["params"]["value"]["message"].as_str().is_some_and(|m| m.starts_with("2 documents, ") && m.ends_with(" facts")), "{}", c.log[ended]);
}

/// A tiny deterministic generator, so a failure replays.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The client's own idea of the document: positions as the protocol defines them.
fn model_offset(text: &str, line: usize, col: usize, utf8: bool) -> usize {
    let b = text.as_bytes();
    let mut i = 0;
    let mut content_start = 0;
    let mut lines = Vec::new();
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            lines.push((content_start, i));
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            content_start = i + 1;
        }
        i += 1;
    }
    lines.push((content_start, text.len()));
    let Some(&(s, e)) = lines.get(line) else { return text.len() };
    let mut units = 0;
    for (off, ch) in text[s..e].char_indices() {
        let w = if utf8 { ch.len_utf8() } else { ch.len_utf16() };
        if units + w > col {
            return s + off;
        }
        units += w;
    }
    e
}

async fn replay_random_edits(utf8: bool) {
    let (_d, root) = workspace();
    let mut caps = base_capabilities();
    if utf8 {
        caps["general"]["positionEncodings"] = json!(["utf-8"]);
    }
    let (mut c, _) = Client::start(&root, caps, json!({"debounceMs": 50})).await;
    let doc = uri(&root.join("edits.md"));
    let mut model = String::from("a😀b\r\nline two ’quoted’\r\n中文\n");
    c.open(&doc, &model).await;
    let pieces = ["x", "é", "😀", "\r\n", "\n", "’", "中", "", "👩‍👩‍👧", " word "];
    let mut rng = Lcg(if utf8 { 7 } else { 11 });
    let mut version = 1;
    let mut edits = 0;
    while edits < 400 {
        // One to three changes per notification; each change's positions are in the text left
        // by the change before it, as the protocol says.
        let mut changes = Vec::new();
        for _ in 0..1 + rng.next(3) {
            let lines = model.split('\n').count() + 1;
            let (l1, c1, l2, c2) = (rng.next(lines), rng.next(14), rng.next(lines), rng.next(14));
            let text = pieces[rng.next(pieces.len())];
            let (a, b) = (model_offset(&model, l1, c1, utf8), model_offset(&model, l2, c2, utf8));
            let (start, end) = if a <= b { ((l1, c1), (l2, c2)) } else { ((l2, c2), (l1, c1)) };
            model.replace_range(a.min(b)..a.max(b), text);
            changes.push(json!({"range": {"start": {"line": start.0, "character": start.1}, "end": {"line": end.0, "character": end.1}}, "text": text}));
            edits += 1;
        }
        version += 1;
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": doc, "version": version}, "contentChanges": changes})).await;
    }
    let server = c.document_text(&doc).await;
    assert_eq!(server["version"], version);
    assert_eq!(server["text"].as_str().unwrap(), model);
    // Only the final version is published once the edits stop.
    c.wait_for("final diagnostics", |m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version).await;
}

#[tokio::test]
async fn hundreds_of_incremental_utf16_edits_apply_in_order() {
    replay_random_edits(false).await;
}

#[tokio::test]
async fn hundreds_of_incremental_utf8_edits_apply_in_order() {
    replay_random_edits(true).await;
}

#[tokio::test]
async fn debounce_coalesces_edits_and_publications_carry_their_version() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), json!({"debounceMs": 300})).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Start.\n").await;
    assert_eq!(c.diagnostics_for(&doc).await["params"]["version"], 1);
    for v in 2..=11 {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc, "version": v},
                   "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]}),
        )
        .await;
    }
    c.settle(Duration::from_millis(1500)).await;
    let versions: Vec<i64> = c
        .seen
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == doc.as_str())
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert_eq!(versions, vec![11], "one publication, for the last version");
    assert_eq!(c.document_text(&doc).await["text"], "xxxxxxxxxxStart.\n");
}

#[tokio::test]
async fn unknown_documents_and_positions_past_the_end_are_errors_but_edits_clamp() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let ghost = uri(&root.join("ghost.md"));
    let at = |u: &str, line: u32, character: u32| json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}});
    let r = c.request("textDocument/hover", at(&ghost, 0, 0)).await;
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    assert!(r["error"]["message"].as_str().unwrap().contains("unknown document"));
    for (method, params) in [
        ("textDocument/definition", at(&ghost, 0, 0)),
        ("textDocument/documentSymbol", json!({"textDocument": {"uri": ghost}})),
        ("textDocument/codeAction", json!({"textDocument": {"uri": ghost}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}})),
        ("copydesk/documentText", json!({"uri": ghost})),
    ] {
        let r = c.request(method, params).await;
        assert_eq!(error_code(&r), Some(-32602), "{method}: {r}");
    }

    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "one\ntwo\n").await;
    let r = c.request("textDocument/hover", at(&doc, 5, 0)).await;
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    // A column past the end of a line is the line end, as the protocol says.
    let r = c.request("textDocument/hover", at(&doc, 1, 80)).await;
    assert_eq!(r["result"], Value::Null, "{r}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 9, "character": 0}, "end": {"line": 12, "character": 4}}, "text": "three"}]}),
    )
    .await;
    assert_eq!(c.document_text(&doc).await["text"], "one\ntwo\nthree");
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": doc}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 2, "character": 5}}, "context": {"diagnostics": []}})).await;
    assert_eq!(r["result"], json!([]), "no findings, no actions: {r}");
}

#[tokio::test]
async fn malformed_messages_get_error_responses_and_the_server_keeps_going() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    c.raw("{this is not json").await;
    let parse_error = c.wait_for("parse error", |m| m.get("error").is_some() && m["id"].is_null()).await;
    assert_eq!(error_code(&parse_error), Some(-32700));
    c.raw(r#"{"jsonrpc":"2.0","id":"odd","method":42}"#).await;
    let invalid = c.wait_for("invalid request", |m| m["id"] == "odd").await;
    assert_eq!(error_code(&invalid), Some(-32600));
    // Garbage between frames costs one error, not the stream.
    c.writer.lock().await.write_all(b"garbage line\r\n\r\n").await.unwrap();
    c.wait_for("header error", |m| error_code(m) == Some(-32700) && m["id"].is_null()).await;
    let r = c.request("textDocument/hover", json!({"bogus": true})).await;
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    let r = c.request("copydesk/noSuchMethod", json!({})).await;
    assert_eq!(error_code(&r), Some(-32601), "{r}");
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Still here.").await;
    assert_eq!(c.document_text(&doc).await["text"], "Still here.");
}

#[tokio::test]
async fn configuration_changes_reindex_the_corpus_and_report_bad_settings() {
    let (_d, root) = workspace();
    let mut c = Client::spawn();
    *c.workspace_config.lock().unwrap() = json!({"corpus": ["corpus/b.txt"]});
    let root_uri = uri(&root);
    let init = c.request("initialize", json!({"processId": null, "rootUri": root_uri, "capabilities": base_capabilities()})).await;
    assert!(init.get("error").is_none());
    c.notify("initialized", json!({})).await;
    c.indexed(1).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Text.").await;
    assert_eq!(c.diagnostics_for(&doc).await["params"]["version"], 1);

    *c.workspace_config.lock().unwrap() = json!({"corpus": "corpus", "rules": {"no-such-rule": "off", "time-conflict": "error"}});
    c.notify("workspace/didChangeConfiguration", json!({"settings": {}})).await;
    let warning = c.wait_for("settings warning", |m| m["method"] == "window/showMessage").await;
    assert!(warning["params"]["message"].as_str().unwrap().contains("no-such-rule"), "{warning}");
    c.indexed(2).await;
    // Open documents are re-checked against the new corpus.
    assert_eq!(c.diagnostics_for(&doc).await["params"]["version"], 1);
}

#[tokio::test]
async fn the_reindex_command_rebuilds_and_reports_the_corpus_size() {
    let (_d, root) = workspace();
    let mut c = Client::spawn();
    let init = c
        .request("initialize", json!({"processId": null, "rootUri": uri(&root), "capabilities": base_capabilities(), "initializationOptions": {"corpus": [root.join("corpus")]}}))
        .await;
    let commands = &init["result"]["capabilities"]["executeCommandProvider"]["commands"];
    assert_eq!(commands, &json!(["copydesk.reindex"]), "{init}");
    c.notify("initialized", json!({})).await;
    c.indexed(2).await;
    let first = c.wait_for("size notification", |m| m["method"] == "copydesk/indexed").await;
    assert_eq!(first["params"]["documents"], 2);
    assert!(first["params"]["facts"].as_u64().unwrap() > 0, "{first}");
    let r = c.request("workspace/executeCommand", json!({"command": "copydesk.reindex", "arguments": []})).await;
    assert!(r.get("error").is_none(), "{r}");
    c.indexed(2).await;
    c.wait_for("size notification again", |m| m["method"] == "copydesk/indexed").await;
    let r = c.request("workspace/executeCommand", json!({"command": "no.such.command"})).await;
    assert!(error_code(&r).is_some(), "{r}");
}

#[tokio::test]
async fn initialization_options_beat_workspace_settings_and_copydesk_toml() {
    let (_d, root) = workspace();
    std::fs::write(root.join("copydesk.toml"), "corpus = [\"corpus\"]\n").unwrap();
    let mut c = Client::spawn();
    *c.workspace_config.lock().unwrap() = json!({"corpus": ["corpus"]});
    let init = c
        .request("initialize", json!({"processId": null, "rootUri": uri(&root), "capabilities": base_capabilities(), "initializationOptions": {"corpus": [root.join("corpus/a.txt")]}}))
        .await;
    assert!(init.get("error").is_none());
    c.notify("initialized", json!({})).await;
    c.indexed(1).await;
}

#[tokio::test]
async fn a_workspace_without_a_corpus_says_so_and_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let note = c.wait_for("no-corpus message", |m| m["method"] == "window/showMessage").await;
    assert!(note["params"]["message"].as_str().unwrap().contains("no corpus configured"), "{note}");
    c.indexed(0).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Text.").await;
    assert_eq!(c.diagnostics_for(&doc).await["params"]["diagnostics"], json!([]));
}

#[tokio::test]
async fn copydesk_toml_is_read_and_watched_through_the_client() {
    let (_d, root) = workspace();
    std::fs::write(root.join("copydesk.toml"), "corpus = [\"corpus/a.txt\"]\n").unwrap();
    let mut caps = base_capabilities();
    caps["workspace"]["didChangeWatchedFiles"] = json!({"dynamicRegistration": true, "relativePatternSupport": true});
    let (mut c, _) = Client::start(&root, caps, Value::Null).await;
    c.indexed(1).await;
    let reg = c.wait_for("watcher registration", |m| m["method"] == "client/registerCapability").await;
    let registration = &reg["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let watchers = registration["registerOptions"]["watchers"].as_array().unwrap();
    assert!(watchers.iter().any(|w| w["globPattern"]["pattern"] == "copydesk.toml"), "{watchers:?}");

    std::fs::write(root.join("copydesk.toml"), "corpus = [\"corpus\"]\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&root.join("copydesk.toml")), "type": 2}]})).await;
    c.indexed(2).await;

    std::fs::write(root.join("corpus/c.txt"), "A third article.\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&root.join("corpus/c.txt")), "type": 1}]})).await;
    c.indexed(3).await;
}

#[tokio::test]
async fn without_client_watchers_the_server_watches_the_corpus_itself() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    c.indexed(2).await;
    // Give the watcher a moment to be installed after the first index.
    tokio::time::sleep(Duration::from_millis(200)).await;
    std::fs::write(root.join("corpus/c.txt"), "A third article.\n").unwrap();
    c.indexed(3).await;
}

#[tokio::test]
async fn a_client_that_never_answers_still_gets_diagnostics() {
    let (_d, root) = workspace();
    let mut c = Client::spawn();
    c.answer_requests.store(false, std::sync::atomic::Ordering::SeqCst);
    let mut caps = base_capabilities();
    caps["workspace"]["didChangeWatchedFiles"] = json!({"dynamicRegistration": true});
    let init = c.request("initialize", json!({"processId": null, "rootUri": uri(&root), "capabilities": caps})).await;
    assert!(init.get("error").is_none());
    c.notify("initialized", json!({})).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Text.").await;
    assert_eq!(c.diagnostics_for(&doc).await["params"]["version"], 1);
    let asked: Vec<&str> = c.log.iter().filter(|m| m.get("id").is_some()).filter_map(|m| m["method"].as_str()).collect();
    assert!(asked.contains(&"workspace/configuration") && asked.contains(&"window/workDoneProgress/create"), "{asked:?}");
}

#[tokio::test]
async fn pull_diagnostics_report_full_then_unchanged() {
    let (_d, root) = workspace();
    let mut caps = base_capabilities();
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let (mut c, init) = Client::start(&root, caps, json!({"debounceMs": 150})).await;
    assert_eq!(init["capabilities"]["diagnosticProvider"]["identifier"], "copydesk");
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Text.").await;
    let first = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": doc}})).await;
    assert_eq!(first["result"]["kind"], "full", "{first}");
    assert_eq!(first["result"]["items"], json!([]));
    let id = first["result"]["resultId"].clone();
    let again = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": doc}, "previousResultId": id})).await;
    assert_eq!(again["result"]["kind"], "unchanged", "{again}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": "Other text."}]}),
    )
    .await;
    let asked = std::time::Instant::now();
    let after = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": doc}, "previousResultId": id})).await;
    assert_eq!(after["result"]["kind"], "full", "{after}");
    assert!(asked.elapsed() >= Duration::from_millis(100), "a pull right after an edit waits out the debounce");
    assert_ne!(after["result"]["resultId"], id);
    c.settle(Duration::from_millis(400)).await;
    assert!(!c.log.iter().any(|m| m["method"] == "textDocument/publishDiagnostics"), "pull clients get no pushed diagnostics");
}

#[tokio::test]
async fn over_the_live_check_limit_pulls_return_the_last_result_until_a_save() {
    let (_d, root) = workspace();
    let mut caps = base_capabilities();
    caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    let (mut c, _) = Client::start(&root, caps, json!({"debounceMs": 0, "limits": {"max_live_check_kb": 1}})).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, &"The council met on Tuesday. ".repeat(50)).await;
    let pull = |previous: Value| json!({"textDocument": {"uri": doc}, "previousResultId": previous});
    let first = c.request("textDocument/diagnostic", pull(Value::Null)).await;
    let id = first["result"]["resultId"].clone();
    assert!(id.as_str().is_some_and(|i| i.starts_with("1.")), "{first}");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": doc, "version": 2}, "contentChanges": [{"text": "The council met on Monday. ".repeat(50)}]})).await;
    let unsaved = c.request("textDocument/diagnostic", pull(id.clone())).await;
    assert_eq!(unsaved["result"]["kind"], "unchanged", "no check between saves: {unsaved}");
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": doc}})).await;
    let saved = c.request("textDocument/diagnostic", pull(id)).await;
    assert_eq!(saved["result"]["kind"], "full", "{saved}");
    assert!(saved["result"]["resultId"].as_str().is_some_and(|i| i.starts_with("2.")), "{saved}");
}

#[tokio::test]
async fn closing_clears_diagnostics_and_forgets_the_document() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let doc = uri(&root.join("draft.md"));
    c.open(&doc, "Text.").await;
    c.diagnostics_for(&doc).await;
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": doc}})).await;
    let cleared = c.diagnostics_for(&doc).await;
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    assert!(cleared["params"].get("version").is_none_or(Value::is_null));
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 0, "character": 0}})).await;
    assert_eq!(error_code(&r), Some(-32602));
}

#[tokio::test]
async fn shutdown_then_exit_ends_the_server() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let r = c.request("shutdown", Value::Null).await;
    assert_eq!(r["result"], Value::Null);
    assert!(r.get("error").is_none());
    c.notify("exit", Value::Null).await;
    tokio::time::timeout(Duration::from_secs(5), &mut c.server).await.expect("the server stops on exit").unwrap();
}

// ---- These assert on real findings from the engine. ----

#[tokio::test]
async fn hover_and_outline_show_an_extracted_quote() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let doc = uri(&root.join("draft.md"));
    let text = "Council leader Jane Holt said: \"We have a plan for the bridge and we will fund it.\"\n";
    c.open(&doc, text).await;
    c.diagnostics_for(&doc).await;
    let col = text[..text.find("plan").unwrap()].encode_utf16().count();
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 0, "character": col}})).await;
    let md = r["result"]["contents"]["value"].as_str().unwrap_or_else(|| panic!("{r}"));
    assert!(md.contains("Quote") && md.contains("Jane Holt"), "{md}");
    assert!(md.contains("Word for word in:** `a.txt:3`"), "{md}");
    let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": doc}})).await;
    let groups: Vec<&str> = r["result"].as_array().unwrap().iter().filter_map(|g| g["name"].as_str()).collect();
    assert_eq!(groups, ["People", "Quotes"], "{r}");
    // A person: what the corpus knows of them, with the source of each title.
    let col_name = text[..text.find("Holt").unwrap()].encode_utf16().count();
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": {"line": 0, "character": col_name}})).await;
    let md = r["result"]["contents"]["value"].as_str().unwrap_or_else(|| panic!("{r}"));
    assert!(md.contains("Person") && md.contains("in the corpus as **Jane Holt**") && md.contains("title in `a.txt:3`: leader"), "{md}");
    let r = c.request("textDocument/definition", json!({"textDocument": {"uri": doc}, "position": {"line": 0, "character": col}})).await;
    assert_eq!(r["result"][0]["uri"], uri(&root.join("corpus/a.txt")), "{r}");
}

#[tokio::test]
async fn a_time_conflict_reaches_diagnostics_hover_and_code_actions() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    let doc = uri(&root.join("draft.md"));
    let text = "# Bridge\r\n\r\nThe county council met at 11:00 GMT on Tuesday.\r\n";
    c.open(&doc, text).await;
    let published = c.diagnostics_for(&doc).await;
    let diags = published["params"]["diagnostics"].as_array().unwrap();
    let d = diags.iter().find(|d| d["code"] == "time-conflict").unwrap_or_else(|| panic!("{published}"));
    assert_eq!(d["source"], "copydesk");
    assert!(d["codeDescription"]["href"].as_str().unwrap().ends_with("#time-conflict"));
    assert_eq!(d["relatedInformation"][0]["location"]["uri"], uri(&root.join("corpus/a.txt")));
    assert_eq!(d["range"]["start"]["line"], 2);
    let pos = d["range"]["start"].clone();
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": doc}, "position": pos})).await;
    let md = r["result"]["contents"]["value"].as_str().unwrap_or_else(|| panic!("{r}"));
    assert!(md.contains("The draft says") && md.contains("a.txt:2"), "{md}");
    let r = c
        .request("textDocument/codeAction", json!({"textDocument": {"uri": doc}, "range": d["range"], "context": {"diagnostics": [d]}}))
        .await;
    let actions = r["result"].as_array().unwrap();
    let ignore = actions.iter().find(|a| a["title"].as_str().unwrap().starts_with("Ignore this finding")).unwrap();
    let edit = &ignore["edit"]["changes"][&doc][0];
    assert_eq!(edit["newText"], "<!-- copydesk-ignore time-conflict -->\r\n");
    assert_eq!(edit["range"]["start"], json!({"line": 2, "character": 0}));
    let r = c.request("textDocument/definition", json!({"textDocument": {"uri": doc}, "position": pos})).await;
    assert_eq!(r["result"][0]["uri"], uri(&root.join("corpus/a.txt")), "{r}");
}

#[tokio::test]
async fn a_misspelled_name_gets_a_quick_fix_that_applies_cleanly() {
    let (_d, root) = workspace();
    let mut caps = base_capabilities();
    caps["general"]["positionEncodings"] = json!(["utf-8"]);
    let (mut c, _) = Client::start(&root, caps, Value::Null).await;
    let doc = uri(&root.join("draft.md"));
    let text = "# Brücke 😀\n\nThe county council met at 1000 GMT on Tuesday. Council leader Jane Hollt said the plan was ready.\n";
    c.open(&doc, text).await;
    let published = c.diagnostics_for(&doc).await;
    let d = published["params"]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "name-misspelled").cloned().unwrap_or_else(|| panic!("{published}"));
    // UTF-8 columns: bytes from the start of the line.
    let line = text.lines().nth(2).unwrap();
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": line.find("Hollt").unwrap()}));
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": doc}, "range": d["range"], "context": {"diagnostics": [d]}})).await;
    let fix = r["result"].as_array().unwrap().iter().find(|a| a["isPreferred"] == true).cloned().unwrap_or_else(|| panic!("{r}"));
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][&doc][0];
    assert_eq!(edit["newText"], "Holt");
    assert_eq!(edit["range"], d["range"]);
}

#[tokio::test]
async fn completion_offers_people_named_in_the_corpus() {
    let (_d, root) = workspace();
    let (mut c, _) = Client::start(&root, base_capabilities(), Value::Null).await;
    c.indexed(2).await;
    let doc = uri(&root.join("draft.md"));
    let text = "Council leader Ja\nSaid Ho\nthe council";
    c.open(&doc, text).await;
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}});
    let r = c.request("textDocument/completion", at(0, 17)).await;
    let items = r["result"]["items"].as_array().unwrap_or_else(|| panic!("{r}"));
    let jane = items.iter().find(|i| i["label"] == "Jane Holt").unwrap_or_else(|| panic!("{r}"));
    assert_eq!(jane["textEdit"]["range"], json!({"start": {"line": 0, "character": 15}, "end": {"line": 0, "character": 17}}));
    let r = c.request("textDocument/completion", at(1, 7)).await;
    let holt = r["result"]["items"].as_array().unwrap().iter().find(|i| i["label"] == "Holt").cloned().unwrap_or_else(|| panic!("{r}"));
    assert_eq!(holt["detail"], "Jane Holt");
    let r = c.request("textDocument/completion", at(2, 11)).await;
    assert_eq!(r["result"], Value::Null, "lower-case words are prose: {r}");
}
