//! `--format human`: one compiler-style line per finding, then its evidence.

use crate::corpus::Origin;
use crate::facts::FactBase;
use crate::finding::{Finding, Severity};
use crate::text::LineIndex;
use anstyle::{AnsiColor, Style};
use std::io::Write;
use std::path::Path;

fn severity_style(s: Severity) -> Style {
    let color = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Information => AnsiColor::Blue,
        Severity::Hint => AnsiColor::Green,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

/// 1-based line and column (in characters, as terminals count) of a byte offset.
fn line_col(lines: &LineIndex, text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = lines.line_of(offset);
    let start = lines.line_start(line).min(offset);
    (line + 1, text[start..offset].chars().count() + 1)
}

/// Writes the findings of one draft. `out` strips the colours when it is not a terminal.
pub fn write_file(out: &mut dyn Write, path: &Path, text: &str, findings: &[Finding], facts: &FactBase) -> std::io::Result<()> {
    let lines = LineIndex::new(text);
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    for f in findings {
        let (line, col) = line_col(&lines, text, f.span.start);
        let sev = severity_style(f.severity);
        writeln!(
            out,
            "{bold}{}:{line}:{col}:{bold:#} {sev}{}[{}]{sev:#}: {}",
            path.display(),
            f.severity.name(),
            f.rule.code(),
            f.message
        )?;
        for e in &f.evidence {
            let Some(doc) = facts.docs.get(e.doc) else { continue };
            let place = match doc.origin {
                // The label already names the archive line.
                Origin::JsonlLine(_) => doc.label.clone(),
                _ => format!("{}:{}", doc.label, doc.file_pos(e.span.start).line + 1),
            };
            let sentence = e.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            writeln!(out, "  {dim}source:{dim:#} {place}: \"{sentence}\"")?;
        }
    }
    Ok(())
}

/// "3 warnings, 1 information in 2 files".
pub fn summary(findings: &[Finding], files: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let mut parts = Vec::new();
    for (s, one, many) in [
        (Severity::Error, "error", "errors"),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Information, "information", "information"),
        (Severity::Hint, "hint", "hints"),
    ] {
        match count(s) {
            0 => {}
            1 => parts.push(format!("1 {one}")),
            n => parts.push(format!("{n} {many}")),
        }
    }
    let files = if files == 1 { "1 file".to_string() } else { format!("{files} files") };
    if parts.is_empty() {
        format!("no findings in {files}")
    } else {
        format!("{} in {files}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceDoc;
    use crate::finding::{Evidence, Rule};
    use crate::text::Span;

    #[test]
    fn plain_output_has_one_line_per_finding_and_per_evidence() {
        let source = "Header.\nThe minister said “we will return” on Friday.\n";
        let facts = FactBase::build(vec![SourceDoc::from_text("/c/src.txt", source)]);
        let draft = "Title\n\n«Ça va» — the minister said “we will retreat”.\n";
        let at = draft.find("“we").unwrap();
        let ev = source.find("The minister").unwrap();
        let f = Finding::new(Rule::QuoteAltered, Span::new(at, at + 10), "quote differs").with_evidence(vec![Evidence {
            doc: 0,
            span: Span::new(ev, source.len() - 1),
            sentence: "The minister said “we will return”\non Friday.".into(),
        }]);
        let mut out = Vec::new();
        write_file(&mut anstream::StripStream::new(&mut out), Path::new("d.md"), draft, &[f], &facts).unwrap();
        let out = String::from_utf8(out).unwrap();
        let col = draft[draft.find("«").unwrap()..at].chars().count() + 1;
        assert_eq!(
            out,
            format!("d.md:3:{col}: warning[quote-altered]: quote differs\n  source: src.txt:2: \"The minister said “we will return” on Friday.\"\n")
        );
    }

    #[test]
    fn summary_counts_by_severity() {
        let f = |r: Rule| Finding::new(r, Span::new(0, 1), "m");
        let all = [f(Rule::TimeConflict), f(Rule::NumberMismatch), f(Rule::QuoteUnsourced)];
        assert_eq!(summary(&all, 2), "2 warnings, 1 information in 2 files");
        assert_eq!(summary(&[], 1), "no findings in 1 file");
    }
}
