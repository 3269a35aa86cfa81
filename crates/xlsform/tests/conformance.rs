//! Every case of `shared/conformance/xlsform/pyxform-cases.json` (forms from
//! pyxform 4.5.0's test suite, with whether pyxform accepts them).
//!
//! Classes: in the subset and agreeing with pyxform on accept/refuse; out of
//! the subset and refused cleanly ("not supported", naming sheet and row);
//! disagreeing; panicking. The test fails on any panic, any disagreement
//! inside the subset, any out-of-subset form accepted, and any refusal that
//! does not name its sheet and row.
//!
//! Whether a case is outside the subset is decided twice: by the importer
//! (it answers "not supported") and, independently, by a scan here of the
//! sheets, types and columns the case uses against the documented subset; a
//! form the scan finds outside must be refused as not supported.

use std::collections::BTreeMap;
use std::path::PathBuf;

use majlis_xlsform::{Form, Workbook};

fn cases_file() -> PathBuf {
    if let Ok(p) = std::env::var("MAJLIS_XLSFORM_CASES") {
        return PathBuf::from(p);
    }
    // The repository is cloned next to `shared/` (../shared from its root);
    // a git worktree sits deeper, so look in every folder above the crate.
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for dir in here.ancestors() {
        let p = dir.join("shared/conformance/xlsform/pyxform-cases.json");
        if p.exists() {
            return p;
        }
    }
    panic!(
        "pyxform-cases.json not found above {} (expected ../shared/conformance/xlsform/ beside the repository, or MAJLIS_XLSFORM_CASES)",
        here.display()
    );
}

const SUBSET_TYPES: &[&str] = &[
    "text",
    "integer",
    "decimal",
    "select_one",
    "select_multiple",
    "note",
    "date",
    "calculate",
    "range",
    "acknowledge",
    "begin_group",
    "end_group",
    "begin group",
    "end group",
];

const SURVEY_COLUMNS: &[&str] = &[
    "type",
    "name",
    "label",
    "hint",
    "required",
    "required_message",
    "relevant",
    "constraint",
    "constraint_message",
    "calculation",
    "default",
    "choice_filter",
    "appearance",
    "parameters",
    // pyxform's other spellings of the same columns
    "caption",
    "relevance",
    "calculate",
    "constraining_message",
    "jr:constraintmsg",
    "jr:requiredmsg",
    "command",
    "tag",
    "value",
];

/// Features outside the documented subset that the case's sheets, types and
/// columns show, without asking the importer.
fn outside_subset(book: &Workbook) -> Vec<String> {
    let mut found = Vec::new();
    let filled = |sheet: &majlis_xlsform::sheet::Sheet, i: usize| {
        sheet
            .rows
            .iter()
            .any(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()))
    };
    for sheet in &book.sheets {
        let name = sheet.name.to_lowercase();
        let has_content = sheet.header.is_some();
        let header: Vec<String> = sheet
            .header
            .as_ref()
            .map(|h| h.cells.iter().map(|c| c.to_lowercase()).collect())
            .unwrap_or_default();
        match name.as_str() {
            "survey" => {
                for (i, h) in header.iter().enumerate() {
                    let base = h.split("::").next().unwrap_or("").trim();
                    if filled(sheet, i) && !SURVEY_COLUMNS.contains(&base) {
                        found.push(format!("survey column {h}"));
                    }
                }
                if let Some(t) = header.iter().position(|h| h == "type") {
                    for r in &sheet.rows {
                        let ty = r.cells.get(t).map_or("", String::as_str);
                        let ty = ty.split_whitespace().collect::<Vec<_>>().join(" ");
                        if ty.is_empty() {
                            continue;
                        }
                        let head = ty.split(' ').next().unwrap_or("");
                        let ok = SUBSET_TYPES.contains(&ty.as_str())
                            || SUBSET_TYPES.contains(&head)
                            || ty.starts_with("select one ")
                            || ty.starts_with("select multiple ")
                            || ty.starts_with("select all that apply ");
                        if !ok || ty.ends_with("or_other") {
                            found.push(format!("type {ty}"));
                        }
                    }
                }
            }
            "choices" => {
                for (i, h) in header.iter().enumerate() {
                    let base = h.split("::").next().unwrap_or("").trim();
                    if filled(sheet, i)
                        && matches!(base, "media" | "image" | "audio" | "video" | "big-image")
                    {
                        found.push(format!("choices column {h}"));
                    }
                }
            }
            "settings" => {
                for (i, h) in header.iter().enumerate() {
                    let known = [
                        "form_id",
                        "id_string",
                        "form_title",
                        "title",
                        "version",
                        "default_language",
                        "allow_choice_duplicates",
                    ];
                    if filled(sheet, i) && !known.contains(&h.as_str()) {
                        found.push(format!("setting {h}"));
                    }
                }
            }
            _ if has_content && book.sheets.len() > 1 => found.push(format!("sheet {name}")),
            _ => {}
        }
    }
    found
}

