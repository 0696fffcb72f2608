//! Text → segments. Everything downstream works on byte spans into the *original* text.
//!
//! Markdown is handled by masking: markup bytes (heading hashes, emphasis, link targets, code,
//! HTML comments) are overwritten with spaces in a copy of the text of the same length, so
//! every offset found in the masked copy is valid in the original.

mod lines;
mod sentences;
mod tokens;

pub use lines::LineIndex;
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token, TokenKind};

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text. Serialises as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Markdown or plain text written by a person (drafts, `.md` sources).
    Markdown,
    /// Plain prose: no markup is interpreted.
    Plain,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Headings, list-free title lines: not prose, so facts in them are weaker.
    pub heading: bool,
}

/// A document split into paragraphs and sentences.
#[derive(Debug, Clone)]
pub struct Segmented {
    pub text: String,
    /// Same byte length as `text`; markup replaced by spaces.
    pub masked: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    pub fn new(text: &str, kind: TextKind) -> Segmented {
        Segmented::with_sentences(text, kind, |para| split_sentences(para, Span::new(0, para.len())))
    }

    /// `new`, with each paragraph's sentences given by `sentences_of` from the paragraph's
    /// masked text, relative to its start, as `split_sentences` gives them: an incremental
    /// caller remembers them. Splitting reads nothing else, so the same text splits the same way
    /// wherever it is.
    pub fn with_sentences<S: std::borrow::Borrow<[Span]>>(text: &str, kind: TextKind, mut sentences_of: impl FnMut(&str) -> S) -> Segmented {
        let masked = match kind {
            TextKind::Markdown => mask_markdown(text),
            TextKind::Plain => text.to_string(),
        };
        let (paragraphs, headings) = split_paragraphs(&masked, text, kind);
        // News paragraphs have one to three sentences; growing from empty copies them several times.
        let mut sentences = Vec::with_capacity(2 * paragraphs.len());
        for (i, p) in paragraphs.iter().enumerate() {
            let within = sentences_of(p.slice(&masked));
            sentences.extend(within.borrow().iter().map(|s| Sentence { span: Span::new(p.start + s.start, p.start + s.end), paragraph: i, heading: headings[i] }));
        }
        Segmented { text: text.to_string(), masked, paragraphs, sentences }
    }

    /// The sentence index containing byte `pos` (or the last one before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.start <= pos);
        if i == 0 {
            None
        } else {
            Some(i - 1)
        }
    }

    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences.get(i).map(|s| s.span.slice(&self.masked)).unwrap_or("")
    }
}

/// Paragraphs are separated by blank lines; in `Plain` text (newswire, scraped pages) a single
/// line break also ends a paragraph, because such sources put one paragraph per line.
fn split_paragraphs(masked: &str, original: &str, kind: TextKind) -> (Vec<Span>, Vec<bool>) {
    let mut paras = Vec::new();
    let mut heading = Vec::new();
    let mut start: Option<usize> = None;
    let mut start_is_heading = false;
    let wrapped = kind == TextKind::Plain && is_hard_wrapped(masked);
    for (line_start, line) in lines_with_starts(masked) {
        let pos = line_start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let blank = body.trim().is_empty();
        let orig_line = original.get(line_start..line_start + body.len()).unwrap_or("");
        let is_heading = kind == TextKind::Markdown && orig_line.trim_start().starts_with('#');
        let is_list_item = kind == TextKind::Markdown && is_list_marker(orig_line);
        // Hard-wrapped wire copy starts a paragraph with an indent; the line break is not one.
        let indented_start = wrapped && body.starts_with([' ', '\t']);
        if indented_start {
            if let Some(s) = start.take() {
                push_trimmed(masked, s, line_start, &mut paras, &mut heading, start_is_heading);
            }
        }
        let single_line_paragraph = (kind == TextKind::Plain && !wrapped) || is_heading;
        if blank || is_heading || is_list_item {
            if let Some(s) = start.take() {
                push_trimmed(masked, s, line_start, &mut paras, &mut heading, start_is_heading);
            }
        }
        if blank {
            continue;
        }
        if start.is_none() {
            start = Some(line_start);
            start_is_heading = is_heading;
        }
        if single_line_paragraph {
            if let Some(s) = start.take() {
                push_trimmed(masked, s, pos, &mut paras, &mut heading, start_is_heading);
            }
        }
    }
    if let Some(s) = start {
        push_trimmed(masked, s, masked.len(), &mut paras, &mut heading, start_is_heading);
    }
    (paras, heading)
}

