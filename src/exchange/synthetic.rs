//! Synthetic projects for benchmarks and tests: German-like news prose (umlauts, „“ quotes,
//! paragraphs), any number of documents of a given size, and coders with many codings each.
//!
//! Everything comes from a small built-in PRNG (splitmix64), so the same [`Spec`] always gives the
//! same project, byte for byte, without a new dependency. Codings overlap (within a coder, and
//! across coders, who often code nearly the same span), and every quote is exactly the char slice
//! of its span, so the result loads and checks like a real project.

use std::collections::BTreeMap;
use std::path::Path;

use crate::model::codebook::{AttributeDef, Code, CodeId, Codebook, OKABE_ITO};
use crate::model::coder::{CODER_FORMAT_VERSION, CoderFile, coder_file_stem};
use crate::model::coding::{Coding, CodingId};
use crate::model::corpus::{DocId, Document, DocumentMeta, sha256_hex};
use crate::model::project::Project;
use crate::model::span::Span;
use crate::model::text::DocText;
use crate::storage::{self, StorageError};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Seed of the generator: the same spec gives the same project.
    pub seed: u64,
    /// Number of documents.
    pub documents: usize,
    /// Size of each document text in bytes (UTF-8), approximately (cut at a sentence end).
    pub document_bytes: usize,
    /// Coder names.
    pub coders: Vec<String>,
    /// Codings per coder, spread over the documents.
    pub codings_per_coder: usize,
}

impl Spec {
    /// A spec with coders named `coder1`, `coder2`, ….
    pub fn new(
        seed: u64,
        documents: usize,
        document_bytes: usize,
        coders: usize,
        codings_per_coder: usize,
    ) -> Self {
        Self {
            seed,
            documents,
            document_bytes,
            coders: (1..=coders).map(|i| format!("coder{i}")).collect(),
            codings_per_coder,
        }
    }

    /// The scale study of the benchmarks: `articles` articles of 5,000 bytes and three coders
    /// with 30 codings per article each (1,000 articles: 3 × 30,000 codings, 5 MB of text;
    /// 10,000 articles: 3 × 300,000 codings, 50 MB), so every figure grows with the corpus alone.
    pub fn scale(articles: usize) -> Self {
        Self::new(2026, articles, 5_000, 3, articles * 30)
    }
}

/// The splitmix64 generator: tiny, fast and good enough for test data.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NOUNS: &[&str] = &[
    "Stadt",
    "Bürgermeister",
    "Überwachung",
    "Datenschutz",
    "Verträge",
    "Straßenbeleuchtung",
    "Glasfasernetz",
    "Kooperation",
    "Behörde",
    "Sicherheitsrisiko",
    "Bürgerinnen",
    "Ausschreibung",
    "Förderung",
    "Gemeinderat",
    "Öffentlichkeit",
    "Prüfung",
    "Lösung",
    "Abhängigkeit",
    "Schulen",
    "Verwaltung",
    "Zukunft",
    "Größe",
    "Äußerung",
    "Digitalisierung",
    "Haushalt",
    "Rathaus",
];
const VERBS: &[&str] = &[
    "prüft",
    "fordert",
    "begrüßt",
    "kritisiert",
    "erklärt",
    "plant",
    "verschiebt",
    "würdigt",
    "äußert",
    "beschließt",
    "lehnt",
    "unterstützt",
    "bestätigt",
    "bezweifelt",
    "führt",
];
const ADJECTIVES: &[&str] = &[
    "öffentliche",
    "städtische",
    "grüne",
    "mögliche",
    "künftige",
    "schnelle",
    "gründliche",
    "chinesische",
    "digitale",
    "neue",
    "große",
    "übliche",
    "schwierige",
];
const FILLERS: &[&str] = &[
    "die",
    "der",
    "das",
    "und",
    "mit",
    "für",
    "über",
    "gegen",
    "nach",
    "bis",
    "zum",
    "im",
    "auch",
    "noch",
    "nicht",
    "bereits",
    "womöglich",
    "zunächst",
    "dafür",
    "außerdem",
    "jedoch",
];
const SPEAKERS: &[&str] = &[
    "Sören Link",
    "die Sprecherin",
    "ein Stadtrat",
    "Jan Weidenfeld",
    "die Grünen",
    "Jörg Müller",
];
const SOURCES: &[&str] = &[
    "Rheinische Post",
    "WAZ",
    "Süddeutsche Zeitung",
    "taz",
    "Die Zeit",
];
const CODES: &[(&str, &str)] = &[
    ("risk", "Risiko"),
    ("claim", "Behauptung"),
    ("commitment", "Zusage"),
    ("benefit", "Nutzen"),
    ("actor", "Akteur"),
    ("privacy", "Datenschutz"),
];

