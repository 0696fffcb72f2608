//! Reading corpus files from disk. The only IO of the corpus.

use super::{clean, path_to_uri, Meta, Origin, SourceDoc};
use crate::text::LineIndex;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Something skipped while loading, named so the writer can act on it.
#[derive(Debug, Clone)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<SourceDoc>,
    pub warnings: Vec<LoadWarning>,
}

#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a warning (a stray dump must not stall a check).
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions::from_limits(&crate::config::Limits::default())
    }
}

impl LoadOptions {
    pub fn from_limits(limits: &crate::config::Limits) -> LoadOptions {
        LoadOptions { max_file_bytes: limits.max_corpus_file_bytes }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    Html,
    Jsonl,
}

const NOT_A_CORPUS_FILE: &str = "not a corpus file (use .txt, .md, .html, .htm or .jsonl)";

fn kind_of(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Some(Kind::Plain),
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "jsonl" | "ndjson" => Some(Kind::Jsonl),
        _ => None,
    }
}

/// Load every supported file under `paths` (files or folders, recursively).
/// A path that does not exist is an error; a bad file inside a folder is a warning.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, String> {
    load_paths_with(paths, &LoadOptions::default())
}

pub fn load_paths_with(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded, String> {
    load_paths_with_progress(paths, options, &mut |_, _| {})
}

/// As `load_paths_with`, reporting `(bytes_done, bytes_total)` as it goes.
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    options: &LoadOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Loaded, String> {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    let mut walk = Walk::default();
    for p in paths {
        if !p.exists() {
            return Err(format!("corpus path not found: {}", p.display()));
        }
        walk.visit(p, &mut files, &mut loaded.warnings);
    }
    let total: u64 = files.iter().map(|f: &Found| f.size.min(options.max_file_bytes)).sum();
    let mut done = 0;
    progress(0, total);
    for f in &files {
        load_file(f, options, &mut loaded, &mut |in_file| progress(done + in_file, total));
        done += f.size.min(options.max_file_bytes);
        progress(done, total);
    }
    Ok(loaded)
}

/// Loads one file as the folder walk would (a JSONL archive gives one document per line).
/// For reloading a single changed file; unsupported extensions give a warning.
pub fn load_file_path(path: &Path, options: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(_) => {
            loaded.warnings.push(LoadWarning { path: path.to_path_buf(), message: NOT_REGULAR.to_string() });
            return loaded;
        }
        Err(e) => {
            loaded.warnings.push(LoadWarning { path: path.to_path_buf(), message: format!("cannot read: {}", io_reason(&e)) });
            return loaded;
        }
    };
    match kind_of(path) {
        Some(kind) => load_file(&Found { path: path.to_path_buf(), kind, size }, options, &mut loaded, &mut |_| {}),
        None => loaded.warnings.push(LoadWarning {
            path: path.to_path_buf(),
            message: NOT_A_CORPUS_FILE.to_string(),
        }),
    }
    loaded
}

struct Found {
    path: PathBuf,
    kind: Kind,
    size: u64,
}

#[derive(Default)]
struct Walk {
    /// Canonical folders already entered: a symlink loop ends here.
    dirs: HashSet<PathBuf>,
    /// Canonical files already taken: the same article reached twice would look like two
    /// independent sources agreeing.
    files: HashSet<PathBuf>,
}

const NOT_REGULAR: &str = "not a regular file (a pipe, socket or device)";

/// Folders deeper than this below a corpus path are skipped: no archive is organised that
/// deep, and a generated tree that is should not walk the disk for minutes.
const MAX_FOLDER_DEPTH: usize = 64;

