//! The protocol handlers and the state they share.
//!
//! Ordering: tower-lsp-server starts handlers in arrival order but runs them concurrently. Edits
//! are therefore applied in the *synchronous* part of `did_change` (before its first `.await`),
//! under the document's lock, so they land strictly in the order the client sent them. Everything
//! slow (checking, extracting, loading the corpus) runs off the async workers — on blocking
//! threads, or for the check after a keystroke on its own task's thread, which the runtime stops
//! using as a worker meanwhile (`RunOn::ThisTask`) — tagged with the
//! document version and engine generation it was computed from; results for anything older
//! than the current state are dropped.

use super::position::{apply_change, byte_of_position, range_of_span, Encoding, LineStarts};
use super::present::{self, Agreement, FactItem};
use super::settings::{self, Layer, Settings, CONFIG_FILE, DEFAULT_CORPUS_DIR};
use super::{blocking, isolate_panics, run_engine, EngineError, RunOn};
use crate::config::Config;
use crate::corpus::load::{load_paths_with_progress, LoadOptions};
use crate::facts::FactBase;
use crate::finding::Finding;
use crate::text::Span;
use dashmap::DashMap;
use ropey::Rope;
use serde_json::Value;
use std::collections::HashMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::{watch, Notify, Semaphore};
use tokio::task::AbortHandle;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

/// How long to wait for more corpus file events before re-indexing.
const REINDEX_SETTLE: Duration = Duration::from_millis(200);
const WATCH_REGISTRATION_ID: &str = "copydesk-watch";
/// How long to wait for the client to answer a request of ours before going on without it.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(5);
/// Checks run at once; more would only fight over the cores.
const PARALLEL_CHECKS: usize = 2;

/// What findings are computed with: the corpus and the rules. Replaced whole, never mutated.
pub(crate) struct Engine {
    facts: Arc<FactBase>,
    config: Arc<Config>,
    generation: u64,
    /// Where `facts`' evidence sentences are in their files, as far as asked.
    locations: present::EvidenceLocations,
}

/// Findings for one version of one document under one engine generation.
struct Analysis {
    version: i32,
    rope: Rope,
    text: Arc<String>,
    findings: Vec<Finding>,
    engine: Arc<Engine>,
}

/// A check under way for (version, engine generation).
type InFlight = ((i32, u64), Arc<tokio::sync::OnceCell<Arc<Analysis>>>);

struct DocState {
    rope: Rope,
    version: i32,
    analysis: Option<Arc<Analysis>>,
    in_flight: Option<InFlight>,
    facts: Option<(i32, Arc<Vec<FactItem>>)>,
    pending: Option<AbortHandle>,
    last_change: std::time::Instant,
    /// The version as opened or last saved: over the live-check limit, the only one analysed.
    checkpoint: i32,
    /// The writer has been told this document is too big to check as they type.
    told_over_limit: bool,
}

#[derive(Default)]
struct Published {
    /// (version, engine generation) of the last publication.
    last: Option<(i32, u64)>,
    /// Its diagnostics' JSON, most of which the next publication repeats.
    json: present::DiagnosticJson,
}

struct DocEntry {
    state: Mutex<DocState>,
    /// Held from the last staleness check until the notification is queued, so two results for
    /// one document can never be published out of order.
    /// Also remembers the (version, engine generation) last published, so a re-check that
    /// changes nothing is not sent twice.
    publish: tokio::sync::Mutex<Published>,
    /// What the last check of this document can lend the next: an edit re-extracts only the
    /// paragraphs it touched.
    memo: Arc<Mutex<crate::check::DraftMemo>>,
}

/// An opened document is not being typed in: nothing to wait out.
/// `workspace/executeCommand`: rebuild the fact base from the corpus now.
pub const REINDEX_COMMAND: &str = "copydesk.reindex";

/// Sent after every indexing: how big the corpus is, for status bars.
enum Indexed {}

#[derive(serde::Serialize, serde::Deserialize)]
struct IndexedParams {
    documents: usize,
    facts: usize,
}

impl tower_lsp_server::ls_types::notification::Notification for Indexed {
    type Params = IndexedParams;
    const METHOD: &'static str = "copydesk/indexed";
}

fn progress_report(message: Option<String>, percentage: u32) -> WorkDoneProgress {
    WorkDoneProgress::Report(WorkDoneProgressReport { cancellable: None, message, percentage: Some(percentage) })
}

fn long_ago() -> std::time::Instant {
    let now = std::time::Instant::now();
    now.checked_sub(Duration::from_secs(3600)).unwrap_or(now)
}

/// A consistent view of a document: the text of one version.
#[derive(Clone)]
struct Snapshot {
    version: i32,
    rope: Rope,
}

impl DocEntry {
    fn new(rope: Rope, version: i32) -> DocEntry {
        DocEntry {
            state: Mutex::new(DocState {
                rope,
                version,
                analysis: None,
                in_flight: None,
                facts: None,
                pending: None,
                last_change: long_ago(),
                checkpoint: version,
                told_over_limit: false,
            }),
            publish: tokio::sync::Mutex::new(Published::default()),
            memo: Arc::default(),
        }
    }
    fn lock(&self) -> std::sync::MutexGuard<'_, DocState> {
        // A poisoned lock only means a panic elsewhere; the rope itself is always whole.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
    fn snapshot(&self) -> Snapshot {
        let st = self.lock();
        Snapshot { version: st.version, rope: st.rope.clone() }
    }
    fn version(&self) -> i32 {
        self.lock().version
    }
}

#[derive(Debug, Clone, Default)]
struct Session {
    encoding: Option<Encoding>,
    root: Option<PathBuf>,
    init_options: Value,
    /// The `copydesk` section as last pushed by `didChangeConfiguration`.
    pushed_settings: Value,
    supports_configuration: bool,
    supports_progress: bool,
    supports_watch_registration: bool,
    supports_relative_patterns: bool,
    supports_refresh: bool,
    pull_diagnostics: bool,
    hierarchical_symbols: bool,
}

