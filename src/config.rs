//! Configuration: corpus paths and per-rule severities. Parsing only; finding the file is IO
//! and lives with the callers (CLI, language server).

use crate::finding::{Rule, Severity};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Corpus paths or globs, as written (relative paths are relative to the config file).
    pub corpus: Vec<String>,
    /// Overrides of the default severities; `None` turns a rule off.
    pub rules: BTreeMap<Rule, Option<Severity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    corpus: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

impl Config {
    /// The severity a rule reports at, or `None` when it is off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        self.rules.get(&rule).copied().unwrap_or(Some(rule.default_severity()))
    }

    pub fn from_toml_str(text: &str) -> Result<Config, String> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut rules = BTreeMap::new();
        for (code, sev) in raw.rules {
            let rule = Rule::from_code(&code).ok_or_else(|| format!("unknown rule `{code}` in [rules]"))?;
            rules.insert(rule, parse_severity(&sev)?);
        }
        Ok(Config { corpus: raw.corpus, rules })
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
}
