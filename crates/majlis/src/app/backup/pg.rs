//! PostgreSQL's own tools: `pg_dump` (custom format) and `pg_restore`,
//! checked against the server's major version before they run.

use std::path::Path;
use std::process::Command;

use sea_orm::ConnectionTrait;

use super::BackupError;
use crate::config::DatabaseUrl;

/// The server's major version (`SHOW server_version_num` / 10000).
pub(super) async fn server_major(conn: &impl ConnectionTrait) -> Result<u32, BackupError> {
    let stmt = sea_orm::Statement::from_string(
        conn.get_database_backend(),
        "SELECT current_setting('server_version_num')",
    );
    let row = conn.query_one_raw(stmt).await?;
    let num: String = match row {
        Some(r) => r.try_get_by_index(0)?,
        None => String::new(),
    };
    Ok(num.trim().parse::<u32>().map(|n| n / 10000).unwrap_or(0))
}

/// The major version a tool reports (`pg_dump (PostgreSQL) 15.20 (Debian …)`),
/// or `None` when it is not installed.
fn tool_major(tool: &'static str) -> Result<Option<u32>, BackupError> {
    match Command::new(tool).arg("--version").output() {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            Ok(parse_major(&text))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(BackupError::PgTool {
            tool,
            message: e.to_string(),
        }),
    }
}

fn parse_major(version_line: &str) -> Option<u32> {
    let after = version_line.split(')').nth(1)?.trim();
    let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// Check that `tool` is installed and not older than the server.
pub(super) fn check_tool(tool: &'static str, server_major: u32) -> Result<(), BackupError> {
    match tool_major(tool)? {
        None => Err(BackupError::NoPgTool { tool, server_major }),
        Some(client) if client < server_major => Err(BackupError::PgToolTooOld {
            tool,
            client_major: client,
            server_major,
        }),
        Some(_) => Ok(()),
    }
}

/// The URL without its password, and the password (given to the tool in
/// `PGPASSWORD`, so it never shows in the process list).
fn split_password(url: &DatabaseUrl) -> (String, Option<String>) {
    match url::Url::parse(url.expose()) {
        Ok(mut u) => {
            let pw = u
                .password()
                .map(|p| {
                    percent_encoding::percent_decode_str(p)
                        .decode_utf8_lossy()
                        .into_owned()
                })
                .filter(|p| !p.is_empty());
            let _ = u.set_password(None);
            (u.to_string(), pw)
        }
        Err(_) => (url.expose().to_owned(), None),
    }
}

fn run(tool: &'static str, mut cmd: Command, url: &DatabaseUrl) -> Result<(), BackupError> {
    let (_, pw) = split_password(url);
    if let Some(pw) = pw {
        cmd.env("PGPASSWORD", pw);
    }
    let out = cmd.output().map_err(|e| BackupError::PgTool {
        tool,
        message: e.to_string(),
    })?;
    if out.status.success() {
        Ok(())
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let message = stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(5)
            .collect::<Vec<_>>()
            .join("; ")
            .replace(url.expose(), &url.redacted());
        Err(BackupError::PgTool { tool, message })
    }
}

/// `pg_dump --format=custom` of the exported snapshot `snapshot` into `file`.
pub(super) fn dump(url: &DatabaseUrl, snapshot: &str, file: &Path) -> Result<(), BackupError> {
    let (bare, _) = split_password(url);
    let mut cmd = Command::new("pg_dump");
    cmd.arg("--format=custom")
        .arg("--no-owner")
        .arg("--no-privileges")
        .arg(format!("--snapshot={snapshot}"))
        .arg("--file")
        .arg(file)
        .arg("--dbname")
        .arg(bare);
    run("pg_dump", cmd, url)
}

/// `pg_restore` of a custom-format dump into the (empty) database `url`.
pub(super) fn restore(url: &DatabaseUrl, file: &Path) -> Result<(), BackupError> {
    let (bare, _) = split_password(url);
    let mut cmd = Command::new("pg_restore");
    cmd.arg("--no-owner")
        .arg("--no-privileges")
        .arg("--exit-on-error")
        .arg("--single-transaction")
        .arg("--dbname")
        .arg(bare)
        .arg(file);
    run("pg_restore", cmd, url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_passwords() {
        assert_eq!(
            parse_major("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n"),
            Some(15)
        );
        assert_eq!(parse_major("pg_dump (PostgreSQL) 9.6.24\n"), Some(9));
        assert_eq!(parse_major("nonsense"), None);
        let (bare, pw) = split_password(&DatabaseUrl(
            "postgres://majlis:s%40cret@db.example:5432/majlis?sslmode=require".into(),
        ));
        assert_eq!(pw.as_deref(), Some("s@cret"));
        assert_eq!(
            bare,
            "postgres://majlis@db.example:5432/majlis?sslmode=require"
        );
    }
}
