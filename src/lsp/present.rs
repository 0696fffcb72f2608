//! Findings and facts as protocol objects: diagnostics, hovers, symbols, edits. Pure functions.

use super::position::{position_of_byte, range_of_span, Encoding, LineStarts};
use crate::extract::number::{Bound, CountKind};
use crate::extract::time::{TimeValue, Zone};
use crate::corpus::{FilePos, Origin, SourceDoc};
use crate::extract::delegations::Membership;
use crate::extract::names::NameKind;
use crate::extract::places::PlaceKind;
use crate::extract::DocumentFacts;
use crate::facts::FactBase;
use crate::finding::{Evidence, Finding, Severity};
use crate::text::Span;
use ropey::Rope;
use std::collections::BTreeSet;
use std::str::FromStr;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, Location, NumberOrString, Position,
    Range, SymbolKind, TextEdit, Uri,
};

/// Where rule documentation lives; each rule has the anchor `#<code>`.
pub use crate::finding::HOMEPAGE as RULE_DOCS_URL;
pub const SOURCE: &str = "copydesk";
pub const IGNORE_MARKER: &str = "copydesk-ignore";

pub fn rule_href(code: &str) -> Option<Uri> {
    Uri::from_str(&format!("{RULE_DOCS_URL}#{code}")).ok()
}

/// The text of one line of the file a source came from, when the file is at hand.
fn file_line(doc: &SourceDoc, line: u32) -> Option<&str> {
    let (text, lines) = match &doc.origin {
        Origin::Same(lines) => (doc.text.as_str(), lines),
        Origin::Mapped { file_lines, file_text, .. } => (file_text.as_str(), file_lines),
        _ => return None,
    };
    let start = lines.line_start(line as usize).min(text.len());
    let end = lines.line_start(line as usize + 1).min(text.len()).max(start);
    text.get(start..end)
}

/// A file position in the negotiated encoding (sources report UTF-16 columns).
fn file_position(doc: &SourceDoc, pos: FilePos, enc: Encoding) -> Position {
    let character = match (enc, file_line(doc, pos.line)) {
        (Encoding::Utf8, Some(line)) => {
            let mut units = 0u32;
            let mut bytes = 0usize;
            for c in line.chars() {
                if units >= pos.character {
                    break;
                }
                units += c.len_utf16() as u32;
                bytes += c.len_utf8();
            }
            bytes as u32
        }
        _ => pos.character,
    };
    Position { line: pos.line, character }
}

/// The source file location of an evidence sentence.
pub fn evidence_location(facts: &FactBase, ev: &Evidence, enc: Encoding) -> Option<Location> {
    let doc = facts.docs.get(ev.doc)?;
    let uri = Uri::from_str(&doc.uri).ok()?;
    let (start, end) = doc.file_range(ev.span);
    Some(Location { uri, range: Range { start: file_position(doc, start, enc), end: file_position(doc, end, enc) } })
}

fn lsp_severity(severity: Severity) -> DiagnosticSeverity {
    match severity.lsp_number() {
        1 => DiagnosticSeverity::ERROR,
        2 => DiagnosticSeverity::WARNING,
        3 => DiagnosticSeverity::INFORMATION,
        _ => DiagnosticSeverity::HINT,
    }
}

/// Evidence without repeats: rules may cite one sentence once per value it holds.
fn distinct_evidence(finding: &Finding) -> Vec<&Evidence> {
    let mut seen = BTreeSet::new();
    finding.evidence.iter().filter(|e| seen.insert((e.doc, e.span))).collect()
}

/// Evidence locations already worked out for one fact base. A draft's diagnostics cite the same
/// hundred-odd source sentences after every keystroke, and each location costs a URI parse and
/// a walk through the source file's lines.
#[derive(Default)]
pub struct EvidenceLocations {
    known: std::sync::Mutex<rustc_hash::FxHashMap<(usize, Span, Encoding), Option<Location>>>,
}

impl EvidenceLocations {
    /// More distinct citations than any day's drafts make; past it the cache starts again.
    const MAX_ENTRIES: usize = 50_000;

    pub fn get(&self, facts: &FactBase, ev: &Evidence, enc: Encoding) -> Option<Location> {
        let key = (ev.doc, ev.span, enc);
        let mut known = self.known.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(hit) = known.get(&key) {
            return hit.clone();
        }
        let location = evidence_location(facts, ev, enc);
        if known.len() >= Self::MAX_ENTRIES {
            known.clear();
        }
        known.insert(key, location.clone());
        location
    }
}

