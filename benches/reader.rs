//! Reader and start-up benchmarks: one headless egui pass plus CPU tessellation (no window, no
//! GPU), on a 1 MB article with 10,000 codings scrolled to the middle against a 5 KB article with
//! the same density of codings (50) (the steady frame); a pass right after a coding is added
//! (with the `HighlightIndex` rebuilt as the app does on a revision change); the first frame of
//! a freshly opened 1 MB and 10 MB article (fresh egui context, so no glyph or galley is cached);
//! switching to another 1 MB article in a running window (glyphs cached, paragraphs not);
//! the frame after the window width changes, in the middle of a 1 MB article; and start-up to the
//! first frame of the app on the bundled project.
//!
//! `cargo bench --bench reader`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use spanwise::exchange::synthetic::{self, Spec};
use spanwise::model::coding::{Coding, CodingId};
use spanwise::model::project::Project;
use spanwise::model::span::Span;
use spanwise::model::text::DocText;
use spanwise::ui::highlights::HighlightIndex;
use spanwise::ui::reader::{Reader, ReaderContext};
use spanwise::ui::{Prefs, SpanwiseApp};

/// The window the frames are drawn for.
const SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn input(time: f64, screen: egui::Vec2) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, screen)),
        time: Some(time),
        ..Default::default()
    }
}

/// One pass plus tessellation; returns the number of vertices (to show what was drawn, and so
/// nothing is optimised away).
fn frame(ctx: &egui::Context, time: f64, ui: impl FnMut(&mut egui::Ui)) -> usize {
    frame_at(ctx, time, SCREEN, ui)
}

/// [`frame`] in a window of another size.
fn frame_at(
    ctx: &egui::Context,
    time: f64,
    screen: egui::Vec2,
    mut ui: impl FnMut(&mut egui::Ui),
) -> usize {
    let out = ctx.run_ui(input(time, screen), |root| ui(root));
    ctx.tessellate(out.shapes, out.pixels_per_point)
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// A one-document project, its reader and a headless egui context.
struct ReaderFixture {
    project: Project,
    text: DocText,
    doc_id: String,
    coder: String,
    highlights: HighlightIndex,
    reader: Reader,
    ctx: egui::Context,
    prefs: Prefs,
    time: f64,
    screen: egui::Vec2,
}

impl ReaderFixture {
    fn new(bytes: usize, codings: usize) -> Self {
        Self::with_seed(42, bytes, codings)
    }

    /// A fixture whose article is generated from `seed` (another seed, another text).
    fn with_seed(seed: u64, bytes: usize, codings: usize) -> Self {
        let project =
            synthetic::generate(&Spec::new(seed, 1, bytes, 1, codings), "synthetic".as_ref());
        let doc = &project.corpus.documents[0];
        let text = doc.text.clone().expect("generated text");
        let coder = project.coder_names()[0].clone();
        let mut fx = Self {
            doc_id: doc.meta.id.0.clone(),
            text,
            coder,
            highlights: HighlightIndex::default(),
            reader: Reader::default(),
            ctx: egui::Context::default(),
            prefs: Prefs::default(),
            time: 0.0,
            screen: SCREEN,
            project,
        };
        fx.rebuild_highlights();
        fx
    }

    /// As `SpanwiseApp::refresh_derived` does after every change of the workspace revision.
    fn rebuild_highlights(&mut self) {
        let codings = &self.project.coder(&self.coder).expect("coder").codings;
        self.highlights = HighlightIndex::new(
            codings.iter().filter(|c| c.document.0 == self.doc_id),
            &self.project.codebook,
        );
    }

    fn pass(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let cx = ReaderContext {
            doc_id: &self.doc_id,
            text: &self.text,
            highlights: &self.highlights,
            selected: None,
            max_line_em: self.prefs.max_line_em,
            font_size: self.prefs.font_size,
            stripes: self.prefs.show_stripes,
        };
        let reader = &mut self.reader;
        frame_at(&self.ctx, self.time, self.screen, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                reader.ui(ui, &cx);
            });
        })
    }

    /// Scrolls to the middle of the article and lets layout and scrolling settle.
    fn scroll_to_middle(&mut self) {
        self.reader.scroll_to(self.text.char_len() / 2);
        let mut vertices = 0;
        for _ in 0..4 {
            vertices = self.pass();
        }
        let mid = self.text.char_len() / 2;
        assert!(
            self.reader.screen_pos_of(mid).is_some(),
            "the middle of the article is on screen"
        );
        println!(
            "reader: {} chars, {} codings, {vertices} vertices on screen",
            self.text.char_len(),
            self.highlights.len()
        );
    }

    /// A coding like one a coder makes in the middle of the article.
    fn new_coding(&self) -> Coding {
        let file = self.project.coder(&self.coder).expect("coder");
        let mid = self.text.char_len() / 2;
        let span = self.text.snap_to_words(Span::new(mid, mid + 30));
        Coding {
            id: CodingId(file.next_id().0),
            document: self.project.corpus.documents[0].meta.id.clone(),
            code: self.project.codebook.codes[0].id.clone(),
            start: span.start,
            end: span.end,
            quote: self.text.slice(span).expect("in text").to_string(),
            memo: String::new(),
            attributes: Default::default(),
            created: "2024-05-01T12:00:00Z".into(),
            modified: "2024-05-01T12:00:00Z".into(),
        }
    }
}

