//! Checks one markdown-table form given on standard input (a debugging aid).
use std::io::Read;
fn main() {
    let mut s = String::new();
    if std::io::stdin().read_to_string(&mut s).is_err() {
        return;
    }
    match majlis_xlsform::Form::from_markdown(&s) {
        Ok(f) => println!("valid: {} questions", f.questions().len()),
        Err(e) => println!("{e}"),
    }
}
