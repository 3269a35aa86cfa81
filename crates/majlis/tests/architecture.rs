//! The dependency rule, read from the source tree (no database):
//!
//! (a) no file under an activity imports another activity's `routes` or `web`
//!     module (pages call rules, never another activity's pages);
//! (b) no infrastructure folder (config, db, fields, i18n, mail, policy,
//!     search, web) imports an activity or `app`;
//! (c) the graph of top-level folders has no cycle. Handlers naming the
//!     application's state type (`app::AppState`, `app::Routes`) add no edge:
//!     that is the one name activities take from the top.
//!
//! Imports are every `crate::…` path in Rust sources and askama templates:
//! `use` lines with nested `{}` groups, and inline paths such as
//! `crate::events::rules::events_with_practice(…)`. Comments are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The network's activities: their folders hold pages (`routes`, `web`).
const ACTIVITIES: &[&str] = &[
    "accounts",
    "audit",
    "directory",
    "library",
    "events",
    "consultations",
    "plans",
];

/// Folders that serve the activities and may not depend on them.
const INFRASTRUCTURE: &[&str] = &[
    "config", "db", "fields", "i18n", "mail", "policy", "search", "web",
];

/// Imports that break the rule today, each until a named move removes it:
/// (file under src/, imported folder, imported module or "" for any).
/// Delete each line when its import is gone; the test fails on a line that
/// no longer matches anything, so the list cannot outlive the imports (after
/// a file is moved or split, its new path fails as a new offender: move the
/// line only if the import is still on its way out).
const KNOWN: &[(&str, &str, &str)] = &[
    // None today (issue 16 emptied it).
];

/// A source file: its path under src/ and its text.
struct Source {
    path: String,
    text: String,
}

/// An import found in a file: the folder imported and the module path in it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Import {
    file: String,
    folder: String,
    /// The path's segments after the folder (`["routes", "Item"]`).
    rest: Vec<String>,
}

fn read_tree(dir: &Path, root: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir:?}: {e}"))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_tree(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs" || e == "html") {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
            let path = p
                .strip_prefix(root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            out.push(Source { path, text });
        }
    }
}

