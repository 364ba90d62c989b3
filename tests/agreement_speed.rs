//! Speed target of the agreement figures: 1,000 documents, two coders with 50,000 codings each,
//! all figures in at most 0.3 s (release build). Run with
//! `cargo test --release --test agreement_speed -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use spanwise::analysis::agreement::{Grouping, Options, compute_with};
use spanwise::model::codebook::{Code, CodeId, Codebook};
use spanwise::model::coder::CoderFile;
use spanwise::model::coding::{Coding, CodingId};
use spanwise::model::corpus::{DocId, Document, DocumentMeta};
use spanwise::model::project::Project;
use spanwise::model::text::DocText;

const DOCUMENTS: usize = 1_000;
const DOC_CHARS: usize = 5_000;
const PER_DOC: usize = 50;
const CODES: [&str; 3] = ["claim", "risk", "commitment"];

/// xorshift: deterministic data without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn coding(id: u64, doc: usize, code: usize, start: usize, end: usize) -> Coding {
    Coding {
        id: CodingId(id),
        document: DocId(format!("d{doc:04}")),
        code: CodeId(CODES[code].into()),
        start,
        end,
        quote: String::new(),
        memo: String::new(),
        attributes: Default::default(),
        created: String::new(),
        modified: String::new(),
    }
}

/// Coder B copies coder A with moved boundaries, some other codes, some codings left out.
fn large_project() -> Project {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut a, mut b) = (CoderFile::new("a"), CoderFile::new("b"));
    for doc in 0..DOCUMENTS {
        for _ in 0..PER_DOC {
            let start = rng.below(DOC_CHARS - 300);
            let end = start + 5 + rng.below(250);
            let code = rng.below(3);
            a.codings
                .push(coding(a.codings.len() as u64 + 1, doc, code, start, end));
            let moved = start + rng.below(3);
            let (start, end) = (moved, (end + rng.below(3)).max(moved + 1));
            let code = if rng.below(5) == 0 {
                rng.below(3)
            } else {
                code
            };
            if rng.below(10) > 0 {
                b.codings
                    .push(coding(b.codings.len() as u64 + 1, doc, code, start, end));
            } else {
                b.codings
                    .push(coding(b.codings.len() as u64 + 1, doc, code, end, end + 40));
            }
        }
    }
    let text = "x".repeat(DOC_CHARS);
    let documents = (0..DOCUMENTS)
        .map(|i| Document {
            meta: DocumentMeta {
                id: DocId(format!("d{i:04}")),
                path: String::new(),
                title: String::new(),
                date: None,
                source: None,
                sha256: String::new(),
                memo: String::new(),
            },
            text: Some(DocText::new(text.as_str())),
        })
        .collect();
    let code = |id: &str| Code::plain(id, "#000000");
    Project {
        coders: BTreeMap::from([("a".into(), a), ("b".into(), b)]),
        ..Project::new(
            "/nonexistent",
            "large",
            Codebook {
                codes: CODES.iter().map(|c| code(c)).collect(),
            },
            documents,
        )
    }
}

#[test]
#[ignore = "timing: run in release with --ignored"]
fn thousand_documents_fifty_thousand_codings_each() {
    let project = large_project();
    let coders = vec!["a".to_string(), "b".to_string()];
    for by in [Grouping::Code, Grouping::Document] {
        let started = Instant::now();
        let report = compute_with(&project, &coders, &Options::all_documents(by)).unwrap();
        let took = started.elapsed();
        println!("{by:?}: {took:?}, overall {:?}", report.overall);
        assert_eq!(report.overall.codings, vec![50_000, 50_000]);
        assert!(report.overall.alpha_u.is_defined());
        if cfg!(not(debug_assertions)) {
            assert!(took <= Duration::from_millis(300), "{by:?} took {took:?}");
        }
    }
}
