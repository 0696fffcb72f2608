//! The real binary over stdio: it must speak only LSP on stdout and leave when told to.

mod common;

use common::{frame, read_frame, wait_exit};
use serde_json::json;
use std::io::{BufReader, Write};
use std::process::{Command, Stdio};

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["serve"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}))).unwrap();
    stdin.flush().unwrap();
    assert_eq!(read_frame(&mut stdout).expect("an initialize response")["id"], 1);
    stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "method": "exit"}))).unwrap();
    stdin.flush().unwrap();
    assert_eq!(wait_exit(&mut child).code(), Some(1));
    drop(stdin);
}

#[test]
fn serve_stdio_initializes_and_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["serve", "--stdio"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let root = format!("file://{}", dir.path().canonicalize().unwrap().display());
    stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": root, "capabilities": {}}}))).unwrap();
    stdin.flush().unwrap();
    let init = read_frame(&mut stdout).expect("an initialize response");
    assert_eq!(init["id"], 1);
    assert_eq!(init["result"]["serverInfo"]["name"], "copydesk");
    stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))).unwrap();
    stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))).unwrap();
    stdin.flush().unwrap();
    // Skip notifications (log messages, diagnostics) up to the shutdown response.
    loop {
        let msg = read_frame(&mut stdout).expect("a shutdown response");
        if msg["id"] == 2 {
            assert!(msg.get("error").is_none(), "{msg}");
            break;
        }
    }
    stdin.write_all(&frame(&json!({"jsonrpc": "2.0", "method": "exit"}))).unwrap();
    stdin.flush().unwrap();
    // stdin stays open, as editors keep it: the server must leave on `exit` alone.
    let status = wait_exit(&mut child);
    assert!(status.success(), "{status}");
    drop(stdin);
}