/// `locations` must belong to `facts`.
/// `lines` are the line starts of `draft`, the text the finding was made on.
pub fn to_diagnostic(finding: &Finding, draft: &str, lines: &LineStarts, enc: Encoding, facts: &FactBase, locations: &EvidenceLocations) -> Diagnostic {
    let code = finding.rule.code();
    let related: Vec<DiagnosticRelatedInformation> = distinct_evidence(finding)
        .into_iter()
        .filter_map(|ev| Some(DiagnosticRelatedInformation { location: locations.get(facts, ev, enc)?, message: ev.sentence.clone() }))
        .collect();
    Diagnostic {
        range: lines.range(draft, finding.span, enc),
        severity: Some(lsp_severity(finding.severity)),
        code: Some(NumberOrString::String(code.to_string())),
        code_description: rule_href(code).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: if related.is_empty() { None } else { Some(related) },
        tags: None,
        data: None,
    }
}

/// Each finding's diagnostic as JSON text, kept from one publication of a document to the next.
///
/// After a keystroke nearly every diagnostic is the one published before, at most moved: its
/// message and evidence sentences (a publication is about 50 KB of them on a long draft) need not
/// be looked up and escaped again. Only the range is written afresh.
#[derive(Default)]
pub struct DiagnosticJson {
    /// What every cached text was made for; a different fact base or encoding starts afresh.
    made_for: Option<(u64, Encoding)>,
    /// By a hash of what goes into the diagnostic besides its range.
    known: rustc_hash::FxHashMap<u64, CachedDiagnostic>,
}

struct CachedDiagnostic {
    rule: crate::finding::Rule,
    severity: Severity,
    message: String,
    evidence: Vec<(usize, Span)>,
    /// The diagnostic's JSON after its range: `,"severity":…}`.
    after_range: String,
}

impl CachedDiagnostic {
    /// Within one fact base an evidence sentence is known by its document and span.
    fn is_for(&self, finding: &Finding) -> bool {
        self.rule == finding.rule
            && self.severity == finding.severity
            && self.message == finding.message
            && self.evidence.len() == finding.evidence.len()
            && self.evidence.iter().zip(&finding.evidence).all(|(&(doc, span), ev)| doc == ev.doc && span == ev.span)
    }
}

fn diagnostic_key(finding: &Finding) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (finding.rule, finding.severity, &finding.message).hash(&mut h);
    for ev in &finding.evidence {
        (ev.doc, ev.span).hash(&mut h);
    }
    h.finish()
}

/// What serde writes before the range's own text; the cached part follows the range.
const RANGE_FIELD: &str = "{\"range\":";

impl DiagnosticJson {
    /// `findings`' diagnostics as a JSON array, the text serde makes of `to_diagnostic` of each.
    /// `generation` names `facts`: the cache is only good for one fact base.
    #[cfg(test)]
    pub fn array(&mut self, findings: &[Finding], draft: &str, enc: Encoding, facts: &FactBase, locations: &EvidenceLocations, generation: u64) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_array(&mut out, findings, draft, enc, facts, locations, generation);
        out
    }

    /// About how many bytes the next `write_array` writes, if the findings stay the same.
    pub fn size_hint(&self) -> usize {
        self.known.values().map(|c| c.after_range.len() + 80).sum::<usize>() + 2
    }

    /// `array`, appended to `out`: the publication's frame is written in one buffer.
    #[allow(clippy::too_many_arguments)]
    pub fn write_array(
        &mut self,
        out: &mut Vec<u8>,
        findings: &[Finding],
        draft: &str,
        enc: Encoding,
        facts: &FactBase,
        locations: &EvidenceLocations,
        generation: u64,
    ) {
        if self.made_for != Some((generation, enc)) {
            self.made_for = Some((generation, enc));
            self.known.clear();
        }
        let lines = LineStarts::new(draft);
        let mut previous = std::mem::take(&mut self.known);
        out.reserve(previous.values().map(|c| c.after_range.len() + 80).sum::<usize>() + 2);
        out.push(b'[');
        for (i, finding) in findings.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let range = lines.range(draft, finding.span, enc);
            let key = diagnostic_key(finding);
            let cached = match previous.remove(&key).or_else(|| self.known.remove(&key)) {
                Some(c) if c.is_for(finding) => c,
                _ => Self::made(finding, draft, &lines, enc, facts, locations),
            };
            out.extend_from_slice(RANGE_FIELD.as_bytes());
            write_range(out, &range);
            out.extend_from_slice(cached.after_range.as_bytes());
            self.known.insert(key, cached);
        }
        out.push(b']');
    }

    fn made(finding: &Finding, draft: &str, lines: &LineStarts, enc: Encoding, facts: &FactBase, locations: &EvidenceLocations) -> CachedDiagnostic {
        let mut diagnostic = to_diagnostic(finding, draft, lines, enc, facts, locations);
        diagnostic.range = Range::default();
        let whole = serde_json::to_string(&diagnostic).unwrap_or_default();
        let empty_range = serde_json::to_string(&Range::default()).unwrap_or_default();
        // ls-types writes the range first; a test holds it to that.
        let after_range = whole.strip_prefix(RANGE_FIELD).and_then(|rest| rest.strip_prefix(empty_range.as_str()));
        debug_assert!(after_range.is_some(), "a diagnostic's JSON starts with its range: {whole}");
        CachedDiagnostic {
            rule: finding.rule,
            severity: finding.severity,
            message: finding.message.clone(),
            evidence: finding.evidence.iter().map(|ev| (ev.doc, ev.span)).collect(),
            after_range: after_range.unwrap_or("}").to_string(),
        }
    }
}

