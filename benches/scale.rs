//! Ten times the corpus: the same figures on the scale study ([`Spec::scale`]) at 1,000 articles
//! (5 MB of text, 3 coders × 30,000 codings) and, with `SPANWISE_BENCH_10K=1`, at 10,000
//! articles (50 MB, 3 × 300,000 codings), so the growth of each cost with the corpus shows:
//!
//! - `scale_open`: opening the project to a loaded workspace (`Workspace::open_for_coding`), and
//!   its peak memory (printed; measured in a child process);
//! - `scale_agreement`: αU + κ + F1 between the three coders, per code;
//! - `scale_search`: folding the corpus for search (once per set of options), the first page of
//!   hits of a frequent word, and a word that is nowhere (the whole corpus scanned);
//! - `scale_export`: CSV and `.qdpx` streamed to a file, and the peak memory of each (printed;
//!   child process): the rise over the opened project's memory shows whether it stays flat;
//! - `scale_import`: importing that `.qdpx` as a new project.
//!
//! `cargo bench --bench scale` (1,000 articles); `SPANWISE_BENCH_10K=1 cargo bench --bench scale`
//! adds the 10,000 articles. The projects are generated once into `target/spanwise-scale/` and
//! reused while unchanged (see `synthetic::write_cached`).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BenchmarkGroup, Criterion, SamplingMode, measurement::WallTime};
use spanwise::analysis::agreement::{self, Grouping};
use spanwise::analysis::search::{CorpusSearch, SearchOptions};
use spanwise::edit::workspace::Workspace;
use spanwise::exchange::qdpx_import::import_qdpx;
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::exchange::{ExportFormat, export_to_file};
use spanwise::model::project::Project;
use spanwise::storage;

/// Set to `1` to add the 10,000-article study.
const TEN_K_ENV: &str = "SPANWISE_BENCH_10K";
/// Child mode: `open|csv|qdpx` and the project folder, separated by a newline.
const CHILD_ENV: &str = "SPANWISE_BENCH_SCALE_CHILD";
/// A word of the generator's vocabulary (frequent) and one it never writes.
const FREQUENT: &str = "datenschutz";
const NOWHERE: &str = "Quantencomputer";
/// The hits the search panel shows first.
const FIRST_PAGE: usize = 100;

/// The study folder kept between runs.
fn study_dir(articles: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("spanwise-scale").join(articles.to_string())
}

/// A study on disk and loaded.
struct Study {
    label: String,
    spec: Spec,
    root: PathBuf,
    out: PathBuf,
    project: Project,
}

impl Study {
    fn new(articles: usize) -> Self {
        let spec = Spec::scale(articles);
        let root = study_dir(articles);
        let t = Instant::now();
        if synthetic::write_cached(&spec, &root).expect("write the study") {
            println!(
                "scale: generated {} in {:.1} s",
                root.display(),
                t.elapsed().as_secs_f64()
            );
        }
        let out = root.with_file_name(format!("{articles}-out"));
        std::fs::create_dir_all(&out).expect("output folder");
        let project = storage::load_project(&root).expect("load the study");
        assert!(project.problems.is_empty(), "{:?}", project.problems);
        assert_eq!(
            codings(&project),
            spec.coders.len() * spec.codings_per_coder
        );
        Self {
            label: format!("{}k", articles / 1000),
            spec,
            root,
            out,
            project,
        }
    }

    fn export_path(&self, format: ExportFormat) -> PathBuf {
        self.out.join(format!("export.{}", format.extension()))
    }
}

fn codings(project: &Project) -> usize {
    project.coders.values().map(|f| f.codings.len()).sum()
}

fn group<'a>(c: &'a mut Criterion, name: &str, seconds: u64) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(seconds));
    group
}

fn open(c: &mut Criterion, s: &Study) {
    let mut g = group(c, "scale_open", 10);
    let coder = &s.spec.coders[0];
    g.bench_function(format!("workspace_{}", s.label), |b| {
        b.iter(|| black_box(Workspace::open_for_coding(&s.root, coder).expect("open")))
    });
    g.finish();
}

fn agreement(c: &mut Criterion, s: &Study) {
    let mut g = group(c, "scale_agreement", 10);
    let coders = s.project.coder_names();
    g.bench_function(format!("alpha_u_kappa_f1_{}", s.label), |b| {
        b.iter(|| {
            black_box(agreement::compute(&s.project, &coders, Grouping::Code).expect("agreement"))
        })
    });
    g.finish();
}

