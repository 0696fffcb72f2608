//! Byte offset ↔ (line, column) conversion. Columns are UTF-16 code units, as LSP and the
//! JSON output use by default, or bytes when a client negotiates UTF-8.

#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { line_starts, len: text.len() }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line of a byte offset (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.len)
    }

    /// (0-based line, UTF-16 column) of a byte offset. Offsets inside a character snap back.
    pub fn position_utf16(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
        (line as u32, col as u32)
    }

    /// Byte offset of (line, UTF-16 column); `None` when the line is past the end.
    /// A column past the end of its line clamps to the line end.
    pub fn offset_utf16(&self, text: &str, line: u32, col: u32) -> Option<usize> {
        let line = line as usize;
        if line >= self.line_starts.len() {
            return None;
        }
        let start = self.line_starts[line];
        let end = self.line_starts.get(line + 1).map(|e| e - 1).unwrap_or(self.len);
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if units >= col {
                return Some(start + i);
            }
            units += c.len_utf16() as u32;
        }
        Some(end)
    }
}

pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_and_round_trip() {
        let t = "ab\n😀x’y\nlast";
        let li = LineIndex::new(t);
        let x = t.find('x').unwrap();
        assert_eq!(li.position_utf16(t, x), (1, 2));
        assert_eq!(li.offset_utf16(t, 1, 2), Some(x));
        assert_eq!(li.offset_utf16(t, 1, 99), Some(t.find("\nlast").unwrap()));
        assert_eq!(li.offset_utf16(t, 7, 0), None);
        assert_eq!(li.position_utf16(t, 10_000), (2, 4));
    }
}
