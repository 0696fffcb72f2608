//! Facts → findings. One rule per file; each rule's file holds its tests.

mod delegation_mismatch;
mod memo;
mod name_inconsistent;
mod name_misspelled;
mod number_mismatch;
mod place_mismatch;
mod quote_altered;
mod quote_match;
mod quote_misattributed;
mod quote_unattributed;
mod quote_unsourced;
mod role_mismatch;
mod source_conflict;
mod time_conflict;

use crate::config::Config;
use crate::facts::{analyze_incremental, analyze_within, Analysis, FactBase, PersonId};
use crate::finding::{Finding, Rule, Severity};
use crate::text::{LineIndex, Span, TextKind};
// Word sets are hashed on every check: FxHash (see `check::memo`).
use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

pub use memo::DraftMemo;
pub(crate) use memo::FactKey;

/// What every rule sees: the draft's analysis, the fact base and which sources are relevant.
pub struct Context<'a> {
    pub fb: &'a FactBase,
    pub draft: Analysis,
    /// Source documents about the draft's story.
    pub relevant: Vec<usize>,
    /// The corpus person each draft name mention refers to (parallel to `draft.names`).
    pub persons: Vec<Option<PersonId>>,
    /// Byte spans of the draft's quotes: facts inside them are the speaker's, not the writer's.
    pub quote_spans: Vec<Span>,
    /// Each draft quote and where the sources have it; shared by the quote rules.
    pub quote_matches: Vec<quote_match::QuoteMatch<'a>>,
    /// Answers remembered from earlier checks of the same document.
    pub memo: Arc<memo::RuleMemo>,
}

