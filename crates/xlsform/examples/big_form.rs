//! Writes a generated XLSForm of N questions (default 500) for the
//! `forms check` benchmark: groups of ten, English and Arabic labels and
//! messages, relevance on the previous question, constraints, selects from
//! shared lists, a calculation per group.
//!
//! cargo run --release -p majlis-xlsform --example big_form -- 500 big.xlsx
//!
//! Then times, in this process, reading and checking the workbook and
//! evaluating a full set of answers (20 runs each), and prints a table.
use std::time::{Duration, Instant};

use majlis_xlsform::answers::{Answers, Context};
use majlis_xlsform::{Form, Kind, Workbook};

fn stats(mut runs: Vec<Duration>) -> String {
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "{:.2} | {:.2} | {:.2}",
        ms(runs[0]),
        ms(runs[runs.len() / 2]),
        ms(runs[runs.len() - 1])
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let out = args.next().unwrap_or_else(|| "big.xlsx".into());
    let mut md = String::from(
        "| survey |\n| | type | name | label::English (en) | label::Arabic (ar) | hint::English (en) | required | relevant | constraint | constraint_message::English (en) | constraint_message::Arabic (ar) | calculation | choice_filter |\n",
    );
    let mut i = 0;
    let mut group = 0;
    while i < n {
        group += 1;
        md += &format!(
            "| | begin_group | g{group} | Part {group} | الجزء {group} | | | | | | | | |\n"
        );
        let first = i;
        for _ in 0..10 {
            if i >= n {
                break;
            }
            let relevant = if i > first {
                format!("${{q{}}} != ''", i - 1)
            } else {
                String::new()
            };
            let line = match i % 5 {
                0 => format!(
                    "| | integer | q{i} | Count {i} | العدد {i} | A whole number | yes | {relevant} | . >= 0 and . <= 100000 | Between 0 and 100000. | بين 0 و100000. | | |\n"
                ),
                1 => format!(
                    "| | select_one yes_no | q{i} | Question {i}? | السؤال {i}؟ | | yes | {relevant} | | | | | |\n"
                ),
                2 => format!(
                    "| | select_multiple causes | q{i} | Causes {i} | الأسباب {i} | | | {relevant} | count-selected(.) <= 3 | At most three. | ثلاثة على الأكثر. | | |\n"
                ),
                3 => format!(
                    "| | text | q{i} | Comment {i} | تعليق {i} | | | {relevant} | string-length(.) <= 500 | Too long. | طويل جدًا. | | |\n"
                ),
                _ => format!(
                    "| | decimal | q{i} | Share {i} | النسبة {i} | | | {relevant} | . >= 0 and . <= 100 | A percentage. | نسبة مئوية. | | |\n"
                ),
            };
            md += &line;
            i += 1;
        }
        md += &format!(
            "| | calculate | total{group} | | | | | | | | | if(${{q{first}}} > 0, ${{q{first}}} * 2, 0) | |\n"
        );
        md += "| | end_group | | | | | | | | | | | |\n";
    }
    md += "| choices |\n| | list_name | name | label::English (en) | label::Arabic (ar) |\n";
    md += "| | yes_no | yes | Yes | نعم |\n| | yes_no | no | No | لا |\n";
    for c in 0..12 {
        md += &format!("| | causes | c{c} | Cause {c} | السبب {c} |\n");
    }
    md += "| settings |\n| | form_id | form_title | default_language |\n| | big | Generated form | English (en) |\n";
    let bytes = Workbook::from_markdown(&md).to_xlsx().expect("write xlsx");
    std::fs::write(&out, &bytes).expect("write file");
    eprintln!(
        "{out}: {n} questions in {group} groups, {} bytes",
        bytes.len()
    );

    let mut read = Vec::new();
    let mut form = None;
    for _ in 0..20 {
        let t = Instant::now();
        let f = Form::from_xlsx(&bytes).expect("the generated form is valid");
        read.push(t.elapsed());
        form = Some(f);
    }
    let Some(form) = form else { return };
    let mut answers = Answers::new();
    for (q, _) in form.questions() {
        let v = match q.kind {
            Kind::Integer => "12",
            Kind::SelectOne { .. } => "yes",
            Kind::SelectMultiple { .. } => "c1 c2",
            Kind::Text => "a comment",
            Kind::Decimal => "42.5",
            _ => continue,
        };
        answers.insert(q.name.clone(), v.to_owned());
    }
    let ctx = Context {
        language: Some("ar"),
        today: chrono::Local::now().date_naive(),
    };
    let mut eval = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let r = form.evaluate(&answers, &ctx);
        eval.push(t.elapsed());
        assert!(r.required_missing.is_empty() && r.constraint_errors.is_empty());
    }
    println!("| {n} questions | min ms | median ms | max ms |");
    println!("| --- | --- | --- | --- |");
    println!("| read .xlsx and check | {} |", stats(read));
    println!("| evaluate all answers | {} |", stats(eval));
}
