//! A guard in front of tower-lsp-server's transport.
//!
//! tower-lsp-server stops reading — and so the whole server stops — at the first message it
//! cannot decode (tokio-util's `FramedRead` ends the stream after a decoder error). An editor
//! plugin sending one bad message should cost one error response, not the session. So input is
//! framed here first: well-formed messages go on to the server byte for byte, anything else is
//! answered here with a JSON-RPC error, written between the server's own frames.

use serde::Deserialize;
use serde_json::{json, Value};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_lsp_server::ls_types::Uri;

/// Larger bodies are skipped unread: no editor sends them, and reading them risks memory.
const MAX_BODY: usize = 64 << 20;

/// Header lines are short; a longer one is a body being read as headers after a wrong
/// Content-Length, and only its tail (where the next real header starts) is worth keeping.
const MAX_HEADER_LINE: usize = 4096;

/// Where frames for the client go, in the order they are sent; `None` means the server's output
/// has ended. Sending never waits: a client that is slow to read costs memory, not a stalled
/// server.
#[derive(Clone)]
pub(crate) enum OutFrames {
    /// Straight to the thread that writes stdout (`spawn_writer`): one hand-off from the
    /// thread that made a frame to the one that writes it.
    Thread(std::sync::mpsc::Sender<Option<Vec<u8>>>),
    /// To `pump_output`, a task that writes them to any async stream (in-memory pipes in tests).
    Task(mpsc::UnboundedSender<Option<Vec<u8>>>),
}

impl OutFrames {
    /// False when nobody writes frames any more: the session is over.
    pub(crate) fn send(&self, frame: Option<Vec<u8>>) -> bool {
        match self {
            OutFrames::Thread(tx) => tx.send(frame).is_ok(),
            OutFrames::Task(tx) => tx.send(frame).is_ok(),
        }
    }
}

pub(crate) fn frame(body: &[u8]) -> Vec<u8> {
    const HEADER: &[u8] = b"Content-Length: ";
    let mut digits = itoa::Buffer::new();
    let length = digits.format(body.len()).as_bytes();
    let mut out = Vec::with_capacity(HEADER.len() + length.len() + 4 + body.len());
    out.extend_from_slice(HEADER);
    out.extend_from_slice(length);
    out.extend_from_slice(b"\r\n\r\n");
    out.extend_from_slice(body);
    out
}

/// A notification of the server's own, framed for the client. The diagnostics published after
/// every keystroke go this way: tower-lsp-server's `Client` would turn them into a
/// `serde_json::Value` tree first and then into text, which costs several times the
/// serialisation itself on a draft whose diagnostics carry a hundred evidence sentences.
pub(crate) fn notification_frame<P: serde::Serialize>(method: &str, params: &P) -> Vec<u8> {
    #[derive(serde::Serialize)]
    struct Notification<'a, P> {
        jsonrpc: &'static str,
        method: &'a str,
        params: &'a P,
    }
    // Serialising plain data into memory cannot fail; an empty body would be dropped by any client.
    let body = serde_json::to_vec(&Notification { jsonrpc: "2.0", method, params }).unwrap_or_default();
    frame(&body)
}

/// `textDocument/publishDiagnostics` with its diagnostics written as a JSON array by
/// `diagnostics`, in the text `notification_frame` would make of it. `size_hint`: about how long
/// that array is.
pub(crate) fn publish_diagnostics_frame(uri: &Uri, version: Option<i32>, size_hint: usize, diagnostics: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut body = Vec::with_capacity(size_hint + 256);
    body.extend_from_slice(br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#);
    // Writing into memory cannot fail.
    let _ = serde_json::to_writer(&mut body, uri);
    body.extend_from_slice(br#","diagnostics":"#);
    diagnostics(&mut body);
    if let Some(version) = version {
        body.extend_from_slice(br#","version":"#);
        body.extend_from_slice(itoa::Buffer::new().format(version).as_bytes());
    }
    body.extend_from_slice(b"}}");
    frame(&body)
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    frame(json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}}).to_string().as_bytes())
}

/// What to do with one message body.
#[derive(Debug, PartialEq)]
pub(crate) enum Verdict {
    Forward,
    /// Answer with this error frame instead.
    Reject(Vec<u8>),
    /// A bad notification or response: there is no one to answer.
    Drop,
}

