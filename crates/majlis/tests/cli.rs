//! The `majlis` command as a newcomer meets it.

use std::process::Command;

fn majlis() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_majlis"));
    c.env_remove("MAJLIS_DATABASE_URL")
        .env("MAJLIS_LOG", "warn");
    c
}

#[test]
fn help_explains_the_commands() {
    let out = majlis().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in [
        "serve",
        "migrate",
        "demo",
        "admin",
        "majlis-data",
        "127.0.0.1:8080",
    ] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
    let serve = majlis().args(["serve", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&serve.stdout);
    for flag in ["--demo", "--bind", "--data-dir", "--database-url"] {
        assert!(text.contains(flag), "serve --help lacks {flag}");
    }
}

#[test]
fn unreachable_database_is_one_line_without_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let out = majlis()
        .current_dir(dir.path())
        .args([
            "migrate",
            "--database-url",
            "postgres://majlis:TopSecret99@127.0.0.1:1/majlis",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("postgres://majlis:***@127.0.0.1:1/majlis"),
        "{err}"
    );
    assert!(!err.contains("TopSecret99"), "{err}");
}

#[test]
fn migrate_twice_then_demo_twice() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/m.db?mode=rwc", dir.path().display());
    for _ in 0..2 {
        let out = majlis()
            .args(["migrate", "--database-url", &url])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let first = majlis()
        .args(["demo", "load", "--database-url", &url])
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let second = majlis()
        .args(["demo", "load", "--database-url", &url])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&second.stdout);
    assert!(text.contains("0 created, 0 updated"), "{text}");
    // The search index of this data folder, rebuilt from the database.
    let data = dir.path().join("data");
    let out = majlis()
        .args(["reindex", "--database-url", &url, "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n: usize = text
        .trim()
        .rsplit_once(": ")
        .and_then(|(_, n)| n.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{text}"));
    assert!(n > 100, "{text}");
    assert!(data.join("search/index/meta.json").exists());
    assert!(data.join("search/cursor").exists());
}

#[test]
fn admin_create_hashes_the_password_and_refuses_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/a.db?mode=rwc", dir.path().display());
    let run = |password: &str| {
        majlis()
            .args([
                "admin",
                "create",
                "--email",
                "coordinator@example.org",
                "--name",
                "Sara",
                "--database-url",
                &url,
            ])
            .env("MAJLIS_ADMIN_PASSWORD", password)
            .output()
            .unwrap()
    };
    let short = run("short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 8"));
    let ok = run("a long enough passphrase");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let again = run("a long enough passphrase");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let db = std::fs::read(dir.path().join("a.db")).unwrap();
    let needle = b"a long enough passphrase";
    assert!(
        !db.windows(needle.len()).any(|w| w == needle),
        "password stored in clear"
    );
}

#[test]
fn a_second_serve_on_a_busy_port_says_so() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = busy.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = majlis()
        .current_dir(dir.path())
        .args(["serve", "--bind", &addr])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("already in use") && err.contains(&addr),
        "{err}"
    );
}

#[test]
fn serve_without_options_uses_the_data_folder() {
    // `serve` with no options must not need anything but the current folder.
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = majlis()
        .current_dir(dir.path())
        .args(["serve", "--demo", "--bind", &format!("127.0.0.1:{port}")])
        .spawn()
        .unwrap();
    let mut ok = false;
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut buf = String::new();
            let _ = s.read_to_string(&mut buf);
            ok = buf.starts_with("HTTP/1.1 200") && buf.ends_with("ok");
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(ok, "serve answered /healthz");
    assert!(dir.path().join("majlis-data/majlis.db").exists());
}

