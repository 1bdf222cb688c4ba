//! The house rules of `ringdesk-core`'s module graph, read from its sources: no cycle among the
//! top-level modules (`crate::x` paths, test code left out), and nothing below the application
//! layer reaching up into it — errors and calls flow one way (docs/ARCHITECTURE.md).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The application layer: only it (and `lib.rs`) may name `crate::app`.
const FRONT_DOOR: &str = "app";

#[test]
fn the_core_modules_form_no_cycle() {
    let graph = graph();
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "module cycles in ringdesk-core (calls and errors must flow one way): {cycles:?}"
    );
}

#[test]
fn nothing_below_the_application_layer_uses_it() {
    let graph = graph();
    let upward: Vec<&String> = graph
        .iter()
        .filter(|(module, uses)| module.as_str() != FRONT_DOOR && uses.contains(FRONT_DOOR))
        .map(|(module, _)| module)
        .collect();
    assert!(
        upward.is_empty(),
        "these modules use the application layer (or its crate error): {upward:?}"
    );
    assert!(
        graph.contains_key(FRONT_DOOR),
        "the graph was read: the application layer is in it"
    );
}

/// Top-level module → the top-level modules it names through `crate::`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let tops: BTreeSet<String> = fs::read_dir(&src)
        .expect("src/ is readable")
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            match name.strip_suffix(".rs") {
                Some("lib" | "main") => None,
                Some(stem) => Some(stem.to_string()),
                None if entry.path().is_dir() && name != "bin" => Some(name),
                None => None,
            }
        })
        .collect();
    let mut graph = BTreeMap::new();
    for top in &tops {
        let mut uses = BTreeSet::new();
        let path = src.join(top);
        let files = if path.is_dir() {
            rust_files(&path)
        } else {
            vec![src.join(format!("{top}.rs"))]
        };
        for file in files {
            if file.components().any(|c| c.as_os_str() == "tests") {
                continue;
            }
            let text = fs::read_to_string(&file).expect("source is readable");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for used in named_modules(code) {
                if tops.contains(&used) && &used != top {
                    uses.insert(used);
                }
            }
        }
        graph.insert(top.clone(), uses);
    }
    graph
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("a source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The modules named as `crate::name` or inside `use crate::{name, …}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            for item in inner.split(',') {
                names.insert(leading_ident(item.trim()));
            }
        } else {
            names.insert(leading_ident(rest));
        }
    }
    names.retain(|name| name.starts_with(|c: char| c.is_ascii_lowercase()));
    names
}

fn leading_ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The strongly connected components with more than one module (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(walk: &mut Walk<'a>, node: &'a str) {
        let at = walk.index.len();
        walk.index.insert(node, at);
        walk.low.insert(node, at);
        walk.stack.push(node);
        let graph = walk.graph;
        for next in graph.get(node).into_iter().flatten() {
            let next = next.as_str();
            if !walk.index.contains_key(next) {
                visit(walk, next);
                let low = walk.low[node].min(walk.low[next]);
                walk.low.insert(node, low);
            } else if walk.stack.contains(&next) {
                let low = walk.low[node].min(walk.index[next]);
                walk.low.insert(node, low);
            }
        }
        if walk.low[node] == walk.index[node] {
            let mut component = Vec::new();
            while let Some(top) = walk.stack.pop() {
                component.push(top.to_string());
                if top == node {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                walk.found.push(component);
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            visit(&mut walk, node);
        }
    }
    walk.found
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycles(&graph), vec![vec!["a".to_string(), "b".to_string()]]);
    assert_eq!(
        named_modules("use crate::{api::Client, store};\nlet x = crate::phone::parse();"),
        BTreeSet::from(["api".into(), "phone".into(), "store".into()])
    );
}