/// Mirrors what tower-lsp-server's decoder accepts: a JSON-RPC response, request or notification.
pub(crate) fn judge(body: &[u8]) -> Verdict {
    let Ok(text) = std::str::from_utf8(body) else { return Verdict::Reject(error_frame(Value::Null, -32700, "the message is not UTF-8")) };
    if text.trim().is_empty() {
        return Verdict::Drop;
    }
    // Nearly every message is a request or notification: one parse says so. Only the rest are
    // parsed again to find out what they are.
    if serde_json::from_str::<Request>(text).is_ok() {
        return Verdict::Forward;
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Verdict::Reject(error_frame(Value::Null, -32700, &format!("parse error: {e}"))),
    };
    if Response::deserialize(&value).is_ok() || Request::deserialize(&value).is_ok() {
        return Verdict::Forward;
    }
    match value.get("id") {
        Some(id @ (Value::Number(_) | Value::String(_))) => Verdict::Reject(error_frame(id.clone(), -32600, "invalid JSON-RPC request")),
        _ if value.get("method").is_some() => Verdict::Drop,
        _ => Verdict::Reject(error_frame(Value::Null, -32600, "invalid JSON-RPC message")),
    }
}

/// Reads one line, newline included, keeping at most `MAX_HEADER_LINE` bytes of it (the last
/// ones): a megabyte of garbage without a newline must not become a megabyte of memory.
async fn read_header_line<R: AsyncBufRead + Unpin>(reader: &mut R, line: &mut Vec<u8>) -> std::io::Result<usize> {
    line.clear();
    let mut total = 0;
    loop {
        let buf = reader.fill_buf().await?;
        if buf.is_empty() {
            return Ok(total);
        }
        let (n, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        line.extend_from_slice(&buf[..n]);
        reader.consume(n);
        total += n;
        if line.len() > MAX_HEADER_LINE {
            line.drain(..line.len() - MAX_HEADER_LINE);
        }
        if done {
            return Ok(total);
        }
    }
}

/// The length a header line gives. A wrong Content-Length leaves the reader in the middle of
/// a body, so the next real header arrives glued to the end of the body's tail: a header found
/// anywhere in a line counts, which puts the stream back in step one message later.
fn content_length(line: &str) -> Option<Option<usize>> {
    const NAME: &str = "content-length:";
    if let Some((name, value)) = line.split_once(':') {
        if name.trim().eq_ignore_ascii_case("content-length") {
            return Some(value.trim().parse().ok());
        }
    }
    let at = line.to_ascii_lowercase().rfind(NAME)?;
    Some(line[at + NAME.len()..].trim().parse().ok())
}

/// Reads framed messages from the client, forwarding good ones to `server` and answering bad
/// ones through `out`. Returns at end of input (dropping `server`, which ends the server).
pub(crate) async fn pump_input<I, S>(input: I, mut server: S, out: OutFrames)
where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    let mut line = Vec::new();
    loop {
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        // Header block: lines up to an empty one. Unknown headers are ignored, as is any
        // garbage before a block, so a stray byte costs one error and not the stream.
        loop {
            match read_header_line(&mut reader, &mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some(value) = content_length(text) {
                length = value;
            }
        }
        let Some(length) = length else {
            let _ = out.send(Some(error_frame(Value::Null, -32700, "a message without a valid Content-Length header")));
            continue;
        };
        if length > MAX_BODY {
            let _ = out.send(Some(error_frame(Value::Null, -32600, "message too large")));
            if tokio::io::copy(&mut (&mut reader).take(length as u64), &mut tokio::io::sink()).await.is_err() {
                return;
            }
            continue;
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        match judge(&body) {
            Verdict::Forward => {
                if server.write_all(&frame(&body)).await.is_err() || server.flush().await.is_err() {
                    return;
                }
            }
            Verdict::Reject(err) => {
                tracing::warn!("rejected a malformed message");
                let _ = out.send(Some(err));
            }
            Verdict::Drop => tracing::warn!("dropped a malformed notification"),
        }
    }
}

/// Splits the server's output into whole frames so error frames can go in between.
pub(crate) async fn pump_server_output<R: AsyncRead + Unpin>(from_server: R, out: OutFrames) {
    let mut reader = BufReader::new(from_server);
    let mut line = Vec::new();
    'frames: loop {
        let mut length = None;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => break 'frames,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                break;
            }
            if let Some(v) = text.strip_prefix("Content-Length:") {
                length = v.trim().parse::<usize>().ok();
            }
        }
        let Some(length) = length else { continue };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            break;
        }
        let _ = out.send(Some(frame(&body)));
    }
    let _ = out.send(None);
}

/// Signals when the writer thread has written everything it was given, or given up.
pub(crate) struct WriterDone(std::sync::mpsc::Receiver<()>);

impl WriterDone {
    /// Waits up to `limit` for the last frames to go out; a client that stopped reading must not
    /// keep the process alive.
    pub(crate) fn wait(self, limit: std::time::Duration) {
        let _ = self.0.recv_timeout(limit);
    }
}

