//! Project-scale benchmarks on a synthetic corpus of 1,000 articles (5 KB each) with two coders ×
//! 50,000 codings, generated once per run into a temporary folder: opening it
//! (`storage::load_project`) and its peak memory, saving one coder's 50,000 codings atomically
//! (`storage::save_coder`), αU + κ + F1 between the two coders (`agreement::compute`), every export of the 100,000 codings, and the whole app's frame right
//! after a coding is added on that project (headless egui pass plus tessellation).
//!
//! `cargo bench --bench project`
//!
//! Peak memory is measured in a child process (this binary, re-run with
//! `SPANWISE_BENCH_PEAK_RSS_OF=<project folder>`) that only opens the project and prints its
//! `VmHWM` from `/proc/self/status`, so the fixture generation here does not count.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;

use common::{app_frame, check_adding_a_coding, time_adding_a_coding};
use criterion::{Criterion, SamplingMode};
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::exchange::{self, ExportFormat};
use spanwise::model::project::Project;
use spanwise::model::span::Span;
use spanwise::storage;
use spanwise::ui::{Prefs, SpanwiseApp};

const PEAK_RSS_ENV: &str = "SPANWISE_BENCH_PEAK_RSS_OF";

/// The corpus every benchmark here runs on.
fn corpus_spec() -> Spec {
    Spec::new(2024, 1_000, 5_000, 2, 50_000)
}

/// The generated project folder and the project as loaded from it.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    project: Project,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("corpus-1000");
        synthetic::write(&corpus_spec(), &root).expect("write fixture");
        let project = storage::load_project(&root).expect("load fixture");
        assert_eq!(codings(&project), 100_000);
        Self {
            _dir: dir,
            root,
            project,
        }
    }
}

fn codings(project: &Project) -> usize {
    project.coders.values().map(|f| f.codings.len()).sum()
}

/// `VmHWM` (peak resident set size) of this process in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

/// Child mode: open the project, print the peak RSS before and after.
fn peak_rss_child(root: &Path) {
    let before = peak_rss_kib();
    let project = storage::load_project(root).expect("load");
    let after = peak_rss_kib();
    println!("{before} {after} {}", codings(&project));
}

fn peak_rss(fx: &Fixture) {
    let out = std::process::Command::new(std::env::current_exe().expect("own path"))
        .env(PEAK_RSS_ENV, &fx.root)
        .output()
        .expect("run child");
    let line = String::from_utf8_lossy(&out.stdout);
    let v: Vec<u64> = line
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    assert!(out.status.success() && v.len() == 3, "child failed: {line}");
    println!(
        "open_project/peak_rss: {:.1} MiB peak RSS after opening {} codings ({:.1} MiB before opening; target ≤ 300 MB)",
        v[1] as f64 / 1024.0,
        v[2],
        v[0] as f64 / 1024.0
    );
}

fn open(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group("open_project");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("1000_articles_2x50k_codings", |b| {
        b.iter(|| black_box(storage::load_project(&fx.root).expect("load")))
    });
    group.finish();
}

fn save(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group("save_coder");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(5));
    let coder = fx.project.coder_names()[0].clone();
    group.bench_function("50k_codings_atomic", |b| {
        b.iter(|| black_box(storage::save_coder(&fx.project, &coder).expect("save")))
    });
    group.finish();
}

fn agreement(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group("agreement");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(5));
    let coders = fx.project.coder_names();
    group.bench_function("alpha_u_kappa_f1_1000_articles_2x50k", |b| {
        b.iter(|| {
            black_box(
                // The synthetic coders mark no document done: count every document.
                spanwise::analysis::agreement::compute_with(
                    &fx.project,
                    &coders,
                    &spanwise::analysis::agreement::Options::all_documents(
                        spanwise::analysis::agreement::Grouping::Code,
                    ),
                )
                .expect("agreement"),
            )
        })
    });
    group.finish();
}

fn exports(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group("export_100k_codings");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(6));
    for format in ExportFormat::ALL {
        group.bench_function(format.name(), |b| {
            b.iter(|| {
                let out = exchange::export(&fx.project, format, &[]).expect("export");
                assert_eq!(out.codings, 100_000);
                black_box(out.bytes.len())
            })
        });
    }
    group.finish();
}

fn app_after_adding_a_coding(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group("app");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    let coder = fx.project.coder_names()[0].clone();
    let prefs = Prefs {
        coder: Some(coder),
        ..Prefs::default()
    };
    let mut app = SpanwiseApp::new(prefs, Some(fx.root.clone()));
    let ctx = egui::Context::default();
    for _ in 0..3 {
        app_frame(&ctx, &mut app);
    }
    let code = fx.project.codebook.codes[0].id.clone();
    let text = app.document_text().expect("first document has text");
    let span = text.snap_to_words(Span::new(100, 130));
    check_adding_a_coding(&mut app, span, &code);
    group.bench_function("frame_after_adding_a_coding_1000_articles_2x50k", |b| {
        b.iter_custom(|iters| time_adding_a_coding(&ctx, &mut app, span, &code, iters))
    });
    group.finish();
}

fn main() {
    if let Some(root) = std::env::var_os(PEAK_RSS_ENV) {
        peak_rss_child(Path::new(&root));
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    let fx = Fixture::new();
    peak_rss(&fx);
    open(&mut c, &fx);
    save(&mut c, &fx);
    agreement(&mut c, &fx);
    exports(&mut c, &fx);
    app_after_adding_a_coding(&mut c, &fx);
    c.final_summary();
}
