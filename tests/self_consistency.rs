//! Precision on news nobody here wrote: an article checked against a corpus that contains it
//! must get no warning. Every warning here is a false one. Uses the BBC archive in ../shared
//! (skipped, with a note, where it is absent).

use copydesk::corpus::load::load_paths;
use copydesk::{check_draft, Config, FactBase, Severity};
use std::path::Path;

#[test]
fn bbc_articles_checked_against_their_own_archive_get_no_warning() {
    let archive = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc-news-2005.jsonl");
    if !archive.exists() {
        eprintln!("skipped: {} not present", archive.display());
        return;
    }
    let docs = load_paths(std::slice::from_ref(&archive)).expect("archive loads").docs;
    let drafts: Vec<String> = docs.iter().step_by(23).map(|d| format!("# {}\n\n{}", d.meta.title.clone().unwrap_or_default(), d.text)).collect();
    let facts = FactBase::build(docs);
    let config = Config::default();
    let mut false_warnings = Vec::new();
    for (i, draft) in drafts.iter().enumerate() {
        for f in check_draft(&facts, draft, &config) {
            if f.severity <= Severity::Warning {
                false_warnings.push(format!("article {}: {} {:?}: {}", i * 23, f.rule.code(), f.span.slice(draft), f.message));
            }
        }
    }
    assert!(drafts.len() > 50);
    assert!(false_warnings.is_empty(), "{} false warnings:\n{}", false_warnings.len(), false_warnings.join("\n"));
}
