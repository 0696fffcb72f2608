//! Finding a draft quote in the sources: verbatim (a contiguous stretch of a source quote) or
//! altered (mostly the same words in the same order). Shared by the quote rules.

use super::Context;
use crate::extract::quotes::Quote;
use crate::facts::{quote_words, PersonId, QuoteWords, SourceQuote};

/// Who the draft says spoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Nobody,
    /// Speaker inherited from an earlier paragraph only.
    Floating(Option<PersonId>),
    Anonymous,
    /// A named or resolved speaker; `None` when the corpus does not know them.
    Person(Option<PersonId>),
}

pub struct Near<'a> {
    pub doc: usize,
    pub source: &'a SourceQuote,
    /// Share of the draft's words found in order in the source quote.
    pub ratio: f64,
    pub draft_only: Vec<String>,
    pub source_only: Vec<String>,
}

pub struct QuoteMatch<'a> {
    pub quote: Quote,
    pub words: Vec<String>,
    pub said: Said,
    pub verbatim: Vec<(usize, &'a SourceQuote)>,
    pub near: Vec<Near<'a>>,
}

impl QuoteMatch<'_> {
    pub fn speaker_matches(&self, p: Option<PersonId>) -> bool {
        match self.said {
            Said::Person(Some(me)) | Said::Floating(Some(me)) => p == Some(me),
            _ => false,
        }
    }
}

/// Longest common subsequence with the unmatched words on each side (source side limited to the
/// stretch between the first and last match).
fn align(draft: &[String], src: &[&str]) -> (usize, Vec<String>, Vec<String>) {
    let (n, m) = (draft.len(), src.len());
    if n == 0 || m == 0 || n * m > 400_000 {
        return (0, Vec::new(), Vec::new());
    }
    let mut dp = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[at(i, j)] = if draft[i] == src[j] { dp[at(i + 1, j + 1)] + 1 } else { dp[at(i + 1, j)].max(dp[at(i, j + 1)]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut draft_only = Vec::new();
    let mut src_only = Vec::new();
    let mut first_match: Option<usize> = None;
    let mut pending_src: Vec<String> = Vec::new();
    while i < n && j < m {
        if draft[i] == src[j] {
            first_match.get_or_insert(j);
            src_only.append(&mut pending_src);
            i += 1;
            j += 1;
        } else if dp[at(i + 1, j)] >= dp[at(i, j + 1)] {
            draft_only.push(draft[i].clone());
            i += 1;
        } else {
            if first_match.is_some() {
                pending_src.push(src[j].to_string());
            }
            j += 1;
        }
    }
    draft_only.extend(draft[i..].iter().cloned());
    (dp[at(0, 0)] as usize, draft_only, src_only)
}

pub fn match_quotes<'a>(cx: &Context<'a>) -> Vec<QuoteMatch<'a>> {
    let fb = cx.fb;
    let mut out = Vec::new();
    for q in &cx.draft.quotes {
        let hits = cx.memo.quote_hits(&q.text, || find_in_sources(cx, quote_words(&q.text)));
        if hits.words.is_empty() {
            continue;
        }
        let said = match &q.speaker {
            None => Said::Nobody,
            Some(s) if s.anonymous => Said::Anonymous,
            Some(s) if s.from_earlier_paragraph => Said::Floating(cx.speaker_person(s)),
            Some(s) => Said::Person(cx.speaker_person(s)),
        };
        let verbatim = hits.verbatim.iter().filter_map(|&(d, i)| Some((d, fb.facts.get(d)?.quotes.get(i)?))).collect();
        let mut near: Vec<Near> = hits
            .near
            .iter()
            .filter_map(|(d, i, ratio, draft_only, source_only)| {
                let source = fb.facts.get(*d)?.quotes.get(*i)?;
                Some(Near { doc: *d, source, ratio: *ratio, draft_only: draft_only.clone(), source_only: source_only.clone() })
            })
            .collect();
        near.sort_by(|a, b| b.ratio.total_cmp(&a.ratio));
        out.push(QuoteMatch { quote: q.clone(), words: hits.words.clone(), said, verbatim, near });
    }
    out
}

/// Where the relevant sources have the quote `words`, verbatim or nearly.
fn find_in_sources(cx: &Context, words: Vec<String>) -> super::memo::QuoteHits {
    let mut hits = super::memo::QuoteHits { words, ..Default::default() };
    let words = &hits.words;
    let run = QuoteWords::new(words);
    let (mut verbatim, mut near) = (Vec::new(), Vec::new());
    for &d in &cx.relevant {
        for (i, sq) in cx.fb.facts[d].quotes.iter().enumerate() {
            if sq.words.contains_run(&run) {
                verbatim.push((d, i));
            } else if words.len() >= 4 {
                let source_words: Vec<&str> = sq.words.iter().collect();
                let (common, draft_only, source_only) = align(words, &source_words);
                let ratio = common as f64 / words.len() as f64;
                if ratio >= 0.6 && common >= 3 {
                    near.push((d, i, ratio, draft_only, source_only));
                }
            }
        }
    }
    hits.verbatim = verbatim;
    hits.near = near;
    hits
}

/// The evidence for a source quote: its sentence, or the quote itself when it spans sentences.
pub fn quote_evidence(cx: &Context, doc: usize, sq: &SourceQuote) -> crate::finding::Evidence {
    let f = &cx.fb.facts[doc];
    let sentence = f.sentences.iter().find(|s| s.contains(sq.quote.span) || s.overlaps(sq.quote.span)).copied().unwrap_or(sq.quote.span);
    let span = crate::text::Span::new(sentence.start.min(sq.quote.span.start), sentence.end.max(sq.quote.span.end));
    cx.fb.evidence(doc, span)
}

pub fn person_name(cx: &Context, p: Option<PersonId>) -> String {
    p.and_then(|p| cx.fb.people.get(p)).map(|p| p.name.clone()).unwrap_or_else(|| "an unnamed source".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        quote_words(s)
    }

    fn run(s: &str) -> QuoteWords {
        QuoteWords::new(&w(s))
    }

    #[test]
    fn verbatim_ignores_case_quotes_and_dashes() {
        assert!(run("We will not give up—ever. That’s final.").contains_run(&run("we will not give up - ever")));
        assert!(run("Exchanging 1,000 lives matters").contains_run(&run("1,000 lives")));
        assert!(!run("We fought for 21 years").contains_run(&run("fought for 25 years")));
    }

    #[test]
    fn runs_are_whole_words() {
        assert!(!run("We fought for 210 years").contains_run(&run("for 21")));
        assert!(!run("The unfair vote").contains_run(&run("fair vote")));
        assert!(run("Fair vote").contains_run(&run("fair vote")));
        assert!(!run("Fair vote").contains_run(&run("")));
        assert!(!run("").contains_run(&run("vote")));
        assert_eq!(run("We fought, for 1,000 years").iter().collect::<Vec<_>>(), vec!["we", "fought", "for", "1000", "years"]);
        assert_eq!(run("").iter().count(), 0);
    }

    #[test]
    fn alignment_reports_the_changed_words() {
        let source = w("and we fought them for 21 years until now");
        let source: Vec<&str> = source.iter().map(String::as_str).collect();
        let (common, d, s) = align(&w("we fought them for 25 years"), &source);
        assert_eq!(common, 5);
        assert_eq!(d, vec!["25"]);
        assert_eq!(s, vec!["21"]);
    }
}