impl<'a> Context<'a> {
    /// `memo` is what earlier checks of the same document remembered; `None` analyses afresh.
    pub fn new(fb: &'a FactBase, draft_text: &str, limits: &crate::config::Limits, memo: Option<&mut DraftMemo>) -> Context<'a> {
        let mut fresh = DraftMemo::default();
        let (draft, memo) = match memo {
            Some(memo) => {
                memo.begin(fb.id);
                (analyze_incremental(draft_text, TextKind::Markdown, &fb.lexicon, limits, fb.id, &mut memo.paragraphs), memo)
            }
            None => {
                fresh.begin(fb.id);
                (analyze_within(draft_text, TextKind::Markdown, &fb.lexicon, limits), &mut fresh)
            }
        };
        let relevant = fb.relevant_docs(&draft);
        memo.shared.relevant_are(&relevant);
        let persons = draft
            .names
            .iter()
            .map(|n| if n.kind == crate::extract::names::NameKind::Thing { None } else { memo.shared.person(&n.words, &fb.people) })
            .collect();
        let quote_spans = draft.quotes.iter().map(|q| q.span).collect();
        let mut cx = Context { fb, draft, relevant, persons, quote_spans, quote_matches: Vec::new(), memo: memo.shared.clone() };
        cx.quote_matches = quote_match::match_quotes(&cx);
        cx
    }

    /// The content words of a sentence (draft or source), unfiltered; see `content_words`.
    pub fn content_words(&self, sentence: &str) -> Arc<HashSet<String>> {
        self.memo.words(sentence, |t| number_mismatch::content_words(t, &HashSet::default()))
    }

    pub fn in_quote(&self, span: Span) -> bool {
        self.quote_spans.iter().any(|q| q.overlaps(span))
    }

    /// The text of draft sentence `i` as written.
    pub fn draft_sentence(&self, i: usize) -> &str {
        self.draft.seg.sentences.get(i).map(|s| s.span.slice(&self.draft.seg.text)).unwrap_or("")
    }

    pub fn is_heading(&self, sentence: usize) -> bool {
        self.draft.seg.sentences.get(sentence).is_some_and(|s| s.heading)
    }

    /// The person a draft speaker refers to, by resolved name or by the mention itself.
    pub fn speaker_person(&self, speaker: &crate::extract::quotes::Speaker) -> Option<PersonId> {
        let name = speaker.name.clone().unwrap_or_else(|| speaker.text.clone());
        let words: Vec<String> = crate::extract::roles::name_words(&name);
        self.fb.people.resolve(&words).or_else(|| {
            // A mention inside a name the draft resolved already ("Secretary Lena Moor").
            self.draft.names.iter().zip(&self.persons).find(|(n, _)| n.span.overlaps(speaker.mention)).and_then(|(_, p)| *p)
        })
    }
}

/// Run every enabled rule on a draft, apply severities and inline ignore comments.
pub fn check_draft(facts: &FactBase, draft: &str, config: &Config) -> Vec<Finding> {
    run_rules(&Context::new(facts, draft, &config.limits(), None), draft, config)
}

/// `check_draft` for a document checked after each edit, reusing what `memo` kept from the last
/// check of it.
/// The draft's analysis is left in `memo` (see `DraftMemo::take_spent`), for the caller to free
/// when the findings are out.
pub fn check_draft_again(facts: &FactBase, draft: &str, config: &Config, memo: &mut DraftMemo) -> Vec<Finding> {
    let cx = Context::new(facts, draft, &config.limits(), Some(memo));
    let findings = run_rules(&cx, draft, config);
    memo.spent = Some(cx.draft);
    findings
}

fn run_rules(cx: &Context, draft: &str, config: &Config) -> Vec<Finding> {
    let rules: [(Rule, fn(&Context) -> Vec<Finding>); 12] = [
        (Rule::DelegationMismatch, delegation_mismatch::check),
        (Rule::RoleMismatch, role_mismatch::check),
        (Rule::TimeConflict, time_conflict::check),
        (Rule::NumberMismatch, number_mismatch::check),
        (Rule::PlaceMismatch, place_mismatch::check),
        (Rule::QuoteUnattributed, quote_unattributed::check),
        (Rule::QuoteMisattributed, quote_misattributed::check),
        (Rule::QuoteAltered, quote_altered::check),
        (Rule::QuoteUnsourced, quote_unsourced::check),
        (Rule::NameMisspelled, name_misspelled::check),
        (Rule::NameInconsistent, name_inconsistent::check),
        (Rule::SourceConflict, source_conflict::check),
    ];
    let ignores = ignore_comments(draft);
    let lines = LineIndex::new(draft);
    let mut out = Vec::new();
    for (rule, run) in rules {
        let Some(severity) = config.severity(rule) else { continue };
        for mut f in run(cx) {
            f.rule = rule;
            f.severity = if f.unsure { severity.max(Severity::Information) } else { severity };
            let line = lines.line_of(f.span.start);
            if ignores.iter().any(|(l, codes)| *l == line && (codes.is_empty() || codes.contains(rule.code()))) {
                continue;
            }
            out.push(f);
        }
    }
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.rule.cmp(&b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    out
}

/// `<!-- copydesk-ignore CODE... -->` silences those codes (all, when none is named) on the next
/// non-blank line.
fn ignore_comments(text: &str) -> Vec<(usize, HashSet<String>)> {
    let mut out = Vec::new();
    // Most drafts have none; one search of the whole text is cheaper than one per line.
    if memchr::memmem::find(text.as_bytes(), b"<!-- copydesk-ignore").is_none() {
        return out;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(start) = line.find("<!-- copydesk-ignore") else { continue };
        let rest = &line[start + "<!-- copydesk-ignore".len()..];
        let body = rest.split("-->").next().unwrap_or("");
        let codes: HashSet<String> = body.split([' ', ',']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        if let Some(target) = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()) {
            out.push((target, codes));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_comment_targets_next_nonblank_line() {
        let t = "a\n<!-- copydesk-ignore time-conflict name-misspelled -->\n\nb\n";
        let ig = ignore_comments(t);
        assert_eq!(ig.len(), 1);
        assert_eq!(ig[0].0, 3);
        assert!(ig[0].1.contains("time-conflict") && ig[0].1.contains("name-misspelled"));
    }
}

/// Rule tests: check `draft` against in-memory sources and keep one rule's findings.
#[cfg(test)]
pub(crate) fn findings_of(rule: Rule, sources: &[&str], draft: &str) -> Vec<Finding> {
    let docs = sources.iter().enumerate().map(|(i, s)| crate::corpus::SourceDoc::from_text(&format!("/src/{i}.txt"), s)).collect();
    let fb = FactBase::build(docs);
    check_draft(&fb, draft, &Config::default()).into_iter().filter(|f| f.rule == rule).collect()
}
