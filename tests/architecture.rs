//! The layout's rules, checked on the source itself: the layers import only downwards
//! (engine ← model ← charts ← web), no module imports one that imports it back (directly or round a
//! longer circle), browser code exists only under `src/web` behind the one `cfg` in `lib.rs`, and no
//! screen grows past what a reader can hold.
//!
//! `cargo test --test architecture -- --nocapture` also prints the module graph it checked, one line
//! per module with what it imports.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may import from its own layer and those before it.
const LAYERS: [&str; 4] = ["engine", "model", "charts", "web"];

/// About 500 lines: a screen file longer than this holds more than one screen's worth of concerns.
const MAX_SCREEN_LINES: usize = 520;

/// A module of the crate: its path (`model::groups::tables`) and its source, without comments.
struct Module {
    path: Vec<String>,
    code: String,
    /// The submodules it declares (`mod tables;`).
    children: BTreeSet<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file with comments and string contents blanked, so that a path named in a comment
/// or a message is not taken for an import.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                    }
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

fn modules() -> Vec<Module> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let relative = file.strip_prefix("src").expect("under src");
            let mut path: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            // Entry points are not modules of the library: `main.rs` and `bin/` only start it.
            if path == ["main"] || path.first().is_some_and(|p| p == "bin") {
                return None;
            }
            if path.last().is_some_and(|p| p == "mod" || p == "lib") {
                path.pop();
            }
            let code = code_only(&fs::read_to_string(&file).expect("a readable file"));
            let children = code
                .lines()
                .filter_map(|line| {
                    let line = line.trim().trim_start_matches("pub ");
                    let name = line.strip_prefix("mod ")?.strip_suffix(';')?;
                    Some(name.trim().to_string())
                })
                .collect();
            Some(Module {
                path,
                code,
                children,
            })
        })
        .collect()
}

/// Every path a module's code names from the crate's root: `crate::a::b`, `super::c`, `self::d`, and
/// a declared submodule's name at the start of a `use`, including each item of a `{…}` group.
fn named_paths(module: &Module) -> Vec<Vec<String>> {
    let code = &module.code;
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_ident(bytes[i]) || (i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_ident(bytes[i]) {
            i += 1;
        }
        let word = &code[start..i];
        let base: Option<Vec<String>> = match word {
            "crate" => Some(Vec::new()),
            "super" => Some(module.path[..module.path.len().saturating_sub(1)].to_vec()),
            "self" => Some(module.path.clone()),
            w if module.children.contains(w) && code[i..].starts_with("::") => {
                let mut p = module.path.clone();
                p.push(w.to_string());
                Some(p)
            }
            _ => None,
        };
        let Some(base) = base else { continue };
        if !code[i..].starts_with("::") {
            continue;
        }
        i = path_tail(code, i, base, &mut found);
    }
    found
}

/// Reads `::a::b`, `::{a, b::c}` or `::a::{…}` after `base`, pushing each full path; returns where
/// the path ends.
fn path_tail(
    code: &str,
    mut i: usize,
    mut base: Vec<String>,
    found: &mut Vec<Vec<String>>,
) -> usize {
    let bytes = code.as_bytes();
    while code[i..].starts_with("::") {
        i += 2;
        if bytes.get(i) == Some(&b'{') {
            i += 1;
            loop {
                while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    return i + 1;
                }
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if start == i {
                    // `*` or `self`-less glob: the group's base itself is named.
                    found.push(base.clone());
                    i += 1;
                    continue;
                }
                let mut item = base.clone();
                let word = &code[start..i];
                if word != "self" {
                    item.push(word.to_string());
                }
                if code[i..].starts_with("::") {
                    i = path_tail(code, i, item, found);
                } else {
                    found.push(item);
                    // Skip an `as name`.
                    while i < bytes.len() && !matches!(bytes[i], b',' | b'}') {
                        i += 1;
                    }
                }
            }
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        if start == i {
            break;
        }
        base.push(code[start..i].to_string());
    }
    found.push(base);
    i
}

/// The module a path falls in: its longest prefix that is a module.
fn owner(path: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| known.contains(p))
}

fn name(path: &[String]) -> String {
    if path.is_empty() {
        "crate".into()
    } else {
        path.join("::")
    }
}

fn layer(path: &[String]) -> Option<usize> {
    LAYERS
        .iter()
        .position(|l| path.first().is_some_and(|p| p == l))
}

