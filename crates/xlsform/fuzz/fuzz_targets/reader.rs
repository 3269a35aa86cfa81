//! Any bytes as an .xlsx workbook, and as the markdown-table form: the
//! reader and the checks must answer with errors, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use majlis_xlsform::{Form, Workbook};

fuzz_target!(|data: &[u8]| {
    let _ = Form::from_xlsx(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let book = Workbook::from_markdown(text);
        if let Ok(form) = Form::from_workbook(&book) {
            // A form that passes must write back and evaluate.
            let _ = form.to_workbook().to_xlsx();
            let ctx = majlis_xlsform::Context {
                language: Some("ar"),
                today: chrono::NaiveDate::MIN,
            };
            let _ = form.evaluate(&Default::default(), &ctx);
        }
    }
});