fn sentence(rng: &mut SplitMix64, out: &mut String) {
    let words = rng.between(6, 18);
    let quoted = rng.chance(25);
    if quoted {
        out.push('„');
    }
    for w in 0..words {
        let word = match w % 4 {
            0 => rng.pick(NOUNS),
            1 => rng.pick(VERBS),
            2 => rng.pick(ADJECTIVES),
            _ => rng.pick(FILLERS),
        };
        if w == 0 {
            let mut cs = word.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(word);
        }
        if w + 1 < words && rng.chance(6) {
            out.push(',');
        }
    }
    if quoted {
        out.push_str("“, sagte ");
        out.push_str(rng.pick(SPEAKERS));
    }
    out.push('.');
}

/// A German-like news text of about `bytes` bytes: a headline line, then paragraphs of 2–7
/// sentences separated by blank lines, ending with a newline.
pub fn article(rng: &mut SplitMix64, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    sentence(rng, &mut out);
    out.push_str("\n\n");
    while out.len() < bytes {
        let sentences = rng.between(2, 7);
        for s in 0..sentences {
            if s > 0 {
                out.push(' ');
            }
            sentence(rng, &mut out);
            if out.len() >= bytes {
                break;
            }
        }
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn codebook() -> Codebook {
    Codebook {
        codes: CODES
            .iter()
            .enumerate()
            .map(|(i, (id, name))| Code {
                id: CodeId((*id).into()),
                name: (*name).into(),
                colour: OKABE_ITO[i % OKABE_ITO.len()].into(),
                key: char::from_digit(i as u32 + 1, 10),
                definition: format!("Synthetischer Code „{name}“."),
                parent: None,
                attributes: if *id == "claim" {
                    vec![AttributeDef {
                        name: "actor".into(),
                        choices: Vec::new(),
                    }]
                } else {
                    Vec::new()
                },
            })
            .collect(),
    }
}

fn timestamp(rng: &mut SplitMix64) -> String {
    format!(
        "2024-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        rng.between(1, 12),
        rng.between(1, 28),
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

/// A random non-empty span of about 3–240 chars (snapped to word edges) in a text.
fn random_span(rng: &mut SplitMix64, text: &DocText) -> Span {
    let n = text.char_len();
    loop {
        let start = rng.below(n.max(1));
        let len = rng.between(3, 240);
        let span = text.snap_to_words(Span::new(start, (start + len).min(n)));
        // Only whitespace (the end of the text) snaps to nothing: draw again.
        if !span.is_empty() || n == 0 {
            return span;
        }
    }
}

fn make_coding(rng: &mut SplitMix64, id: u64, doc: &DocId, text: &DocText, span: Span) -> Coding {
    let (code, _) = CODES[rng.below(CODES.len())];
    let mut attributes = BTreeMap::new();
    if code == "claim" && rng.chance(50) {
        attributes.insert("actor".to_string(), rng.pick(SPEAKERS).to_string());
    }
    let memo = if rng.chance(10) {
        format!("Notiz {id}: „{}“ prüfen.", rng.pick(NOUNS))
    } else {
        String::new()
    };
    let created = timestamp(rng);
    Coding {
        id: CodingId(id),
        document: doc.clone(),
        code: CodeId(code.into()),
        start: span.start,
        end: span.end,
        quote: text
            .slice(span)
            .expect("spans stay in the text")
            .to_string(),
        memo,
        attributes,
        modified: created.clone(),
        created,
    }
}

/// Generates a project in memory, with `root` as its folder (nothing is written).
pub fn generate(spec: &Spec, root: &Path) -> Project {
    let mut rng = SplitMix64::new(spec.seed);
    let documents: Vec<Document> = (0..spec.documents)
        .map(|i| {
            let text = article(&mut rng, spec.document_bytes);
            let id = DocId(format!("doc{i:05}"));
            let title = text.lines().next().unwrap_or("").to_string();
            let meta = DocumentMeta {
                path: format!("corpus/{}.txt", id.0),
                id,
                title,
                date: Some(format!(
                    "2023-{:02}-{:02}",
                    rng.between(1, 12),
                    rng.between(1, 28)
                )),
                source: Some(rng.pick(SOURCES).to_string()),
                sha256: sha256_hex(text.as_bytes()),
                memo: String::new(),
            };
            Document {
                meta,
                text: Some(DocText::new(text)),
            }
        })
        .collect();
    let mut coders = BTreeMap::new();
    // The first coder's spans, by document, so later coders can code nearly the same passages.
    let mut first_spans: Vec<Vec<Span>> = vec![Vec::new(); documents.len()];
    for (k, name) in spec.coders.iter().enumerate() {
        let mut file = CoderFile::new(name);
        file.codings.reserve(spec.codings_per_coder);
        for i in 0..spec.codings_per_coder {
            if documents.is_empty() {
                break;
            }
            let d = i % documents.len();
            let doc = &documents[d];
            let text = doc.text.as_ref().expect("generated documents have text");
            let span = match first_spans[d].len() {
                n if k > 0 && n > 0 && rng.chance(60) => {
                    // Nearly the first coder's span: each end moved by up to two chars.
                    let base = first_spans[d][rng.below(n)];
                    let len = text.char_len();
                    let start = (base.start + rng.below(5)).saturating_sub(2).min(len - 1);
                    let end = (base.end + rng.below(5)).saturating_sub(2);
                    Span::new(start, end.clamp(start + 1, len))
                }
                _ => random_span(&mut rng, text),
            };
            if k == 0 {
                first_spans[d].push(span);
            }
            let coding = make_coding(&mut rng, i as u64 + 1, &doc.meta.id, text, span);
            file.codings.push(coding);
        }
        file.format_version = CODER_FORMAT_VERSION;
        file.sort();
        coders.insert(coder_file_stem(name), file);
    }
    Project {
        coders,
        ..Project::new(
            root.to_path_buf(),
            format!("Synthetisch {}", spec.seed),
            codebook(),
            documents,
        )
    }
}

/// Generates a project and writes it into `root` (created if needed): `project.ron`,
/// `corpus/*.txt` and `coding/<coder>.ron`, all through [`storage`].
pub fn write(spec: &Spec, root: &Path) -> Result<Project, StorageError> {
    let project = generate(spec, root);
    for doc in &project.corpus.documents {
        let text = doc.text.as_ref().expect("generated documents have text");
        let path = root.join(&doc.meta.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StorageError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        // Plain writes: fsync-ing a thousand fixture texts would only slow the benchmarks down.
        std::fs::write(&path, text.as_str()).map_err(|source| StorageError::Io {
            path: path.clone(),
            source,
        })?;
    }
    storage::save_project_file(&project)?;
    for file in project.coders.values() {
        storage::save_coder(&project, &file.coder)?;
    }
    Ok(project)
}

/// Bumped whenever [`generate`] makes different projects, so cached copies are made anew.
const GENERATOR_VERSION: u32 = 1;

/// The file [`write_cached`] writes last into a generated project: the spec and the size of every
/// file it wrote that a later run could change.
const CACHE_MARKER: &str = ".synthetic-spec";

/// Writes the project of `spec` into `root`, unless `root` already holds exactly that project
/// untouched (the marker file, written last, names the spec and the sizes of `project.ron` and
/// the coder files); returns whether it was written. Large benchmark fixtures are generated once
/// and reused between runs this way. Anything else in `root` is removed first.
pub fn write_cached(spec: &Spec, root: &Path) -> Result<bool, StorageError> {
    let marker = root.join(CACHE_MARKER);
    if let Ok(found) = std::fs::read_to_string(&marker)
        && found == cache_marker(spec, root)
    {
        return Ok(false);
    }
    if root.exists() {
        std::fs::remove_dir_all(root).map_err(|source| StorageError::Io {
            path: root.to_path_buf(),
            source,
        })?;
    }
    drop(write(spec, root)?);
    std::fs::write(&marker, cache_marker(spec, root)).map_err(|source| StorageError::Io {
        path: marker.clone(),
        source,
    })?;
    Ok(true)
}

fn cache_marker(spec: &Spec, root: &Path) -> String {
    let mut out = format!("generator {GENERATOR_VERSION}\n{spec:?}\n");
    let mut files = vec![root.join("project.ron")];
    files.extend(spec.coders.iter().map(|c| {
        root.join("coding")
            .join(format!("{}.ron", coder_file_stem(c)))
    }));
    for file in files {
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        out.push_str(&format!("{} {size}\n", file.display()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Spec {
        Spec::new(7, 4, 3_000, 2, 200)
    }

    #[test]
    fn same_seed_same_project() {
        let a = generate(&small(), Path::new("a"));
        let b = generate(&small(), Path::new("a"));
        assert_eq!(a.to_file(), b.to_file());
        assert_eq!(a.coders, b.coders);
        let c = generate(&Spec { seed: 8, ..small() }, Path::new("a"));
        assert_ne!(a.coders, c.coders);
    }

    #[test]
    fn texts_look_german_and_have_the_asked_size() {
        let p = generate(&small(), Path::new("a"));
        for doc in &p.corpus.documents {
            let t = doc.text.as_ref().unwrap().as_str();
            assert!((3_000..3_600).contains(&t.len()), "{} bytes", t.len());
            assert!(t.contains("\n\n"), "paragraphs");
            assert!(t.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']), "umlauts");
            assert!(t.contains('„') && t.contains('“'), "German quotes");
        }
    }

    #[test]
    fn dense_codings_on_short_texts_stay_inside_them() {
        let p = generate(&Spec::new(3, 3, 300, 3, 3_000), Path::new("a"));
        for file in p.coders.values() {
            for c in &file.codings {
                let text = p.corpus.get(&c.document).unwrap().text.as_ref().unwrap();
                assert!(!c.span().is_empty());
                assert_eq!(text.slice(c.span()), Some(c.quote.as_str()), "{c:?}");
            }
        }
    }

    #[test]
    fn written_project_loads_and_every_quote_matches() {
        let dir = tempfile::tempdir().unwrap();
        let spec = small();
        let written = write(&spec, dir.path()).unwrap();
        let loaded = storage::load_project(dir.path()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.corpus.documents.len(), 4);
        assert_eq!(loaded.coders.len(), written.coders.len());
        for (stem, file) in &loaded.coders {
            assert_eq!(file.codings, written.coders[stem].codings, "{stem}");
        }
        let mut overlaps = 0;
        for file in loaded.coders.values() {
            assert_eq!(file.codings.len(), 200);
            for (i, c) in file.codings.iter().enumerate() {
                let doc = loaded.corpus.get(&c.document).unwrap();
                let text = doc.text.as_ref().unwrap();
                assert_eq!(doc.meta.sha256, sha256_hex(text.as_str().as_bytes()));
                assert!(!c.span().is_empty());
                assert_eq!(text.slice(c.span()), Some(c.quote.as_str()), "{c:?}");
                if file.codings[..i]
                    .iter()
                    .any(|o| o.document == c.document && o.span().overlaps(&c.span()))
                {
                    overlaps += 1;
                }
            }
        }
        assert!(overlaps > 50, "codings overlap ({overlaps})");
        let problems = crate::analysis::check::check_project(&loaded);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_cached_project_is_reused_until_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        let spec = small();
        assert!(
            write_cached(&spec, &root).unwrap(),
            "written the first time"
        );
        assert!(
            !write_cached(&spec, &root).unwrap(),
            "reused the second time"
        );
        let coder = root.join("coding/coder1.ron");
        let original = std::fs::read(&coder).unwrap();
        std::fs::write(&coder, b"(codings: [])").unwrap();
        assert!(
            write_cached(&spec, &root).unwrap(),
            "a changed coder file is made anew"
        );
        assert_eq!(std::fs::read(&coder).unwrap(), original);
        let other = Spec { seed: 9, ..small() };
        assert!(
            write_cached(&other, &root).unwrap(),
            "another spec is made anew"
        );
        assert_eq!(Spec::scale(10_000).codings_per_coder, 300_000);
    }
}
