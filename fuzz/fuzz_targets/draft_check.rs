//! Arbitrary text (lossy UTF-8) as a draft: every rule against the port-strike corpus, and the
//! corpus-free facts the outline shows, in both text kinds.
#![no_main]

use copydesk::corpus::load::{docs_from_bytes, LoadOptions};
use copydesk::facts::document_facts;
use copydesk::text::{Span, TextKind};
use copydesk::{check_draft, Config, FactBase};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

const CORPUS: [(&str, &str); 6] = [
    ("aegean-courier.txt", include_str!("../../tests/cases/corpus-port-strike/aegean-courier.txt")),
    ("atlantic-ledger.txt", include_str!("../../tests/cases/corpus-port-strike/atlantic-ledger.txt")),
    ("europort-daily.txt", include_str!("../../tests/cases/corpus-port-strike/europort-daily.txt")),
    ("harbour-freight-weekly.txt", include_str!("../../tests/cases/corpus-port-strike/harbour-freight-weekly.txt")),
    ("meridian-wire.txt", include_str!("../../tests/cases/corpus-port-strike/meridian-wire.txt")),
    ("port-strike-archive.jsonl", include_str!("../../tests/cases/corpus-port-strike/port-strike-archive.jsonl")),
];

fn fact_base() -> &'static FactBase {
    static FACTS: OnceLock<FactBase> = OnceLock::new();
    FACTS.get_or_init(|| {
        let docs = CORPUS
            .iter()
            .flat_map(|(name, text)| {
                let path = Path::new("/corpus-port-strike").join(name);
                docs_from_bytes(text.as_bytes(), &path, &LoadOptions::default()).docs
            })
            .collect();
        FactBase::build(docs)
    })
}

fn assert_span_in(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} span {span:?} outside text of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what} span {span:?} splits a character");
}

fuzz_target!(|data: &[u8]| {
    let fb = fact_base();
    let draft = String::from_utf8_lossy(data);
    for f in check_draft(fb, &draft, &Config::default()) {
        assert_span_in(&draft, f.span, f.rule.code());
        for fix in &f.fixes {
            assert_span_in(&draft, fix.span, "fix");
        }
        for e in &f.evidence {
            let source = &fb.docs[e.doc].text;
            assert_span_in(source, e.span, "evidence");
        }
    }
    for kind in [TextKind::Markdown, TextKind::Plain] {
        let facts = document_facts(&draft, kind);
        for n in &facts.names {
            assert_span_in(&draft, n.span, "name");
        }
        for d in &facts.delegations {
            assert_span_in(&draft, d.person_span, "delegation person");
            assert_span_in(&draft, d.cue, "delegation cue");
        }
        for p in &facts.places {
            assert_span_in(&draft, p.span, "place");
        }
        for q in &facts.quotes {
            assert_span_in(&draft, q.span, "quote");
            if let Some(s) = &q.speaker {
                assert_span_in(&draft, s.mention, "speaker");
            }
        }
        for t in &facts.times {
            assert_span_in(&draft, t.span, "time");
        }
        for c in &facts.counts {
            assert_span_in(&draft, c.span, "count");
            assert_span_in(&draft, c.number_span, "count number");
        }
    }
});
