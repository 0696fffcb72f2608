//! End-to-end tests of the `copydesk` binary: exit codes, messages, output formats.
//!
//! The checks are written elsewhere; while they report nothing these tests can only reach
//! exit codes 0 and 2. The shapes of finding lines are unit-tested in src/cli.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SOURCE: &str = "Harbour reopens after storm\n\nThe harbour reopened on Friday after a storm closed it for three days, the port authority said.\n";
const DRAFT: &str = "# Harbour reopens\n\nThe harbour reopened on Friday, the port authority said.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}

fn copydesk(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk")).current_dir(cwd).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A folder with a corpus in `sources/` and a draft in `draft.md`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sources/harbour.txt", SOURCE.as_bytes());
    write(dir.path(), "draft.md", DRAFT.as_bytes());
    dir
}

#[test]
fn a_clean_check_exits_0_and_prints_a_summary() {
    let dir = project();
    let out = copydesk(dir.path(), &["check", "--corpus", "sources", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(stderr(&out).trim_end(), "no findings in 1 file");
}

#[test]
fn a_missing_draft_exits_2_naming_it() {
    let dir = project();
    let out = copydesk(dir.path(), &["check", "--corpus", "sources", "draft.md", "nope.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("draft not found: nope.md"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_draft_that_is_not_utf8_exits_2() {
    let dir = project();
    write(dir.path(), "latin1.md", b"caf\xe9\n");
    let out = copydesk(dir.path(), &["check", "--corpus", "sources", "latin1.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("latin1.md is not valid UTF-8"), "{}", stderr(&out));
}

#[test]
fn a_missing_corpus_exits_2_naming_it() {
    let dir = project();
    let out = copydesk(dir.path(), &["check", "--corpus", "no-such-folder", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("corpus path not found: no-such-folder"), "{}", stderr(&out));
}

#[test]
fn no_corpus_anywhere_exits_2_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "draft.md", DRAFT.as_bytes());
    let out = copydesk(dir.path(), &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no corpus") && err.contains("--corpus"), "{err}");
}

#[test]
fn the_default_corpus_folder_is_used() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "draft.md", DRAFT.as_bytes());
    write(dir.path(), "corpus/a.txt", SOURCE.as_bytes());
    write(dir.path(), "corpus/bad.txt", b"\0\0");
    let out = copydesk(dir.path(), &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.txt: binary"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let dir = project();
    assert_eq!(copydesk(dir.path(), &["check", "--corpus", "sources"]).status.code(), Some(2));
    assert_eq!(copydesk(dir.path(), &["check", "--format", "xml", "draft.md"]).status.code(), Some(2));
    assert_eq!(copydesk(dir.path(), &["frobnicate"]).status.code(), Some(2));
    assert_eq!(copydesk(dir.path(), &["--help"]).status.code(), Some(0));
}

#[test]
fn bad_corpus_files_are_skipped_with_named_warnings() {
    let dir = project();
    let d = dir.path();
    write(d, "sources/binary.txt", b"PK\x03\x04\0\0garbage");
    write(d, "sources/latin1.txt", b"The caf\xe9 reopened on Friday.\n");
    write(d, "sources/empty.md", b"");
    write(d, "sources/archive.jsonl", b"{\"text\": \"Fine article text.\"}\n{\"text\": \"broken\n{\"title\": \"no body\"}\n");
    // Sparse: the size check must refuse it before reading a byte.
    let big = std::fs::File::create(d.join("sources/huge.txt")).unwrap();
    big.set_len(51 * 1024 * 1024).unwrap();
    let out = copydesk(d, &["check", "--corpus", "sources", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let skipped: Vec<&str> = err.lines().filter(|l| l.starts_with("copydesk: skipped ")).collect();
    let has = |needle: &str, reason: &str| {
        assert!(skipped.iter().any(|l| l.contains(needle) && l.contains(reason)), "no `{needle}` … `{reason}` in:\n{err}")
    };
    has("binary.txt:", "binary");
    has("latin1.txt:", "UTF-8");
    has("empty.md:", "empty");
    has("huge.txt:", "limit");
    has("archive.jsonl:2:", "malformed");
    has("archive.jsonl:3:", "text");
    assert_eq!(skipped.len(), 6, "{err}");
}

#[test]
fn the_config_is_found_in_a_parent_folder_and_its_globs_name_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "copydesk.toml", b"corpus = [\"sources/**/*.txt\"]\n[rules]\nquote-unsourced = \"off\"\n");
    write(d, "sources/2024/harbour.txt", SOURCE.as_bytes());
    // Only reached through the glob: its warning proves the config's corpus was loaded.
    write(d, "sources/2024/deep/broken.txt", b"\0");
    write(d, "sources/2024/ignored.md", b"\0");
    write(d, "drafts/today/draft.md", DRAFT.as_bytes());
    let out = copydesk(&d.join("drafts/today"), &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("broken.txt: binary"), "{err}");
    assert!(!err.contains("ignored.md"), "{err}");
}

#[test]
fn the_corpus_file_limit_comes_from_the_config_and_names_the_key() {
    let dir = project();
    let d = dir.path();
    write(d, "copydesk.toml", b"corpus = [\"sources\"]\n[limits]\nmax_corpus_file_mb = 1\n");
    // Sparse, and under the default limit: only the configured one refuses it.
    let big = std::fs::File::create(d.join("sources/two-megabytes.txt")).unwrap();
    big.set_len(2 * 1024 * 1024).unwrap();
    let out = copydesk(d, &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("skipped") && err.contains("two-megabytes.txt: file is 2.0 MB, over the 1.0 MB limit (limits.max_corpus_file_mb)"), "{err}");
    write(d, "copydesk.toml", b"corpus = [\"sources\"]\n[limits]\nmax_corpus_file_mb = 0\n");
    let out = copydesk(d, &["check", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("max_corpus_file_mb"), "{}", stderr(&out));
}

#[test]
fn a_bad_config_exits_2_naming_the_file() {
    let dir = project();
    write(dir.path(), "copydesk.toml", b"[rules]\nno-such-rule = \"off\"\n");
    let out = copydesk(dir.path(), &["check", "--corpus", "sources", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("copydesk.toml") && err.contains("no-such-rule"), "{err}");
    let out = copydesk(dir.path(), &["check", "--config", "absent.toml", "--corpus", "sources", "draft.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("absent.toml"), "{}", stderr(&out));
}

#[test]
fn json_output_is_one_entry_per_draft() {
    let dir = project();
    write(dir.path(), "second.md", b"Another draft.\n");
    let out = copydesk(dir.path(), &["check", "--format", "json", "--corpus", "sources", "draft.md", "second.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = v.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["path"], "draft.md");
    assert_eq!(entries[1]["path"], "second.md");
    assert!(entries[0]["diagnostics"].is_array());
    // Machine formats keep stderr for problems only.
    assert_eq!(stderr(&out), "");
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let dir = project();
    let out = copydesk(dir.path(), &["check", "--format", "sarif", "--corpus", "sources", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif"));
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert!(driver["informationUri"].as_str().unwrap().starts_with("https://"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 12);
    for r in rules {
        assert!(!r["id"].as_str().unwrap().is_empty());
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(r["helpUri"].as_str().unwrap().ends_with(&format!("#{}", r["id"].as_str().unwrap())));
    }
    assert!(runs[0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn facts_still_prints_json() {
    let dir = project();
    let out = copydesk(dir.path(), &["facts", "draft.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
    assert_eq!(copydesk(dir.path(), &["facts", "missing.md"]).status.code(), Some(2));
}
