//! Settings: defaults, then `majlis.toml`, then `MAJLIS_*` environment variables,
//! then command-line options. One typed struct; secrets never appear in logs.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// How long a session lives (from `session_idle_minutes` and
/// `session_absolute_hours`).
#[derive(Clone, Copy, Debug)]
pub struct SessionLimits {
    /// Signed out after this long without a request.
    pub idle: chrono::Duration,
    /// Signed out this long after signing in, however active.
    pub absolute: chrono::Duration,
}

impl Default for SessionLimits {
    /// ASVS level 2: 30 minutes idle, 12 hours in all.
    fn default() -> Self {
        SessionLimits {
            idle: chrono::Duration::minutes(30),
            absolute: chrono::Duration::hours(12),
        }
    }
}

/// Every setting of a Majlis node.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address the web server listens on.
    pub bind: SocketAddr,
    /// Folder for the embedded database, files and outgoing mail.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; empty means SQLite under `data_dir`.
    pub database_url: Option<DatabaseUrl>,
    /// The address people use to reach the platform, for links in the API and emails.
    pub public_url: Option<String>,
    /// SQLite only: how many read connections to keep besides the single writer.
    pub sqlite_readers: u32,
    /// PostgreSQL only: the size of the connection pool.
    pub postgres_pool: u32,
    /// `pretty` for a terminal, `json` for log collectors.
    pub log_format: LogFormat,
    /// Add an `x-majlis-db-queries` header with the number of queries a request ran.
    pub expose_query_count: bool,
    /// Signed out after this many minutes without a request.
    pub session_idle_minutes: u32,
    /// Signed out this many hours after signing in.
    pub session_absolute_hours: u32,
    /// Older form of `trusted_proxies = 1`: the socket peer is a trusted
    /// reverse proxy (used when `trusted_proxies` is not set).
    pub trust_forwarded_for: bool,
    /// `smtps://user:password@host:465` or `smtp://host:587` (STARTTLS); when
    /// empty, messages are written as `.eml` files under `data_dir/mail/`.
    pub smtp_url: Option<DatabaseUrl>,
    /// The sender of the platform's messages.
    pub mail_from: String,
    /// Where uploaded files go: empty for a folder under `data_dir/files/`,
    /// or `s3://bucket/prefix` for S3-compatible storage (with `files_options`).
    pub files_url: Option<String>,
    /// Options of the file store, e.g. `aws_endpoint`, `aws_region`,
    /// `aws_access_key_id`, `aws_secret_access_key`, `aws_allow_http`.
    pub files_options: StoreOptions,
    /// Largest upload accepted, in megabytes.
    pub upload_max_mb: u64,
    /// Most files one form may carry.
    pub upload_max_files: u32,
    /// Most fields (files included) one upload form may carry.
    pub form_max_fields: u32,
    /// Most megabytes one upload form may carry, all its files and values together.
    pub request_max_mb: u64,
    /// Megabytes of stored files each person may have (staff exempt); 0 for no quota.
    pub upload_quota_mb: u64,
    /// Hours an unused stored file is kept before it is removed.
    pub file_grace_hours: u32,
    /// Anyone may ask for an account at `/register`; a coordinator approves.
    pub open_registration: bool,
    // --- task C: proxies and /metrics
    /// Reverse proxies in front of the platform, whose `X-Forwarded-For`
    /// entries are believed: a count of hops (`1`: the socket peer is one),
    /// or a list of networks (`["10.0.0.0/8", "127.0.0.1/32"]`).
    pub trusted_proxies: Option<TrustedProxies>,
    /// Bearer token that opens `/metrics` to other hosts than this one.
    pub metrics_token: Option<Secret>,
    // accounts: secrets at rest
    /// Key (64 hex digits) that seals two-step sign-in secrets in the database.
    /// Empty: `data_dir/secret_key`, created on first start. With several
    /// nodes, every node needs the same key.
    pub secret_key: Option<Secret>,

    // Slow and greedy clients (see `web::server`).
    /// Seconds a client has to send a request's headers (also how long an
    /// idle kept-alive connection stays open).
    pub header_timeout_secs: u64,
    /// Seconds a whole request may take, body included, until its answer starts.
    pub request_timeout_secs: u64,
    /// Connections held open at once; over it, new ones are closed at once.
    /// Kept below the process's open-file limit.
    pub max_connections: usize,
    /// Connections held open at once from one address (0: no limit; behind
    /// a reverse proxy every connection comes from the proxy).
    pub max_connections_per_address: usize,

    // Backups (see `backup`).
    /// Take a backup every this many hours (one node does, under a lease); 0: never.
    pub backup_every: u32,
    /// How many finished backups the schedule keeps in `backup_dir`.
    pub backup_keep: u32,
    /// Where backups go; empty: `data_dir/backups`.
    pub backup_dir: Option<PathBuf>,

    // Survey results (see `surveys`).
    /// Counts under this many respondents are suppressed in published
    /// results (with complementary suppression); at least 1.
    pub survey_min_cell: u32,
    /// In groups with fewer respondents than this, 0% and 100% are hidden.
    pub survey_small_group: u32,

    // Caching (see `db::cache`).
    /// Milliseconds a node may serve visitors (people not signed in) pages
    /// as of a content version it read this long ago, instead of reading it
    /// for every request; signed-in people always see the current content.
    /// 0 reads it for every request.
    pub visitor_staleness_ms: u64,

    // JSON API rate limits, per node (see `web::rate_limit`).
    /// Requests a minute one personal token may make to `/api/` (0: no limit).
    pub api_token_per_minute: u32,
    /// Requests a minute one address may make to `/api/` without a token
    /// (0: no limit).
    pub api_address_per_minute: u32,

    // Open data (CSV and XLSX downloads of the public lists).
    /// The licence the network publishes its content under, as an SPDX
    /// identifier; stated in every row of a download (a document's own
    /// licence, when it has one, takes its place).
    pub open_data_licence: String,
    /// Where the licence is read in full (the `Link: rel="license"` of a
    /// download).
    pub open_data_licence_url: String,
}

