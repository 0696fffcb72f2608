//! Configuration: corpus paths, per-rule severities and limits. Parsing only; finding the file
//! is IO and lives with the callers (CLI, language server).

use crate::finding::{Rule, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Corpus paths or globs, as written (relative paths are relative to the config file).
    pub corpus: Vec<String>,
    /// Overrides of the default severities; `None` turns a rule off.
    pub rules: BTreeMap<Rule, Option<Severity>>,
    /// The `[limits]` table as written; `limits()` fills in the defaults.
    pub limits: LimitsTable,
}

/// What copydesk refuses to spend time or memory on, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Corpus files larger than this are skipped with a warning naming them.
    pub max_corpus_file_bytes: u64,
    /// Drafts larger than this are checked when opened and saved, not as the writer types.
    pub max_live_check_bytes: usize,
    /// A "quote" longer than this is an unbalanced quotation mark, not a quote.
    pub max_quote_chars: usize,
}

pub const DEFAULT_MAX_CORPUS_FILE_MB: u64 = 50;
/// About 20,000 words; checking that takes about half a second on one core.
pub const DEFAULT_MAX_LIVE_CHECK_KB: u64 = 128;
/// Longer than any paragraph-long quote in news copy, far shorter than a page swallowed by a
/// stray mark.
pub const DEFAULT_MAX_QUOTE_CHARS: usize = 3000;

impl Default for Limits {
    fn default() -> Limits {
        LimitsTable::default().resolve()
    }
}

/// `[limits]` in copydesk.toml (or `limits` in the editor's settings); unset keys are `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsTable {
    pub max_corpus_file_mb: Option<u64>,
    pub max_live_check_kb: Option<u64>,
    pub max_quote_chars: Option<usize>,
}

impl LimitsTable {
    /// Keys set here win over `fallback`'s.
    pub fn or(self, fallback: LimitsTable) -> LimitsTable {
        LimitsTable {
            max_corpus_file_mb: self.max_corpus_file_mb.or(fallback.max_corpus_file_mb),
            max_live_check_kb: self.max_live_check_kb.or(fallback.max_live_check_kb),
            max_quote_chars: self.max_quote_chars.or(fallback.max_quote_chars),
        }
    }

    pub fn resolve(self) -> Limits {
        Limits {
            max_corpus_file_bytes: self.max_corpus_file_mb.unwrap_or(DEFAULT_MAX_CORPUS_FILE_MB).saturating_mul(1024 * 1024),
            max_live_check_bytes: usize::try_from(self.max_live_check_kb.unwrap_or(DEFAULT_MAX_LIVE_CHECK_KB).saturating_mul(1024)).unwrap_or(usize::MAX),
            max_quote_chars: self.max_quote_chars.unwrap_or(DEFAULT_MAX_QUOTE_CHARS),
        }
    }

    /// A limit of zero would silently switch a feature off; say so instead.
    pub fn validate(self) -> Result<LimitsTable, String> {
        for (key, value) in [
            ("max_corpus_file_mb", self.max_corpus_file_mb.map(|v| v as u128)),
            ("max_live_check_kb", self.max_live_check_kb.map(|v| v as u128)),
            ("max_quote_chars", self.max_quote_chars.map(|v| v as u128)),
        ] {
            if value == Some(0) {
                return Err(format!("`{key}` in [limits] must be at least 1"));
            }
        }
        Ok(self)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    corpus: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default)]
    limits: LimitsTable,
}

impl Config {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        self.rules.get(&rule).copied().unwrap_or(Some(rule.default_severity()))
    }

    pub fn limits(&self) -> Limits {
        self.limits.resolve()
    }

    pub fn from_toml_str(text: &str) -> Result<Config, String> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut rules = BTreeMap::new();
        for (code, sev) in raw.rules {
            let rule = Rule::from_code(&code).ok_or_else(|| format!("unknown rule `{code}` in [rules]"))?;
            rules.insert(rule, parse_severity(&sev)?);
        }
        Ok(Config { corpus: raw.corpus, rules, limits: raw.limits.validate()? })
    }
}

/// "error" | "warning" | "information" (or "info") | "hint" | "off".
pub fn parse_severity(s: &str) -> Result<Option<Severity>, String> {
    Ok(Some(match s.to_ascii_lowercase().as_str() {
        "error" => Severity::Error,
        "warning" | "warn" => Severity::Warning,
        "information" | "info" => Severity::Information,
        "hint" => Severity::Hint,
        "off" | "none" => return Ok(None),
        other => return Err(format!("unknown severity `{other}` (use error, warning, information, hint or off)")),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rules_and_rejects_unknown_codes() {
        let c = Config::from_toml_str("corpus = [\"sources\"]\n[rules]\nquote-unsourced = \"off\"\nname-misspelled = \"error\"\n").unwrap();
        assert_eq!(c.corpus, vec!["sources"]);
        assert_eq!(c.severity(Rule::QuoteUnsourced), None);
        assert_eq!(c.severity(Rule::NameMisspelled), Some(Severity::Error));
        assert_eq!(c.severity(Rule::TimeConflict), Some(Severity::Warning));
        assert!(Config::from_toml_str("[rules]\nno-such-rule = \"off\"").unwrap_err().contains("no-such-rule"));
        assert!(Config::from_toml_str("[rules]\ntime-conflict = \"loud\"").is_err());
    }

    #[test]
    fn limits_default_per_key_and_reject_zero_and_unknown_keys() {
        let c = Config::from_toml_str("[limits]\nmax_corpus_file_mb = 2\nmax_quote_chars = 40\n").unwrap();
        let l = c.limits();
        assert_eq!(l.max_corpus_file_bytes, 2 * 1024 * 1024);
        assert_eq!(l.max_quote_chars, 40);
        assert_eq!(l.max_live_check_bytes, DEFAULT_MAX_LIVE_CHECK_KB as usize * 1024);
        assert_eq!(Config::default().limits(), Limits::default());
        assert_eq!(Limits::default().max_corpus_file_bytes, DEFAULT_MAX_CORPUS_FILE_MB * 1024 * 1024);
        assert!(Config::from_toml_str("[limits]\nmax_live_check_kb = 0").unwrap_err().contains("max_live_check_kb"));
        assert!(Config::from_toml_str("[limits]\nmax_quote_length = 9").unwrap_err().contains("max_quote_length"));
        let layered = LimitsTable { max_quote_chars: Some(5), ..Default::default() }.or(LimitsTable { max_quote_chars: Some(9), max_live_check_kb: Some(7), ..Default::default() });
        assert_eq!((layered.max_quote_chars, layered.max_live_check_kb, layered.max_corpus_file_mb), (Some(5), Some(7), None));
    }
}
