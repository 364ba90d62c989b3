//! Worked examples of the family. No published example with its figures was found (see
//! docs/AGREEMENT.md); the values below were computed by hand for D_o and by an independent
//! script in exact fractions that pairs every segment of every rater with every segment of
//! every other rater (no merge pass) for the rest.

use super::*;

fn family(length: u64, raters: usize, rows: &[(usize, usize, u64, u64)]) -> UnitizingFamily {
    let continuum = Continuum {
        begin: 0,
        length,
        raters,
        categories: 2,
    };
    let units: Vec<Unit> = rows
        .iter()
        .map(|&(r, c, b, e)| Unit::new(r, c, b, e))
        .collect();
    unitizing_family(&continuum, &units)
}

fn close(figure: Figure, expected: f64) {
    let value = figure.value().unwrap_or(f64::NAN);
    assert!((value - expected).abs() < 1e-12, "{value} != {expected}");
}

const A: usize = 0;
const B: usize = 1;

/// Two coders on 20 characters. Coder 0: a [2,8), b [10,16); coder 1: a [4,12), b [12,18).
/// Position by position: 12 of 20 agree (gap 0–2, a 4–8, b 12–16, gap 18–20), so D_o = 8/20.
fn two_coders() -> UnitizingFamily {
    family(
        20,
        2,
        &[(0, A, 2, 8), (0, B, 10, 16), (1, A, 4, 12), (1, B, 12, 18)],
    )
}

#[test]
fn u_alpha_of_two_coders() {
    let f = two_coders();
    close(f.u_alpha.d_o, 0.4);
    close(f.u_alpha.d_e, 76.0 / 101.0);
    close(f.u_alpha.alpha, 0.46842105263157896);
}

#[test]
fn bar_u_alpha_of_two_coders() {
    let f = two_coders();
    // Gap against coded: 2–4, 8–10 and 16–18 disagree, 6 of 20 positions.
    close(f.bar_u_alpha.d_o, 0.3);
    close(f.bar_u_alpha.d_e, 0.5148514851485149);
    close(f.bar_u_alpha.alpha, 0.4173076923076923);
}

#[test]
fn cu_and_k_u_alpha_of_two_coders() {
    let f = two_coders();
    // Both coded: 4–8 (a, a), 10–12 (b, a), 12–16 (b, b): 2 of 10 disagree.
    close(f.cu_alpha.d_o, 0.2);
    close(f.cu_alpha.alpha, 0.704);
    close(f.codes[A].k_u_alpha.alpha, 0.704);
    close(f.codes[B].k_u_alpha.alpha, 0.704);
}

#[test]
fn three_coders() {
    let f = family(
        20,
        3,
        &[
            (0, A, 2, 8),
            (0, B, 10, 16),
            (1, A, 4, 8),
            (1, B, 8, 14),
            (2, A, 2, 9),
        ],
    );
    close(f.u_alpha.alpha, 0.4611967361740707);
    close(f.bar_u_alpha.alpha, 0.3704115684093437);
    close(f.cu_alpha.alpha, 0.8872756604154063);
    close(f.codes[A].k_u_alpha.alpha, 0.8920597172678029);
    close(f.codes[B].k_u_alpha.alpha, 0.8718603661132397);
}

#[test]
fn perfect_agreement_gives_one_everywhere() {
    let rows = [(0, A, 2, 8), (0, B, 10, 16), (1, A, 2, 8), (1, B, 10, 16)];
    let f = family(20, 2, &rows);
    for figure in [f.u_alpha, f.bar_u_alpha, f.cu_alpha] {
        assert_eq!(figure.alpha, Figure::Value(1.0));
        assert_eq!(figure.d_o, Figure::Value(0.0));
    }
    for code in &f.codes {
        assert_eq!(code.k_u_alpha.alpha, Figure::Value(1.0));
        assert_eq!(code.alone.alpha, Figure::Value(1.0));
    }
}

#[test]
fn nothing_coded_or_one_coder_is_not_defined() {
    let none = family(20, 2, &[]);
    assert_eq!(none.u_alpha, UnitizingFigure::NOT_DEFINED);
    assert_eq!(none.bar_u_alpha, UnitizingFigure::NOT_DEFINED);
    assert_eq!(none.cu_alpha, UnitizingFigure::NOT_DEFINED);
    let one = family(20, 1, &[(0, A, 2, 8)]);
    assert_eq!(one.u_alpha.alpha, Figure::NotDefined);
    assert_eq!(one.codes[A].alone.alpha, Figure::NotDefined);
}

#[test]
fn one_code_has_no_cu_alpha_and_u_alpha_equals_bar_u_alpha() {
    let f = family(30, 2, &[(0, A, 2, 8), (1, A, 4, 12), (1, A, 20, 25)]);
    assert_eq!(f.cu_alpha.alpha, Figure::NotDefined);
    assert_eq!(f.codes[A].k_u_alpha.alpha, Figure::NotDefined);
    close(f.u_alpha.alpha, f.bar_u_alpha.alpha.value().unwrap());
    close(f.u_alpha.alpha, f.codes[A].alone.alpha.value().unwrap());
}
