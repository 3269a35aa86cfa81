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
    // Run in a folder of its own: without `--data-dir` the files go to
    // `./majlis-data`.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/m.db?mode=rwc", dir.path().display());
    for _ in 0..2 {
        let out = majlis()
            .current_dir(dir.path())
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
        .current_dir(dir.path())
        .args(["demo", "load", "--database-url", &url])
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let second = majlis()
        .current_dir(dir.path())
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

/// Every command that touches data takes `--data-dir`: migrate, demo load
/// and admin create work on the embedded database of the folder given,
/// without a database address.
#[test]
fn every_data_command_takes_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("node");
    for args in [
        vec!["migrate"],
        vec!["demo", "load"],
        vec!["admin", "create"],
        vec!["reindex"],
        vec!["backup"],
        vec!["restore", "x"],
        vec!["rotate-secret-key"],
        vec!["serve"],
        vec!["export"],
        vec!["import"],
    ] {
        let help = majlis().args(&args).arg("--help").output().unwrap();
        let text = String::from_utf8_lossy(&help.stdout);
        assert!(
            text.contains("--data-dir"),
            "{args:?} --help lacks --data-dir:\n{text}"
        );
    }
    let ok = |c: &mut Command| {
        let out = c.current_dir(dir.path()).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    ok(majlis().args(["migrate", "--data-dir"]).arg(&data));
    ok(majlis().args(["demo", "load", "--data-dir"]).arg(&data));
    ok(majlis()
        .args([
            "admin",
            "create",
            "--email",
            "admin@example.org",
            "--name",
            "Sara",
            "--data-dir",
        ])
        .arg(&data)
        .env("MAJLIS_ADMIN_PASSWORD", "a long enough passphrase"));
    // All three wrote to the one database in that folder, none to ./majlis-data.
    assert!(data.join("majlis.db").exists());
    assert!(!dir.path().join("majlis-data").exists());
    let again = ok(majlis().args(["demo", "load", "--data-dir"]).arg(&data));
    assert!(again.contains("0 created, 0 updated"), "{again}");
    let twice = majlis()
        .current_dir(dir.path())
        .args([
            "admin",
            "create",
            "--email",
            "admin@example.org",
            "--name",
            "Sara",
            "--data-dir",
        ])
        .arg(&data)
        .env("MAJLIS_ADMIN_PASSWORD", "a long enough passphrase")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&twice.stderr).contains("already exists"));
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

// ------------------------------------------------------------------ backups
//
// `majlis backup` and `majlis restore` as an operator runs them: the real
// binary, a data folder with the demo network and one stored file, relative
// paths from the folder the operator stands in.

/// `majlis` for the backup tests: no settings from the environment but the log level.
fn operator(dir: &std::path::Path) -> Command {
    let mut c = majlis();
    c.current_dir(dir);
    for var in [
        "MAJLIS_SECRET_KEY",
        "MAJLIS_DATA_DIR",
        "MAJLIS_BACKUP_DIR",
        "MAJLIS_FILES_URL",
    ] {
        c.env_remove(var);
    }
    c
}

/// Run a command that must succeed; its standard output.
fn succeeds(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Run a command that must fail with one line on standard error; that line.
fn refused(c: &mut Command) -> String {
    let out = c.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line: {err}");
    lines[0].to_owned()
}

/// The value after `prefix` on the line that starts with it.
fn line_after<'a>(text: &'a str, prefix: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.trim_start().strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line starting {prefix:?} in:\n{text}"))
}

/// Every file under `dir` with its SHA-256, to see that nothing changed.
fn tree(dir: &std::path::Path) -> std::collections::BTreeMap<std::path::PathBuf, String> {
    use sha2::Digest;
    let mut found = std::collections::BTreeMap::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                found.insert(path.clone(), "folder".to_owned());
                todo.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                found.insert(path, hex::encode(sha2::Sha256::digest(&bytes)));
            }
        }
    }
    found
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}

