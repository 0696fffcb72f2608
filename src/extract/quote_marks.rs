//! Quotation marks → quoted stretches, one paragraph at a time.
//!
//! Double marks only: curly “ ”, straight ", guillemets « », low „ and the NYT's two
//! apostrophes ''. Single marks are left out because ’ is also the apostrophe.

use crate::text::{Segmented, Span};

/// One stretch of quoted text inside a single paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePiece {
    /// The quoted words: between the marks, trimmed of spaces and a trailing comma.
    pub inner: Span,
    /// From the opening mark to the end of the closing mark (or the paragraph end).
    pub outer: Span,
    pub paragraph: usize,
    /// False when the paragraph ended before a closing mark: news style for a quote that runs
    /// on into the next paragraph.
    pub closed: bool,
    /// The paragraph opens with this piece and the previous paragraph's last quote ran on.
    pub continues_previous: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
    Either,
}

fn is_opening_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
}

fn is_closing_follower(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '\u{2014}'
                | '\u{2013}'
                | '-'
                | '/'
        )
}

/// Direction of a mark that looks the same both ways, from its neighbours.
fn straight_direction(before: Option<char>, after: Option<char>) -> Direction {
    let before_opens = before.is_none_or(is_opening_context);
    let after_is_text = after.is_some_and(|c| !c.is_whitespace());
    if before_opens && after_is_text {
        return Direction::Open;
    }
    let before_is_text = before.is_some_and(|c| !c.is_whitespace());
    if before_is_text && after.is_none_or(is_closing_follower) {
        return Direction::Close;
    }
    Direction::Either
}

/// The characters that may open or close a quote.
const QUOTE_MARKS: [char; 7] = ['\u{201c}', '\u{201e}', '\u{ab}', '\u{201d}', '\u{bb}', '"', '\''];

