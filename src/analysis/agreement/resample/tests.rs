use super::alpha_u::AlphaUStats;
use super::*;
use crate::analysis::agreement::corpus::DocumentSlot;
use crate::analysis::agreement::documents::DocumentChoice;
use crate::analysis::agreement::ualpha::unitizing_family;
use crate::analysis::agreement::unitizing::unitizing_alpha;
use crate::analysis::agreement::units::{Continuum, Unit};
use crate::model::codebook::CodeId;
use crate::model::corpus::DocId;

/// A study of documents `lengths` with units (document, rater, code, begin, end) in document
/// positions, two raters.
fn study(lengths: &[u64], units: &[(usize, usize, usize, u64, u64)], codes: usize) -> CorpusUnits {
    let mut at = 0;
    let documents: Vec<DocumentSlot> = lengths
        .iter()
        .enumerate()
        .map(|(i, &length)| {
            let slot = DocumentSlot {
                id: DocId(format!("d{i}")),
                title: format!("d{i}"),
                begin: at,
                length,
            };
            at += length;
            slot
        })
        .collect();
    let mut by_document = vec![Vec::new(); lengths.len()];
    for &(d, r, c, b, e) in units {
        let begin = documents[d].begin;
        by_document[d].push(Unit::new(r, c, begin + b, begin + e));
    }
    CorpusUnits {
        coders: vec!["a".into(), "b".into()],
        categories: (0..codes).map(|c| CodeId(format!("c{c}"))).collect(),
        documents,
        by_document,
        length: at,
        choice: DocumentChoice::default(),
    }
}

/// Twelve documents where the coders mostly agree, with a few shifted or missed units.
fn noisy() -> CorpusUnits {
    let mut units = Vec::new();
    for d in 0..12usize {
        let s = (d as u64 * 7) % 11;
        units.push((d, 0, 0, 5 + s, 25 + s));
        units.push((d, 1, 0, 5 + s + (d as u64 % 3), 25 + s));
        units.push((d, 0, 1, 40, 60 + s));
        if d % 4 != 0 {
            units.push((d, 1, 1, 41, 60 + s));
        } else {
            units.push((d, 1, 0, 40, 55));
        }
        if d % 5 == 0 {
            units.push((d, 0, 1, 70, 80));
        }
    }
    study(&[100; 12], &units, 2)
}

fn how(seed: u64) -> Resampling {
    Resampling {
        replicates: 400,
        seed,
    }
}

#[test]
fn the_same_seed_gives_the_same_intervals_another_seed_others() {
    let units = noisy();
    let a = intervals(&units, how(7));
    assert_eq!(a, intervals(&units, how(7)));
    let b = intervals(&units, how(8));
    assert_ne!(a.overall.alpha_u, b.overall.alpha_u);
    assert_ne!(a.overall.u_alpha, b.overall.u_alpha);
}

#[test]
fn the_interval_holds_the_point_estimate_of_a_well_behaved_study() {
    let units = noisy();
    let iv = intervals(&units, how(3));
    let alpha = unitizing_alpha(&units.corpus_continuum(), &units.all_units());
    let family = unitizing_family(&units.corpus_continuum(), &units.all_units());
    let checks = [
        (iv.overall.alpha_u.clone(), alpha.alpha),
        (iv.overall.u_alpha.clone(), family.u_alpha.alpha),
        (iv.overall.bar_u_alpha.clone(), family.bar_u_alpha.alpha),
        (iv.codes[0].alpha_u.clone(), alpha.categories[0].alpha),
    ];
    for (interval, point) in checks {
        let (i, p) = (interval.unwrap(), point.value().unwrap());
        assert!(i.ci_low <= p && p <= i.ci_high, "{p} not in {i:?}");
        assert!(i.ci_low < i.ci_high, "{i:?}");
        assert_eq!(i.draws, 12);
        assert!((0.0..=1.0).contains(&i.q_667) && i.q_667 <= i.q_800);
    }
}

