//! Reading corpus files from disk. The only IO of the corpus.

use super::{clean, path_to_uri, Origin, SourceDoc};
use crate::text::LineIndex;
use std::path::{Path, PathBuf};

/// Something skipped while loading, named so the writer can act on it.
#[derive(Debug, Clone)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<SourceDoc>,
    pub warnings: Vec<LoadWarning>,
}

/// Load every supported file under `paths` (files or folders, recursively).
/// A path that does not exist is an error; a bad file inside a folder is a warning.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, String> {
    let mut loaded = Loaded::default();
    for p in paths {
        if !p.exists() {
            return Err(format!("corpus path not found: {}", p.display()));
        }
        walk(p, &mut loaded);
    }
    Ok(loaded)
}

fn walk(p: &Path, out: &mut Loaded) {
    if p.is_dir() {
        let Ok(rd) = std::fs::read_dir(p) else { return };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
        return;
    }
    let Ok(bytes) = std::fs::read(p) else { return };
    let Ok(raw) = String::from_utf8(bytes) else { return };
    let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let path = abs.to_string_lossy().to_string();
    let text = clean::clean_plain(&raw);
    out.docs.push(SourceDoc {
        uri: path_to_uri(&path),
        label: p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
        path,
        meta: Default::default(),
        origin: Origin::Same(LineIndex::new(&text)),
        text,
    });
}
