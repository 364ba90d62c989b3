//! Every character of a corpus renders: emoji, flags, skin tones, German quotes, no-break spaces
//! and symbols in an article all have a glyph in the app's fonts, in the reader's proportional
//! font and in the monospace one, so the analyst never codes a box ("tofu").
#![cfg(feature = "gui")]

mod common;

use common::{bundled_copy, harness, open_document};
use egui::{FontFamily, FontId, vec2};
use egui_kittest::Harness;
use spanwise::ui::{Prefs, SpanwiseApp};
use std::path::Path;

/// An article as a news site quotes a post: emoji with a skin tone, a flag (two regional
/// indicators), „…“ quotes, no-break spaces before units, and symbols.
const ARTICLE: &str = "Stadt 🙂 freut sich über 👍🏽 und 🇩🇪\n\n\
    „Wir sind bereit“, sagte der Sprecher.\u{a0}Die Kosten: 12\u{a0}Mio.\u{a0}€ → geprüft ✓\n\
    Warnung ⚠ und Bewertung ★★★☆☆ per ☎.\n\
    Trend ↗, Anteil ≈ 40\u{202f}%, Ziel ≙ 2030.\n";

/// The characters of `text` that no font of `ctx` can draw, with the family that lacks them.
fn missing_glyphs(ctx: &egui::Context, text: &str) -> Vec<(char, FontFamily)> {
    let mut missing = Vec::new();
    ctx.fonts_mut(|fonts| {
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let font = FontId::new(17.0, family.clone());
            for c in text.chars().filter(|c| !c.is_control()) {
                if !fonts.has_glyph(&font, c) && !missing.contains(&(c, family.clone())) {
                    missing.push((c, family.clone()));
                }
            }
        }
    });
    missing
}

/// A new project whose one article is `text`, made as a user makes one from a folder of texts.
fn project_with(text: &str) -> tempfile::TempDir {
    let src = tempfile::tempdir().unwrap();
    std::fs::write(src.path().join("post.txt"), text).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let report = spanwise::storage::create::project_from_texts(src.path(), dest.path()).unwrap();
    assert_eq!(report.added, 1);
    dest
}

/// The app on `project`, drawing tofu instead of panicking, so that the assertions below name
/// every missing character at once.
fn tofu_harness(project: &Path) -> Harness<'static, SpanwiseApp> {
    let prefs = Prefs {
        coder: Some("anna".into()),
        language: spanwise::ui::i18n::LanguageChoice::English,
        ..Prefs::default()
    };
    let app = SpanwiseApp::new(prefs, Some(project.to_path_buf()));
    let mut h = Harness::builder()
        .with_max_steps(8)
        .with_size(vec2(1400.0, 1000.0))
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut SpanwiseApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn egui_alone_lacks_some_characters_of_the_article() {
    // Guard: without the app's fallback fonts the check below has something to find.
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let missing = missing_glyphs(&ctx, ARTICLE);
    assert!(
        !missing.is_empty(),
        "egui's default fonts already draw every character; the test proves nothing"
    );
}

#[test]
fn an_article_with_emoji_and_symbols_renders_without_tofu() {
    let dir = project_with(ARTICLE);
    let mut h = tofu_harness(dir.path());
    open_document(&mut h, "Stadt");
    let text = h.state().document_text().expect("the article is open");
    assert_eq!(
        text.as_str(),
        ARTICLE,
        "the reader shows the article as written"
    );
    let title = h.state().document().unwrap().meta.title.clone();
    assert!(
        title.contains('🙂'),
        "the headline keeps its emoji: {title}"
    );

    let missing = missing_glyphs(&h.ctx, &format!("{title}{}", text.as_str()));
    assert!(missing.is_empty(), "characters drawn as tofu: {missing:?}");
}

#[test]
fn every_character_of_the_bundled_corpus_renders() {
    let dir = bundled_copy();
    // The shared harness panics on the first character laid out without a glyph.
    let mut h = harness("anna", dir.path());
    let titles: Vec<String> = {
        let project = &h.state().workspace.as_ref().unwrap().project();
        project
            .corpus
            .documents
            .iter()
            .map(|d| d.meta.title.clone())
            .collect()
    };
    assert_eq!(titles.len(), 5, "the bundled project has five articles");
    for title in titles {
        open_document(&mut h, &title);
        let text = h.state().document_text().expect("the article is open");
        let missing = missing_glyphs(&h.ctx, &format!("{title}{}", text.as_str()));
        assert!(missing.is_empty(), "{title}: tofu for {missing:?}");
    }
}

#[test]
fn selecting_after_a_flag_and_a_skin_tone_selects_the_right_chars() {
    // 🇩🇪 and 👍🏽 are two chars each that the emoji font draws as one picture; the offsets
    // of text after them on the same line must still be char offsets, or codings would land beside the words.
    let dir = project_with(ARTICLE);
    let mut h = harness("anna", dir.path());
    open_document(&mut h, "Stadt");
    let span = common::find(&h, "und 🇩🇪");
    common::drag_select(&mut h, span);
    let text = h.state().document_text().unwrap();
    assert_eq!(h.state().reader.selected_span(&text), Some(span));
}
