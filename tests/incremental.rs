//! A draft checked again after each edit, reusing what the last check remembered, must give
//! exactly the findings of a fresh check of the same text.

use copydesk::check::{check_draft_again, DraftMemo};
use copydesk::corpus::load::load_paths;
use copydesk::facts::{analyze_incremental, analyze_within, Analysis, ParagraphMemo};
use copydesk::text::TextKind;
use copydesk::{check_draft, Config, FactBase};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn fact_base() -> &'static FactBase {
    static FB: OnceLock<FactBase> = OnceLock::new();
    FB.get_or_init(|| FactBase::build(load_paths(&[cases().join("corpus-port-strike")]).expect("corpus loads").docs))
}

/// Every test draft, one after another, so edits can join and split their paragraphs.
fn drafts() -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(cases()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md")).collect();
    names.sort();
    let mut drafts: Vec<String> = names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    drafts.push(ACROSS_PARAGRAPHS.to_string());
    drafts.join("\n\n")
}

/// What reaches across paragraphs in segmentation and quote finding: quotes that run on into
/// the next paragraph, cues ending the paragraph before, and Markdown blocks and spans.
const ACROSS_PARAGRAPHS: &str = "## Quotes that run on\n\n\
    Harbour Minister Ruth Okoye said: “The cranes are old.\n\n“We need new ones by spring,” she added.\n\n\
    The port director answered at length:\n\n“We rebuild from the hill down.”\n\n\
    - “Every berth is full,” a pilot said.\n- Another item.\n1. \"MORALES: We will open the crossing on Monday.\n\n\
    ```\nlet s = \"not a quote, Okoye said\";\n\n“Still code.”\n```\n\n\
    > “Quoted in a block,” Okoye said.\n\n<!-- “Hidden,” he said.\n\n-->“Seen again,” Weiss said.\n\n\
    A [link “with words in it”](http://example.org) and *“some emphasis here,”* she said.\n\n\
    “Why now?” Okoye asked. “Because the tide is high.” Okoye said.\n\n“The vote is close.\n\n“Nobody leaves.”\n";

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    /// Insert at the end of a paragraph (the n-th blank line, counted round) or, if true, at
    /// the start of the next one: where one paragraph's quotes read the paragraph before.
    AtParagraphBreak(usize, bool, String),
    /// The writer's longest quote (`[limits] max_quote_chars`) becomes this.
    QuoteLimit(usize),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let insert_text = prop::sample::select(vec![
        "a", " ", "\n", "\n\n", "\"", "“", "”", ".", " said ", "Friday", "3", "30", " at 9.30 a.m. ", "# ", "All times GMT. ", "It lasted two hours. ", "é", "—",
        // What a paragraph's quotes and sentences read of its neighbours, and Markdown.
        "''", "«", "»", " said:", ":\n\n“", "”\n\n“", "\n\n“We stay", " Okoye said. ", "?” ", "\n## ", "- ", "\n- ", "\n1. ", "> ", "```", "\n```\n", "~~~",
        "`", "<!-- ", " -->", "[", "](x)", ")", "*", "_", "MORALES: ",
    ]);
    let at_break = prop::sample::select(vec![":", " said:", " Okoye said:", "“", "”", "\"", "“We", " ", "x", "\n", "```\n", "# ", "- "]);
    prop_oneof![
        8 => (any::<prop::sample::Index>(), insert_text).prop_map(|(i, t)| Edit::Insert(i.index(1 << 20), t.to_string())),
        4 => (any::<prop::sample::Index>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i.index(1 << 20), n)),
        4 => (0usize..400, any::<bool>(), at_break).prop_map(|(n, next, t)| Edit::AtParagraphBreak(n, next, t.to_string())),
        1 => prop::sample::select(vec![3000usize, 40, 12]).prop_map(Edit::QuoteLimit),
    ]
}

/// The first finding that differs between two checks, for a readable failure.
fn first_difference(a: &[copydesk::Finding], b: &[copydesk::Finding]) -> Option<String> {
    if a.len() != b.len() {
        return Some(format!("{} findings against {}", a.len(), b.len()));
    }
    a.iter().zip(b).map(|(x, y)| (format!("{x:?}"), format!("{y:?}"))).find(|(x, y)| x != y).map(|(x, y)| format!("{x}\n  instead of\n{y}"))
}

