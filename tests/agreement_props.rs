//! Properties every agreement figure must have, on random projects: identical coders agree
//! perfectly, and nothing depends on the order of codings or of coders.

use std::collections::BTreeMap;

use proptest::prelude::*;
use spanwise::analysis::agreement::{Figure, Figures, Grouping, Report, compute};
use spanwise::model::codebook::{Code, CodeId, Codebook};
use spanwise::model::coder::{CoderFile, Progress};
use spanwise::model::coding::{Coding, CodingId};
use spanwise::model::corpus::{DocId, Document};
use spanwise::model::project::Project;

const CODES: [&str; 3] = ["claim", "risk", "commitment"];
const CODERS: [&str; 3] = ["anna", "ben", "carl"];

/// A coding as generated: document, code, start, length.
type Raw = (usize, usize, usize, usize);

fn lengths() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..120, 1..4)
}

fn raw_codings() -> impl Strategy<Value = Vec<Raw>> {
    prop::collection::vec((0usize..3, 0usize..3, 0usize..130, 0usize..40), 0..25)
}

fn code(id: &str) -> Code {
    Code::plain(id, "#000000")
}

fn coding(id: u64, lengths: &[usize], raw: Raw) -> Coding {
    let (doc, code, start, len) = raw;
    let doc = doc % lengths.len();
    let start = start.min(lengths[doc]);
    let end = (start + len).min(lengths[doc]);
    Coding {
        id: CodingId(id),
        document: DocId(format!("d{doc}")),
        code: CodeId(CODES[code].into()),
        start,
        end,
        quote: "x".repeat(end - start),
        memo: String::new(),
        attributes: Default::default(),
        created: String::new(),
        modified: String::new(),
    }
}

fn project(lengths: &[usize], coders: &[(&str, &[Raw])]) -> Project {
    let documents = lengths
        .iter()
        .enumerate()
        .map(|(i, &n)| Document::in_memory(format!("d{i}"), format!("d{i}"), &"x".repeat(n)))
        .collect();
    let mut files = BTreeMap::new();
    for (name, raws) in coders {
        let mut file = CoderFile::new(name);
        // Every document finished, so the default document rule uses all of them.
        file.progress = (0..lengths.len())
            .map(|i| (DocId(format!("d{i}")), Progress::Done))
            .collect();
        file.codings = raws
            .iter()
            .enumerate()
            .map(|(i, &r)| coding(i as u64 + 1, lengths, r))
            .collect();
        files.insert(name.to_string(), file);
    }
    Project {
        coders: files,
        ..Project::new(
            "/nonexistent",
            "random",
            Codebook {
                codes: CODES.iter().map(|c| code(c)).collect(),
            },
            documents,
        )
    }
}

fn names(coders: &[&str]) -> Vec<String> {
    coders.iter().map(|c| c.to_string()).collect()
}

fn has_unit(lengths: &[usize], raws: &[Raw]) -> bool {
    raws.iter().any(|&r| {
        let c = coding(0, lengths, r);
        c.end > c.start
    })
}

fn close(a: Figure, b: Figure) -> bool {
    match (a.value(), b.value()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * (1.0 + x.abs().max(y.abs())),
        (None, None) => true,
        _ => false,
    }
}

/// Every figure equal (within rounding); coding counts compared after reordering by `order`.
fn same_figures(a: &Figures, b: &Figures, order: &[usize]) -> bool {
    let counts: Vec<u64> = order.iter().map(|&i| b.codings[i]).collect();
    a.codings == counts
        && close(a.alpha_u, b.alpha_u)
        && close(a.percent_agreement, b.percent_agreement)
        && close(a.kappa, b.kappa)
        && close(a.strict_f1, b.strict_f1)
        && close(a.overlap_f1, b.overlap_f1)
}

fn same_reports(a: &Report, b: &Report, order: &[usize]) -> bool {
    same_figures(&a.overall, &b.overall, order)
        && a.rows.len() == b.rows.len()
        && a.rows
            .iter()
            .zip(&b.rows)
            .all(|(x, y)| x.key == y.key && same_figures(&x.figures, &y.figures, order))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn identical_coders_agree_perfectly(lengths in lengths(), raws in raw_codings()) {
        let p = project(&lengths, &[("anna", &raws), ("ben", &raws)]);
        for by in [Grouping::Code, Grouping::Document] {
            let r = compute(&p, &names(&["anna", "ben"]), by).unwrap();
            if has_unit(&lengths, &raws) {
                prop_assert_eq!(r.overall.alpha_u, Figure::Value(1.0));
                prop_assert_eq!(r.overall.strict_f1, Figure::Value(1.0));
                prop_assert_eq!(r.overall.overlap_f1, Figure::Value(1.0));
                prop_assert_eq!(r.overall.percent_agreement, Figure::Value(1.0));
            } else {
                prop_assert_eq!(r.overall.alpha_u, Figure::NotDefined);
                prop_assert_eq!(r.overall.strict_f1, Figure::NotDefined);
            }
            for row in &r.rows {
                let f = &row.figures;
                prop_assert!(f.alpha_u == Figure::Value(1.0) || (f.alpha_u == Figure::NotDefined && f.codings[0] == 0));
                prop_assert!(f.strict_f1 == Figure::Value(1.0) || (f.strict_f1 == Figure::NotDefined && f.codings[0] == 0));
            }
        }
    }

    #[test]
    fn order_of_codings_does_not_matter(
        lengths in lengths(),
        a in raw_codings(),
        b in raw_codings(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = a.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut reversed = b.clone();
        reversed.reverse();
        let coders = names(&["anna", "ben"]);
        for by in [Grouping::Code, Grouping::Document] {
            let one = compute(&project(&lengths, &[("anna", &a), ("ben", &b)]), &coders, by).unwrap();
            let two = compute(&project(&lengths, &[("anna", &shuffled), ("ben", &reversed)]), &coders, by).unwrap();
            prop_assert_eq!(&one, &two);
        }
    }

    #[test]
    fn swapping_two_coders_changes_no_figure(lengths in lengths(), a in raw_codings(), b in raw_codings()) {
        let p = project(&lengths, &[("anna", &a), ("ben", &b)]);
        for by in [Grouping::Code, Grouping::Document] {
            let ab = compute(&p, &names(&["anna", "ben"]), by).unwrap();
            let ba = compute(&p, &names(&["ben", "anna"]), by).unwrap();
            prop_assert!(same_reports(&ab, &ba, &[1, 0]), "{:?}\n{:?}", ab.overall, ba.overall);
        }
    }

    #[test]
    fn order_of_three_coders_does_not_matter(
        lengths in lengths(),
        a in raw_codings(),
        b in raw_codings(),
        c in raw_codings(),
    ) {
        let p = project(&lengths, &[(CODERS[0], &a), (CODERS[1], &b), (CODERS[2], &c)]);
        let given = compute(&p, &names(&CODERS), Grouping::Code).unwrap();
        for order in [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let permuted: Vec<&str> = order.iter().map(|&i| CODERS[i]).collect();
            let other = compute(&p, &names(&permuted), Grouping::Code).unwrap();
            // other.codings[k] belongs to CODERS[order[k]]; bring it back to the given order.
            let mut back = [0usize; 3];
            for (k, &i) in order.iter().enumerate() {
                back[i] = k;
            }
            prop_assert!(same_reports(&given, &other, &back));
        }
    }
}
