//! Pages in real headless Chromium, in English and Arabic, checked with axe-core
//! for WCAG 2.2 AA. Needs `chromium`, `chromedriver` and `node_modules/axe-core`
//! (scripts/test installs them); missing tools fail the test rather than skip it.

mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

/// ChromeDriver and the browser it started (known by its profile folder).
/// Dropped at the end of a test, passed or failed: a browser whose session
/// was never closed would otherwise outlive its driver.
struct Driver(Child, String);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let _ = Command::new("pkill")
            .args(["-f", "--", &format!("--user-data-dir={}", self.1)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

async fn start_browser() -> (Driver, Client, tempfile::TempDir) {
    start_browser_with(true).await
}

/// A browser session; with `javascript` false, Chromium runs no page script
/// at all (its content setting, as a person or an administrator turns it off).
async fn start_browser_with(javascript: bool) -> (Driver, Client, tempfile::TempDir) {
    let chromedriver =
        std::env::var("MAJLIS_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let chromium = std::env::var("MAJLIS_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let port = free_port();
    let child = Command::new(&chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot start {chromedriver} ({e}); run scripts/test to install it")
        });
    let profile = tempfile::tempdir().unwrap();
    let driver = Driver(child, profile.path().display().to_string());
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }
    });
    let mut caps = caps.as_object().unwrap().clone();
    if !javascript {
        caps["goog:chromeOptions"]["prefs"] =
            json!({ "profile.managed_default_content_settings.javascript": 2 });
    }
    let mut last_err = String::new();
    for _ in 0..50 {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return (driver, client, profile),
            Err(e) => {
                last_err = e.to_string();
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    panic!("chromedriver did not start a session: {last_err}");
}

/// Type into the field a selector finds.
async fn fill(client: &Client, selector: &str, text: &str) {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .send_keys(text)
        .await
        .unwrap();
}

/// Click the element a selector finds.
async fn click(client: &Client, selector: &str) {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .click()
        .await
        .unwrap();
}

fn axe_source() -> String {
    let path = workspace_root().join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} ({e}): run `npm ci` (scripts/test does)", path.display()))
}

