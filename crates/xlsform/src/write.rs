//! A form back to a workbook, in canonical columns.

use crate::form::{CHOICES, Default, Form, Item, Kind, SETTINGS, SURVEY, Text};
use crate::sheet::{Row, Sheet, Workbook};

const TRANSLATED: [&str; 4] = ["label", "hint", "required_message", "constraint_message"];

pub(crate) fn to_workbook(form: &Form) -> Workbook {
    let mut header: Vec<String> = vec!["type".into(), "name".into()];
    for base in TRANSLATED {
        header.push(base.into());
        for l in &form.languages {
            header.push(format!("{base}::{}", l.name));
        }
    }
    for c in [
        "required",
        "relevant",
        "constraint",
        "calculation",
        "default",
        "choice_filter",
        "appearance",
        "parameters",
    ] {
        header.push(c.into());
    }
    let col = |h: &str| header.iter().position(|x| x == h).unwrap_or(0);
    let mut rows: Vec<Vec<String>> = Vec::new();
    let blank = vec![String::new(); header.len()];
    let put_text = |cells: &mut Vec<String>, base: &str, t: &Text| {
        if let Some(d) = &t.default {
            cells[col(base)] = d.clone();
        }
        for (lang, v) in &t.translations {
            cells[col(&format!("{base}::{lang}"))] = v.clone();
        }
    };
    fn walk(
        items: &[Item],
        rows: &mut Vec<Vec<String>>,
        blank: &[String],
        col: &dyn Fn(&str) -> usize,
        put_text: &dyn Fn(&mut Vec<String>, &str, &Text),
    ) {
        for item in items {
            let mut cells = blank.to_vec();
            match item {
                Item::Group(g) => {
                    cells[col("type")] = "begin_group".into();
                    cells[col("name")] = g.name.clone();
                    put_text(&mut cells, "label", &g.label);
                    put_text(&mut cells, "hint", &g.hint);
                    if let Some(e) = &g.relevant {
                        cells[col("relevant")] = e.source.clone();
                    }
                    if let Some(a) = &g.appearance {
                        cells[col("appearance")] = a.clone();
                    }
                    rows.push(cells);
                    walk(&g.items, rows, blank, col, put_text);
                    let mut end = blank.to_vec();
                    end[col("type")] = "end_group".into();
                    rows.push(end);
                }
                Item::Question(q) => {
                    cells[col("type")] = q.kind.type_text();
                    cells[col("name")] = q.name.clone();
                    put_text(&mut cells, "label", &q.label);
                    put_text(&mut cells, "hint", &q.hint);
                    put_text(&mut cells, "required_message", &q.required_message);
                    put_text(&mut cells, "constraint_message", &q.constraint_message);
                    for (c, e) in [
                        ("required", &q.required),
                        ("relevant", &q.relevant),
                        ("constraint", &q.constraint),
                        ("calculation", &q.calculation),
                        ("choice_filter", &q.choice_filter),
                    ] {
                        if let Some(e) = e {
                            cells[col(c)] = e.source.clone();
                        }
                    }
                    match &q.default {
                        Some(Default::Static(s)) => cells[col("default")] = s.clone(),
                        Some(Default::Dynamic(e)) => cells[col("default")] = e.source.clone(),
                        None => {}
                    }
                    if let Some(a) = &q.appearance {
                        cells[col("appearance")] = a.clone();
                    }
                    if let Some(p) = &q.parameters {
                        cells[col("parameters")] = p.clone();
                    } else if let Kind::Range { .. } = q.kind {
                        // defaults need no parameters
                    }
                    rows.push(cells);
                }
            }
        }
    }
    walk(&form.items, &mut rows, &blank, &col, &put_text);
    let mut book = Workbook::default();
    book.sheets.push(sheet(SURVEY, header, rows));

    if !form.lists.is_empty() {
        let mut header: Vec<String> = vec!["list_name".into(), "name".into(), "label".into()];
        for l in &form.languages {
            header.push(format!("label::{}", l.name));
        }
        header.extend(form.choice_columns.iter().cloned());
        let mut rows = Vec::new();
        for list in &form.lists {
            for c in &list.choices {
                let mut cells = vec![String::new(); header.len()];
                cells[0] = list.name.clone();
                cells[1] = c.name.clone();
                if let Some(d) = &c.label.default {
                    cells[2] = d.clone();
                }
                for (lang, v) in &c.label.translations {
                    if let Some(i) = header.iter().position(|h| *h == format!("label::{lang}")) {
                        cells[i] = v.clone();
                    }
                }
                for (k, v) in &c.properties {
                    if let Some(i) = header.iter().position(|h| h == k) {
                        cells[i] = v.clone();
                    }
                }
                rows.push(cells);
            }
        }
        book.sheets.push(sheet(CHOICES, header, rows));
    }

    let s = &form.settings;
    let mut header = Vec::new();
    let mut values = Vec::new();
    for (k, v) in [
        ("form_id", &s.form_id),
        ("form_title", &s.form_title),
        ("version", &s.version),
        ("default_language", &s.default_language),
    ] {
        if let Some(v) = v {
            header.push(k.to_owned());
            values.push(v.clone());
        }
    }
    if s.allow_duplicates {
        header.push("allow_choice_duplicates".into());
        values.push("yes".into());
    }
    if !header.is_empty() {
        book.sheets.push(sheet(SETTINGS, header, vec![values]));
    }
    book
}

fn sheet(name: &str, header: Vec<String>, rows: Vec<Vec<String>>) -> Sheet {
    Sheet {
        name: name.to_owned(),
        header: Some(Row {
            number: 1,
            cells: header,
        }),
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| Row {
                number: i + 2,
                cells,
            })
            .collect(),
    }
}
