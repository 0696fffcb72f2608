//! Cleaning source text: strip markup, blank page furniture. Pure functions.
//!
//! Furniture is found by the shape of a line (length, sentence punctuation, leading bullets),
//! by repetition, and by the voice a site uses to address its readers — never by matching any
//! particular site's wording. Blanking replaces bytes with spaces and keeps newlines, so every
//! offset in the cleaned text is still an offset in the input.

use super::Meta;

/// Plain text: returns a copy of the same length with furniture lines blanked (spaces), so
/// offsets and line numbers stay those of the file.
pub fn clean_plain(raw: &str) -> String {
    let mut out = raw.to_string();
    blank_furniture(&mut out);
    out
}

/// The headline: the first line of the cleaned text when it reads like one (a few words, no
/// sentence punctuation, standing alone rather than starting a hard-wrapped paragraph).
pub fn first_title(text: &str) -> Option<&str> {
    let mut lines = text.lines().map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next()?;
    let next = lines.next().unwrap_or("");
    let stands_alone = next.is_empty() || next.starts_with(|c: char| !c.is_lowercase());
    (word_count(first) >= 2 && !ends_sentence(first) && !first.ends_with([':', ',', ';']) && stands_alone).then_some(first)
}

// ---------------------------------------------------------------------------------------------
// Header block: `key: value` lines ended by `---`.

/// Parses an optional header at the top of a text file: lines of `key: value` ended by a line
/// `---` (optionally also opened by `---`, as YAML front matter is). Returns the metadata and
/// the byte length of the header, which the caller blanks. `None` when there is no header.
pub fn parse_header(raw: &str) -> Option<(Meta, usize)> {
    let mut meta = Meta::default();
    let mut pos = 0;
    let mut known = 0;
    for (i, line) in raw.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']).trim();
        pos += line.len();
        if body == "---" {
            if i == 0 {
                continue;
            }
            // "Update: …" lines above a Markdown rule are prose; a header names at least one
            // field we know.
            return (known > 0).then_some((meta, pos));
        }
        // A header is short; anything long is an article that happens to start with "Word:".
        if i > 40 {
            return None;
        }
        let (key, value) = body.split_once(':')?;
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return None;
        }
        let value = value.trim().trim_matches('"').trim();
        let slot = match key.as_str() {
            "title" | "headline" => &mut meta.title,
            "outlet" | "publication" | "publisher" | "site" => &mut meta.outlet,
            "url" | "link" => &mut meta.url,
            "date" | "published" | "time" => &mut meta.date,
            "id" => &mut meta.id,
            "dateline" => &mut meta.dateline,
            "source" if value.contains("://") => &mut meta.url,
            "source" => &mut meta.outlet,
            _ => continue,
        };
        known += 1;
        if slot.is_none() && !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    None
}

/// Overwrites `text[..end]` with spaces, keeping line breaks.
pub fn blank_prefix(text: &mut String, end: usize) {
    let end = end.min(text.len());
    blank_ranges(text, &[(0, end)]);
}

