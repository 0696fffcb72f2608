//! `--format sarif`: SARIF 2.1.0, for code-scanning dashboards.

use crate::corpus::{Origin, SourceDoc};
use crate::facts::FactBase;
use crate::finding::{Finding, Rule, Severity};
use crate::text::{LineIndex, Span};
use serde_json::{json, Value};
use std::path::Path;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// One draft: its path, text and findings.
pub struct Checked<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub findings: &'a [Finding],
}

pub fn report(drafts: &[Checked], facts: &FactBase) -> Value {
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.code(),
                "shortDescription": { "text": r.summary() },
                "helpUri": r.docs_url(),
                "defaultConfiguration": { "level": level(r.default_severity()) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for d in drafts {
        let lines = LineIndex::new(d.text);
        let uri = artifact_uri(d.path);
        for f in d.findings {
            let related: Vec<Value> = f
                .evidence
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let doc = facts.docs.get(e.doc)?;
                    Some(json!({
                        "id": i,
                        "physicalLocation": {
                            "artifactLocation": { "uri": doc.uri },
                            "region": evidence_region(doc, e.span),
                        },
                        "message": { "text": format!("{}: {}", doc.label, e.sentence) },
                    }))
                })
                .collect();
            let rule_index = Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0);
            results.push(json!({
                "ruleId": f.rule.code(),
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri },
                        "region": region(&lines, d.text, f.span),
                    }
                }],
                "relatedLocations": related,
            }));
        }
    }
    json!({
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [{
            "tool": {
                "driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": super::HOMEPAGE,
                    "rules": rules,
                }
            },
            "columnKind": "utf16CodeUnits",
            "results": results,
        }]
    })
}

/// 1-based lines and columns; SARIF's end column is one past the last character.
fn region(lines: &LineIndex, text: &str, span: Span) -> Value {
    let (sl, sc) = lines.position_utf16(text, span.start);
    let (el, ec) = lines.position_utf16(text, span.end);
    json!({ "startLine": sl + 1, "startColumn": sc + 1, "endLine": el + 1, "endColumn": ec + 1 })
}

fn evidence_region(doc: &SourceDoc, span: Span) -> Value {
    if let Origin::JsonlLine(line) = doc.origin {
        return json!({ "startLine": line + 1 });
    }
    let (s, e) = doc.file_range(span);
    json!({ "startLine": s.line + 1, "startColumn": s.character + 1, "endLine": e.line + 1, "endColumn": e.character + 1 })
}

/// Relative paths stay relative (dashboards resolve them against the checkout); absolute
/// paths become `file://` URIs.
fn artifact_uri(path: &Path) -> String {
    let s = path.to_string_lossy();
    if path.is_absolute() {
        return crate::corpus::path_to_uri(&s);
    }
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Evidence;

    #[test]
    fn results_carry_rule_level_region_and_evidence() {
        let source = "First line.\nThe talks began at 10:00 on Monday.\n";
        let facts = FactBase::build(vec![SourceDoc::from_text("/corpus/a.txt", source)]);
        let draft = "Intro.\nThe talks began at 9:30 on Monday.\n";
        let at = draft.find("9:30").unwrap();
        let ev_at = source.find("The talks").unwrap();
        let finding = Finding::new(Rule::TimeConflict, Span::new(at, at + 4), "time differs").with_evidence(vec![Evidence {
            doc: 0,
            span: Span::new(ev_at, source.len() - 1),
            sentence: "The talks began at 10:00 on Monday.".into(),
        }]);
        let findings = [finding];
        let out = report(&[Checked { path: Path::new("drafts/my draft.md"), text: draft, findings: &findings }], &facts);
        assert_eq!(out["version"], "2.1.0");
        let run = &out["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), Rule::ALL.len());
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "time-conflict");
        assert_eq!(r["level"], "warning");
        assert_eq!(run["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize]["id"], "time-conflict");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "drafts/my%20draft.md");
        assert_eq!(loc["region"], json!({"startLine": 2, "startColumn": 20, "endLine": 2, "endColumn": 24}));
        let rel = &r["relatedLocations"][0]["physicalLocation"];
        assert_eq!(rel["artifactLocation"]["uri"], "file:///corpus/a.txt");
        assert_eq!(rel["region"]["startLine"], 2);
        assert_eq!(rel["region"]["startColumn"], 1);
    }
}