/// Newswire text wrapped at a fixed width (most lines 50–80 characters) rather than one
/// paragraph per line.
fn is_hard_wrapped(text: &str) -> bool {
    // Short lines (table rows, datelines) say nothing about how prose is laid out.
    let lens: Vec<usize> = text.lines().map(|l| l.trim_end().chars().count()).filter(|&n| n >= 30).collect();
    if lens.len() < 4 {
        return false;
    }
    let wrapped = lens.iter().filter(|&&n| (40..=82).contains(&n)).count();
    let long = lens.iter().filter(|&&n| n > 100).count();
    long == 0 && wrapped * 2 >= lens.len()
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<Span>, heads: &mut Vec<bool>, h: bool) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(Span::new(s + lead, e - trail));
        heads.push(h);
    }
}

fn is_list_marker(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
        return true;
    }
    let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// `text[from..].find(chars)`, as an offset into `text`, for scans over a whole draft: only the
/// bytes `may_start` lets through (it must admit the first byte of each of `chars`) are decoded.
/// A draft is mostly ASCII, and decoding every character cost more than the rest of such a scan.
pub fn find_char_from(text: &str, from: usize, chars: &[char], may_start: impl Fn(u8) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let off = at + bytes.get(at..)?.iter().position(|&b| may_start(b))?;
        // Continuation bytes (0x80..=0xBF) start no character and no `chars`; skip them.
        let Some(c) = text.get(off..).and_then(|rest| rest.chars().next()) else {
            at = off + 1;
            continue;
        };
        if chars.contains(&c) {
            return Some(off);
        }
        at = off + c.len_utf8();
    }
}

/// `s` with every run of whitespace made one space and none at either end. Most sentences are
/// single-spaced already and come back as one copy, without splitting them into words.
pub fn single_spaced(s: &str) -> String {
    if s.is_empty() || is_single_spaced(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// No whitespace but single spaces between other characters. Read byte by byte: evidence
/// sentences go through this on every check, and only a byte that starts a non-ASCII
/// character needs decoding (to find the Unicode spaces).
fn is_single_spaced(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut previous_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
            continue;
        }
        previous_space = false;
        let whitespace = if b.is_ascii() { b.is_ascii_whitespace() || b == 0x0b } else { b >= 0xc0 && s[i..].chars().next().is_some_and(char::is_whitespace) };
        if whitespace {
            return false;
        }
    }
    !previous_space
}

