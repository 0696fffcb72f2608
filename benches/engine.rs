//! `cargo bench`: corpus loading throughput and the time to check a 2,000-word draft, against
//! the seed corpus and against the seed corpus plus the Reuters and BBC distractors.
//! Needs ../shared beside the repository (as CI has it).

use copydesk::corpus::load::load_paths;
use copydesk::config::Limits;
use copydesk::facts::analyze_within;
use copydesk::text::TextKind;
use copydesk::{check_draft, Config, FactBase};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// A 2,000-word draft: the shared dev drafts, repeated under numbered headings.
fn long_draft() -> String {
    let dir = shared().join("eval/cases");
    let mut parts: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    parts.sort();
    let mut out = String::new();
    let mut round = 0;
    while out.split_whitespace().count() < 2000 && !parts.is_empty() {
        round += 1;
        for p in &parts {
            out.push_str(&format!("\n## Part {round}\n\n"));
            out.push_str(p);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let reuters = shared().join("corpus/reuters21578.jsonl");
    let seed = shared().join("corpus/istanbul-talks");
    let bbc = shared().join("corpus/bbc-news-2005.jsonl");
    let bytes = std::fs::metadata(&reuters).map(|m| m.len()).unwrap_or(0);

    let mut g = c.benchmark_group("corpus");
    g.sample_size(10).measurement_time(Duration::from_secs(60)).throughput(Throughput::Bytes(bytes));
    g.bench_function("load reuters21578.jsonl", |b| b.iter(|| load_paths(std::slice::from_ref(&reuters)).map(|l| l.docs.len())));
    g.bench_function("load + build fact base, reuters21578.jsonl", |b| {
        b.iter(|| FactBase::build(load_paths(std::slice::from_ref(&reuters)).map(|l| l.docs).unwrap_or_default()).docs.len())
    });
    g.finish();

    let draft = long_draft();
    let config = Config::default();
    let mut g = c.benchmark_group("check 2,000-word draft");
    let small = FactBase::build(load_paths(std::slice::from_ref(&seed)).map(|l| l.docs).unwrap_or_default());
    g.bench_function("seed corpus", |b| b.iter(|| check_draft(&small, &draft, &config).len()));
    let big = FactBase::build(load_paths(&[seed, reuters, bbc]).map(|l| l.docs).unwrap_or_default());
    g.sample_size(20);
    g.bench_function("seed + Reuters + BBC", |b| b.iter(|| check_draft(&big, &draft, &config).len()));
    g.finish();

    // A sentence of n times once cost n² (its clause was read again for each time); the time
    // per element at both sizes should be about the same.
    let mut g = c.benchmark_group("analyse one sentence of many times");
    g.sample_size(10);
    let no_names: std::collections::HashSet<String> = std::collections::HashSet::new();
    for n in [2_000u64, 16_000] {
        let sentence = format!("The talks began at {}.", vec!["1000 GMT"; n as usize].join(", "));
        g.throughput(Throughput::Elements(n));
        g.bench_function(format!("{n} times"), |b| b.iter(|| analyze_within(&sentence, TextKind::Markdown, &no_names, &Limits::default()).times.len()));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
