//! Finding the configuration and the corpus for `copydesk check`.

use crate::config::Config;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE_NAME: &str = "copydesk.toml";

/// A parsed configuration and the folder its relative paths are relative to.
pub struct LoadedConfig {
    pub config: Config,
    pub file: Option<PathBuf>,
}

/// `--config FILE` when given; else the nearest `copydesk.toml` in `start` or its parents;
/// else the defaults.
pub fn find_config(explicit: Option<&Path>, start: &Path) -> Result<LoadedConfig, String> {
    let file = match explicit {
        Some(f) => Some(f.to_path_buf()),
        None => start.ancestors().map(|d| d.join(CONFIG_FILE_NAME)).find(|f| f.is_file()),
    };
    let Some(file) = file else {
        return Ok(LoadedConfig { config: Config::default(), file: None });
    };
    let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read config {}: {}", file.display(), e))?;
    let config = Config::from_toml_str(&text).map_err(|e| format!("{}: {}", file.display(), e.trim_end()))?;
    Ok(LoadedConfig { config, file: Some(file) })
}

/// The corpus paths to load: `--corpus` when given; else the config's `corpus` entries
/// (relative to the config file, globs expanded); else `./corpus/`.
pub fn corpus_paths(cli_paths: &[PathBuf], loaded: &LoadedConfig, cwd: &Path) -> Result<Vec<PathBuf>, String> {
    if !cli_paths.is_empty() {
        return Ok(cli_paths.to_vec());
    }
    if let (Some(file), false) = (&loaded.file, loaded.config.corpus.is_empty()) {
        let base = file.parent().map(Path::to_path_buf).unwrap_or_else(|| cwd.to_path_buf());
        let base = if base.as_os_str().is_empty() { cwd.to_path_buf() } else { base };
        let mut out = Vec::new();
        for entry in &loaded.config.corpus {
            out.extend(expand_entry(entry, &base, file)?);
        }
        return Ok(out);
    }
    let default = cwd.join("corpus");
    if default.is_dir() {
        return Ok(vec![default]);
    }
    Err(format!(
        "no corpus: pass --corpus PATH, list `corpus = [...]` in {CONFIG_FILE_NAME}, or put the sources in {}",
        default.display()
    ))
}

fn expand_entry(entry: &str, base: &Path, config_file: &Path) -> Result<Vec<PathBuf>, String> {
    let relative = Path::new(entry);
    let is_glob = entry.contains(['*', '?', '[']);
    if !is_glob {
        let p = if relative.is_absolute() { relative.to_path_buf() } else { base.join(relative) };
        if !p.exists() {
            return Err(format!("corpus path not found: {} (listed in {})", p.display(), config_file.display()));
        }
        return Ok(vec![p]);
    }
    let pattern = if relative.is_absolute() {
        entry.to_string()
    } else {
        // The folder part is literal: a `[` in a folder name must not act as a glob class.
        format!("{}/{}", glob::Pattern::escape(&base.to_string_lossy()), entry)
    };
    let paths = glob::glob(&pattern).map_err(|e| format!("bad corpus pattern `{entry}` in {}: {e}", config_file.display()))?;
    let mut out: Vec<PathBuf> = paths.filter_map(Result::ok).collect();
    out.sort();
    if out.is_empty() {
        return Err(format!("corpus pattern `{entry}` in {} matched nothing", config_file.display()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, s: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    }

    #[test]
    fn config_is_found_in_a_parent_and_globs_expand_relative_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join(CONFIG_FILE_NAME), "corpus = [\"src*/**/*.txt\", \"extra\"]\n");
        write(&root.join("src1/a/one.txt"), "x");
        write(&root.join("src2/two.txt"), "x");
        write(&root.join("src2/skip.md"), "x");
        std::fs::create_dir_all(root.join("extra")).unwrap();
        std::fs::create_dir_all(root.join("drafts/deep")).unwrap();
        let loaded = find_config(None, &root.join("drafts/deep")).unwrap();
        assert_eq!(loaded.file.as_deref(), Some(root.join(CONFIG_FILE_NAME).as_path()));
        let paths = corpus_paths(&[], &loaded, &root.join("drafts/deep")).unwrap();
        assert_eq!(paths, vec![root.join("src1/a/one.txt"), root.join("src2/two.txt"), root.join("extra")]);
    }

    #[test]
    fn missing_entries_and_empty_globs_are_errors_naming_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join(CONFIG_FILE_NAME), "corpus = [\"nothing/*.txt\"]\n");
        let loaded = find_config(None, root).unwrap();
        let err = corpus_paths(&[], &loaded, root).unwrap_err();
        assert!(err.contains("nothing/*.txt") && err.contains(CONFIG_FILE_NAME), "{err}");
        write(&root.join(CONFIG_FILE_NAME), "corpus = [\"gone\"]\n");
        let loaded = find_config(None, root).unwrap();
        assert!(corpus_paths(&[], &loaded, root).unwrap_err().contains("gone"));
    }

    #[test]
    fn without_config_the_default_corpus_folder_is_used_or_named() {
        let dir = tempfile::tempdir().unwrap();
        let none = LoadedConfig { config: Config::default(), file: None };
        assert!(corpus_paths(&[], &none, dir.path()).unwrap_err().contains("corpus"));
        std::fs::create_dir_all(dir.path().join("corpus")).unwrap();
        assert_eq!(corpus_paths(&[], &none, dir.path()).unwrap(), vec![dir.path().join("corpus")]);
        let cli = vec![PathBuf::from("given")];
        assert_eq!(corpus_paths(&cli, &none, dir.path()).unwrap(), cli);
    }

    #[test]
    fn a_bad_config_is_an_error_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        write(&f, "[rules]\nno-such-rule = \"off\"\n");
        let err = find_config(Some(&f), dir.path()).err().unwrap();
        assert!(err.contains("c.toml") && err.contains("no-such-rule"), "{err}");
        assert!(find_config(Some(&dir.path().join("absent.toml")), dir.path()).is_err());
    }
}