/// The text serde writes for a range, written directly: a publication has a hundred-odd, and
/// serde's general path costs several times this.
fn write_range(out: &mut Vec<u8>, range: &Range) {
    let mut digits = itoa::Buffer::new();
    for (key, position) in [(&b"{\"start\":{\"line\":"[..], range.start), (&b"},\"end\":{\"line\":"[..], range.end)] {
        out.extend_from_slice(key);
        out.extend_from_slice(digits.format(position.line).as_bytes());
        out.extend_from_slice(b",\"character\":");
        out.extend_from_slice(digits.format(position.character).as_bytes());
    }
    out.extend_from_slice(b"}}");
}

/// One line of an evidence list: file label, 1-based line, outlet when known.
fn source_label(facts: &FactBase, ev: &Evidence) -> String {
    let Some(doc) = facts.docs.get(ev.doc) else { return "unknown source".to_string() };
    let (start, _) = doc.file_range(ev.span);
    let mut label = format!("`{}:{}`", doc.label, start.line + 1);
    if let Some(outlet) = doc.meta.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        label.push_str(&format!(" ({})", escape_md(outlet)));
    }
    label
}

fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn one_line(s: &str) -> String {
    crate::text::single_spaced(s)
}

/// Markdown for a finding: what the draft says, the evidence, how many sources bear on it.
pub fn finding_markdown(finding: &Finding, draft: &str, facts: &FactBase) -> String {
    let mut md = format!("**{}** · {} · `{}`\n\n{}\n", SOURCE, finding.severity.name(), finding.rule.code(), escape_md(&finding.message));
    let said = one_line(finding.span.slice(draft));
    if !said.is_empty() {
        md.push_str(&format!("\n**The draft says:** “{}”\n", escape_md(&said)));
    }
    if !finding.evidence.is_empty() {
        md.push_str("\n**Sources:**\n");
        for ev in distinct_evidence(finding) {
            md.push_str(&format!("- {}: “{}”\n", source_label(facts, ev), escape_md(&one_line(&ev.sentence))));
        }
        let docs: BTreeSet<usize> = finding.evidence.iter().map(|e| e.doc).collect();
        md.push_str(&format!("\n*{} of {} corpus documents bear on this.*\n", docs.len(), facts.docs.len()));
    }
    md
}

/// Kinds of extracted fact shown in hovers and the outline. A new kind of fact needs a variant
/// here and one block in `fact_items`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FactGroup {
    Person,
    Delegation,
    Place,
    Quote,
    Time,
    Count,
}

impl FactGroup {
    pub fn singular(self) -> &'static str {
        match self {
            FactGroup::Person => "Person",
            FactGroup::Delegation => "Delegation",
            FactGroup::Place => "Place",
            FactGroup::Quote => "Quote",
            FactGroup::Time => "Time",
            FactGroup::Count => "Count",
        }
    }
    pub fn plural(self) -> &'static str {
        match self {
            FactGroup::Person => "People",
            FactGroup::Delegation => "Delegations",
            FactGroup::Place => "Places",
            FactGroup::Quote => "Quotes",
            FactGroup::Time => "Times",
            FactGroup::Count => "Counts",
        }
    }
    pub fn symbol_kind(self) -> SymbolKind {
        match self {
            FactGroup::Person => SymbolKind::OBJECT,
            FactGroup::Delegation => SymbolKind::STRUCT,
            FactGroup::Place => SymbolKind::NAMESPACE,
            FactGroup::Quote => SymbolKind::STRING,
            FactGroup::Time => SymbolKind::EVENT,
            FactGroup::Count => SymbolKind::NUMBER,
        }
    }
}

