//! Reliability on predefined units: every published worked example we could find, with its
//! source, the bootstrap and the cautions (the command line and the comparison with the PyPI
//! `krippendorff` package are in `reliability_cli.rs`).

use std::path::{Path, PathBuf};

use spanwise::analysis::agreement::Figure;
use spanwise::analysis::agreement::reliability::{
    self, Caution, Level, Options, ReadOptions, Reliability, ReliabilityData, Resampling,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reliability")
        .join(name)
}

fn read_fixture(name: &str, level: Level, missing: &[&str]) -> ReliabilityData {
    let mut options = ReadOptions::new(level);
    options.missing = missing.iter().map(|m| m.to_string()).collect();
    let bytes = std::fs::read(fixture(name)).unwrap();
    reliability::table::read(&bytes, &options).unwrap().data
}

fn report(data: &ReliabilityData, level: Level) -> Reliability {
    reliability::compute(
        data,
        Options {
            level,
            bootstrap: None,
        },
    )
}

fn value(report: &Reliability, key: &str) -> f64 {
    let c = report.get(key).unwrap_or_else(|| panic!("no {key}"));
    c.value
        .value()
        .unwrap_or_else(|| panic!("{key} not defined: {:?}", c.cautions))
}

fn assert_near(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual} is not {expected} ± {tolerance}"
    );
}

/// Rows of numbers with `None` for missing cells, coders named c1, c2, …
fn numbers(rows: &[Vec<Option<f64>>]) -> ReliabilityData {
    let coders = (1..=rows[0].len()).map(|c| format!("c{c}")).collect();
    let rows = rows
        .iter()
        .enumerate()
        .map(|(u, r)| (format!("u{u}"), r.clone()))
        .collect();
    ReliabilityData::numbers(coders, rows)
}

/// A two-coder data set from a contingency table: `table[a][b]` units valued a by coder 1 and b by
/// coder 2 (values 1, 2, …).
fn from_table(table: &[&[usize]]) -> ReliabilityData {
    let mut rows = Vec::new();
    for (a, row) in table.iter().enumerate() {
        for (b, &count) in row.iter().enumerate() {
            rows.extend((0..count).map(|_| vec![Some(a as f64 + 1.0), Some(b as f64 + 1.0)]));
        }
    }
    numbers(&rows)
}

/// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section D: 4 observers,
/// 12 units, missing values. Published: nominal .743, ordinal .815, interval .849, ratio .797,
/// n.. = 40 pairable values.
#[test]
fn krippendorff_2011_four_observers_at_every_level() {
    for (level, expected) in [
        (Level::Nominal, 0.743),
        (Level::Ordinal, 0.815),
        (Level::Interval, 0.849),
        (Level::Ratio, 0.797),
    ] {
        let data = read_fixture("krippendorff2011.csv", level, &[]);
        let r = report(&data, level);
        let alpha = r.alpha();
        assert_eq!(alpha.key, format!("alpha_{}", level.name()));
        assert_near(value(&r, &alpha.key), expected, 0.0005, level.name());
        let reliability::Parts::Disagreement { d_o, d_e } = alpha.parts else {
            panic!("alpha has D_o and D_e")
        };
        let (d_o, d_e) = (d_o.value().unwrap(), d_e.value().unwrap());
        assert_near(1.0 - d_o / d_e, expected, 0.0005, "1 - D_o/D_e");
        assert_eq!((r.n_units, r.n_pairable_units, r.n_pairable), (12, 11, 40));
        assert_eq!(r.left_out, vec!["12"]);
    }
}

/// Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., p. 120: the same 4 raters and 12
/// units (the irrCAC package's `cac.raw4raters`, tests of the Python port `afergadis/irrCAC`):
/// p_a = .818; Fleiss' κ .761 (p_e .239), Gwet's AC1 .775 (p_e .190), Brennan–Prediger .773
/// (p_e .200), Krippendorff's α .743.
#[test]
fn gwet_2014_four_raters_family() {
    let data = read_fixture("krippendorff2011.csv", Level::Nominal, &[]);
    let r = report(&data, Level::Nominal);
    assert_near(value(&r, "percent_agreement"), 0.818, 0.0005, "p_a");
    assert_near(value(&r, "fleiss_kappa"), 0.761, 0.0005, "Fleiss");
    assert_near(value(&r, "gwet_ac1"), 0.775, 0.0005, "AC1");
    assert_near(value(&r, "brennan_prediger"), 0.773, 0.0005, "BP");
    let reliability::Parts::Agreement { p_e, .. } = r.get("gwet_ac1").unwrap().parts else {
        panic!()
    };
    assert_near(p_e.value().unwrap(), 0.190, 0.0005, "AC1 p_e");
    let reliability::Parts::Agreement { p_e, .. } = r.get("fleiss_kappa").unwrap().parts else {
        panic!()
    };
    assert_near(p_e.value().unwrap(), 0.239, 0.0005, "Fleiss p_e");
    // Four coders: the two-coder coefficients say why they have no value.
    let cohen = r.get("cohen_kappa").unwrap();
    assert_eq!(cohen.value, Figure::NotDefined);
    assert_eq!(cohen.cautions, vec![Caution::TwoCodersOnly { coders: 4 }]);
}

