//! Data-driven cases: every `tests/cases/*.expect.json` names a draft beside it, a corpus and the
//! findings a careful fact-checker would report. Scoring follows shared/eval/score.py so that this
//! test and the evaluation script never disagree about what counts as a hit:
//! - a finding hits an expected item when the codes are equal and the finding's span overlaps an
//!   occurrence of one of the item's `at` substrings (an empty span counts as one byte wide);
//!   each finding hits at most one item, items are matched in file order;
//! - an error or warning that hits nothing is a false positive; information and hint findings
//!   only ever serve to hit items (they cost nothing when they hit none);
//! - evidence is right when some cited document is one of the item's `evidence` files; it is
//!   reported, not failed on, exactly as score.py reports it without gating on it.
//!
//! The bundled example (`examples/draft.md`) is a case too, so a fresh clone's demo keeps working.
//! Set `COPYDESK_CASES_DIR` to run another folder of cases (e.g. shared/eval/cases) through the
//! same harness instead.

use copydesk::corpus::load::load_paths;
use copydesk::corpus::SourceDoc;
use copydesk::{check_draft, Config, FactBase, Finding, Rule, Severity};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Spec {
    corpus: String,
    /// Extension of the draft file, as in score.py.
    #[serde(default)]
    ext: Option<String>,
    expect: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    at: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

#[derive(Debug)]
struct Case {
    name: String,
    draft_path: PathBuf,
    corpus_path: PathBuf,
    spec: Spec,
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn default_cases_dir() -> PathBuf {
    manifest_dir().join("tests").join("cases")
}

fn case_dirs() -> Vec<PathBuf> {
    match std::env::var_os("COPYDESK_CASES_DIR") {
        Some(dir) => vec![PathBuf::from(dir)],
        None => vec![default_cases_dir(), manifest_dir().join("examples")],
    }
}

fn all_expect_files() -> Vec<PathBuf> {
    case_dirs().iter().flat_map(|dir| expect_files(dir)).collect()
}

fn expect_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".expect.json")))
        .collect();
    files.sort();
    files
}

fn read_case(expect_file: &Path) -> Result<Case, String> {
    let raw = std::fs::read_to_string(expect_file).map_err(|e| format!("cannot read: {e}"))?;
    let spec: Spec = serde_json::from_str(&raw).map_err(|e| format!("bad expect file: {e}"))?;
    let file_name = expect_file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let stem = file_name.strip_suffix(".expect.json").unwrap_or(file_name);
    let ext = spec.ext.clone().unwrap_or_else(|| ".md".to_string());
    let dir = expect_file.parent().unwrap_or(Path::new("."));
    let draft_path = dir.join(format!("{stem}{ext}"));
    let corpus_path = dir.join(&spec.corpus);
    let name = draft_path.strip_prefix(manifest_dir()).unwrap_or(&draft_path).display().to_string();
    Ok(Case { name, draft_path, corpus_path, spec })
}

/// `a/b/../c` → `a/c` without touching the disk, so a missing folder can still be located.
fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A corpus beside the repository (the shared seed corpus) is absent from a bare clone; one
/// inside the repository must always be there.
fn is_outside_repository(path: &Path) -> bool {
    !normalize_lexically(path).starts_with(normalize_lexically(&manifest_dir()))
}

