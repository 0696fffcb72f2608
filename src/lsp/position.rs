//! LSP positions ↔ rope offsets, and applying incremental edits.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says (ropey is built with
//! `cr_lines` and without `unicode_lines`, so U+2028 and friends are not line breaks).
//! Columns count UTF-16 code units unless the client negotiated UTF-8 (bytes).

use crate::text::Span;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range, TextDocumentContentChangeEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no transcoding on our side), else the mandatory UTF-16.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A position whose line is past the end of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange {
    pub line: u32,
    pub line_count: usize,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} is out of range (the document has {} lines)", self.line, self.line_count)
    }
}

/// Char index where line `line`'s content ends, before its line break.
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut end = rope.line_to_char(line) + slice.len_chars();
    let n = slice.len_chars();
    if n > 0 && slice.char(n - 1) == '\n' {
        end -= 1;
        if n > 1 && slice.char(n - 2) == '\r' {
            end -= 1;
        }
    } else if n > 0 && slice.char(n - 1) == '\r' {
        end -= 1;
    }
    end
}

/// Char index of a position. A line past the end is an error; a column past the end of its line
/// clamps to the line end (the protocol says so); a column inside a character snaps to its start.
pub fn char_of_position(rope: &Rope, pos: Position, enc: Encoding) -> Result<usize, OutOfRange> {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return Err(OutOfRange { line: pos.line, line_count: rope.len_lines() });
    }
    let start = rope.line_to_char(line);
    let end = line_content_end(rope, line);
    let col = pos.character as usize;
    Ok(match enc {
        Encoding::Utf16 => {
            let start_cu = rope.char_to_utf16_cu(start);
            let end_cu = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char((start_cu + col).min(end_cu))
        }
        Encoding::Utf8 => {
            let start_b = rope.char_to_byte(start);
            let end_b = rope.char_to_byte(end);
            rope.byte_to_char((start_b + col).min(end_b))
        }
    })
}

/// As `char_of_position`, but a line past the end means the end of the document: editors send
/// such ranges to mean "through the end", and an edit must never be refused.
pub fn char_of_position_clamped(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    char_of_position(rope, pos, enc).unwrap_or_else(|_| rope.len_chars())
}

pub fn byte_of_position(rope: &Rope, pos: Position, enc: Encoding) -> Result<usize, OutOfRange> {
    char_of_position(rope, pos, enc).map(|c| rope.char_to_byte(c))
}

pub fn position_of_char(rope: &Rope, char_idx: usize, enc: Encoding) -> Position {
    let char_idx = char_idx.min(rope.len_chars());
    let line = rope.char_to_line(char_idx);
    let start = rope.line_to_char(line);
    let character = match enc {
        Encoding::Utf16 => rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(start),
        Encoding::Utf8 => rope.char_to_byte(char_idx) - rope.char_to_byte(start),
    };
    Position { line: line as u32, character: character as u32 }
}

/// Position of a byte offset; offsets past the end clamp, offsets inside a character snap back.
pub fn position_of_byte(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let byte = byte.min(rope.len_bytes());
    position_of_char(rope, rope.byte_to_char(byte), enc)
}

pub fn range_of_span(rope: &Rope, span: Span, enc: Encoding) -> Range {
    Range { start: position_of_byte(rope, span.start, enc), end: position_of_byte(rope, span.end, enc) }
}

/// Where the lines of one text start, for turning many byte offsets of it into positions
/// without a walk down the rope for each (a publication converts a hundred-odd). Lines break
/// where the rope's do: `\n`, `\r\n`, a lone `\r` (unlike `text::LineIndex`, which breaks at
/// `\n` only, as the CLI's output does, so positions here always agree with the edits applied).
pub struct LineStarts {
    starts: Vec<usize>,
}

impl LineStarts {
    pub fn new(text: &str) -> LineStarts {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The LF of a CRLF ends the line its CR already ended.
            let after_cr = bytes[at] == b'\n' && at > 0 && bytes[at - 1] == b'\r';
            if let (true, Some(last)) = (after_cr, starts.last_mut()) {
                *last = at + 1;
            } else {
                starts.push(at + 1);
            }
        }
        LineStarts { starts }
    }

    /// `position_of_byte` for the text these lines were taken from: offsets past the end clamp,
    /// offsets inside a character snap back.
    pub fn position(&self, text: &str, byte: usize, enc: Encoding) -> Position {
        let byte = text.floor_char_boundary(byte.min(text.len()));
        // `starts[0]` is 0, so this is at least 1.
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        let start = self.starts[line].min(byte);
        let prefix = &text[start..byte];
        let character = match enc {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 if prefix.is_ascii() => prefix.len(),
            Encoding::Utf16 => prefix.chars().map(char::len_utf16).sum(),
        };
        Position { line: line as u32, character: character as u32 }
    }

    pub fn range(&self, text: &str, span: Span, enc: Encoding) -> Range {
        Range { start: self.position(text, span.start, enc), end: self.position(text, span.end, enc) }
    }
}