/// Gwet (2014), 4th ed., p. 125 (irrCAC `cac.raw5obser`): 5 observers, 15 units, values 0–3 with
/// missing values. Published: p_a .616, AC1 .497, Fleiss .458, Brennan–Prediger .487,
/// Krippendorff's α (nominal) .481.
#[test]
fn gwet_2014_five_observers() {
    let n = None;
    let s = |v: f64| Some(v);
    let columns: [[Option<f64>; 15]; 5] = [
        [
            s(1.),
            s(1.),
            s(2.),
            n,
            s(0.),
            s(0.),
            s(1.),
            s(1.),
            s(2.),
            s(2.),
            n,
            s(0.),
            s(1.),
            s(3.),
            s(1.),
        ],
        [
            s(1.),
            s(1.),
            s(3.),
            s(0.),
            s(0.),
            s(0.),
            s(0.),
            n,
            s(2.),
            s(1.),
            s(1.),
            s(0.),
            s(2.),
            s(3.),
            s(1.),
        ],
        [
            s(2.),
            s(0.),
            s(3.),
            s(0.),
            s(0.),
            s(0.),
            s(2.),
            s(2.),
            s(2.),
            s(1.),
            s(0.),
            s(0.),
            s(2.),
            s(2.),
            s(1.),
        ],
        [
            n,
            s(1.),
            s(3.),
            n,
            n,
            n,
            n,
            s(0.),
            n,
            s(1.),
            s(0.),
            s(0.),
            s(2.),
            s(2.),
            n,
        ],
        [
            s(2.),
            n,
            n,
            s(0.),
            s(0.),
            s(0.),
            s(1.),
            n,
            s(2.),
            n,
            n,
            n,
            n,
            s(3.),
            s(1.),
        ],
    ];
    let rows: Vec<Vec<Option<f64>>> = (0..15)
        .map(|u| columns.iter().map(|c| c[u]).collect())
        .collect();
    let r = report(&numbers(&rows), Level::Nominal);
    assert_near(value(&r, "percent_agreement"), 0.616, 0.0005, "p_a");
    assert_near(value(&r, "gwet_ac1"), 0.497, 0.0005, "AC1");
    assert_near(value(&r, "fleiss_kappa"), 0.458, 0.0005, "Fleiss");
    assert_near(value(&r, "brennan_prediger"), 0.487, 0.0005, "BP");
    assert_near(value(&r, "alpha_nominal"), 0.481, 0.0005, "alpha");
}

/// Krippendorff (2011), section B: nominal data, two observers, no missing data: α = .692.
/// With Gerry's 10th value missing (Gwet's `cac.ben.gerry`, irrCAC tests): α .665, AC1 .661,
/// Brennan–Prediger .659, p_a .727.
#[test]
fn krippendorff_2011_two_observers_nominal_and_with_a_gap() {
    let ben = "a a b b d c c c e d d a".split(' ');
    let gerry = "b a b b b c c c e d d d".split(' ');
    let complete: Vec<(String, Vec<Option<String>>)> = ben
        .clone()
        .zip(gerry.clone())
        .enumerate()
        .map(|(u, (b, g))| {
            (
                u.to_string(),
                vec![Some(b.to_string()), Some(g.to_string())],
            )
        })
        .collect();
    let coders = vec!["Ben".to_string(), "Gerry".to_string()];
    let r = report(
        &ReliabilityData::categories(coders.clone(), complete.clone()),
        Level::Nominal,
    );
    assert_near(value(&r, "alpha_nominal"), 0.692, 0.0005, "alpha");
    let mut gap = complete;
    gap[9].1[1] = None;
    let r = report(&ReliabilityData::categories(coders, gap), Level::Nominal);
    assert_near(value(&r, "alpha_nominal"), 0.665, 0.0005, "alpha with gap");
    assert_near(value(&r, "gwet_ac1"), 0.661, 0.0005, "AC1");
    assert_near(value(&r, "brennan_prediger"), 0.659, 0.0005, "BP");
    assert_near(value(&r, "percent_agreement"), 0.727, 0.0005, "p_a");
    assert_eq!(
        r.get("cohen_kappa").unwrap().n_units,
        11,
        "Cohen uses the units both coded"
    );
    assert_eq!(
        r.get("fleiss_kappa").unwrap().cautions,
        vec![Caution::ThreeCodersOrMore]
    );
}

