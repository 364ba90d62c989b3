//! Document variables (the codesheet) end to end without the window: projects without variables
//! write the same bytes as before, a coder's values live in their own file, bad values are named
//! with file:line:col, and every export carries them.

mod common;

use std::process::Command as Process;

use spanwise::edit::command::Command;
use spanwise::edit::workspace::Workspace;
use spanwise::exchange::{ExportFormat, export};
use spanwise::model::coder::Progress;
use spanwise::model::project::Project;
use spanwise::model::variable::{Number, Scale, Values, Variable, VariableId};
use spanwise::storage::{self, LoadOptions};

fn tone() -> Variable {
    Variable {
        description: "Tonalität gegenüber der Kooperation".into(),
        ..Variable::labelled(
            "tone",
            "Tonalität",
            Scale::Ordinal,
            &[(-1, "negativ"), (0, "neutral"), (1, "positiv „gut“")],
        )
    }
}

fn sources() -> Variable {
    Variable {
        id: VariableId("sources".into()),
        label: "Quellen".into(),
        description: String::new(),
        scale: Scale::Ratio,
        values: Values::Range {
            min: Number(0.0),
            max: Number(20.0),
            step: Number(1.0),
        },
    }
}

fn set(coder: &str, p: &Project, doc: usize, var: &str, value: Option<f64>) -> Command {
    Command::SetVariable {
        coder: coder.into(),
        document: p.corpus.documents[doc].meta.id.clone(),
        variable: VariableId(var.into()),
        value: value.map(Number),
    }
}

/// The bundled project with two variables, anna's and ben's values, saved.
fn coded_project() -> tempfile::TempDir {
    let dir = common::bundled_copy();
    let mut anna = Workspace::open(dir.path(), "anna").unwrap();
    anna.execute(Command::Batch(vec![
        Command::InsertVariable {
            at: 0,
            variable: tone(),
        },
        Command::InsertVariable {
            at: 1,
            variable: sources(),
        },
    ]))
    .unwrap();
    let p = anna.project();
    let cmds = vec![
        set("anna", p, 0, "tone", Some(-1.0)),
        set("anna", p, 0, "sources", Some(3.0)),
        set("anna", p, 2, "tone", Some(1.0)),
    ];
    for c in cmds {
        anna.execute(c).unwrap();
    }
    anna.save().unwrap();
    let mut ben = Workspace::open(dir.path(), "ben").unwrap();
    let c = set("ben", ben.project(), 0, "tone", Some(0.0));
    ben.execute(c).unwrap();
    ben.save().unwrap();
    dir
}

