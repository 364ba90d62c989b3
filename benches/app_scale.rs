//! The whole window at ten times the corpus: the real `SpanwiseApp` on the scale study
//! ([`Spec::scale`]: 3 coders × 30 codings per article) at 1,000 articles and, with
//! `SPANWISE_BENCH_10K=1`, at 10,000 articles (3 × 300,000 codings), so that the cost of a frame
//! can be compared between the two sizes:
//!
//! - `app_scale/steady_frame_<n>k`: a frame with nothing changed (the floor);
//! - `app_scale/frame_after_adding_a_coding_<n>k`: `apply_code` on a selection, then the next
//!   frame plus tessellation (the coding is undone, untimed, after each sample).
//!
//! `cargo bench --bench app_scale` (1,000 articles);
//! `SPANWISE_BENCH_10K=1 cargo bench --bench app_scale` adds 10,000. The studies are the cached
//! folders of `benches/scale.rs` (`target/spanwise-scale/<n>`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::Criterion;
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::model::span::Span;
use spanwise::ui::actions::Action;
use spanwise::ui::{Prefs, SpanwiseApp};

/// Set to `1` to add the 10,000-article study.
const TEN_K_ENV: &str = "SPANWISE_BENCH_10K";

/// The study folder kept between runs (shared with `benches/scale.rs`).
fn study_dir(articles: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("spanwise-scale").join(articles.to_string())
}

/// One app frame plus tessellation in a headless 1280 × 800 context. The input time stays put,
/// so the autosave (3 s after a change) never fires inside a measurement.
fn app_frame(ctx: &egui::Context, app: &mut SpanwiseApp) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(0.0),
        ..Default::default()
    };
    let out = ctx.run_ui(input, |ui| app.ui(ui));
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// The coder's codings in the open project.
fn count(app: &SpanwiseApp) -> usize {
    let ws = app.workspace.as_ref().expect("project open");
    ws.project()
        .coder(ws.coder())
        .map_or(0, |f| f.codings.len())
}

fn bench_size(c: &mut Criterion, articles: usize) {
    let spec = Spec::scale(articles);
    let root = study_dir(articles);
    synthetic::write_cached(&spec, &root).expect("write the study");
    let label = format!("{}k", articles / 1000);
    let prefs = Prefs {
        coder: Some(spec.coders[0].clone()),
        ..Prefs::default()
    };
    let t = Instant::now();
    let mut app = SpanwiseApp::new(prefs, Some(root));
    let ctx = egui::Context::default();
    for _ in 0..3 {
        app_frame(&ctx, &mut app);
    }
    println!(
        "app_scale {label}: opened and drew 3 frames in {:.2} s, {} codings of this coder",
        t.elapsed().as_secs_f64(),
        count(&app)
    );
    let ws = app.workspace.as_ref().expect("project open");
    let code = ws.project().codebook.codes[0].id.clone();
    let text = app.document_text().expect("first document has text");
    let span = text.snap_to_words(Span::new(100, 130));
    let before = count(&app);
    app.reader.select(span);
    app.apply_code(&code);
    assert_eq!(count(&app), before + 1, "the coding was added");
    app.perform(Action::Undo);
    assert_eq!(count(&app), before, "and undone");

    let mut group = c.benchmark_group("app_scale");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    group.bench_function(format!("steady_frame_{label}"), |b| {
        b.iter(|| black_box(app_frame(&ctx, &mut app)))
    });
    group.bench_function(format!("frame_after_adding_a_coding_{label}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                app.reader.select(span);
                let t = Instant::now();
                app.apply_code(&code);
                black_box(app_frame(&ctx, &mut app));
                total += t.elapsed();
                app.perform(Action::Undo);
                app_frame(&ctx, &mut app);
            }
            total
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let mut sizes = vec![1_000];
    if std::env::var(TEN_K_ENV).is_ok_and(|v| v == "1") {
        sizes.push(10_000);
    }
    for articles in sizes {
        bench_size(&mut c, articles);
    }
    c.final_summary();
}