/// Byte ranges of every occurrence of every anchor, overlapping occurrences included.
fn anchor_spans(text: &str, anchors: &[String]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for anchor in anchors {
        if anchor.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|rest| rest.find(anchor.as_str())) {
            let start = from + i;
            spans.push((start, start + anchor.len()));
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    spans
}

fn overlaps(finding: &Finding, (start, end): (usize, usize)) -> bool {
    let finding_end = if finding.span.is_empty() { finding.span.start + 1 } else { finding.span.end };
    finding.span.start < end && start < finding_end
}

fn counts_against_precision(severity: Severity) -> bool {
    matches!(severity, Severity::Error | Severity::Warning)
}

fn doc_is_named(doc: &SourceDoc, file_name: &str) -> bool {
    // JSONL articles are labelled `archive.jsonl:LINE`; their path is the archive's.
    doc.label == file_name
        || doc.label.ends_with(&format!("/{file_name}"))
        || doc.label.starts_with(&format!("{file_name}:"))
        || doc.path.ends_with(&format!("/{file_name}"))
}

/// 1-based line and column (in characters) of a byte offset, for people reading the report.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn excerpt(text: &str, finding: &Finding) -> String {
    let piece = text.get(finding.span.start..finding.span.end).unwrap_or("<span not on char boundaries>");
    let short: String = piece.chars().take(60).collect();
    if short.len() < piece.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[derive(Default)]
struct CaseScore {
    hits: usize,
    missed: usize,
    false_positives: usize,
    evidence_right: usize,
    evidence_checked: usize,
}

/// Matches findings to expected items; returns the score and the report lines for one case.
fn score_findings(draft: &str, expect: &[Expected], findings: &[Finding], docs: &[SourceDoc]) -> (CaseScore, Vec<String>) {
    let mut score = CaseScore::default();
    let mut used = vec![false; findings.len()];
    let mut lines = Vec::new();
    for expected in expect {
        let spans = anchor_spans(draft, &expected.at);
        let hit = findings.iter().enumerate().find(|(i, f)| {
            !used[*i] && f.rule.code() == expected.code && spans.iter().any(|&s| overlaps(f, s))
        });
        let first_anchor = expected.at.first().map(String::as_str).unwrap_or("");
        let (line, column) = spans.first().map_or((0, 0), |s| line_col(draft, s.0));
        match hit {
            None => {
                score.missed += 1;
                lines.push(format!("  missed   {} at {line}:{column} {first_anchor:?}", expected.code));
            }
            Some((i, finding)) => {
                used[i] = true;
                score.hits += 1;
                if !expected.evidence.is_empty() {
                    score.evidence_checked += 1;
                    let cited: Vec<&SourceDoc> = finding.evidence.iter().filter_map(|ev| docs.get(ev.doc)).collect();
                    if cited.iter().any(|doc| expected.evidence.iter().any(|name| doc_is_named(doc, name))) {
                        score.evidence_right += 1;
                    } else {
                        let labels: Vec<&str> = cited.iter().map(|d| d.label.as_str()).collect();
                        lines.push(format!(
                            "  evidence {} at {line}:{column} {first_anchor:?} cites {labels:?}, expected one of {:?}",
                            expected.code, expected.evidence
                        ));
                    }
                }
            }
        }
    }
    for (finding, _) in findings.iter().zip(&used).filter(|(f, used)| !**used && counts_against_precision(f.severity)) {
        score.false_positives += 1;
        let (line, column) = line_col(draft, finding.span.start);
        lines.push(format!(
            "  false    {} {} at {line}:{column} {:?}: {}",
            finding.severity.name(),
            finding.rule.code(),
            excerpt(draft, finding),
            finding.message
        ));
    }
    (score, lines)
}

/// Scores one case, writing its lines of the report.
fn score_case(case: &Case, report: &mut String) -> CaseScore {
    let draft = match std::fs::read_to_string(&case.draft_path) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(report, "{}: cannot read draft {}: {e}", case.name, case.draft_path.display());
            return CaseScore { missed: case.spec.expect.len().max(1), ..CaseScore::default() };
        }
    };
    let loaded = match load_paths(std::slice::from_ref(&case.corpus_path)) {
        Ok(l) => l,
        Err(e) => {
            let _ = writeln!(report, "{}: cannot load corpus: {e}", case.name);
            return CaseScore { missed: case.spec.expect.len().max(1), ..CaseScore::default() };
        }
    };
    let facts = FactBase::build(loaded.docs);
    let findings = check_draft(&facts, &draft, &Config::default());
    let (score, lines) = score_findings(&draft, &case.spec.expect, &findings, &facts.docs);
    let _ = writeln!(
        report,
        "{}: {} found, {} missed, {} false, evidence {}/{}",
        case.name, score.hits, score.missed, score.false_positives, score.evidence_right, score.evidence_checked
    );
    for line in lines {
        let _ = writeln!(report, "{line}");
    }
    score
}

