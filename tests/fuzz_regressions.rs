//! Inputs found by the fuzz targets under fuzz/ (see RELIABILITY.md, "Fuzzing"), and hostile
//! inputs made by hand, fed through the same public functions the targets call: the corpus
//! loader on bytes, `FactBase::build`, `check_draft`, `document_facts` and the LSP edit path.
//! Each must return, and every span it hands back must lie inside its text on char boundaries.

use copydesk::corpus::load::{docs_from_bytes, load_paths, LoadOptions, Loaded};
use copydesk::facts::document_facts;
use copydesk::lsp::{apply_change, Encoding};
use copydesk::text::{Span, TextKind};
use copydesk::{check_draft, Config, FactBase};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn assert_span_in(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} span {span:?} outside text of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what} span {span:?} splits a character");
}

fn port_strike() -> &'static FactBase {
    static FACTS: OnceLock<FactBase> = OnceLock::new();
    FACTS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases/corpus-port-strike");
        FactBase::build(load_paths(&[dir]).expect("port-strike corpus").docs)
    })
}

/// What the `draft_check` target does with one input.
fn check_as_draft(draft: &str) {
    let fb = port_strike();
    for f in check_draft(fb, draft, &Config::default()) {
        assert_span_in(draft, f.span, f.rule.code());
        for fix in &f.fixes {
            assert_span_in(draft, fix.span, "fix");
        }
        for e in &f.evidence {
            assert_span_in(&fb.docs[e.doc].text, e.span, "evidence");
        }
    }
    for kind in [TextKind::Markdown, TextKind::Plain] {
        let facts = document_facts(draft, kind);
        let spans = facts.names.iter().map(|n| n.span)
            .chain(facts.delegations.iter().flat_map(|d| [d.person_span, d.cue]))
            .chain(facts.places.iter().map(|p| p.span))
            .chain(facts.quotes.iter().flat_map(|q| std::iter::once(q.span).chain(q.speaker.as_ref().map(|s| s.mention))))
            .chain(facts.times.iter().map(|t| t.span))
            .chain(facts.counts.iter().flat_map(|c| [c.span, c.number_span]));
        for span in spans {
            assert_span_in(draft, span, "document fact");
        }
    }
}

/// What the `corpus_loader` target does with one input: load the bytes as `name`, build a fact
/// base, and map every sentence and mention back to the file.
fn load_as(name: &str, bytes: &[u8]) -> Loaded {
    let loaded = docs_from_bytes(bytes, Path::new(name), &LoadOptions::default());
    let fb = FactBase::build(loaded.docs.clone());
    for (doc, facts) in fb.docs.iter().zip(&fb.facts) {
        for &span in facts.sentences.iter().chain(facts.mentions.iter().map(|(_, s)| s)) {
            assert_span_in(&doc.text, span, "corpus fact");
            doc.file_range(span);
        }
        for q in &facts.quotes {
            assert_span_in(&doc.text, q.quote.span, "corpus quote");
        }
    }
    loaded
}

fn load_as_every_kind(bytes: &[u8]) {
    for name in ["/fuzz/input.txt", "/fuzz/input.html", "/fuzz/input.jsonl"] {
        load_as(name, bytes);
    }
}

/// Applies `changes` to a rope as the server does and returns the text.
fn edited(initial: &str, changes: &[((u32, u32), (u32, u32), &str)], enc: Encoding) -> String {
    use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};
    let mut rope = ropey::Rope::from_str(initial);
    for &((l0, c0), (l1, c1), text) in changes {
        let change = TextDocumentContentChangeEvent {
            range: Some(Range { start: Position { line: l0, character: c0 }, end: Position { line: l1, character: c1 } }),
            range_length: None,
            text: text.to_string(),
        };
        apply_change(&mut rope, &change, enc);
    }
    rope.to_string()
}

#[test]
fn surrogate_and_nul_bytes_are_refused_by_the_loader_and_survive_as_a_draft() {
    // UTF-8-encoded surrogates (CESU-8), a stray continuation byte, a NUL.
    let cesu = b"The union said \xed\xa0\x80\xed\xb0\x80 talks would resume \x80 on Friday.\n";
    for name in ["/fuzz/a.txt", "/fuzz/a.html"] {
        let loaded = load_as(name, cesu);
        assert!(loaded.docs.is_empty(), "{name}: {:?}", loaded.docs.len());
        assert!(loaded.warnings[0].message.contains("UTF-8"), "{name}: {:?}", loaded.warnings);
    }
    let nul = b"Dockworkers\0 walked out on Monday.\n";
    let loaded = load_as("/fuzz/a.txt", nul);
    assert!(loaded.docs.is_empty() && loaded.warnings[0].message.contains("NUL"), "{:?}", loaded.warnings);
    check_as_draft(&String::from_utf8_lossy(cesu));
    check_as_draft("\"Talks\0 will resume,\" the union\0 said.\u{0}\n\0");
}