/// Overwrites each byte range with spaces, keeping line breaks. Ranges must start and end on
/// character boundaries (line boundaries do).
fn blank_ranges(text: &mut String, ranges: &[(usize, usize)]) {
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for &(start, end) in ranges {
        for b in &mut bytes[start..end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole characters became ASCII spaces, so this cannot fail; the fallback only avoids
    // a panic path.
    *text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

// ---------------------------------------------------------------------------------------------
// Furniture.

const CLOSING_QUOTES: [char; 6] = ['"', '”', '’', '\'', '»', '›'];
const BULLETS: [char; 9] = ['•', '·', '|', '›', '»', '▸', '►', '◦', '⁄'];

struct Line<'a> {
    start: usize,
    end: usize,
    trimmed: &'a str,
    words: usize,
    sentence_end: bool,
    has_digit: bool,
    /// Starts with four spaces or a tab: a newswire paragraph indent or a table row.
    indented: bool,
    long: bool,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.trimmed.is_empty()
    }
    /// A line of real prose: never blanked by shape or repetition.
    fn prose(&self) -> bool {
        self.words >= 8 && self.sentence_end
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches([')', ']', '*', '_']);
    s.ends_with(['.', '!', '?', '…']) || s.ends_with(CLOSING_QUOTES)
}

fn has_quote_marks(s: &str) -> bool {
    s.contains(['"', '“', '”', '«', '»'])
}

/// Blanks page furniture in place, line by line.
pub fn blank_furniture(text: &mut String) {
    let ranges = furniture_lines(text);
    blank_ranges(text, &ranges);
}

/// Byte ranges (without line breaks) of the lines that are page furniture.
fn furniture_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        lines.push(Line {
            start: pos,
            end: pos + body.len(),
            trimmed,
            words: word_count(trimmed),
            sentence_end: ends_sentence(trimmed),
            has_digit: trimmed.chars().any(|c| c.is_ascii_digit()),
            indented: body.starts_with("    ") || body.starts_with('\t'),
            long: trimmed.chars().count() >= 40,
        });
        pos += raw.len();
    }
    let n = lines.len();
    let mut furniture = vec![false; n];
    mark_widgets(&lines, &mut furniture);

    // Nearest non-blank neighbours, across at most one blank line.
    let neighbour = |i: usize, forward: bool| -> Option<usize> {
        let mut j = i;
        for _ in 0..2 {
            j = if forward { j + 1 } else { j.checked_sub(1)? };
            if j >= n {
                return None;
            }
            if !lines[j].blank() {
                return Some(j);
            }
        }
        None
    };

    // Continues an unfinished long line above it (newswire hard wrap): prose, never furniture.
    let continues_above: Vec<bool> = (0..n)
        .map(|i| i > 0 && !lines[i].blank() && !lines[i - 1].blank() && !lines[i - 1].sentence_end && lines[i - 1].long)
        .collect();
    let mut title: Option<&str> = None;
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut in_signup = false;
    // A list announced by a line ending in a colon ("The delegation includes:") is content,
    // however short its items.
    let mut announced_list = false;
    let mut after_colon = false;
    for i in 0..n {
        let line = &lines[i];
        if line.blank() {
            in_signup = false;
            continue;
        }
        if furniture[i] {
            in_signup = false;
            announced_list = false;
            continue;
        }
        if in_signup && line.trimmed.starts_with(char::is_lowercase) {
            furniture[i] = true;
            continue;
        }
        in_signup = false;
        if (announced_list && is_list_item(line.trimmed)) || after_colon {
            after_colon = false;
            seen.insert(line.trimmed);
            continue;
        }
        announced_list = false;
        if (is_email_line(line.trimmed) && !line.prose()) || is_domain_line(line.trimmed) {
            furniture[i] = true;
            continue;
        }
        if line.prose() {
            seen.insert(line.trimmed);
            continue;
        }
        let lower = line.trimmed.to_lowercase();
        let signup = !continues_above[i] && starts_with_words(&lower, &["sign up", "subscribe", "newsletter"]);
        if signup {
            furniture[i] = true;
            in_signup = true;
            continue;
        }

        // Part of a hard-wrapped or broken paragraph: a fragment of prose, whatever its shape.
        let prev = neighbour(i, false).map(|p| &lines[p]);
        let next = neighbour(i, true).map(|x| &lines[x]);
        let next_adjacent = (i + 1 < n && !lines[i + 1].blank()).then(|| &lines[i + 1]);
        let fragment = continues_above[i]
            || next_adjacent.is_some_and(|x| !line.sentence_end && (line.long || x.long))
            || next.is_some_and(|x| x.trimmed.starts_with(|c: char| c.is_lowercase() || ".,;:)’”".contains(c)));
        if fragment || line.indented {
            seen.insert(line.trimmed);
            continue;
        }
        // Venue, date and time lines of a fact box sit together.
        let data_box = [prev, next].iter().flatten().any(|x| x.has_digit && x.words <= 6 && !x.prose());
        let announces = line.trimmed.ends_with(':');
        let is_furniture = (line.words <= 2 && !line.sentence_end && !line.has_digit && !data_box && !announces)
            || (line.trimmed.starts_with(BULLETS) && line.words <= 6 && !line.sentence_end && !line.has_digit)
            || contains_word(&lower, "newsletter")
            || (is_credit(&lower) && !line.sentence_end)
            || is_site_label(&lower)
            || is_reader_address(line.trimmed)
            || (line.words >= 3 && seen.contains(line.trimmed))
            || title.is_some_and(|t| line.trimmed.len() > t.len() && line.trimmed.starts_with(t));
        if is_furniture {
            furniture[i] = true;
            continue;
        }
        if title.is_none() && line.words >= 4 && !line.sentence_end {
            title = Some(line.trimmed);
        }
        announced_list = announces;
        after_colon = announces;
        seen.insert(line.trimmed);
    }

    // The tail of a page: everything after the last line of the article is the site talking
    // (disclaimers, "contact us"). Only there may a sentence-shaped line be furniture.
    for i in (0..n).rev() {
        let line = &lines[i];
        if line.blank() || furniture[i] {
            continue;
        }
        if continues_above[i] || line.indented {
            break;
        }
        let lower = line.trimmed.to_lowercase();
        // A long paragraph is article text even when it quotes a song called "Follow You".
        let short = line.words <= 20;
        if is_site_label(&lower)
            || (short && is_reader_address(line.trimmed))
            || (short && is_email_line(line.trimmed))
            || (line.words <= 6 && !line.prose() && !has_quote_marks(line.trimmed) && mentions_site_action(line.trimmed))
        {
            furniture[i] = true;
        } else {
            break;
        }
    }

    lines.iter().zip(furniture).filter(|(_, f)| *f).map(|(l, _)| (l.start, l.end)).collect()
}