/// Cases where the importer knowingly differs from pyxform, and why. Each
/// is still run; it is counted apart instead of as a disagreement.
const DIVERGENCES: &[(&str, &str)] = &[
    (
        "tests.test_settings.TestSettings.test_name__from_file__invalid_characters__error",
        "pyxform's test gives an invalid form name as a function argument, which the markdown form does not carry",
    ),
    (
        "tests.test_validate_unicode_exception.ValidateUnicodeException.test_validate_unicode_exception",
        "pyxform does not parse expressions; `$(myField)='1'` is no XPath (ODK Validate refuses it) and the server could not evaluate it",
    ),
    (
        "tests.test_validate_unicode_exception.ValidateUnicodeException.test_validate_with_more_unicode",
        "pyxform does not parse expressions; `£¥§©®₱₩` is no XPath (ODK Validate refuses it) and the server could not evaluate it",
    ),
];

#[derive(Default)]
struct Counts {
    divergences: Vec<String>,
    skipped: usize,
    in_subset_agree: usize,
    in_subset_agree_accepted: usize,
    out_refused_clean: usize,
    disagree_we_accept: Vec<String>,
    disagree_we_refuse: Vec<String>,
    out_accepted: Vec<String>,
    out_not_said: Vec<String>,
    unclean: Vec<String>,
    panics: Vec<String>,
    features: BTreeMap<String, usize>,
}