/// A real PDF, made distinct by a trailing comment.
fn a_pdf(tag: &str) -> Vec<u8> {
    let mut pdf = majlis_print::Printer::new()
        .practice_sheet(&majlis_print::Sheet {
            lang: "en".into(),
            title: format!("Concept note {tag}"),
            subtitle: None,
            facts: vec![],
            sections: vec![majlis_print::Section {
                heading: "Objectives".into(),
                text: "Peer-to-peer learning on social cohesion.".into(),
            }],
            footer: None,
        })
        .expect("pdf");
    pdf.extend_from_slice(format!("\n%{tag}\n").as_bytes());
    pdf
}

/// The settings a command given this data folder (and database) reads.
fn settings_for(
    data_dir: &std::path::Path,
    database_url: Option<&str>,
) -> majlis::config::Settings {
    majlis::config::Settings {
        data_dir: data_dir.to_owned(),
        database_url: database_url.map(|u| majlis::config::DatabaseUrl(u.to_owned())),
        ..Default::default()
    }
}

/// Set-up and checks that reach the database beside the commands.
fn block_on<F: std::future::Future>(work: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(work)
}

/// Store `bytes` in the data folder's file storage and make them the English
/// version of the public demo document `sanliurfa-concept-note` (announced,
/// without a file, in the demo), as a coordinator's upload would: the bytes
/// through the app's store, the `file_object` row through `record`. Set-up
/// only; what is tested is the commands. Returns the file's SHA-256.
fn attach_a_file(data_dir: &std::path::Path, database_url: Option<&str>, bytes: &[u8]) -> String {
    use majlis::library::entities::{resource, resource_version};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    let settings = settings_for(data_dir, database_url);
    block_on(async {
        let db = majlis::app::prepare(&settings).await.unwrap();
        let uploads = majlis::library::files::Uploads::from_settings(&settings).unwrap();
        let body = futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(
            bytes.to_vec(),
        ))]);
        let stored = uploads
            .store
            .put(body, &majlis_files::PutOptions::new(data_dir.join("tmp")))
            .await
            .unwrap();
        let document = resource::Entity::find()
            .filter(resource::Column::Slug.eq("sanliurfa-concept-note"))
            .one(db.read())
            .await
            .unwrap()
            .expect("the demo's concept note");
        assert_eq!(document.visibility, "public");
        let tx = db.begin_write().await.unwrap();
        majlis::library::files::record(&tx, &stored, chrono::Utc::now())
            .await
            .unwrap();
        let changed = resource_version::Entity::update_many()
            .col_expr(
                resource_version::Column::FileSha256,
                Expr::value(stored.sha256.to_string()),
            )
            .col_expr(
                resource_version::Column::FileName,
                Expr::value("concept-note.pdf"),
            )
            .filter(resource_version::Column::ResourceId.eq(document.id))
            .filter(resource_version::Column::Lang.eq("en"))
            .exec(&tx)
            .await
            .unwrap();
        assert_eq!(changed.rows_affected, 1);
        tx.commit().await.unwrap();
        db.close().await;
        stored.sha256.to_string()
    })
}

/// How many stored files the database records (the demo's stand-in
/// documents and the attached one) and their bytes: what a backup copies.
fn recorded_files(data_dir: &std::path::Path, database_url: Option<&str>) -> (usize, i64) {
    use majlis::library::entities::file_object;
    use sea_orm::EntityTrait;
    let settings = settings_for(data_dir, database_url);
    block_on(async {
        let db = majlis::app::prepare(&settings).await.unwrap();
        let rows = file_object::Entity::find().all(db.read()).await.unwrap();
        db.close().await;
        (rows.len(), rows.iter().map(|r| r.size).sum())
    })
}

/// `majlis serve` on a data folder (and database), stopped when dropped.
struct Server {
    child: std::process::Child,
    port: u16,
}