/// Starts the thread that writes frames to `output` until the frame `None`. tokio's `Stdout`
/// would hand every write to the blocking pool and make its flush wait for that write: two
/// thread hand-offs per frame on the way from a keystroke to its diagnostics, and a third
/// through the task that drains the queue. Here whoever makes a frame hands it to this thread
/// once; the thread writes and flushes it, and the queue holds whatever the client has not
/// read yet.
pub(crate) fn spawn_writer<W: std::io::Write + Send + 'static>(mut output: W) -> std::io::Result<(OutFrames, WriterDone)> {
    let (frames, queued) = std::sync::mpsc::channel::<Option<Vec<u8>>>();
    let (done, done_rx) = std::sync::mpsc::channel();
    std::thread::Builder::new().name("copydesk-output".into()).spawn(move || {
        for frame in queued.iter().map_while(|f| f) {
            if output.write_all(&frame).and_then(|()| output.flush()).is_err() {
                break;
            }
        }
        let _ = done.send(());
    })?;
    Ok((OutFrames::Thread(frames), WriterDone(done_rx)))
}

/// Writes frames to the client until the server's output ends.
pub(crate) async fn pump_output<O: AsyncWrite>(output: O, mut frames: mpsc::UnboundedReceiver<Option<Vec<u8>>>) {
    tokio::pin!(output);
    while let Some(Some(f)) = frames.recv().await {
        if output.write_all(&f).await.is_err() || output.flush().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publication_from_ready_json_is_the_one_serde_writes() {
        use std::str::FromStr;
        use tower_lsp_server::ls_types::{notification, Diagnostic, Position, PublishDiagnosticsParams, Range};
        let uri = Uri::from_str("file:///d/dr%C3%A4ft%20one.md").unwrap();
        let diagnostics = vec![
            Diagnostic::new_simple(Range::new(Position::new(1, 2), Position::new(1, 9)), "the “sources” say\n10:00".into()),
            Diagnostic::new_simple(Range::default(), String::new()),
        ];
        for (diagnostics, version) in [(diagnostics.clone(), Some(7)), (diagnostics, None), (Vec::new(), None)] {
            let array = serde_json::to_vec(&diagnostics).unwrap();
            let params = PublishDiagnosticsParams { uri: uri.clone(), diagnostics, version };
            let expected = notification_frame(<notification::PublishDiagnostics as notification::Notification>::METHOD, &params);
            let ours = publish_diagnostics_frame(&uri, version, 0, |out| out.extend_from_slice(&array));
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(expected).unwrap());
        }
    }

    fn rejected_code(v: Verdict) -> (Value, i64) {
        let Verdict::Reject(f) = v else { panic!("{v:?}") };
        let body = &f[f.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
        let v: Value = serde_json::from_slice(body).unwrap();
        (v["id"].clone(), v["error"]["code"].as_i64().unwrap())
    }

    #[test]
    fn judges_messages_like_the_server_would() {
        assert_eq!(judge(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#), Verdict::Forward);
        assert_eq!(judge(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#), Verdict::Forward);
        assert_eq!(judge(br#"{"jsonrpc":"2.0","id":4,"result":null}"#), Verdict::Forward);
        assert_eq!(rejected_code(judge(b"{not json")), (Value::Null, -32700));
        assert_eq!(rejected_code(judge(b"\xff\xfe")), (Value::Null, -32700));
        assert_eq!(rejected_code(judge(br#"{"id":9,"method":5}"#)), (json!(9), -32600));
        assert_eq!(rejected_code(judge(b"[1,2]")), (Value::Null, -32600));
        assert_eq!(judge(br#"{"method":"x","params":[]}"#), Verdict::Drop);
    }

    #[test]
    fn a_header_glued_to_the_tail_of_a_body_is_found() {
        assert_eq!(content_length("Content-Length: 52"), Some(Some(52)));
        assert_eq!(content_length("content-length : 7"), Some(Some(7)));
        assert_eq!(content_length("Content-Length: many"), Some(None));
        assert_eq!(content_length(r#"n":1}}Content-Length: 60"#), Some(Some(60)));
        assert_eq!(content_length("Content-Type: application/vscode-jsonrpc"), None);
    }

    #[tokio::test]
    async fn a_long_line_keeps_only_its_tail() {
        let mut input = vec![b'x'; 3 * MAX_HEADER_LINE];
        input.extend_from_slice(b"Content-Length: 5\r\nrest");
        let mut reader = BufReader::with_capacity(64, &input[..]);
        let mut line = Vec::new();
        assert_eq!(read_header_line(&mut reader, &mut line).await.unwrap(), input.len() - 4);
        assert_eq!(line.len(), MAX_HEADER_LINE);
        assert!(line.ends_with(b"xContent-Length: 5\r\n"));
        assert_eq!(read_header_line(&mut reader, &mut line).await.unwrap(), 4);
        assert_eq!(line, b"rest");
    }
}