impl Walk {
    /// Depth-first in name order, with an explicit stack so a deep tree cannot exhaust the
    /// (small) stack of the thread that loads.
    fn visit(&mut self, root: &Path, out: &mut Vec<Found>, warnings: &mut Vec<LoadWarning>) {
        let mut stack = vec![(root.to_path_buf(), 0usize)];
        while let Some((p, depth)) = stack.pop() {
            let named = depth == 0;
            let warn = |warnings: &mut Vec<LoadWarning>, message: String| warnings.push(LoadWarning { path: p.clone(), message });
            let meta = match std::fs::metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    warn(warnings, format!("cannot read: {}", io_reason(&e)));
                    continue;
                }
            };
            let canonical = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
            if meta.is_dir() {
                if !self.dirs.insert(canonical) {
                    warn(warnings, "folder already read through another path (a symbolic link loop?)".to_string());
                    continue;
                }
                if depth >= MAX_FOLDER_DEPTH {
                    warn(warnings, format!("folder nested more than {MAX_FOLDER_DEPTH} levels deep"));
                    continue;
                }
                let entries = match std::fs::read_dir(&p) {
                    Ok(rd) => rd,
                    Err(e) => {
                        warn(warnings, format!("cannot read folder: {}", io_reason(&e)));
                        continue;
                    }
                };
                let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                // Reversed onto the stack, so they come off in name order.
                children.sort_by(|a, b| b.cmp(a));
                // Hidden entries (.git, editor swap files) are never sources.
                let visible = children.into_iter().filter(|c| !c.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')));
                stack.extend(visible.map(|c| (c, depth + 1)));
                continue;
            }
            let Some(kind) = kind_of(&p) else {
                if named {
                    warn(warnings, NOT_A_CORPUS_FILE.to_string());
                }
                continue;
            };
            // Reading a named pipe would wait for a writer forever.
            if !meta.is_file() {
                warn(warnings, NOT_REGULAR.to_string());
                continue;
            }
            if self.files.insert(canonical) {
                out.push(Found { path: p.clone(), kind, size: meta.len() });
            }
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "not found".to_string(),
        _ => e.to_string(),
    }
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

fn over_limit(size: u64, options: &LoadOptions) -> String {
    format!("file is {}, over the {} limit (limits.max_corpus_file_mb)", megabytes(size), megabytes(options.max_file_bytes))
}

/// `progress` hears how many bytes of this file are done, for archives large enough to wait on.
fn load_file(f: &Found, options: &LoadOptions, out: &mut Loaded, progress: &mut dyn FnMut(u64)) {
    let warn = |out: &mut Loaded, message: String| out.warnings.push(LoadWarning { path: f.path.clone(), message });
    if f.size > options.max_file_bytes {
        return warn(out, over_limit(f.size, options));
    }
    let bytes = match std::fs::read(&f.path) {
        Ok(b) => b,
        Err(e) => return warn(out, format!("cannot read: {}", io_reason(&e))),
    };
    let abs = std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone());
    docs_from_file_bytes(bytes, f, &abs.to_string_lossy(), options, out, progress);
}

/// Turns one file's bytes into documents without touching the disk: the same code the loader
/// runs after reading, so it can be fed any bytes (the fuzz targets do). `path` names the file
/// and, by its extension, says how to read it.
pub fn docs_from_bytes(bytes: &[u8], path: &Path, options: &LoadOptions) -> Loaded {
    let mut loaded = Loaded::default();
    match kind_of(path) {
        Some(kind) => {
            let f = Found { path: path.to_path_buf(), kind, size: bytes.len() as u64 };
            docs_from_file_bytes(bytes.to_vec(), &f, &path.to_string_lossy(), options, &mut loaded, &mut |_| {});
        }
        None => loaded.warnings.push(LoadWarning {
            path: path.to_path_buf(),
            message: NOT_A_CORPUS_FILE.to_string(),
        }),
    }
    loaded
}

/// `path` is the absolute path the documents will carry.
fn docs_from_file_bytes(bytes: Vec<u8>, f: &Found, path: &str, options: &LoadOptions, out: &mut Loaded, progress: &mut dyn FnMut(u64)) {
    let warn = |out: &mut Loaded, message: String| out.warnings.push(LoadWarning { path: f.path.clone(), message });
    // The size may have changed since the folder was listed.
    if bytes.len() as u64 > options.max_file_bytes {
        return warn(out, over_limit(bytes.len() as u64, options));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return warn(out, "empty file".to_string());
    }
    if bytes.contains(&0) {
        return warn(out, "binary file (contains NUL bytes)".to_string());
    }
    let name = f.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string());
    if f.kind == Kind::Jsonl {
        return load_jsonl(&bytes, f, path, &name, out, progress);
    }
    let raw = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return warn(out, format!("not valid UTF-8 (bad byte at offset {at})"));
        }
    };
    let doc = match f.kind {
        Kind::Html => html_doc(raw, path, name),
        _ => plain_doc(raw, path, name),
    };
    if doc.text.trim().is_empty() {
        return warn(out, "no article text left after removing page furniture".to_string());
    }
    out.docs.push(doc);
}

