//! number-mismatch: a count or quantity contradicts every source.

use super::{Context, FactKey};
use crate::extract::number::{Bound, CountMention};
use crate::finding::{Finding, Rule};
use crate::knowledge;
use crate::text::{tokenize, Span, TokenKind};
// Word sets are hashed on every check: FxHash (see `check::memo`).
use rustc_hash::FxHashSet as HashSet;

/// The values a count allows, as an interval.
pub(crate) fn interval(c: &CountMention) -> (f64, f64) {
    let v = c.value;
    match c.bound {
        Bound::Exact => (v, v),
        Bound::Approximate => (v * 0.85, v * 1.15),
        Bound::AtLeast => (v, f64::INFINITY),
        Bound::AtMost => (0.0, v),
    }
}

pub(crate) fn agree(a: &CountMention, b: &CountMention) -> bool {
    let (a0, a1) = interval(a);
    let (b0, b1) = interval(b);
    a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9
}

/// Content words of a sentence, for telling whether two sentences talk about the same thing.
pub(crate) fn content_words(text: &str, skip: &HashSet<String>) -> HashSet<String> {
    tokenize(text, Span::new(0, text.len()))
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| knowledge::noun_lemma(t.text(text)))
        .filter(|w| w.len() > 2 && !knowledge::is_stopword(w) && knowledge::number_word(w).is_none() && !skip.contains(w))
        .collect()
}

/// How many content words two sentences share, leaving out `skip` (the counted thing itself).
pub(crate) fn shared_words(a: &HashSet<String>, b: &HashSet<String>, skip: &HashSet<String>) -> usize {
    a.iter().filter(|w| b.contains(*w) && !skip.contains(*w)).count()
}

/// "two more regions" counts an addition to something, not the thing itself.
pub(crate) fn counts_an_addition(c: &CountMention, text: &str) -> bool {
    let after = text.get(c.number_span.end..).unwrap_or("").trim_start();
    let first = after.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "more" | "additional" | "other" | "further" | "extra" | "new" | "another")
}

/// Same counted thing: same head noun, and the same modifier when both name one.
pub(crate) fn same_unit(a: &CountMention, b: &CountMention) -> bool {
    if a.head.is_empty() || a.head != b.head || a.kind != b.kind {
        return false;
    }
    let modifier = |c: &CountMention| c.unit.split_whitespace().rev().nth(1).map(knowledge::noun_lemma);
    match (modifier(a), modifier(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &cx.draft.counts {
        // Durations are time-conflict's to judge.
        if c.fact.head.is_empty()
            || crate::extract::number::is_time_unit(&c.fact.head)
            || cx.in_quote(c.fact.span)
            || cx.is_heading(c.sentence)
            || counts_an_addition(&c.fact, &cx.draft.seg.text)
        {
            continue;
        }
        let (key, anchor) = count_key(cx, c);
        out.extend(cx.memo.findings_about(Rule::NumberMismatch, key, anchor, || about(cx, c).into_iter().collect()));
    }
    out
}

/// What a rule's findings about draft count `c` depend on, for `RuleMemo::findings_about`: the
/// count with its spans relative to its start (the anchor), its text and its sentence's text.
pub(crate) fn count_key(cx: &Context, c: &crate::facts::Located<CountMention>) -> (FactKey, usize) {
    // Every field, so that a field added to counts cannot be left out of the key.
    let CountMention { span, number_span, value, kind, bound, unit, head } = &c.fact;
    let anchor = span.start.min(number_span.start);
    let relative = |s: &Span| (s.start - anchor, s.end - anchor);
    let sentence = cx.draft_sentence(c.sentence);
    let key = FactKey::for_text(sentence.len() + unit.len() + head.len() + span.len())
        .with(relative(span))
        .with(relative(number_span))
        .with(value.to_bits())
        .with(kind)
        .with(bound)
        .with(unit)
        .with(head)
        .with(span.slice(&cx.draft.seg.text))
        .with(sentence);
    (key, anchor)
}

/// The finding, if any, about draft count `c`, which the filters in `check` let through.
fn about(cx: &Context, c: &crate::facts::Located<CountMention>) -> Option<Finding> {
    let fb = cx.fb;
    let unit_words: HashSet<String> = c.fact.unit.split_whitespace().map(knowledge::noun_lemma).collect();
    let draft_words = cx.content_words(cx.draft_sentence(c.sentence));
    let mut same = Vec::new();
    for &d in &cx.relevant {
        let f = &fb.facts[d];
        for sc in &f.counts {
            if !same_unit(&c.fact, &sc.fact) || counts_an_addition(&sc.fact, &fb.docs[d].text) {
                continue;
            }
            let Some(sentence) = f.sentences.get(sc.sentence) else { continue };
            let words = cx.content_words(sentence.slice(&fb.docs[d].text));
            if shared_words(&words, &draft_words, &unit_words) > 0 {
                same.push((d, *sentence, sc));
            }
        }
    }
    if same.is_empty() || same.iter().any(|(_, _, sc)| agree(&c.fact, &sc.fact)) {
        return None;
    }
    let values: Vec<String> = {
        let mut v: Vec<String> = same.iter().map(|(d, _, sc)| sc.fact.span.slice(&fb.docs[*d].text).to_string()).collect();
        v.dedup();
        v
    };
    let evidence = same.iter().map(|(d, s, _)| fb.evidence(*d, *s)).collect();
    let mut f = Finding::new(
        Rule::NumberMismatch,
        c.fact.span,
        format!("the sources say {}, not {}", values.join(" / "), c.fact.span.slice(&cx.draft.seg.text)),
    )
    .with_evidence(evidence);
    // "first round" and "second round" are usually two different rounds, not a disagreement.
    if c.fact.kind == crate::extract::number::CountKind::Ordinal {
        f = f.unsure();
    }
    if let [(d, _, sc)] = same.as_slice() {
        f = f.with_fix("Use the source's number", c.fact.number_span, sc.fact.number_span.slice(&fb.docs[*d].text).to_string());
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::check::findings_of;
    use crate::finding::{Rule, Severity};

    const SRC: &[&str] = &[
        "The only agreement reached was to exchange 1,000 prisoners.",
        "The union represents about 2,400 dockers. The company will cut 300 jobs, and two more terminals may close.",
    ];

    #[test]
    fn same_thing_other_number() {
        let f = findings_of(Rule::NumberMismatch, SRC, "The only agreement was to swap 500 prisoners.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("1,000"));
        assert_eq!(f[0].fixes[0].replacement, "1,000");
        assert!(findings_of(Rule::NumberMismatch, SRC, "The agreement was to exchange a thousand prisoners.").is_empty());
    }

    #[test]
    fn approximations_other_things_and_quotes_are_not_mismatches() {
        assert!(findings_of(Rule::NumberMismatch, SRC, "The union represents some 2,500 dockers.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, SRC, "The company has 300 ships.").is_empty());
        assert!(findings_of(Rule::NumberMismatch, SRC, "\"We swapped 500 prisoners in the agreement,\" he said.").is_empty());
        // "two more terminals" adds to a count; it is not one.
        assert!(findings_of(Rule::NumberMismatch, SRC, "The company may close four terminals, and 300 jobs will go.").is_empty());
    }

    #[test]
    fn ordinals_are_only_information() {
        let src = &["The second round of talks will be held next month."];
        let f = findings_of(Rule::NumberMismatch, src, "The first round of talks will be held next month.");
        assert!(f.iter().all(|f| f.severity == Severity::Information), "{f:?}");
    }
}
