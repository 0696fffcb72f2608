//! number-mismatch: a count or quantity contradicts every source.

use super::Context;
use crate::extract::number::{Bound, CountMention};
use crate::finding::{Finding, Rule};
use crate::knowledge;
use crate::text::{tokenize, Span, TokenKind};
use std::collections::HashSet;

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
    let fb = cx.fb;
    let mut out = Vec::new();
    for c in &cx.draft.counts {
        // Durations are time-conflict's to judge.
        if c.fact.head.is_empty() || crate::extract::number::is_time_unit(&c.fact.head) || cx.in_quote(c.fact.span) || cx.is_heading(c.sentence) {
            continue;
        }
        let unit_words: HashSet<String> = c.fact.unit.split_whitespace().map(knowledge::noun_lemma).collect();
        let draft_words = content_words(cx.draft_sentence(c.sentence), &unit_words);
        let mut same = Vec::new();
        for &d in &cx.relevant {
            let f = &fb.facts[d];
            for sc in &f.counts {
                if !same_unit(&c.fact, &sc.fact) {
                    continue;
                }
                let Some(sentence) = f.sentences.get(sc.sentence) else { continue };
                let words = content_words(sentence.slice(&fb.docs[d].text), &unit_words);
                if words.intersection(&draft_words).next().is_some() {
                    same.push((d, *sentence, sc));
                }
            }
        }
        if same.is_empty() || same.iter().any(|(_, _, sc)| agree(&c.fact, &sc.fact)) {
            continue;
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
        out.push(f);
    }
    out
}