#[test]
fn pyxform_cases() {
    let path = cases_file();
    let text = std::fs::read_to_string(&path).expect("read pyxform-cases.json");
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).expect("parse cases");
    let mut c = Counts::default();
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for case in &cases {
        let test = case["test"].as_str().unwrap_or("?").to_owned();
        let Some(md) = case["md"].as_str() else {
            c.skipped += 1;
            continue;
        };
        let pyxform_refuses = case["errored"].as_bool().unwrap_or(false);
        let result = std::panic::catch_unwind(|| {
            let book = Workbook::from_markdown(md);
            let outside = outside_subset(&book);
            (outside, Form::from_workbook(&book))
        });
        let Ok((outside, result)) = result else {
            c.panics.push(test);
            continue;
        };
        if let Some((_, why)) = DIVERGENCES.iter().find(|(t, _)| *t == test) {
            let ours = if result.is_ok() { "accept" } else { "refuse" };
            c.divergences.push(format!("{test}: we {ours}; {why}"));
            continue;
        }
        match result {
            Ok(_) if !outside.is_empty() => c.out_accepted.push(format!("{test}: {outside:?}")),
            Ok(_) if pyxform_refuses => c.disagree_we_accept.push(format!(
                "{test}\n    pyxform: {:?}\n{md}",
                case["error__contains"]
            )),
            Ok(_) => {
                c.in_subset_agree += 1;
                c.in_subset_agree_accepted += 1;
            }
            Err(errors) => {
                let clean = errors.0.iter().all(|e| {
                    !e.loc.sheet.is_empty()
                        && (e.loc.row.is_some()
                            || e.kind == majlis_xlsform::ErrorKind::NoSurveySheet)
                });
                if !clean {
                    c.unclean.push(format!("{test}: {errors}"));
                }
                let not_supported: Vec<_> =
                    errors.0.iter().filter(|e| e.is_not_supported()).collect();
                if !not_supported.is_empty() {
                    c.out_refused_clean += usize::from(clean);
                    if outside.is_empty() && std::env::var("CONFORMANCE_SHOW_IMPORTER_ONLY").is_ok()
                    {
                        println!(
                            "=== importer-only not supported: {test} (pyxform refuses: {pyxform_refuses})\n{errors}\n"
                        );
                    }
                    for e in not_supported {
                        if let majlis_xlsform::ErrorKind::NotSupported { feature } = &e.kind {
                            let key = feature.split('`').take(2).collect::<Vec<_>>().join("`");
                            *c.features.entry(key).or_default() += 1;
                        }
                    }
                } else if !outside.is_empty() && !pyxform_refuses {
                    c.out_not_said
                        .push(format!("{test}: {outside:?}: {errors}"));
                } else if pyxform_refuses {
                    c.in_subset_agree += 1;
                } else {
                    c.disagree_we_refuse
                        .push(format!("{test}\n    ours: {errors}\n{md}"));
                }
            }
        }
    }
    std::panic::set_hook(quiet);

    let total = cases.len();
    println!(
        "pyxform conformance cases: {total} ({} skipped: no markdown form)",
        c.skipped
    );
    println!(
        "  in the subset, agreeing with pyxform:  {} ({} accepted, {} refused)",
        c.in_subset_agree,
        c.in_subset_agree_accepted,
        c.in_subset_agree - c.in_subset_agree_accepted
    );
    println!(
        "  out of the subset, refused cleanly:    {}",
        c.out_refused_clean
    );
    println!(
        "  disagreeing:                           {} ({} we accept / pyxform refuses, {} we refuse / pyxform accepts)",
        c.disagree_we_accept.len() + c.disagree_we_refuse.len(),
        c.disagree_we_accept.len(),
        c.disagree_we_refuse.len()
    );
    println!(
        "  known divergences (listed below):      {}",
        c.divergences.len()
    );
    println!(
        "  out of the subset but accepted:        {}",
        c.out_accepted.len()
    );
    println!(
        "  out of the subset, not said so:        {}",
        c.out_not_said.len()
    );
    println!(
        "  refusals not naming sheet and row:     {}",
        c.unclean.len()
    );
    println!(
        "  panics:                                {}",
        c.panics.len()
    );
    println!("  not supported, by feature (cases):");
    let mut features: Vec<_> = c.features.iter().collect();
    features.sort_by(|a, b| b.1.cmp(a.1));
    for (f, n) in features {
        println!("    {n:5}  {f}");
    }
    let limit = std::env::var("CONFORMANCE_SHOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    for (title, list) in [
        ("we accept, pyxform refuses", &c.disagree_we_accept),
        ("we refuse, pyxform accepts", &c.disagree_we_refuse),
        ("out of the subset but accepted", &c.out_accepted),
        ("out of the subset, not said so", &c.out_not_said),
        ("refusals not naming sheet and row", &c.unclean),
        ("panics", &c.panics),
        ("known divergence", &c.divergences),
    ] {
        for item in list.iter().take(limit) {
            println!("--- {title}: {item}");
        }
    }
    assert!(c.divergences.len() <= DIVERGENCES.len());
    assert!(c.panics.is_empty(), "panics");
    assert!(
        c.disagree_we_accept.is_empty() && c.disagree_we_refuse.is_empty(),
        "disagreements"
    );
    assert!(c.out_accepted.is_empty(), "out-of-subset forms accepted");
    assert!(
        c.out_not_said.is_empty(),
        "out-of-subset forms not refused as not supported"
    );
    assert!(c.unclean.is_empty(), "refusals without sheet and row");
    assert_eq!(
        c.skipped + c.in_subset_agree + c.out_refused_clean + c.divergences.len(),
        total,
        "every case is classified"
    );
}
