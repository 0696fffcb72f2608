//! The language server. The only module that knows about LSP.
//!
//! `copydesk serve [--stdio]` speaks LSP 3.17 on stdio:
//! - sync: incremental; positions in UTF-8 when the client offers it, else UTF-16.
//! - diagnostics: pushed after a debounce, tagged with the document version, or pulled
//!   (`textDocument/diagnostic`) when the client supports that. Each carries `code`,
//!   `source: "copydesk"`, `codeDescription` (README anchor) and the evidence as
//!   `relatedInformation`.
//! - hover, go to definition (evidence, or a quote's place in the corpus), quick fixes plus
//!   "Ignore this finding", document symbols (quotes, times, counts), completion of people the
//!   corpus names.
//! - `copydesk/documentText` `{uri}` → `{version, text}`: the server's copy of a document.
//!
//! Settings, most specific first: `initializationOptions`, the `copydesk` section of
//! `workspace/configuration` (or of `didChangeConfiguration` for push-style clients),
//! `copydesk.toml` in the workspace root, then `corpus/` in the root. Keys:
//! `corpus` (path, glob or list; relative to the root), `rules` (`{code: severity|"off"}`),
//! `debounceMs` (default 150), `limits` (the `[limits]` keys of copydesk.toml). A draft over
//! `max_live_check_kb` is checked when opened and saved (`didSave`), not per keystroke, and the
//! writer is told once. Logs go to stderr, filtered by `COPYDESK_LOG` (default `warn`).

mod framing;
mod position;
mod present;
mod server;
mod settings;
#[cfg(unix)]
mod stdin;

pub use position::{apply_change, Encoding};
pub use present::RULE_DOCS_URL;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// Requests that may run at once. Above the library's default of 4 because a pull-diagnostics
/// request waiting for the first corpus index must not hold up hovers.
const CONCURRENCY: usize = 32;
const PIPE_BUFFER: usize = 1 << 16;

/// Custom request: `{uri}` → `{version, text}`, the server's copy of an open document.
pub const DOCUMENT_TEXT_METHOD: &str = "copydesk/documentText";

/// Serve LSP on stdio until the client exits; returns the process exit code.
pub fn serve() -> i32 {
    init_tracing();
    // A small, long-lived pool of blocking threads: threads that come and go with every burst of
    // checks leave stacks and allocator caches behind, and a day-long session's memory creeps
    // (RELIABILITY.md, "Soak"; the allocator itself is chosen in main.rs).
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .thread_keep_alive(std::time::Duration::from_secs(3600))
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("copydesk: cannot start the async runtime: {e}");
            return 2;
        }
    };
    let (frames, written) = match framing::spawn_writer(std::io::stdout()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("copydesk: cannot start the output thread: {e}");
            return 2;
        }
    };
    // On a worker, not on this thread: a task the session spawns (the check after a keystroke)
    // then starts on the same worker as soon as the session waits for input again, instead of
    // waiting for a sleeping worker to be woken (40-80 µs on a small virtual machine).
    let session = runtime.spawn(async move { serve_frames(input(), frames).await });
    if let Err(e) = runtime.block_on(session) {
        tracing::error!("the session ended abnormally: {e}");
    }
    // The last frames, the answer to `shutdown` among them, may still be on their way out.
    written.wait(std::time::Duration::from_secs(2));
    // tokio's stdin reader sits on a blocking thread that would keep the process alive after
    // `exit`, orphaned behind the editor. The protocol asks for 1 when `exit` (or the end of
    // input) came without `shutdown`.
    std::process::exit(if SHUTDOWN_REQUESTED.load(std::sync::atomic::Ordering::SeqCst) { 0 } else { 1 })
}

/// Standard input for the session; registering it with the poller needs the runtime.
fn input() -> Box<dyn AsyncRead + Unpin + Send> {
    #[cfg(unix)]
    return stdin::stdin();
    #[cfg(not(unix))]
    return Box::new(tokio::io::stdin());
}

/// Set by the `shutdown` request; read only by `serve`, which runs one server per process.
pub(crate) static SHUTDOWN_REQUESTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Serve LSP over any byte streams (stdio, or an in-memory pipe in tests) until `exit` or EOF.
pub async fn serve_io<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (frames, frames_rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::join!(serve_frames(input, framing::OutFrames::Task(frames)), framing::pump_output(output, frames_rx));
}

/// Serve LSP from `input` until `exit` or EOF, handing every frame for the client to `frames`
/// and the frame `None` at the end.
async fn serve_frames<I: AsyncRead + Unpin>(input: I, frames: framing::OutFrames) {
    let own_frames = frames.clone();
    let (service, socket) = LspService::build(move |client| server::Backend::new(client, own_frames))
        .custom_method(DOCUMENT_TEXT_METHOD, server::Backend::document_text)
        .finish();
    let (to_server, server_input) = tokio::io::duplex(PIPE_BUFFER);
    let (server_output, from_server) = tokio::io::duplex(PIPE_BUFFER);
    let server = Server::new(server_input, server_output, socket).concurrency_level(CONCURRENCY).serve(service);
    let session = async {
        tokio::join!(server, framing::pump_server_output(from_server, frames.clone()));
    };
    tokio::pin!(session);
    tokio::select! {
        _ = &mut session => {}
        // End of input closes the server's input, and the session then winds down by itself.
        _ = framing::pump_input(input, to_server, frames.clone()) => session.await,
    }
}