impl Server {
    fn start(dir: &std::path::Path, data_dir: &str, database_url: Option<&str>) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut c = operator(dir);
        c.args(["serve", "--data-dir", data_dir, "--bind"])
            .arg(format!("127.0.0.1:{port}"))
            .stdout(std::process::Stdio::null());
        if let Some(url) = database_url {
            c.args(["--database-url", url]);
        }
        let server = Server {
            child: c.spawn().unwrap(),
            port,
        };
        for _ in 0..600 {
            if let Some((200, _)) = server.try_get("/healthz") {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("majlis serve on {data_dir} did not answer /healthz within 60 s");
    }

    /// A GET in HTTP/1.0 (so the body is plain, ending with the connection).
    fn try_get(&self, path: &str) -> Option<(u16, Vec<u8>)> {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).ok()?;
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&raw[..end]);
        let status = head.split_whitespace().nth(1)?.parse().ok()?;
        Some((status, raw[end + 4..].to_vec()))
    }

    fn get(&self, path: &str) -> (u16, Vec<u8>) {
        self.try_get(path)
            .unwrap_or_else(|| panic!("no answer to GET {path}"))
    }

    fn page(&self, path: &str) -> String {
        let (status, body) = self.get(path);
        let body = String::from_utf8_lossy(&body).into_owned();
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `<title>` of a page.
fn title_of(page: &str) -> &str {
    page.split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(t, _)| t.trim())
        .unwrap_or_else(|| panic!("no title in {page}"))
}

/// The results a search page links to, in order (`/practices/9?lang=en`…).
fn search_hits_of(page: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|link| {
            link.starts_with('/')
                && link.contains("?lang=")
                && !link.starts_with("/search")
                && !link.starts_with("/api/")
        })
        .map(str::to_owned)
        .collect()
}

/// What a node of the original platform shows, to compare a restored one with.
struct Seen {
    practice_title: String,
    search_hits: Vec<String>,
}

const PRACTICE: &str = "/practices/1";
const SEARCH: &str = "/search?q=cohesion+refugees";