/// Apply one `didChange` content change. Never fails: out-of-range positions clamp, and a
/// reversed range is read as its normal form.
pub fn apply_change(rope: &mut Rope, change: &TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(range) => {
            let a = char_of_position_clamped(rope, range.start, enc);
            let b = char_of_position_clamped(rope, range.end, enc);
            let (start, end) = if a <= b { (a, b) } else { (b, a) };
            rope.remove(start..end);
            rope.insert(start, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    fn change(r: Option<(u32, u32, u32, u32)>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: r.map(|(a, b, c, d)| Range { start: pos(a, b), end: pos(c, d) }),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn surrogate_pairs_crlf_and_lone_cr() {
        let rope = Rope::from_str("a😀b\r\nc\rd\u{2028}e");
        // 😀 is two UTF-16 units and four bytes.
        assert_eq!(char_of_position(&rope, pos(0, 3), Encoding::Utf16), Ok(2));
        assert_eq!(char_of_position(&rope, pos(0, 5), Encoding::Utf8), Ok(2));
        // Inside the pair snaps back to the emoji.
        assert_eq!(char_of_position(&rope, pos(0, 2), Encoding::Utf16), Ok(1));
        // Past the end of the line clamps before the CRLF.
        assert_eq!(char_of_position(&rope, pos(0, 99), Encoding::Utf16), Ok(3));
        // A lone CR ends a line; U+2028 does not.
        assert_eq!(char_of_position(&rope, pos(2, 0), Encoding::Utf16), Ok(7));
        assert_eq!(rope.len_lines(), 3);
        assert!(char_of_position(&rope, pos(3, 0), Encoding::Utf16).is_err());
        assert_eq!(position_of_byte(&rope, 5, Encoding::Utf16), pos(0, 3));
        assert_eq!(position_of_byte(&rope, 3, Encoding::Utf16), pos(0, 1), "inside the emoji snaps back");
        assert_eq!(position_of_byte(&rope, 999, Encoding::Utf16), pos(2, 3));
    }

    #[test]
    fn edits_clamp_and_normalise() {
        let mut rope = Rope::from_str("one\ntwo");
        apply_change(&mut rope, &change(Some((1, 3, 9, 9)), "!"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "one\ntwo!");
        apply_change(&mut rope, &change(Some((0, 3, 0, 0)), "ONE"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "ONE\ntwo!");
        apply_change(&mut rope, &change(None, "fresh"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "fresh");
    }

    /// The reference model: a plain String and a deliberately naive reading of the protocol.
    fn model_offset(text: &str, p: Position, enc: Encoding) -> usize {
        let mut lines: Vec<(usize, usize)> = Vec::new(); // (content start, content end)
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\n' {
                lines.push((start, i));
                start = i + 1;
            } else if bytes[i] == b'\r' {
                lines.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        lines.push((start, text.len()));
        let Some(&(s, e)) = lines.get(p.line as usize) else { return text.len() };
        let mut units = 0usize;
        for (off, c) in text[s..e].char_indices() {
            let w = match enc {
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf8 => c.len_utf8(),
            };
            if units + w > p.character as usize {
                return s + off;
            }
            units += w;
        }
        e
    }

    fn model_apply(text: &mut String, ch: &TextDocumentContentChangeEvent, enc: Encoding) {
        match ch.range {
            None => *text = ch.text.clone(),
            Some(r) => {
                let a = model_offset(text, r.start, enc);
                let b = model_offset(text, r.end, enc);
                let (s, e) = (a.min(b), a.max(b));
                text.replace_range(s..e, &ch.text);
            }
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(vec!["a", "Z", " ", "é", "’", "中", "😀", "👩‍👩‍👧", "\n", "\r\n", "\r"]), 0..6)
            .prop_map(|v| v.concat())
    }

    fn edit() -> impl Strategy<Value = (Option<(u32, u32, u32, u32)>, String)> {
        let coord = (0u32..8, 0u32..12);
        (prop::option::weighted(0.97, (coord.clone(), coord)), piece())
            .prop_map(|(r, t)| (r.map(|((a, b), (c, d))| (a, b, c, d)), t))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn random_edits_match_a_string_model(
            initial in piece(),
            edits in prop::collection::vec(edit(), 1..40),
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut rope = Rope::from_str(&initial);
            let mut model = initial.clone();
            for (r, t) in &edits {
                let ch = change(*r, t);
                apply_change(&mut rope, &ch, enc);
                model_apply(&mut model, &ch, enc);
                prop_assert_eq!(rope.to_string(), model.clone());
            }
            // Positions computed back from every char boundary land where the model says.
            for (off, c) in model.char_indices() {
                // Between the halves of a CRLF is no position at all.
                if c == '\n' && off > 0 && model.as_bytes()[off - 1] == b'\r' {
                    continue;
                }
                let p = position_of_byte(&rope, off, enc);
                prop_assert_eq!(model_offset(&model, p, enc), off);
            }
            // The line table answers as the rope does, at every byte and past the end.
            let lines = LineStarts::new(&model);
            for off in 0..=model.len() + 2 {
                prop_assert_eq!(lines.position(&model, off, enc), position_of_byte(&rope, off, enc), "byte {}", off);
            }
        }
    }
}