/// Krippendorff (2011), section A (and Krippendorff 2004, p. 223): binary data, two observers:
/// α = .095.
#[test]
fn krippendorff_binary_two_observers() {
    let a = [0., 1., 0., 0., 0., 0., 0., 0., 1., 0.];
    let b = [1., 1., 1., 0., 0., 1., 0., 0., 0., 0.];
    let rows: Vec<_> = a
        .iter()
        .zip(b)
        .map(|(&x, y)| vec![Some(x), Some(y)])
        .collect();
    let r = report(&numbers(&rows), Level::Nominal);
    assert_near(value(&r, "alpha_nominal"), 0.095, 0.0005, "alpha");
    let cautions = &r.alpha().cautions;
    assert!(cautions.is_empty(), "ten units are enough: {cautions:?}");
}

/// Hayes & Krippendorff (2007), Table 1: 5 observers, 40 articles, ordinal tone 0–3, "." missing.
/// Published: α (ordinal) = .7598.
#[test]
fn hayes_krippendorff_2007_ordinal() {
    let data = read_fixture("hayes2007.csv", Level::Ordinal, &["."]);
    let r = report(&data, Level::Ordinal);
    assert_near(value(&r, "alpha_ordinal"), 0.7598, 0.00005, "alpha");
    assert_eq!((r.n_units, r.n_pairable_units, r.coders.len()), (40, 40, 5));
}

/// Cohen (1960), Table 2 (DKPro `Cohen1960Test`, shared/reference/agreement C1): 200 items,
/// A_O = .70, A_E = .41, κ = .492.
#[test]
fn cohen_1960_table_2() {
    let data = from_table(&[&[88, 14, 18], &[10, 40, 10], &[2, 6, 12]]);
    let r = report(&data, Level::Nominal);
    assert_near(value(&r, "cohen_kappa"), 0.492, 0.0005, "kappa");
    let reliability::Parts::Agreement { p_a, p_e } = r.get("cohen_kappa").unwrap().parts else {
        panic!()
    };
    assert_near(p_a.value().unwrap(), 0.70, 0.005, "A_O");
    assert_near(p_e.value().unwrap(), 0.41, 0.005, "A_E");
}

/// Gwet (2014), 4th ed.: the 3×3 table of two abstractors classifying 100 pregnancies and the
/// 4×4 table of 223 psychiatric diagnoses (irrCAC `cont3x3abstractors`, `cont4x4diagnosis`).
/// Published 3×3: Cohen .796, Scott .796, AC1 .849, Brennan–Prediger .835, Krippendorff's α
/// .797 (nominal), .893 (quadratic weights = interval), .927 (ratio weights). 4×4: Cohen .432,
/// Scott .430, AC1 .456, Brennan–Prediger .450.
#[test]
fn gwet_2014_contingency_tables() {
    let small = from_table(&[&[13, 0, 0], &[0, 20, 7], &[0, 4, 56]]);
    let r = report(&small, Level::Interval);
    for (key, expected) in [
        ("cohen_kappa", 0.796),
        ("scott_pi", 0.796),
        ("gwet_ac1", 0.849),
        ("brennan_prediger", 0.835),
        ("alpha_nominal", 0.797),
        ("alpha_interval", 0.893),
    ] {
        assert_near(value(&r, key), expected, 0.0005, key);
    }
    assert_near(
        value(&report(&small, Level::Ratio), "alpha_ratio"),
        0.927,
        0.0005,
        "ratio",
    );
    let large = from_table(&[
        &[40, 4, 4, 17],
        &[6, 25, 2, 13],
        &[4, 1, 21, 12],
        &[15, 5, 9, 45],
    ]);
    let r = report(&large, Level::Nominal);
    for (key, expected) in [
        ("cohen_kappa", 0.432),
        ("scott_pi", 0.430),
        ("gwet_ac1", 0.456),
        ("brennan_prediger", 0.450),
    ] {
        assert_near(value(&r, key), expected, 0.0005, key);
    }
}

