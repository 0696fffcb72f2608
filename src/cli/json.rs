//! `--format json`: LSP-shaped diagnostics, as ../shared/eval/score.py reads them.

use crate::facts::FactBase;
use crate::finding::Finding;
use crate::text::LineIndex;
use serde_json::{json, Value};
use std::path::Path;

pub fn file_entry(path: &Path, text: &str, findings: &[Finding], facts: &FactBase) -> Value {
    let lines = LineIndex::new(text);
    let pos = |o: usize| {
        let (line, character) = lines.position_utf16(text, o);
        json!({ "line": line, "character": character })
    };
    let diagnostics: Vec<Value> = findings
        .iter()
        .map(|f| {
            let related: Vec<Value> = f
                .evidence
                .iter()
                .filter_map(|e| {
                    let doc = facts.docs.get(e.doc)?;
                    let (s, en) = doc.file_range(e.span);
                    Some(json!({
                        "location": { "uri": doc.uri, "range": { "start": s, "end": en } },
                        "message": e.sentence,
                    }))
                })
                .collect();
            json!({
                "range": { "start": pos(f.span.start), "end": pos(f.span.end) },
                "severity": f.severity.lsp_number(),
                "code": f.rule.code(),
                "codeDescription": { "href": f.rule.docs_url() },
                "source": "copydesk",
                "message": f.message,
                "relatedInformation": related,
            })
        })
        .collect();
    json!({ "path": path.display().to_string(), "diagnostics": diagnostics })
}
