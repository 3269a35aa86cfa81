//! Any text as an expression: parsing must answer Ok or an error, and
//! evaluating what parses must return a value, never panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use majlis_xlsform::expr::{Env, ParseMode, Value, evaluate, parse};

struct Answers;

impl Env for Answers {
    fn reference(&self, name: &str) -> Value {
        match name.len() % 4 {
            0 => Value::Num(name.len() as f64 - 2.5),
            1 => Value::Str("a b c".into()),
            2 => Value::Date(NaiveDate::from_ymd_opt(2016, 5, 1).unwrap_or(NaiveDate::MIN)),
            _ => Value::Str(String::new()),
        }
    }
    fn current(&self) -> Value {
        Value::Str("2016-05-01".into())
    }
    fn property(&self, name: &str) -> Value {
        Value::Str(name.to_owned())
    }
    fn choice_label(&self, question: &str, choice: &str) -> Option<String> {
        Some(format!("{question}/{choice}"))
    }
    fn today(&self) -> NaiveDate {
        NaiveDate::MAX
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for mode in [ParseMode::Plain, ParseMode::ChoiceFilter] {
        if let Ok(e) = parse(text, mode) {
            let _ = evaluate(&e.node, &Answers).to_text();
        }
    }
});
