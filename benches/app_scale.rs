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

mod common;

use common::{app_frame, check_adding_a_coding, coder_codings, time_adding_a_coding};
use criterion::Criterion;
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::model::span::Span;
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
        coder_codings(&app)
    );
    let ws = app.workspace.as_ref().expect("project open");
    let code = ws.project().codebook.codes[0].id.clone();
    let text = app.document_text().expect("first document has text");
    let span = text.snap_to_words(Span::new(100, 130));
    check_adding_a_coding(&mut app, span, &code);

    let mut group = c.benchmark_group("app_scale");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    group.bench_function(format!("steady_frame_{label}"), |b| {
        b.iter(|| black_box(app_frame(&ctx, &mut app)))
    });
    group.bench_function(format!("frame_after_adding_a_coding_{label}"), |b| {
        b.iter_custom(|iters| time_adding_a_coding(&ctx, &mut app, span, &code, iters))
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