/// Recall the engine must keep on these cases; every miss is still listed in the report.
const MIN_RECALL: f64 = 0.9;

#[test]
fn every_case_finds_what_a_fact_checker_would_and_nothing_false() {
    let dirs = case_dirs();
    let mut report = String::new();
    let mut total = CaseScore::default();
    let mut skipped = Vec::new();
    for file in all_expect_files() {
        let case = read_case(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if !case.corpus_path.exists() && is_outside_repository(&case.corpus_path) {
            skipped.push(format!("{} (corpus {} not present)", case.name, case.corpus_path.display()));
            continue;
        }
        let score = score_case(&case, &mut report);
        total.hits += score.hits;
        total.missed += score.missed;
        total.false_positives += score.false_positives;
        total.evidence_right += score.evidence_right;
        total.evidence_checked += score.evidence_checked;
    }
    for s in &skipped {
        let _ = writeln!(report, "skipped  {s}");
    }
    let _ = writeln!(
        report,
        "total: {} found, {} missed, {} false, evidence {}/{}",
        total.hits, total.missed, total.false_positives, total.evidence_right, total.evidence_checked
    );
    assert!(total.hits + total.missed > 0 || !skipped.is_empty(), "no cases with expectations under {dirs:?}");
    let recall = total.hits as f64 / (total.hits + total.missed).max(1) as f64;
    assert!(
        total.false_positives == 0 && recall >= MIN_RECALL,
        "{} false warnings and recall {recall:.3} (bar {MIN_RECALL}) in {dirs:?}:\n{report}",
        total.false_positives,
    );
    eprintln!("{report}");
}

fn file_exists_under(root: &Path, file_name: &str) -> bool {
    if root.is_file() {
        return root.file_name().is_some_and(|n| n == file_name);
    }
    let Ok(entries) = std::fs::read_dir(root) else { return false };
    entries.filter_map(|e| e.ok()).any(|e| file_exists_under(&e.path(), file_name))
}

/// The data itself must be sound, or the harness above would report nonsense: every expect file
/// parses, names an existing draft and corpus, anchors its items in the draft and cites corpus
/// files that exist.
#[test]
fn case_data_is_consistent() {
    let dirs = case_dirs();
    let mut problems = Vec::new();
    let mut codes_expected = BTreeSet::new();
    let mut clean_drafts = 0;
    for dir in &dirs {
        if expect_files(dir).is_empty() {
            problems.push(format!("no *.expect.json under {}", dir.display()));
        }
    }
    for file in &all_expect_files() {
        let in_own_cases = file.parent() == Some(default_cases_dir().as_path());
        let label = file.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let case = match read_case(file) {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("{label}: {e}"));
                continue;
            }
        };
        let draft = match std::fs::read_to_string(&case.draft_path) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{label}: draft {} unreadable: {e}", case.draft_path.display()));
                continue;
            }
        };
        if Path::new(&case.spec.corpus).is_absolute() {
            problems.push(format!("{label}: corpus must be relative to the case file, not {}", case.spec.corpus));
        }
        let corpus_present = case.corpus_path.exists();
        if !corpus_present {
            if is_outside_repository(&case.corpus_path) {
                eprintln!("{label}: corpus {} not present, evidence files not checked", case.corpus_path.display());
            } else {
                problems.push(format!("{label}: corpus {} does not exist", case.corpus_path.display()));
            }
        }
        if in_own_cases && case.spec.expect.is_empty() {
            clean_drafts += 1;
        }
        for (n, item) in case.spec.expect.iter().enumerate() {
            let at = format!("{label} item {n} ({})", item.code);
            match Rule::from_code(&item.code) {
                Some(rule) if in_own_cases => {
                    codes_expected.insert(rule);
                }
                Some(_) => {}
                None => problems.push(format!("{at}: unknown code")),
            }
            if item.at.is_empty() {
                problems.push(format!("{at}: no anchors"));
            }
            for anchor in &item.at {
                if anchor.is_empty() || !draft.contains(anchor.as_str()) {
                    problems.push(format!("{at}: anchor {anchor:?} is not in the draft"));
                }
            }
            if corpus_present {
                for name in &item.evidence {
                    if !file_exists_under(&case.corpus_path, name) {
                        problems.push(format!("{at}: evidence file {name} is not in {}", case.corpus_path.display()));
                    }
                }
            }
        }
    }
    // Our own cases promise to exercise every check and to include a draft that must stay silent.
    if dirs.contains(&default_cases_dir()) {
        for rule in Rule::ALL {
            if !codes_expected.contains(&rule) {
                problems.push(format!("no case expects {}", rule.code()));
            }
        }
        if clean_drafts == 0 {
            problems.push("no clean case (one with no expected findings)".to_string());
        }
    }
    assert!(problems.is_empty(), "case data problems in {dirs:?}:\n  {}", problems.join("\n  "));
}