impl Session {
    fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }
}

pub(crate) struct Inner {
    client: Client,
    /// Frames written to the client directly, beside tower-lsp-server's own: diagnostics.
    out: super::framing::OutFrames,
    docs: DashMap<Uri, Arc<DocEntry>>,
    engine: watch::Sender<Option<Arc<Engine>>>,
    settings: RwLock<Arc<Settings>>,
    session: RwLock<Session>,
    reindex: Notify,
    /// `copydesk.toml` changed on disk.
    reload: Notify,
    /// One settings reload at a time, so "what changed" compares consecutive states.
    reloading: tokio::sync::Mutex<()>,
    generation: AtomicU64,
    checks: Arc<Semaphore>,
    watcher: Mutex<Option<notify::RecommendedWatcher>>,
}

pub struct Backend {
    inner: Arc<Inner>,
}

impl Backend {
    pub(crate) fn new(client: Client, out: super::framing::OutFrames) -> Backend {
        Backend {
            inner: Arc::new(Inner {
                client,
                out,
                docs: DashMap::new(),
                engine: watch::Sender::new(None),
                settings: RwLock::new(Arc::new(Settings::default())),
                session: RwLock::new(Session::default()),
                reindex: Notify::new(),
                reload: Notify::new(),
                reloading: tokio::sync::Mutex::new(()),
                generation: AtomicU64::new(0),
                checks: Arc::new(Semaphore::new(PARALLEL_CHECKS)),
                watcher: Mutex::new(None),
            }),
        }
    }
}

fn invalid_params(message: impl Into<String>) -> Error {
    Error { code: ErrorCode::InvalidParams, message: message.into().into(), data: None }
}

fn engine_error(e: EngineError) -> Error {
    Error { code: ErrorCode::InternalError, message: e.to_string().into(), data: None }
}

/// A request handler whose panic answers that request with an error and nothing more.
async fn isolate<T>(what: &'static str, handler: impl Future<Output = Result<T>> + Send) -> Result<T> {
    match isolate_panics(handler).await {
        Ok(result) => result,
        Err(message) => {
            tracing::error!("{what} panicked: {message}");
            Err(Error { code: ErrorCode::InternalError, message: format!("copydesk {what} failed: {message}").into(), data: None })
        }
    }
}

async fn isolate_notification(what: &'static str, handler: impl Future<Output = ()> + Send) {
    if let Err(message) = isolate_panics(handler).await {
        tracing::error!("{what} panicked: {message}");
    }
}

fn read<T: Clone>(lock: &RwLock<T>) -> T {
    lock.read().unwrap_or_else(|p| p.into_inner()).clone()
}

/// Spans are half-open, but a cursor just after a word still "is on" it.
fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

