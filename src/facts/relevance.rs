//! Which source documents are about the draft's story. A large corpus mixes many stories; facts
//! from another story must never be compared with the draft's.

use super::Analysis;
use crate::corpus::SourceDoc;
use crate::knowledge;
use crate::text::{tokenize, Span, TokenKind};
use std::collections::{HashMap, HashSet};

/// Below this many documents the corpus is taken to be one story, all of it relevant.
const SMALL_CORPUS: usize = 50;

pub struct Index {
    /// Capitalised word (lower-cased) → documents that use it.
    postings: HashMap<String, Vec<u32>>,
}

fn keywords<'a>(text: &'a str, lexicon: &'a HashSet<String>) -> impl Iterator<Item = String> + 'a {
    tokenize(text, Span::new(0, text.len())).into_iter().filter_map(move |t| {
        if t.kind != TokenKind::Word || !t.is_capitalized(text) {
            return None;
        }
        let w = crate::extract::roles::strip_possessive(t.text(text)).0.to_lowercase();
        (w.chars().count() > 2 && !knowledge::is_stopword(&w) && !lexicon.contains(&w)).then_some(w)
    })
}

impl Index {
    pub fn build(docs: &[SourceDoc], lexicon: &HashSet<String>) -> Index {
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        if docs.len() > SMALL_CORPUS {
            for (i, d) in docs.iter().enumerate() {
                for w in keywords(&d.text, lexicon) {
                    let e = postings.entry(w).or_default();
                    if e.last() != Some(&(i as u32)) {
                        e.push(i as u32);
                    }
                }
            }
        }
        Index { postings }
    }

    pub fn relevant(&self, draft: &Analysis, lexicon: &HashSet<String>, n_docs: usize) -> Vec<usize> {
        if n_docs <= SMALL_CORPUS {
            return (0..n_docs).collect();
        }
        let words: HashSet<String> = keywords(&draft.seg.masked, lexicon).collect();
        let mut score: HashMap<u32, (f64, usize)> = HashMap::new();
        for w in &words {
            let Some(docs) = self.postings.get(w) else { continue };
            let idf = ((n_docs as f64) / (docs.len() as f64)).ln();
            for &d in docs {
                let e = score.entry(d).or_default();
                e.0 += idf;
                e.1 += 1;
            }
        }
        let best = score.values().map(|s| s.0).fold(0.0, f64::max);
        let mut out: Vec<(usize, f64)> = score.into_iter().filter(|(_, (s, n))| *n >= 3 && *s >= best * 0.4).map(|(d, (s, _))| (d as usize, s)).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(100);
        let mut docs: Vec<usize> = out.into_iter().map(|x| x.0).collect();
        docs.sort_unstable();
        docs
    }
}