/// Blank out Markdown markup, keeping byte offsets. Never fails; unknown syntax stays as text.
pub fn mask_markdown(text: &str) -> String {
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    let bytes = text.as_bytes();
    let blank = |out: &mut Vec<u8>, s: usize, e: usize| {
        for b in &mut out[s..e.min(bytes.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    // Block level: fenced code, headings' hashes, list markers, block quotes, HTML comments.
    let mut in_fence = false;
    for (s, line) in lines_with_starts(text) {
        let pos = s + line.len();
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            blank(&mut out, s, pos);
            continue;
        }
        if in_fence {
            blank(&mut out, s, pos);
            continue;
        }
        if t.starts_with('#') {
            let hashes = t.bytes().take_while(|&b| b == b'#').count();
            blank(&mut out, s + indent, s + indent + hashes);
        } else if t.starts_with('>') {
            blank(&mut out, s + indent, s + indent + 1);
        } else if is_list_marker(line) {
            let marker = t.find(' ').unwrap_or(0);
            blank(&mut out, s + indent, s + indent + marker);
        }
        let trimmed = t.trim_end();
        if !trimmed.is_empty() && trimmed.bytes().all(|b| matches!(b, b'-' | b'*' | b'_' | b'=' | b' ')) && trimmed.len() >= 3 {
            blank(&mut out, s, pos);
        }
    }
    // Inline: comments, code spans, links/images, emphasis markers.
    let mut link_middle = NextMatch::new(|from| find_str_from(text, from, "]("));
    let mut line_break = NextMatch::new(|from| memchr::memchr(b'\n', bytes.get(from..)?).map(|at| from + at));
    let mut link_end = NextMatch::new(|from| memchr::memchr(b')', bytes.get(from..)?).map(|at| from + at));
    // The bytes the arms below look at, in two searches of three.
    let mut markers_a = NextMatch::new(|from| memchr::memchr3(b'<', b'`', b'!', bytes.get(from..)?).map(|at| from + at));
    let mut markers_b = NextMatch::new(|from| memchr::memchr3(b'[', b'*', b'_', bytes.get(from..)?).map(|at| from + at));
    // Backtick runs this long or longer have no closing run left.
    let mut unclosed_ticks = usize::MAX;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if text[i..].starts_with("<!--") => {
                let end = text[i..].find("-->").map(|e| i + e + 3).unwrap_or(bytes.len());
                blank(&mut out, i, end);
                i = end;
            }
            b'`' => {
                let ticks = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let fence = &text[i..i + ticks];
                let closing = if ticks < unclosed_ticks { text[i + ticks..].find(fence) } else { None };
                match closing {
                    Some(e) => {
                        let end = i + ticks + e + ticks;
                        blank(&mut out, i, end);
                        i = end;
                    }
                    None => {
                        unclosed_ticks = unclosed_ticks.min(ticks);
                        i += ticks
                    }
                }
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                out[i] = b' ';
                i += 1;
            }
            b'[' => {
                // [text](target) → keep text, blank brackets and target.
                if let Some(close) = link_middle.at_or_after(i) {
                    if line_break.at_or_after(i).is_none_or(|nl| nl > close) {
                        if let Some(end) = link_end.at_or_after(close) {
                            let end = end + 1;
                            out[i] = b' ';
                            blank(&mut out, close, end);
                            i += 1;
                            continue;
                        }
                    }
                }
                i += 1;
            }
            b'*' | b'_' => {
                // Emphasis markers; an underscore inside a word is part of the word.
                let is_intraword = bytes[i] == b'_'
                    && i > 0
                    && bytes[i - 1].is_ascii_alphanumeric()
                    && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric());
                if !is_intraword {
                    out[i] = b' ';
                }
                i += 1;
            }
            // Straight on to the next byte any arm above looks at.
            _ => {
                let a = markers_a.at_or_after(i + 1).unwrap_or(bytes.len());
                i = markers_b.at_or_after(i + 1).unwrap_or(bytes.len()).min(a);
            }
        }
    }
    // Only ASCII bytes were replaced with ASCII spaces, so this is still valid UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `text[from..].find(pattern)` as an offset into `text`; `None` if `from` is not a char boundary.
fn find_str_from(text: &str, from: usize, pattern: &str) -> Option<usize> {
    text.get(from..)?.find(pattern).map(|at| from + at)
}

/// The next occurrence of something at or after a position (`find` gives the first one at or
/// after its argument), remembered while the positions asked about only grow: a line of ten
/// thousand openers and no closer is scanned once, not once per opener.
struct NextMatch<F> {
    find: F,
    /// The last answer, and the position it was asked for.
    last: Option<(usize, Option<usize>)>,
}

impl<F: Fn(usize) -> Option<usize>> NextMatch<F> {
    fn new(find: F) -> Self {
        NextMatch { find, last: None }
    }

    /// `from` must not be less than the previous `from`.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        match self.last {
            Some((asked, found)) if asked <= from && found.is_none_or(|at| at >= from) => found,
            _ => {
                let found = (self.find)(from);
                self.last = Some((from, found));
                found
            }
        }
    }
}

