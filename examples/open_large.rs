//! Times opening a large project: 1,000 articles and two coders with 50,000 codings each.
//! `cargo run --release --example open_large [folder]` (a temporary folder by default).

use std::time::Instant;

use spanwise::model::coder::CoderFile;
use spanwise::model::coding::{Coding, CodingId};
use spanwise::model::corpus::{DocId, DocumentMeta, sha256_hex};
use spanwise::model::project::ProjectFile;
use spanwise::storage::{self, atomic_write, to_ron};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("spanwise-open-large"));
    let _ = std::fs::remove_dir_all(&dir);
    let bundled =
        storage::read_project_file(&spanwise::storage::bundled::source_tree_path()).unwrap();
    let sentence = "Die Stadt Duisburg und der Konzern Huawei vereinbarten eine Partnerschaft. ";
    let text: String = sentence.repeat(60);
    let mut documents = Vec::new();
    for i in 0..1000 {
        let path = format!("corpus/{i:04}.txt");
        atomic_write(&dir.join(&path), text.as_bytes()).unwrap();
        documents.push(DocumentMeta {
            id: DocId(format!("d{i:04}")),
            path,
            title: format!("Artikel {i}"),
            date: None,
            source: None,
            sha256: sha256_hex(text.as_bytes()),
            memo: String::new(),
        });
    }
    let file = ProjectFile {
        format_version: 1,
        name: "large".into(),
        memo: String::new(),
        codebook: bundled.codebook.clone(),
        variables: Vec::new(),
        documents,
    };
    atomic_write(&dir.join("project.ron"), to_ron(&file).as_bytes()).unwrap();
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in text.chars().enumerate() {
            match (c.is_alphabetic(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    v.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        v
    };
    for coder in ["anna", "ben"] {
        let codings = (0..50_000u64)
            .map(|n| {
                let (s, e) = words[n as usize % words.len()];
                Coding {
                    id: CodingId(n + 1),
                    document: DocId(format!("d{:04}", n % 1000)),
                    code: bundled.codebook.codes[n as usize % bundled.codebook.codes.len()]
                        .id
                        .clone(),
                    start: s,
                    end: e,
                    quote: text.chars().skip(s).take(e - s).collect(),
                    memo: String::new(),
                    attributes: Default::default(),
                    created: "2024-01-01T00:00:00Z".into(),
                    modified: "2024-01-01T00:00:00Z".into(),
                }
            })
            .collect();
        let file = CoderFile {
            format_version: 1,
            coder: coder.into(),
            progress: Default::default(),
            document_memos: Default::default(),
            texts: Default::default(),
            variables: Default::default(),
            rejected: Default::default(),
            codings,
        };
        atomic_write(
            &dir.join(format!("coding/{coder}.ron")),
            to_ron(&file).as_bytes(),
        )
        .unwrap();
    }
    let t = Instant::now();
    let project = storage::load_project(&dir).unwrap();
    let elapsed = t.elapsed();
    assert!(project.problems.is_empty(), "{:?}", &project.problems[..1]);
    let n: usize = project.coders.values().map(|c| c.codings.len()).sum();
    println!(
        "opened {} documents, {n} codings in {elapsed:?}",
        project.corpus.documents.len()
    );
}
