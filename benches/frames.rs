//! The longest frame while long work runs (issue 16, point 3): on the scale study at 1,000
//! articles ([`Spec::scale`]: 5 MB of text, 3 coders × 30,000 codings), each benchmark starts
//! one action in a frame and draws frames until the app is idle again, and reports the longest
//! of those frames (criterion's time per iteration is that longest frame):
//!
//! - `frames/ctrl_s`: a coding added, then Ctrl+S (snapshot on the UI thread, write on a worker);
//! - `frames/export_csv`: File → Export as CSV of all 90,000 codings (a job);
//! - `frames/search`: a new query in the search panel (a job over more than 1 MB of text);
//! - `frames/switch_to_review`: entering review mode (the coders compared by a job; the agreement
//!   figures on their own thread).
//!
//! `cargo bench --bench frames`

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

mod common;

use common::app_frame;
use criterion::Criterion;
use spanwise::exchange::ExportFormat;
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::model::span::Span;
use spanwise::ui::actions::Action;
use spanwise::ui::{Prefs, SpanwiseApp};

/// Words the generator writes often, searched in turn so each query is new.
const QUERIES: [&str; 3] = ["datenschutz", "regierung", "kommune"];

/// Runs `start` inside a timed frame, then draws frames until the app is idle; returns the
/// longest frame (the first one included).
fn longest_frame(
    ctx: &egui::Context,
    app: &mut SpanwiseApp,
    start: impl FnOnce(&mut SpanwiseApp),
) -> Duration {
    let t = Instant::now();
    start(app);
    black_box(app_frame(ctx, app));
    let mut longest = t.elapsed();
    let deadline = Instant::now() + Duration::from_secs(120);
    while app.busy() {
        assert!(Instant::now() < deadline, "the app stayed busy");
        std::thread::sleep(Duration::from_millis(2));
        let t = Instant::now();
        black_box(app_frame(ctx, app));
        longest = longest.max(t.elapsed());
    }
    longest
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("scale-1000");
    synthetic::write(&Spec::scale(1000), &root).expect("write the study");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).expect("output folder");
    let prefs = Prefs {
        coder: Some("coder1".into()),
        ..Prefs::default()
    };
    let mut app = SpanwiseApp::new(prefs, Some(root.clone()));
    let ctx = egui::Context::default();
    for _ in 0..3 {
        app_frame(&ctx, &mut app);
    }
    let code = app
        .workspace
        .as_ref()
        .expect("project open")
        .project()
        .codebook
        .codes[0]
        .id
        .clone();
    let text = app.document_text().expect("first document has text");
    let span = text.snap_to_words(Span::new(100, 130));

    let mut group = c.benchmark_group("frames");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("ctrl_s_1000_articles_3x30k", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    app.reader.select(span);
                    app.apply_code(&code);
                    app_frame(&ctx, &mut app);
                    longest_frame(&ctx, &mut app, |app| app.perform(Action::Save))
                })
                .sum()
        })
    });
    let csv = out.join("all.csv");
    group.bench_function("export_csv_1000_articles_3x30k", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    longest_frame(&ctx, &mut app, |app| {
                        app.export_to(&csv, ExportFormat::Csv, &[]);
                    })
                })
                .sum()
        })
    });
    app.search.open();
    let mut n = 0;
    group.bench_function("search_1000_articles", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    n += 1;
                    longest_frame(&ctx, &mut app, |app| {
                        app.search.query = QUERIES[n % QUERIES.len()].to_string();
                    })
                })
                .sum()
        })
    });
    app.search.open = false;
    app.review.figures.include_unfinished = true;
    group.bench_function("switch_to_review_1000_articles_3x30k", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    let longest = longest_frame(&ctx, &mut app, |app| app.toggle_review());
                    // back to coding; a coding and its undo make the next comparison new
                    app.toggle_review();
                    app.reader.select(span);
                    app.apply_code(&code);
                    app.perform(Action::Undo);
                    app_frame(&ctx, &mut app);
                    longest
                })
                .sum()
        })
    });
    group.finish();
    assert!(Path::new(&csv).is_file(), "the export was written");
    c.final_summary();
}
