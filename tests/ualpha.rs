//! The unitizing family uα, |uα, cuα and (k)uα (Krippendorff, Mathet, Bouvry & Widlöcher 2016,
//! Quality & Quantity 50, 2347–2364) against a position-by-position restatement of the paper's
//! coincidence matrices, and the relations that must hold.
//!
//! No published example with its figures could be found for these coefficients (the 2016 paper
//! and Krippendorff 2019 were not available; see docs/AGREEMENT.md), so the figures are checked
//! against `reference` below: every character, every ordered pair of coders, the observed and
//! expected coincidence matrices written out as the paper defines them, in plain floats. It
//! shares no code with the merge pass and the closed forms of `agreement::ualpha`.

use std::collections::BTreeMap;

use spanwise::analysis::agreement::ualpha::{UnitizingFamily, unitizing_family};
use spanwise::analysis::agreement::{
    self, Continuum, Figure, Grouping, Options, Unit, UnitizingFigure,
};
use spanwise::model::codebook::{Code, CodeId, Codebook};
use spanwise::model::coder::CoderFile;
use spanwise::model::coding::{Coding, CodingId};
use spanwise::model::corpus::{DocId, Document};
use spanwise::model::project::Project;

/// xorshift: deterministic data without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Every rater's units: disjoint, never touching, of `codes` codes.
fn layout(rng: &mut Rng, raters: usize, codes: usize, length: u64) -> Vec<Unit> {
    let mut units = Vec::new();
    for r in 0..raters {
        let mut at = rng.below(10);
        loop {
            let end = at + 1 + rng.below(30);
            if end > length {
                break;
            }
            units.push(Unit::new(r, rng.below(codes as u64) as usize, at, end));
            at = end + 1 + rng.below(15);
        }
    }
    units
}

fn family(length: u64, raters: usize, codes: usize, units: &[Unit]) -> UnitizingFamily {
    let continuum = Continuum {
        begin: 0,
        length,
        raters,
        categories: codes,
    };
    unitizing_family(&continuum, units)
}

/// The four coefficients from the coincidence matrices, position by position (eqs. 1, 4, 5a,
/// 6, 10, 11, 13b of the 2016 paper; value 0 is the gap). Units must not touch or overlap
/// within a rater, so that every unit is one segment.
struct Reference {
    u: f64,
    bar_u: f64,
    cu: f64,
    k: Vec<f64>,
}

fn reference(length: u64, raters: usize, codes: usize, units: &[Unit]) -> Reference {
    let (l, v) = (length as usize, codes + 1);
    let mut value = vec![vec![0usize; l]; raters];
    for u in units {
        for p in u.begin..u.end {
            value[u.rater][p as usize] = u.category + 1;
        }
    }
    let m1 = (raters - 1) as f64;
    let mut o = vec![vec![0.0; v]; v];
    for i in 0..raters {
        for j in (0..raters).filter(|&j| j != i) {
            for p in 0..l {
                o[value[i][p]][value[j][p]] += 1.0 / m1;
            }
        }
    }
    // Self-pairings: units l², gaps l (eq. 4); within coded matter w², w the unit's matter
    // paired with other raters' coded matter (eq. 10).
    let mut corr = vec![0.0; v];
    let mut coded_corr = vec![0.0; v];
    for i in 0..raters {
        let gap = value[i].iter().filter(|&&x| x == 0).count() as f64;
        corr[0] += gap;
        for u in units.iter().filter(|u| u.rater == i) {
            corr[u.category + 1] += (u.len() as f64).powi(2);
            let mut w = 0.0;
            for j in (0..raters).filter(|&j| j != i) {
                w += (u.begin..u.end)
                    .filter(|&p| value[j][p as usize] != 0)
                    .count() as f64;
            }
            coded_corr[u.category + 1] += (w / m1).powi(2);
        }
    }
    let expected = |vals: &[usize], corr: &[f64]| {
        let margin = |c: usize| vals.iter().map(|&k| o[c][k]).sum::<f64>();
        let total: f64 = vals.iter().map(|&c| margin(c)).sum();
        let all: f64 = vals.iter().map(|&c| corr[c]).sum();
        let mut e = vec![vec![0.0; v]; v];
        for &c in vals {
            for &k in vals {
                let self_pairs = if c == k { corr[c] } else { 0.0 };
                e[c][k] = total * (margin(c) * margin(k) - self_pairs) / (total * total - all);
            }
        }
        (total, e)
    };
    let every: Vec<usize> = (0..v).collect();
    let (total, e) = expected(&every, &corr);
    let diagonal = |m: &Vec<Vec<f64>>, vals: &[usize]| vals.iter().map(|&c| m[c][c]).sum::<f64>();
    let u = 1.0 - (total - diagonal(&o, &every)) / (total - diagonal(&e, &every));
    let gap_coded = |m: &Vec<Vec<f64>>| (1..v).map(|k| m[0][k]).sum::<f64>();
    let bar_u = 1.0 - gap_coded(&o) / gap_coded(&e);
    let coded: Vec<usize> = (1..v).collect();
    let (total, e) = expected(&coded, &coded_corr);
    let cu = 1.0 - (total - diagonal(&o, &coded)) / (total - diagonal(&e, &coded));
    let k = coded
        .iter()
        .map(|&k| {
            let l_k: f64 = coded.iter().map(|&c| o[k][c]).sum();
            let e_k: f64 = coded.iter().map(|&c| e[k][c]).sum();
            1.0 - (e_k / l_k) * (l_k - o[k][k]) / (e_k - e[k][k])
        })
        .collect();
    Reference { u, bar_u, cu, k }
}

