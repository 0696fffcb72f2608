//! The reference corpus: source documents with their provenance.
//!
//! `load` is the IO edge (files, folders, JSONL archives); everything else here is pure.

pub mod clean;
pub mod load;

use crate::text::{LineIndex, Span};
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub dateline: Option<String>,
}

/// Where a cleaned text's offsets point in the file it came from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The cleaned text has the file's own offsets (furniture was blanked, not removed).
    Same(LineIndex),
    /// One article of a JSON Lines archive: every position is on that 0-based line of the file.
    JsonlLine(u32),
    /// Text extracted from markup: `(clean_offset, file_offset)` pairs, ascending; a clean
    /// offset maps to the file offset of the last pair at or before it plus the distance.
    Mapped { pairs: Vec<(usize, usize)>, file_lines: LineIndex, file_text: String },
}

/// A position in a source file as editors count it: 0-based line, UTF-16 column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FilePos {
    pub line: u32,
    pub character: u32,
}

#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// Absolute path of the file on disk (for JSONL: the archive).
    pub path: String,
    /// `file://` URI of `path`.
    pub uri: String,
    /// Short name for people: the file name, or `archive.jsonl:LINE` for JSONL articles.
    pub label: String,
    pub meta: Meta,
    /// Cleaned text: prose only, furniture removed.
    pub text: String,
    pub origin: Origin,
}

impl SourceDoc {
    /// An in-memory document whose offsets are its own (tests, benches, unsaved buffers).
    pub fn from_text(path: &str, text: &str) -> SourceDoc {
        SourceDoc {
            path: path.to_string(),
            uri: path_to_uri(path),
            label: path.rsplit('/').next().unwrap_or(path).to_string(),
            meta: Meta::default(),
            text: text.to_string(),
            origin: Origin::Same(LineIndex::new(text)),
        }
    }

    /// The file position of a byte offset into `self.text`.
    pub fn file_pos(&self, offset: usize) -> FilePos {
        match &self.origin {
            Origin::Same(lines) => {
                let (line, character) = lines.position_utf16(&self.text, offset);
                FilePos { line, character }
            }
            Origin::JsonlLine(line) => FilePos { line: *line, character: 0 },
            Origin::Mapped { pairs, file_lines, file_text } => {
                let i = pairs.partition_point(|&(c, _)| c <= offset);
                let file_offset = if i == 0 { 0 } else { pairs[i - 1].1 + (offset - pairs[i - 1].0) };
                let (line, character) = file_lines.position_utf16(file_text, file_offset);
                FilePos { line, character }
            }
        }
    }

    /// Start and end file positions of a span; for JSONL articles, the whole line.
    pub fn file_range(&self, span: Span) -> (FilePos, FilePos) {
        match &self.origin {
            Origin::JsonlLine(line) => (FilePos { line: *line, character: 0 }, FilePos { line: *line + 1, character: 0 }),
            // Markup between the last character and the next (a closing tag) is not part of the
            // span: map the end from the last character, then step over it.
            Origin::Mapped { pairs, file_lines, file_text } if !span.is_empty() => {
                let last = self.text.get(..span.end).and_then(|t| t.chars().next_back());
                let last_start = span.end - last.map_or(0, char::len_utf8);
                let i = pairs.partition_point(|&(c, _)| c <= last_start);
                let file_offset = if i == 0 { 0 } else { pairs[i - 1].1 + (last_start - pairs[i - 1].0) };
                let end = file_offset + last.map_or(0, |c| if file_text[file_offset.min(file_text.len())..].starts_with(c) { c.len_utf8() } else { 0 });
                let (line, character) = file_lines.position_utf16(file_text, end.min(file_text.len()));
                (self.file_pos(span.start), FilePos { line, character })
            }
            _ => (self.file_pos(span.start), self.file_pos(span.end)),
        }
    }
}

/// `file://` URI for an absolute path, percent-encoding what URIs cannot hold.
pub fn path_to_uri(path: &str) -> String {
    let mut out = String::from("file://");
    if !path.starts_with('/') {
        out.push('/');
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
