//! `majlis forms check`: the form-author's view of `majlis-xlsform`, the
//! same code the surveys activity uses. It needs no database or settings.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};
use majlis_xlsform::answers::Context;
use majlis_xlsform::{Answers, Form};

#[derive(Debug, Subcommand)]
pub enum FormsCommand {
    /// Check an XLSForm: exit 0 and a one-line summary when it is valid;
    /// exit 1 and one line per error (naming the sheet and the row) when it
    /// is not. With --answers, print what the form makes of those answers
    /// as one JSON object.
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The form: an .xlsx workbook (or the markdown-table form, .md).
    #[arg(value_name = "FORM")]
    form: PathBuf,
    /// Language for constraint messages: a code (ar) or a name as in the
    /// columns (Arabic (ar)) [default: the form's default language].
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// A JSON object of answers, question name → value as ODK submissions
    /// carry them (text; select_multiple as space-separated choice names;
    /// dates YYYY-MM-DD).
    #[arg(long, value_name = "ANSWERS.json")]
    answers: Option<PathBuf>,
}

/// Exit code when the command itself cannot run (unreadable answers file).
const USAGE: u8 = 2;

pub fn run(command: &FormsCommand) -> ExitCode {
    match command {
        FormsCommand::Check(args) => check(args),
    }
}

fn load(path: &Path) -> Result<Form, Vec<String>> {
    let bytes =
        std::fs::read(path).map_err(|e| vec![format!("{}: cannot read: {e}", path.display())])?;
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let parsed = if markdown {
        let text = String::from_utf8(bytes)
            .map_err(|_| vec![format!("{}: not UTF-8 text", path.display())])?;
        Form::from_markdown(&text)
    } else {
        Form::from_xlsx(&bytes)
    };
    parsed.map_err(|errors| errors.0.iter().map(|e| e.to_string()).collect())
}

fn check(args: &CheckArgs) -> ExitCode {
    let form = match load(&args.form) {
        Ok(f) => f,
        Err(lines) => {
            for l in lines {
                println!("{l}");
            }
            return ExitCode::FAILURE;
        }
    };
    if let Some(lang) = &args.lang
        && form.language(lang).is_none()
    {
        let have: Vec<&str> = form.languages.iter().map(|l| l.name.as_str()).collect();
        eprintln!(
            "majlis: the form has no language {lang:?} (it has: {}); messages are in its default language",
            if have.is_empty() {
                "none".to_owned()
            } else {
                have.join(", ")
            }
        );
    }
    let Some(answers_path) = &args.answers else {
        println!("{}", summary(&args.form, &form));
        return ExitCode::SUCCESS;
    };
    let answers = match read_answers(answers_path, &form) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("majlis: {e}");
            return ExitCode::from(USAGE);
        }
    };
    let ctx = Context {
        language: args.lang.as_deref(),
        today: chrono::Local::now().date_naive(),
    };
    let result = form.evaluate(&answers, &ctx);
    let json = serde_json::json!({
        "relevant": result.relevant,
        "calculated": result.calculated,
        "constraint_errors": result.constraint_errors.iter().map(|e| serde_json::json!({
            "name": e.name,
            "row": e.row,
            "message": e.message,
        })).collect::<Vec<_>>(),
        "required_missing": result.required_missing,
    });
    println!("{json}");
    ExitCode::SUCCESS
}

/// Reads the answers object: strings as they are; numbers and booleans as
/// their text (some tools write them so); anything else is refused.
fn read_answers(path: &Path, form: &Form) -> Result<Answers, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: not JSON: {e}", path.display()))?;
    let serde_json::Value::Object(map) = value else {
        return Err(format!(
            "{}: the answers must be one JSON object (name → value)",
            path.display()
        ));
    };
    let mut answers = Answers::new();
    for (name, v) in map {
        let text = match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            serde_json::Value::Null => String::new(),
            _ => {
                return Err(format!(
                    "{}: the answer to {name:?} must be text",
                    path.display()
                ));
            }
        };
        if form.question(&name).is_none() {
            eprintln!("majlis: the answer {name:?} names no question of the form; ignored");
        }
        answers.insert(name, text);
    }
    Ok(answers)
}

fn summary(path: &Path, form: &Form) -> String {
    let questions = form.questions().len();
    let groups = form.groups().len();
    let mut parts = vec![format!(
        "{questions} question{}",
        if questions == 1 { "" } else { "s" }
    )];
    parts.push(format!(
        "{groups} group{}",
        if groups == 1 { "" } else { "s" }
    ));
    parts.push(format!(
        "{} choice list{}",
        form.lists.len(),
        if form.lists.len() == 1 { "" } else { "s" }
    ));
    if !form.languages.is_empty() {
        let names: Vec<&str> = form.languages.iter().map(|l| l.name.as_str()).collect();
        parts.push(format!("languages: {}", names.join(", ")));
    }
    let title = form
        .settings
        .form_title
        .as_deref()
        .or(form.settings.form_id.as_deref())
        .map(|t| format!(" \"{t}\""))
        .unwrap_or_default();
    format!(
        "{}: valid form{title}: {}",
        path.display(),
        parts.join(", ")
    )
}