/// One extracted fact, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct FactItem {
    pub group: FactGroup,
    pub span: Span,
    /// Short name for the outline.
    pub name: String,
    /// What copydesk read, one Markdown line each.
    pub details: Vec<String>,
    /// Text to look for verbatim in the corpus (quotes), for go to definition.
    pub search: Option<String>,
    /// A person's name as written, to look up in the corpus's people.
    pub person: Option<Vec<String>>,
}

fn clip(s: &str, max_chars: usize) -> String {
    let s = one_line(s);
    if s.chars().count() <= max_chars {
        s
    } else {
        let mut out: String = s.chars().take(max_chars).collect();
        out.push('…');
        out
    }
}

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn describe_minutes(m: f64) -> String {
    if m >= 1440.0 && (m / 1440.0).fract() == 0.0 {
        format!("{} days", m / 1440.0)
    } else if m >= 60.0 && (m / 60.0).fract() == 0.0 {
        format!("{} h", m / 60.0)
    } else {
        format!("{m} min")
    }
}

pub fn describe_time(value: &TimeValue) -> String {
    match value {
        TimeValue::Clock { minutes, zone } => {
            let zone = match zone {
                Zone::Utc => " UTC".to_string(),
                Zone::Offset(o) => format!(" UTC{}{:02}:{:02}", if *o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60),
                Zone::Named(id) => format!(" ({id})"),
                Zone::Local => " local time".to_string(),
                Zone::Unspecified => " (no time zone given)".to_string(),
            };
            format!("clock time {:02}:{:02}{zone}", minutes / 60 % 24, minutes % 60)
        }
        TimeValue::Weekday { day } => format!("weekday {}", WEEKDAYS.get(*day as usize).unwrap_or(&"?")),
        TimeValue::Date { year, month, day } => {
            let month = MONTHS.get((*month as usize).wrapping_sub(1)).unwrap_or(&"?");
            let mut s = String::from("date ");
            if let Some(d) = day {
                s.push_str(&format!("{d} "));
            }
            s.push_str(month);
            if let Some(y) = year {
                s.push_str(&format!(" {y}"));
            }
            s
        }
        TimeValue::Duration { min_minutes, max_minutes } => {
            if min_minutes == max_minutes {
                format!("duration {}", describe_minutes(*min_minutes))
            } else {
                format!("duration {} to {}", describe_minutes(*min_minutes), describe_minutes(*max_minutes))
            }
        }
    }
}

fn describe_count(value: f64, kind: CountKind, bound: Bound) -> String {
    let bound = match bound {
        Bound::Exact => "",
        Bound::Approximate => "about ",
        Bound::Nearly => "nearly ",
        Bound::AtLeast => "at least ",
        Bound::AtMost => "at most ",
    };
    let kind = match kind {
        CountKind::Cardinal => "",
        CountKind::Ordinal => " (ordinal)",
        CountKind::Fraction => " (fraction)",
        CountKind::Multiplier => " (multiplier)",
        CountKind::Percent => " %",
    };
    format!("{bound}{value}{kind}")
}