fn reader_passes(c: &mut Criterion) {
    let mut group = c.benchmark_group("reader");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    for (name, bytes, codings) in [
        ("5kb_50_codings", 5_000, 50),
        ("1mb_10k_codings", 1_000_000, 10_000),
    ] {
        let mut fx = ReaderFixture::new(bytes, codings);
        fx.scroll_to_middle();
        group.bench_function(format!("pass_{name}"), |b| b.iter(|| black_box(fx.pass())));
    }
    let mut fx = ReaderFixture::new(1_000_000, 10_000);
    fx.scroll_to_middle();
    let coder = fx.coder.clone();
    group.bench_function("pass_after_adding_a_coding_1mb", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let coding = fx.new_coding();
                let t = Instant::now();
                fx.project.coder_mut(&coder).codings.push(coding);
                fx.rebuild_highlights();
                black_box(fx.pass());
                total += t.elapsed();
                fx.project.coder_mut(&coder).codings.pop();
            }
            total
        })
    });
    group.finish();
}

fn reader_first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("reader");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, bytes, codings) in [("1mb", 1_000_000, 10_000), ("10mb", 10_000_000, 100_000)] {
        let mut fx = ReaderFixture::new(bytes, codings);
        group.bench_function(format!("first_frame_of_{name}_article"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // A fresh context too, so no glyph or paragraph galley is cached from the
                    // last iteration, and a fresh reader (no remembered place).
                    fx.ctx = egui::Context::default();
                    frame(&fx.ctx, 0.0, |_| {});
                    fx.reader = Reader::default();
                    let t = Instant::now();
                    black_box(fx.pass());
                    total += t.elapsed();
                }
                total
            })
        });
        let (measured, paragraphs) = fx.reader.measured_paragraphs();
        println!("{name}: {measured} of {paragraphs} paragraphs laid out in the first frame");
    }
    group.finish();
}

/// Switching from one 1 MB article to another in a running window: the egui context (and its
/// glyph atlas) stays, the reader opens the other article fresh. Two articles alternate, so the
/// paragraphs laid out in the last frame are never the ones asked for (egui drops galleys not
/// used in the frame before), as when an analyst opens the next article.
fn reader_switch(c: &mut Criterion) {
    let mut group = c.benchmark_group("reader");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let mut fixtures = [
        ReaderFixture::with_seed(42, 1_000_000, 10_000),
        ReaderFixture::with_seed(43, 1_000_000, 10_000),
    ];
    fixtures[1].ctx = fixtures[0].ctx.clone();
    let mut next = 0;
    for _ in 0..4 {
        fixtures[next].time = fixtures[0].time.max(fixtures[1].time);
        fixtures[next].pass();
        next = 1 - next;
    }
    group.bench_function("switch_to_another_1mb_article", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // one clock for the shared context
                let now = fixtures[0].time.max(fixtures[1].time);
                let fx = &mut fixtures[next];
                next = 1 - next;
                fx.time = now;
                fx.reader = Reader::default();
                let t = Instant::now();
                black_box(fx.pass());
                total += t.elapsed();
            }
            total
        })
    });
    group.finish();
}

fn reader_width_change(c: &mut Criterion) {
    let mut group = c.benchmark_group("reader");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    // Narrow windows, so the column (capped at the readable line length) follows the width.
    let widths = [egui::vec2(560.0, 800.0), egui::vec2(520.0, 800.0)];
    let mut fx = ReaderFixture::new(1_000_000, 10_000);
    fx.screen = widths[0];
    fx.scroll_to_middle();
    let mut next = 1;
    group.bench_function("width_change_1mb", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                fx.screen = widths[next];
                next = 1 - next;
                let t = Instant::now();
                black_box(fx.pass());
                total += t.elapsed();
            }
            total
        })
    });
    let (measured, paragraphs) = fx.reader.measured_paragraphs();
    println!("width change: {measured} of {paragraphs} paragraphs laid out at the last width");
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let bundled = spanwise::storage::bundled::source_tree_path();
    group.bench_function("first_frame_bundled_project", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut app = SpanwiseApp::new(Prefs::default(), Some(bundled.clone()));
            black_box(frame(&ctx, 0.0, |ui| app.ui(ui)))
        })
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    reader_passes(&mut c);
    reader_first_frame(&mut c);
    reader_switch(&mut c);
    reader_width_change(&mut c);
    startup(&mut c);
    c.final_summary();
}