/// Run axe-core on the current page; return the WCAG 2.x A/AA violations.
async fn axe_violations(client: &Client, axe: &str) -> Vec<Value> {
    client.execute(axe, vec![]).await.expect("inject axe-core");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag',
                   values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                 .then(r => done({ passes: r.passes.length,
                     violations: r.violations.map(v => ({ id: v.id, impact: v.impact,
                     help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })) }))
                 .catch(e => done({ passes: 0, violations: [{ id: 'axe-error', help: String(e) }] }));"#,
            vec![],
        )
        .await
        .expect("axe runs");
    // A run that checked nothing would prove nothing.
    let passes = result["passes"].as_u64().unwrap_or(0);
    assert!(
        passes >= 10,
        "axe-core checked too little ({passes} passing rules): {result}"
    );
    result["violations"].as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_in_english_and_arabic_pass_axe_and_mirror() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    app.index().await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;

    let pages = [
        "/",
        "/municipalities",
        "/municipalities?country=TR&theme=social-cohesion",
        "/municipalities/sanliurfa",
        "/municipalities/sahinbey",
        "/organisations",
        "/organisations/giz",
        "/network",
        "/library",
        "/library?kind=presentation&sort=title",
        "/library/10",
        "/practices",
        "/practices/14",
        "/compendiums",
        "/consultations",
        "/consultations?theme=education&status=concluded",
        "/consultations/ua1-education-s1-q1",
        "/consultations/ua1-education-s3-q2",
        "/events/urban-academy-1-education/consultations",
        "/search?q=refugees",
        "/search?q=%D8%AF%D9%88%D8%B1%D8%A7%D8%AA%20%D8%A7%D9%84%D9%84%D8%BA%D8%A9&type=practice",
        "/login",
        "/password/forgot",
        "/no-such-page",
    ];
    let mut failures = Vec::new();
    for locale in ["en", "ar"] {
        for page in pages {
            let sep = if page.contains('?') { '&' } else { '?' };
            let url = format!("http://{addr}{page}{sep}lang={locale}");
            client.goto(&url).await.expect("page loads");
            let html = client.find(Locator::Css("html")).await.unwrap();
            let dir = html.attr("dir").await.unwrap();
            let lang = html.attr("lang").await.unwrap();
            assert_eq!(lang.as_deref(), Some(locale), "{url}");
            let expected_dir = if locale == "ar" { "rtl" } else { "ltr" };
            assert_eq!(dir.as_deref(), Some(expected_dir), "{url}");

            // The layout mirrors: the brand sits at the start edge of the line
            // (left in English, right in Arabic), and so does the first nav item.
            let width = client
                .execute("return document.documentElement.clientWidth;", vec![])
                .await
                .unwrap()
                .as_f64()
                .unwrap();
            for selector in [".brand", ".main-nav li:first-child a"] {
                let (x, _, w, _) = client
                    .find(Locator::Css(selector))
                    .await
                    .unwrap()
                    .rectangle()
                    .await
                    .unwrap();
                let centre = x + w / 2.0;
                if locale == "ar" {
                    assert!(
                        centre > width / 2.0,
                        "{url}: {selector} should be on the right (x={x})"
                    );
                } else {
                    assert!(
                        centre < width / 2.0,
                        "{url}: {selector} should be on the left (x={x})"
                    );
                }
            }
            let direction = client
                .execute("return getComputedStyle(document.body).direction;", vec![])
                .await
                .unwrap();
            assert_eq!(direction, json!(expected_dir), "{url}");

            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                failures.push(format!(
                    "{url}: {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
        }
    }
    // Search as you type: results arrive while typing, without submitting.
    client
        .goto(&format!("http://{addr}/search?lang=en"))
        .await
        .unwrap();
    fill(&client, "#q", "refug").await;
    // The page swaps in the results for what was typed and says so in its address.
    let mut swapped = false;
    for _ in 0..100 {
        let shown = client.current_url().await.unwrap();
        if shown.query().unwrap_or_default().contains("q=refug") {
            swapped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(swapped, "results while typing");
    let first = client
        .find(Locator::Css(".hit .snippet mark"))
        .await
        .expect("highlighted results for the typed prefix")
        .text()
        .await
        .unwrap();
    assert!(first.to_lowercase().starts_with("refug"), "{first}");
    // The filter form works without JavaScript: submitting it filters the list.
    client
        .goto(&format!("http://{addr}/municipalities?lang=en"))
        .await
        .unwrap();
    client.execute("return 1", vec![]).await.unwrap();
    let select = client.find(Locator::Css("#f-country")).await.unwrap();
    select.select_by_value("DE").await.unwrap();
    click(&client, ".filters button").await;
    // Wait for the navigation the submit starts.
    let mut url = client.current_url().await.unwrap();
    for _ in 0..50 {
        if url.as_str().contains("country=DE") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        url = client.current_url().await.unwrap();
    }
    assert!(url.as_str().contains("country=DE"), "{url}");
    client
        .wait()
        .for_element(Locator::Css(".card-title"))
        .await
        .unwrap();
    let titles = client.find_all(Locator::Css(".card-title")).await.unwrap();
    assert!(!titles.is_empty());
    for t in titles {
        let text = t.text().await.unwrap();
        assert!(!text.contains("Gaziantep"), "{text}");
    }

    // Sign in through the form in Arabic, check the account page, sign out.
    majlis::accounts::create_admin(
        &app.db,
        &majlis::accounts::Email::parse("coordinator@example.org").unwrap(),
        "Rania Haddad",
        majlis::i18n::Locale::Ar,
        &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    client
        .goto(&format!("http://{addr}/login?lang=ar"))
        .await
        .unwrap();
    fill(&client, "#email", "coordinator@example.org").await;
    fill(&client, "#password", "a long enough passphrase").await;
    click(&client, "main form button").await;
    client
        .wait()
        .for_url(&url::Url::parse(&format!("http://{addr}/account")).unwrap())
        .await
        .unwrap();
    // Coordinator pages need two-step sign-in: set it up as a person would,
    // with the key shown on the page and a code computed like an app does.
    client
        .goto(&format!("http://{addr}/account/two-factor?lang=ar"))
        .await
        .unwrap();
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("/account/two-factor (set-up): {violations:?}"));
    }
    let recovery = set_up_two_factor(&client, "coordinator@example.org").await;
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("/account/two-factor (codes): {violations:?}"));
    }

    // An invitation, to check the page its link opens.
    let admin = majlis::accounts::person::Entity::find()
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let actor =
        majlis::policy::Actor::new(admin.id, &admin.role, admin.totp_secret.is_some(), vec![]);
    let mailer = majlis::mail::Mailer::from_settings(&app.settings).unwrap();
    let origin = majlis::audit::Origin::cli();
    majlis::accounts::invitations::invite(
        &app.db,
        &majlis::accounts::invitations::Inviter {
            actor: &actor,
            name: "Rania Haddad",
            origin: &origin,
        },
        &majlis::accounts::invitations::InviteInput {
            email: majlis::accounts::Email::parse("new.member@example.org").unwrap(),
            role: majlis::policy::Role::Member,
            municipality_id: None,
            focal_point: false,
            locale: majlis::i18n::Locale::Ar,
        },
        &format!("http://{addr}"),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    majlis::accounts::reset::request(
        &app.db,
        "coordinator@example.org",
        "127.0.0.1",
        &format!("http://{addr}"),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    majlis::mail::queue::deliver(&app.db, &mailer, "browser-test", chrono::Utc::now(), 10)
        .await
        .unwrap();
    let mails = app.mails();
    let mail = mails.iter().find(|m| m.contains("/invitation/")).unwrap();
    let at = mail.find("/invitation/").unwrap() + "/invitation/".len();
    let join = format!("/invitation/{}", &mail[at..at + 32]);
    let reset_mail = mails
        .iter()
        .find(|m| m.contains("/password/reset/"))
        .unwrap();
    let at = reset_mail.find("/password/reset/").unwrap() + "/password/reset/".len();
    let reset = format!("/password/reset/{}", &reset_mail[at..at + 32]);
    for (locale, page) in [
        ("ar", "/account"),
        ("en", "/account"),
        ("ar", "/people"),
        ("en", "/people"),
        ("ar", "/people/invite"),
        ("en", "/people/invite"),
        ("ar", join.as_str()),
        ("en", join.as_str()),
        ("ar", reset.as_str()),
        ("en", reset.as_str()),
        ("ar", "/account/password"),
        ("en", "/account/password"),
        ("ar", "/account/time-zone"),
        ("en", "/account/time-zone"),
        ("ar", "/account/tokens"),
        ("en", "/account/tokens"),
        ("ar", "/account/delete"),
        ("en", "/account/delete"),
        ("ar", "/audit"),
        ("en", "/audit"),
        ("ar", "/municipalities/sahinbey/edit"),
        ("en", "/municipalities/sahinbey/edit"),
        ("ar", "/library/new"),
        ("en", "/library/new"),
        ("ar", "/library/10/edit"),
        ("en", "/library/10/edit"),
        ("ar", "/library/review"),
        ("en", "/library/review"),
        ("ar", "/practices/new"),
        ("en", "/practices/new"),
        ("ar", "/practices/mine"),
        ("en", "/practices/mine"),
        ("ar", "/practices/14"),
        ("en", "/practices/1/edit/about"),
        ("ar", "/practices/1/edit/story"),
        ("en", "/practices/1/edit/finish"),
        ("ar", "/practices/1/versions"),
        ("ar", "/compendiums/new"),
        ("en", "/compendiums/new"),
        ("ar", "/compendiums/istanbul-2018-good-practices"),
        ("en", "/compendiums/istanbul-2018-good-practices/edit"),
        ("ar", "/compendiums/istanbul-2018-good-practices/edit"),
    ] {
        client
            .goto(&format!("http://{addr}{page}?lang={locale}"))
            .await
            .unwrap();
        let name = client
            .find(Locator::Css(".account-nav .nav-end a"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(name, "Rania Haddad");
        let violations = axe_violations(&client, &axe).await;
        if !violations.is_empty() {
            failures.push(format!(
                "{page}?lang={locale}: {}",
                serde_json::to_string_pretty(&violations).unwrap()
            ));
        }
    }
    click(&client, ".account-nav form button").await;
    let notice = client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();
    assert!(!notice.text().await.unwrap().is_empty());
    // Signing in again takes two steps; a recovery code finishes it.
    client
        .goto(&format!("http://{addr}/login?lang=en"))
        .await
        .unwrap();
    fill(&client, "#email", "coordinator@example.org").await;
    fill(&client, "#password", "a long enough passphrase").await;
    click(&client, "main form button").await;
    client
        .wait()
        .for_element(Locator::Css("#code"))
        .await
        .unwrap();
    let step_path = client.current_url().await.unwrap().path().to_owned();
    assert_eq!(step_path, "/login/two-factor");
    for locale in ["ar", "en"] {
        let path = format!("{step_path}?next=/account&lang={locale}");
        client.goto(&format!("http://{addr}{path}")).await.unwrap();
        let violations = axe_violations(&client, &axe).await;
        if !violations.is_empty() {
            failures.push(format!("{path}: {violations:?}"));
        }
    }
    fill(&client, "#code", &recovery[0]).await;
    click(&client, "main form button").await;
    client
        .wait()
        .for_url(&url::Url::parse(&format!("http://{addr}/account")).unwrap())
        .await
        .unwrap();
    click(&client, ".account-nav form button").await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();
    client
        .goto(&format!("http://{addr}/account"))
        .await
        .unwrap();
    let h1 = client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(h1, "Please sign in", "signed out");

    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// Sign a browser in with a session made directly (the sign-in pages are
/// checked above): the session cookie is set on the app's origin.
async fn sign_in_as(client: &Client, addr: &std::net::SocketAddr, cookie: &str) {
    client
        .goto(&format!("http://{addr}/healthz"))
        .await
        .unwrap();
    client
        .execute(
            "document.cookie = arguments[0] + '; path=/';",
            vec![json!(cookie)],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_in_the_browser_register_and_pass_axe() {
    use majlis::events::entities::{event, event_session};
    use sea_orm::{
        ActiveModelTrait, ActiveValue::Set, ColumnTrait, PaginatorTrait, QueryFilter, QueryOrder,
    };
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;

    // The demo event with the fullest programme, and an open webinar.
    let mut richest = (0, String::new());
    for e in event::Entity::find()
        .order_by_asc(event::Column::Id)
        .all(app.db.read())
        .await
        .unwrap()
    {
        let n = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(e.id))
            .count(app.db.read())
            .await
            .unwrap();
        if n > richest.0 {
            richest = (n, e.slug);
        }
    }
    assert!(richest.0 > 0, "the demo has an event with a programme");
    let demo = richest.1;
    let template = event::Entity::find()
        .filter(event::Column::Slug.eq(&demo))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let tx = app.db.begin_write().await.unwrap();
    let mut open: event::ActiveModel = template.clone().into();
    open.id = sea_orm::ActiveValue::NotSet;
    open.slug = Set("browser-webinar".into());
    open.status = Set("open".into());
    open.starts_at = Set(chrono::Utc::now() + chrono::Duration::days(20));
    open.ends_at =
        Set(chrono::Utc::now() + chrono::Duration::days(20) + chrono::Duration::hours(3));
    open.date_approximate = Set(false);
    open.capacity = Set(Some(1));
    open.figures = Set(None);
    open.questions = Set(Some(majlis::events::Questions(vec![
        majlis::events::Question {
            id: "q1".into(),
            label: majlis::i18n::TrText::new(
                majlis::i18n::Locale::En,
                "Which practice will you present?",
            )
            .unwrap(),
            required: true,
        },
    ])));
    open.insert(&tx).await.unwrap();
    tx.commit().await.unwrap();

    let mut failures = Vec::new();
    let check = async |client: &Client, url: String, failures: &mut Vec<String>| {
        client.goto(&url).await.expect("page loads");
        let violations = axe_violations(client, &axe).await;
        if !violations.is_empty() {
            failures.push(format!(
                "{url}: {}",
                serde_json::to_string_pretty(&violations).unwrap()
            ));
        }
    };
    for locale in ["en", "ar"] {
        for page in [
            "/events?when=all".to_owned(),
            "/events?when=past&kind=peer-workshop".to_owned(),
            format!("/events/{demo}"),
            "/events/browser-webinar".to_owned(),
        ] {
            let sep = if page.contains('?') { '&' } else { '?' };
            check(
                &client,
                format!("http://{addr}{page}{sep}lang={locale}"),
                &mut failures,
            )
            .await;
            let dir = client
                .find(Locator::Css("html"))
                .await
                .unwrap()
                .attr("dir")
                .await
                .unwrap();
            assert_eq!(
                dir.as_deref(),
                Some(if locale == "ar" { "rtl" } else { "ltr" })
            );
        }
    }

    // A member registers in Arabic: the required answer is asked for first.
    let member = majlis::accounts::people::create(
        &app.db,
        &majlis::accounts::Email::parse("layla@example.org").unwrap(),
        "Layla Mansour",
        majlis::policy::Role::Member,
        majlis::i18n::Locale::Ar,
        &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let (cookie, _) = app.session_for(member.id).await;
    sign_in_as(&client, &addr, &cookie).await;
    client
        .goto(&format!("http://{addr}/events/browser-webinar?lang=ar"))
        .await
        .unwrap();
    click(&client, "#f-consent").await;
    // Skip the browser's own check to reach the server's.
    client
        .execute(
            "document.getElementById('f-answer-q1').removeAttribute('required');",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "#register-form button").await;
    client
        .wait()
        .for_element(Locator::Css("#form-errors"))
        .await
        .unwrap();
    let consent_kept = client
        .find(Locator::Css("#f-consent"))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(
        consent_kept.as_deref(),
        Some("true"),
        "what was chosen is kept"
    );
    fill(&client, "#f-answer-q1", "دورات اللغة في مركز المجتمع").await;
    click(&client, "#register-form button").await;
    let status = client
        .wait()
        .for_element(Locator::Css("#registration [role=status]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!status.is_empty());
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("registered page (ar): {violations:?}"));
    }
    let reg = majlis::events::entities::registration::Entity::find()
        .filter(majlis::events::entities::registration::Column::PersonId.eq(member.id))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(reg.status, "registered");
    assert!(reg.public_consent);
    assert_eq!(reg.answers.unwrap().0["q1"], "دورات اللغة في مركز المجتمع");
    // A second member fills the waiting list.
    let omar = majlis::accounts::people::create(
        &app.db,
        &majlis::accounts::Email::parse("omar@example.org").unwrap(),
        "Omar Khalil",
        majlis::policy::Role::Member,
        majlis::i18n::Locale::En,
        &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let (omar_cookie, _) = app.session_for(omar.id).await;
    sign_in_as(&client, &addr, &omar_cookie).await;
    client
        .goto(&format!("http://{addr}/events/browser-webinar?lang=en"))
        .await
        .unwrap();
    fill(&client, "#f-answer-q1", "Welcome desks").await;
    click(&client, "#register-form button").await;
    let waiting = client
        .wait()
        .for_element(Locator::Css("#registration [role=status]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(waiting.contains("waiting list"), "{waiting}");
    // Layla cancels; Omar moves up and is told by email.
    sign_in_as(&client, &addr, &cookie).await;
    client
        .goto(&format!("http://{addr}/events/browser-webinar?lang=ar"))
        .await
        .unwrap();
    click(
        &client,
        "form[action^='/events/browser-webinar/cancel'] button",
    )
    .await;
    client
        .wait()
        .for_element(Locator::Css("#register-form"))
        .await
        .unwrap();
    let mailer = majlis::mail::Mailer::from_settings(&app.settings).unwrap();
    let sent =
        majlis::mail::queue::deliver(&app.db, &mailer, "browser-test", chrono::Utc::now(), 10)
            .await
            .unwrap();
    assert_eq!(sent.sent, 1);
    assert!(
        app.mails()
            .iter()
            .any(|m| m.contains("omar@example.org") && m.contains("/events/browser-webinar")),
        "the promoted person is emailed"
    );
    sign_in_as(&client, &addr, &omar_cookie).await;
    client
        .goto(&format!("http://{addr}/events/browser-webinar?lang=en"))
        .await
        .unwrap();
    let now_in = client
        .find(Locator::Css("#registration [role=status]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(now_in.contains("You are registered"), "{now_in}");
    sign_in_as(&client, &addr, &cookie).await;
    check(
        &client,
        format!("http://{addr}/events/mine?lang=ar"),
        &mut failures,
    )
    .await;
    check(
        &client,
        format!("http://{addr}/events/mine?lang=en"),
        &mut failures,
    )
    .await;
    click(&client, "main form button").await;
    client
        .wait()
        .for_element(Locator::Css("#feed-url"))
        .await
        .unwrap();
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("/events/mine (new address): {violations:?}"));
    }

    // The coordinators' pages.
    let coord = majlis::accounts::people::create(
        &app.db,
        &majlis::accounts::Email::parse("coord.events@example.org").unwrap(),
        "Coordinator",
        majlis::policy::Role::Coordinator,
        majlis::i18n::Locale::En,
        &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    common::enable_totp(&app, coord.id).await;
    let (cookie, _) = app.session_for(coord.id).await;
    sign_in_as(&client, &addr, &cookie).await;
    for locale in ["en", "ar"] {
        for page in [
            "/events/new".to_owned(),
            format!("/events/{demo}/edit"),
            format!("/events/{demo}/programme"),
            format!("/events/{demo}/outcomes"),
            "/events/browser-webinar/registrations".to_owned(),
        ] {
            check(
                &client,
                format!("http://{addr}{page}?lang={locale}"),
                &mut failures,
            )
            .await;
            let h1 = client
                .find(Locator::Css("h1"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(!h1.is_empty(), "{page}");
        }
    }
    // Checking the member in from the registrations page.
    client
        .goto(&format!(
            "http://{addr}/events/browser-webinar/registrations?lang=en"
        ))
        .await
        .unwrap();
    click(&client, "button[value=check-in]").await;
    client
        .wait()
        .for_element(Locator::Css("button[value=undo-check-in]"))
        .await
        .unwrap();
    let reg = majlis::events::entities::registration::Entity::find()
        .filter(majlis::events::entities::registration::Column::PersonId.eq(omar.id))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    assert!(reg.attended_at.is_some(), "checked in");

    // Building a workshop from scratch, in Arabic: the event, a session, a person.
    client
        .goto(&format!("http://{addr}/events/new?in=ar&lang=ar"))
        .await
        .unwrap();
    fill(
        &client,
        "#i-title",
        "ورشة التعلم من الأقران: التماسك الاجتماعي",
    )
    .await;
    client
        .find(Locator::Css("#i-kind"))
        .await
        .unwrap()
        .select_by_value("peer-workshop")
        .await
        .unwrap();
    client
        .find(Locator::Css("#i-country"))
        .await
        .unwrap()
        .select_by_value("TR")
        .await
        .unwrap();
    fill(&client, "#i-city", "Şanlıurfa").await;
    let tz = client.find(Locator::Css("#i-timezone")).await.unwrap();
    tz.clear().await.unwrap();
    tz.send_keys("Europe/Istanbul").await.unwrap();
    client
        .execute(
            "document.getElementById('i-starts').value = '2027-11-10T09:00';
             document.getElementById('i-ends').value = '2027-11-12T17:00';",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "form.edit-form button[type=submit]").await;
    if client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#s-title"))
        .await
        .is_err()
    {
        let shown = client
            .find(Locator::Css("main"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        panic!("the new event was not saved: {shown}");
    }
    let path = client.current_url().await.unwrap().path().to_owned();
    assert!(path.ends_with("/programme"), "{path}");
    fill(&client, "#s-title", "الافتتاح وأهداف الورشة").await;
    client
        .find(Locator::Css("#s-kind"))
        .await
        .unwrap()
        .select_by_value("opening")
        .await
        .unwrap();
    client
        .execute(
            "document.getElementById('s-starts').value = '09:00';",
            vec![],
        )
        .await
        .unwrap();
    click(&client, "#session-form button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("#p-session"))
        .await
        .unwrap();
    fill(&client, "#p-name", "Atallah Kuttab").await;
    client
        .find(Locator::Css("#p-role"))
        .await
        .unwrap()
        .select_by_value("moderator")
        .await
        .unwrap();
    click(&client, "#person-form button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css(".programme .people li"))
        .await
        .unwrap();
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("{path} (with a session): {violations:?}"));
    }
    // The finished page, on a phone-sized screen in Arabic: nothing overflows sideways.
    client.set_window_size(390, 844).await.unwrap();
    let event_path = path.trim_end_matches("/programme").to_owned();
    for page in [format!("/events/{demo}"), event_path.clone()] {
        client
            .goto(&format!("http://{addr}{page}?lang=ar"))
            .await
            .unwrap();
        let overflow = client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        assert!(
            overflow <= 0.0,
            "{page} overflows a phone screen by {overflow}px"
        );
    }
    let body = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        body.contains("Atallah Kuttab"),
        "the new workshop shows its moderator"
    );
    assert!(body.contains("الافتتاح وأهداف الورشة"));

    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_practice_goes_from_draft_to_published_in_the_browser() {
    use majlis::directory::entities::{municipality, theme};
    use majlis::library::entities::practice;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, QueryFilter};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();

    let sahinbey = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq("sahinbey"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let language = theme::Entity::find()
        .filter(theme::Column::Slug.eq("language-learning"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let person = |email: &'static str, role| {
        let db = app.db.clone();
        async move {
            majlis::accounts::people::create(
                &db,
                &majlis::accounts::Email::parse(email).unwrap(),
                email,
                role,
                majlis::i18n::Locale::Ar,
                &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
                chrono::Utc::now(),
            )
            .await
            .unwrap()
        }
    };
    let focal = person("focal@sahinbey.example.org", majlis::policy::Role::Member).await;
    let tx = app.db.begin_write().await.unwrap();
    majlis::accounts::affiliation::ActiveModel {
        person_id: Set(focal.id),
        municipality_id: Set(Some(sahinbey.id)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(true),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let coordinator = person("reviewer@example.org", majlis::policy::Role::Coordinator).await;
    common::enable_totp(&app, coordinator.id).await;

    // The focal point writes the practice in Arabic, step by step.
    let (cookie, _) = app.session_for(focal.id).await;
    sign_in_as(&client, &addr, &cookie).await;
    client
        .goto(&format!("http://{addr}/practices/new?lang=ar"))
        .await
        .unwrap();
    client
        .find(Locator::Css("#f-orig"))
        .await
        .unwrap()
        .select_by_value("ar")
        .await
        .unwrap();
    let title = "دروس اللغة التركية للنساء في مراكز الأحياء";
    fill(&client, "#f-title", title).await;
    fill(
        &client,
        "#f-summary",
        "دروس مسائية قريبة من البيت مع رعاية للأطفال.",
    )
    .await;
    client
        .find(Locator::Css("#f-owner"))
        .await
        .unwrap()
        .select_by_value(&format!("m:{}", sahinbey.id))
        .await
        .unwrap();
    client
        .find(Locator::Css("#f-country"))
        .await
        .unwrap()
        .select_by_value("TR")
        .await
        .unwrap();
    click(&client, &format!("#theme-{}", language.id)).await;
    click(&client, ".button-row button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("#f-challenge"))
        .await
        .unwrap();
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("story step: {violations:?}"));
    }
    fill(
        &client,
        "#f-challenge",
        "كثير من النساء لا يستطعن حضور الدورات البعيدة.",
    )
    .await;
    fill(
        &client,
        "#f-approach",
        "دروس في مراكز الأحياء مع حضانة للأطفال.",
    )
    .await;
    click(&client, ".button-row button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("#f-results"))
        .await
        .unwrap();
    click(&client, ".button-row button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("#checklist"))
        .await
        .unwrap();
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("finish step: {violations:?}"));
    }
    click(&client, "form input[value=submitted] ~ button").await;
    let stored = async || {
        practice::Entity::find()
            .filter(practice::Column::MunicipalityId.eq(sahinbey.id))
            .filter(practice::Column::Status.ne("published"))
            .one(app.db.read())
            .await
            .unwrap()
    };
    let mut submitted = None;
    for _ in 0..50 {
        if let Some(p) = stored().await
            && p.status == "submitted"
        {
            submitted = Some(p);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let p = submitted.expect("the practice is submitted for review");
    assert_eq!(p.title.orig(), majlis::i18n::Locale::Ar);

    // The coordinator finds it in the review queue and publishes it.
    let (cookie, _) = app.session_for(coordinator.id).await;
    sign_in_as(&client, &addr, &cookie).await;
    client
        .goto(&format!("http://{addr}/library/review?lang=en"))
        .await
        .unwrap();
    client
        .find(Locator::Css(&format!(
            "main a[href^='/practices/{}']",
            p.id
        )))
        .await
        .expect("in the review queue")
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("button[value=published]"))
        .await
        .unwrap();
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("review page: {violations:?}"));
    }
    fill(&client, "#f-comment", "Clear and complete. Thank you.").await;
    click(&client, "button[value=published]").await;
    let mut published = false;
    for _ in 0..50 {
        let now = practice::Entity::find_by_id(p.id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        if now.status == "published" {
            published = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(published, "published");

    // A visitor finds it in the library list, in Arabic.
    sign_in_as(&client, &addr, "majlis_session=none").await;
    client
        .goto(&format!("http://{addr}/practices?lang=ar"))
        .await
        .unwrap();
    let main = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(main.contains(title), "the published practice is listed");
    client
        .goto(&format!("http://{addr}/practices/{}?lang=ar", p.id))
        .await
        .unwrap();
    let h1 = client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(h1, title);
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!("published practice (ar): {violations:?}"));
    }

    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// Wait until `check` holds on the database (a form was sent and stored).
async fn until<F, Fut>(what: &str, check: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..50 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting: {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_online_consultation_from_question_to_conclusion_in_the_browser() {
    use majlis::consultations::entities::{contribution, dilemma};
    use majlis::directory::entities::{municipality_theme, theme};
    use majlis::events::entities::{event, event_session};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, QueryFilter};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();
    let mut check = async |client: &Client, name: &str| {
        let v = axe_violations(client, &axe).await;
        if !v.is_empty() {
            failures.push(format!("{name}: {v:?}"));
        }
    };
    let person = |email: &'static str, role, locale| {
        let db = app.db.clone();
        async move {
            majlis::accounts::people::create(
                &db,
                &majlis::accounts::Email::parse(email).unwrap(),
                email,
                role,
                locale,
                &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
                chrono::Utc::now(),
            )
            .await
            .unwrap()
        }
    };
    use majlis::i18n::Locale;
    use majlis::policy::Role;
    let presenter = person("presenter@example.org", Role::Member, Locale::En).await;
    let peer = person("peer@example.org", Role::Member, Locale::Ar).await;
    let coordinator = person("coordinator@example.org", Role::Coordinator, Locale::En).await;
    common::enable_totp(&app, coordinator.id).await;
    let education = theme::Entity::find()
        .filter(theme::Column::Slug.eq("education"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let muni = municipality_theme::Entity::find()
        .filter(municipality_theme::Column::ThemeId.eq(education.id))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .municipality_id;
    let tx = app.db.begin_write().await.unwrap();
    majlis::accounts::affiliation::ActiveModel {
        person_id: Set(peer.id),
        municipality_id: Set(Some(muni)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(false),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let (presenter_cookie, _) = app.session_for(presenter.id).await;
    let (peer_cookie, _) = app.session_for(peer.id).await;

    // The presenter puts the dilemma to peers and opens it.
    sign_in_as(&client, &addr, &presenter_cookie).await;
    client
        .goto(&format!("http://{addr}/consultations/new?lang=en"))
        .await
        .unwrap();
    check(&client, "new dilemma (en)").await;
    let question = "How can we keep girls in school after the age of fourteen?";
    fill(&client, "#i-question", question).await;
    fill(
        &client,
        "#i-information",
        "Many families move on after one school year.",
    )
    .await;
    click(&client, &format!("#i-theme-{}", education.id)).await;
    click(&client, "form.edit-form button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("form[action*='/open']"))
        .await
        .unwrap();
    let slug = dilemma::Entity::find().one(app.db.read()).await.unwrap();
    let slug = {
        let mut found = None;
        for d in dilemma::Entity::find().all(app.db.read()).await.unwrap() {
            if d.created_by == Some(presenter.id) {
                found = Some(d.slug);
            }
        }
        drop(slug);
        found.expect("the draft is stored")
    };
    check(&client, "draft dilemma (en)").await;
    click(&client, "form[action*='/open'] button").await;
    client
        .wait()
        .for_element(Locator::Css("form[action*='/ideas']"))
        .await
        .unwrap();
    // The suggested peer is invited.
    click(&client, &format!("#i-person-{}", peer.id)).await;
    click(&client, "#f-people button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("#participants"))
        .await
        .unwrap();
    check(&client, "open dilemma, presenter (en)").await;

    // The peer asks an open question, in Arabic.
    sign_in_as(&client, &addr, &peer_cookie).await;
    client
        .goto(&format!("http://{addr}/consultations/{slug}?lang=ar"))
        .await
        .unwrap();
    check(&client, "open dilemma, peer (ar)").await;
    let asked = "ما الذي تغيّر بعد السنة الأولى؟";
    fill(&client, "#i-text", asked).await;
    click(&client, "#contribute button[type=submit]").await;
    let d_id = {
        let db = app.db.clone();
        let slug = slug.clone();
        async move {
            dilemma::Entity::find()
                .filter(dilemma::Column::Slug.eq(slug))
                .one(db.read())
                .await
                .unwrap()
                .unwrap()
                .id
        }
    }
    .await;
    let said = async || {
        contribution::Entity::find()
            .filter(contribution::Column::DilemmaId.eq(d_id))
            .all(app.db.read())
            .await
            .unwrap()
    };
    until("the question", async || said().await.len() == 1).await;
    let q = said().await.remove(0);

    // The presenter answers and opens the second phase.
    sign_in_as(&client, &addr, &presenter_cookie).await;
    client
        .goto(&format!("http://{addr}/consultations/{slug}?lang=en"))
        .await
        .unwrap();
    fill(
        &client,
        &format!("#i-answer-{}", q.id),
        "Many families leave for another city.",
    )
    .await;
    click(&client, &format!("#c-{} form button[type=submit]", q.id)).await;
    until("the answer", async || said().await[0].answer.is_some()).await;
    client
        .wait()
        .for_element(Locator::Css("form[action*='/ideas'] button"))
        .await
        .unwrap();
    click(&client, "form[action*='/ideas'] button").await;
    client
        .wait()
        .for_element(Locator::Css("#i-kind option[value=idea]"))
        .await
        .unwrap();

    // The peer shares an idea.
    sign_in_as(&client, &addr, &peer_cookie).await;
    client
        .goto(&format!("http://{addr}/consultations/{slug}?lang=ar"))
        .await
        .unwrap();
    client
        .find(Locator::Css("#i-kind"))
        .await
        .unwrap()
        .select_by_value("idea")
        .await
        .unwrap();
    fill(&client, "#i-text", "منحة صغيرة للنقل المدرسي").await;
    click(&client, "#contribute button[type=submit]").await;
    until("the idea", async || said().await.len() == 2).await;
    check(&client, "dilemma in discussion (ar)").await;

    // The presenter concludes; the page shows the result.
    sign_in_as(&client, &addr, &presenter_cookie).await;
    client
        .goto(&format!("http://{addr}/consultations/{slug}?lang=en"))
        .await
        .unwrap();
    let result = "A small transport grant and a mentor for each girl.";
    fill(&client, "#i-result", result).await;
    click(&client, "#conclude button[type=submit]").await;
    client
        .wait()
        .for_element(Locator::Css("#result"))
        .await
        .unwrap();
    let shown = client
        .find(Locator::Css("#result"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(shown.contains(result), "{shown}");
    check(&client, "concluded dilemma (en)").await;

    // The coordinator's pages: moderation queue, a clinic, its report.
    let (coord_cookie, _) = app.session_for(coordinator.id).await;
    sign_in_as(&client, &addr, &coord_cookie).await;
    let ua = event::Entity::find()
        .filter(event::Column::Slug.eq("urban-academy-1-education"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let clinic = event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(ua.id))
        .filter(event_session::Column::Kind.eq("consultation-clinic"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    for locale in ["en", "ar"] {
        for page in [
            format!("/people/{}/affiliations", peer.id),
            "/municipalities/new".to_owned(),
            "/organisations/new".to_owned(),
            "/organisations/giz/edit".to_owned(),
            "/organisations/giz".to_owned(),
            "/compendiums/istanbul-2018-good-practices".to_owned(),
            "/compendiums/istanbul-2018-good-practices/describe?in=ar".to_owned(),
            "/compendiums/istanbul-2018-good-practices/edit?in=ar".to_owned(),
            "/compendiums?deleted=1".to_owned(),
            "/practices/14".to_owned(),
            "/consultations/moderation".to_owned(),
            format!("/events/urban-academy-1-education/clinics/{}", clinic.id),
            format!(
                "/events/urban-academy-1-education/clinics/{}/report",
                clinic.id
            ),
            format!("/consultations/{slug}"),
        ] {
            let sep = if page.contains('?') { '&' } else { '?' };
            client
                .goto(&format!("http://{addr}{page}{sep}lang={locale}"))
                .await
                .unwrap();
            check(&client, &format!("{page} ({locale})")).await;
        }
    }
    // At phone width, the clinic page needs no sideways scrolling.
    client.set_window_size(390, 844).await.unwrap();
    client
        .goto(&format!(
            "http://{addr}/events/urban-academy-1-education/clinics/{}?lang=ar",
            clinic.id
        ))
        .await
        .unwrap();
    let overflow = client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    let wide = client
        .execute(
            "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > w || r.left < -1 || r.right > w + 1; }).slice(0, 8).map(e => e.outerHTML.slice(0, 200) + ' IN ' + e.parentElement.outerHTML.slice(0, 300));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        overflow <= 1.0,
        "the clinic page scrolls sideways by {overflow}px on a phone: {wide}"
    );

    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// On the two-step set-up page: read the key shown, answer with a code
/// computed as an authenticator app does, and return the ten recovery codes.
async fn set_up_two_factor(client: &Client, email: &str) -> Vec<String> {
    let key = client
        .find(Locator::Css("#totp-key"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let code = majlis::accounts::two_factor::totp(&key, email)
        .unwrap()
        .generate(u64::try_from(chrono::Utc::now().timestamp()).unwrap())
        .to_string();
    fill(client, "#code", &code).await;
    click(client, "main form button").await;
    client
        .wait()
        .for_element(Locator::Css(".recovery-codes code"))
        .await
        .unwrap();
    let mut recovery = Vec::new();
    for c in client
        .find_all(Locator::Css(".recovery-codes code"))
        .await
        .unwrap()
    {
        recovery.push(c.text().await.unwrap());
    }
    assert_eq!(recovery.len(), 10);
    recovery
}

/// The newest message to `to`, once the mail queue has been delivered (as a
/// node's background task does), quoted-printable undone.
async fn newest_mail(app: &common::TestApp, to: &str) -> String {
    app.deliver_mail().await;
    app.mails()
        .into_iter()
        .rev()
        .find(|m| m.contains(to))
        .unwrap_or_else(|| panic!("no mail to {to}"))
        .replace("=\r\n", "")
        .replace("=3D", "=")
}

/// The first link in a message that starts with `prefix` (e.g. "/invitation/").
fn link_in(mail: &str, prefix: &str) -> String {
    let at = mail
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} link in {mail}"));
    mail[at..]
        .split(|c: char| c.is_whitespace() || c == '?')
        .next()
        .unwrap()
        .to_owned()
}

async fn wait_path(client: &Client, path: &str) {
    for _ in 0..50 {
        if client.current_url().await.unwrap().path() == path {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "never reached {path}: {}",
        client.current_url().await.unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joining_two_step_sign_in_reset_and_the_limit_in_the_browser() {
    use majlis::policy::Role;
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();
    let mut check = async |client: &Client, name: &str| {
        let v = axe_violations(client, &axe).await;
        if !v.is_empty() {
            failures.push(format!("{name}: {v:?}"));
        }
    };
    let coordinator = majlis::accounts::people::create(
        &app.db,
        &majlis::accounts::Email::parse("coordinator@example.org").unwrap(),
        "Coordinator",
        Role::Coordinator,
        majlis::i18n::Locale::En,
        &majlis::accounts::Password::parse("a long enough passphrase".into()).unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    common::enable_totp(&app, coordinator.id).await;
    let (coord_cookie, _) = app.session_for(coordinator.id).await;

    // The coordinator invites a member through the form.
    sign_in_as(&client, &addr, &coord_cookie).await;
    client
        .goto(&format!("http://{addr}/people/invite?lang=en"))
        .await
        .unwrap();
    fill(&client, "#email", "nour@tripoli.example.org").await;
    client
        .find(Locator::Css("#locale"))
        .await
        .unwrap()
        .select_by_value("ar")
        .await
        .unwrap();
    click(&client, "main form button[type=submit]").await;
    wait_path(&client, "/people").await;
    let invitation = newest_mail(&app, "nour@tripoli.example.org").await;
    let join = link_in(&invitation, "/invitation/");

    // The invited member sets a name and a password, and is signed in.
    sign_in_as(&client, &addr, "majlis_session=none").await;
    client.goto(&format!("http://{addr}{join}")).await.unwrap();
    check(&client, "invitation (ar)").await;
    fill(&client, "#name", "Nour Khoury").await;
    fill(&client, "#password", "olive trees by the sea").await;
    fill(&client, "#password_again", "olive trees by the sea").await;
    click(&client, "main form button").await;
    wait_path(&client, "/account").await;

    // Two-step sign-in, with the key shown on the page.
    client
        .goto(&format!("http://{addr}/account/two-factor?lang=ar"))
        .await
        .unwrap();
    let recovery = set_up_two_factor(&client, "nour@tripoli.example.org").await;
    // Sign out.
    click(&client, ".account-nav form button").await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();

    // Forgotten password: the link arrives by email and works once.
    client
        .goto(&format!("http://{addr}/password/forgot?lang=ar"))
        .await
        .unwrap();
    check(&client, "forgot (ar)").await;
    fill(&client, "#email", "nour@tripoli.example.org").await;
    click(&client, "main form button").await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();
    let mut reset_mail = String::new();
    for _ in 0..50 {
        reset_mail = newest_mail(&app, "nour@tripoli.example.org").await;
        if reset_mail.contains("/password/reset/") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let reset = link_in(&reset_mail, "/password/reset/");
    client
        .goto(&format!("http://{addr}{reset}?lang=ar"))
        .await
        .unwrap();
    check(&client, "reset (ar)").await;
    fill(&client, "#password", "cedars on the mountain").await;
    fill(&client, "#password_again", "cedars on the mountain").await;
    click(&client, "main form button").await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();
    // The link does not work a second time.
    client
        .goto(&format!("http://{addr}{reset}?lang=en"))
        .await
        .unwrap();
    let used = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(used.contains("already been used"), "{used}");

    // Signing in with the new password takes the second step; a recovery code finishes it.
    client
        .goto(&format!("http://{addr}/login?lang=en"))
        .await
        .unwrap();
    fill(&client, "#email", "nour@tripoli.example.org").await;
    fill(&client, "#password", "cedars on the mountain").await;
    click(&client, "main form button").await;
    wait_path(&client, "/login/two-factor").await;
    fill(&client, "#code", &recovery[0]).await;
    click(&client, "main form button").await;
    wait_path(&client, "/account").await;
    click(&client, ".account-nav form button").await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();

    // A wrong password five times: the same message each time; then the limit.
    for i in 0..5 {
        client
            .goto(&format!("http://{addr}/login?lang=en"))
            .await
            .unwrap();
        fill(&client, "#email", "nour@tripoli.example.org").await;
        fill(&client, "#password", &format!("not my password {i}")).await;
        click(&client, "main form button").await;
        let e = client
            .wait()
            .for_element(Locator::Css(".form-error"))
            .await
            .unwrap();
        assert_eq!(
            e.text().await.unwrap(),
            "The email address or the password is wrong.",
            "attempt {i}"
        );
    }
    client
        .goto(&format!("http://{addr}/login?lang=ar"))
        .await
        .unwrap();
    fill(&client, "#email", "nour@tripoli.example.org").await;
    fill(&client, "#password", "cedars on the mountain").await;
    click(&client, "main form button").await;
    let e = client
        .wait()
        .for_element(Locator::Css(".form-error"))
        .await
        .unwrap();
    let limited = e.text().await.unwrap();
    let expected = majlis::i18n::Locale::Ar.t_args(
        "login-too-many",
        &[("minutes", majlis::i18n::FluentArg::Num(1))],
    );
    let expected_15 = majlis::i18n::Locale::Ar.t_args(
        "login-too-many",
        &[("minutes", majlis::i18n::FluentArg::Num(15))],
    );
    assert!(limited == expected || limited == expected_15, "{limited}");
    check(&client, "sign-in limit (ar)").await;
    let typed = client
        .find(Locator::Css("#email"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        typed.as_deref(),
        Some("nour@tripoli.example.org"),
        "the address typed is kept"
    );

    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// A test form with a `relevant` chain (a group shown only after a yes, a
/// question inside it only after "increased") and a `constraint` with its
/// own messages in English and Arabic.
const SURVEY_FORM: &str = "\
| survey |
| | type | name | label::English (en) | label::Arabic (ar) | required | relevant | constraint | constraint_message::English (en) | constraint_message::Arabic (ar) | appearance |
| | begin_group | situation | Situation | الوضع | | | | | | field-list |
| | integer | population | Residents | عدد السكان | yes | | . > 0 | Residents must be more than zero. | يجب أن يكون عدد السكان أكبر من الصفر. | |
| | select_one yn | influx | Did refugees arrive? | هل وصل لاجئون؟ | yes | | | | | |
| | end_group | | | | | | | | | |
| | begin_group | cohesion | Cohesion | التماسك | | ${influx} = 'yes' | | | | field-list |
| | select_one change | tensions | Tensions since then | التوترات منذ ذلك الحين | | | | | | |
| | text | why | Why? | لماذا؟ | | ${tensions} = 'increased' | | | | |
| | end_group | | | | | | | | | |
| | begin_group | support | Support | الدعم | | | | | | field-list |
| | select_multiple help | wanted | Support wanted | الدعم المطلوب | | | | | | |
| | end_group | | | | | | | | | |
| choices |
| | list_name | name | label::English (en) | label::Arabic (ar) |
| | yn | yes | Yes | نعم |
| | yn | no | No | لا |
| | change | increased | Increased | ازدادت |
| | change | unchanged | Unchanged | لم تتغير |
| | help | finance | Finance | التمويل |
| | help | training | Training | التدريب |
| settings |
| | form_id | form_title | version | default_language |
| | browser_survey | Browser survey | 1 | English (en) |
";

/// A coordinator uploads [`SURVEY_FORM`] and opens its campaign (as
/// tests/surveys.rs does, through the same pages) for Gaziantep and Kilis,
/// open since yesterday; returns the survey's slug.
async fn open_test_survey(app: &common::TestApp) -> String {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    let c = common::coordinator(app, "coordinator@example.org").await;
    let (cookie, csrf) = app.session_for(c).await;
    let boundary = "majlisbrowsersurvey41c9";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"form\"; filename=\"form.md\"\r\n\
         Content-Type: text/markdown\r\n\r\n{SURVEY_FORM}\r\n--{boundary}--\r\n"
    );
    let res = app
        .request(
            Request::post("/surveys/new")
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                )
                .header("cookie", &cookie)
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let slug = res
        .header("location")
        .unwrap()
        .trim_start_matches("/surveys/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let today = chrono::Utc::now().date_naive();
    let opens = (today - chrono::Duration::days(1)).to_string();
    let closes = (today + chrono::Duration::days(7)).to_string();
    let a = common::municipality_id(app, "gaziantep").await.to_string();
    let b = common::municipality_id(app, "kilis").await.to_string();
    let res = app
        .post_form(
            &format!("/surveys/{slug}/campaign"),
            &[
                ("csrf", &csrf),
                ("title", "Browser survey"),
                ("description", ""),
                ("status", "open"),
                ("audience", "members"),
                ("opens", &opens),
                ("closes", &closes),
                ("event", ""),
                ("target", &a),
                ("target", &b),
            ],
            &cookie,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    slug
}

/// The text of the element a selector finds.
async fn text_of(client: &Client, selector: &str) -> String {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .text()
        .await
        .unwrap()
}

/// An attribute of the element a selector finds.
async fn attr_of(client: &Client, selector: &str, name: &str) -> Option<String> {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .attr(name)
        .await
        .unwrap()
}

/// Replace what a text field holds, as a person would (no script needed).
async fn retype(client: &Client, selector: &str, text: &str) {
    let field = client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Click a button that sends a form, and wait for the page it leads to.
async fn send(client: &Client, selector: &str) {
    let before = client
        .find(Locator::Css("html"))
        .await
        .expect("a page is shown");
    click(client, selector).await;
    for _ in 0..100 {
        // The old page's root goes stale once the next page is in.
        if before.attr("lang").await.is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{selector} led nowhere");
}

/// How far the page scrolls sideways (0 when it fits the window).
async fn sideways_overflow(client: &Client) -> f64 {
    client
        .execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Answer the browser survey for a municipality page by page, as a person
/// would, and submit. With `axe`, the answer page, the pages with an error
/// (English and Arabic) and the review (both) are checked with axe-core and
/// for sideways scrolling; without it the browser runs no script at all, so
/// the function uses none.
async fn answer_test_survey(
    client: &Client,
    addr: &std::net::SocketAddr,
    url: &str,
    axe: Option<&str>,
    failures: &mut Vec<String>,
) {
    let check = async |client: &Client, what: &str, failures: &mut Vec<String>| {
        let Some(axe) = axe else { return };
        let violations = axe_violations(client, axe).await;
        if !violations.is_empty() {
            failures.push(format!(
                "{what}: {}",
                serde_json::to_string_pretty(&violations).unwrap()
            ));
        }
        let overflow = sideways_overflow(client).await;
        if overflow > 0.0 {
            failures.push(format!("{what}: scrolls sideways by {overflow}px"));
        }
    };
    let base = format!("http://{addr}{url}");

    // The first page, in English.
    client.goto(&format!("{base}?lang=en")).await.unwrap();
    assert_eq!(text_of(client, "main h2").await, "Situation");
    assert_eq!(
        attr_of(client, "form.survey-form", "dir").await.as_deref(),
        Some("ltr")
    );
    check(client, "answer page (en)", failures).await;

    // A refused answer: the form's own message, and what was typed kept.
    fill(client, "#i-population", "-5").await;
    click(client, "#i-influx-1").await;
    send(client, "button[value=next]").await;
    assert_eq!(
        text_of(client, "#e-population").await,
        "Residents must be more than zero."
    );
    assert!(
        text_of(client, "#answer-errors")
            .await
            .contains("Residents must be more than zero."),
        "the summary names the problem"
    );
    assert_eq!(
        attr_of(client, "#i-population", "value").await.as_deref(),
        Some("-5")
    );
    assert_eq!(
        attr_of(client, "#i-population", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    let yes = client.find(Locator::Css("#i-influx-1")).await.unwrap();
    assert!(
        yes.is_selected().await.unwrap(),
        "the chosen answer is kept"
    );
    check(client, "answer page with an error (en)", failures).await;

    // The same in Arabic: right to left, the form's Arabic message.
    client
        .goto(&format!("{base}?page=0&lang=ar"))
        .await
        .unwrap();
    assert_eq!(attr_of(client, "html", "dir").await.as_deref(), Some("rtl"));
    assert_eq!(text_of(client, "main h2").await, "الوضع");
    check(client, "answer page (ar)", failures).await;
    fill(client, "#i-population", "0").await;
    click(client, "#i-influx-1").await;
    send(client, "button[value=next]").await;
    assert_eq!(
        text_of(client, "#e-population").await,
        "يجب أن يكون عدد السكان أكبر من الصفر."
    );
    assert_eq!(
        attr_of(client, "#i-population", "value").await.as_deref(),
        Some("0")
    );
    check(client, "answer page with an error (ar)", failures).await;

    // No arrivals: the cohesion page is not relevant and is skipped.
    retype(client, "#i-population", "2000000").await;
    click(client, "#i-influx-2").await;
    send(client, "button[value=next]").await;
    let here = client.current_url().await.unwrap();
    assert!(
        here.query().unwrap_or_default().contains("page=2"),
        "{here}"
    );
    assert_eq!(text_of(client, "main h2").await, "الدعم");
    assert!(
        text_of(client, "main .lead").await.contains("2/2"),
        "two pages shown of three"
    );

    // Back to the first page: what was saved is there; with arrivals the
    // cohesion page comes next, without `why` until tensions increased.
    send(client, "button[value=back]").await;
    assert_eq!(text_of(client, "main h2").await, "الوضع");
    assert_eq!(
        attr_of(client, "#i-population", "value").await.as_deref(),
        Some("2000000")
    );
    let no = client.find(Locator::Css("#i-influx-2")).await.unwrap();
    assert!(no.is_selected().await.unwrap(), "the saved answer is shown");
    client
        .goto(&format!("{base}?page=0&lang=en"))
        .await
        .unwrap();
    click(client, "#i-influx-1").await;
    send(client, "button[value=next]").await;
    assert_eq!(text_of(client, "main h2").await, "Cohesion");
    assert!(text_of(client, "main .lead").await.contains("2/3"));
    assert!(
        client.find(Locator::Css("#i-why")).await.is_err(),
        "`why` is not relevant yet"
    );
    click(client, "#i-tensions-1").await;
    send(client, "button[value=stay]").await;
    assert_eq!(text_of(client, "main [role=status]").await, "Draft saved.");
    fill(client, "#i-why", "Rents rose").await;
    send(client, "button[value=next]").await;
    assert_eq!(text_of(client, "main h2").await, "Support");
    click(client, "#i-wanted-1").await;
    click(client, "#i-wanted-2").await;
    send(client, "button[value=next]").await;

    // The review lists every answer, in English and in Arabic.
    let here = client.current_url().await.unwrap();
    assert!(
        here.query().unwrap_or_default().contains("review=1"),
        "{here}"
    );
    let review = text_of(client, "main").await;
    for answer in [
        "Residents",
        "2000000",
        "Did refugees arrive?",
        "Yes",
        "Increased",
        "Rents rose",
        "Finance, Training",
    ] {
        assert!(review.contains(answer), "{answer} in the review: {review}");
    }
    check(client, "review (en)", failures).await;
    client
        .goto(&format!("{base}?review=1&lang=ar"))
        .await
        .unwrap();
    let review = text_of(client, "main").await;
    for answer in ["عدد السكان", "نعم", "ازدادت", "التمويل", "التدريب"]
    {
        assert!(review.contains(answer), "{answer} in the review: {review}");
    }
    check(client, "review (ar)", failures).await;

    // Submitted: the page says so.
    client
        .goto(&format!("{base}?review=1&lang=en"))
        .await
        .unwrap();
    send(client, "main form[action*='/submit'] button[type=submit]").await;
    assert_eq!(
        text_of(client, "main [role=status]").await,
        "Thank you: the answers are submitted."
    );
    assert!(
        text_of(client, "main")
            .await
            .contains("These answers are submitted.")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn surveys_in_the_browser_with_and_without_javascript() {
    use majlis::surveys::entities::{response, survey};
    use sea_orm::{ColumnTrait, QueryFilter};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let slug = open_test_survey(&app).await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();

    // 1. The demo survey's pages, in English and Arabic, on a phone and a desktop.
    let demo = "/surveys/amman-2016-challenges";
    let pages = [
        "/surveys".to_owned(),
        demo.to_owned(),
        format!("{demo}/preview"),
        format!("{demo}/results"),
        format!("{demo}/results?by=country"),
    ];
    let mut bars_seen = 0;
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in &pages {
                let sep = if page.contains('?') { '&' } else { '?' };
                let url = format!("http://{addr}{page}{sep}lang={locale}");
                client.goto(&url).await.expect("page loads");
                let rtl = locale == "ar";
                assert_eq!(
                    attr_of(&client, "html", "dir").await.as_deref(),
                    Some(if rtl { "rtl" } else { "ltr" }),
                    "{url}"
                );
                assert_eq!(
                    attr_of(&client, "html", "lang").await.as_deref(),
                    Some(locale)
                );
                let violations = axe_violations(&client, &axe).await;
                if !violations.is_empty() {
                    failures.push(format!(
                        "{url} at {width}px: {}",
                        serde_json::to_string_pretty(&violations).unwrap()
                    ));
                }
                let overflow = sideways_overflow(&client).await;
                if overflow > 0.0 {
                    failures.push(format!(
                        "{url} at {width}px scrolls sideways by {overflow}px"
                    ));
                }
                if !page.contains("/results") {
                    continue;
                }
                // The charts' bars grow from the reading start: from the
                // baseline drawn at the start of each bar, which is the
                // chart's right side (less its margin) in Arabic and its left
                // side in English; bars after a group's name start after it.
                let bars = client
                    .execute(
                        r##"const out = [];
                        for (const svg of document.querySelectorAll('.chart svg')) {
                          const s = svg.getBoundingClientRect();
                          const k = s.width / svg.viewBox.baseVal.width;
                          const grouped = svg.querySelector('g[id*="-category-"]') !== null;
                          for (const r of svg.querySelectorAll('rect[fill="#1d4f91"]')) {
                            const b = r.getBoundingClientRect();
                            const line = r.nextElementSibling;
                            const l = line && line.tagName === 'line' ? line.getBoundingClientRect() : null;
                            out.push({ left: b.left, right: b.right, width: b.width,
                              base: l ? (l.left + l.right) / 2 : null,
                              svgLeft: s.left, svgRight: s.right, k, grouped });
                          }
                        }
                        return out;"##,
                        vec![],
                    )
                    .await
                    .unwrap();
                let bars = bars.as_array().cloned().unwrap_or_default();
                let mut drawn = 0;
                for bar in &bars {
                    let f = |key: &str| bar[key].as_f64().unwrap_or(f64::NAN);
                    let (left, right, base) = (f("left"), f("right"), f("base"));
                    let (svg_left, svg_right, k) = (f("svgLeft"), f("svgRight"), f("k"));
                    assert!(base.is_finite(), "{url}: a bar without its baseline: {bar}");
                    let centre = (svg_left + svg_right) / 2.0;
                    if f("width") < 1.0 {
                        continue;
                    }
                    drawn += 1;
                    if rtl {
                        assert!((right - base).abs() <= 1.5, "{url}: {bar}");
                        assert!(base > centre, "{url}: the bar starts on the left: {bar}");
                    } else {
                        assert!((left - base).abs() <= 1.5, "{url}: {bar}");
                        assert!(base < centre, "{url}: the bar starts on the right: {bar}");
                    }
                    if bar["grouped"] == json!(false) {
                        // The chart's margin is 8 of its 440 units.
                        let edge = if rtl {
                            svg_right - 8.0 * k - right
                        } else {
                            left - (svg_left + 8.0 * k)
                        };
                        assert!(edge.abs() <= 1.5, "{url}: {edge}px from the edge: {bar}");
                    }
                }
                assert!(drawn > 0, "{url}: no bar drawn");
                bars_seen += drawn;
            }
        }
    }

    // 2. A focal point of Gaziantep answers on a phone, with JavaScript.
    let gaziantep = common::municipality_id(&app, "gaziantep").await;
    let kilis = common::municipality_id(&app, "kilis").await;
    let fp = common::focal_point_of(&app, "focal@gaziantep.example", gaziantep).await;
    let (cookie, _) = app.session_for(fp).await;
    sign_in_as(&client, &addr, &cookie).await;
    client.set_window_size(390, 844).await.unwrap();
    // The probe for scripts: this page retitles itself when scripts run.
    let probe = "data:text/html,<title>before</title><script>document.title='after'</script>";
    client.goto(probe).await.unwrap();
    assert_eq!(client.title().await.unwrap(), "after", "the probe works");
    answer_test_survey(
        &client,
        &addr,
        &format!("/surveys/{slug}/respond/gaziantep"),
        Some(&axe),
        &mut failures,
    )
    .await;
    client.close().await.unwrap();

    // 3. A focal point of Kilis does the same in a browser that runs no script.
    let (_driver2, plain, _profile2) = start_browser_with(false).await;
    plain.goto(probe).await.unwrap();
    assert_eq!(
        plain.title().await.unwrap(),
        "before",
        "scripts are off in this browser"
    );
    let fp = common::focal_point_of(&app, "focal@kilis.example", kilis).await;
    let (cookie, _) = app.session_for(fp).await;
    plain.goto(&format!("http://{addr}/healthz")).await.unwrap();
    // Set as WebDriver sets it (a script could not: none runs here).
    plain
        .add_cookie(
            fantoccini::cookies::Cookie::parse(format!(
                "{cookie}; Domain=127.0.0.1; Path=/; SameSite=Lax"
            ))
            .unwrap(),
        )
        .await
        .unwrap();
    answer_test_survey(
        &plain,
        &addr,
        &format!("/surveys/{slug}/respond/kilis"),
        None,
        &mut failures,
    )
    .await;
    plain.close().await.unwrap();

    // Both responses are stored as submitted, with the same answers.
    let test = survey::Entity::find()
        .filter(survey::Column::Slug.eq(&slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    for municipality in [gaziantep, kilis] {
        let r = response::Entity::find()
            .filter(response::Column::SurveyId.eq(test.id))
            .filter(response::Column::MunicipalityId.eq(municipality))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("a response");
        assert!(r.submitted_at.is_some() && r.draft.is_none());
        let answers = r.answers.expect("submitted answers");
        assert_eq!(answers["population"], "2000000");
        assert_eq!(answers["influx"], "yes");
        assert_eq!(answers["tensions"], "increased");
        assert_eq!(answers["why"], "Rents rose");
        assert_eq!(answers["wanted"], "finance training");
    }
    assert!(bars_seen >= 8, "{bars_seen} bars checked");
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// An action plan's page, a step's edit form (with an error) and the
/// municipality page listing the plan, in English and Arabic, on a phone
/// and a desktop, with axe-core; the timeline runs right to left in Arabic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plans_in_the_browser_pass_axe_and_mirror() {
    use chrono::{NaiveDate, Utc};
    use majlis::i18n::{Locale, TrText};
    use majlis::plans::rules;
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let gaziantep = common::municipality_id(&app, "gaziantep").await;
    let fp = common::focal_point_of(&app, "focal@gaziantep.example", gaziantep).await;
    let origin = majlis::audit::Origin {
        actor_id: Some(fp),
        ip: "127.0.0.1".into(),
    };
    // The demo's language-courses idea (public; the plan is Gaziantep's).
    let owner = majlis::plans::Owner {
        kind: majlis::plans::OwnerKind::Project,
        id: majlis::projects::entities::project::Entity::find()
            .filter(
                majlis::projects::entities::project::Column::Slug
                    .eq("istanbul-2018-language-courses"),
            )
            .one(app.db.read())
            .await
            .unwrap()
            .expect("the demo's language-courses idea")
            .id,
    };
    let title = TrText::new(Locale::Tr, "Dil kursları eylem planı").unwrap();
    // In place of the demo's plan of the idea (an owner has one plan).
    {
        use majlis::plans::entities::plan;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let tx = app.db.begin_write().await.unwrap();
        plan::Entity::delete_many()
            .filter(plan::Column::OwnerKind.eq("project"))
            .filter(plan::Column::OwnerId.eq(owner.id))
            .exec(&tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }
    let admin = majlis::policy::Actor::with_role(0, majlis::policy::Role::Admin, vec![]);
    let plan = rules::create_as_staff(
        &app.db,
        &origin,
        &admin,
        owner,
        gaziantep,
        title,
        Utc::now(),
    )
    .await
    .unwrap();
    let editing = rules::as_staff(app.db.read(), &admin, plan).await.unwrap();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let mut first = 0;
    for (k, (name, from, to, status, percent)) in [
        (
            "Öğretmenlerin seçimi",
            day(2019, 3, 1),
            day(2019, 6, 30),
            majlis::plans::StepStatus::Done,
            100,
        ),
        (
            "Kurslar",
            day(2019, 7, 1),
            day(2019, 12, 31),
            majlis::plans::StepStatus::InProgress,
            40,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let id = rules::add_step(
            &app.db,
            &origin,
            &editing,
            rules::StepInput {
                title: TrText::new(Locale::Tr, name).unwrap(),
                owner_text: Some("Halk Eğitim Merkezi".into()),
                owner_municipality_id: Some(gaziantep),
                starts_on: from,
                due_on: to,
                status,
                percent,
                weight: 1,
            },
            Utc::now(),
        )
        .await
        .unwrap();
        if k == 0 {
            first = id;
        }
    }
    rules::add_milestone(
        &app.db,
        &origin,
        &editing,
        rules::MilestoneInput {
            title: TrText::new(Locale::Tr, "İlk ders").unwrap(),
            due_on: day(2019, 7, 1).unwrap(),
            reached_on: None,
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let indicator = rules::add_indicator(
        &app.db,
        &origin,
        &editing,
        rules::IndicatorInput {
            name: TrText::new(Locale::Tr, "Kurs bekleme süresi").unwrap(),
            unit: "hafta".into(),
            baseline_value: 12.0,
            baseline_on: day(2019, 1, 1).unwrap(),
            target_value: 4.0,
            target_on: day(2020, 12, 31).unwrap(),
        },
        Utc::now(),
    )
    .await
    .unwrap();
    rules::add_measurement(
        &app.db,
        &origin,
        &editing,
        indicator,
        rules::MeasurementInput {
            measured_on: day(2019, 9, 1).unwrap(),
            value: 10.0,
            source: "Kurs kayıtları".into(),
        },
        Utc::now(),
    )
    .await
    .unwrap();
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let (cookie, _) = app.session_for(fp).await;
    sign_in_as(&client, &addr, &cookie).await;
    let mut failures = Vec::new();
    let pages = [
        format!("/plans/{plan}"),
        format!("/plans/{plan}/steps/{first}"),
        format!("/plans/{plan}/indicators/new"),
        "/municipalities/gaziantep".to_owned(),
    ];
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in &pages {
                let url = format!("http://{addr}{page}?lang={locale}");
                client.goto(&url).await.expect("page loads");
                let violations = axe_violations(&client, &axe).await;
                if !violations.is_empty() {
                    failures.push(format!(
                        "{url} at {width}px: {}",
                        serde_json::to_string_pretty(&violations).unwrap()
                    ));
                }
                let overflow = sideways_overflow(&client).await;
                if overflow > 0.0 {
                    let wide = client
                        .execute(
                            r#"const w = document.documentElement.clientWidth; const out = [];
                            for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
                              if (r.right > w + 1 || r.left < -1) out.push(e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }
                            return out.slice(0, 12);"#,
                            vec![],
                        )
                        .await
                        .unwrap();
                    failures.push(format!(
                        "{url} at {width}px scrolls sideways by {overflow}px: {wide}"
                    ));
                }
                if page != &pages[0] {
                    continue;
                }
                // The first step (the earliest) sits at the reading start of
                // the timeline: on the left in English, on the right in Arabic.
                let at = client
                    .execute(
                        r#"const svg = document.querySelector('.chart svg');
                        const s = svg.getBoundingClientRect();
                        const r = svg.querySelector('g[id$="-span-0"] rect').getBoundingClientRect();
                        return [(r.left + r.right) / 2 - (s.left + s.right) / 2];"#,
                        vec![],
                    )
                    .await
                    .unwrap();
                let offset = at[0].as_f64().unwrap_or(f64::NAN);
                if locale == "ar" {
                    assert!(
                        offset > 0.0,
                        "{url}: the first step is not on the right ({offset})"
                    );
                } else {
                    assert!(
                        offset < 0.0,
                        "{url}: the first step is not on the left ({offset})"
                    );
                }
            }
        }
    }
    // Bad input in Arabic on a phone: the message, and what was typed kept.
    client.set_window_size(390, 844).await.unwrap();
    let form = format!("http://{addr}/plans/{plan}/steps/{first}?lang=ar");
    client.goto(&form).await.unwrap();
    retype(&client, "#i-percent", "150").await;
    send(&client, "form.plan-form button[type=submit]").await;
    assert_eq!(
        attr_of(&client, "#i-percent", "value").await.as_deref(),
        Some("150")
    );
    assert!(text_of(&client, "#form-errors").await.contains("100"));
    let violations = axe_violations(&client, &axe).await;
    if !violations.is_empty() {
        failures.push(format!(
            "{form} with an error: {}",
            serde_json::to_string_pretty(&violations).unwrap()
        ));
    }
    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn project_pages_in_english_and_arabic_pass_axe() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let sahinbey = common::municipality_id(&app, "sahinbey").await;
    let kilis = common::municipality_id(&app, "kilis").await;
    let lead = common::focal_point_of(&app, "lead@example.org", sahinbey).await;
    common::focal_point_of(&app, "focal-b@example.org", kilis).await;
    let (cookie, csrf) = app.session_for(lead).await;
    // An open invitation, so the page shows a partner waiting to answer.
    let res = app
        .post_form(
            "/projects/istanbul-2018-language-courses/partners",
            &[("csrf", &csrf), ("municipality", "kilis")],
            &cookie,
        )
        .await;
    assert_eq!(res.status, axum::http::StatusCode::SEE_OTHER);
    // A refused form, as a person sees it.
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    sign_in_as(&client, &addr, &cookie).await;
    let pages = [
        "/projects",
        "/projects?status=concept",
        "/projects/istanbul-2018-language-courses",
        "/projects/istanbul-2018-vocational-training",
        "/projects/new",
        "/projects/istanbul-2018-language-courses/edit?in=en",
        "/events/istanbul-2018-dialogue-workshop",
        // The outcomes chain: Şahinbey's ideas (and plans), Kilis's
        // invitation as a partnership, the network's figures by status.
        "/municipalities/sahinbey",
        "/municipalities/kilis",
        "/network",
    ];
    let mut failures = Vec::new();
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in pages {
                let sep = if page.contains('?') { '&' } else { '?' };
                let url = format!("http://{addr}{page}{sep}lang={locale}");
                client.goto(&url).await.expect("page loads");
                assert_eq!(
                    attr_of(&client, "html", "dir").await.as_deref(),
                    Some(if locale == "ar" { "rtl" } else { "ltr" }),
                    "{url}"
                );
                let violations = axe_violations(&client, &axe).await;
                if !violations.is_empty() {
                    failures.push(format!(
                        "{url} at {width}px: {}",
                        serde_json::to_string_pretty(&violations).unwrap()
                    ));
                }
                let overflow = sideways_overflow(&client).await;
                if overflow > 0.0 {
                    // Name the elements whose hiding removes the overflow.
                    let wide = client
                        .execute(
                            "const d = document.documentElement; const out = []; for (const e of document.querySelectorAll('main *')) { const old = e.style.display; e.style.display = 'none'; if (d.scrollWidth - d.clientWidth <= 0) { out.push(e.tagName + '.' + e.className + '#' + e.id + ' ' + e.textContent.slice(0, 60)); } e.style.display = old; if (out.length > 8) break; } return out;",
                            vec![],
                        )
                        .await
                        .unwrap();
                    failures.push(format!(
                        "{url} at {width}px scrolls sideways by {overflow}px: {wide}"
                    ));
                }
            }
            // The form sent empty comes back with its messages.
            client
                .goto(&format!("http://{addr}/projects/new?lang={locale}"))
                .await
                .unwrap();
            send(&client, "form.edit-form button[type=submit]").await;
            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                failures.push(format!(
                    "refused form ({locale}, {width}px): {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
            assert!(!text_of(&client, "#form-errors").await.is_empty());
        }
    }
    // The suggestions say why, and the status form is there for the lead.
    client
        .goto(&format!(
            "http://{addr}/projects/istanbul-2018-vocational-training?lang=en"
        ))
        .await
        .unwrap();
    assert!(
        text_of(&client, ".suggestions")
            .await
            .contains("The programme funds partnerships between")
    );
    // The municipality pages list ideas and partnerships with their status.
    client
        .goto(&format!("http://{addr}/municipalities/kilis?lang=en"))
        .await
        .unwrap();
    assert!(
        text_of(&client, ".linked-partnerships")
            .await
            .contains("Invited")
    );
    client
        .goto(&format!("http://{addr}/network?lang=ar"))
        .await
        .unwrap();
    assert!(!text_of(&client, ".figures-projects").await.is_empty());
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// Type a day into a date field as a person does: the digits in the order
/// the browser's own date format asks for (tried until the field holds it).
async fn type_date(client: &Client, selector: &str, iso: &str) {
    let (y, rest) = iso.split_at(4);
    let (m, d) = (&rest[1..3], &rest[4..6]);
    for keys in [
        format!("{m}{d}{y}"),
        format!("{d}{m}{y}"),
        format!("{y}{m}{d}"),
    ] {
        let field = client
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("{selector}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(&keys).await.unwrap();
        let value = client
            .execute(
                "return document.querySelector(arguments[0]).value;",
                vec![json!(selector)],
            )
            .await
            .unwrap();
        if value.as_str() == Some(iso) {
            return;
        }
    }
    panic!("{selector} never took the day {iso}");
}

/// Choose an option of a select list by its value.
async fn choose(client: &Client, selector: &str, value: &str) {
    client
        .find(Locator::Css(selector))
        .await
        .unwrap_or_else(|e| panic!("{selector}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{selector} = {value}: {e}"));
}

/// Issue 18's chain, as its people do it in the browser: a Turkish focal
/// point writes down an idea born in a session of the Istanbul workshop,
/// reads why a partner is suggested and invites it; the partner's focal
/// point reads the mail and accepts; the lead starts a plan, adds two
/// weighted steps and an indicator with a measurement; the workshop's page
/// then shows the idea, the partnership and the plan's progress.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_a_workshop_session_to_a_plan_in_progress_in_the_browser() {
    use majlis::events::entities::{event, event_session};
    use sea_orm::QueryOrder;
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let sahinbey = common::municipality_id(&app, "sahinbey").await;
    let lead = common::focal_point_of(&app, "lead-chain@example.org", sahinbey).await;
    let workshop = event::Entity::find()
        .filter(event::Column::Slug.eq("istanbul-2018-dialogue-workshop"))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the demo's Istanbul workshop");
    let session = event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(workshop.id))
        .order_by_asc(event_session::Column::Id)
        .one(app.db.read())
        .await
        .unwrap()
        .expect("a session of the workshop");
    let language = majlis::directory::entities::theme::Entity::find()
        .filter(majlis::directory::entities::theme::Column::Slug.eq("language-learning"))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the language-learning theme");
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let (lead_cookie, _) = app.session_for(lead).await;
    sign_in_as(&client, &addr, &lead_cookie).await;
    let base = format!("http://{addr}");

    // 1. The idea, from the workshop.
    client
        .goto(&format!("{base}/projects/new?lang=en"))
        .await
        .unwrap();
    fill(&client, "#i-title", "Evening Turkish classes for parents").await;
    fill(
        &client,
        "#i-problem",
        "Parents of refugee pupils cannot follow school meetings.",
    )
    .await;
    click(&client, &format!("#i-theme-{}", language.id)).await;
    choose(&client, "#i-lead", &sahinbey.to_string()).await;
    choose(&client, "#i-event", &workshop.id.to_string()).await;
    fill(&client, "#i-programme", "Municipal partnerships DE–TR").await;
    fill(&client, "#i-programme_countries", "DE, TR").await;
    click(&client, "#i-vis-public").await;
    send(&client, "form.project-form button[type=submit]").await;
    let idea_path = client.current_url().await.unwrap().path().to_owned();
    assert!(
        idea_path.starts_with("/projects/") && !idea_path.ends_with("/new"),
        "the idea was not saved: {idea_path}"
    );
    // The session is chosen once the event is saved (no script needed).
    client
        .goto(&format!("{base}{idea_path}/edit?lang=en&in=en"))
        .await
        .unwrap();
    choose(&client, "#i-session", &session.id.to_string()).await;
    send(&client, "form.project-form button[type=submit]").await;
    assert_eq!(client.current_url().await.unwrap().path(), idea_path);
    let facts = text_of(&client, "dl.facts").await;
    assert!(
        facts.contains(workshop.title.text(majlis::i18n::Locale::En))
            && facts.contains(session.title.text(majlis::i18n::Locale::En)),
        "the idea does not name its workshop and session: {facts}"
    );

    // 2. A suggested partner, with its reason in words; invited.
    let suggestions = client
        .find_all(Locator::Css(".suggestions > li"))
        .await
        .unwrap();
    assert!(!suggestions.is_empty(), "no partner suggested");
    let first = &suggestions[0];
    let partner_link = first
        .find(Locator::Css("a"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let partner_slug = partner_link
        .trim_start_matches("/municipalities/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let partner_name = first
        .find(Locator::Css("a"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let reasons = first
        .find(Locator::Css("ul"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        reasons.contains(&partner_name) || reasons.contains("The programme funds"),
        "the suggestion of {partner_name} gives no reason naming it: {reasons}"
    );
    // The partner municipality's focal point (a person of the network).
    let partner_id = common::municipality_id(&app, &partner_slug).await;
    let focal = common::focal_point_of(&app, "partner-chain@example.org", partner_id).await;
    let before = client.find(Locator::Css("html")).await.unwrap();
    first
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for _ in 0..100 {
        if before.attr("lang").await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let partners = text_of(&client, "ul.partners").await;
    assert!(
        partners.contains(&partner_name) && partners.contains("Invited"),
        "{partners}"
    );

    // 3. The partner's focal point hears of it by mail and accepts.
    let mail = newest_mail(&app, "partner-chain@example.org").await;
    assert!(
        mail.contains(&idea_path),
        "the invitation mail does not link to the idea: {mail}"
    );
    let (partner_cookie, _) = app.session_for(focal).await;
    sign_in_as(&client, &addr, &partner_cookie).await;
    client
        .goto(&format!("{base}{idea_path}?lang=en"))
        .await
        .unwrap();
    send(
        &client,
        &format!("form[action^=\"{idea_path}/partners/{partner_slug}/accept\"] button"),
    )
    .await;
    let partners = text_of(&client, "ul.partners").await;
    assert!(
        partners.contains("Partner") && !partners.contains("Invited"),
        "{partners}"
    );
    assert!(
        text_of(&client, "ol.history")
            .await
            .contains("accepted the invitation"),
        "the acceptance is not in the history"
    );

    // 4. The lead starts the plan: two weighted steps, an indicator, a measurement.
    sign_in_as(&client, &addr, &lead_cookie).await;
    client
        .goto(&format!("{base}{idea_path}?lang=en"))
        .await
        .unwrap();
    send(&client, ".project-plan form button[type=submit]").await;
    let plan_path = client.current_url().await.unwrap().path().to_owned();
    assert!(plan_path.starts_with("/plans/"), "{plan_path}");
    for (title, status, percent, weight) in [
        ("Recruit two teachers", "done", "100", "2"),
        ("Run the first course", "in-progress", "40", "1"),
    ] {
        client
            .goto(&format!("{base}{plan_path}/steps/new?lang=en"))
            .await
            .unwrap();
        fill(&client, "#i-title", title).await;
        type_date(&client, "#i-starts_on", "2019-03-01").await;
        type_date(&client, "#i-due_on", "2019-09-30").await;
        choose(&client, "#i-status", status).await;
        retype(&client, "#i-percent", percent).await;
        retype(&client, "#i-weight", weight).await;
        send(&client, "form.plan-form button[type=submit]").await;
        assert_eq!(client.current_url().await.unwrap().path(), plan_path);
    }
    client
        .goto(&format!("{base}{plan_path}/indicators/new?lang=en"))
        .await
        .unwrap();
    fill(&client, "#i-name", "Parents attending school meetings").await;
    fill(&client, "#i-unit", "parents").await;
    retype(&client, "#i-baseline_value", "20").await;
    type_date(&client, "#i-baseline_on", "2019-01-15").await;
    retype(&client, "#i-target_value", "120").await;
    type_date(&client, "#i-target_on", "2020-06-30").await;
    send(&client, "form.plan-form button[type=submit]").await;
    assert_eq!(client.current_url().await.unwrap().path(), plan_path);
    let add = client
        .find(Locator::Css("a[href*=\"/measurements/new?indicator=\"]"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    client.goto(&format!("{base}{add}")).await.unwrap();
    retype(&client, "#i-value", "45").await;
    type_date(&client, "#i-measured_on", "2019-10-01").await;
    fill(&client, "#i-source", "School attendance lists").await;
    send(&client, "form.plan-form button[type=submit]").await;
    assert_eq!(client.current_url().await.unwrap().path(), plan_path);
    let plan_text = text_of(&client, "main").await;
    // (2 × 100 + 1 × 40) / 3 = 80 %; (45 − 20) / (120 − 20) = 25 %.
    assert!(plan_text.contains("80"), "no 80 % progress: {plan_text}");
    assert!(plan_text.contains("25"), "no 25 % attainment: {plan_text}");

    // 5. The workshop's page shows what came of it, with the progress.
    let mut failures = Vec::new();
    for locale in ["en", "ar"] {
        for (width, height) in [(390, 844), (1280, 900)] {
            client.set_window_size(width, height).await.unwrap();
            let url = format!("{base}/events/{}?lang={locale}", workshop.slug);
            client.goto(&url).await.unwrap();
            let outcomes = text_of(&client, "section.linked-projects").await;
            assert!(
                outcomes.contains("Evening Turkish classes for parents"),
                "{url}: the idea is not among the workshop's outcomes: {outcomes}"
            );
            assert!(
                outcomes.contains("80"),
                "{url}: the plan's progress is not shown: {outcomes}"
            );
            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                failures.push(format!(
                    "{url} at {width}px: {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
        }
    }
    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// What a newcomer meets (issue 20), in English and Arabic, on a phone and a
/// desktop, checked with axe-core and for sideways scrolling: the home page,
/// the events list and an event past and to come, consultations, the
/// library's tabs, compendiums, and for a coordinator pending invitations,
/// the audit log, a compendium's publishing and the practice wizard. On a
/// phone the menu folds behind one button (no script needed) and opens; on
/// a desktop the header holds on two lines signed in as staff, in German
/// too. With `MAJLIS_SCREENSHOTS=DIR` each page is also saved as a picture.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_a_newcomer_sees_in_the_browser() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    app.index().await;
    let coordinator = common::coordinator(&app, "coordinator@example.org").await;
    majlis::accounts::invitations::invite(
        &app.db,
        &majlis::accounts::invitations::Inviter {
            actor: &majlis::policy::Actor::new(coordinator, "coordinator", true, vec![]),
            name: "Coordinator",
            origin: &majlis::audit::Origin::cli(),
        },
        &majlis::accounts::invitations::InviteInput {
            email: majlis::accounts::Email::parse("waiting@example.org").unwrap(),
            role: majlis::policy::Role::Member,
            municipality_id: None,
            focal_point: false,
            locale: majlis::i18n::Locale::Ar,
        },
        "http://localhost",
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let (cookie, _) = app.session_for(coordinator).await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let shots = std::env::var("MAJLIS_SCREENSHOTS").ok().map(PathBuf::from);
    let mut failures = Vec::new();
    let visitor = [
        "/",
        "/events",
        "/events?when=past",
        "/events/istanbul-2018-dialogue-workshop",
        "/events/webinar-keeping-in-touch-with-migrant-communities",
        "/consultations",
        "/consultations/staying-in-touch-with-migrant-communities",
        "/library",
        "/practices",
        "/practices/14",
        "/compendiums",
        "/compendiums/language-and-encounters-2018",
    ];
    let staff = [
        "/people/invitations",
        "/audit",
        "/compendiums/istanbul-2018-good-practices",
        "/compendiums/istanbul-2018-good-practices/edit",
        "/practices/1/edit/about",
    ];
    let mut check = async |client: &Client, page: &str, width: u32, locale: &str| {
        let sep = if page.contains('?') { '&' } else { '?' };
        let url = format!("http://{addr}{page}{sep}lang={locale}");
        client.goto(&url).await.expect("page loads");
        let violations = axe_violations(client, &axe).await;
        if !violations.is_empty() {
            failures.push(format!(
                "{url} at {width}px: {}",
                serde_json::to_string_pretty(&violations).unwrap()
            ));
        }
        let overflow = sideways_overflow(client).await;
        if overflow > 0.0 {
            failures.push(format!(
                "{url} at {width}px scrolls sideways by {overflow}px"
            ));
        }
        if let Some(dir) = &shots {
            let name: String = format!("{locale}-{width}{page}")
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let png = client.screenshot().await.unwrap();
            std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
        }
    };
    let header_height = async |client: &Client| -> f64 {
        client
            .execute(
                "return document.querySelector('.site-header').getBoundingClientRect().height;",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap()
    };
    for (width, height) in [(390u32, 844u32), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in visitor {
                check(&client, page, width, locale).await;
            }
        }
        // The header: on a phone, one line with the menu button (far less
        // than a fifth of the screen); on a desktop, two lines.
        client
            .goto(&format!("http://{addr}/?lang=de"))
            .await
            .unwrap();
        let h = header_height(&client).await;
        if width == 390 {
            assert!(
                h < f64::from(height) / 10.0,
                "the phone's header is {h}px high"
            );
            assert!(
                !client
                    .find(Locator::Css(".main-nav"))
                    .await
                    .unwrap()
                    .is_displayed()
                    .await
                    .unwrap(),
                "the menu starts folded"
            );
            click(&client, ".menu-button").await;
            assert!(
                client
                    .find(Locator::Css(".main-nav a[href='/events']"))
                    .await
                    .unwrap()
                    .is_displayed()
                    .await
                    .unwrap(),
                "the menu opens"
            );
            check(&client, "/?menu", width, "de").await;
        } else {
            assert!(h < 110.0, "the desktop header wraps: {h}px");
        }
    }
    sign_in_as(&client, &addr, &cookie).await;
    for (width, height) in [(390u32, 844u32), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in staff {
                check(&client, page, width, locale).await;
            }
        }
        if width == 1280 {
            // Signed in as staff, in German (the longest labels): the
            // sections on one line, name and sign-out beside the languages.
            client
                .goto(&format!("http://{addr}/people/invitations?lang=de"))
                .await
                .unwrap();
            let rows = client
                .execute(
                    "const tops = new Set([...document.querySelectorAll('.main-nav li')].map(li => Math.round(li.getBoundingClientRect().top))); return tops.size;",
                    vec![],
                )
                .await
                .unwrap();
            let widths = client
                .execute(
                    "const ul = document.querySelector('.main-nav ul'); return [ul.getBoundingClientRect().width, [...ul.children].map(li => li.getBoundingClientRect().width)];",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(
                rows,
                json!(1),
                "the sections wrap at 1280px in German: {widths}"
            );
            let h = header_height(&client).await;
            assert!(h < 110.0, "the staff header wraps: {h}px");
            // The wizard's steps are numbered once (no list markers).
            client
                .goto(&format!("http://{addr}/practices/1/edit/about?lang=en"))
                .await
                .unwrap();
            let marker = client
                .execute(
                    "return getComputedStyle(document.querySelector('.steps li')).listStyleType;",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(marker, json!("none"));
            let first = text_of(&client, ".steps li").await;
            assert!(
                first.starts_with("1. ") && !first.starts_with("1. 1."),
                "{first}"
            );
        }
    }
    assert!(
        failures.is_empty(),
        "what a newcomer sees:\n{}",
        failures.join("\n")
    );
}

/// The API's description as a page (`/api/docs`), rendered by Majlis from
/// the OpenAPI document: English and Arabic, phone and desktop, axe-core,
/// no sideways scrolling, and its links lead within the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_docs_page_passes_axe_on_phone_and_desktop() {
    let app = common::TestApp::sqlite().await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            let url = format!("http://{addr}/api/docs?lang={locale}");
            client.goto(&url).await.expect("page loads");
            assert_eq!(
                attr_of(&client, "html", "dir").await.as_deref(),
                Some(if locale == "ar" { "rtl" } else { "ltr" }),
                "{url}"
            );
            // The paths read left to right inside the Arabic page.
            assert_eq!(
                attr_of(&client, "article.api-operation h3", "dir")
                    .await
                    .as_deref(),
                Some("ltr")
            );
            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                failures.push(format!(
                    "{url} at {width}px: {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
            let overflow = sideways_overflow(&client).await;
            if overflow > 0.0 {
                failures.push(format!(
                    "{url} at {width}px scrolls sideways by {overflow}px"
                ));
            }
        }
    }
    // The contents lead to an operation, and its type links to a schema.
    client
        .goto(&format!("http://{addr}/api/docs?lang=en"))
        .await
        .unwrap();
    click(&client, "nav a[href='#get-api-v1-practices']").await;
    let shown = client.current_url().await.unwrap();
    assert_eq!(shown.fragment(), Some("get-api-v1-practices"));
    client.close().await.unwrap();
    app.finish().await;
    assert!(
        failures.is_empty(),
        "the API docs page:\n{}",
        failures.join("\n")
    );
}

/// The social-cohesion dashboard, published (as a visitor) and not yet
/// published (as its focal point, with the publishing form), in English and
/// Arabic, on a phone and a desktop: axe-core finds nothing, nothing
/// scrolls sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cohesion_dashboard_passes_axe_on_phone_and_desktop() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let sahinbey = common::municipality_id(&app, "sahinbey").await;
    let fp = common::focal_point_of(&app, "focal.sahinbey@example.org", sahinbey).await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();
    let visitor = [
        "/municipalities/sanliurfa/cohesion",
        "/municipalities/kilis/cohesion?peers=country",
    ];
    let own = ["/municipalities/sahinbey/cohesion"];
    for signed_in in [false, true] {
        if signed_in {
            let (cookie, _) = app.session_for(fp).await;
            sign_in_as(&client, &addr, &cookie).await;
        }
        let pages: &[&str] = if signed_in { &own } else { &visitor };
        for (width, height) in [(390, 844), (1280, 900)] {
            client.set_window_size(width, height).await.unwrap();
            for locale in ["en", "ar"] {
                for page in pages {
                    let sep = if page.contains('?') { '&' } else { '?' };
                    let url = format!("http://{addr}{page}{sep}lang={locale}");
                    client.goto(&url).await.expect("page loads");
                    let title = client
                        .find(Locator::Css("h1"))
                        .await
                        .unwrap()
                        .text()
                        .await
                        .unwrap();
                    assert!(!title.is_empty(), "{url}");
                    let violations = axe_violations(&client, &axe).await;
                    if !violations.is_empty() {
                        failures.push(format!(
                            "{url} at {width}px: {}",
                            serde_json::to_string_pretty(&violations).unwrap()
                        ));
                    }
                    let overflow = sideways_overflow(&client).await;
                    if overflow > 0.0 {
                        let wide = wide_elements(&client).await;
                        failures.push(format!(
                            "{url} at {width}px scrolls sideways by {overflow}px: {wide}"
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The cohesion pages coordinators and focal points run: the frameworks'
/// versions, a new framework with its preview (domains → indicators →
/// items), a municipality's waves with the form that starts one, its links
/// per stratum and its evidence documents with their removal buttons, and
/// its dashboard with the municipal questionnaire scored, in English and
/// Arabic, on a phone and a desktop: axe-core finds nothing, nothing
/// scrolls sideways.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cohesion_admin_pages_pass_axe_on_phone_and_desktop() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let staff = common::coordinator(&app, "coordinator.cohesion@example.org").await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let (cookie, csrf) = app.session_for(staff).await;
    sign_in_as(&client, &addr, &cookie).await;
    // A wave collecting answers, so that the personal-link form shows.
    let fw = majlis::cohesion::entities::framework::Entity::find()
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let closes = (chrono::Utc::now().date_naive() + chrono::Duration::days(20)).to_string();
    let started = app
        .post_form(
            "/municipalities/sahinbey/cohesion/waves",
            &[
                ("csrf", csrf.as_str()),
                ("framework", &fw.id.to_string()),
                ("label", "2027"),
                ("closes_on", &closes),
                ("planned", "300"),
                ("planned_host", "200"),
                ("weight_host", "85"),
                ("weight_refugee", "15"),
            ],
            &cookie,
        )
        .await;
    assert_eq!(started.status.as_u16(), 303, "{}", started.body);
    // A document attached to the wave's municipal questionnaire, so that
    // the list of documents shows.
    let number = started
        .header("location")
        .and_then(|l| l.split("started=").nth(1))
        .and_then(|n| n.split(['&', '#']).next())
        .unwrap()
        .to_owned();
    let pdf = majlis_print::Printer::new()
        .practice_sheet(&majlis_print::Sheet {
            lang: "en".into(),
            title: "Council decision".into(),
            subtitle: None,
            facts: vec![],
            sections: vec![],
            footer: None,
        })
        .expect("pdf");
    let b = "browserboundary";
    let mut body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"evidence_question\"\r\n\r\nm_strategy\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"evidence_file\"; filename=\"decision.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&pdf);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    let attached = app
        .request(
            axum::http::Request::post(format!(
                "/municipalities/sahinbey/cohesion/waves/{number}/evidence"
            ))
            .header("content-type", format!("multipart/form-data; boundary={b}"))
            .header("cookie", &cookie)
            .body(axum::body::Body::from(body))
            .unwrap(),
        )
        .await;
    assert_eq!(attached.status.as_u16(), 303, "{}", attached.body);
    // Personal links from a pasted list (one without a stratum), so that
    // the table of links per stratum shows.
    let listed = app
        .post_form(
            "/municipalities/sahinbey/cohesion/waves/links/list",
            &[
                ("csrf", csrf.as_str()),
                ("list_wave", number.as_str()),
                ("list_text", "a@example.org, host\nb@example.org\n"),
                ("list_locale", "ar"),
            ],
            &cookie,
        )
        .await;
    assert_eq!(listed.status.as_u16(), 303, "{}", listed.body);
    // The municipal questionnaire answered (two questions left out) and
    // the wave scored, so that the dashboard shows its policies and
    // services.
    {
        use sea_orm::ActiveModelTrait;
        use sea_orm::ActiveValue::Set;
        let w = majlis::cohesion::entities::wave::Entity::find()
            .filter(
                majlis::cohesion::entities::wave::Column::Number.eq(number.parse::<i32>().unwrap()),
            )
            .filter(
                majlis::cohesion::entities::wave::Column::MunicipalityId
                    .eq(common::municipality_id(&app, "sahinbey").await),
            )
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let m = majlis::cohesion::entities::municipal::Entity::find_by_id(w.id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let f = majlis::surveys::entities::form::Entity::find()
            .filter(majlis::surveys::entities::form::Column::SurveyId.eq(m.survey_id))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let now = chrono::Utc::now();
        let tx = app.db.begin_write().await.unwrap();
        majlis::surveys::entities::response::ActiveModel {
            survey_id: Set(m.survey_id),
            form_id: Set(f.id),
            municipality_id: Set(Some(w.municipality_id)),
            answers: Set(Some(json!({
                "m_strategy": "yes", "m_antidiscrimination": "partly", "m_consultation": "no",
                "m_equal_access": "yes", "m_languages": "no", "m_mediation": "partly",
                "m_population_data": "yes"
            }))),
            country_code: Set(String::new()),
            population_band: Set(String::new()),
            refugee_band: Set(String::new()),
            created_at: Set(now),
            updated_at: Set(now),
            submitted_at: Set(Some(now)),
            revision: Set(0),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let scored = app
        .post_form(
            &format!("/municipalities/sahinbey/cohesion/waves/{number}/score"),
            &[("csrf", csrf.as_str())],
            &cookie,
        )
        .await;
    assert_eq!(scored.status.as_u16(), 303, "{}", scored.body);
    let file = majlis::cohesion::framework::SHIPPED.replace("version = 1", "version = 2");
    let mut failures = Vec::new();
    let pages = [
        "/cohesion/frameworks",
        "/cohesion/frameworks/new",
        "/cohesion/frameworks/new#preview",
        "/municipalities/sahinbey/cohesion/waves",
        "/municipalities/sahinbey/cohesion",
    ];
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in pages {
                let (path, preview) = match page.strip_suffix("#preview") {
                    Some(p) => (p, true),
                    None => (page, false),
                };
                let url = format!("http://{addr}{path}?lang={locale}");
                client.goto(&url).await.expect("page loads");
                if preview {
                    client
                        .execute(
                            "document.getElementById('i-source').value = arguments[0]; \
                             document.querySelector('button[value=preview]').click();",
                            vec![serde_json::json!(file)],
                        )
                        .await
                        .unwrap();
                    client
                        .wait()
                        .for_element(Locator::Id("h-preview"))
                        .await
                        .expect("the preview is shown");
                }
                let title = client
                    .find(Locator::Css("h1"))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                assert!(!title.is_empty(), "{url}");
                let violations = axe_violations(&client, &axe).await;
                if !violations.is_empty() {
                    failures.push(format!(
                        "{page} ({locale}) at {width}px: {}",
                        serde_json::to_string_pretty(&violations).unwrap()
                    ));
                }
                let overflow = sideways_overflow(&client).await;
                if overflow > 0.0 {
                    let wide = wide_elements(&client).await;
                    failures.push(format!(
                        "{page} ({locale}) at {width}px scrolls sideways by {overflow}px: {wide}"
                    ));
                }
            }
        }
    }
    app.finish().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What sticks out of the page sideways (tag, class, id), for a message.
async fn wide_elements(client: &Client) -> serde_json::Value {
    client
        .execute(
            r#"const w = document.documentElement.clientWidth; const out = [];
            for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
              if (r.right > w + 1 || r.left < -1) out.push(e.tagName + '.' + e.className + '#' + e.id + ' [' + Math.round(r.left) + '+' + Math.round(r.width) + ']'); }
            return out.slice(0, 8);"#,
            vec![],
        )
        .await
        .unwrap()
}

/// Following and notifications: following and unfollowing by the buttons in
/// a browser that runs no script (English and Arabic, phone and desktop),
/// and every page of it checked with axe-core in both languages and widths.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn following_and_notifications_in_the_browser_pass_axe() {
    use majlis::follows::{Target, TargetKind};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let me = common::person(&app, "follower@example.org", majlis::policy::Role::Member).await;
    let (cookie, _) = app.session_for(me).await;
    let addr = app.serve().await;

    // 1. No script: follow and unfollow with the buttons alone.
    let (_driver, plain, _profile) = start_browser_with(false).await;
    plain.goto(&format!("http://{addr}/healthz")).await.unwrap();
    plain
        .add_cookie(
            fantoccini::cookies::Cookie::parse(format!(
                "{cookie}; Domain=127.0.0.1; Path=/; SameSite=Lax"
            ))
            .unwrap(),
        )
        .await
        .unwrap();
    let event = majlis::events::entities::event::Entity::find()
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let dilemma = majlis::consultations::entities::dilemma::Entity::find()
        .filter(majlis::consultations::entities::dilemma::Column::Visibility.eq("public"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let event_page = format!("/events/{}", event.slug);
    let dilemma_page = format!("/consultations/{}", dilemma.slug);
    let cases = [
        (
            "en",
            (390, 844),
            "/municipalities/sahinbey",
            "Follow this municipality",
            "Stop following this municipality",
        ),
        (
            "ar",
            (1280, 900),
            "/organisations/giz",
            "تابِع هذه المنظمة",
            "أوقِف متابعة هذه المنظمة",
        ),
        (
            "ar",
            (390, 844),
            event_page.as_str(),
            "تابِع هذه الفعالية",
            "أوقِف متابعة هذه الفعالية",
        ),
        (
            "en",
            (1280, 900),
            dilemma_page.as_str(),
            "Follow this consultation",
            "Stop following this consultation",
        ),
    ];
    for (locale, (w, h), page, follow, unfollow) in cases {
        plain.set_window_size(w, h).await.unwrap();
        plain
            .goto(&format!("http://{addr}{page}?lang={locale}"))
            .await
            .unwrap();
        assert_eq!(
            text_of(&plain, "form.follow button").await,
            follow,
            "{page}"
        );
        send(&plain, "form.follow button").await;
        wait_path(&plain, page).await;
        assert_eq!(
            text_of(&plain, "form.follow button").await,
            unfollow,
            "{page} ({locale})"
        );
    }
    // Unfollowing from the list of what one follows.
    plain
        .goto(&format!("http://{addr}/account/following?lang=en"))
        .await
        .unwrap();
    assert_eq!(
        text_of(&plain, "#following-municipality + ul a").await,
        "Şahinbey"
    );
    send(&plain, "#following-municipality + ul form.follow button").await;
    wait_path(&plain, "/account/following").await;
    let sahinbey = common::municipality_id(&app, "sahinbey").await;
    assert!(
        !majlis::follows::rules::is_following(
            app.db.read(),
            me,
            Target::new(TargetKind::Municipality, sahinbey)
        )
        .await
        .unwrap()
    );
    plain.close().await.unwrap();

    // Something to read: the demo's news on a theme the person follows.
    let education = majlis::directory::entities::theme::Entity::find()
        .filter(majlis::directory::entities::theme::Column::Slug.eq("education"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    majlis::follows::rules::follow(
        &app.db,
        me,
        Target::new(TargetKind::Theme, education),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let key = majlis::accounts::secrets::load_or_create(&app.settings).unwrap();
    majlis::notifications::tick(&app.db, &key, "http://majlis.test", chrono::Utc::now())
        .await
        .unwrap();
    let token = majlis::notifications::unsubscribe::token(
        &key,
        me,
        &[majlis::notifications::NoticeKind::PracticeNew],
    );

    // 2. Every page of it with axe-core, in both languages and widths.
    let axe = axe_source();
    let (_driver2, client, _profile2) = start_browser().await;
    sign_in_as(&client, &addr, &cookie).await;
    let unsubscribe = format!("/unsubscribe/{token}");
    let pages = [
        "/account/following",
        "/notifications",
        "/account/notifications",
        unsubscribe.as_str(),
        "/municipalities/sahinbey",
    ];
    let mut failures = Vec::new();
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            for page in pages {
                let url = format!("http://{addr}{page}?lang={locale}");
                client.goto(&url).await.expect("page loads");
                let violations = axe_violations(&client, &axe).await;
                if !violations.is_empty() {
                    failures.push(format!(
                        "{url} at {width}px: {}",
                        serde_json::to_string_pretty(&violations).unwrap()
                    ));
                }
                let overflow = sideways_overflow(&client).await;
                if overflow > 0.0 {
                    failures.push(format!(
                        "{url} at {width}px scrolls sideways by {overflow}px"
                    ));
                }
            }
        }
    }
    // The notifications are there, grouped, and the header counts them.
    client
        .goto(&format!("http://{addr}/notifications?lang=en"))
        .await
        .unwrap();
    let notices = text_of(&client, ".notices").await;
    assert!(
        notices
            .replace(['\u{2068}', '\u{2069}'], "")
            .contains("on Education"),
        "{notices}"
    );
    assert!(
        text_of(&client, ".account-nav a[href='/notifications']")
            .await
            .contains("unread")
    );
    assert!(
        failures.is_empty(),
        "axe-core found WCAG 2.2 AA violations:\n{}",
        failures.join("\n")
    );
}

/// Issue 19's loop in the browser: from an indicator of Gaziantep's latest
/// wave on its dashboard, its focal point starts a plan aimed at it (a bad
/// target first: the form says why and keeps what was typed), the next
/// wave is scored, and the plan page says the target was met. In English
/// and Arabic, at phone and desktop width (one indicator each), every page
/// checked with axe-core and for sideways scrolling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wave_score_to_a_plan_to_the_next_wave_target_met_in_the_browser() {
    use majlis::cohesion::entities::wave;
    use majlis::cohesion::scoring::WaveScores;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, QueryOrder};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let g = common::municipality_id(&app, "gaziantep").await;
    let fp = common::focal_point_of(&app, "focal.gaziantep@example.org", g).await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let (cookie, _) = app.session_for(fp).await;
    sign_in_as(&client, &addr, &cookie).await;
    let mut failures = Vec::new();
    let check = |url: String, width: u32| {
        let client = client.clone();
        let axe = axe.clone();
        async move {
            let mut out = Vec::new();
            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                out.push(format!(
                    "{url} at {width}px: {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
            let overflow = sideways_overflow(&client).await;
            if overflow > 0.0 {
                let wide = wide_elements(&client).await;
                out.push(format!(
                    "{url} at {width}px scrolls sideways by {overflow}px: {wide}"
                ));
            }
            out
        }
    };
    let cases = [
        (
            "en",
            390,
            "trust_municipality",
            "Not measured yet",
            "Target met",
        ),
        ("ar", 390, "voice", "لم يُقَس بعد", "تحقق الهدف"),
        ("en", 1280, "fairness", "Not measured yet", "Target met"),
        ("ar", 1280, "contact", "لم يُقَس بعد", "تحقق الهدف"),
    ];
    for (locale, width, key, before, met) in cases {
        client.set_window_size(width, 900).await.unwrap();
        let latest = wave::Entity::find()
            .filter(wave::Column::MunicipalityId.eq(g))
            .order_by_desc(wave::Column::Number)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let scores: WaveScores = serde_json::from_value(latest.scores.clone().unwrap()).unwrap();
        let baseline = scores.indicator(key).unwrap().score.unwrap();
        let target = (baseline + 5.0).round().min(100.0);

        // 1. The dashboard links the indicator to its plan-to-be.
        let dash = format!("http://{addr}/municipalities/gaziantep/cohesion?lang={locale}");
        client.goto(&dash).await.unwrap();
        failures.extend(check(dash.clone(), width).await);
        // On a phone the table scrolls inside its region: scroll to the link.
        let link = format!("#indicator-{key} td.plan-link a");
        client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center', inline: 'center'});",
                vec![json!(link)],
            )
            .await
            .unwrap();
        send(&client, &link).await;
        let form_url = client.current_url().await.unwrap().to_string();
        assert!(
            form_url.contains(&format!("/cohesion/plans/{key}")),
            "{form_url}"
        );
        assert_eq!(
            text_of(&client, ".plan-baseline").await,
            format!("{baseline:.0}")
        );
        failures.extend(check(form_url.clone(), width).await);

        // 2. A target out of range: said, and what was typed kept.
        retype(&client, "#i-target", "500").await;
        type_date(&client, "#i-target_on", "2030-12-31").await;
        retype(&client, "#i-title", "Plan 2030").await;
        send(&client, "#start button[type=submit]").await;
        assert_eq!(
            attr_of(&client, "#i-target", "aria-invalid")
                .await
                .as_deref(),
            Some("true")
        );
        assert_eq!(
            attr_of(&client, "#i-target", "value").await.as_deref(),
            Some("500")
        );
        assert_eq!(
            attr_of(&client, "#i-title", "value").await.as_deref(),
            Some("Plan 2030")
        );
        assert!(!text_of(&client, "#form-errors").await.is_empty());
        failures.extend(check(format!("{form_url} (refused)"), width).await);

        // 3. Started: not measured yet.
        retype(&client, "#i-target", &format!("{target:.0}")).await;
        send(&client, "#start button[type=submit]").await;
        assert_eq!(text_of(&client, ".plan-status").await, before);
        assert_eq!(
            text_of(&client, ".plan-target").await,
            format!("{target:.0}")
        );
        let plan_url = client.current_url().await.unwrap().to_string();
        failures.extend(check(plan_url.clone(), width).await);

        // 4. The next wave is scored with the indicator at the target.
        let mut next = scores.clone();
        for f in next.indicators.iter_mut().filter(|f| f.key == key) {
            f.score = Some(target);
        }
        let tx = app.db.begin_write().await.unwrap();
        let w = wave::ActiveModel {
            municipality_id: Set(g),
            framework_id: Set(latest.framework_id),
            survey_id: Set(None),
            number: Set(latest.number + 1),
            label: Set(format!("{}-{key}", latest.label)),
            fielded_on: Set(latest.fielded_on + chrono::Duration::days(30)),
            n: Set(0),
            weights: Set(None),
            scores: Set(None),
            synthetic: Set(true),
            scored_at: Set(None),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        majlis::cohesion::rules::store(&tx, &w, &next, chrono::Utc::now())
            .await
            .unwrap();
        tx.commit().await.unwrap();

        // 5. The plan page: the target met, the wave with its n.
        client.goto(&plan_url).await.unwrap();
        assert_eq!(text_of(&client, ".plan-status").await, met);
        assert_eq!(
            text_of(&client, "td.measure-score").await,
            format!("{target:.0}")
        );
        assert!(!text_of(&client, "td.measure-n").await.is_empty());
        if locale == "ar" {
            assert_eq!(
                attr_of(&client, "html", "dir").await.as_deref(),
                Some("rtl")
            );
        }
        failures.extend(check(format!("{plan_url} (met)"), width).await);
    }
    client.close().await.unwrap();
    app.finish().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// English titles that end in quotation marks or a question mark, on Arabic
/// pages (a document, an event's programme, a dilemma, search results), at
/// phone and desktop width: each sits in an isolate laid out left to right,
/// and axe-core finds nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english_titles_on_arabic_pages_read_left_to_right_and_pass_axe() {
    use majlis::consultations::entities::dilemma;
    use majlis::events::entities::{event, event_session};
    use majlis::library::entities::resource;
    const ENCOUNTERS: &str = "Project Series “Creating Encounters”";
    const QUESTION: &str = "How can migrants, refugees in particular, be motivated to take part in the voluntary sector and to stay committed over time?";
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    app.index().await;
    let db = app.db.read();
    let doc = resource::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.title.original() == ENCOUNTERS)
        .expect("the demo's presentation");
    let session = event_session::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.title.original() == ENCOUNTERS)
        .expect("the demo's session");
    let e = event::Entity::find_by_id(session.event_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let d = dilemma::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.question.original() == QUESTION)
        .expect("the demo's dilemma");
    let coordinator = common::coordinator(&app, "coordinator@example.org").await;
    let (cookie, _) = app.session_for(coordinator).await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    sign_in_as(&client, &addr, &cookie).await;
    let pages = [
        (format!("/library/{}", doc.id), "h1 bdi", ENCOUNTERS),
        (format!("/events/{}", e.slug), "h4 bdi", ENCOUNTERS),
        (format!("/consultations/{}", d.slug), "h1 bdi", QUESTION),
        (
            "/search?q=Encounters".to_owned(),
            ".hits h3 bdi",
            ENCOUNTERS,
        ),
        ("/search?q=voluntary".to_owned(), ".hits h3 bdi", QUESTION),
        ("/library".to_owned(), "main", ""),
        ("/consultations".to_owned(), "main", ""),
    ];
    let mut failures = Vec::new();
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for (path, selector, title) in &pages {
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = format!("http://{addr}{path}{sep}lang=ar");
            client.goto(&url).await.expect("page loads");
            assert_eq!(
                attr_of(&client, "html", "dir").await.as_deref(),
                Some("rtl"),
                "{url}"
            );
            if !title.is_empty() {
                // The isolate holding the title, as the browser lays it out.
                let laid_out = client
                    .execute(
                        "const b = [...document.querySelectorAll(arguments[0])]
                           .find(e => e.textContent === arguments[1]);
                         if (!b) return null;
                         const s = getComputedStyle(b);
                         return [s.direction, s.unicodeBidi];",
                        vec![json!(selector), json!(title)],
                    )
                    .await
                    .unwrap();
                assert_eq!(laid_out, json!(["ltr", "isolate"]), "{url}: {title}");
            }
            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                failures.push(format!(
                    "{url} at {width}px: {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
            let overflow = sideways_overflow(&client).await;
            if overflow > 0.0 {
                failures.push(format!(
                    "{url} at {width}px scrolls sideways by {overflow}px"
                ));
            }
        }
    }
    client.close().await.unwrap();
    app.finish().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Visit each page in English and Arabic, on a phone (390 px) and a desktop
/// (1280 px): the page's direction follows its language, axe-core finds
/// nothing and nothing scrolls sideways. What fails is added to `failures`.
async fn check_both_widths(
    client: &Client,
    addr: &std::net::SocketAddr,
    axe: &str,
    pages: &[String],
    failures: &mut Vec<String>,
) {
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for path in pages {
            for locale in ["en", "ar"] {
                let sep = if path.contains('?') { '&' } else { '?' };
                let url = format!("http://{addr}{path}{sep}lang={locale}");
                client.goto(&url).await.expect("page loads");
                assert_eq!(
                    attr_of(client, "html", "dir").await.as_deref(),
                    Some(if locale == "ar" { "rtl" } else { "ltr" }),
                    "{url}"
                );
                let violations = axe_violations(client, axe).await;
                if !violations.is_empty() {
                    failures.push(format!(
                        "{url} at {width}px: {}",
                        serde_json::to_string_pretty(&violations).unwrap()
                    ));
                }
                let overflow = sideways_overflow(client).await;
                if overflow > 0.0 {
                    failures.push(format!(
                        "{url} at {width}px scrolls sideways by {overflow}px: {}",
                        wide_elements(client).await
                    ));
                }
            }
        }
    }
}

/// The member map and charts of /network, an event page with a photo and
/// its charts, and the photo upload form (sent once as a person would,
/// once refused), in English and Arabic at both widths, with axe-core.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pictures_and_charts_in_the_browser_pass_axe() {
    use majlis::events::entities::event;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let coordinator = common::coordinator(&app, "coordinator@example.org").await;
    let (cookie, _) = app.session_for(coordinator).await;
    let slug = "istanbul-2018-dialogue-workshop";
    let id = event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, profile) = start_browser().await;
    sign_in_as(&client, &addr, &cookie).await;

    // A photo uploaded through the form, as a person would.
    let photo = profile.path().join("workshop.png");
    let pixels = image::ImageBuffer::from_fn(1200, 800, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 90u8])
    });
    image::DynamicImage::ImageRgb8(pixels)
        .save_with_format(&photo, image::ImageFormat::Png)
        .unwrap();
    let form = format!("/pictures/event/{id}");
    client
        .goto(&format!("http://{addr}{form}?lang=en"))
        .await
        .unwrap();
    fill(&client, "#f-picture", photo.to_str().unwrap()).await;
    fill(
        &client,
        "#alt-en",
        "Participants of the workshop around a table",
    )
    .await;
    fill(&client, "#alt-ar", "المشاركون في الورشة حول طاولة").await;
    send(&client, "form[enctype] button[type=submit]").await;
    assert!(
        text_of(&client, "p.notice")
            .await
            .contains("The photo was added")
    );

    let mut failures = Vec::new();
    let pages = [
        "/network".to_owned(),
        format!("/events/{slug}"),
        form.clone(),
    ];
    check_both_widths(&client, &addr, &axe, &pages, &mut failures).await;
    // The event page shows the photo at its size, lazily.
    client
        .goto(&format!("http://{addr}/events/{slug}?lang=ar"))
        .await
        .unwrap();
    assert_eq!(
        attr_of(&client, "#photos img", "alt").await.as_deref(),
        Some("المشاركون في الورشة حول طاولة")
    );
    assert_eq!(
        attr_of(&client, "#photos img", "width").await.as_deref(),
        Some("640")
    );
    assert_eq!(
        attr_of(&client, "#photos img", "loading").await.as_deref(),
        Some("lazy")
    );
    // The map's points are links with names.
    client
        .goto(&format!("http://{addr}/network?lang=ar"))
        .await
        .unwrap();
    assert_eq!(
        attr_of(
            &client,
            "svg.member-map a[href^='/municipalities/gaziantep']",
            "aria-label"
        )
        .await
        .as_deref(),
        Some("غازي عنتاب")
    );
    // The form refused (no alt text), as a person sees it, at both widths.
    for (width, height) in [(390, 844), (1280, 900)] {
        client.set_window_size(width, height).await.unwrap();
        for locale in ["en", "ar"] {
            client
                .goto(&format!("http://{addr}{form}?lang={locale}"))
                .await
                .unwrap();
            fill(&client, "#f-picture", photo.to_str().unwrap()).await;
            send(&client, "form[enctype] button[type=submit]").await;
            assert!(!text_of(&client, "#form-errors").await.is_empty());
            let violations = axe_violations(&client, &axe).await;
            if !violations.is_empty() {
                failures.push(format!(
                    "refused photo form ({locale}, {width}px): {}",
                    serde_json::to_string_pretty(&violations).unwrap()
                ));
            }
            let overflow = sideways_overflow(&client).await;
            if overflow > 0.0 {
                failures.push(format!(
                    "refused photo form ({locale}, {width}px) scrolls sideways by {overflow}px"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe-core or layout found problems:\n{}",
        failures.join("\n")
    );
    app.finish().await;
}

/// Languages done properly (issue 20): the lists in each language's order
/// with their country filters, an event page with its dates in the venue's
/// zone and the reader's own, the time-zone setting, and forms offering the
/// network's countries first; English and Arabic, phone and desktop, axe.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn localised_dates_lists_and_the_time_zone_setting_pass_axe() {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let me = common::coordinator(&app, "coordinator@example.org").await;
    let person = majlis::accounts::person::Entity::find_by_id(me)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let tx = app.db.begin_write().await.unwrap();
    let mut am: majlis::accounts::person::ActiveModel = person.into();
    am.time_zone = Set(Some("America/New_York".into()));
    am.update(&tx).await.unwrap();
    tx.commit().await.unwrap();
    let (cookie, _) = app.session_for(me).await;
    let addr = app.serve().await;
    let axe = axe_source();
    let (_driver, client, _profile) = start_browser().await;
    let mut failures = Vec::new();
    // As a visitor first: the venue's zone only.
    let visitor_pages = [
        "/municipalities".to_owned(),
        "/organisations".to_owned(),
        "/events/sanliurfa-2016-peer-workshop".to_owned(),
    ];
    check_both_widths(&client, &addr, &axe, &visitor_pages, &mut failures).await;
    sign_in_as(&client, &addr, &cookie).await;
    client
        .goto(&format!(
            "http://{addr}/events/sanliurfa-2016-peer-workshop?lang=ar"
        ))
        .await
        .unwrap();
    let when = text_of(&client, "main dd small").await;
    assert!(when.contains("10–12 نوفمبر 2016"), "{when}");
    let signed_in_pages = [
        "/events/sanliurfa-2016-peer-workshop".to_owned(),
        "/events?when=all".to_owned(),
        "/account".to_owned(),
        "/account/time-zone".to_owned(),
        "/organisations/new".to_owned(),
        // Its long series titles, country names and organisations once
        // widened the page on a phone.
        "/events/new".to_owned(),
    ];
    check_both_widths(&client, &addr, &axe, &signed_in_pages, &mut failures).await;
    client.close().await.unwrap();
    app.finish().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