pub fn fact_items(facts: &DocumentFacts, draft: &str) -> Vec<FactItem> {
    let mut items = Vec::new();
    for q in &facts.quotes {
        let mut details = vec![format!("“{}”", escape_md(&clip(&q.text, 300)))];
        match &q.speaker {
            Some(s) => {
                let who = s.name.clone().unwrap_or_else(|| s.text.clone());
                let mut line = format!("speaker: **{}**", escape_md(&one_line(&who)));
                if s.anonymous {
                    line.push_str(" (unnamed)");
                }
                if s.from_earlier_paragraph {
                    line.push_str(" (from an earlier paragraph)");
                }
                details.push(line);
            }
            None => details.push("speaker: none found in the draft".to_string()),
        }
        if q.partial {
            details.push("a fragment quoted inside the writer's sentence".to_string());
        }
        items.push(FactItem {
            group: FactGroup::Quote,
            span: q.span,
            name: format!("“{}”", clip(&q.text, 60)),
            details,
            search: Some(q.text.clone()),
            person: None,
        });
    }
    for t in &facts.times {
        let what = describe_time(&t.value);
        items.push(FactItem {
            group: FactGroup::Time,
            span: t.span,
            name: clip(t.span.slice(draft), 60),
            details: vec![format!("read as {what}")],
            search: None,
            person: None,
        });
    }
    for c in &facts.counts {
        let mut line = format!("read as {}", describe_count(c.value, c.kind, c.bound));
        if !c.unit.is_empty() {
            line.push_str(&format!(" {}", escape_md(&c.unit)));
        }
        items.push(FactItem { group: FactGroup::Count, span: c.span, name: clip(c.span.slice(draft), 60), details: vec![line], search: None, person: None });
    }
    for n in facts.names.iter().filter(|n| n.kind != NameKind::Thing) {
        let mut details = Vec::new();
        if let Some(t) = &n.title {
            details.push(format!("title in the draft: {} (read as {})", escape_md(&one_line(&t.text)), escape_md(&t.role.describe())));
        }
        items.push(FactItem { group: FactGroup::Person, span: n.span, name: n.text(), details, search: None, person: Some(n.words.to_vec()) });
    }
    for d in &facts.delegations {
        let role = match d.role {
            Membership::Head => "leads",
            Membership::Member => "is in",
        };
        let side = crate::extract::delegations::side_label(&d.side);
        items.push(FactItem {
            group: FactGroup::Delegation,
            span: d.cue,
            name: format!("{} {role} {side}'s delegation", d.person),
            details: vec![format!("read as: **{}** {role} **{}**'s delegation", escape_md(&d.person), escape_md(&side))],
            search: None,
            person: None,
        });
    }
    for p in &facts.places {
        let kind = match p.kind {
            PlaceKind::Venue => "venue",
            PlaceKind::City => "city",
            PlaceKind::Region => "place",
        };
        items.push(FactItem { group: FactGroup::Place, span: p.span, name: p.name.clone(), details: vec![format!("read as a {kind}")], search: None, person: None });
    }
    items
}

/// What the corpus knows of a person: the name, every spelling the sources use, their titles.
pub fn person_lines(facts: &FactBase, words: &[String]) -> Vec<String> {
    let Some(person) = facts.people.resolve(words).and_then(|p| facts.people.get(p)) else {
        return vec!["not named in the corpus".to_string()];
    };
    let mut lines = vec![format!("in the corpus as **{}**", escape_md(&person.name))];
    if person.spellings.len() > 1 {
        let spellings: Vec<String> = person.spellings.iter().map(|s| format!("“{}”", escape_md(s))).collect();
        lines.push(format!("spellings the sources use: {}", spellings.join(", ")));
    }
    let mut seen = Vec::new();
    for r in person.roles.iter().take(8) {
        let title = r.fact.describe();
        let label = source_label_at(facts, r.doc, r.sentence);
        if !seen.contains(&(title.clone(), label.clone())) {
            lines.push(format!("title in {label}: {}", escape_md(&title)));
            seen.push((title, label));
        }
    }
    lines
}

/// What the hover can say about how a fact stands against the corpus.
#[derive(Debug, Clone, PartialEq)]
pub enum Agreement {
    /// The first index is not built yet.
    Indexing,
    /// A finding on the same words already says what is wrong.
    CoveredByFinding,
    /// Checked with no finding; `verbatim_in` are source labels holding the exact words.
    NoConflict { corpus_docs: usize, verbatim_in: Vec<String> },
}

pub fn fact_markdown(item: &FactItem, draft: &str, agreement: &Agreement) -> String {
    let mut md = format!("**{}** · {}\n\n", SOURCE, item.group.singular());
    let said = clip(item.span.slice(draft), 300);
    if !said.is_empty() && item.group != FactGroup::Quote {
        md.push_str(&format!("**The draft says:** “{}”\n\n", escape_md(&said)));
    }
    for d in &item.details {
        md.push_str(&format!("- {d}\n"));
    }
    match agreement {
        Agreement::Indexing => md.push_str("\n*The corpus is still being indexed.*\n"),
        Agreement::CoveredByFinding => {}
        Agreement::NoConflict { corpus_docs, verbatim_in } => {
            if !verbatim_in.is_empty() {
                md.push_str(&format!("\n**Word for word in:** {}\n", verbatim_in.join(", ")));
            }
            md.push_str(&format!("\n*No conflict found in the corpus ({corpus_docs} documents).*\n"));
        }
    }
    md
}

