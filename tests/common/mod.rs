//! The real binary over stdio, for tests that speak JSON-RPC to it the way an editor does.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// Long enough for a release build to check a large draft on a busy machine; a hung server
/// fails the test instead of hanging it.
pub const WAIT: Duration = Duration::from_secs(120);

pub fn frame(v: &Value) -> Vec<u8> {
    let body = v.to_string();
    format!("Content-Length: {}\r\n\r\n{}", body.len(), body).into_bytes()
}

/// One message from the server. Anything on stdout but LSP frames is a failure: stdout carries
/// the protocol.
pub fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(": ").expect("a header line");
        assert_eq!(name, "Content-Length", "unexpected bytes on stdout: {line}");
        length = value.parse::<usize>().ok();
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("JSON on stdout"))
}

pub fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the server did not exit after `exit`");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub fn file_uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

pub fn error_code(msg: &Value) -> Option<i64> {
    msg.get("error").and_then(|e| e["code"].as_i64())
}

/// `copydesk serve` as a child process, with a thread reading its stdout.
pub struct StdioServer {
    pub child: Child,
    stdin: ChildStdin,
    inbox: Receiver<Value>,
    /// Server notifications (and answered server requests) read so far, in order.
    pub log: Vec<Value>,
    /// Messages read while waiting for something else, not yet claimed.
    pub unclaimed: Vec<Value>,
    next_id: i64,
}

impl StdioServer {
    pub fn spawn(cwd: &Path) -> StdioServer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["serve", "--stdio"])
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, inbox) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            while let Some(msg) = read_frame(&mut stdout) {
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        StdioServer { child, stdin, inbox, log: Vec::new(), unclaimed: Vec::new(), next_id: 1 }
    }

    /// Spawned in `root`, initialized with it as the workspace and `options` as
    /// `initializationOptions`; waits for the corpus to be indexed when `indexed`.
    pub fn start(root: &Path, options: Value, indexed: bool) -> StdioServer {
        let mut s = StdioServer::spawn(root);
        let init = s.request("initialize", json!({"processId": null, "rootUri": file_uri(root), "capabilities": {}, "initializationOptions": options}));
        assert!(init.get("result").is_some(), "{init}");
        s.notify("initialized", json!({}));
        if indexed {
            s.wait_for("the corpus to be indexed", |m| m["method"] == "copydesk/indexed");
        }
        s
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("the server reads its input");
        self.stdin.flush().unwrap();
    }

    pub fn send(&mut self, msg: &Value) {
        self.send_raw(&frame(msg));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (result or error).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(&format!("the response to {method}"), |m| m["id"] == id && m.get("method").is_none())
    }

    fn next_message(&mut self, deadline: Instant, what: &str) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = match self.inbox.recv_timeout(left) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}; read so far: {:?}", self.log),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output while we waited for {what}: {:?}", self.child.try_wait()),
        };
        // The server asks for settings, progress tokens and watchers; a plain client answers null.
        if let (Some(id), Some(method)) = (msg.get("id"), msg["method"].as_str()) {
            let result = if method == "workspace/configuration" { json!([null]) } else { Value::Null };
            self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
        }
        if msg.get("method").is_some() {
            self.log.push(msg.clone());
        }
        msg
    }

    /// The first message (earlier unclaimed ones included) that `pred` accepts.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unclaimed.iter().position(&pred) {
            return self.unclaimed.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let msg = self.next_message(deadline, what);
            if pred(&msg) {
                return msg;
            }
            self.unclaimed.push(msg);
        }
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}));
    }

    pub fn document_text(&mut self, uri: &str) -> Value {
        let r = self.request("copydesk/documentText", json!({"uri": uri}));
        r.get("result").cloned().unwrap_or_else(|| panic!("no text for {uri}: {r}"))
    }

    /// `shutdown` answered and `exit` obeyed: the server was still serving.
    pub fn shutdown_and_exit(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let status = wait_exit(&mut self.child);
        assert!(status.success(), "{status}");
    }
}

impl Drop for StdioServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