fn apply(text: &mut String, config: &mut Config, edit: &Edit) {
    let boundary = |text: &str, mut i: usize| {
        i %= text.len() + 1;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match edit {
        Edit::Insert(at, s) => {
            let at = boundary(text, *at);
            text.insert_str(at, s);
        }
        Edit::Delete(at, n) => {
            let at = boundary(text, *at);
            let end = boundary(text, (at + n).min(text.len()));
            text.replace_range(at..end.max(at), "");
        }
        Edit::AtParagraphBreak(n, next, s) => {
            let breaks: Vec<usize> = text.match_indices("\n\n").map(|(i, _)| i).collect();
            let at = breaks.get(n % breaks.len().max(1)).map_or(text.len(), |&i| if *next { i + 2 } else { i });
            text.insert_str(at, s);
        }
        Edit::QuoteLimit(chars) => config.limits.max_quote_chars = Some(*chars),
    }
}

/// Everything an analysis gives, spelled out for comparison.
fn analysis_parts(a: &Analysis) -> Vec<String> {
    let sentences: Vec<_> = a.seg.sentences.iter().map(|s| (s.span, s.paragraph, s.heading)).collect();
    vec![
        a.seg.masked.clone(),
        format!("{:?}", a.seg.paragraphs),
        format!("{sentences:?}"),
        format!("{:?}", a.quotes),
        format!("{:?}", a.names),
        format!("{:?}", a.places),
        format!("{:?}", a.times),
        format!("{:?}", a.counts),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The analysis is compared too: the findings show its quotes and segmentation only in part.
    #[test]
    fn incremental_checks_equal_fresh_checks(edits in prop::collection::vec(edit_strategy(), 1..30)) {
        let fb = fact_base();
        let mut config = Config::default();
        let mut text = drafts();
        let mut memo = DraftMemo::default();
        let mut analysis_memo = ParagraphMemo::default();
        check_draft_again(fb, &text, &config, &mut memo);
        for e in &edits {
            apply(&mut text, &mut config, e);
            let limits = config.limits();
            let again = analyze_incremental(&text, TextKind::Markdown, &fb.lexicon, &limits, fb.id, &mut analysis_memo);
            let fresh = analyze_within(&text, TextKind::Markdown, &fb.lexicon, &limits);
            for (x, y) in analysis_parts(&again).iter().zip(analysis_parts(&fresh).iter()) {
                // Where they part, with some context: the whole text is long.
                let at = x.bytes().zip(y.bytes()).take_while(|(a, b)| a == b).count().saturating_sub(200);
                let from = |s: &str| s.get(at..).or_else(|| s.get(at.saturating_sub(3)..)).unwrap_or(s).chars().take(600).collect::<String>();
                prop_assert!(x == y, "after {:?}:\n{}\n  instead of\n{}", e, from(x), from(y));
            }
            let again = check_draft_again(fb, &text, &config, &mut memo);
            let fresh = check_draft(fb, &text, &config);
            let difference = first_difference(&again, &fresh);
            prop_assert!(difference.is_none(), "after {:?}: {}", e, difference.unwrap_or_default());
        }
    }
}

#[test]
fn an_edit_in_one_sentence_extracts_only_around_it() {
    let fb = fact_base();
    let config = Config::default();
    let mut text = drafts();
    let mut memo = DraftMemo::default();
    check_draft_again(fb, &text, &config, &mut memo);
    let everything = memo.sentences_extracted();
    assert!(everything > 60, "the drafts have many sentences ({everything})");
    check_draft_again(fb, &text, &config, &mut memo);
    assert_eq!(memo.sentences_extracted(), 0, "nothing changed");
    let middle = text.len() / 2;
    let at = (middle..text.len()).find(|&i| text[i..].starts_with(' ')).unwrap();
    text.insert_str(at, " reportedly");
    let again = check_draft_again(fb, &text, &config, &mut memo);
    // The edited sentence, and the next one when it may refer back to it.
    assert!((1..=2).contains(&memo.sentences_extracted()), "{}", memo.sentences_extracted());
    let fresh = check_draft(fb, &text, &config);
    assert!(!fresh.is_empty());
    assert_eq!(first_difference(&again, &fresh), None);
}

#[test]
fn a_remembered_finding_moves_with_its_fact_and_holds_for_a_copy_of_it() {
    let fb = fact_base();
    let config = Config::default();
    let mut text = drafts();
    let mut memo = DraftMemo::default();
    let rules = [copydesk::Rule::NumberMismatch, copydesk::Rule::TimeConflict, copydesk::Rule::SourceConflict];
    for rule in rules {
        let before = check_draft_again(fb, &text, &config, &mut memo);
        let f = before.iter().find(|f| f.rule == rule && f.span.start > 0).unwrap_or_else(|| panic!("the drafts have a {rule:?} finding"));
        // The paragraph holding the finding, copied to the top of the draft.
        let start = text[..f.span.start].rfind("\n\n").map_or(0, |i| i + 2);
        let end = text[f.span.start..].find("\n\n").map_or(text.len(), |i| f.span.start + i);
        let paragraph = text[start..end].to_string();
        text.insert_str(0, &format!("{paragraph}\n\n"));
        let again = check_draft_again(fb, &text, &config, &mut memo);
        let fresh = check_draft(fb, &text, &config);
        assert_eq!(first_difference(&again, &fresh), None, "{rule:?}");
        let moved = f.span.start + paragraph.len() + 2;
        assert!(again.iter().any(|g| g.rule == rule && g.span.start == moved), "{rule:?} moved to {moved}");
        assert!(again.iter().any(|g| g.rule == rule && g.span.start == f.span.start - start), "{rule:?} on the copy");
    }
}