/// A label for a place in a source: `file:line`, with the outlet when known.
pub fn source_label_at(facts: &FactBase, doc: usize, span: Span) -> String {
    source_label(facts, &Evidence { doc, span, sentence: String::new() })
}

/// Facts as an outline: one container per kind, the facts inside in document order.
pub fn document_symbols(items: &[FactItem], rope: &Rope, enc: Encoding) -> Vec<DocumentSymbol> {
    let mut groups: Vec<(FactGroup, Vec<&FactItem>)> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|(g, _)| *g == item.group) {
            Some((_, v)) => v.push(item),
            None => groups.push((item.group, vec![item])),
        }
    }
    groups.sort_by_key(|(g, _)| *g);
    groups
        .into_iter()
        .filter_map(|(group, mut members)| {
            members.sort_by_key(|m| m.span);
            let children: Vec<DocumentSymbol> = members.iter().map(|m| symbol(&m.name, m.details.first().cloned(), group.symbol_kind(), range_of_span(rope, m.span, enc))).collect();
            let first = children.first()?.range.start;
            let last = children.iter().map(|c| c.range.end).max_by_key(|p| (p.line, p.character))?;
            let range = Range { start: first, end: last };
            let mut parent = symbol(group.plural(), Some(format!("{}", children.len())), SymbolKind::NAMESPACE, range);
            parent.children = Some(children);
            Some(parent)
        })
        .collect()
}

#[allow(deprecated)]
fn symbol(name: &str, detail: Option<String>, kind: SymbolKind, range: Range) -> DocumentSymbol {
    // Clients reject empty names.
    let name = if name.trim().is_empty() { "(empty)".to_string() } else { name.to_string() };
    DocumentSymbol { name, detail, kind, tags: None, deprecated: None, range, selection_range: range, children: None }
}

/// The edit behind "Ignore this finding": a marker comment on its own line above the finding's
/// line, indented (and block-quoted) like it and ended the way that line is ended.
pub fn ignore_edit(finding: &Finding, rope: &Rope, enc: Encoding) -> TextEdit {
    let at = position_of_byte(rope, finding.span.start, enc);
    let line = rope.line(at.line as usize);
    // Indentation and blockquote markers, so the comment stays inside the same block.
    let indent: String = line.chars().take_while(|c| matches!(c, ' ' | '\t' | '>')).collect();
    let text = line.to_string();
    let eol = if text.ends_with("\r\n") {
        "\r\n"
    } else if text.ends_with('\r') {
        "\r"
    } else if text.ends_with('\n') {
        "\n"
    } else if rope.len_lines() > 1 && rope.line(0).to_string().ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let start = Position { line: at.line, character: 0 };
    TextEdit { range: Range { start, end: start }, new_text: format!("{indent}<!-- {IGNORE_MARKER} {} -->{eol}", finding.rule.code()) }
}

/// The name being typed just before `offset`: letters, apostrophes and hyphens, starting with a
/// capital (lower-case words are prose, not names). Returns its start and text.
pub fn name_prefix(text: &str, offset: usize) -> Option<(usize, &str)> {
    let before = text.get(..offset)?;
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        .last()
        .map(|(i, _)| i)?;
    let prefix = &before[start..];
    prefix.chars().next().filter(|c| c.is_uppercase()).map(|_| (start, prefix))
}

/// A corpus person the writer may mean: the text to insert and the full name it stands for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameCandidate {
    pub insert: String,
    pub full_name: String,
}