/// The graph: each module and the other modules it imports.
fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.iter().map(|m| m.path.clone()).collect();
    modules
        .iter()
        .map(|m| {
            let imports = named_paths(m)
                .iter()
                .filter_map(|p| owner(p, &known))
                // A module naming its own items is no import; nor is one naming an item through the
                // module that declares it (`super::Response`, `crate::engine::Response`): a parent's
                // re-exports are its children's own items.
                .filter(|p| p != &m.path && !m.path.starts_with(p))
                .collect();
            (m.path.clone(), imports)
        })
        .collect()
}

#[test]
fn layers_import_only_downwards() {
    let graph = graph();
    let mut upward = Vec::new();
    for (module, imports) in &graph {
        let Some(own) = layer(module) else { continue };
        for import in imports {
            if layer(import).is_some_and(|l| l > own) {
                upward.push(format!("{} → {}", name(module), name(import)));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a higher layer: {upward:#?}"
    );
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = graph();
    // Depth-first search for a back edge; the circle found is printed whole.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
        circles: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = stack.iter().position(|n| n == node) {
            let circle: Vec<String> = stack[at..].iter().chain([node]).map(|n| name(n)).collect();
            circles.push(circle.join(" → "));
            return;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            visit(next, graph, stack, done, circles);
        }
        stack.pop();
        done.insert(node.clone());
    }
    let (mut done, mut circles) = (BTreeSet::new(), Vec::new());
    for node in graph.keys() {
        visit(node, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

#[test]
fn the_graph_is_printed_for_a_reader() {
    let graph = graph();
    let mut lines = Vec::new();
    for (module, imports) in &graph {
        let imports: Vec<String> = imports.iter().map(|p| name(p)).collect();
        lines.push(format!("{} → {}", name(module), imports.join(", ")));
    }
    println!("{}", lines.join("\n"));
    // The graph reaches every layer, so the two checks above have something to check.
    for l in LAYERS {
        assert!(
            graph.keys().any(|m| m.first().is_some_and(|p| p == l)),
            "no module in layer {l}"
        );
    }
    assert!(graph.values().map(BTreeSet::len).sum::<usize>() > 100);
}

#[test]
fn src_holds_only_entry_points_and_the_layers() {
    let mut top: Vec<String> = fs::read_dir("src")
        .expect("src")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    top.sort();
    assert_eq!(
        top,
        ["bin", "charts", "engine", "lib.rs", "main.rs", "model", "web"]
    );
}

#[test]
fn browser_crates_are_named_only_under_web_behind_one_cfg() {
    let lib = code_only(&fs::read_to_string("src/lib.rs").expect("lib.rs"));
    assert_eq!(lib.matches("target_arch").count(), 1, "one cfg in lib.rs");
    assert!(
        lib.contains("#[cfg(target_arch = \"\")]\npub mod web;"),
        "the cfg is on the web layer"
    );
    for module in modules() {
        // The root is checked above; `web` is where the browser is.
        if module.path.is_empty() || module.path.first().is_some_and(|p| p == "web") {
            continue;
        }
        for browser in [
            "leptos::",
            "web_sys::",
            "wasm_bindgen",
            "js_sys::",
            "gloo_storage",
        ] {
            assert!(
                !module.code.contains(browser),
                "{} names {browser}",
                name(&module.path)
            );
        }
        assert!(
            !module.code.contains("target_arch"),
            "{} has a cfg of its own",
            name(&module.path)
        );
    }
}

#[test]
fn no_screen_file_is_longer_than_a_reader_can_hold() {
    let mut files = Vec::new();
    rust_files(Path::new("src/web"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).expect("readable").lines().count();
            (lines > MAX_SCREEN_LINES).then(|| format!("{}: {lines} lines", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn the_checker_sees_every_kind_of_path() {
    let module = Module {
        path: vec!["model".into(), "groups".into()],
        code: code_only(
            "use crate::engine::{aggregate::{A, B}, csv_format as csv};\n\
             use super::format;\nuse tables::X;\nmod tables;\n\
             // crate::web::shell in a comment\nlet s = \"crate::web::pages\";\n\
             fn f() { crate::charts::profile::draw(); }",
        ),
        children: ["tables".to_string()].into(),
    };
    let names: BTreeSet<String> = named_paths(&module).iter().map(|p| name(p)).collect();
    for expected in [
        "engine::aggregate::A",
        "engine::aggregate::B",
        "engine::csv_format",
        "model::format",
        "model::groups::tables::X",
        "charts::profile::draw",
    ] {
        assert!(names.contains(expected), "{expected} in {names:?}");
    }
    assert!(!names.iter().any(|n| n.starts_with("web")), "{names:?}");
}