/// Runs of tiny lines ("like" "0" "share" "3"): reaction and share widgets. A table of figures
/// is also tiny lines, so a run needs words without digits too.
fn mark_widgets(lines: &[Line], furniture: &mut [bool]) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        if lines[i].blank() || !is_widget_cell(&lines[i]) {
            i += 1;
            continue;
        }
        let mut cells = Vec::new();
        let mut j = i;
        while j < n && (lines[j].blank() || is_widget_cell(&lines[j])) {
            if !lines[j].blank() {
                cells.push(j);
            }
            j += 1;
        }
        let wordy = cells.iter().filter(|&&c| !lines[c].has_digit).count();
        let numbers = cells.len() - wordy;
        if cells.len() >= 4 && wordy >= 2 && numbers >= 2 {
            for &c in &cells {
                furniture[c] = true;
            }
            // The widget's prompt ("Rate this:", "Your view?") sits just above it.
            if let Some(p) = (0..i).rev().find(|&p| !lines[p].blank()) {
                if lines[p].words <= 4 && lines[p].trimmed.ends_with(['?', ':']) {
                    furniture[p] = true;
                }
            }
        }
        i = j.max(i + 1);
    }
}

fn is_widget_cell(line: &Line) -> bool {
    // One token per line: a table row ("Wheat 73,684") has two.
    !line.trimmed.contains(char::is_whitespace)
        && !line.indented
        && line.trimmed.chars().count() <= 20
        && !line.sentence_end
        && !is_list_item(line.trimmed)
}

/// A Markdown or plain-text list item ("- ", "* ", "+ ", "1. ", "2) ").
fn is_list_item(trimmed: &str) -> bool {
    if trimmed.starts_with("- ") || trimmed.starts_with("* ") || trimmed.starts_with("+ ") {
        return true;
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && (trimmed[digits..].starts_with(". ") || trimmed[digits..].starts_with(") "))
}

fn starts_with_words(lower: &str, starts: &[&str]) -> bool {
    starts.iter().any(|s| {
        lower.starts_with(s) && lower[s.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

fn contains_word(lower: &str, word: &str) -> bool {
    lower.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w == word || w.strip_suffix('s') == Some(word))
}

/// Photo and image credits: "Photo: …", "Image credit …", "Source: …" without a sentence.
fn is_credit(lower: &str) -> bool {
    ["source:", "photo:", "image:", "credit:", "photograph:", "picture:", "image credit", "photo credit", "©"]
        .iter()
        .any(|l| lower.contains(l))
}

/// Lines a site puts on every page: "Disclaimer: …", "Copyright …", "All rights reserved".
fn is_site_label(lower: &str) -> bool {
    starts_with_words(
        lower,
        &["disclaimer", "copyright", "advertisement", "related:", "read more", "read also", "welcome to"],
    )
        || lower.contains("all rights reserved")
}

/// The site speaking to its reader about the site: second person or "us", plus a word about
/// commenting, contacting, sharing or subscribing. News prose speaks that way only inside
/// quotation marks, so lines with quote marks are never taken.
fn is_reader_address(original: &str) -> bool {
    if has_quote_marks(original) || !mentions_site_action(original) {
        return false;
    }
    original.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').enumerate().any(|(i, word)| {
        // "US" the country is upper case, and "You" mid-line is usually a title ("Are You
        // Lonesome Tonight"); the site speaks in lower case, or capitalised at the start.
        let site_word = |w: &str| matches!(w, "us" | "you" | "your" | "you're" | "you’re" | "we" | "our");
        site_word(word) || (i == 0 && site_word(&word.to_lowercase()))
    })
}

/// Words for what a reader does on a site rather than in the world.
fn is_site_action(lower_word: &str) -> bool {
    matches!(
        lower_word,
        "comment" | "comments" | "contact" | "email" | "e-mail" | "subscribe" | "newsletter" | "newsletters"
            | "follow" | "share" | "viewing" | "reading" | "advert" | "adverts" | "advertise" | "login"
            | "register" | "click" | "tap" | "download" | "cookies" | "reaction" | "reactions"
    )
}

fn mentions_site_action(original: &str) -> bool {
    original
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| w.len() >= 3 && w.len() <= 11 && is_site_action(&w.to_ascii_lowercase()))
}

fn is_email_line(s: &str) -> bool {
    if !s.contains('@') {
        return false;
    }
    s.split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '(' | ')' | '<' | '>' | ':')).any(|w| {
        let w = w.trim_end_matches('.');
        match w.split_once('@') {
            Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.'),
            None => false,
        }
    })
}

