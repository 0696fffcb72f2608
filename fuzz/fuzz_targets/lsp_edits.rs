//! `didChange` edits applied to the server's rope (`copydesk::lsp::apply_change`) and, beside
//! it, to a plain String by a model written from the protocol text. After every edit the two
//! must hold the same document.
//!
//! The protocol, as the server reads it (src/lsp/position.rs):
//! - lines end at `\n`, `\r\n` or a lone `\r`; nothing else (U+2028 is not a line break);
//! - a column counts UTF-16 code units, or bytes when UTF-8 was negotiated; past the end of its
//!   line it means the line's end (before the break); inside a character (between the halves of
//!   a surrogate pair, or inside a multi-byte UTF-8 sequence) it means that character's start;
//! - a line past the last one means the end of the document;
//! - a range whose end comes before its start covers the same text as its normal form;
//! - a change without a range replaces the whole document.
#![no_main]

use arbitrary::Arbitrary;
use copydesk::lsp::{apply_change, Encoding};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

/// Text built from pieces that make positions interesting: line breaks of every kind, and
/// characters one to four bytes and one or two UTF-16 units wide.
#[derive(Arbitrary, Debug)]
enum Piece {
    Ascii(u8),
    Lf,
    CrLf,
    Cr,
    Accented,
    Cjk,
    Emoji,
    ZwjFamily,
    LineSeparator,
    Any(char),
}

impl Piece {
    fn push_to(&self, out: &mut String) {
        match self {
            Piece::Ascii(b) => out.push(char::from(b' ' + b % 95)),
            Piece::Lf => out.push('\n'),
            Piece::CrLf => out.push_str("\r\n"),
            Piece::Cr => out.push('\r'),
            Piece::Accented => out.push('é'),
            Piece::Cjk => out.push('中'),
            Piece::Emoji => out.push('😀'),
            Piece::ZwjFamily => out.push_str("👩‍👩‍👧"),
            Piece::LineSeparator => out.push('\u{2028}'),
            Piece::Any(c) => out.push(*c),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Text(Vec<Piece>);

impl Text {
    fn build(&self) -> String {
        let mut s = String::new();
        for p in &self.0 {
            p.push_to(&mut s);
        }
        s
    }
}

/// Mostly near the text, sometimes anywhere in u32 (past every end).
#[derive(Arbitrary, Debug)]
enum Coord {
    Near(u8),
    Far(u32),
}

impl Coord {
    fn value(&self) -> u32 {
        match self {
            Coord::Near(n) => u32::from(*n % 24),
            Coord::Far(n) => *n,
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Pos {
    line: Coord,
    character: Coord,
}

impl Pos {
    fn position(&self) -> Position {
        Position { line: self.line.value(), character: self.character.value() }
    }
}

#[derive(Arbitrary, Debug)]
enum Edit {
    Range { start: Pos, end: Pos, text: Text },
    WholeDocument(Text),
}

#[derive(Arbitrary, Debug)]
struct Session {
    utf8: bool,
    initial: Text,
    edits: Vec<Edit>,
}

/// Content start and end (before the break) of every line, in bytes.
fn model_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let break_len = match c {
            '\n' => 1,
            '\r' if chars.peek().map(|&(_, n)| n) == Some('\n') => {
                chars.next();
                2
            }
            '\r' => 1,
            _ => continue,
        };
        lines.push((start, i));
        start = i + break_len;
    }
    lines.push((start, text.len()));
    lines
}

fn model_offset(text: &str, p: Position, enc: Encoding) -> usize {
    let lines = model_lines(text);
    let Some(&(start, end)) = lines.get(p.line as usize) else { return text.len() };
    let wanted = p.character as usize;
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        let width = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
        if units + width > wanted {
            return start + i;
        }
        units += width;
    }
    end
}

fn model_apply(text: &mut String, change: &TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => *text = change.text.clone(),
        Some(r) => {
            let a = model_offset(text, r.start, enc);
            let b = model_offset(text, r.end, enc);
            text.replace_range(a.min(b)..a.max(b), &change.text);
        }
    }
}

fuzz_target!(|session: Session| {
    let enc = if session.utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
    let initial = session.initial.build();
    let mut rope = Rope::from_str(&initial);
    let mut model = initial;
    for (n, edit) in session.edits.iter().enumerate() {
        let change = match edit {
            Edit::Range { start, end, text } => TextDocumentContentChangeEvent {
                range: Some(Range { start: start.position(), end: end.position() }),
                range_length: None,
                text: text.build(),
            },
            Edit::WholeDocument(text) => TextDocumentContentChangeEvent { range: None, range_length: None, text: text.build() },
        };
        let before = model.clone();
        apply_change(&mut rope, &change, enc);
        model_apply(&mut model, &change, enc);
        assert_eq!(rope.to_string(), model, "edit {n} {change:?} on {before:?} ({enc:?})");
        assert_eq!(rope.len_lines(), model_lines(&model).len(), "line count after edit {n} on {model:?}");
    }
});
