//! Cleaning source text: strip markup, blank page furniture. Pure functions.

/// Plain text: returns a copy of the same length with furniture lines blanked (spaces), so
/// offsets and line numbers stay those of the file.
pub fn clean_plain(raw: &str) -> String {
    raw.to_string()
}