/// Which reverse proxies' `X-Forwarded-For` entries are believed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TrustedProxies {
    /// This many hops, counted from the socket peer.
    Count(u32),
    /// Addresses in these networks.
    Networks(Vec<ipnet::IpNet>),
}

impl TrustedProxies {
    /// The client's address: walking from the right of `[X-Forwarded-For
    /// entries…, socket peer]`, the first address that is not a trusted
    /// proxy. The client writes the left of the header, so only what trusted
    /// proxies appended counts; an entry that is not an address stops the
    /// walk at the proxy that passed it on. An unknown peer (requests run in
    /// the process, without a socket) counts as a trusted hop.
    pub fn client(&self, peer: Option<IpAddr>, forwarded: &[&str]) -> Option<IpAddr> {
        let mut current = peer;
        let mut entries = forwarded.iter().rev().map(|e| parse_forwarded(e));
        let mut hop = 0u32;
        loop {
            let trusted = match self {
                TrustedProxies::Count(n) => hop < *n,
                TrustedProxies::Networks(nets) => {
                    current.map_or(!nets.is_empty(), |ip| nets.iter().any(|n| n.contains(&ip)))
                }
            };
            if !trusted {
                return current;
            }
            match entries.next() {
                // The left end: the furthest address known.
                None => return current,
                Some(None) => return current,
                Some(Some(ip)) => current = Some(ip),
            }
            hop += 1;
        }
    }
}

