//! The domain rules every path shares: how a new code gets its id, colour and key (the editor,
//! the .qdpx import), the first coding marking a document "in progress" (in the reader or in
//! bulk from search), and adding documents as an undoable command that writes nothing until saved.

mod common;

use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::exchange::qdpx_import::import_qdpx_bytes;
use spanwise::exchange::{ExportFormat, export};
use spanwise::model::coder::Progress;
use spanwise::model::new_code::new_code;
use spanwise::model::span::Span;
use spanwise::storage::create::{Decoding, add_documents};

#[test]
fn a_code_made_in_the_editor_keeps_its_id_and_key_through_a_qdpx_round_trip() {
    let dir = common::bundled_copy();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    let code = new_code(&ws.project().codebook, "Frame: economic", None);
    assert_eq!(code.id.0, "frame-economic");
    let (id, key) = (code.id.clone(), code.key);
    let at = ws.project().codebook.codes.len();
    ws.execute(Command::InsertCode { at, code }).unwrap();

    let qdpx = export(ws.project(), ExportFormat::Qdpx, &[]).unwrap().bytes;
    let out = tempfile::tempdir().unwrap();
    import_qdpx_bytes(&qdpx, "round trip", &out.path().join("p")).unwrap();
    let back = spanwise::storage::load_project(&out.path().join("p")).unwrap();
    let ids: Vec<(String, Option<char>)> = back
        .codebook
        .codes
        .iter()
        .map(|c| (c.id.0.clone(), c.key))
        .collect();
    let before: Vec<(String, Option<char>)> = ws
        .project()
        .codebook
        .codes
        .iter()
        .map(|c| (c.id.0.clone(), c.key))
        .collect();
    assert_eq!(ids, before, "ids and keys survive the round trip");
    assert!(back.codebook.get(&id).is_some_and(|c| c.key == key));
}

#[test]
fn bulk_coding_marks_each_document_in_progress_and_undo_takes_it_back() {
    let dir = common::bundled_copy();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    let docs: Vec<_> = ws.project().corpus.documents[..2]
        .iter()
        .map(|d| d.meta.id.clone())
        .collect();
    let code = ws.project().codebook.codes[0].id.clone();
    let mut commands = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let mut coding = ws
            .project()
            .new_coding("anna", doc, &code, Span::new(0, 4))
            .unwrap();
        coding.id.0 += i as u64;
        commands.push(Command::AddCoding {
            coder: "anna".into(),
            coding,
        });
    }
    ws.execute(Command::Batch(commands)).unwrap();
    let progress = |ws: &Workspace, d| {
        ws.project()
            .coder("anna")
            .map_or(Progress::NotStarted, |f| f.progress_of(d))
    };
    for doc in &docs {
        assert_eq!(progress(&ws, doc), Progress::InProgress, "{doc}");
    }
    assert!(ws.undo());
    for doc in &docs {
        assert_eq!(progress(&ws, doc), Progress::NotStarted, "one undo step");
    }
}

#[test]
fn a_coding_in_a_finished_document_leaves_it_done() {
    let dir = common::bundled_copy();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    let doc = ws.project().corpus.documents[0].meta.id.clone();
    ws.execute(Command::SetProgress {
        coder: "anna".into(),
        document: doc.clone(),
        progress: Progress::Done,
    })
    .unwrap();
    let code = ws.project().codebook.codes[0].id.clone();
    let coding = ws
        .project()
        .new_coding("anna", &doc, &code, Span::new(0, 4))
        .unwrap();
    ws.execute(Command::AddCoding {
        coder: "anna".into(),
        coding,
    })
    .unwrap();
    assert_eq!(
        ws.project().coder("anna").unwrap().progress_of(&doc),
        Progress::Done
    );
}

#[test]
fn added_documents_are_written_by_save_and_undo_leaves_no_file() {
    let dir = common::bundled_copy();
    let src = tempfile::tempdir().unwrap();
    let file = src.path().join("neu.txt");
    std::fs::write(&file, "Grüße aus Duisburg 🙂\r\nzweite Zeile").unwrap();
    let corpus = dir.path().join("corpus");
    let listing = || {
        let mut names: Vec<String> = std::fs::read_dir(&corpus)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    let added = add_documents(ws.project(), &[file], Decoding::Utf8).unwrap();
    assert_eq!(listing(), before, "reading the files writes nothing");
    let commands = added
        .into_iter()
        .map(|(meta, text)| Command::AddDocument { meta, text })
        .collect();
    ws.execute(Command::Batch(commands)).unwrap();
    assert!(ws.undo());
    ws.save().unwrap();
    assert_eq!(
        listing(),
        before,
        "undone before saving: no file left behind"
    );

    assert!(ws.redo());
    ws.save().unwrap();
    let after = listing();
    assert_eq!(after.len(), before.len() + 1);
    let new = after.iter().find(|n| !before.contains(n)).unwrap();
    assert_eq!(
        std::fs::read_to_string(corpus.join(new)).unwrap(),
        "Grüße aus Duisburg 🙂\nzweite Zeile"
    );
    let reopened = spanwise::storage::load_project(dir.path()).unwrap();
    assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
    assert_eq!(
        reopened.corpus.documents.len(),
        ws.project().corpus.documents.len()
    );
}