#[test]
fn jsonl_escapes_for_lone_surrogates_and_nul_are_handled() {
    // serde_json refuses a lone surrogate escape; a NUL escape is legal JSON and becomes text.
    let archive = br#"{"text": "Talks \ud800 resumed on Friday."}
{"text": "Talks \u0000 resumed on Friday, \"we are close,\" the union said.", "id": 18446744073709551616}
{"text": "\ud83d\ude00 Talks resumed."}
"#;
    let loaded = load_as("/fuzz/archive.jsonl", archive);
    assert_eq!(loaded.docs.len(), 2, "{:?}", loaded.warnings);
    assert!(loaded.docs[0].text.contains('\0'));
    assert!(loaded.docs[1].text.starts_with('😀'));
    assert!(loaded.warnings[0].path.to_string_lossy().ends_with(":1"), "{:?}", loaded.warnings);
}

#[test]
fn a_hundred_thousand_quote_marks() {
    check_as_draft(&"\"".repeat(100_000));
    // Smaller runs of the other marks, through every path (a debug build is slow enough as it is).
    for mark in ["\"", "“", "”", "'", "«"] {
        let draft = mark.repeat(10_000);
        check_as_draft(&draft);
        load_as_every_kind(draft.as_bytes());
    }
    let alternating = "“a” ".repeat(5_000);
    check_as_draft(&alternating);
    let unclosed = format!("The union said: “{}", "we will not move ".repeat(2_000));
    check_as_draft(&unclosed);
}

#[test]
fn deeply_nested_markdown_and_markup() {
    let inputs = [
        format!("{}The strike ended on Monday.", "> ".repeat(5_000)),
        format!("{}The strike ended on Monday.{}", "[".repeat(5_000), "](x)".repeat(5_000)),
        format!("{}strike{}", "*".repeat(5_000), "_".repeat(5_000)),
        format!("{}\n", "- ".repeat(5_000)),
        "<!-- ".repeat(5_000),
        format!("```\n{}", "`".repeat(10_000)),
        format!("{}The strike ended.{}", "<div>".repeat(5_000), "</div>".repeat(5_000)),
        format!("<script>{}", "<p>\"quoted\" ".repeat(2_000)),
        "&#xD800;&#x110000;&#99999999999999999999;&#;&amp&lt;&#x;".repeat(500),
    ];
    for input in &inputs {
        check_as_draft(input);
        load_as_every_kind(input.as_bytes());
    }
}

#[test]
fn huge_numbers_and_times() {
    let draft = "\
The strike cost 99999999999999999999999999999999999999 euros, officials said.\n\
Some 1,000,000,000,000,000,000,000,000 dockworkers walked out at 99:99 on 31 February 99999.\n\
A trillion trillion containers waited; 1e308 ships; 18446744073709551616 crates; -0.0000000001 tonnes.\n\
Talks lasted 4294967296 hours and resumed at 25:61 GMT+99 on 2025-13-45.\n";
    check_as_draft(draft);
    check_as_draft(&"9".repeat(100_000));
    check_as_draft(&"1,".repeat(50_000));
    load_as_every_kind(draft.as_bytes());
}

#[test]
fn edits_far_past_every_end_and_inside_characters_clamp() {
    // Column inside the emoji's surrogate pair snaps to its start; a line past the end means the end.
    assert_eq!(edited("a😀b", &[((0, 2), (0, 2), "X")], Encoding::Utf16), "aX😀b");
    assert_eq!(edited("a😀b", &[((0, 3), (0, 3), "X")], Encoding::Utf8), "aX😀b");
    assert_eq!(edited("one\r\ntwo", &[((0, u32::MAX), (u32::MAX, u32::MAX), "!")], Encoding::Utf16), "one!");
    // A column past a CRLF line's end stops before the CR, never between CR and LF.
    assert_eq!(edited("one\r\ntwo", &[((0, 4), (0, 4), "?")], Encoding::Utf8), "one?\r\ntwo");
    // Inserting a CR before an LF joins them into one break; the next edit sees one line fewer.
    let joined = edited("a\nb", &[((0, 1), (0, 1), "\r"), ((1, 0), (1, 0), "c")], Encoding::Utf16);
    assert_eq!(joined, "a\r\ncb");
}