fn search(c: &mut Criterion, s: &Study) {
    let mut g = group(c, "scale_search", 5);
    let options = SearchOptions::default();
    g.bench_function(format!("fold_corpus_{}", s.label), |b| {
        b.iter(|| black_box(CorpusSearch::new(&s.project.corpus, options)))
    });
    let index = CorpusSearch::new(&s.project.corpus, options);
    assert_eq!(index.hits(FREQUENT, 40, FIRST_PAGE).len(), FIRST_PAGE);
    assert!(index.search(NOWHERE, 40).is_empty());
    g.sampling_mode(SamplingMode::Auto);
    g.bench_function(format!("first_page_of_a_frequent_word_{}", s.label), |b| {
        b.iter(|| black_box(index.hits(FREQUENT, 40, FIRST_PAGE)))
    });
    g.bench_function(format!("word_that_is_nowhere_{}", s.label), |b| {
        b.iter(|| black_box(index.search(NOWHERE, 40)))
    });
    g.finish();
}

fn exports(c: &mut Criterion, s: &Study) {
    let mut g = group(c, "scale_export", 20);
    let n = codings(&s.project);
    for format in [ExportFormat::Csv, ExportFormat::Qdpx] {
        let path = s.export_path(format);
        g.bench_function(format!("{}_{}", format.name(), s.label), |b| {
            b.iter(|| {
                let written = export_to_file(&s.project, format, &[], &path).expect("export");
                assert_eq!(written, n);
            })
        });
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        println!(
            "scale_export/{}_{}: {:.1} MB written",
            format.name(),
            s.label,
            size as f64 / 1e6
        );
    }
    g.finish();
}

fn import(c: &mut Criterion, s: &Study) {
    let mut g = group(c, "scale_import", 20);
    let file = s.export_path(ExportFormat::Qdpx);
    if !file.exists() {
        export_to_file(&s.project, ExportFormat::Qdpx, &[], &file).expect("export");
    }
    let dest = s.out.join("imported");
    g.bench_function(format!("qdpx_{}", s.label), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let _ = std::fs::remove_dir_all(&dest);
                let t = Instant::now();
                let report = import_qdpx(&file, &dest).expect("import");
                total += t.elapsed();
                assert_eq!(report.codings, codings(&s.project));
            }
            total
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dest);
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

/// Child mode: open the study (and export it), printing the peak RSS after each step.
fn child(what: &str, root: &Path) {
    let ws = Workspace::open_for_coding(root, "coder1").expect("open");
    let opened = peak_rss_kib();
    let format = match what {
        "csv" => Some(ExportFormat::Csv),
        "qdpx" => Some(ExportFormat::Qdpx),
        _ => None,
    };
    let exported = format.map_or(opened, |f| {
        let out = root.with_file_name("child-export");
        export_to_file(ws.project(), f, &[], &out).expect("export");
        let _ = std::fs::remove_file(&out);
        peak_rss_kib()
    });
    println!("{opened} {exported}");
}

fn peak_rss(s: &Study) {
    for what in ["open", "csv", "qdpx"] {
        let out = std::process::Command::new(std::env::current_exe().expect("own path"))
            .env(CHILD_ENV, format!("{what}\n{}", s.root.display()))
            .output()
            .expect("run child");
        let line = String::from_utf8_lossy(&out.stdout);
        let v: Vec<u64> = line
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        assert!(out.status.success() && v.len() == 2, "child failed: {line}");
        let mib = |k: u64| k as f64 / 1024.0;
        match what {
            "open" => println!(
                "scale_open/peak_rss_{}: {:.1} MiB after opening (target ≤ 1 GB at 10k)",
                s.label,
                mib(v[0])
            ),
            _ => println!(
                "scale_export/peak_rss_{what}_{}: {:.1} MiB after opening, {:.1} MiB after \
                 exporting (+{:.1} MiB)",
                s.label,
                mib(v[0]),
                mib(v[1]),
                mib(v[1] - v[0])
            ),
        }
    }
}

fn main() {
    if let Ok(child_args) = std::env::var(CHILD_ENV) {
        let (what, root) = child_args.split_once('\n').expect("what and folder");
        child(what, Path::new(root));
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    let mut sizes = vec![1_000];
    if std::env::var(TEN_K_ENV).is_ok_and(|v| v == "1") {
        sizes.push(10_000);
    }
    for articles in sizes {
        let study = Study::new(articles);
        peak_rss(&study);
        open(&mut c, &study);
        agreement(&mut c, &study);
        search(&mut c, &study);
        exports(&mut c, &study);
        import(&mut c, &study);
    }
    c.final_summary();
}