impl Inner {
    fn session(&self) -> Session {
        read(&self.session)
    }
    fn settings(&self) -> Arc<Settings> {
        read(&self.settings)
    }
    fn encoding(&self) -> Encoding {
        self.session.read().map(|s| s.encoding()).unwrap_or(Encoding::Utf16)
    }
    fn current_engine(&self) -> Option<Arc<Engine>> {
        self.engine.borrow().clone()
    }
    async fn ready_engine(&self) -> Arc<Engine> {
        let mut rx = self.engine.subscribe();
        loop {
            if let Some(e) = rx.borrow_and_update().clone() {
                return e;
            }
            // The sender lives as long as `self`, so this only fails while shutting down.
            if rx.changed().await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    }
    fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::SeqCst) + 1
    }

    fn entry(&self, uri: &Uri) -> Result<Arc<DocEntry>> {
        self.docs.get(uri).map(|e| e.value().clone()).ok_or_else(|| invalid_params(format!("unknown document: {}", uri.as_str())))
    }
    fn is_current(&self, uri: &Uri, entry: &Arc<DocEntry>) -> bool {
        self.docs.get(uri).is_some_and(|e| Arc::ptr_eq(e.value(), entry))
    }

    /// Findings for `snap`, from the cache when it is for this version and engine. `wait`
    /// decides whether to wait for the first corpus index or answer `None` meanwhile.
    async fn analysis(&self, entry: &DocEntry, snap: &Snapshot, wait: bool, on: RunOn) -> Result<Option<Arc<Analysis>>> {
        let engine = if wait {
            self.ready_engine().await
        } else {
            match self.current_engine() {
                Some(e) => e,
                None => return Ok(None),
            }
        };
        let key = (snap.version, engine.generation);
        let cell = {
            let mut st = entry.lock();
            if let Some(a) = &st.analysis {
                if (a.version, a.engine.generation) == key {
                    return Ok(Some(a.clone()));
                }
            }
            // A hover and the diagnostics task asking for the same version share one check.
            match &st.in_flight {
                Some((k, cell)) if *k == key => cell.clone(),
                _ => {
                    let cell = Arc::new(tokio::sync::OnceCell::new());
                    st.in_flight = Some((key, cell.clone()));
                    cell
                }
            }
        };
        let analysis = cell.get_or_try_init(|| self.check(snap.clone(), engine, entry.memo.clone(), on)).await?.clone();
        let mut st = entry.lock();
        if st.version == snap.version {
            st.analysis = Some(analysis.clone());
        }
        if st.in_flight.as_ref().is_some_and(|(k, _)| *k == key) {
            st.in_flight = None;
        }
        Ok(Some(analysis))
    }

    async fn check(&self, snap: Snapshot, engine: Arc<Engine>, memo: Arc<Mutex<crate::check::DraftMemo>>, on: RunOn) -> Result<Arc<Analysis>> {
        let permit = self.checks.clone().acquire_owned().await.map_err(|_| Error::internal_error())?;
        let text = Arc::new(snap.rope.to_string());
        let (t, e) = (text.clone(), engine.clone());
        let version = snap.version;
        let findings = run_engine("check", on, move || {
            let _permit = permit;
            let started = std::time::Instant::now();
            // A panic mid-check may leave the memo half-updated; start it afresh then.
            let mut memo = memo.lock().unwrap_or_else(|p| {
                let mut m = p.into_inner();
                *m = crate::check::DraftMemo::default();
                m
            });
            let mut findings = crate::check::check_draft_again(&e.facts, &t, &e.config, &mut memo);
            tracing::debug!(version, findings = findings.len(), ms = started.elapsed().as_secs_f64() * 1000.0, "checked");
            // Rules the writer switched off stay off even if a rule forgets to ask.
            findings.retain(|f| e.config.severity(f.rule).is_some());
            findings
        })
        .await
        .map_err(engine_error)?;
        Ok(Arc::new(Analysis { version: snap.version, rope: snap.rope, text, findings, engine }))
    }

    async fn fact_items(&self, entry: &DocEntry, snap: &Snapshot) -> Result<Arc<Vec<FactItem>>> {
        if let Some((v, items)) = &entry.lock().facts {
            if *v == snap.version {
                return Ok(items.clone());
            }
        }
        let text = snap.rope.to_string();
        let items = Arc::new(
            blocking("extract", move || present::fact_items(&crate::extract::document_facts(&text, crate::text::TextKind::Markdown), &text)).await.map_err(engine_error)?,
        );
        let mut st = entry.lock();
        if st.version == snap.version {
            st.facts = Some((snap.version, items.clone()));
        }
        Ok(items)
    }

    fn diagnostics(&self, analysis: &Analysis) -> Vec<Diagnostic> {
        let enc = self.encoding();
        let lines = LineStarts::new(&analysis.text);
        analysis.findings.iter().map(|f| present::to_diagnostic(f, &analysis.text, &lines, enc, &analysis.engine.facts, &analysis.engine.locations)).collect()
    }

    /// Publish diagnostics for `entry` after `delay`, replacing any publication still pending.
    fn schedule(self: &Arc<Self>, uri: Uri, entry: Arc<DocEntry>, delay: Duration) {
        if self.session().pull_diagnostics {
            return;
        }
        let inner = self.clone();
        let task_entry = entry.clone();
        let task = tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            inner.publish(uri, task_entry).await;
        });
        if let Some(old) = entry.lock().pending.replace(task.abort_handle()) {
            old.abort();
        }
    }

    async fn publish(&self, uri: Uri, entry: Arc<DocEntry>) {
        let snap = entry.snapshot();
        // `schedule` spawned this task for the publication alone.
        let analysis = match self.analysis(&entry, &snap, true, RunOn::ThisTask).await {
            Ok(Some(a)) => a,
            Ok(None) => return,
            Err(e) => {
                tracing::error!("checking {} failed: {}", uri.as_str(), e.message);
                self.client.log_message(MessageType::ERROR, format!("copydesk: checking {} failed: {}", uri.as_str(), e.message)).await;
                return;
            }
        };
        let mut published = entry.publish.lock().await;
        let tag = (analysis.version, analysis.engine.generation);
        let still_current = self.is_current(&uri, &entry)
            && entry.version() == analysis.version
            && self.current_engine().is_some_and(|e| e.generation == analysis.engine.generation);
        if still_current && published.last != Some(tag) {
            let a = &analysis;
            let (json, enc) = (&mut published.json, self.encoding());
            let size_hint = json.size_hint();
            self.send_diagnostics(&uri, Some(a.version), size_hint, |out| json.write_array(out, &a.findings, &a.text, enc, &a.engine.facts, &a.engine.locations, a.engine.generation));
            published.last = Some(tag);
        }
        drop(published);
        // A check already running on the memo frees it itself; this worker must not wait for it.
        let spent = entry.memo.try_lock().ok().and_then(|mut m| m.take_spent());
        if let Some(spent) = spent {
            // Off the path from keystroke to diagnostics, and off the runtime's workers.
            tokio::task::spawn_blocking(move || drop(spent));
        }
    }

    /// Every `textDocument/publishDiagnostics` goes out here, in the order of the calls; the
    /// caller holds the document's publish lock. `diagnostics` writes their JSON array, about
    /// `size_hint` bytes.
    fn send_diagnostics(&self, uri: &Uri, version: Option<i32>, size_hint: usize, diagnostics: impl FnOnce(&mut Vec<u8>)) {
        let frame = super::framing::publish_diagnostics_frame(uri, version, size_hint, diagnostics);
        // A closed channel means the session is over and nobody is listening.
        let _ = self.out.send(Some(frame));
    }

    /// Notifications whose order matters to the client (progress, then the diagnostics it
    /// announced) all take this one path: one sent through tower-lsp-server's `Client` would
    /// travel through its own queue and could arrive after a later one sent here.
    fn send_notification<N: notification::Notification>(&self, params: &N::Params) {
        let frame = super::framing::notification_frame(N::METHOD, params);
        // A closed channel means the session is over and nobody is listening.
        let _ = self.out.send(Some(frame));
    }

    fn send_progress(&self, token: &ProgressToken, progress: WorkDoneProgress) {
        let params = ProgressParams { token: token.clone(), value: ProgressParamsValue::WorkDone(progress) };
        self.send_notification::<notification::Progress>(&params);
    }

    async fn republish_all(self: &Arc<Self>) {
        if self.session().pull_diagnostics {
            if self.session().supports_refresh {
                let _ = self.client.workspace_diagnostic_refresh().await;
            }
            return;
        }
        let open: Vec<(Uri, Arc<DocEntry>)> = self.docs.iter().map(|e| (e.key().clone(), e.value().clone())).collect();
        for (uri, entry) in open {
            self.schedule(uri, entry, Duration::ZERO);
        }
    }

    /// Re-read every settings layer and act on what changed.
    async fn reload_settings(self: &Arc<Self>, first: bool) {
        let _one_at_a_time = self.reloading.lock().await;
        let session = self.session();
        let root = session.root.clone();
        let mut layers: Vec<Layer> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        let (init, p) = settings::layer_from_json(&session.init_options, root.as_deref());
        layers.push(init);
        problems.extend(p.into_iter().map(|p| format!("initializationOptions: {p}")));
        let workspace = if session.supports_configuration {
            let item = ConfigurationItem { scope_uri: None, section: Some("copydesk".to_string()) };
            match tokio::time::timeout(CLIENT_TIMEOUT, self.client.configuration(vec![item])).await {
                Ok(Ok(mut values)) if !values.is_empty() => values.swap_remove(0),
                _ => Value::Null,
            }
        } else {
            session.pushed_settings.clone()
        };
        let (ws, p) = settings::layer_from_json(&workspace, root.as_deref());
        layers.push(ws);
        problems.extend(p.into_iter().map(|p| format!("workspace settings: {p}")));
        let mut default_corpus = None;
        if let Some(root) = &root {
            let file = root.join(CONFIG_FILE);
            if let Ok(text) = tokio::fs::read_to_string(&file).await {
                match settings::layer_from_toml(&text, root) {
                    Ok(layer) => layers.push(layer),
                    Err(e) => problems.push(format!("{}: {e}", file.display())),
                }
            }
            let dir = root.join(DEFAULT_CORPUS_DIR);
            if tokio::fs::metadata(&dir).await.is_ok_and(|m| m.is_dir()) {
                default_corpus = Some(dir);
            }
        }
        let new = Arc::new(settings::resolve(&layers, default_corpus));
        if !problems.is_empty() {
            self.client.show_message(MessageType::WARNING, format!("copydesk: {}", problems.join("; "))).await;
        }
        let old = std::mem::replace(&mut *self.settings.write().unwrap_or_else(|p| p.into_inner()), new.clone());
        let file_limit_changed = old.config.limits().max_corpus_file_bytes != new.config.limits().max_corpus_file_bytes;
        if first || old.corpus != new.corpus || file_limit_changed {
            self.reindex.notify_one();
            self.watch_corpus(&new).await;
        } else if old.config != new.config {
            // Same corpus, other rules: new engine generation over the same fact base.
            if let Some(current) = self.current_engine() {
                let engine = Engine { facts: current.facts.clone(), config: Arc::new(new.config.clone()), generation: self.next_generation(), locations: Default::default() };
                self.engine.send_replace(Some(Arc::new(engine)));
                self.republish_all().await;
            }
        }
    }

    /// Rebuilds the fact base whenever asked, coalescing bursts, and swaps it in whole.
    async fn reindex_loop(self: Arc<Self>) {
        let mut first = true;
        loop {
            self.reindex.notified().await;
            if !first {
                tokio::time::sleep(REINDEX_SETTLE).await;
            }
            first = false;
            let paths = self.settings().corpus.clone();
            if paths.is_empty() {
                // Otherwise a writer sees a silent checker and cannot tell why.
                self.client
                    .show_message(MessageType::INFO, "copydesk: no corpus configured; set `corpus` in copydesk.toml or the editor settings, or add a corpus/ folder")
                    .await;
            }
            let progress = if self.session().supports_progress {
                let token = NumberOrString::String(format!("copydesk-index-{}", self.generation.load(Ordering::SeqCst)));
                match tokio::time::timeout(CLIENT_TIMEOUT, self.client.create_work_done_progress(token.clone())).await {
                    Ok(Ok(())) => {
                        let begin = WorkDoneProgressBegin {
                            title: "copydesk: indexing corpus".into(),
                            cancellable: None,
                            message: Some(format!("{} path(s)", paths.len())),
                            percentage: Some(0),
                        };
                        self.send_progress(&token, WorkDoneProgress::Begin(begin));
                        Some(token)
                    }
                    _ => None,
                }
            } else {
                None
            };
            let entries = paths.clone();
            let options = LoadOptions::from_limits(&self.settings().config.limits());
            // Reading the files is the first half of the bar, building the fact base the second.
            let (percent_tx, mut percent_rx) = tokio::sync::mpsc::unbounded_channel::<u32>();
            let load = blocking("load", move || {
                let (files, mut warnings) = settings::expand_corpus(&entries);
                let mut last = 0;
                let mut report = |done: u64, total: u64| {
                    let percent = (done.min(total) * 50).checked_div(total).unwrap_or(50) as u32;
                    if percent != last {
                        last = percent;
                        let _ = percent_tx.send(percent);
                    }
                };
                load_paths_with_progress(&files, &options, &mut report).map(|loaded| {
                    warnings.extend(loaded.warnings.iter().map(|w| format!("{}: {}", w.path.display(), w.message)));
                    (loaded.docs, warnings)
                })
            });
            tokio::pin!(load);
            let loaded = loop {
                tokio::select! {
                    result = &mut load => break result,
                    Some(percent) = percent_rx.recv() => {
                        if let Some(token) = &progress {
                            self.send_progress(token, progress_report(None, percent));
                        }
                    }
                }
            };
            let docs = match loaded {
                Ok(Ok((docs, warnings))) => {
                    for w in warnings.iter().take(20) {
                        self.client.log_message(MessageType::WARNING, format!("copydesk: {w}")).await;
                    }
                    Some(docs)
                }
                Ok(Err(message)) => {
                    self.client.show_message(MessageType::ERROR, format!("copydesk: {message}")).await;
                    Some(Vec::new())
                }
                Err(e) => {
                    self.client.show_message(MessageType::ERROR, format!("copydesk: loading the corpus failed: {e}")).await;
                    None
                }
            };
            let built = match docs {
                Some(docs) => {
                    if let Some(token) = &progress {
                        self.send_progress(token, progress_report(Some(format!("{} documents read, building the fact base", docs.len())), 50));
                    }
                    blocking("index", move || FactBase::build(docs)).await
                }
                None => Err(EngineError { what: "load", message: String::new() }),
            };
            let facts = match built {
                Ok(facts) => Arc::new(facts),
                Err(e) => {
                    if !e.message.is_empty() {
                        self.client.show_message(MessageType::ERROR, format!("copydesk: indexing the corpus failed: {e}")).await;
                    }
                    // Better the old facts than none; with none yet, an empty corpus.
                    self.current_engine().map(|e| e.facts.clone()).unwrap_or_else(|| Arc::new(FactBase::build(Vec::new())))
                }
            };
            let count = facts.docs.len();
            // The rules current *now*, not when indexing started, so no settings change is lost.
            let engine = Engine { facts, config: Arc::new(self.settings().config.clone()), generation: self.next_generation(), locations: Default::default() };
            self.engine.send_replace(Some(Arc::new(engine)));
            tracing::info!("corpus indexed: {count} documents");
            let fact_count = self.current_engine().map_or(0, |e| e.facts.fact_count());
            if let Some(token) = &progress {
                let end = WorkDoneProgressEnd { message: Some(format!("{count} documents, {fact_count} facts")) };
                self.send_progress(token, WorkDoneProgress::End(end));
            }
            self.send_notification::<Indexed>(&IndexedParams { documents: count, facts: fact_count });
            self.republish_all().await;
        }
    }

    /// Watch `copydesk.toml` and the corpus: through the client when it can register watchers,
    /// else with a file system watcher of our own.
    async fn watch_corpus(self: &Arc<Self>, settings: &Settings) {
        let session = self.session();
        let mut targets: Vec<PathBuf> = settings.corpus.iter().map(|c| settings::literal_prefix(c)).collect();
        if let Some(root) = &session.root {
            targets.push(root.join(CONFIG_FILE));
        }
        if session.supports_watch_registration {
            let watchers: Vec<FileSystemWatcher> = targets.iter().filter_map(|p| file_watcher(p, session.supports_relative_patterns)).collect();
            let unregister = self
                .client
                .unregister_capability(vec![Unregistration { id: WATCH_REGISTRATION_ID.into(), method: "workspace/didChangeWatchedFiles".into() }]);
            let _ = tokio::time::timeout(CLIENT_TIMEOUT, unregister).await;
            let options = DidChangeWatchedFilesRegistrationOptions { watchers };
            let registration = Registration {
                id: WATCH_REGISTRATION_ID.into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            match tokio::time::timeout(CLIENT_TIMEOUT, self.client.register_capability(vec![registration])).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!("the client refused file watchers: {}", e.message),
                Err(_) => tracing::warn!("the client did not answer the file watcher registration"),
            }
            return;
        }
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<PathBuf>();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event {
                if !matches!(event.kind, notify::EventKind::Access(_)) {
                    for p in event.paths {
                        let _ = tx.send(p);
                    }
                }
            }
        });
        let mut watcher = match watcher {
            Ok(w) => w,
            Err(e) => {
                tracing::warn!("cannot watch the corpus: {e}");
                return;
            }
        };
        use notify::Watcher;
        for p in &targets {
            let _ = watcher.watch(p, notify::RecursiveMode::Recursive);
        }
        if let Some(root) = &session.root {
            let _ = watcher.watch(root, notify::RecursiveMode::NonRecursive);
        }
        // Replacing the watcher drops the old one, which closes the old channel and ends its task.
        *self.watcher.lock().unwrap_or_else(|p| p.into_inner()) = Some(watcher);
        let inner = Arc::downgrade(self);
        tokio::spawn(async move {
            while let Some(path) = rx.recv().await {
                let Some(inner) = inner.upgrade() else { return };
                inner.on_file_changed(&path);
            }
        });
    }

    fn on_file_changed(&self, path: &Path) {
        let session = self.session();
        if session.root.as_ref().is_some_and(|r| r.join(CONFIG_FILE) == path) {
            self.reload.notify_one();
        } else if self.settings().corpus.iter().any(|c| path.starts_with(settings::literal_prefix(c))) {
            self.reindex.notify_one();
        }
    }

    /// Applies a `didChange` synchronously; see the module comment for why. `Err` is why the
    /// change was ignored, for the client's log.
    fn apply_changes(&self, params: &DidChangeTextDocumentParams) -> std::result::Result<Arc<DocEntry>, String> {
        let uri = &params.text_document.uri;
        let Some(entry) = self.docs.get(uri).map(|e| e.value().clone()) else {
            return Err(format!("ignored a change to {}, which is not open", uri.as_str()));
        };
        let enc = self.encoding();
        let mut st = entry.lock();
        if params.text_document.version < st.version {
            // A replayed or reordered change: applying it on top of newer text would garble it.
            return Err(format!("ignored a change to {} for version {}, older than the version {} it has", uri.as_str(), params.text_document.version, st.version));
        }
        if params.text_document.version == st.version {
            // A version that does not increase is a client quirk, not a reason to lose the edit.
            tracing::warn!("version {} again for {}", st.version, uri.as_str());
        }
        for change in &params.content_changes {
            apply_change(&mut st.rope, change, enc);
        }
        st.version = params.text_document.version;
        st.last_change = std::time::Instant::now();
        drop(st);
        Ok(entry)
    }

    /// Whether `snap` may be analysed now: any text within the live-check limit, and a larger
    /// one only as opened or last saved, so no keystroke or cursor move starts a long check.
    fn analysable(&self, entry: &DocEntry, snap: &Snapshot) -> bool {
        snap.rope.len_bytes() <= self.settings().config.limits().max_live_check_bytes || entry.lock().checkpoint == snap.version
    }

    /// Whether a change to this document is checked as the writer types. Over the limit it is
    /// not, and the first time that happens the writer is told why their diagnostics stopped.
    async fn checks_as_you_type(&self, uri: &Uri, entry: &DocEntry) -> bool {
        let limit = self.settings().config.limits().max_live_check_bytes;
        let (size, first) = {
            let mut st = entry.lock();
            let size = st.rope.len_bytes();
            if size <= limit {
                return true;
            }
            (size, !std::mem::replace(&mut st.told_over_limit, true))
        };
        if first {
            let name = uri.to_file_path().and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())).unwrap_or_else(|| uri.as_str().to_string());
            let message = format!(
                "copydesk: {name} is {}, over the {} limit for checking as you type (limits.max_live_check_kb); it is checked when opened and when saved",
                human_size(size),
                human_size(limit)
            );
            self.client.show_message(MessageType::INFO, message).await;
        }
        false
    }

    fn position(&self, snap: &Snapshot, pos: Position) -> Result<usize> {
        byte_of_position(&snap.rope, pos, self.encoding()).map_err(|e| invalid_params(e.to_string()))
    }

    /// Where the corpus holds `needle` word for word: (doc, span) per document, first match.
    async fn verbatim_sources(&self, needle: String) -> Result<Option<(Arc<Engine>, Vec<(usize, Span)>)>> {
        let Some(engine) = self.current_engine() else { return Ok(None) };
        // Short fragments match too much to mean anything.
        if needle.trim().chars().count() < 12 {
            return Ok(Some((engine, Vec::new())));
        }
        let e = engine.clone();
        let hits = blocking("search", move || {
            e.facts
                .docs
                .iter()
                .enumerate()
                .filter_map(|(i, d)| d.text.find(&needle).map(|at| (i, Span::new(at, at + needle.len()))))
                .take(50)
                .collect()
        })
        .await
        .map_err(engine_error)?;
        Ok(Some((engine, hits)))
    }
}

