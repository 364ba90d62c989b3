//! The crate's layers, checked from its sources: each module imports only modules of its own
//! layer or of layers below it, and no modules import each other in a circle (docs/ARCHITECTURE.md).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first.
const LAYERS: [&str; 8] = [
    "model", "anchor", "storage", "edit", "analysis", "exchange", "cli", "ui",
];

fn rank(module: &str) -> usize {
    let top = module.split("::").next().unwrap();
    LAYERS
        .iter()
        .position(|l| *l == top)
        .unwrap_or_else(|| panic!("module {module} is in no layer: add it to LAYERS"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/storage/mod.rs` → `storage`, `src/anchor/place.rs` → `anchor::place`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The non-comment, non-test code of a file.
fn code(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap();
    body.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest known module that `path` (segments after `crate::`) names.
fn resolve(modules: &BTreeSet<String>, segments: &[&str]) -> Option<String> {
    (1..=segments.len())
        .rev()
        .map(|n| segments[..n].join("::"))
        .find(|m| modules.contains(m))
}

/// Modules each module refers to through `crate::` and `super::` paths.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(src, f))
        .filter(|m| !m.is_empty() && m != "lib" && m != "main")
        .collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let me = module_of(src, file);
        if !modules.contains(&me) {
            continue;
        }
        let text = code(&std::fs::read_to_string(file).unwrap());
        let parent: Vec<&str> = {
            let mut p: Vec<&str> = me.split("::").collect();
            p.pop();
            p
        };
        let mut uses = BTreeSet::new();
        for (prefix, base) in [("crate::", Vec::new()), ("super::", parent.clone())] {
            for (at, _) in text.match_indices(prefix) {
                if prefix == "super::" && text[..at].ends_with("::") {
                    continue;
                }
                if prefix == "crate::" && at > 0 && text[..at].ends_with('$') {
                    continue;
                }
                let rest = &text[at + prefix.len()..];
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
                    .collect();
                let (head, group) = match path.split_once('{') {
                    Some((h, _)) => {
                        let close = rest.find('}').unwrap_or(rest.len());
                        (
                            h.trim_end_matches("::").to_string(),
                            Some(&rest[h.len() + 1..close]),
                        )
                    }
                    None => (path.trim_end_matches("::").to_string(), None),
                };
                let mut segments: Vec<&str> = base.clone();
                segments.extend(head.split("::").filter(|s| !s.is_empty()));
                let mut targets = Vec::new();
                if let Some(group) = group {
                    for item in group.split(',') {
                        let first = item.trim().split("::").next().unwrap().trim();
                        let mut s = segments.clone();
                        if first != "self" && !first.is_empty() {
                            s.push(first);
                        }
                        targets.extend(resolve(&modules, &s));
                    }
                } else {
                    targets.extend(resolve(&modules, &segments));
                }
                for t in targets {
                    if t != me {
                        uses.insert(t);
                    }
                }
            }
        }
        // children named by a relative path (`migration::read`, `pub use place::Target`)
        let prefix = if me.is_empty() {
            String::new()
        } else {
            format!("{me}::")
        };
        for child in modules.iter().filter_map(|m| m.strip_prefix(&prefix)) {
            if child.contains("::") {
                continue;
            }
            let named = text.match_indices(&format!("{child}::")).any(|(at, _)| {
                !text[..at].ends_with("::")
                    && !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            });
            if named {
                uses.insert(format!("{prefix}{child}"));
            }
        }
        graph.insert(me, uses);
    }
    graph
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_module_imports_only_its_own_layer_or_those_below() {
    let mut wrong = Vec::new();
    for (module, uses) in imports(&src()) {
        for used in uses {
            if rank(&used) > rank(&module) {
                wrong.push(format!("{module} imports {used}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_core_modules_import_each_other_in_a_circle() {
    let graph = imports(&src());
    let core: BTreeMap<&String, &BTreeSet<String>> = graph
        .iter()
        .filter(|(m, _)| rank(m) < rank("cli"))
        .collect();
    // depth-first search for a back edge; report each circle once
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    let mut circles = Vec::new();
    fn visit<'a>(
        m: &'a str,
        core: &BTreeMap<&'a String, &'a BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
        circles: &mut Vec<String>,
    ) {
        state.insert(m, 1);
        stack.push(m);
        if let Some(uses) = core.get(&m.to_string()) {
            for u in uses.iter() {
                match state.get(u.as_str()) {
                    Some(1) => {
                        let from = stack.iter().position(|s| s == u).unwrap();
                        circles.push(format!("{} -> {u}", stack[from..].join(" -> ")));
                    }
                    Some(_) => {}
                    None => visit(u, core, state, stack, circles),
                }
            }
        }
        stack.pop();
        state.insert(m, 2);
    }
    for m in core.keys() {
        if !state.contains_key(m.as_str()) {
            visit(m, &core, &mut state, &mut Vec::new(), &mut circles);
        }
    }
    assert!(
        circles.is_empty(),
        "modules importing each other:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_checker_sees_relative_and_absolute_imports() {
    // the graph holds imports by relative path (mod.rs naming a child) and by crate path
    let graph = imports(&src());
    assert!(graph["storage"].contains("storage::loader"));
    assert!(graph["storage::migration"].contains("storage::error"));
    assert!(rank("ui::app") > rank("storage"));
}