/// A line that is only a domain name ("example-news.com"), as sites print at the foot.
fn is_domain_line(s: &str) -> bool {
    if s.contains(char::is_whitespace) {
        return false;
    }
    let s = s.strip_prefix("www.").unwrap_or(s);
    let Some((name, tld)) = s.rsplit_once('.') else { return false };
    !name.is_empty()
        && (2..=12).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && name.chars().any(|c| c.is_ascii_alphabetic())
}

// ---------------------------------------------------------------------------------------------
// HTML.

/// Text extracted from HTML, with the map back to the file.
#[derive(Debug, Default)]
pub struct Extracted {
    pub text: String,
    /// `(text_offset, file_offset)` pairs, ascending, as `Origin::Mapped` wants them.
    pub pairs: Vec<(usize, usize)>,
    pub meta: Meta,
}

/// Elements whose content is never article text.
const SKIPPED: [&str; 13] =
    ["script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "form", "button", "select", "head"];
/// Elements whose raw content must not be parsed as markup.
const RAW_TEXT: [&str; 4] = ["script", "style", "textarea", "title"];
const BLOCKS: [&str; 34] = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "thead", "tbody", "section",
    "article", "header", "main", "blockquote", "pre", "hr", "dd", "dt", "dl", "figure", "figcaption", "address",
    "body", "html", "caption", "details", "summary", "center",
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

struct Emitter {
    text: String,
    pairs: Vec<(usize, usize)>,
    pending: Break,
    pending_at: usize,
}

impl Emitter {
    fn map_here(&mut self, file_offset: usize) {
        let clean = self.text.len();
        if let Some(&(c, f)) = self.pairs.last() {
            if f + (clean - c) == file_offset {
                return;
            }
            if c == clean {
                self.pairs.pop();
            }
        }
        self.pairs.push((clean, file_offset));
    }

    fn brk(&mut self, kind: Break, at: usize) {
        if kind > self.pending {
            self.pending = kind;
            self.pending_at = at;
        }
    }

    fn flush(&mut self) {
        if self.text.is_empty() {
            self.pending = Break::None;
            return;
        }
        let sep = match self.pending {
            Break::None => return,
            Break::Space => " ",
            Break::Line => "\n",
            Break::Paragraph => "\n\n",
        };
        self.map_here(self.pending_at);
        self.text.push_str(sep);
        self.pending = Break::None;
    }

    fn push_str(&mut self, s: &str, file_offset: usize) {
        self.flush();
        self.map_here(file_offset);
        self.text.push_str(s);
    }

    fn push_char(&mut self, c: char, file_offset: usize) {
        self.flush();
        self.map_here(file_offset);
        self.text.push(c);
    }
}

/// Strips tags, scripts, styles and comments, decodes entities, turns block elements into
/// paragraph breaks and collapses whitespace; then blanks furniture. Never fails: anything
/// that is not well-formed markup is kept as text.
pub fn html_to_text(raw: &str) -> Extracted {
    let bytes = raw.as_bytes();
    let lower_cache = raw.to_ascii_lowercase();
    let lower = lower_cache.as_bytes();
    let mut em = Emitter { text: String::with_capacity(raw.len() / 2), pairs: Vec::new(), pending: Break::None, pending_at: 0 };
    let mut meta = Meta::default();
    let mut skip: Vec<&'static str> = Vec::new();
    let mut pre_depth = 0usize;
    let mut last_close_tag: std::collections::HashMap<&'static str, Option<usize>> = std::collections::HashMap::new();
    // A byte-order mark is an encoding signature, not text.
    let mut i = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            if lower[i..].starts_with(b"<!--") {
                i = find_from(lower, i + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                continue;
            }
            if lower[i..].starts_with(b"<!") || lower[i..].starts_with(b"<?") {
                i = find_from(lower, i, b">").map_or(bytes.len(), |e| e + 1);
                continue;
            }
            if let Some(tag) = parse_tag(raw, i) {
                let name = &lower_cache[tag.name.0..tag.name.1];
                i = tag.end;
                if tag.closing {
                    if skip.last() == Some(&name) || (skip.contains(&name) && name != "svg") {
                        while let Some(top) = skip.pop() {
                            if top == name {
                                break;
                            }
                        }
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                } else {
                    if name == "meta" {
                        read_meta_tag(raw, &tag, &mut meta);
                    }
                    if RAW_TEXT.contains(&name) && !tag.self_closing {
                        let close = format!("</{name}");
                        let end = find_from(lower, i, close.as_bytes()).unwrap_or(bytes.len());
                        if name == "title" && meta.title.is_none() {
                            let t = collapse_ws(&decode_entities(&raw[i..end]));
                            if !t.is_empty() {
                                meta.title = Some(t);
                            }
                        }
                        i = find_from(lower, end, b">").map_or(bytes.len(), |e| e + 1);
                        continue;
                    }
                    if let Some(s) = SKIPPED.iter().find(|s| **s == name) {
                        // Only skip an element that is closed somewhere after, so one stray
                        // opening tag cannot swallow the article.
                        let last_close = *last_close_tag
                            .entry(s)
                            .or_insert_with(|| rfind(lower, format!("</{name}").as_bytes()));
                        if !tag.self_closing && last_close.is_some_and(|c| c >= i) {
                            skip.push(s);
                        }
                    }
                    if name == "pre" && !tag.self_closing {
                        pre_depth += 1;
                    }
                }
                if skip.is_empty() {
                    if name == "br" {
                        em.brk(Break::Line, tag.start);
                    } else if BLOCKS.contains(&name) {
                        em.brk(Break::Paragraph, tag.start);
                    } else if matches!(name, "td" | "th") {
                        em.brk(Break::Space, tag.start);
                    }
                }
                continue;
            }
        }
        if !skip.is_empty() {
            i += 1;
            while i < bytes.len() && bytes[i] != b'<' {
                i += 1;
            }
            continue;
        }
        if b == b'&' {
            if let Some((decoded, len)) = decode_entity(&raw[i..]) {
                match decoded {
                    '\u{a0}' => em.brk(Break::Space, i),
                    c if c.is_control() => {}
                    c => em.push_char(c, i),
                }
                i += len;
                continue;
            }
        }
        if b.is_ascii_whitespace() {
            if pre_depth > 0 && b == b'\n' {
                em.brk(Break::Line, i);
            } else {
                em.brk(Break::Space, i);
            }
            i += 1;
            continue;
        }
        // A run of plain text up to the next byte that needs attention.
        let start = i;
        while i < bytes.len() && !matches!(bytes[i], b'<' | b'&') && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == start {
            // A lone '<' or '&' that is not markup.
            i += 1;
        }
        em.push_str(&raw[start..i], start);
    }
    let mut text = em.text;
    blank_furniture(&mut text);
    Extracted { text, pairs: em.pairs, meta }
}

struct Tag {
    start: usize,
    end: usize,
    name: (usize, usize),
    attrs: (usize, usize),
    closing: bool,
    self_closing: bool,
}

/// Parses a tag starting at `<`; `None` when it is not one ("a < b").
fn parse_tag(raw: &str, start: usize) -> Option<Tag> {
    let bytes = raw.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':') {
        i += 1;
    }
    let name = (name_start, i);
    let attrs_start = i;
    let tag = |gt: usize| Tag {
        start,
        end: gt + 1,
        name,
        attrs: (attrs_start, gt),
        closing,
        self_closing: gt > attrs_start && bytes[gt - 1] == b'/',
    };
    // Quoted attribute values may hold '>'. A tag is short, so the quote-aware scan is bounded;
    // an unbalanced quote falls back to the first '>' rather than rescanning the whole page.
    let limit = bytes.len().min(start + 8192);
    let mut quote: Option<u8> = None;
    while i < limit {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(tag(i)),
            None => {}
        }
        i += 1;
    }
    let far = bytes.len().min(start + 65536).max(attrs_start);
    let gt = attrs_start + bytes[attrs_start..far].iter().position(|&b| b == b'>')?;
    Some(tag(gt))
}

