//! The command line: `copydesk check`, `copydesk facts`. The only module that knows about terminals.

mod human;
mod json;
mod sarif;
mod setup;

use crate::corpus::load::{self, LoadOptions};
use crate::facts::FactBase;
use crate::finding::{Finding, Severity};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub use setup::CONFIG_FILE_NAME;

pub use crate::finding::HOMEPAGE;

#[derive(Parser)]
#[command(name = "copydesk", version, about = "Fact-check a news draft against its source articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Subcommand)]
enum Command {
    /// Check drafts against the corpus.
    Check {
        /// Source files or folders (.txt, .md, .html, .jsonl); repeatable. Default: the
        /// `corpus` list of copydesk.toml, else ./corpus/.
        #[arg(long, value_name = "PATH")]
        corpus: Vec<PathBuf>,
        /// Configuration file. Default: the nearest copydesk.toml in this folder or a parent.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// human: one line per finding (coloured on a terminal); json: LSP-shaped
        /// diagnostics; sarif: SARIF 2.1.0.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Drafts to check (Markdown or plain text). Exit status: 0 clean, 1 when an error or
        /// warning is found, 2 on usage or IO errors.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Run the language server on stdin/stdout.
    Serve {
        /// Accepted and ignored: editors pass it, stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Print the facts extracted from a file as JSON.
    Facts {
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        file: PathBuf,
    },
}

/// Runs the CLI and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Check { corpus, config, format, files } => match check(&corpus, config.as_deref(), format, &files) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("copydesk: {e}");
                2
            }
        },
        Command::Serve { stdio: _ } => crate::lsp::serve(),
        Command::Facts { format: _, file } => {
            let Ok(text) = std::fs::read_to_string(&file) else {
                eprintln!("copydesk: cannot read {}", file.display());
                return 2;
            };
            let kind = if file.extension().is_some_and(|e| e == "txt") { crate::text::TextKind::Plain } else { crate::text::TextKind::Markdown };
            let facts = crate::extract::document_facts(&text, kind);
            println!("{}", serde_json::to_string_pretty(&facts).unwrap_or_default());
            0
        }
    }
}

fn read_draft(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("draft not found: {}", path.display()),
        _ => format!("cannot read draft {}: {e}", path.display()),
    })?;
    String::from_utf8(bytes).map_err(|_| format!("draft {} is not valid UTF-8", path.display()))
}

/// `copydesk check`. `Err` is a usage or IO problem (exit 2).
fn check(corpus: &[PathBuf], config: Option<&Path>, format: Format, files: &[PathBuf]) -> Result<i32, String> {
    // Drafts first: a typo in a draft name should not wait for a large corpus to load.
    let drafts: Vec<(&PathBuf, String)> = files.iter().map(|f| read_draft(f).map(|t| (f, t))).collect::<Result<_, _>>()?;
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let loaded_config = setup::find_config(config, &cwd)?;
    let paths = setup::corpus_paths(corpus, &loaded_config, &cwd)?;

    let mut loaded = load_with_progress(&paths, &LoadOptions::from_limits(&loaded_config.config.limits()))?;
    for w in &loaded.warnings {
        eprintln!("copydesk: skipped {}: {}", w.path.display(), w.message);
    }
    // A draft saved inside the corpus folder would otherwise confirm itself.
    let draft_paths: Vec<PathBuf> = files.iter().filter_map(|f| std::fs::canonicalize(f).ok()).collect();
    loaded.docs.retain(|d| !draft_paths.iter().any(|p| Path::new(&d.path) == p));
    if loaded.docs.is_empty() {
        eprintln!("copydesk: warning: the corpus has no readable source articles; nothing can be confirmed");
    }

    let facts = FactBase::build(loaded.docs);
    let results: Vec<(&PathBuf, &str, Vec<Finding>)> = drafts
        .iter()
        .map(|(path, text)| (*path, text.as_str(), crate::check::check_draft(&facts, text, &loaded_config.config)))
        .collect();

    let stdout = std::io::stdout();
    let written = match format {
        Format::Human => {
            let mut out = anstream::AutoStream::auto(stdout.lock());
            results.iter().try_for_each(|(p, t, f)| human::write_file(&mut out, p, t, f, &facts)).and_then(|_| out.flush())
        }
        Format::Json => {
            let entries: Vec<_> = results.iter().map(|(p, t, f)| json::file_entry(p, t, f, &facts)).collect();
            write_json(&serde_json::Value::Array(entries))
        }
        Format::Sarif => {
            let checked: Vec<sarif::Checked> =
                results.iter().map(|(p, t, f)| sarif::Checked { path: p, text: t, findings: f }).collect();
            write_json(&sarif::report(&checked, &facts))
        }
    };
    if let Err(e) = written {
        // A closed pipe (`| head`) is the reader's choice, not a failure to report.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(format!("cannot write output: {e}"));
        }
    }
    let all: Vec<Finding> = results.into_iter().flat_map(|(_, _, f)| f).collect();
    if matches!(format, Format::Human) {
        eprintln!("{}", human::summary(&all, files.len()));
    }
    let failing = all.iter().any(|f| matches!(f.severity, Severity::Error | Severity::Warning));
    Ok(if failing { 1 } else { 0 })
}

fn write_json(v: &serde_json::Value) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v).map_err(std::io::Error::from)?;
    writeln!(out)?;
    out.flush()
}

/// Loads the corpus, with a progress bar on a terminal when it is large enough to wait for.
fn load_with_progress(paths: &[PathBuf], options: &LoadOptions) -> Result<load::Loaded, String> {
    const SHOW_ABOVE_BYTES: u64 = 8 * 1024 * 1024;
    if !std::io::stderr().is_terminal() {
        return load::load_paths_with(paths, options);
    }
    let mut bar: Option<indicatif::ProgressBar> = None;
    let result = load::load_paths_with_progress(paths, options, &mut |done, total| {
        if bar.is_none() && total >= SHOW_ABOVE_BYTES {
            let b = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template("loading corpus {bar:30} {bytes}/{total_bytes}") {
                b.set_style(style);
            }
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(done);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    result
}
