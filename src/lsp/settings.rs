//! Settings from every place an editor can put them, most specific first:
//! `initializationOptions`, the `copydesk` section of `workspace/configuration`,
//! `copydesk.toml` in the workspace root, then a `corpus/` folder in the root.

use crate::config::{parse_severity, Config};
use crate::finding::{Rule, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);
pub const CONFIG_FILE: &str = "copydesk.toml";
pub const DEFAULT_CORPUS_DIR: &str = "corpus";

/// What one source of settings says; `None` means "not said here".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layer {
    /// Corpus paths, already made absolute against the layer's base folder.
    pub corpus: Option<Vec<PathBuf>>,
    pub rules: BTreeMap<Rule, Option<Severity>>,
    pub debounce: Option<Duration>,
}

/// The resolved settings the server runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub corpus: Vec<PathBuf>,
    pub config: Config,
    pub debounce: Duration,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { corpus: Vec::new(), config: Config::default(), debounce: DEFAULT_DEBOUNCE }
    }
}

fn absolute(base: Option<&Path>, p: &str) -> PathBuf {
    let p = PathBuf::from(p);
    match base {
        Some(b) if p.is_relative() => b.join(p),
        _ => p,
    }
}

/// Reads `{"corpus": [..] | "..", "rules": {code: severity}, "debounceMs": n}`. Problems are
/// returned as messages and the offending entry is skipped, so one typo does not lose the rest.
pub fn layer_from_json(value: &Value, base: Option<&Path>) -> (Layer, Vec<String>) {
    let mut layer = Layer::default();
    let mut problems = Vec::new();
    let Some(obj) = value.as_object() else {
        if !value.is_null() {
            problems.push("copydesk settings must be an object".to_string());
        }
        return (layer, problems);
    };
    match obj.get("corpus") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => layer.corpus = Some(vec![absolute(base, s)]),
        Some(Value::Array(items)) => {
            let paths: Vec<PathBuf> = items.iter().filter_map(Value::as_str).map(|s| absolute(base, s)).collect();
            if paths.len() != items.len() {
                problems.push("`corpus` entries must be strings".to_string());
            }
            if !paths.is_empty() {
                layer.corpus = Some(paths);
            }
        }
        Some(_) => problems.push("`corpus` must be a path or a list of paths".to_string()),
    }
    match obj.get("rules") {
        None | Some(Value::Null) => {}
        Some(Value::Object(rules)) => {
            for (code, sev) in rules {
                let Some(rule) = Rule::from_code(code) else {
                    problems.push(format!("unknown rule `{code}` in rules"));
                    continue;
                };
                match sev.as_str().map(parse_severity) {
                    Some(Ok(s)) => {
                        layer.rules.insert(rule, s);
                    }
                    Some(Err(e)) => problems.push(format!("rule `{code}`: {e}")),
                    None => problems.push(format!("rule `{code}`: the severity must be a string")),
                }
            }
        }
        Some(_) => problems.push("`rules` must be an object of rule code → severity".to_string()),
    }
    match obj.get("debounceMs") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64() {
            Some(ms) => layer.debounce = Some(Duration::from_millis(ms.min(60_000))),
            None => problems.push("`debounceMs` must be a non-negative integer".to_string()),
        },
    }
    (layer, problems)
}

/// `copydesk.toml`, whose relative corpus paths are relative to the file's folder.
pub fn layer_from_toml(text: &str, dir: &Path) -> Result<Layer, String> {
    let config = Config::from_toml_str(text)?;
    let corpus = if config.corpus.is_empty() {
        None
    } else {
        Some(config.corpus.iter().map(|p| absolute(Some(dir), p)).collect())
    };
    Ok(Layer { corpus, rules: config.rules, debounce: None })
}

/// Merge layers given most specific first. `default_corpus` is used when no layer names one.
pub fn resolve(layers: &[Layer], default_corpus: Option<PathBuf>) -> Settings {
    let corpus = layers.iter().find_map(|l| l.corpus.clone()).or_else(|| default_corpus.map(|d| vec![d])).unwrap_or_default();
    let mut rules = BTreeMap::new();
    for layer in layers.iter().rev() {
        rules.extend(layer.rules.iter().map(|(r, s)| (*r, *s)));
    }
    let debounce = layers.iter().find_map(|l| l.debounce).unwrap_or(DEFAULT_DEBOUNCE);
    let config = Config { corpus: corpus.iter().map(|p| p.to_string_lossy().to_string()).collect(), rules };
    Settings { corpus, config, debounce }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn most_specific_layer_wins_per_key() {
        let root = Path::new("/ws");
        let (init, p1) = layer_from_json(&json!({"rules": {"time-conflict": "error"}, "debounceMs": 20}), Some(root));
        let (ws, p2) = layer_from_json(&json!({"corpus": "sources", "rules": {"time-conflict": "hint", "quote-unsourced": "off"}}), Some(root));
        let file = layer_from_toml("corpus = [\"other\"]\n[rules]\nname-misspelled = \"error\"\n", root).unwrap();
        assert!(p1.is_empty() && p2.is_empty());
        let s = resolve(&[init, ws, file], Some(root.join("corpus")));
        assert_eq!(s.corpus, vec![PathBuf::from("/ws/sources")]);
        assert_eq!(s.config.severity(Rule::TimeConflict), Some(Severity::Error));
        assert_eq!(s.config.severity(Rule::QuoteUnsourced), None);
        assert_eq!(s.config.severity(Rule::NameMisspelled), Some(Severity::Error));
        assert_eq!(s.debounce, Duration::from_millis(20));
    }

    #[test]
    fn falls_back_to_the_corpus_folder_and_reports_bad_entries() {
        let (layer, problems) = layer_from_json(&json!({"rules": {"no-such-rule": "off", "time-conflict": "loud", "role-mismatch": "hint"}, "debounceMs": -3}), None);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(layer.rules.get(&Rule::RoleMismatch), Some(&Some(Severity::Hint)));
        let s = resolve(&[layer], Some(PathBuf::from("/ws/corpus")));
        assert_eq!(s.corpus, vec![PathBuf::from("/ws/corpus")]);
        assert_eq!(s.debounce, DEFAULT_DEBOUNCE);
        assert_eq!(resolve(&[], None).corpus, Vec::<PathBuf>::new());
    }
}