/// Where the next of `QUOTE_MARKS` is in `body` at or after `from`.
fn next_mark(body: &str, from: usize) -> Option<usize> {
    // '"' and '\'', then the first bytes of « » (0xC2) and “ ” „ (0xE2).
    crate::text::find_char_from(body, from, &QUOTE_MARKS, |b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
}

/// Every quoted stretch of the document, in order. Works on `seg.masked` so Markdown markup
/// is never mistaken for text; spans are valid in `seg.text`.
pub fn scan_quote_pieces(seg: &Segmented) -> Vec<QuotePiece> {
    let mut out = Vec::new();
    let mut previous_ran_on = false;
    for pi in 0..seg.paragraphs.len() {
        previous_ran_on = scan_paragraph(seg, pi, previous_ran_on, &mut out);
    }
    out
}

/// The quoted stretches of paragraph `pi`, appended to `out`. They depend on the paragraph's
/// masked text and on whether the paragraph before it ended inside a quote
/// (`previous_ran_on`); the answer is whether this one does, for the next paragraph.
pub fn scan_paragraph(seg: &Segmented, pi: usize, previous_ran_on: bool, out: &mut Vec<QuotePiece>) -> bool {
    let text = seg.masked.as_str();
    let Some(para) = seg.paragraphs.get(pi) else {
        return previous_ran_on;
    };
    let Some(body) = text.get(para.start..para.end) else {
        return previous_ran_on;
    };
    let first_piece_index = out.len();
    // (byte offset of the opening mark, byte offset just after it)
    let mut open: Option<(usize, usize)> = None;
    let mut from = 0;
    while let Some(off) = next_mark(body, from) {
        let mut here = body[off..].chars();
        let c = here.next().unwrap_or(' ');
        let after = here.next();
        let before = body[..off].chars().next_back();
        let (direction, width_chars) = match c {
            '\u{201c}' => {
                // A left mark typed where the right one belongs (`here,“ said Lee`) closes
                // an open quote when it sits like a closing mark.
                if open.is_some() && straight_direction(before, after) == Direction::Close {
                    (Direction::Close, 1)
                } else {
                    (Direction::Open, 1)
                }
            }
            '\u{201e}' | '\u{ab}' => (Direction::Open, 1),
            '\u{201d}' | '\u{bb}' => {
                // A right mark used as an opener by sloppy typing (”Word) only counts
                // as one when nothing is open.
                if open.is_none() && straight_direction(before, after) == Direction::Open {
                    (Direction::Open, 1)
                } else {
                    (Direction::Close, 1)
                }
            }
            '"' => (straight_direction(before, after), 1),
            '\'' if after == Some('\'') => (straight_direction(before, here.next()), 2),
            _ => {
                from = off + c.len_utf8();
                continue;
            }
        };
        // Every mark is one ASCII byte or one two- or three-byte character, repeated `width_chars` times.
        let mark_end = (off + c.len_utf8() * width_chars).min(body.len());
        let mark_start = off;
        let opens = match direction {
            Direction::Open => true,
            Direction::Close => false,
            Direction::Either => open.is_none(),
        };
        if opens {
            if let Some((o_start, o_inner)) = open.take() {
                // A new opening mark while a quote is open: the first one was never
                // closed; end it here rather than swallow the rest of the paragraph.
                push_piece(
                    body, para.start, o_start, o_inner, mark_start, mark_start, pi, false,
                    out,
                );
            }
            let attribute_value = before == Some('=');
            if !attribute_value {
                open = Some((mark_start, mark_end));
            }
        } else if let Some((o_start, o_inner)) = open.take() {
            push_piece(
                body, para.start, o_start, o_inner, mark_start, mark_end, pi, true, out,
            );
        }
        from = mark_end;
    }
    let mut ran_on = false;
    if let Some((o_start, o_inner)) = open {
        let before = out.len();
        push_piece(
            body,
            para.start,
            o_start,
            o_inner,
            body.len(),
            body.len(),
            pi,
            false,
            out,
        );
        ran_on = out.len() > before;
    }
    if previous_ran_on {
        if let Some(first) = out.get_mut(first_piece_index) {
            if first.outer.start == para.start {
                first.continues_previous = true;
            }
        }
    }
    ran_on
}

#[allow(clippy::too_many_arguments)]
fn push_piece(
    body: &str,
    base: usize,
    open_start: usize,
    inner_start: usize,
    inner_end: usize,
    outer_end: usize,
    paragraph: usize,
    closed: bool,
    out: &mut Vec<QuotePiece>,
) {
    let Some(inner) = body.get(inner_start..inner_end) else {
        return;
    };
    if !inner.chars().any(|c| c.is_alphanumeric()) {
        return;
    }
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim_end().trim_end_matches(',').trim_end();
    let start = inner_start + lead;
    let end = inner_start + trimmed.len();
    out.push(QuotePiece {
        inner: Span::new(base + start, base + end.max(start)),
        outer: Span::new(base + open_start, base + outer_end),
        paragraph,
        closed,
        continues_previous: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextKind;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_next_mark_is_the_one_a_character_search_finds(body in "[a-z \"'«»“”„‘’—éÂ€😀]{0,40}", cut in 0usize..40) {
            let from = (0..=cut.min(body.len())).rev().find(|&i| body.is_char_boundary(i)).unwrap_or(0);
            prop_assert_eq!(next_mark(&body, from), body[from..].find(QUOTE_MARKS).map(|r| from + r));
        }
    }

    fn pieces(t: &str) -> Vec<String> {
        let seg = Segmented::new(t, TextKind::Plain);
        scan_quote_pieces(&seg)
            .iter()
            .map(|p| p.inner.slice(t).to_string())
            .collect()
    }

    #[test]
    fn curly_straight_and_doubled_apostrophes() {
        assert_eq!(pieces("“Tea is ready,” she said."), vec!["Tea is ready"]);
        assert_eq!(pieces("He said \"we won\" and left."), vec!["we won"]);
        assert_eq!(pieces("''It rains,'' Mr. Oakes said."), vec!["It rains"]);
        assert_eq!(pieces("« Très bien » dit-elle."), vec!["Très bien"]);
        assert_eq!(
            pieces("“Not yet,“ she said. “Soon.”"),
            vec!["Not yet", "Soon."]
        );
    }

    #[test]
    fn unterminated_quote_runs_to_paragraph_end_and_continues() {
        let t = "“First part of it.\n“Second part,” he said.";
        let seg = Segmented::new(t, TextKind::Plain);
        let p = scan_quote_pieces(&seg);
        assert_eq!(p.len(), 2);
        assert!(!p[0].closed);
        assert_eq!(p[0].inner.slice(t), "First part of it.");
        assert!(p[1].continues_previous);
        assert!(p[1].closed);
    }

    #[test]
    fn no_marks_empty_input_and_mark_at_end() {
        assert!(pieces("").is_empty());
        assert!(pieces("Plain words only.").is_empty());
        assert!(pieces("Ends with a mark “").is_empty());
        assert_eq!(pieces("Last words “here"), vec!["here"]);
    }

    #[test]
    fn html_attribute_values_are_not_quotes() {
        assert!(pieces("<tag author=\"someone\" id=\"12\">").is_empty());
    }
}
