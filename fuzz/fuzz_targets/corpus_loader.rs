//! Arbitrary bytes as a corpus file: the first byte picks .txt, .html or .jsonl, the rest is the
//! file. The documents go through `FactBase::build`, so extraction on corpus text is fuzzed too,
//! and every sentence and mention is mapped back to a file position as the evidence links do.
#![no_main]

use copydesk::corpus::load::{docs_from_bytes, LoadOptions};
use copydesk::text::Span;
use copydesk::FactBase;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fn assert_span_in(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} span {span:?} outside text of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what} span {span:?} splits a character");
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, file)) = data.split_first() else { return };
    let name = match kind % 3 {
        0 => "/fuzz/input.txt",
        1 => "/fuzz/input.html",
        _ => "/fuzz/input.jsonl",
    };
    let loaded = docs_from_bytes(file, Path::new(name), &LoadOptions::default());
    let fb = FactBase::build(loaded.docs);
    for (doc, facts) in fb.docs.iter().zip(&fb.facts) {
        for &sentence in &facts.sentences {
            assert_span_in(&doc.text, sentence, "sentence");
            doc.file_range(sentence);
        }
        for &(_, mention) in &facts.mentions {
            assert_span_in(&doc.text, mention, "mention");
            doc.file_range(mention);
        }
        for q in &facts.quotes {
            assert_span_in(&doc.text, q.quote.span, "quote");
        }
        for t in &facts.times {
            assert_span_in(&doc.text, t.fact.span, "time");
        }
        for c in &facts.counts {
            assert_span_in(&doc.text, c.fact.span, "count");
        }
    }
});