#[test]
fn rotate_secret_key_writes_a_new_key_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let url = format!("sqlite://{}/m.db?mode=rwc", dir.path().display());
    let rotate = |extra: &[(&str, &str)]| {
        let mut c = majlis();
        c.args(["rotate-secret-key", "--data-dir"])
            .arg(&data)
            .args(["--database-url", &url])
            .env_remove("MAJLIS_SECRET_KEY");
        for (k, v) in extra {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let key_file = data.join("secret_key");
    let first = rotate(&[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(
        text.contains("re-sealed") && text.contains("every other node"),
        "{text}"
    );
    let key = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(key.trim().len(), 64);
    assert!(
        !text.contains(key.trim()),
        "the key file's key is not printed"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let second = rotate(&[]);
    assert!(second.status.success());
    assert_ne!(
        std::fs::read_to_string(&key_file).unwrap(),
        key,
        "a new key each time"
    );

    // With the key in the settings, the new one is printed, the file left alone.
    let in_file = std::fs::read_to_string(&key_file).unwrap();
    let set = rotate(&[("MAJLIS_SECRET_KEY", in_file.trim())]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let text = String::from_utf8_lossy(&set.stdout);
    assert!(text.contains("MAJLIS_SECRET_KEY="), "{text}");
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), in_file);

    let bad = rotate(&[("MAJLIS_NEW_SECRET_KEY", "not hex")]);
    assert!(!bad.status.success());
}

/// The bilingual sample form of crates/xlsform, written as a real .xlsx.
fn sample_form(dir: &std::path::Path) -> std::path::PathBuf {
    let md = include_str!("../../xlsform/tests/forms/challenges.md");
    let bytes = majlis_xlsform::Workbook::from_markdown(md)
        .to_xlsx()
        .unwrap();
    let path = dir.join("challenges.xlsx");
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn forms_check_summarises_a_valid_form() {
    let dir = tempfile::tempdir().unwrap();
    let form = sample_form(dir.path());
    let out = majlis()
        .args(["forms", "check"])
        .arg(&form)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("valid form") && text.contains("13 questions"),
        "{text}"
    );
    assert!(text.contains("Arabic (ar)"), "{text}");
}

#[test]
fn forms_check_lists_errors_with_sheet_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let md = "
| survey |
| | type | name | label | relevant |
| | integer | population | Population | |
| | integer | refugees | Refugees | ${populaton} > 0 |
| | text | comment | Comment | |
| | geopoint | where | Where | |
| | select_one missing | pick | Pick | |
";
    let path = dir.path().join("bad.xlsx");
    let bytes = majlis_xlsform::Workbook::from_markdown(md)
        .to_xlsx()
        .unwrap();
    std::fs::write(&path, bytes).unwrap();
    let out = majlis()
        .args(["forms", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "not supported: type `geopoint` (survey sheet, row 5, column type)",
            "survey sheet, row 6, column type: choice list `missing` is not on the choices sheet",
        ],
        "{text}"
    );
    // Fixing those leaves the misspelt reference, named by its row.
    let md = md
        .replace("| | geopoint | where | Where | |\n", "")
        .replace("| | select_one missing | pick | Pick | |\n", "");
    std::fs::write(
        &path,
        majlis_xlsform::Workbook::from_markdown(&md)
            .to_xlsx()
            .unwrap(),
    )
    .unwrap();
    let out = majlis()
        .args(["forms", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "survey sheet, row 3, column relevant: `${populaton}` names no question"
    );
    // Not a workbook at all.
    std::fs::write(&path, b"hello").unwrap();
    let out = majlis()
        .args(["forms", "check"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("workbook: the workbook cannot be read")
    );
}

#[test]
fn forms_check_evaluates_answers_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let form = sample_form(dir.path());
    let answers = dir.path().join("answers.json");
    std::fs::write(
        &answers,
        r#"{"country": "jo", "governorate": "irbid", "population": "500000", "refugees": "2000000",
            "tension_increase": "yes", "tension_causes": "jobs rent water other", "survey_date": "2016-05-10"}"#,
    )
    .unwrap();
    let run = |lang: Option<&str>| {
        let mut c = majlis();
        c.args(["forms", "check"])
            .arg(&form)
            .arg("--answers")
            .arg(&answers);
        if let Some(l) = lang {
            c.args(["--lang", l]);
        }
        let out = c.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(text.trim().lines().count(), 1, "one JSON object: {text}");
        serde_json::from_str::<serde_json::Value>(&text).unwrap()
    };
    let ar = run(Some("ar"));
    assert_eq!(ar["relevant"]["tensions"], true);
    assert_eq!(ar["relevant"]["other_cause"], true);
    assert_eq!(ar["calculated"]["refugee_share"], "400");
    assert_eq!(ar["calculated"]["summary"], "الأردن: 2000000");
    assert_eq!(
        ar["required_missing"],
        serde_json::json!(["other_cause", "consent"])
    );
    let errors = ar["constraint_errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["name"], "refugees");
    assert_eq!(errors[0]["row"], 6);
    assert_eq!(errors[0]["message"], "لا يزيد عن ثلاثة أضعاف عدد السكان.");
    assert_eq!(errors[1]["message"], "اختر ثلاثة أسباب على الأكثر.");
    // Without --lang: the form's default language (English).
    let en = run(None);
    assert_eq!(
        en["constraint_errors"][0]["message"],
        "At most three times the population."
    );
    // A population of 0 switches the tensions group off.
    std::fs::write(
        &answers,
        r#"{"population": "0", "tension_increase": "yes"}"#,
    )
    .unwrap();
    let off = run(None);
    assert_eq!(off["relevant"]["tensions"], false);
    assert_eq!(off["relevant"]["tension_increase"], false);
    // An answers file that is not an object is a usage error.
    std::fs::write(&answers, "[1, 2]").unwrap();
    let out = majlis()
        .args(["forms", "check"])
        .arg(&form)
        .arg("--answers")
        .arg(&answers)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