/// People the corpus confirms as people whose full name, or a later word of it (the surname
/// on its own), starts with `prefix`.
pub fn name_candidates(facts: &FactBase, prefix: &str) -> Vec<NameCandidate> {
    let mut out = BTreeSet::new();
    for person in facts.people.persons.iter().filter(|p| p.confirmed) {
        for spelling in &person.spellings {
            if spelling.starts_with(prefix) {
                out.insert(NameCandidate { insert: spelling.clone(), full_name: person.name.clone() });
            }
            for word in spelling.split(' ').skip(1) {
                if word.starts_with(prefix) {
                    out.insert(NameCandidate { insert: word.to_string(), full_name: person.name.clone() });
                }
            }
        }
    }
    out.into_iter().take(50).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceDoc;
    use crate::extract::quotes::{MentionKind, Quote, Speaker};
    use crate::finding::Rule;

    fn corpus() -> FactBase {
        let mut doc = SourceDoc::from_text("/src/a.txt", "Intro line.\nThe talks began at 10:00 on Friday.\n");
        doc.meta.outlet = Some("Wire".to_string());
        FactBase::build(vec![doc, SourceDoc::from_text("/src/b.txt", "Other.")])
    }

    fn finding(draft: &str) -> Finding {
        let at = draft.find("9:30").unwrap();
        let ev_text = "The talks began at 10:00 on Friday.";
        let ev_start = "Intro line.\n".len();
        Finding::new(Rule::TimeConflict, Span::new(at, at + 4), "the sources say 10:00")
            .with_evidence(vec![Evidence { doc: 0, span: Span::new(ev_start, ev_start + ev_text.len()), sentence: ev_text.to_string() }])
            .with_fix("Use 10:00", Span::new(at, at + 4), "10:00")
    }

    #[test]
    fn evidence_columns_follow_the_negotiated_encoding() {
        let text = "Intro.\nÉté 😀 then the sentence.\n";
        let facts = FactBase::build(vec![SourceDoc::from_text("/src/c.txt", text)]);
        let at = text.find("then").unwrap();
        let ev = Evidence { doc: 0, span: Span::new(at, at + 4), sentence: "then".into() };
        let utf16 = evidence_location(&facts, &ev, Encoding::Utf16).unwrap().range;
        let utf8 = evidence_location(&facts, &ev, Encoding::Utf8).unwrap().range;
        assert_eq!(utf16.start, Position { line: 1, character: 7 });
        assert_eq!(utf8.start, Position { line: 1, character: (at - "Intro.\n".len()) as u32 });
        assert_eq!(utf8.end.character - utf8.start.character, 4);
    }

    #[test]
    fn the_name_being_typed_starts_with_a_capital() {
        assert_eq!(name_prefix("said Jane Ho", 12), Some((10, "Ho")));
        assert_eq!(name_prefix("said O’Bri", "said O’Bri".len()), Some((5, "O’Bri")));
        assert_eq!(name_prefix("the council", 11), None);
        assert_eq!(name_prefix("end. ", 5), None);
        assert_eq!(name_prefix("Été", 1), None, "inside a character");
    }

    #[test]
    fn repeated_evidence_is_cited_once() {
        let draft = "Talks began at 9:30.";
        let mut f = finding(draft);
        f.evidence.push(f.evidence[0].clone());
        let d = to_diagnostic(&f, draft, &LineStarts::new(draft), Encoding::Utf16, &corpus(), &EvidenceLocations::default());
        assert_eq!(d.related_information.unwrap().len(), 1);
        assert_eq!(finding_markdown(&f, draft, &corpus()).matches("a.txt:2").count(), 1);
    }

    #[test]
    fn diagnostic_carries_code_link_source_and_evidence() {
        let draft = "Héllo 😀\r\nTalks began at 9:30.";
        let facts = corpus();
        let d = to_diagnostic(&finding(draft), draft, &LineStarts::new(draft), Encoding::Utf16, &facts, &EvidenceLocations::default());
        assert_eq!(d.range, Range { start: Position { line: 1, character: 15 }, end: Position { line: 1, character: 19 } });
        assert_eq!(d.code, Some(NumberOrString::String("time-conflict".into())));
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        assert_eq!(d.source.as_deref(), Some("copydesk"));
        assert!(d.code_description.unwrap().href.as_str() == crate::finding::Rule::TimeConflict.docs_url());
        let rel = d.related_information.unwrap();
        assert_eq!(rel.len(), 1);
        assert_eq!(rel[0].location.uri.as_str(), "file:///src/a.txt");
        assert_eq!(rel[0].location.range.start, Position { line: 1, character: 0 });
        assert_eq!(rel[0].message, "The talks began at 10:00 on Friday.");
    }

    #[test]
    fn cached_diagnostic_json_is_what_serde_writes_after_edits() {
        let facts = corpus();
        let locations = EvidenceLocations::default();
        let serde_array = |findings: &[Finding], draft: &str, enc: Encoding| {
            let lines = LineStarts::new(draft);
            let all: Vec<Diagnostic> = findings.iter().map(|f| to_diagnostic(f, draft, &lines, enc, &facts, &locations)).collect();
            String::from_utf8(serde_json::to_vec(&all).unwrap()).unwrap()
        };
        let mut cache = DiagnosticJson::default();
        let drafts = ["Talks began at 9:30.\nAgain 9:30.", "A line. 😀\r\nTalks began at 9:30.\nAgain 9:30.", "Talks began at 9:30, then at 9:30."];
        for (round, draft) in drafts.iter().cycle().take(7).enumerate() {
            let mut one = finding(draft);
            let at = draft.rfind("9:30").unwrap();
            // The same finding twice, at two places, and one whose message differs.
            let mut twice = one.clone();
            twice.span = Span::new(at, at + 4);
            let mut other = twice.clone();
            other.message = format!("the sources say 10:00 (round {})", round % 2);
            other.evidence.clear();
            one.severity = if round == 3 { Severity::Information } else { Severity::Warning };
            let findings = vec![one, twice, other];
            let enc = if round >= 5 { Encoding::Utf8 } else { Encoding::Utf16 };
            let generation = if round == 6 { 2 } else { 1 };
            let ours = String::from_utf8(cache.array(&findings, draft, enc, &facts, &locations, generation)).unwrap();
            assert_eq!(ours, serde_array(&findings, draft, enc), "round {round}");
            assert!(cache.known.len() <= 3, "only the last publication's diagnostics are kept");
        }
        assert_eq!(cache.array(&[], "", Encoding::Utf8, &facts, &locations, 2), b"[]");
    }

    #[test]
    fn finding_hover_names_draft_text_sources_and_agreement() {
        let draft = "Talks began at 9:30.";
        let md = finding_markdown(&finding(draft), draft, &corpus());
        assert!(md.contains("“9:30”"), "{md}");
        assert!(md.contains("`a.txt:2` (Wire)"), "{md}");
        assert!(md.contains("1 of 2 corpus documents"), "{md}");
        assert!(md.contains("time-conflict"));
    }

    #[test]
    fn ignore_edit_goes_on_its_own_line_with_the_line_ending() {
        let draft = "First.\r\n  Talks began at 9:30.\r\n";
        let e = ignore_edit(&finding(draft), &Rope::from_str(draft), Encoding::Utf16);
        assert_eq!(e.range.start, Position { line: 1, character: 0 });
        assert_eq!(e.range.start, e.range.end);
        assert_eq!(e.new_text, "  <!-- copydesk-ignore time-conflict -->\r\n");
        let draft = "Talks began at 9:30.";
        assert_eq!(ignore_edit(&finding(draft), &Rope::from_str(draft), Encoding::Utf8).new_text, "<!-- copydesk-ignore time-conflict -->\n");
        let draft = "Intro.\n\n> Talks began at 9:30.\n";
        assert_eq!(ignore_edit(&finding(draft), &Rope::from_str(draft), Encoding::Utf8).new_text, "> <!-- copydesk-ignore time-conflict -->\n");
    }

    #[test]
    fn facts_become_hover_items_and_an_outline() {
        let draft = "“We will talk,” she said. It lasted two hours.";
        let q_end = draft.find('”').unwrap();
        let facts = DocumentFacts {
            quotes: vec![Quote {
                span: Span::new(3, q_end),
                text: "We will talk,".into(),
                paragraph: 0,
                partial: false,
                speaker: Some(Speaker { mention: Span::new(0, 0), text: "she".into(), kind: MentionKind::Pronoun, name: Some("Ana Diaz".into()), anonymous: false, from_earlier_paragraph: false }),
            }],
            times: vec![crate::extract::time::TimeMention::new(Span::new(draft.find("two").unwrap(), draft.len() - 1), TimeValue::Duration { min_minutes: 120.0, max_minutes: 120.0 })],
            counts: vec![],
            ..Default::default()
        };
        let items = fact_items(&facts, draft);
        assert_eq!(items.len(), 2);
        assert!(items[0].details.iter().any(|d| d.contains("Ana Diaz")));
        assert_eq!(items[1].details, vec!["read as duration 2 h".to_string()]);
        let md = fact_markdown(&items[1], draft, &Agreement::NoConflict { corpus_docs: 3, verbatim_in: vec![] });
        assert!(md.contains("“two hours”") && md.contains("3 documents"), "{md}");
        let md = fact_markdown(&items[0], draft, &Agreement::NoConflict { corpus_docs: 3, verbatim_in: vec!["`a.txt:4`".into()] });
        assert!(md.contains("Word for word in:** `a.txt:4`"), "{md}");
        assert!(!fact_markdown(&items[0], draft, &Agreement::CoveredByFinding).contains("No conflict"));
        let syms = document_symbols(&items, &Rope::from_str(draft), Encoding::Utf16);
        assert_eq!(syms.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Quotes", "Times"]);
        assert_eq!(syms[0].children.as_ref().unwrap()[0].name, "“We will talk,”");
    }
}