#[test]
fn a_project_without_variables_writes_the_same_bytes() {
    let dir = common::bundled_copy();
    let before = std::fs::read_to_string(dir.path().join("project.ron")).unwrap();
    let p = storage::load_project(dir.path()).unwrap();
    assert!(p.variables.is_empty());
    assert_eq!(storage::to_ron(&p.to_file()), before);
    let fixture = common::fixture_copy("export-two-coders");
    let path = fixture.path().join("coding/anna.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let file = storage::read_coder_file(&path).unwrap();
    assert!(file.variables.is_empty());
    assert!(!storage::to_ron(&file).contains("variables"));
    assert_eq!(storage::to_ron(&file), text);
}

#[test]
fn values_live_in_the_coder_file_and_definitions_in_project_ron() {
    let dir = coded_project();
    let project_ron = std::fs::read_to_string(dir.path().join("project.ron")).unwrap();
    assert!(project_ron.contains("variables:"), "{project_ron}");
    assert!(project_ron.contains("positiv „gut“"));
    let anna = std::fs::read_to_string(dir.path().join("coding/anna.ron")).unwrap();
    assert!(
        anna.contains("variables:") && anna.contains("\"tone\": -1.0"),
        "{anna}"
    );
    let p = storage::load_project(dir.path()).unwrap();
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let doc0 = &p.corpus.documents[0].meta.id;
    let tone_id = VariableId("tone".into());
    assert_eq!(
        p.coder("anna").unwrap().value_of(doc0, &tone_id),
        Some(Number(-1.0))
    );
    assert_eq!(
        p.coder("ben").unwrap().value_of(doc0, &tone_id),
        Some(Number(0.0))
    );
    // the first value in a document marks it in progress, like a first coding
    assert_eq!(
        p.coder("ben").unwrap().progress_of(doc0),
        Progress::InProgress
    );
    let t = spanwise::analysis::variables::units_by_coders(&p, &tone_id, &[]).unwrap();
    assert_eq!(t.coders, ["anna", "ben"]);
    assert_eq!(t.values[0], vec![Some(-1.0), Some(0.0)]);
    assert_eq!(t.values[2], vec![Some(1.0), None]);
    assert_eq!(t.values[1], vec![None, None]);
}

#[test]
fn setting_a_value_is_undone_with_its_progress_in_one_step() {
    let dir = common::bundled_copy();
    let mut ws = Workspace::open(dir.path(), "anna").unwrap();
    ws.execute(Command::InsertVariable {
        at: 0,
        variable: tone(),
    })
    .unwrap();
    let c = set("anna", ws.project(), 1, "tone", Some(0.0));
    ws.execute(c).unwrap();
    let doc = ws.project().corpus.documents[1].meta.id.clone();
    let anna = ws.project().coder("anna").unwrap();
    assert_eq!(anna.progress_of(&doc), Progress::InProgress);
    assert!(ws.undo());
    let anna = ws.project().coder("anna").unwrap();
    assert_eq!(anna.progress_of(&doc), Progress::NotStarted);
    assert!(anna.variables.is_empty());
    assert!(ws.redo());
    let clear = set("anna", ws.project(), 1, "tone", None);
    ws.execute(clear).unwrap();
    assert!(ws.project().coder("anna").unwrap().variables.is_empty());
}

fn load_problem(dir: &std::path::Path) -> String {
    match storage::load(dir, &LoadOptions::read_only(false)) {
        Ok(_) => panic!("a bad codesheet value must stop the load"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_value_outside_its_variable_is_named_with_line_and_column() {
    let dir = coded_project();
    let path = dir.path().join("coding/anna.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"sources\": 3.0"))
        .unwrap()
        + 1;
    std::fs::write(&path, text.replace("\"sources\": 3.0", "\"sources\": 25.0")).unwrap();
    let err = load_problem(dir.path());
    assert!(
        err.contains(&format!("anna.ron:{line}:")) && err.contains("outside"),
        "{err}"
    );
    std::fs::write(&path, text.replace("\"sources\": 3.0", "\"topic\": 1.0")).unwrap();
    let err = load_problem(dir.path());
    assert!(
        err.contains(&format!("anna.ron:{line}:")) && err.contains("`topic` is not defined"),
        "{err}"
    );
    std::fs::write(&path, text.replace("\"tone\": -1.0", "\"tone\": 2.0")).unwrap();
    let err = load_problem(dir.path());
    assert!(err.contains("not one of the codes"), "{err}");
}

fn export_text(p: &Project, format: ExportFormat) -> String {
    String::from_utf8(export(p, format, &[]).unwrap().bytes).unwrap()
}

#[test]
fn the_documents_table_has_a_row_per_document_and_coder() {
    let dir = coded_project();
    let p = storage::load_project(dir.path()).unwrap();
    let csv = export_text(&p, ExportFormat::VariablesCsv);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "project,document,title,date,source,coder,progress,tone,tone_label,sources"
    );
    assert_eq!(lines.len(), 1 + 2 * p.corpus.documents.len());
    let doc0 = &p.corpus.documents[0].meta.id.0;
    let anna0 = lines
        .iter()
        .find(|l| l.contains(doc0.as_str()) && l.contains(",anna,"))
        .unwrap();
    assert!(anna0.ends_with(",anna,in progress,-1,negativ,3"), "{anna0}");
    let jsonl = export_text(&p, ExportFormat::VariablesJsonl);
    let rows: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let third_anna = rows
        .iter()
        .find(|r| r["document"] == p.corpus.documents[2].meta.id.0 && r["coder"] == "anna")
        .unwrap();
    assert_eq!(third_anna["tone"], 1.0);
    assert_eq!(third_anna["tone_label"], "positiv „gut“");
    assert!(third_anna["sources"].is_null());
    let matrix = export_text(&p, ExportFormat::Matrix);
    let header = matrix.lines().next().unwrap();
    assert!(header.ends_with(",var_tone,var_sources"), "{header}");
    let sps = export_text(&p, ExportFormat::VariablesSps);
    assert!(
        sps.contains("VALUE LABELS var_tone\n  -1 \"negativ\""),
        "{sps}"
    );
    assert!(sps.contains("VARIABLE LEVEL var_sources (SCALE)."), "{sps}");
}

#[test]
fn the_qdpx_carries_one_coders_values_and_validates() {
    let dir = coded_project();
    let p = storage::load_project(dir.path()).unwrap();
    for coders in [vec![], vec!["ben".to_string()]] {
        let out = export(&p, ExportFormat::Qdpx, &coders).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out.bytes)).unwrap();
        let mut qde = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("project.qde").unwrap(), &mut qde).unwrap();
        assert!(qde.contains("typeOfVariable=\"Text\""), "{qde}");
        assert!(qde.contains("typeOfVariable=\"Integer\""));
        if coders.is_empty() {
            // anna is first of the coders with values
            assert!(qde.contains("<TextValue>negativ</TextValue>"));
            assert!(qde.contains("<IntegerValue>3</IntegerValue>"));
        } else {
            assert!(qde.contains("<TextValue>neutral</TextValue>"));
            assert!(!qde.contains("negativ</TextValue>"));
        }
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("project.qde");
        std::fs::write(&path, &qde).unwrap();
        let xsd = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/Project-mrt2019.xsd");
        let status = Process::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&xsd)
            .arg(&path)
            .output()
            .expect("xmllint (libxml2-utils) validates project.qde");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
}