/// Hands the memory this thread's allocator cache holds back to the shared arena. A blocking
/// thread may sit idle for an hour after a check or an index build, and jemalloc trims a thread's
/// cache only as that thread allocates again, so without this each idle thread keeps up to a few
/// hundred KB of freed memory that the background purge cannot reach (RELIABILITY.md, "Soak").
/// Costs a few microseconds per call; the cache still serves the allocations within one call.
#[cfg(not(target_env = "msvc"))]
fn release_thread_cache() {
    // SAFETY: `thread.tcache.flush` reads and writes no value; where the thread has no cache it
    // returns an error code, which changes nothing.
    unsafe {
        tikv_jemalloc_sys::mallctl(c"thread.tcache.flush".as_ptr(), std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut(), 0);
    }
}

#[cfg(target_env = "msvc")]
fn release_thread_cache() {}

/// Threads for checks, corpus indexing and file IO; requests beyond them wait.
const BLOCKING_THREADS: usize = 6;

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    // stdout carries the protocol; logs must go to stderr.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(false).try_init();
}

/// An engine call that panicked or could not be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineError {
    pub what: &'static str,
    pub message: String,
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "copydesk {} failed: {}", self.what, self.message)
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Polls a future, turning a panic in any poll into `Err` instead of unwinding into the
/// transport, which would end the session.
struct CatchPanic<F> {
    inner: std::pin::Pin<Box<F>>,
}

impl<F: std::future::Future> std::future::Future for CatchPanic<F> {
    type Output = Result<F::Output, String>;
    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        let inner = self.inner.as_mut();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(std::task::Poll::Ready(v)) => std::task::Poll::Ready(Ok(v)),
            Ok(std::task::Poll::Pending) => std::task::Poll::Pending,
            Err(payload) => std::task::Poll::Ready(Err(panic_message(payload.as_ref()))),
        }
    }
}

pub(crate) fn isolate_panics<F: std::future::Future>(f: F) -> impl std::future::Future<Output = Result<F::Output, String>> {
    CatchPanic { inner: Box::pin(f) }
}

/// Run engine code off the async executor, turning a panic into an error for this one request.
pub(crate) async fn blocking<T, F>(what: &'static str, f: F) -> Result<T, EngineError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let run = tokio::task::spawn_blocking(move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        release_thread_cache();
        result
    });
    match run.await {
        Ok(result) => engine_result(what, result),
        Err(e) => Err(EngineError { what, message: e.to_string() }),
    }
}

/// Where engine code runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RunOn {
    /// The blocking pool: the caller's thread goes on serving other futures meanwhile. For
    /// request handlers, which tower-lsp-server polls inside its own loop: blocking their thread
    /// would hold up every message behind them.
    BlockingPool,
    /// This thread, which the runtime gives up as a worker for the time being (tokio's
    /// `block_in_place`): two hand-offs fewer — to a pool thread and back — each 40–80 µs on a
    /// small virtual machine whose idle cores sleep, on the way from a keystroke to its
    /// diagnostics. Only for a task spawned for the purpose; on a single-threaded runtime
    /// (tests) this falls back to the pool.
    ThisTask,
}

/// `blocking`, on the thread `on` says.
pub(crate) async fn run_engine<T, F>(what: &'static str, on: RunOn, f: F) -> Result<T, EngineError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let multi_threaded = tokio::runtime::Handle::try_current().is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread);
    if on == RunOn::BlockingPool || !multi_threaded {
        return blocking(what, f).await;
    }
    let result = tokio::task::block_in_place(|| {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        // This thread may go back to being an idle worker for an hour, like a pool thread.
        release_thread_cache();
        result
    });
    engine_result(what, result)
}

fn engine_result<T>(what: &'static str, result: std::thread::Result<T>) -> Result<T, EngineError> {
    result.map_err(|payload| {
        let message = panic_message(payload.as_ref());
        tracing::error!("{what} panicked: {message}");
        EngineError { what, message }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_engine_call_becomes_an_error() {
        let err = blocking("check", || -> u8 { panic!("boom at byte 7") }).await.unwrap_err();
        assert_eq!(err.what, "check");
        assert!(err.message.contains("boom at byte 7"));
        assert_eq!(blocking("check", || 5).await, Ok(5));
    }

    #[tokio::test]
    async fn a_panicking_handler_future_becomes_an_error() {
        let boom = async {
            tokio::task::yield_now().await;
            if "x".len() == 1 {
                panic!("handler bug");
            }
            3
        };
        assert_eq!(isolate_panics(boom).await, Err("handler bug".to_string()));
        assert_eq!(isolate_panics(async { 4 }).await, Ok(4));
    }
}