#[test]
fn perfect_agreement_gives_one_to_one() {
    let mut units = Vec::new();
    for d in 0..5usize {
        for r in 0..2 {
            units.push((d, r, 0, 3, 9 + d as u64));
            units.push((d, r, 1, 20, 30));
        }
    }
    let iv = intervals(&study(&[40; 5], &units, 2), how(1));
    for i in [
        &iv.overall.alpha_u,
        &iv.overall.u_alpha,
        &iv.codes[1].alpha_u,
    ] {
        let i = i.clone();
        let i = i.unwrap();
        assert_eq!((i.ci_low, i.ci_high, i.q_800), (1.0, 1.0, 0.0));
        assert_eq!(i.replicates, 400);
    }
}

#[test]
fn one_document_has_no_interval() {
    let iv = intervals(
        &study(&[50], &[(0, 0, 0, 1, 9), (0, 1, 0, 2, 9)], 1),
        how(1),
    );
    assert_eq!(iv.documents, 1);
    assert_eq!(iv.overall, AlphaIntervals::default());
}

/// The independent check: a replicate's figures from the per-document sums equal αU and the
/// family computed from scratch on the drawn documents laid end to end in the drawn order.
#[test]
fn a_replicate_equals_the_figures_of_the_drawn_documents_from_scratch() {
    // Documents with and without units, a coder with nothing in one, edges coded and not.
    let units = study(
        &[30, 20, 25, 15],
        &[
            (0, 0, 0, 0, 10),
            (0, 1, 0, 2, 10),
            (0, 0, 1, 15, 30),
            (0, 1, 1, 16, 28),
            (1, 0, 0, 5, 8),
            (2, 0, 0, 3, 12),
            (2, 1, 0, 3, 14),
            (2, 1, 1, 10, 20),
            (2, 0, 1, 20, 25),
            (3, 1, 1, 0, 15),
            (3, 0, 1, 4, 9),
            (3, 0, 0, 6, 12),
        ],
        2,
    );
    let stats = AlphaUStats::new(&units);
    let parts: Vec<_> = (0..4)
        .map(|d| (units.document_continuum(d), units.by_document[d].as_slice()))
        .collect();
    let family = FamilyStats::new(&units.corpus_continuum(), &parts);
    for draws in [
        vec![0, 1, 2, 3],
        vec![2, 2, 0, 3],
        vec![1, 3, 1, 1],
        vec![3, 0, 0, 2],
        vec![1, 1, 1, 1],
    ] {
        let mut weights = vec![0i128; 4];
        let mut at = 0;
        let mut laid = Vec::new();
        for &d in &draws {
            weights[d] += 1;
            let shift = at as i64 - units.documents[d].begin as i64;
            laid.extend(units.by_document[d].iter().map(|u| Unit {
                begin: (u.begin as i64 + shift) as u64,
                end: (u.end as i64 + shift) as u64,
                ..*u
            }));
            at += units.documents[d].length;
        }
        let continuum = Continuum {
            begin: 0,
            length: at,
            raters: 2,
            categories: 2,
        };
        let scratch = unitizing_alpha(&continuum, &laid);
        let (overall, per_code) = stats.replicate(&draws, &weights);
        let close = |a: Figure, b: Figure| match (a, b) {
            (Figure::Value(x), Figure::Value(y)) => (x - y).abs() < 1e-12,
            (x, y) => x == y,
        };
        assert!(
            close(overall, scratch.alpha),
            "{draws:?}: {overall:?} vs {:?}",
            scratch.alpha
        );
        for (c, f) in per_code.iter().enumerate() {
            assert!(close(*f, scratch.categories[c].alpha), "{draws:?} code {c}");
        }
        let fam = unitizing_family(&continuum, &laid);
        let rep = family.replicate(&weights);
        let pairs = [
            (rep.u_alpha.alpha, fam.u_alpha.alpha),
            (rep.bar_u_alpha.alpha, fam.bar_u_alpha.alpha),
            (rep.cu_alpha.alpha, fam.cu_alpha.alpha),
            (rep.codes[0].alone.alpha, fam.codes[0].alone.alpha),
            (rep.codes[1].alone.alpha, fam.codes[1].alone.alpha),
            (rep.codes[0].k_u_alpha.alpha, fam.codes[0].k_u_alpha.alpha),
            (rep.codes[1].k_u_alpha.alpha, fam.codes[1].k_u_alpha.alpha),
        ];
        for (i, (a, b)) in pairs.into_iter().enumerate() {
            assert!(close(a, b), "{draws:?} figure {i}: {a:?} vs {b:?}");
        }
    }
}