/// One `X-Forwarded-For` entry: an IP address, perhaps with a port
/// (`192.0.2.1:4711`, `[2001:db8::1]:4711`).
fn parse_forwarded(entry: &str) -> Option<IpAddr> {
    let e = entry.trim();
    e.parse::<IpAddr>()
        .ok()
        .or_else(|| e.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// A secret setting: never shown in logs or `Debug` output.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(pub String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Options of the file store; values (which hold secrets) never reach a log.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoreOptions(pub std::collections::BTreeMap<String, String>);

impl std::fmt::Debug for StoreOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./majlis-data"),
            database_url: None,
            public_url: None,
            sqlite_readers: 4,
            postgres_pool: 10,
            log_format: LogFormat::Pretty,
            expose_query_count: false,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            trust_forwarded_for: false,
            smtp_url: None,
            mail_from: "Majlis <majlis@localhost>".into(),
            files_url: None,
            files_options: StoreOptions::default(),
            upload_max_mb: 50,
            upload_max_files: 10,
            form_max_fields: 200,
            request_max_mb: 100,
            upload_quota_mb: 500,
            file_grace_hours: 24,
            open_registration: false,
            trusted_proxies: None,
            metrics_token: None,
            secret_key: None,

            header_timeout_secs: 10,
            request_timeout_secs: 60,
            max_connections: 1024,
            max_connections_per_address: 64,
            backup_every: 0,
            backup_keep: 7,
            backup_dir: None,
            survey_min_cell: 5,
            survey_small_group: 10,
            visitor_staleness_ms: 500,
            api_token_per_minute: 1200,
            api_address_per_minute: 300,
            open_data_licence: "CC-BY-4.0".to_owned(),
            open_data_licence_url: "https://creativecommons.org/licenses/by/4.0/".to_owned(),
        }
    }
}

/// Field names, for warning about mistyped `MAJLIS_*` variables: read off
/// the struct itself (every field is serialised, `None` as null), so a new
/// setting can never be missing from the list.
fn known_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| match serde_json::to_value(Settings::default()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    })
}

fn is_known_key(key: &str) -> bool {
    known_keys().iter().any(|k| k == key)
}

/// Variables that start with `MAJLIS_` but are not settings.
const NOT_SETTINGS: &[&str] = &[
    "MAJLIS_TEST_",
    "MAJLIS_ADMIN_PASSWORD",
    "MAJLIS_LOG",
    "MAJLIS_NEW_SECRET_KEY",
];

#[derive(Debug, thiserror::Error)]
#[error("invalid settings: {0}")]
pub struct SettingsError(#[from] Box<figment::Error>);

impl Settings {
    /// Load settings from defaults, then the TOML file (if it exists), then
    /// the environment.
    pub fn load(config_file: &Path) -> Result<Settings, SettingsError> {
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(config_file))
            .merge(
                Env::prefixed("MAJLIS_").filter(|k| is_known_key(&k.as_str().to_ascii_lowercase())),
            )
            .extract()
            .map_err(|e| SettingsError(Box::new(e)))
    }

    /// `MAJLIS_*` variables that match no setting: probably typos.
    pub fn unknown_env_vars() -> Vec<String> {
        std::env::vars()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("MAJLIS_"))
            .filter(|k| !NOT_SETTINGS.iter().any(|p| k.starts_with(p)))
            .filter(|k| {
                let key = k["MAJLIS_".len()..].to_ascii_lowercase();
                !is_known_key(&key)
            })
            .collect()
    }

    /// The database URL in force: the configured one, or SQLite in the data folder.
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url.clone().unwrap_or_else(|| {
            DatabaseUrl(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("majlis.db").display()
            ))
        })
    }

    /// Session time-outs in force.
    pub fn session_limits(&self) -> SessionLimits {
        SessionLimits {
            idle: chrono::Duration::minutes(i64::from(self.session_idle_minutes.max(1))),
            absolute: chrono::Duration::hours(i64::from(self.session_absolute_hours.max(1))),
        }
    }

    /// Cookies carry `Secure` when people reach the platform over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }

    /// The proxies in force: `trusted_proxies`, else one hop when
    /// `trust_forwarded_for` is on, else none.
    pub fn proxies(&self) -> TrustedProxies {
        match &self.trusted_proxies {
            Some(p) => p.clone(),
            None => TrustedProxies::Count(u32::from(self.trust_forwarded_for)),
        }
    }

    /// `Strict-Transport-Security` to send when people reach the platform
    /// over HTTPS.
    pub fn hsts(&self) -> Option<&'static str> {
        self.secure_cookies()
            .then_some("max-age=63072000; includeSubDomains")
    }

    /// Name of the session cookie: `__Host-` over HTTPS, so only this host,
    /// over a secure connection, with `Path=/`, can set it.
    pub fn session_cookie(&self) -> &'static str {
        if self.secure_cookies() {
            "__Host-majlis_session"
        } else {
            "majlis_session"
        }
    }

    /// Name of the cookie with a visitor's anti-forgery token (see
    /// [`Settings::session_cookie`]).
    pub fn csrf_cookie(&self) -> &'static str {
        if self.secure_cookies() {
            "__Host-majlis_csrf"
        } else {
            "majlis_csrf"
        }
    }

    /// Base of absolute links, without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(u) => u.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }
}