/// A text or Markdown file: header lines become metadata, furniture is blanked, and the
/// cleaned text keeps the file's offsets.
pub fn plain_doc(mut raw: String, path: &str, label: String) -> SourceDoc {
    let mut meta = Meta::default();
    // A byte-order mark is not text; blanking it keeps offsets.
    if raw.starts_with('\u{feff}') {
        raw.replace_range(0..3, "   ");
    }
    if let Some((header, end)) = clean::parse_header(&raw) {
        meta = header;
        clean::blank_prefix(&mut raw, end);
    }
    clean::blank_furniture(&mut raw);
    if meta.title.is_none() {
        meta.title = clean::first_title(&raw).map(str::to_string);
    }
    SourceDoc {
        uri: path_to_uri(path),
        path: path.to_string(),
        label,
        meta,
        origin: Origin::Same(LineIndex::new(&raw)),
        text: raw,
    }
}

/// An HTML page: text extracted with a map back to the file's positions.
pub fn html_doc(raw: String, path: &str, label: String) -> SourceDoc {
    let extracted = clean::html_to_text(&raw);
    let mut meta = extracted.meta;
    if meta.title.is_none() {
        meta.title = clean::first_title(&extracted.text).map(str::to_string);
    }
    SourceDoc {
        uri: path_to_uri(path),
        path: path.to_string(),
        label,
        meta,
        text: extracted.text,
        origin: Origin::Mapped { pairs: extracted.pairs, file_lines: LineIndex::new(&raw), file_text: raw },
    }
}

/// One JSONL record. Metadata fields may be strings or numbers; anything else is ignored.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    text: Option<serde_json::Value>,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default)]
    outlet: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    dateline: Option<serde_json::Value>,
}

