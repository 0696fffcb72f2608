//! Settings from every place an editor can put them, most specific first:
//! `initializationOptions`, the `copydesk` section of `workspace/configuration`,
//! `copydesk.toml` in the workspace root, then a `corpus/` folder in the root.

use crate::config::{parse_severity, Config, LimitsTable};
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
    pub limits: LimitsTable,
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

/// Reads `{"corpus": [..] | "..", "rules": {code: severity}, "debounceMs": n, "limits": {..}}`
/// (`limits` with the keys of copydesk.toml's `[limits]`). Problems are
/// returned as messages and the offending entry is skipped, so one typo does not lose the rest.
pub fn layer_from_json(value: &Value, base: Option<&Path>) -> (Layer, Vec<String>) {
    let mut layer = Layer::default();
    let mut problems = Vec::new();
    // Some clients can only send settings namespaced by server.
    let value = match value.get("copydesk") {
        Some(inner) if inner.is_object() => inner,
        _ => value,
    };
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
    match obj.get("limits") {
        None | Some(Value::Null) => {}
        Some(v) => match serde_json::from_value::<LimitsTable>(v.clone()).map_err(|e| e.to_string()).and_then(LimitsTable::validate) {
            Ok(limits) => layer.limits = limits,
            Err(e) => problems.push(format!("`limits`: {e}")),
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
    Ok(Layer { corpus, rules: config.rules, debounce: None, limits: config.limits })
}

/// Merge layers given most specific first. `default_corpus` is used when no layer names one.
pub fn resolve(layers: &[Layer], default_corpus: Option<PathBuf>) -> Settings {
    let corpus = layers.iter().find_map(|l| l.corpus.clone()).or_else(|| default_corpus.map(|d| vec![d])).unwrap_or_default();
    let mut rules = BTreeMap::new();
    for layer in layers.iter().rev() {
        rules.extend(layer.rules.iter().map(|(r, s)| (*r, *s)));
    }
    let debounce = layers.iter().find_map(|l| l.debounce).unwrap_or(DEFAULT_DEBOUNCE);
    let limits = layers.iter().fold(LimitsTable::default(), |merged, layer| merged.or(layer.limits));
    let config = Config { corpus: corpus.iter().map(|p| p.to_string_lossy().to_string()).collect(), rules, limits };
    Settings { corpus, config, debounce }
}

fn is_pattern(component: &str) -> bool {
    component.contains(['*', '?'])
}

/// The folder a corpus entry lives under: the entry itself, or for a pattern the part before
/// its first wildcard. What to watch, and what a changed file is checked against.
pub fn literal_prefix(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        if is_pattern(&c.as_os_str().to_string_lossy()) {
            break;
        }
        out.push(c);
    }
    out
}

/// Corpus entries with their patterns expanded (IO: reads folders) with the glob syntax the
/// CLI reads `copydesk.toml` with (`*`, `?`, `**`, `[..]`). A pattern that matches nothing is reported, not
/// an error: in an editor the folder may fill later.
pub fn expand_corpus(entries: &[PathBuf]) -> (Vec<PathBuf>, Vec<String>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        // Entries arrive joined to the workspace folder, whose name may hold brackets; only
        // `*` and `?` mark a pattern (a `[..]` class then works after them).
        if !is_pattern(&entry.to_string_lossy()) {
            out.push(entry.clone());
            continue;
        }
        // The folders before the first wildcard are literal, brackets and all.
        let base = literal_prefix(entry);
        let rest: Vec<String> = entry.components().skip(base.components().count()).map(|c| c.as_os_str().to_string_lossy().to_string()).collect();
        let pattern = format!("{}/{}", glob::Pattern::escape(base.to_string_lossy().trim_end_matches('/')), rest.join("/"));
        let before = out.len();
        // Hidden files only when the pattern spells the dot, as shells do.
        let options = glob::MatchOptions { require_literal_leading_dot: true, ..Default::default() };
        match glob::glob_with(&pattern, options) {
            Ok(paths) => out.extend(paths.filter_map(|p| p.ok())),
            Err(e) => problems.push(format!("bad corpus pattern `{}`: {e}", entry.display())),
        }
        if out.len() == before {
            problems.push(format!("corpus pattern matched no files: {}", entry.display()));
        }
    }
    out.dedup();
    (out, problems)
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
    fn corpus_patterns_expand_within_and_across_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = &dir.path().join("ws [draft]");
        std::fs::create_dir_all(root.join("archive/2024")).unwrap();
        for f in ["archive/a.jsonl", "archive/b.txt", "archive/2024/c.jsonl", "archive/.hidden.jsonl", "archive/day-3.txt", "archive/day-10.txt"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let (one, p) = expand_corpus(&[root.join("archive/*.jsonl")]);
        assert_eq!(one, vec![root.join("archive/a.jsonl")]);
        assert!(p.is_empty());
        let (deep, _) = expand_corpus(&[root.join("archive/**/*.jsonl")]);
        assert_eq!(deep, vec![root.join("archive/2024/c.jsonl"), root.join("archive/a.jsonl")]);
        let (one_char, _) = expand_corpus(&[root.join("archive/day-?.txt")]);
        assert_eq!(one_char, vec![root.join("archive/day-3.txt")], "a bracket in a folder name is literal");
        let (none, p) = expand_corpus(&[root.join("archive/*.html"), root.join("plain")]);
        assert_eq!(none, vec![root.join("plain")], "plain entries pass through for the loader to judge");
        assert_eq!(p.len(), 1);
        assert_eq!(literal_prefix(&root.join("archive/**/*.jsonl")), root.join("archive"));
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
        let (nested, _) = layer_from_json(&json!({"copydesk": {"debounceMs": 5}}), None);
        assert_eq!(nested.debounce, Some(Duration::from_millis(5)));
        let (_, problems) = layer_from_json(&json!({"limits": {"max_quote_chars": 0}}), None);
        assert!(problems[0].contains("max_quote_chars"), "{problems:?}");
    }

    #[test]
    fn limits_merge_per_key_most_specific_first() {
        let (init, _) = layer_from_json(&json!({"limits": {"max_live_check_kb": 64}}), None);
        let file = layer_from_toml("[limits]\nmax_live_check_kb = 9\nmax_quote_chars = 500\n", Path::new("/ws")).unwrap();
        let limits = resolve(&[init, file], None).config.limits();
        assert_eq!(limits.max_live_check_bytes, 64 * 1024);
        assert_eq!(limits.max_quote_chars, 500);
        assert_eq!(limits.max_corpus_file_bytes, crate::config::Limits::default().max_corpus_file_bytes);
    }
}