fn close(figure: Figure, want: f64, what: &str) {
    let got = figure.value().unwrap_or(f64::NAN);
    assert!((got - want).abs() < 1e-9, "{what}: {got} != {want}");
}

#[test]
fn agrees_with_the_coincidence_matrices_position_by_position() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for case in 0..24 {
        let raters = 2 + case % 3;
        let length = 150 + rng.below(150);
        let units = layout(&mut rng, raters, 3, length);
        let f = family(length, raters, 3, &units);
        let r = reference(length, raters, 3, &units);
        let what = |name: &str| format!("case {case} ({raters} coders): {name}");
        close(f.u_alpha.alpha, r.u, &what("u-alpha"));
        close(f.bar_u_alpha.alpha, r.bar_u, &what("|u-alpha"));
        close(f.cu_alpha.alpha, r.cu, &what("cu-alpha"));
        for (c, k) in r.k.iter().enumerate() {
            close(f.codes[c].k_u_alpha.alpha, *k, &what("(k)u-alpha"));
        }
    }
}

#[test]
fn coder_order_does_not_change_any_figure() {
    let mut rng = Rng(7);
    for raters in 2..=4 {
        let units = layout(&mut rng, raters, 3, 400);
        let reversed: Vec<Unit> = units
            .iter()
            .map(|u| Unit {
                rater: raters - 1 - u.rater,
                ..*u
            })
            .collect();
        assert_eq!(
            family(400, raters, 3, &units),
            family(400, raters, 3, &reversed)
        );
    }
}

#[test]
fn perfect_agreement_gives_one() {
    let mut rng = Rng(11);
    let first = layout(&mut rng, 1, 3, 300);
    let units: Vec<Unit> = (0..3)
        .flat_map(|r| first.iter().map(move |u| Unit { rater: r, ..*u }))
        .collect();
    let f = family(300, 3, 3, &units);
    for u in [f.u_alpha, f.bar_u_alpha, f.cu_alpha] {
        assert_eq!(u.alpha, Figure::Value(1.0));
        assert_eq!(u.d_o, Figure::Value(0.0));
    }
    for code in &f.codes {
        assert_eq!(code.k_u_alpha.alpha, Figure::Value(1.0));
        assert_eq!(code.alone.alpha, Figure::Value(1.0));
    }
}

#[test]
fn with_one_code_u_alpha_is_bar_u_alpha_and_cu_alpha_is_not_defined() {
    // With one code the partition has two values, the gap and the code: uα has nothing to
    // tell apart but coded from uncoded, exactly what |uα measures.
    let mut rng = Rng(5);
    let units = layout(&mut rng, 3, 1, 300);
    let f = family(300, 3, 1, &units);
    let u = f.u_alpha.alpha.value().unwrap();
    close(f.bar_u_alpha.alpha, u, "|u-alpha");
    close(f.codes[0].alone.alpha, u, "the code alone");
    assert_eq!(f.cu_alpha, UnitizingFigure::NOT_DEFINED);
    assert_eq!(f.codes[0].k_u_alpha.alpha, Figure::NotDefined);
}

#[test]
fn one_coders_same_code_overlaps_count_as_their_union() {
    let split = [
        Unit::new(0, 0, 10, 30),
        Unit::new(0, 0, 20, 50),
        Unit::new(1, 0, 12, 50),
    ];
    let union = [Unit::new(0, 0, 10, 50), Unit::new(1, 0, 12, 50)];
    assert_eq!(family(80, 2, 1, &split), family(80, 2, 1, &union));
}