impl Backend {
    /// `copydesk/documentText`: the server's copy of a document and its version, so a client
    /// (or a test) can tell whether its edits arrived as it meant them.
    pub async fn document_text(&self, params: TextDocumentIdentifier) -> Result<Value> {
        let snap = self.inner.entry(&params.uri)?.snapshot();
        Ok(serde_json::json!({ "version": snap.version, "text": snap.rope.to_string() }))
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn file_watcher(path: &Path, relative: bool) -> Option<FileSystemWatcher> {
    let is_dir = path.is_dir();
    let glob_pattern = if relative {
        let (base, pattern) = if is_dir {
            (path.to_path_buf(), "**/*".to_string())
        } else {
            (path.parent()?.to_path_buf(), path.file_name()?.to_string_lossy().to_string())
        };
        let base_uri = Uri::from_file_path(&base)?;
        GlobPattern::Relative(RelativePattern { base_uri: OneOf::Right(base_uri), pattern })
    } else {
        let p = path.to_string_lossy().to_string();
        GlobPattern::String(if is_dir { format!("{}/**/*", p.trim_end_matches('/')) } else { p })
    };
    Some(FileSystemWatcher { glob_pattern, kind: None })
}

fn root_of(params: &InitializeParams) -> Option<PathBuf> {
    if let Some(folder) = params.workspace_folders.as_ref().and_then(|f| f.first()) {
        return folder.uri.to_file_path().map(|p| p.into_owned());
    }
    #[allow(deprecated)]
    if let Some(uri) = &params.root_uri {
        return uri.to_file_path().map(|p| p.into_owned());
    }
    #[allow(deprecated)]
    params.root_path.as_ref().map(PathBuf::from)
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let encoding = Encoding::negotiate(caps.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        let ws = caps.workspace.as_ref();
        let watched = ws.and_then(|w| w.did_change_watched_files.as_ref());
        let text = caps.text_document.as_ref();
        let session = Session {
            encoding: Some(encoding),
            root: root_of(&params),
            init_options: params.initialization_options.clone().unwrap_or(Value::Null),
            pushed_settings: Value::Null,
            supports_configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
            supports_progress: caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
            supports_watch_registration: watched.and_then(|w| w.dynamic_registration).unwrap_or(false),
            supports_relative_patterns: watched.and_then(|w| w.relative_pattern_support).unwrap_or(false),
            supports_refresh: ws.and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support).unwrap_or(false),
            pull_diagnostics: text.and_then(|t| t.diagnostic.as_ref()).is_some(),
            hierarchical_symbols: text
                .and_then(|t| t.document_symbol.as_ref())
                .and_then(|d| d.hierarchical_document_symbol_support)
                .unwrap_or(false),
        };
        let pull = session.pull_diagnostics;
        *self.inner.session.write().unwrap_or_else(|p| p.into_inner()) = session;
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding.kind()),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions { commands: vec![REINDEX_COMMAND.to_string()], ..Default::default() }),
                completion_provider: Some(CompletionOptions::default()),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..Default::default()
                })),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("copydesk".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..Default::default()
                    })
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo { name: "copydesk".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            ..Default::default()
        })
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        if params.command == REINDEX_COMMAND {
            self.inner.reindex.notify_one();
            Ok(None)
        } else {
            Err(invalid_params(format!("unknown command `{}`", params.command)))
        }
    }

    async fn initialized(&self, _: InitializedParams) {
        let inner = self.inner.clone();
        tokio::spawn(inner.clone().reindex_loop());
        tokio::spawn(async move {
            inner.reload_settings(true).await;
            loop {
                inner.reload.notified().await;
                inner.reload_settings(false).await;
            }
        });
    }

    async fn shutdown(&self) -> Result<()> {
        super::SHUTDOWN_REQUESTED.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        isolate_notification("did_open", async move {
            let doc = params.text_document;
            let entry = Arc::new(DocEntry::new(Rope::from_str(&doc.text), doc.version));
            if let Some(old) = self.inner.docs.insert(doc.uri.clone(), entry.clone()) {
                if let Some(p) = old.lock().pending.take() {
                    p.abort();
                }
            }
            // No debounce on open: the writer is not typing yet.
            self.inner.schedule(doc.uri, entry, Duration::ZERO);
        })
        .await;
    }

    fn did_change(&self, params: DidChangeTextDocumentParams) -> impl Future<Output = ()> + Send {
        let applied = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.inner.apply_changes(&params))) {
            Ok(applied) => applied,
            Err(_) => Err(format!("applying a change to {} failed", params.text_document.uri.as_str())),
        };
        let inner = self.inner.clone();
        async move {
            match applied {
                Ok(entry) => {
                    if inner.checks_as_you_type(&params.text_document.uri, &entry).await {
                        let delay = inner.settings().debounce;
                        inner.schedule(params.text_document.uri, entry, delay);
                    }
                }
                Err(why) => {
                    tracing::warn!("{why}");
                    inner.client.log_message(MessageType::WARNING, format!("copydesk: {why}")).await;
                }
            }
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        isolate_notification("did_save", async move {
            let uri = params.text_document.uri;
            let Some(entry) = self.inner.docs.get(&uri).map(|e| e.value().clone()) else { return };
            {
                let mut st = entry.lock();
                st.checkpoint = st.version;
            }
            // Within the limit this finds the check already done; over it, this is the check.
            self.inner.schedule(uri, entry, Duration::ZERO);
        })
        .await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        isolate_notification("did_close", async move {
            let uri = params.text_document.uri;
            let Some((_, entry)) = self.inner.docs.remove(&uri) else { return };
            if let Some(p) = entry.lock().pending.take() {
                p.abort();
            }
            if !self.inner.session().pull_diagnostics {
                let _published = entry.publish.lock().await;
                self.inner.send_diagnostics(&uri, None, 2, |out| out.extend_from_slice(b"[]"));
            }
        })
        .await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        isolate_notification("did_change_configuration", async move {
            {
                let mut session = self.inner.session.write().unwrap_or_else(|p| p.into_inner());
                // Push-style clients send the whole settings object, or just our section.
                session.pushed_settings = match params.settings.get("copydesk") {
                    Some(section) => section.clone(),
                    None => params.settings,
                };
            }
            self.inner.reload_settings(false).await;
        })
        .await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        isolate_notification("did_change_watched_files", async move {
            for change in params.changes {
                if let Some(path) = change.uri.to_file_path() {
                    self.inner.on_file_changed(&path);
                }
            }
        })
        .await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        isolate("hover", async move {
            let tdp = params.text_document_position_params;
            let entry = self.inner.entry(&tdp.text_document.uri)?;
            let snap = entry.snapshot();
            let offset = self.inner.position(&snap, tdp.position)?;
            if !self.inner.analysable(&entry, &snap) {
                return Ok(None);
            }
            let analysis = self.inner.analysis(&entry, &snap, false, RunOn::BlockingPool).await?;
            let items = self.inner.fact_items(&entry, &snap).await?;
            let text = analysis.as_ref().map(|a| a.text.clone()).unwrap_or_else(|| Arc::new(snap.rope.to_string()));
            let mut parts = Vec::new();
            let mut spans = Vec::new();
            if let Some(a) = &analysis {
                for f in a.findings.iter().filter(|f| touches(f.span, offset)) {
                    parts.push(present::finding_markdown(f, &text, &a.engine.facts));
                    spans.push(f.span);
                }
            }
            // The innermost fact only: a count inside a quote is about the count.
            if let Some(item) = items.iter().filter(|i| touches(i.span, offset)).min_by_key(|i| i.span.len()) {
                if !spans.contains(&item.span) || parts.is_empty() {
                    let agreement = if !spans.is_empty() {
                        Agreement::CoveredByFinding
                    } else {
                        match analysis.as_ref() {
                            None => Agreement::Indexing,
                            Some(a) => {
                                let mut verbatim_in = Vec::new();
                                if let Some(needle) = item.search.clone() {
                                    if let Some((engine, hits)) = self.inner.verbatim_sources(needle).await? {
                                        verbatim_in = hits.into_iter().take(5).map(|(doc, span)| present::source_label_at(&engine.facts, doc, span)).collect();
                                    }
                                }
                                Agreement::NoConflict { corpus_docs: a.engine.facts.docs.len(), verbatim_in }
                            }
                        }
                    };
                    let mut item = item.clone();
                    if let (Some(words), Some(a)) = (&item.person, analysis.as_ref()) {
                        item.details.extend(present::person_lines(&a.engine.facts, words));
                    }
                    parts.push(present::fact_markdown(&item, &text, &agreement));
                    spans.push(item.span);
                }
            }
            if parts.is_empty() {
                return Ok(None);
            }
            let span = spans.iter().copied().min_by_key(|s| s.len()).unwrap_or_default();
            Ok(Some(Hover {
                contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: parts.join("\n---\n\n") }),
                range: Some(range_of_span(&snap.rope, span, self.inner.encoding())),
            }))
        })
        .await
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        isolate("goto_definition", async move {
            let tdp = params.text_document_position_params;
            let entry = self.inner.entry(&tdp.text_document.uri)?;
            let snap = entry.snapshot();
            let offset = self.inner.position(&snap, tdp.position)?;
            if !self.inner.analysable(&entry, &snap) {
                return Ok(None);
            }
            let mut locations = Vec::new();
            if let Some(a) = self.inner.analysis(&entry, &snap, false, RunOn::BlockingPool).await? {
                for f in a.findings.iter().filter(|f| touches(f.span, offset)) {
                    locations.extend(f.evidence.iter().filter_map(|ev| present::evidence_location(&a.engine.facts, ev, self.inner.encoding())));
                }
            }
            if locations.is_empty() {
                let items = self.inner.fact_items(&entry, &snap).await?;
                if let Some(needle) = items.iter().filter(|i| touches(i.span, offset)).min_by_key(|i| i.span.len()).and_then(|i| i.search.clone()) {
                    if let Some((engine, hits)) = self.inner.verbatim_sources(needle).await? {
                        locations = hits
                            .into_iter()
                            .filter_map(|(doc, span)| {
                                present::evidence_location(&engine.facts, &crate::finding::Evidence { doc, span, sentence: String::new() }, self.inner.encoding())
                            })
                            .collect();
                    }
                }
            }
            locations.dedup();
            Ok(if locations.is_empty() { None } else { Some(GotoDefinitionResponse::Array(locations)) })
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        isolate("code_action", async move {
            if let Some(only) = &params.context.only {
                if !only.iter().any(|k| k.as_str() == "quickfix" || k.as_str().is_empty()) {
                    return Ok(Some(Vec::new()));
                }
            }
            let uri = params.text_document.uri;
            let entry = self.inner.entry(&uri)?;
            let snap = entry.snapshot();
            let start = self.inner.position(&snap, params.range.start)?;
            let end = self.inner.position(&snap, params.range.end)?;
            let (start, end) = (start.min(end), start.max(end));
            if !self.inner.analysable(&entry, &snap) {
                return Ok(Some(Vec::new()));
            }
            let Some(a) = self.inner.analysis(&entry, &snap, false, RunOn::BlockingPool).await? else { return Ok(Some(Vec::new())) };
            let enc = self.inner.encoding();
            let mut actions = Vec::new();
            let lines = LineStarts::new(&a.text);
            for f in a.findings.iter().filter(|f| f.span.start <= end && start <= f.span.end) {
                let diagnostic = present::to_diagnostic(f, &a.text, &lines, enc, &a.engine.facts, &a.engine.locations);
                let edit = |edits: Vec<TextEdit>| WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..Default::default() };
                for (i, fix) in f.fixes.iter().enumerate() {
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diagnostic.clone()]),
                        edit: Some(edit(vec![TextEdit { range: range_of_span(&a.rope, fix.span, enc), new_text: fix.replacement.clone() }])),
                        is_preferred: Some(i == 0),
                        ..Default::default()
                    }));
                }
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Ignore this finding ({})", f.rule.code()),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    edit: Some(edit(vec![present::ignore_edit(f, &a.rope, enc)])),
                    ..Default::default()
                }));
            }
            Ok(Some(actions))
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        isolate("completion", async move {
            let tdp = params.text_document_position;
            let entry = self.inner.entry(&tdp.text_document.uri)?;
            let snap = entry.snapshot();
            let offset = self.inner.position(&snap, tdp.position)?;
            let Some(engine) = self.inner.current_engine() else { return Ok(None) };
            let text = snap.rope.to_string();
            let Some((start, prefix)) = present::name_prefix(&text, offset) else { return Ok(None) };
            let prefix = prefix.to_string();
            let e = engine.clone();
            let candidates = blocking("completion", move || present::name_candidates(&e.facts, &prefix)).await.map_err(engine_error)?;
            if candidates.is_empty() {
                return Ok(None);
            }
            let range = range_of_span(&snap.rope, Span::new(start, offset), self.inner.encoding());
            let items = candidates
                .into_iter()
                .map(|c| CompletionItem {
                    label: c.insert.clone(),
                    kind: Some(CompletionItemKind::TEXT),
                    detail: (c.insert != c.full_name).then(|| c.full_name.clone()).or_else(|| Some("named in the corpus".to_string())),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: c.insert })),
                    ..Default::default()
                })
                .collect();
            Ok(Some(CompletionResponse::List(CompletionList { is_incomplete: true, items })))
        })
        .await
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        isolate("document_symbol", async move {
            let uri = params.text_document.uri;
            let entry = self.inner.entry(&uri)?;
            let snap = entry.snapshot();
            if !self.inner.analysable(&entry, &snap) {
                return Ok(None);
            }
            let items = self.inner.fact_items(&entry, &snap).await?;
            let enc = self.inner.encoding();
            let nested = present::document_symbols(&items, &snap.rope, enc);
            if self.inner.session().hierarchical_symbols {
                return Ok(Some(DocumentSymbolResponse::Nested(nested)));
            }
            #[allow(deprecated)]
            let flat = nested
                .into_iter()
                .flat_map(|group| {
                    let container = group.name.clone();
                    let uri = uri.clone();
                    group.children.unwrap_or_default().into_iter().map(move |s| SymbolInformation {
                        name: s.name,
                        kind: s.kind,
                        tags: None,
                        deprecated: None,
                        location: Location { uri: uri.clone(), range: s.range },
                        container_name: Some(container.clone()),
                    })
                })
                .collect();
            Ok(Some(DocumentSymbolResponse::Flat(flat)))
        })
        .await
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        isolate("diagnostic", async move {
            let entry = self.inner.entry(&params.text_document.uri)?;
            // Clients pull after every change; the debounce keeps a burst of typing to one check.
            // A client that pulls again cancels this request, and with it the wait.
            let debounce = self.inner.settings().debounce;
            loop {
                let quiet = entry.lock().last_change.elapsed();
                if quiet >= debounce {
                    break;
                }
                tokio::time::sleep(debounce - quiet).await;
            }
            let snap = entry.snapshot();
            // Over the live-check limit, the last result stands until the next save.
            let last = entry.lock().analysis.clone();
            let last = last.filter(|_| !self.inner.analysable(&entry, &snap));
            let a = match last {
                Some(a) => a,
                None => self.inner.analysis(&entry, &snap, true, RunOn::BlockingPool).await?.ok_or_else(Error::internal_error)?,
            };
            let result_id = format!("{}.{}", a.version, a.engine.generation);
            if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
                return Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
                })));
            }
            Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(result_id), items: self.inner.diagnostics(&a) },
            })))
        })
        .await
    }
}