/// The text without `//` and `/* */` comments (string contents that look
/// like comments cut a line short, which can only hide an import, never
/// invent one).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let line = rest.find("//");
        let block = rest.find("/*");
        match (line, block) {
            (Some(l), b) if b.is_none_or(|b| l < b) => {
                out.push_str(&rest[..l]);
                rest = &rest[l..];
                rest = rest.find('\n').map_or("", |n| &rest[n..]);
            }
            (_, Some(b)) => {
                out.push_str(&rest[..b]);
                rest = &rest[b + 2..];
                rest = rest.find("*/").map_or("", |n| &rest[n + 2..]);
            }
            _ => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Parses a path (after `crate::`) at the start of `s` into full paths,
/// expanding `{…}` groups (nested too). Returns the paths and how much of
/// `s` was read.
fn parse_tree(s: &str, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let mut i = 0;
    let mut path: Vec<String> = prefix.to_vec();
    let skip_ws = |i: &mut usize| {
        while let Some(c) = s[*i..].chars().next() {
            if c.is_whitespace() {
                *i += c.len_utf8();
            } else {
                break;
            }
        }
    };
    loop {
        skip_ws(&mut i);
        if s[i..].starts_with('{') {
            i += 1;
            loop {
                skip_ws(&mut i);
                if s[i..].starts_with('}') {
                    return i + 1;
                }
                if i >= s.len() {
                    return i;
                }
                let read = parse_tree(&s[i..], &path, out);
                i += read.max(1);
                skip_ws(&mut i);
                if s[i..].starts_with(',') {
                    i += 1;
                }
            }
        }
        let start = i;
        while let Some(c) = s[i..].chars().next() {
            if is_ident(c) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        if i == start {
            // `*` or the end of the path.
            if s[i..].starts_with('*') {
                i += 1;
            }
            out.push(path);
            return i;
        }
        path.push(s[start..i].to_owned());
        skip_ws(&mut i);
        if s[i..].starts_with("::") {
            i += 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// Every `crate::…` path in `text`, as segments after `crate`.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let text = strip_comments(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("crate::") {
        let start = from + at;
        let before = text[..start].chars().next_back();
        from = start + "crate::".len();
        // `majlis_crate::` or `$crate::` are not this crate's paths.
        if before.is_some_and(|c| is_ident(c) || c == '$') {
            continue;
        }
        from += parse_tree(&text[from..], &[], &mut out);
    }
    out.retain(|p| !p.is_empty());
    out
}

/// The top-level folder of a path under src/ (`library/routes/api.rs` →
/// `library`; `token.rs` → `token`).
fn folder_of(path: &str) -> &str {
    let first = path.split('/').next().unwrap_or(path);
    first.strip_suffix(".rs").unwrap_or(first)
}

fn imports(sources: &[Source]) -> Vec<Import> {
    let folders: BTreeSet<&str> = sources.iter().map(|s| folder_of(&s.path)).collect();
    let mut out = Vec::new();
    for s in sources {
        let own = folder_of(&s.path);
        for p in crate_paths(&s.text) {
            let target = p[0].as_str();
            if target != own && (folders.contains(target) || target == "app") {
                out.push(Import {
                    file: s.path.clone(),
                    folder: target.to_owned(),
                    rest: p[1..].to_vec(),
                });
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `app::AppState` and `app::Routes`: the state type handlers take and the
/// route table they are added to.
fn is_state_type(rest: &[String]) -> bool {
    matches!(
        rest.first().map(String::as_str),
        Some("AppState" | "Routes")
    ) && rest.len() == 1
}

fn is_known(i: &Import, known: &[(&str, &str, &str)]) -> bool {
    known.iter().any(|(file, folder, module)| {
        i.file == *file
            && i.folder == *folder
            && (module.is_empty() || i.rest.first().is_some_and(|m| m == module))
    })
}

/// What breaks the rule, one sentence each (empty when it holds), and the
/// `known` entries that matched nothing.
fn check(sources: &[Source], known: &[(&str, &str, &str)]) -> (Vec<String>, Vec<String>) {
    let all = imports(sources);
    let mut used = BTreeSet::new();
    let mut problems = BTreeSet::new();
    let mut graph: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for i in &all {
        if let Some(k) = known
            .iter()
            .position(|(file, folder, module)| is_known(i, &[(file, folder, module)]))
        {
            used.insert(k);
            continue;
        }
        let own = folder_of(&i.file);
        let module = i.rest.first().map(String::as_str).unwrap_or("");
        if ACTIVITIES.contains(&own)
            && ACTIVITIES.contains(&i.folder.as_str())
            && matches!(module, "routes" | "web")
        {
            problems.insert(format!(
                "{} imports {}::{module}: another activity's pages (call its rules instead)",
                i.file, i.folder
            ));
        }
        if INFRASTRUCTURE.contains(&own)
            && (ACTIVITIES.contains(&i.folder.as_str()) || i.folder == "app")
        {
            problems.insert(format!(
                "{} (infrastructure) imports {}::{}",
                i.file,
                i.folder,
                i.rest.join("::")
            ));
        }
        if i.folder == "app" && is_state_type(&i.rest) {
            // Handlers are written against the application's state and route
            // table (`State<AppState>`, `app::Routes`): the one name an
            // activity takes from the top. Anything else of `app` is an edge.
            continue;
        }
        graph
            .entry(own.to_owned())
            .or_default()
            .entry(i.folder.clone())
            .or_insert_with(|| i.file.clone());
    }
    if let Some(cycle) = find_cycle(&graph) {
        let steps: Vec<String> = cycle
            .windows(2)
            .map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]]))
            .collect();
        problems.insert(format!("folders import each other: {}", steps.join(", ")));
    }
    let stale = known
        .iter()
        .enumerate()
        .filter(|(k, _)| !used.contains(k))
        .map(|(_, (file, folder, module))| format!("{file} → {folder} {module}"))
        .collect();
    (problems.into_iter().collect(), stale)
}

/// A cycle in the folder graph, as folders from one back to itself.
fn find_cycle(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeMap<String, String>>,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let from = stack.iter().position(|n| n == node)?;
                let mut cycle = stack[from..].to_vec();
                cycle.push(node.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_owned(), Mark::Open);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flat_map(|m| m.keys()) {
            if let Some(c) = visit(next, graph, marks, stack) {
                return Some(c);
            }
        }
        stack.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut marks, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn src() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    read_tree(&root, &root, &mut out);
    assert!(out.len() > 100, "read only {} files", out.len());
    out
}

#[test]
fn the_source_tree_keeps_the_dependency_rule() {
    let (problems, stale) = check(&src(), KNOWN);
    assert!(
        problems.is_empty(),
        "the dependency rule is broken:\n  {}",
        problems.join("\n  ")
    );
    assert!(
        stale.is_empty(),
        "these KNOWN exceptions import nothing any more; delete them:\n  {}",
        stale.join("\n  ")
    );
}

fn file(path: &str, text: &str) -> Source {
    Source {
        path: path.to_owned(),
        text: text.to_owned(),
    }
}

#[test]
fn paths_are_read_from_groups_inline_calls_and_templates() {
    let text = r#"
        use crate::{
            db::Db,
            library::{backlinks::Linked, routes::{self, api}},
        };
        use crate::events::*;
        // use crate::consultations::routes;
        /* crate::audit::routes */
        fn f() { crate::directory :: rules::non_empty(None); $crate::x::y; majlis_crate::z; }
        {{ crate::search::results::kind_label(ctx, h.kind) }}
    "#;
    let mut found: Vec<String> = crate_paths(text).iter().map(|p| p.join("::")).collect();
    found.sort();
    assert_eq!(
        found,
        [
            "db::Db",
            "directory::rules::non_empty",
            "events",
            "library::backlinks::Linked",
            "library::routes::api",
            "library::routes::self",
            "search::results::kind_label",
        ]
    );
}

#[test]
fn each_rule_fails_on_a_new_offender() {
    let base = || {
        vec![
            file("lib.rs", "pub mod db; pub mod web;"),
            file("db/mod.rs", "pub struct Db;"),
            file("web/mod.rs", "use crate::db::Db;"),
            file("library/mod.rs", "use crate::{db::Db, web::render};"),
            file("events/routes/page.rs", "use crate::library::rules::x;"),
        ]
    };
    assert_eq!(check(&base(), &[]).0, Vec::<String>::new());

    // (a) another activity's pages.
    let mut tree = base();
    tree.push(file(
        "events/rules.rs",
        "fn f() { crate::library::routes::page(); }",
    ));
    let (problems, _) = check(&tree, &[]);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("another activity's pages")),
        "{problems:?}"
    );

    // (b) infrastructure importing an activity, or app.
    for target in [
        "use crate::{db::Db, events::EventKind};",
        "use crate::app::AppState;",
    ] {
        let mut tree = base();
        tree.push(file("web/page.rs", target));
        let (problems, _) = check(&tree, &[]);
        assert!(
            problems.iter().any(|p| p.contains("(infrastructure)")),
            "{target}: {problems:?}"
        );
    }

    // (c) a cycle, even through files the other rules allow.
    let mut tree = base();
    tree.push(file(
        "library/search.rs",
        "use crate::events::search::EVENTS;",
    ));
    let (problems, _) = check(&tree, &[]);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("library → events") && p.contains("events → library")),
        "{problems:?}"
    );

    // A known exception hides its own import and no other; a stale one is named.
    let mut tree = base();
    tree.push(file("web/page.rs", "use crate::events::EventKind;"));
    tree.push(file("web/other.rs", "use crate::events::EventKind;"));
    let (problems, stale) = check(
        &tree,
        &[
            ("web/page.rs", "events", ""),
            ("web/gone.rs", "library", ""),
        ],
    );
    // The unknown import is named, and makes a cycle (web → events → library → web).
    assert!(
        problems.iter().any(|p| p.starts_with("web/other.rs")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("web → events (web/other.rs)")),
        "{problems:?}"
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(!problems.iter().any(|p| p.contains("web/page.rs")));
    assert_eq!(stale, ["web/gone.rs → library "]);
}
