//! What the app benchmarks share: a headless frame of the whole window, and the timed loop of
//! "add a coding, draw the next frame" (the coding undone, untimed, after each sample).
#![allow(dead_code)] // each bench uses the part it needs

use std::hint::black_box;
use std::time::{Duration, Instant};

use spanwise::model::codebook::CodeId;
use spanwise::model::span::Span;
use spanwise::ui::SpanwiseApp;
use spanwise::ui::actions::Action;

/// One app frame plus tessellation in a headless 1280 × 800 context, at a fixed input time (so
/// the autosave, 3 s after a change, never fires inside a measurement).
pub fn app_frame(ctx: &egui::Context, app: &mut SpanwiseApp) -> usize {
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

/// The open coder's codings in the open project.
pub fn coder_codings(app: &SpanwiseApp) -> usize {
    let ws = app.workspace.as_ref().expect("project open");
    ws.project()
        .coder(ws.coder())
        .map_or(0, |f| f.codings.len())
}

/// Checks once that coding `span` as `code` adds a coding and undo removes it.
pub fn check_adding_a_coding(app: &mut SpanwiseApp, span: Span, code: &CodeId) {
    let before = coder_codings(app);
    app.reader.select(span);
    app.apply_code(code);
    assert_eq!(coder_codings(app), before + 1, "the coding was added");
    app.perform(Action::Undo);
    assert_eq!(coder_codings(app), before, "and undone");
}

/// `iters` times: select `span`, code it as `code` and draw the next frame (timed), then undo
/// and draw a frame (untimed). For criterion's `iter_custom`.
pub fn time_adding_a_coding(
    ctx: &egui::Context,
    app: &mut SpanwiseApp,
    span: Span,
    code: &CodeId,
    iters: u64,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        app.reader.select(span);
        let t = Instant::now();
        app.apply_code(code);
        black_box(app_frame(ctx, app));
        total += t.elapsed();
        app.perform(Action::Undo);
        app_frame(ctx, app);
    }
    total
}