fn seen_by(server: &Server) -> Seen {
    let practice = server.page(PRACTICE);
    // A node indexes in the background from its start: wait until the
    // results hold a practice and stay the same for a second.
    let mut search_hits = Vec::new();
    for _ in 0..60 {
        let now = search_hits_of(&server.page(SEARCH));
        if now == search_hits && now.iter().any(|l| l.starts_with("/practices/")) {
            break;
        }
        search_hits = now;
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    assert!(
        search_hits.iter().any(|l| l.starts_with("/practices/")),
        "search finds demo practices: {search_hits:?}"
    );
    Seen {
        practice_title: title_of(&practice).to_owned(),
        search_hits,
    }
}

/// A node on the restored folder shows what the original showed, and the
/// stored file downloads with the same bytes.
fn shows_the_same(server: &Server, before: &Seen, sha: &str, pdf: &[u8]) {
    let practice = server.page(PRACTICE);
    assert_eq!(title_of(&practice), before.practice_title);
    let name = before.practice_title.trim_end_matches("· Majlis").trim();
    assert!(
        name.len() > 10,
        "a demo practice: {}",
        before.practice_title
    );
    // At once: restore rebuilt the index.
    assert_eq!(
        search_hits_of(&server.page(SEARCH)),
        before.search_hits,
        "the rebuilt index finds what the original found"
    );
    let (status, body) = server.get(&format!("/files/{sha}/concept-note.pdf"));
    assert_eq!(status, 200);
    assert!(body == pdf, "the restored file downloads whole");
}

#[test]
fn backup_and_restore_as_an_operator_runs_them_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path();
    // The demo into ./majlis-data (no options), and one stored file.
    let text = succeeds(operator(here).args(["demo", "load"]));
    assert!(text.contains("demo network loaded"), "{text}");
    let data = here.join("majlis-data");
    let pdf = a_pdf("sqlite");
    let sha = attach_a_file(&data, None, &pdf);
    // The demo's documents have stand-in files; one more is attached.
    let (files, bytes) = recorded_files(&data, None);
    assert!(files > 1, "{files}");

    // Both backups taken while the server runs on the folder.
    let original = Server::start(here, "majlis-data", None);
    let before = seen_by(&original);
    let key = std::fs::read_to_string(data.join("secret_key")).unwrap();
    let key = key.trim();
    assert_eq!(key.len(), 64, "the server made its key");

    let first = succeeds(operator(here).args(["backup", "--to", "backups"]));
    let folder = line_after(&first, "backup written to ").to_owned();
    assert!(folder.starts_with("backups/majlis-"), "{first}");
    assert!(
        line_after(&first, "").starts_with("backup written to"),
        "{first}"
    );
    assert!(first.contains("SQLite database, schema m2"), "{first}");
    let counts = first.lines().nth(2).unwrap().trim().to_owned();
    assert!(
        counts.contains(" practices, ")
            && counts.ends_with(&format!("{files} files ({bytes} bytes)")),
        "{first}"
    );
    assert_eq!(
        line_after(&first, "stored files: "),
        format!("{files} copied now, 0 already in backups/objects")
    );
    assert!(
        first.contains("The secret key is NOT in the backup. It is in ./majlis-data/secret_key"),
        "{first}"
    );
    assert!(
        first.contains("Keep a copy apart from the backups"),
        "{first}"
    );

    // The manifest names the database and the file with their checksums.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(here.join(&folder).join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["format"], 1);
    assert_eq!(manifest["database"]["kind"], "sqlite");
    let db_path = manifest["database"]["path"].as_str().unwrap();
    assert!(
        db_path.ends_with("/database.sqlite")
            && folder.ends_with(db_path.split('/').next().unwrap()),
        "{manifest}"
    );
    let listed = manifest["files"].as_array().unwrap();
    assert_eq!(listed.len(), files, "{manifest}");
    let attached = listed
        .iter()
        .find(|f| f["sha256"] == sha.as_str())
        .expect("the attached file in the manifest");
    assert_eq!(attached["size"], pdf.len() as u64);
    assert_eq!(manifest["counts"]["files"], files as u64);
    assert_eq!(manifest["counts"]["file_bytes"], bytes);
    assert!(manifest["counts"]["practices"].as_u64().unwrap() > 10);
    let check = manifest["key_check"].as_str().unwrap();
    assert!(!key.contains(check) && check.len() == 16, "{manifest}");
    // Nothing in the backup holds the key, in hex or as bytes.
    let key_bytes = hex::decode(key).unwrap();
    for (path, _) in tree(&here.join("backups")) {
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes
                    .windows(64)
                    .any(|w| w.eq_ignore_ascii_case(key.as_bytes()))
                    && !bytes.windows(32).any(|w| w == key_bytes),
                "the secret key is in {}",
                path.display()
            );
            assert_ne!(path.file_name().unwrap(), "secret_key");
        }
    }

    // A second backup copies no stored file again.
    let second = succeeds(operator(here).args(["backup", "--to", "backups"]));
    let second_folder = line_after(&second, "backup written to ").to_owned();
    assert_ne!(second_folder, folder);
    assert_eq!(
        line_after(&second, "stored files: "),
        format!("0 copied now, {files} already in backups/objects")
    );
    let objects: Vec<_> = tree(&here.join("backups/objects"))
        .into_iter()
        .filter(|(p, _)| p.is_file())
        .collect();
    assert_eq!(objects.len(), files, "{objects:?}");
    assert!(
        objects
            .iter()
            .all(|(p, digest)| p.file_name().is_some_and(|n| n == digest.as_str())),
        "each object is named by its content: {objects:?}"
    );
    assert!(
        objects.iter().any(|(_, digest)| *digest == sha),
        "the attached file"
    );
    drop(original);

    // Into the folder that holds the platform: refused, nothing changed.
    // (Reading the database rewrites SQLite's shared-memory index, the
    // `-shm` file, which holds no data and is rebuilt by every reader.)
    let data_files = || {
        let mut t = tree(&data);
        t.retain(|p, _| !p.to_string_lossy().ends_with("-shm"));
        t
    };
    let untouched = data_files();
    let line = refused(operator(here).args(["restore", &second_folder]));
    assert!(
        line.contains("refusing to restore into a target that is not empty")
            && line.contains("already holds tables"),
        "{line}"
    );
    assert_eq!(data_files(), untouched);

    // The location instead of one backup in it: the newest is named.
    let line = refused(operator(here).args(["restore", "backups", "--data-dir", "elsewhere"]));
    assert!(
        line.contains("backups is a backup location, not one backup")
            && line.contains(&second_folder),
        "{line}"
    );
    assert!(!here.join("elsewhere").exists());

    // One byte of the stored file changed: refused, naming the file.
    copy_tree(&here.join("backups"), &here.join("damaged"));
    let object = format!("objects/{}/{sha}", &sha[..2]);
    let damaged_file = here.join("damaged").join(&object);
    let mut bytes = std::fs::read(&damaged_file).unwrap();
    bytes[pdf.len() / 2] ^= 0x01;
    std::fs::write(&damaged_file, bytes).unwrap();
    let damaged_backup = second_folder.replacen("backups/", "damaged/", 1);
    let line = refused(operator(here).args(["restore", &damaged_backup, "--data-dir", "fresh"]));
    assert!(
        line.contains("the backup is damaged")
            && line.contains(&object)
            && line.contains("SHA-256"),
        "{line}"
    );
    assert!(!here.join("fresh").exists(), "nothing restored");

    // Into a fresh folder.
    let text = succeeds(operator(here).args(["restore", &second_folder, "--data-dir", "fresh"]));
    assert!(
        text.starts_with(&format!(
            "restored {second_folder} into sqlite://fresh/majlis.db"
        )),
        "{text}"
    );
    assert_eq!(text.lines().nth(1).unwrap().trim(), counts, "{text}");
    let indexed: usize = line_after(&text, "search index rebuilt: ")
        .trim_end_matches(" documents")
        .parse()
        .unwrap();
    assert!(indexed > 100, "{text}");
    assert!(
        text.contains("No secret key is in place yet") && text.contains("fresh/secret_key"),
        "{text}"
    );
    // The operator puts the key back, as the output asks, and starts the server.
    std::fs::write(here.join("fresh/secret_key"), format!("{key}\n")).unwrap();
    let restored = Server::start(here, "fresh", None);
    shows_the_same(&restored, &before, &sha, &pdf);
    drop(restored);

    // A backup that cannot be whole (a stored file lost from the disk)
    // says which file and leaves no half-written backup folder behind.
    let stored = tree(&here.join("fresh/files"))
        .into_keys()
        .find(|p| p.file_name().is_some_and(|n| n == sha.as_str()))
        .unwrap();
    std::fs::remove_file(stored).unwrap();
    let line = refused(operator(here).args(["backup", "--to", "broken", "--data-dir", "fresh"]));
    assert!(
        line.contains(&sha) && line.contains("missing from file storage"),
        "{line}"
    );
    let left: Vec<_> = std::fs::read_dir(here.join("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["objects"], "no unfinished backup folder");
}

/// A database of its own on the test PostgreSQL server, dropped at the end.
struct PgDatabase {
    admin: String,
    name: String,
    url: String,
}

impl PgDatabase {
    fn create(tag: &str) -> PgDatabase {
        let admin = std::env::var("MAJLIS_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let name = format!("majlis_test_cli_{:016x}_{tag}", rand::random::<u64>());
        let mut url = url::Url::parse(&admin).unwrap();
        url.set_path(&format!("/{name}"));
        let db = PgDatabase {
            admin,
            name,
            url: url.to_string(),
        };
        db.admin_sql(&format!("CREATE DATABASE {}", db.name));
        db
    }

    fn admin_sql(&self, sql: &str) {
        use sea_orm::ConnectionTrait;
        block_on(async {
            let conn = sea_orm::Database::connect(&self.admin).await.unwrap();
            conn.execute_unprepared(sql).await.unwrap();
            let _ = conn.close().await;
        });
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        self.admin_sql(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

#[test]
fn backup_and_restore_as_an_operator_runs_them_on_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let here = dir.path();
    let source = PgDatabase::create("a");
    let target = PgDatabase::create("b");
    // A PATH without PostgreSQL's tools (the binary is called by its full path).
    let no_tools = here.join("no-tools");
    std::fs::create_dir(&no_tools).unwrap();

    succeeds(operator(here).args([
        "demo",
        "load",
        "--data-dir",
        "data-a",
        "--database-url",
        &source.url,
    ]));
    let pdf = a_pdf("postgres");
    let sha = attach_a_file(&here.join("data-a"), Some(&source.url), &pdf);
    let (files, _) = recorded_files(&here.join("data-a"), Some(&source.url));
    assert!(files > 1, "{files}");
    let backup = |path: Option<&std::path::Path>| {
        let mut c = operator(here);
        c.args(["backup", "--to", "backups", "--data-dir", "data-a"])
            .args(["--database-url", &source.url]);
        if let Some(p) = path {
            c.env("PATH", p);
        }
        c
    };
    let restore = |folder: &str, path: Option<&std::path::Path>| {
        let mut c = operator(here);
        c.args(["restore", folder, "--data-dir", "data-b"])
            .args(["--database-url", &target.url]);
        if let Some(p) = path {
            c.env("PATH", p);
        }
        c
    };

    // Without pg_dump: said so, and nothing written.
    let line = refused(&mut backup(Some(&no_tools)));
    assert!(
        line.contains("pg_dump is not installed") && line.contains("postgresql-client-"),
        "{line}"
    );
    assert!(!here.join("backups").exists(), "nothing written");

    // With it (this machine has it): a custom-format dump and the file.
    assert!(
        Command::new("pg_dump").arg("--version").output().is_ok(),
        "pg_dump is installed here"
    );
    let text = succeeds(&mut backup(None));
    let folder = line_after(&text, "backup written to ").to_owned();
    assert!(text.contains("PostgreSQL database, schema m2"), "{text}");
    assert_eq!(
        line_after(&text, "stored files: "),
        format!("{files} copied now, 0 already in backups/objects")
    );
    // The server never ran on data-a, so no key exists yet.
    assert!(
        text.contains("No secret key exists yet") && text.contains("data-a/secret_key"),
        "{text}"
    );
    let dump = here.join(&folder).join("database.pgdump");
    assert!(std::fs::read(&dump).unwrap().starts_with(b"PGDMP"));
    let counts = text.lines().nth(2).unwrap().trim().to_owned();

    // Without pg_restore: said so, before anything is created.
    let line = refused(&mut restore(&folder, Some(&no_tools)));
    assert!(line.contains("pg_restore is not installed"), "{line}");
    assert!(!here.join("data-b").exists(), "nothing written");

    // With it: into the fresh database (restore refuses any that holds a table).
    let text = succeeds(&mut restore(&folder, None));
    assert!(
        text.starts_with(&format!("restored {folder} into {}", target.url)),
        "{text}"
    );
    assert_eq!(text.lines().nth(1).unwrap().trim(), counts, "{text}");
    assert!(
        text.contains("taken before any secret key existed"),
        "{text}"
    );
    // A server on it shows the practice, search and the file.
    let original = Server::start(here, "data-a", Some(&source.url));
    let before = seen_by(&original);
    drop(original);
    let restored = Server::start(here, "data-b", Some(&target.url));
    shows_the_same(&restored, &before, &sha, &pdf);
    // A second restore into the now full database is refused.
    let line = refused(&mut restore(&folder, None));
    assert!(line.contains("already holds tables"), "{line}");
}