/// Fleiss' κ, Wikipedia example (statsmodels `test_inter_rater.py`, shared/reference C13):
/// 10 subjects, 14 raters, κ = .210. Raw data built from the counts per category.
#[test]
fn fleiss_wikipedia_fourteen_raters() {
    let counts: [[usize; 5]; 10] = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];
    let rows: Vec<Vec<Option<f64>>> = counts
        .iter()
        .map(|c| {
            c.iter()
                .enumerate()
                .flat_map(|(k, &n)| std::iter::repeat_n(Some(k as f64 + 1.0), n))
                .collect()
        })
        .collect();
    let r = report(&numbers(&rows), Level::Nominal);
    assert_near(value(&r, "fleiss_kappa"), 0.210, 0.0005, "Fleiss");
    let cautions = &r.get("fleiss_kappa").unwrap().cautions;
    assert!(cautions.is_empty(), "ten units are enough: {cautions:?}");
}

fn with_bootstrap(data: &ReliabilityData, level: Level, seed: u64) -> Reliability {
    let bootstrap = Some(Resampling {
        replicates: 20_000,
        seed,
    });
    reliability::compute(data, Options { level, bootstrap })
}

/// The bootstrap is reproducible for a seed, its interval holds α, and for Hayes &
/// Krippendorff's (2007) 159 pairable values it is a narrow interval around .76 that makes
/// α < .667 unlikely and α < .800 likely, as their KALPHA run concludes.
#[test]
fn bootstrap_is_reproducible_and_plausible() {
    let data = read_fixture("hayes2007.csv", Level::Ordinal, &["."]);
    let first = with_bootstrap(&data, Level::Ordinal, 7);
    let again = with_bootstrap(&data, Level::Ordinal, 7);
    let other = with_bootstrap(&data, Level::Ordinal, 8);
    let interval = first.alpha().interval.clone().expect("an interval");
    assert_eq!(
        Some(&interval),
        again.alpha().interval.as_ref(),
        "same seed, same interval"
    );
    assert_ne!(
        Some(&interval),
        other.alpha().interval.as_ref(),
        "another seed, other draws"
    );
    let alpha = value(&first, "alpha_ordinal");
    assert!(
        interval.ci_low < alpha && alpha < interval.ci_high,
        "{interval:?}"
    );
    assert!(
        interval.ci_low > 0.62 && interval.ci_high < 0.88,
        "{interval:?}"
    );
    assert!(interval.ci_high - interval.ci_low > 0.08, "{interval:?}");
    assert!(
        interval.q_667 < 0.05 && interval.q_800 > 0.7,
        "{interval:?}"
    );
    // The nominal α beside it has its own interval.
    assert!(first.get("alpha_nominal").unwrap().interval.is_some());

    // Krippendorff (2011): α nominal .743 on 40 pairable values: a wide interval around it.
    let data = read_fixture("krippendorff2011.csv", Level::Nominal, &[]);
    let r = with_bootstrap(&data, Level::Nominal, 1);
    let i = r.alpha().interval.clone().unwrap();
    assert!(
        i.ci_low < 0.743 && 0.743 < i.ci_high && i.ci_high <= 1.0,
        "{i:?}"
    );
    assert!(i.ci_low > 0.3 && i.ci_high - i.ci_low > 0.2, "{i:?}");
    assert!(i.q_800 > 0.5 && i.q_667 > 0.1, "{i:?}");
}

/// Undefined figures and figures on too few units say why.
#[test]
fn cautions_name_the_reason() {
    let same = numbers(&[vec![Some(2.0), Some(2.0)], vec![Some(2.0), Some(2.0)]]);
    let r = report(&same, Level::Interval);
    let a = r.alpha();
    assert_eq!(a.value, Figure::NotDefined);
    assert_eq!(a.cautions[0], Caution::NoVariation { value: "2".into() });
    assert!(a.cautions.contains(&Caution::FewUnits { units: 2 }));
    assert_eq!(r.get("gwet_ac1").unwrap().cautions[0], Caution::OneCategory);
    assert!(a.cautions[0].to_string().contains("no variation"));

    let lonely = numbers(&[vec![Some(1.0), None], vec![None, Some(2.0)]]);
    let r = report(&lonely, Level::Nominal);
    assert_eq!(r.alpha().cautions, vec![Caution::NoPairableValues]);
    assert_eq!(r.left_out, vec!["u0", "u1"]);
    assert_eq!(r.get("cohen_kappa").unwrap().value, Figure::NotDefined);

    let opposed = numbers(&[vec![Some(1.0), Some(2.0)], vec![Some(2.0), Some(1.0)]]);
    let a = report(&opposed, Level::Nominal);
    assert!(
        a.alpha().cautions.contains(&Caution::BelowZero),
        "{:?}",
        a.alpha().cautions
    );
}