#[test]
fn scoring_follows_score_py() {
    use copydesk::text::Span;
    let text = "Talks began at 1000 GMT on Friday. Talks began at 1000 GMT.";
    let spans = anchor_spans(text, &["1000 GMT".to_string()]);
    assert_eq!(spans, vec![(15, 23), (50, 58)]);
    let at = |start, end| Finding::new(Rule::TimeConflict, Span::new(start, end), "");
    assert!(overlaps(&at(20, 30), spans[0]));
    assert!(!overlaps(&at(23, 30), spans[0]), "touching is not overlapping");
    assert!(overlaps(&at(15, 15), spans[0]), "an empty span counts as one byte");
    assert!(!overlaps(&at(23, 23), spans[0]));
    assert_eq!(anchor_spans("aaa", &["aa".to_string()]), vec![(0, 2), (1, 3)]);
    assert_eq!(line_col("ab\ncé d", 7), (2, 4));
}

#[test]
fn a_false_warning_or_a_miss_is_counted_and_information_is_free() {
    use copydesk::text::Span;
    let draft = "The talks began at 1000 GMT. \"We will win,\" he said.";
    let expect = vec![
        Expected { code: "time-conflict".into(), at: vec!["1000 GMT".into()], evidence: vec!["a.txt".into()] },
        Expected { code: "quote-unsourced".into(), at: vec!["We will win".into()], evidence: vec![] },
    ];
    let docs = vec![SourceDoc::from_text("/corpus/b.txt", "x"), SourceDoc::from_text("/corpus/a.txt", "y")];
    let time = Finding::new(Rule::TimeConflict, Span::new(19, 27), "time").with_evidence(vec![copydesk::Evidence {
        doc: 1,
        span: Span::new(0, 1),
        sentence: "y".into(),
    }]);
    let stray_warning = Finding::new(Rule::PlaceMismatch, Span::new(4, 9), "place");
    let stray_information = Finding::new(Rule::SourceConflict, Span::new(4, 9), "conflict");

    let (score, _) = score_findings(draft, &expect, &[time.clone(), stray_information.clone()], &docs);
    assert_eq!((score.hits, score.missed, score.false_positives), (1, 1, 0));
    assert_eq!((score.evidence_right, score.evidence_checked), (1, 1));

    let (score, lines) = score_findings(draft, &expect, &[time.clone(), stray_warning], &docs);
    assert_eq!((score.hits, score.missed, score.false_positives), (1, 1, 1));
    assert!(lines.iter().any(|l| l.contains("false") && l.contains("place-mismatch") && l.contains("\"talks\"")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("missed") && l.contains("quote-unsourced")), "{lines:?}");

    let wrong_doc = Finding { evidence: vec![copydesk::Evidence { doc: 0, span: Span::new(0, 1), sentence: "x".into() }], ..time };
    let (score, lines) = score_findings(draft, &expect, &[wrong_doc], &docs);
    assert_eq!((score.evidence_right, score.evidence_checked), (0, 1));
    assert!(lines.iter().any(|l| l.contains("evidence") && l.contains("b.txt")), "{lines:?}");
}