/// A URL whose password never reaches a log or an error message (database, SMTP).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DatabaseUrl(pub String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_sqlite(&self) -> bool {
        self.0.starts_with("sqlite:")
    }

    pub fn is_postgres(&self) -> bool {
        self.0.starts_with("postgres://") || self.0.starts_with("postgresql://")
    }

    /// The URL with its password replaced by `***`.
    pub fn redacted(&self) -> String {
        match url::Url::parse(&self.0) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                u.to_string()
            }
            Ok(_) => self.0.clone(),
            // Not parseable as a URL: hide anything between ':' and '@'.
            Err(_) => match (self.0.find("://"), self.0.rfind('@')) {
                (Some(s), Some(at)) if at > s => {
                    let userinfo = &self.0[s + 3..at];
                    let user = userinfo.split(':').next().unwrap_or_default();
                    format!("{}{}:***{}", &self.0[..s + 3], user, &self.0[at..])
                }
                _ => self.0.clone(),
            },
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_a_known_key_and_nothing_else_is() {
        // Optional settings (unset by default) are known too.
        for key in [
            "bind",
            "database_url",
            "secret_key",
            "metrics_token",
            "trusted_proxies",
            "files_options",
            "max_connections_per_address",
        ] {
            assert!(is_known_key(key), "{key}");
        }
        assert!(!is_known_key("bnid") && !is_known_key(""));
        // The list is exactly the struct's fields: the defaults, written out
        // under those keys, read back into the same settings.
        let json = serde_json::to_value(Settings::default()).expect("serialise");
        assert_eq!(json.as_object().map(|m| m.len()), Some(known_keys().len()));
        let back: Settings = serde_json::from_value(json).expect("every key is a field");
        assert_eq!(format!("{back:?}"), format!("{:?}", Settings::default()));
    }

    #[test]
    fn passwords_are_redacted() {
        let u = DatabaseUrl("postgres://majlis:s3cret@db.example:5432/majlis".into());
        assert_eq!(u.redacted(), "postgres://majlis:***@db.example:5432/majlis");
        assert!(!format!("{u:?}").contains("s3cret"));
        let s = Settings {
            database_url: Some(u),
            ..Settings::default()
        };
        assert!(!format!("{s:?}").contains("s3cret"));
        let s = Settings {
            secret_key: Some(Secret("00ff".repeat(16))),
            ..Settings::default()
        };
        assert!(
            !format!("{s:?}").contains("00ff"),
            "the secret key is redacted"
        );
        let plain = DatabaseUrl("sqlite://./majlis-data/majlis.db?mode=rwc".into());
        assert_eq!(plain.redacted(), plain.0);
    }

    #[test]
    fn defaults_keep_everything_in_the_data_folder() {
        let s = Settings::default();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            s.database_url().expose(),
            "sqlite://./majlis-data/majlis.db?mode=rwc"
        );
    }

    #[test]
    fn the_client_is_the_right_most_untrusted_address() {
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        let peer = ip("10.0.0.5");
        let one = TrustedProxies::Count(1);
        // Rotating the left-most entry (written by the client) changes nothing.
        for forged in ["1.2.3.4", "5.6.7.8", "not an address", "127.0.0.1"] {
            assert_eq!(
                one.client(peer, &[forged, "203.0.113.9"]),
                ip("203.0.113.9"),
                "{forged}"
            );
        }
        assert_eq!(one.client(peer, &[]), peer, "no header: the peer");
        assert_eq!(
            TrustedProxies::Count(0).client(peer, &["203.0.113.9"]),
            peer,
            "no proxy trusted: the header is ignored"
        );
        assert_eq!(
            TrustedProxies::Count(2).client(peer, &["1.2.3.4", "203.0.113.9", "10.0.0.7"]),
            ip("203.0.113.9")
        );
        assert_eq!(
            TrustedProxies::Count(5).client(peer, &["203.0.113.9", "10.0.0.7"]),
            ip("203.0.113.9"),
            "fewer hops than trusted: the furthest"
        );
        let nets = TrustedProxies::Networks(vec![
            "10.0.0.0/8".parse().unwrap(),
            "127.0.0.1/32".parse().unwrap(),
        ]);
        for forged in ["1.2.3.4", "5.6.7.8"] {
            assert_eq!(
                nets.client(peer, &[forged, "203.0.113.9", "10.1.2.3", "127.0.0.1"]),
                ip("203.0.113.9")
            );
        }
        assert_eq!(
            nets.client(ip("198.51.100.1"), &["203.0.113.9"]),
            ip("198.51.100.1"),
            "a peer outside the networks is the client"
        );
        assert_eq!(
            nets.client(peer, &["203.0.113.9", "garbage", "10.1.2.3"]),
            ip("10.1.2.3"),
            "an invalid entry stops the walk"
        );
        assert_eq!(
            nets.client(peer, &["[2001:db8::1]:4711"]),
            ip("2001:db8::1")
        );
        assert_eq!(nets.client(peer, &["10.9.9.9"]), ip("10.9.9.9"));
        // Requests run inside the process have no peer.
        assert_eq!(TrustedProxies::Count(0).client(None, &["1.2.3.4"]), None);
        assert_eq!(
            one.client(None, &["1.2.3.4", "203.0.113.9"]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn proxies_and_cookies_follow_the_settings() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("majlis.toml");
        std::fs::write(&file, "trust_forwarded_for = true\n").unwrap();
        assert_eq!(
            Settings::load(&file).unwrap().proxies(),
            TrustedProxies::Count(1)
        );
        std::fs::write(&file, "trusted_proxies = 2\n").unwrap();
        assert_eq!(
            Settings::load(&file).unwrap().proxies(),
            TrustedProxies::Count(2)
        );
        std::fs::write(
            &file,
            "trusted_proxies = [\"10.0.0.0/8\", \"127.0.0.1/32\"]\nmetrics_token = \"t0ken\"\n",
        )
        .unwrap();
        let s = Settings::load(&file).unwrap();
        assert!(matches!(s.proxies(), TrustedProxies::Networks(n) if n.len() == 2));
        assert!(!format!("{s:?}").contains("t0ken"));
        std::fs::write(&file, "trusted_proxies = [\"10.0.0.0/33\"]\n").unwrap();
        assert!(
            Settings::load(&file).is_err(),
            "an invalid network is refused"
        );
        assert_eq!(Settings::default().proxies(), TrustedProxies::Count(0));

        let http = Settings::default();
        assert_eq!(http.hsts(), None);
        assert_eq!(http.session_cookie(), "majlis_session");
        assert_eq!(http.csrf_cookie(), "majlis_csrf");
        let https = Settings {
            public_url: Some("https://majlis.example".into()),
            ..Settings::default()
        };
        assert_eq!(https.hsts(), Some("max-age=63072000; includeSubDomains"));
        assert_eq!(https.session_cookie(), "__Host-majlis_session");
        assert_eq!(https.csrf_cookie(), "__Host-majlis_csrf");
    }

    #[test]
    fn toml_file_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("majlis.toml");
        std::fs::write(&file, "bind = \"0.0.0.0:9000\"\nsqlite_readers = 2\n").unwrap();
        let s = Settings::load(&file).unwrap();
        assert_eq!(s.bind.port(), 9000);
        assert_eq!(s.sqlite_readers, 2);
        std::fs::write(&file, "bnd = \"0.0.0.0:9000\"\n").unwrap();
        assert!(Settings::load(&file).is_err(), "a mistyped key is refused");
    }
}