fn scalar(v: Option<serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A JSONL archive: one article per line. Archives hold extracted article text already, so
/// no furniture is blanked (a newswire table line is data, not a menu).
fn load_jsonl(bytes: &[u8], f: &Found, path: &str, name: &str, out: &mut Loaded, progress: &mut dyn FnMut(u64)) {
    const REPORT_EVERY_BYTES: usize = 1 << 20;
    let mut consumed = 0usize;
    let mut reported = 0usize;
    let uri = path_to_uri(path);
    // A file that is not JSONL at all would otherwise warn once per line.
    const MAX_LINE_WARNINGS: usize = 10;
    let mut bad_lines = 0usize;
    let mut warn_line = |out: &mut Loaded, line: usize, message: String| {
        bad_lines += 1;
        if bad_lines <= MAX_LINE_WARNINGS {
            out.warnings.push(LoadWarning { path: PathBuf::from(format!("{}:{}", f.path.display(), line + 1)), message })
        }
    };
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        consumed += line.len() + 1;
        if consumed - reported >= REPORT_EVERY_BYTES {
            reported = consumed;
            progress(consumed as u64);
        }
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            warn_line(out, i, "not valid UTF-8".to_string());
            continue;
        };
        let record: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                warn_line(out, i, format!("malformed JSON: {e}"));
                continue;
            }
        };
        let Some(serde_json::Value::String(text)) = record.text else {
            warn_line(out, i, "no \"text\" string".to_string());
            continue;
        };
        if text.trim().is_empty() {
            warn_line(out, i, "empty \"text\"".to_string());
            continue;
        }
        out.docs.push(SourceDoc {
            path: path.to_string(),
            uri: uri.clone(),
            label: format!("{name}:{}", i + 1),
            meta: Meta {
                id: scalar(record.id),
                title: scalar(record.title),
                outlet: scalar(record.outlet),
                url: scalar(record.url),
                date: scalar(record.date),
                dateline: scalar(record.dateline),
            },
            text,
            origin: Origin::JsonlLine(i as u32),
        });
    }
    if bad_lines > MAX_LINE_WARNINGS {
        out.warnings.push(LoadWarning {
            path: f.path.clone(),
            message: format!("{} more bad lines skipped", bad_lines - MAX_LINE_WARNINGS),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::FilePos;
    use crate::text::Span;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn warning_for<'a>(l: &'a Loaded, suffix: &str) -> &'a str {
        l.warnings
            .iter()
            .find(|w| w.path.to_string_lossy().ends_with(suffix))
            .map(|w| w.message.as_str())
            .unwrap_or_else(|| panic!("no warning for {suffix}: {:?}", l.warnings))
    }

    #[test]
    fn folders_load_recursively_in_order_and_bad_files_become_named_warnings() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "b.txt", b"The second article says the port reopened on Friday morning.\n");
        write(d, "a/z.md", b"The first article says the port reopened on Friday morning.\n");
        write(d, "notes.rtf", b"ignored");
        write(d, ".hidden/x.txt", b"hidden folders are not sources.\n");
        write(d, "binary.txt", b"abc\0def");
        write(d, "latin1.txt", b"caf\xe9 au lait\n");
        write(d, "empty.md", b"  \n\n");
        write(d, "big.txt", &[b'a'; 2048]);
        let l = load_paths_with(&[d.to_path_buf()], &LoadOptions { max_file_bytes: 1024 }).unwrap();
        let labels: Vec<&str> = l.docs.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, vec!["z.md", "b.txt"]);
        assert!(warning_for(&l, "binary.txt").contains("binary"));
        assert!(warning_for(&l, "latin1.txt").contains("UTF-8"));
        assert!(warning_for(&l, "empty.md").contains("empty"));
        assert!(warning_for(&l, "big.txt").contains("limit"));
        assert_eq!(l.warnings.len(), 4, "{:?}", l.warnings);
        assert!(l.docs[0].path.starts_with('/') && l.docs[0].uri.starts_with("file:///"));
    }

    #[test]
    fn a_single_file_reloads_like_the_walk_loads_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "one.md", b"The ferry sailed at noon on Monday, the operator said.\n");
        let l = load_file_path(&p, &LoadOptions::default());
        assert_eq!(l.docs.len(), 1);
        assert_eq!(l.docs[0].label, "one.md");
        let l = load_file_path(&dir.path().join("gone.txt"), &LoadOptions::default());
        assert!(l.docs.is_empty() && l.warnings[0].message.contains("not found"));
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let err = load_paths(&[PathBuf::from("/no/such/corpus/here")]).unwrap_err();
        assert!(err.contains("/no/such/corpus/here"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end_and_a_file_reached_twice_loads_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "src/one.txt", b"The museum reopened on Sunday after two years of repairs.\n");
        std::os::unix::fs::symlink(d, d.join("src/loop")).unwrap();
        std::os::unix::fs::symlink(d.join("src/one.txt"), d.join("src/alias.txt")).unwrap();
        let l = load_paths(&[d.to_path_buf()]).unwrap();
        assert_eq!(l.docs.len(), 1);
        assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
        assert!(warning_for(&l, "src/loop").contains("loop"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_parent_and_a_deep_tree_end_with_one_warning_each() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut deep = d.join("tree");
        for level in 0..MAX_FOLDER_DEPTH + 5 {
            deep.push(format!("l{level}"));
            if level == 10 {
                write(&deep, "kept.txt", b"The pier reopened on Monday, the harbour office said.\n");
            }
        }
        write(&deep, "too-deep.txt", b"Nobody reads this far down.\n");
        std::os::unix::fs::symlink("..", d.join("tree/l0/loop")).unwrap();
        let l = load_paths(&[d.join("tree")]).unwrap();
        let labels: Vec<&str> = l.docs.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, vec!["kept.txt"]);
        assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
        assert!(l.warnings.iter().any(|w| w.message.contains("levels deep")));
        assert!(warning_for(&l, "tree/l0/loop").contains("loop"));
    }

    #[cfg(unix)]
    #[test]
    fn pipes_dangling_links_and_unreadable_files_are_named_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "good.txt", b"The ferry resumed service on Tuesday, the operator said.\n");
        let status = std::process::Command::new("mkfifo").arg(d.join("pipe.txt")).status().expect("mkfifo");
        assert!(status.success());
        std::os::unix::fs::symlink(d.join("gone.txt"), d.join("dangling.txt")).unwrap();
        let locked = write(d, "locked.txt", b"The bridge closed on Sunday, the council said.\n");
        std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
        // Root reads a mode-000 file anyway; then it simply loads.
        let locked_is_readable = std::fs::read(&locked).is_ok();
        let l = load_paths(&[d.to_path_buf()]).unwrap();
        assert!(warning_for(&l, "pipe.txt").contains("not a regular file"));
        assert!(load_file_path(&d.join("pipe.txt"), &LoadOptions::default()).warnings[0].message.contains("not a regular file"));
        assert!(warning_for(&l, "dangling.txt").contains("not found"));
        let labels: Vec<&str> = l.docs.iter().map(|d| d.label.as_str()).collect();
        if locked_is_readable {
            assert_eq!(labels, vec!["good.txt", "locked.txt"]);
            assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
        } else {
            assert_eq!(labels, vec!["good.txt"]);
            assert!(warning_for(&l, "locked.txt").contains("permission denied"));
        }
    }

    #[test]
    fn jsonl_articles_carry_line_origins_labels_metadata_and_line_warnings() {
        let dir = tempfile::tempdir().unwrap();
        let body = "{\"id\": 7, \"title\": \"Rates\", \"outlet\": \"Wire\", \"date\": \"1 May\", \"text\": \"Rates rose.\\nBanks followed.\"}\n\
                    \n\
                    {\"title\": \"no text\"}\n\
                    {not json\n\
                    {\"text\": \"Second story, \\u00e9t\\u00e9.\", \"dateline\": \"PARIS, May 2\"}\n\
                    {\"text\": 5}\n";
        write(dir.path(), "wire.jsonl", body.as_bytes());
        let l = load_paths(&[dir.path().join("wire.jsonl")]).unwrap();
        assert_eq!(l.docs.len(), 2);
        let first = &l.docs[0];
        assert_eq!(first.label, "wire.jsonl:1");
        assert_eq!(first.text, "Rates rose.\nBanks followed.");
        assert_eq!(first.meta.id.as_deref(), Some("7"));
        assert_eq!(first.meta.outlet.as_deref(), Some("Wire"));
        let second = &l.docs[1];
        assert_eq!(second.label, "wire.jsonl:5");
        assert_eq!(second.text, "Second story, été.");
        assert_eq!(second.meta.dateline.as_deref(), Some("PARIS, May 2"));
        assert_eq!(second.file_pos(3), FilePos { line: 4, character: 0 });
        assert!(warning_for(&l, "wire.jsonl:3").contains("text"));
        assert!(warning_for(&l, "wire.jsonl:4").contains("malformed"));
        assert!(warning_for(&l, "wire.jsonl:6").contains("text"));
        assert_eq!(l.warnings.len(), 3);
    }

    #[test]
    fn plain_files_keep_their_offsets_after_header_and_furniture_are_blanked() {
        let dir = tempfile::tempdir().unwrap();
        let raw = "outlet: Example Post\ndate: 2024-03-02\n---\nMenu\nTram line extended to the airport\n\
                   The new tram line opened on Monday, the city said in a statement.\n";
        write(dir.path(), "post.txt", raw.as_bytes());
        let l = load_paths(&[dir.path().to_path_buf()]).unwrap();
        let doc = &l.docs[0];
        assert_eq!(doc.text.len(), raw.len());
        assert_eq!(doc.meta.outlet.as_deref(), Some("Example Post"));
        assert_eq!(doc.meta.title.as_deref(), Some("Tram line extended to the airport"));
        assert!(!doc.text.contains("outlet") && !doc.text.contains("Menu"));
        let at = raw.find("Monday").unwrap();
        let col = at - raw[..at].rfind('\n').unwrap() - 1;
        assert_eq!(doc.file_pos(at), FilePos { line: 5, character: col as u32 });
    }

    #[test]
    fn html_positions_point_into_the_html_file() {
        let dir = tempfile::tempdir().unwrap();
        let raw = "<html><body>\n<h1>Bridge opens</h1>\n<p>The bridge\n  opened on <em>Tuesday</em> after delays, the council said.</p>\n</body></html>\n";
        write(dir.path(), "page.html", raw.as_bytes());
        let l = load_paths(&[dir.path().to_path_buf()]).unwrap();
        let doc = &l.docs[0];
        assert!(doc.text.contains("The bridge opened on Tuesday after delays"), "{:?}", doc.text);
        let at = doc.text.find("Tuesday").unwrap();
        let (start, end) = doc.file_range(Span::new(at, at + "Tuesday".len()));
        let line3 = raw.lines().nth(3).unwrap();
        let col = line3.find("Tuesday").unwrap() as u32;
        assert_eq!(start, FilePos { line: 3, character: col });
        // The exclusive end maps to where the next text character comes from, so an inline
        // closing tag right after the word falls inside the range.
        assert_eq!(end.line, 3);
        assert!(end.character >= col + 7);
    }
}