#[test]
fn overlapping_codes_of_one_coder_are_a_value_of_their_own() {
    // Both coders code a on 0–20 and b on 10–30: the stretch 10–20 is "a+b" for both.
    let both = |r| [Unit::new(r, 0, 0, 20), Unit::new(r, 1, 10, 30)];
    let same: Vec<Unit> = both(0).into_iter().chain(both(1)).collect();
    let f = family(40, 2, 2, &same);
    assert_eq!(f.u_alpha.alpha, Figure::Value(1.0));
    assert_eq!(f.cu_alpha.alpha, Figure::Value(1.0));
    // The second coder leaves out b: on 10–20 "a+b" meets "a", a disagreement in coding.
    let apart: Vec<Unit> = both(0)
        .into_iter()
        .chain([Unit::new(1, 0, 0, 20)])
        .collect();
    let g = family(40, 2, 2, &apart);
    assert!(g.cu_alpha.alpha.value().unwrap() < 1.0, "{:?}", g.cu_alpha);
    assert!(g.codes[0].k_u_alpha.alpha.value().unwrap() < 1.0);
}

/// A one-document project with `text` and codings (coder, code, start, end) in chars.
fn project(text: &str, codings: &[(&str, &str, usize, usize)]) -> Project {
    let mut coders = BTreeMap::new();
    for &(coder, code, start, end) in codings {
        let file = coders
            .entry(coder.to_string())
            .or_insert_with(|| CoderFile::new(coder));
        let id: CodingId = file.next_id();
        file.codings.push(Coding {
            id,
            document: DocId("d".into()),
            code: CodeId(code.into()),
            start,
            end,
            quote: text.chars().skip(start).take(end - start).collect(),
            memo: String::new(),
            attributes: Default::default(),
            created: String::new(),
            modified: String::new(),
        });
    }
    let codebook = Codebook {
        codes: vec![Code::plain("a", "#000000"), Code::plain("b", "#111111")],
    };
    let documents = vec![Document::in_memory("d", "Überblick", text)];
    Project {
        coders,
        ..Project::new("/nonexistent", "t", codebook, documents)
    }
}

#[test]
fn offsets_are_chars_with_umlauts_and_emoji() {
    let text = "Grüße aus Köln 😀, sagte Müller: Übermaß 🇩🇪 ist schön.";
    assert!(text.len() > text.chars().count(), "multi-byte characters");
    let codings = [
        ("anna", "a", 0, 5),
        ("anna", "b", 15, 31),
        ("ben", "a", 0, 4),
        ("ben", "b", 17, 40),
        ("ben", "a", 41, 45),
    ];
    let plain = "x".repeat(text.chars().count());
    let names = vec!["anna".to_string(), "ben".to_string()];
    let options = Options::all_documents(Grouping::Code);
    let with_umlauts = agreement::compute_with(&project(text, &codings), &names, &options).unwrap();
    let ascii = agreement::compute_with(&project(&plain, &codings), &names, &options).unwrap();
    assert_eq!(with_umlauts.overall.family, ascii.overall.family);
    let direct = family(
        text.chars().count() as u64,
        2,
        2,
        &[
            Unit::new(0, 0, 0, 5),
            Unit::new(0, 1, 15, 31),
            Unit::new(1, 0, 0, 4),
            Unit::new(1, 1, 17, 40),
            Unit::new(1, 0, 41, 45),
        ],
    );
    assert_eq!(with_umlauts.overall.family.u_alpha, direct.u_alpha);
    assert_eq!(
        with_umlauts.rows[1].figures.family.k_u_alpha,
        direct.codes[1].k_u_alpha
    );
}

/// Speed: the family of 100,000 units (two coders, 1.2 million characters) in one merge pass.
/// Run with `cargo test --release --test ualpha -- --ignored --nocapture`.
#[test]
#[ignore = "timing: run in release with --ignored"]
fn a_hundred_thousand_units() {
    let mut rng = Rng(99);
    let length = 1_200_000;
    let units = layout(&mut rng, 2, 3, length);
    assert!(units.len() > 100_000, "{}", units.len());
    let started = std::time::Instant::now();
    let f = family(length, 2, 3, &units);
    let took = started.elapsed();
    println!(
        "{} units: {took:?}, u-alpha {:?}",
        units.len(),
        f.u_alpha.alpha
    );
    assert!(f.cu_alpha.alpha.is_defined());
    if cfg!(not(debug_assertions)) {
        assert!(
            took <= std::time::Duration::from_millis(100),
            "took {took:?}"
        );
    }
}