/// `text.split_inclusive('\n')`, each line with its offset. Lines are found with memchr: the
/// standard library's search costs several times as much on a draft's many short lines.
fn lines_with_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        let end = breaks.next().map_or(text.len(), |at| at + 1);
        // A line break is one byte, so `end` is a char boundary.
        let line = text.get(start..end).filter(|line| !line.is_empty())?;
        let at = start;
        start = end;
        Some((at, line))
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn finding_a_char_by_its_first_byte_is_a_character_search(text in "[a-z .!?…—’é€😀]{0,40}", cut in 0usize..40) {
            let from = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let stops = ['.', '!', '?', '\u{2026}'];
            let found = super::find_char_from(&text, from, &stops, |b| matches!(b, b'.' | b'!' | b'?' | 0xE2));
            prop_assert_eq!(found, text[from..].find(stops).map(|r| from + r));
            // A filter that lets every byte through, continuation bytes included, finds the same.
            prop_assert_eq!(super::find_char_from(&text, from, &stops, |_| true), found);
        }
    }

    proptest! {
        #[test]
        fn lines_with_starts_are_split_inclusive(text in "[a\n\r é]{0,30}") {
            let ours: Vec<(usize, &str)> = super::lines_with_starts(&text).collect();
            let mut at = 0;
            let theirs: Vec<(usize, &str)> = text.split_inclusive('\n').map(|l| { at += l.len(); (at - l.len(), l) }).collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn single_spaced_joins_whitespace_runs() {
        for s in ["", " ", "a", "a b", " a", "a ", "a  b", "a\nb", "a\u{a0}b", "a\u{2009}b", "é ü", "é  ü", "a\u{3000}", "\tx y\r\n", "Kyiv  said.\n"] {
            assert_eq!(super::single_spaced(s), s.split_whitespace().collect::<Vec<_>>().join(" "), "{s:?}");
        }
    }

    use super::*;

    #[test]
    fn masking_keeps_offsets_and_text() {
        let md = "# Title\n\nSome *bold* and [a link](http://x.y) `code`.\n";
        let m = mask_markdown(md);
        assert_eq!(m.len(), md.len());
        assert!(m.contains("Some  bold  and  a link"));
        assert!(!m.contains("http"));
        assert!(!m.contains("code"));
    }

    #[test]
    fn links_and_code_spans_after_unclosed_ones_are_still_masked() {
        let md = "[a] [b\n](x) [c](d) [g](h";
        assert_eq!(mask_markdown(md), "[a] [b\n](x)  c     [g](h");
        let md = "a ```` x `` y ` z `w`";
        assert_eq!(mask_markdown(md), "a ```` x `` y      w`");
    }

    #[test]
    fn paragraphs_and_headings() {
        let md = "# Head line\n\nFirst para. Second sentence.\nStill first para.\n\nNext.";
        let seg = Segmented::new(md, TextKind::Markdown);
        assert_eq!(seg.paragraphs.len(), 3);
        assert!(seg.sentences[0].heading);
        let texts: Vec<_> = seg.sentences.iter().map(|s| s.span.slice(&seg.text)).collect();
        assert_eq!(texts[1], "First para.");
        assert_eq!(texts[2], "Second sentence.");
        assert_eq!(texts[3], "Still first para.");
        assert_eq!(seg.sentences[3].paragraph, 1);
        assert_eq!(texts[4], "Next.");
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        let seg = Segmented::new("One line.\nAnother line.", TextKind::Plain);
        assert_eq!(seg.paragraphs.len(), 2);
    }

    #[test]
    fn hard_wrapped_wire_copy_joins_its_lines() {
        let t = "    The harbour board said on Monday it would\nrebuild the pier before the winter storms\nbegin, at a cost of 12 mln dlrs.\n    It gave no other details of the plan or\nof the contractors it had approached so far.\n";
        let seg = Segmented::new(t, TextKind::Plain);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.sentences.len(), 2);
        assert!(seg.sentence_text(0).ends_with("12 mln dlrs."));
    }

    #[test]
    fn fenced_code_is_ignored() {
        let md = "Text.\n\n```\nlet x = \"quote\";\n```\n";
        let seg = Segmented::new(md, TextKind::Markdown);
        assert_eq!(seg.sentences.len(), 1);
    }
}