/// `<meta property="og:site_name" content="…">` and friends → outlet, date, title, url.
fn read_meta_tag(raw: &str, tag: &Tag, meta: &mut Meta) {
    let attrs = parse_attrs(&raw[tag.attrs.0..tag.attrs.1]);
    let key = attrs
        .iter()
        .find(|(k, _)| k == "property" || k == "name" || k == "itemprop")
        .map(|(_, v)| v.to_ascii_lowercase());
    let Some(content) = attrs.iter().find(|(k, _)| k == "content").map(|(_, v)| collapse_ws(&decode_entities(v))) else {
        return;
    };
    if content.is_empty() {
        return;
    }
    let slot = match key.as_deref() {
        Some("og:site_name" | "application-name" | "publisher") => &mut meta.outlet,
        Some("og:title" | "twitter:title" | "headline") => &mut meta.title,
        Some("og:url") => &mut meta.url,
        Some("article:published_time" | "datepublished" | "date" | "pubdate") => &mut meta.date,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
    }
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return out;
        }
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            if let Some(q) = r.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let body = &r[1..];
                let end = body.find(q).unwrap_or(body.len());
                value = body[..end].to_string();
                rest = body.get(end + 1..).unwrap_or("");
            } else {
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
                value = r[..end].to_string();
                rest = &r[end..];
            }
        }
        if name_len == 0 {
            // Stray character; step over it.
            rest = rest.get(1..).unwrap_or("");
            continue;
        }
        out.push((name, value));
    }
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() || needle.is_empty() {
        return None;
    }
    memchr::memmem::find(&hay[from..], needle).map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    memchr::memmem::rfind(hay, needle)
}

fn collapse_ws(s: &str) -> String {
    crate::text::single_spaced(s)
}

/// Decodes every entity in a string (attribute values, titles).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(rel) = s[i..].find('&') {
        out.push_str(&s[i..i + rel]);
        i += rel;
        match decode_entity(&s[i..]) {
            Some((c, len)) => {
                out.push(c);
                i += len;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Decodes one entity at the start of `s` (which starts with `&`): the character and the
/// entity's byte length. Numeric references that name no character give U+FFFD, as HTML does.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    let semi = body.bytes().take(33).position(|b| b == b';')?;
    let name = &body[..semi];
    let len = semi + 2;
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() => u32::from_str_radix(hex, 16).ok()?,
            Some(_) => return None,
            None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => num.parse::<u32>().ok()?,
            None => return None,
        };
        // Windows-1252 code points that pages send as numeric references.
        let c = match code {
            0x91 => '‘',
            0x92 => '’',
            0x93 => '“',
            0x94 => '”',
            0x96 => '–',
            0x97 => '—',
            0x85 => '…',
            0 => '\u{fffd}',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        return Some((c, len));
    }
    named_entity(name).map(|c| (c, len))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "hyphen" | "dash" => '‐',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "prime" => '′',
        "Prime" => '″',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "percnt" => '%',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "iexcl" => '¡',
        "iquest" => '¿',
        "szlig" => 'ß',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Yuml" => 'Ÿ',
        "Ccaron" => 'Č',
        "ccaron" => 'č',
        "Sacute" => 'Ś',
        "sacute" => 'ś',
        "Lstrok" => 'Ł',
        "lstrok" => 'ł',
        "Nacute" => 'Ń',
        "nacute" => 'ń',
        "Zacute" => 'Ź',
        "zacute" => 'ź',
        "Zdot" => 'Ż',
        "zdot" => 'ż',
        "Gbreve" => 'Ğ',
        "gbreve" => 'ğ',
        "Idot" => 'İ',
        "imath" | "inodot" => 'ı',
        "Scedil" => 'Ş',
        "scedil" => 'ş',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `raw` that cleaning blanked.
    fn blanked(raw: &str) -> Vec<&str> {
        let cleaned = clean_plain(raw);
        assert_eq!(cleaned.len(), raw.len());
        assert_eq!(cleaned.matches('\n').count(), raw.matches('\n').count());
        raw.lines().zip(cleaned.lines()).filter(|(r, c)| !r.trim().is_empty() && c.trim().is_empty()).map(|(r, _)| r).collect()
    }

    #[test]
    fn menus_and_short_unpunctuated_lines_are_blanked_but_prose_and_headline_kept() {
        let raw = "Home\n\nSearch\n\n » World\n\nLog in\n\nFloods close the northern highway for a week\n\n\
                   Heavy rain closed the northern highway on Tuesday, the transport ministry said.\n\
                   Repairs will take at least seven days.\n\nTraffic update\n";
        assert_eq!(blanked(raw), vec!["Home", "Search", " » World", "Log in", "Traffic update"]);
        assert_eq!(first_title(&clean_plain(raw)), Some("Floods close the northern highway for a week"));
    }

    #[test]
    fn a_repeated_headline_keeps_its_first_line_and_a_captioned_copy_goes() {
        let raw = "Council approves new budget for the harbour\n\nCouncil approves new budget for the harbour\n\n\
                   Council approves new budget for the harbour. Photo: City archive, all uses\n\n\
                   The council approved a budget of 4 million euros for the harbour on Monday evening.\n";
        assert_eq!(
            blanked(raw),
            vec![
                "Council approves new budget for the harbour",
                "Council approves new budget for the harbour. Photo: City archive, all uses"
            ]
        );
        assert!(clean_plain(raw).starts_with("Council approves new budget for the harbour\n"));
    }

    #[test]
    fn reaction_widgets_go_with_their_prompt_but_tables_of_figures_stay() {
        let raw = "The vote passed with a large majority in the chamber on Thursday afternoon.\n\nRate this story:\n\n\
                   up\n3\n\ndown\n1\n\nmeh\n0\n";
        assert_eq!(blanked(raw), vec!["Rate this story:", "up", "3", "down", "1", "meh", "0"]);
        let table = "Quarterly results were published on Friday by the company in a short statement.\n\
                     Net 4.5 mln\nRevs 120 mln\nShr 12\nQ1 9\n";
        assert!(blanked(table).is_empty(), "{:?}", blanked(table));
    }

    #[test]
    fn newsletter_boxes_and_their_continuation_lines_are_blanked() {
        let raw = "Ferry services resumed on Sunday after the storm passed, the operator said.\n\n\
                   The Weekly Brief newsletter\n\nSubscribe for a short morning summary of the\n\
                   stories that matter to the region.\n\nThe operator said all routes would run normally by Monday.\n";
        assert_eq!(
            blanked(raw),
            vec!["The Weekly Brief newsletter", "Subscribe for a short morning summary of the", "stories that matter to the region."]
        );
    }

    #[test]
    fn the_page_tail_talking_to_readers_is_blanked_but_the_same_voice_mid_article_in_quotes_is_kept() {
        let raw = "\u{201c}Please contact us if you see anything unusual on the road,\u{201d} the police chief told reporters.\n\
                   The road will reopen on Monday after the repairs are finished, officials said.\n\
                   Be the first to comment\n\
                   Thank you for reading, we value every comment you leave.\n\
                   Notice: comments are moderated by our team and may take a day to appear here.\n\
                   Want to contact us about a story, advertising or anything else?\n\
                   Write to desk@example.org\n\
                   www.example-news.org\n";
        assert_eq!(
            blanked(raw),
            vec![
                "Be the first to comment",
                "Thank you for reading, we value every comment you leave.",
                "Notice: comments are moderated by our team and may take a day to appear here.",
                "Want to contact us about a story, advertising or anything else?",
                "Write to desk@example.org",
                "www.example-news.org",
            ]
        );
    }

    #[test]
    fn disclaimers_in_the_tail_go_even_when_shaped_like_sentences() {
        let raw = "The bridge was opened by the mayor in front of a large crowd on Saturday.\n\
                   Disclaimer: the views in reader posts belong to their authors and not to this site.\n";
        assert_eq!(blanked(raw), vec!["Disclaimer: the views in reader posts belong to their authors and not to this site."]);
    }

    #[test]
    fn a_short_last_line_of_a_hard_wrapped_paragraph_is_not_furniture() {
        let raw = "    The central bank raised its main lending rate by half a point\nto slow prices\nand said more moves were possible.\n";
        assert!(blanked(raw).is_empty(), "{:?}", blanked(raw));
    }

    #[test]
    fn sentence_shaped_lines_mid_article_are_never_blanked() {
        let raw = "Officials said you could follow the debate live on the parliament website from noon.\n\n\
                   Short update\n\n\
                   The minister said the plan would be published in full next week after review.\n";
        assert_eq!(blanked(raw), vec!["Short update"]);
    }

    #[test]
    fn headers_become_metadata() {
        let raw = "source: Daily Example\ntitle: Port reopens\nurl: https://example.org/a\ndate: 2024-05-01\n---\nBody text here.\n";
        let (meta, end) = parse_header(raw).unwrap();
        assert_eq!(meta.outlet.as_deref(), Some("Daily Example"));
        assert_eq!(meta.title.as_deref(), Some("Port reopens"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.date.as_deref(), Some("2024-05-01"));
        assert_eq!(&raw[end..], "Body text here.\n");
        assert!(parse_header("---\noutlet: X\n---\nBody\n").is_some());
        assert!(parse_header("Minister: we will win.\nMore text.\n").is_none());
        assert!(parse_header("No header at all\n---\n").is_none());
        assert!(parse_header("Update: talks resumed\nNote: times are local\n---\n").is_none());
    }

    #[test]
    fn html_text_is_extracted_with_a_map_back_to_the_file() {
        let html = "<!DOCTYPE html><html><head><title>Port &amp; harbour</title><style>p{color:red}</style>\
                    <meta property=\"og:site_name\" content=\"Example Times\"></head>\n<body>\
                    <nav><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav>\n\
                    <h1>Harbour reopens after the long storm</h1>\n\
                    <p>The harbour <b>reopened</b> on\n   Friday, the port&rsquo;s director said &#8212; \
                    earlier than planned.</p><script>var a = \"<p>not text</p>\";</script>\
                    <!-- <p>hidden</p> --><p>Ships at 5 &lt; 10 knots may enter.<br>Caf&eacute; owners cheered.</p>\
                    <footer>© Example Times</footer></body></html>";
        let ex = html_to_text(html);
        assert_eq!(
            ex.text,
            "Harbour reopens after the long storm\n\nThe harbour reopened on Friday, the port’s director said — \
             earlier than planned.\n\nShips at 5 < 10 knots may enter.\nCafé owners cheered."
        );
        assert_eq!(ex.meta.title.as_deref(), Some("Port & harbour"));
        assert_eq!(ex.meta.outlet.as_deref(), Some("Example Times"));
        let map = |clean: usize| {
            let i = ex.pairs.partition_point(|&(c, _)| c <= clean);
            ex.pairs[i - 1].1 + (clean - ex.pairs[i - 1].0)
        };
        // Every character copied from the file maps onto itself.
        for (i, c) in ex.text.char_indices() {
            if c.is_alphanumeric() {
                assert!(html[map(i)..].starts_with([c, '&']), "{c:?} at {i} maps to {:?}", &html[map(i)..map(i) + 10]);
            }
        }
        let friday = ex.text.find("Friday").unwrap();
        assert_eq!(map(friday), html.find("Friday").unwrap());
        let apos = ex.text.find('’').unwrap();
        assert!(html[map(apos)..].starts_with("&rsquo;"));
    }

    #[test]
    fn broken_markup_degrades_to_text_and_never_swallows_the_article() {
        let ex = html_to_text("<nav>Menu<p>The plant will close in May, the company said on Monday.</p> a < b &bogus; &#xZZ; <p");
        assert_eq!(ex.text, "    \n\nThe plant will close in May, the company said on Monday.\n\na < b &bogus; &#xZZ; <p");
        let ex = html_to_text("<div class=\"a>b\">Text one is here.</div><div title='x>'>Text two.</div>");
        assert_eq!(ex.text, "Text one is here.\n\nText two.");
        assert_eq!(html_to_text("").text, "");
        assert_eq!(html_to_text("\u{feff}<p>Byte order marks are not text at all.</p>").text, "Byte order marks are not text at all.");
        assert_eq!(html_to_text("<nav><nav>x</nav> Inner text stays out.</nav><p>Kept text here.</p>").text, "Kept text here.");
        assert_eq!(decode_entities("&#0;&#x110000;&#128512;&amp;&amp &#97x;"), "\u{fffd}\u{fffd}😀&&amp &#97x;");
    }

    #[test]
    fn arbitrary_input_never_panics_and_keeps_lengths() {
        let alphabet: Vec<char> = "<>/&;#x0a9 \n\t\"'=!-pscriptnavé😀’”.?:@|•".chars().collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (seed >> 58) as usize * 3;
            let mut s = String::new();
            for _ in 0..len {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                s.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(clean_plain(&s).len(), s.len());
            let ex = html_to_text(&s);
            assert!(ex.pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1), "{s:?}");
            assert!(ex.pairs.iter().all(|&(c, f)| c <= ex.text.len() && f <= s.len()), "{s:?}");
            let _ = parse_header(&s);
        }
    }

    #[test]
    fn announced_lists_are_content() {
        let raw = "The visiting team includes:

- Anna Berg
- Tomas Lind
- Eva Holm
- Jon Dahl

Menu
";
        assert_eq!(blanked(raw), vec!["Menu"]);
        let menu = "Sections
- World
- Sport
";
        assert_eq!(blanked(menu), vec!["Sections", "- World", "- Sport"]);
    }

    #[test]
    fn the_title_is_a_standalone_first_line() {
        assert_eq!(first_title("\n  Storm closes port\n\nThe port closed.\n"), Some("Storm closes port"));
        assert_eq!(first_title("The central bank raised rates by half a point\nto slow prices.\n"), None);
        assert_eq!(first_title("The port closed on Monday.\n"), None);
    }

    #[test]
    fn hard_wrapped_newswire_prose_is_never_furniture() {
        let raw = "    Northfield Mills Inc said shareholders may\n\
                   subscribe to new shares at two dlrs a share until June 30,\n\
                   according to its monthly newsletter sent to\n\
                   members. The company declined to\n\
                   comment.\n\
                   \x20   Harbor Steel Corp\n\
                   said profits rose to 12 cts a\n\
                   share.\n\
                   \x20   Year\n\
                   \x20   Shr 1.20 dlrs vs 1.10 dlrs\n\
                   \x20 Wheat    73,684\n\
                   \x20 Corn     17,979\n\
                   \x20 Grain\n\
                   \x20 Oats      4,391\n";
        assert!(blanked(raw).is_empty(), "{:?}", blanked(raw));
    }

    #[test]
    fn fragments_split_off_a_paragraph_stay() {
        let raw = "The champion ran well, and her rival\n\nBerg\n\nstretched her unbeaten record to 25 races.\n\nPlaying colours:\n\nAll white\n";
        assert!(blanked(raw).is_empty(), "{:?}", blanked(raw));
    }
}
