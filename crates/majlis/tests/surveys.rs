//! Surveys: a coordinator uploads an XLSForm and opens a campaign; a focal
//! point answers page by page (the server follows `relevant`, refuses with
//! the form's own message in the reader's language and keeps what was
//! typed); submitting updates the tallies exactly once, also when a
//! submitted response is changed; a focal point of A cannot read or answer
//! for B; a closed campaign's answers cannot change; a changed form becomes
//! a new version once answers exist; the demo reproduces the published
//! figures (83% response rate, 86% reporting increased tensions) with small
//! cells suppressed. Both databases.

mod common;

use std::io::Write;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, coordinator, focal_point_of, municipality_id, person};
use majlis::policy::Role;
use majlis::surveys::entities::{form, response, survey, tally};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const FORM: &str = "\
| survey |
| | type | name | label::English (en) | label::Arabic (ar) | required | required_message::English (en) | required_message::Arabic (ar) | relevant | constraint | constraint_message::English (en) | constraint_message::Arabic (ar) | appearance |
| | begin_group | situation | Situation | الوضع | | | | | | | | field-list |
| | integer | population | Residents | عدد السكان | yes | How many residents? | كم عدد السكان؟ | | . > 0 | Residents must be more than zero. | يجب أن يكون عدد السكان أكبر من الصفر. | |
| | select_one yn | influx | Did refugees arrive? | هل وصل لاجئون؟ | yes | | | | | | | |
| | end_group | | | | | | | | | | | |
| | begin_group | cohesion | Cohesion | التماسك | | | | ${influx} = 'yes' | | | | field-list |
| | select_one change | tensions | Tensions since then | التوترات منذ ذلك الحين | | | | | | | | |
| | text | why | Why? | لماذا؟ | | | | ${tensions} = 'increased' | | | | |
| | end_group | | | | | | | | | | | |
| | begin_group | support | Support | الدعم | | | | | | | | field-list |
| | select_multiple help | wanted | Support wanted | الدعم المطلوب | | | | | | | | |
| | end_group | | | | | | | | | | | |
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
| | test_survey | Test survey | 1 | English (en) |
";

fn multipart(csrf: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "majlissurveyboundary7f3a";
    let mut body = Vec::new();
    write!(
        body,
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
    )
    .unwrap();
    write!(
        body,
        "--{boundary}\r\nContent-Disposition: form-data; name=\"form\"; filename=\"form.md\"\r\nContent-Type: text/markdown\r\n\r\n"
    )
    .unwrap();
    body.extend_from_slice(file);
    write!(body, "\r\n--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
    app: &TestApp,
    path: &str,
    cookie: &str,
    csrf: &str,
    file: &[u8],
) -> common::TestResponse {
    let (ct, body) = multipart(csrf, file);
    app.request(
        Request::post(path)
            .header("content-type", ct)
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

struct Setup {
    slug: String,
    coordinator: (String, String),
    a: (String, String),
    b_slug: &'static str,
    a_id: i32,
}

/// A survey of the test form, open today, targeting Gaziantep and Kilis;
/// a focal point of Gaziantep.
async fn setup(app: &TestApp) -> Setup {
    app.load_demo().await;
    let c = coordinator(app, "coordinator@example.org").await;
    let staff = app.session_for(c).await;
    let res = upload(app, "/surveys/new", &staff.0, &staff.1, FORM.as_bytes()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let slug = res
        .header("location")
        .unwrap()
        .trim_start_matches("/surveys/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(slug, "test-survey");
    let a_id = municipality_id(app, "gaziantep").await;
    let b_id = municipality_id(app, "kilis").await;
    let today = chrono::Utc::now().date_naive();
    let opens = (today - chrono::Duration::days(1)).to_string();
    let closes = (today + chrono::Duration::days(7)).to_string();
    let res = app
        .post_form(
            &format!("/surveys/{slug}/campaign"),
            &[
                ("csrf", &staff.1),
                ("title", "Test survey"),
                ("description", ""),
                ("status", "open"),
                ("audience", "members"),
                ("opens", &opens),
                ("closes", &closes),
                ("event", ""),
                ("target", &a_id.to_string()),
                ("target", &b_id.to_string()),
            ],
            &staff.0,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let fp = focal_point_of(app, "focal@gaziantep.example", a_id).await;
    let a = app.session_for(fp).await;
    Setup {
        slug,
        coordinator: staff,
        a,
        b_slug: "kilis",
        a_id,
    }
}

/// The test survey's response of a municipality (the demo's surveys have theirs).
async fn response_of(app: &TestApp, municipality: i32) -> Option<response::Model> {
    let test = survey::Entity::find()
        .filter(survey::Column::Slug.eq("test-survey"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    response::Entity::find()
        .filter(response::Column::SurveyId.eq(test.id))
        .filter(response::Column::MunicipalityId.eq(municipality))
        .one(app.db.read())
        .await
        .unwrap()
}

async fn count(app: &TestApp, question: &str, value: &str) -> i64 {
    let test = survey::Entity::find()
        .filter(survey::Column::Slug.eq("test-survey"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    tally::Entity::find()
        .filter(tally::Column::SurveyId.eq(test.id))
        .filter(tally::Column::Question.eq(question))
        .filter(tally::Column::Value.eq(value))
        .all(app.db.read())
        .await
        .unwrap()
        .iter()
        .map(|t| t.count)
        .sum()
}

db_test!(async fn a_focal_point_answers_page_by_page_and_submits(app) {
    let s = setup(app).await;
    let (cookie, csrf) = &s.a;
    let url = format!("/surveys/{}/respond/gaziantep", s.slug);

    let res = app.get_with(&url, &[("cookie", cookie)]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.texts("h2"), vec!["Situation".to_owned()]);

    // A refused answer: the form's own message, what was typed kept, nothing stored.
    let res = app
        .post_form(&format!("{url}?page=0"), &[("csrf", csrf), ("q.population", "-5"), ("q.influx", "yes")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Residents must be more than zero."), "{}", res.body);
    assert_eq!(res.attr("#i-population", "value").as_deref(), Some("-5"));
    assert_eq!(res.attr("#i-population", "aria-invalid").as_deref(), Some("true"));
    assert!(response_of(app, s.a_id).await.is_none(), "nothing stored");

    // In Arabic, the form's Arabic message.
    let res = app
        .post_form(&format!("{url}?page=0&lang=ar"), &[("csrf", csrf), ("q.population", "0"), ("q.influx", "")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("يجب أن يكون عدد السكان أكبر من الصفر."), "{}", res.body);
    assert!(res.body.contains("كم عدد السكان؟") || res.body.contains("An answer is required") || res.body.contains("influx"));

    // No influx: the cohesion page is skipped.
    let res = app
        .post_form(&format!("{url}?page=0"), &[("csrf", csrf), ("q.population", "2000000"), ("q.influx", "no")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.header("location").unwrap().contains("page=2"), "{:?}", res.header("location"));
    let draft = response_of(app, s.a_id).await.expect("draft saved");
    assert!(draft.submitted_at.is_none() && draft.answers.is_none());

    // With influx, it is not; and `why` shows only once tensions increased.
    let res = app
        .post_form(&format!("{url}?page=0"), &[("csrf", csrf), ("q.population", "2000000"), ("q.influx", "yes")], cookie)
        .await;
    assert!(res.header("location").unwrap().contains("page=1"));
    let res = app.get_with(&format!("{url}?page=1"), &[("cookie", cookie)]).await;
    assert!(res.attr("#i-why", "name").is_none(), "`why` is not relevant yet");
    let res = app
        .post_form(&format!("{url}?page=1"), &[("csrf", csrf), ("q.tensions", "increased"), ("go", "stay")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app.get_with(&format!("{url}?page=1"), &[("cookie", cookie)]).await;
    assert_eq!(res.attr("#i-why", "name").as_deref(), Some("q.why"));
    let res = app
        .post_form(&format!("{url}?page=1"), &[("csrf", csrf), ("q.tensions", "increased"), ("q.why", "=Rents rose")], cookie)
        .await;
    assert!(res.header("location").unwrap().contains("page=2"));
    let res = app
        .post_form(&format!("{url}?page=2"), &[("csrf", csrf), ("q.wanted", "finance"), ("q.wanted", "training")], cookie)
        .await;
    assert!(res.header("location").unwrap().contains("review=1"));
    assert_eq!(count(app, "wanted", "").await, 0, "drafts are not counted");

    let res = app.post_form(&format!("{url}/submit"), &[("csrf", csrf)], cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let r = response_of(app, s.a_id).await.unwrap();
    assert!(r.submitted_at.is_some() && r.draft.is_none());
    assert_eq!(r.answers.as_ref().unwrap()["wanted"], "finance training");
    assert_eq!(count(app, "wanted", "finance").await, 1);
    assert_eq!(count(app, "population", "2000000").await, 1);
    assert_eq!(r.population_band, "over-1m");

    // A change saved as a draft leaves the submitted answers counted; submitted, it replaces them.
    let res = app
        .post_form(&format!("{url}?page=0"), &[("csrf", csrf), ("q.population", "1500000"), ("q.influx", "yes")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(count(app, "population", "2000000").await, 1);
    assert_eq!(count(app, "population", "1500000").await, 0);
    let res = app.post_form(&format!("{url}/submit"), &[("csrf", csrf)], cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(count(app, "population", "2000000").await, 0);
    assert_eq!(count(app, "population", "1500000").await, 1);
    assert_eq!(count(app, "population", "").await, 1, "counted once");
    assert_eq!(count(app, "", "").await, 1, "one respondent, submitted twice");
    let j = app.get_with(&format!("/api/v1/surveys/{}/results?by=population", s.slug), &[("cookie", cookie)]).await.json();
    assert_eq!(j["responses"], 1, "{j}");
    assert_eq!(count(app, "wanted", "training").await, 1);

    // Coordinators take the answers away: names, or labels; a 0/1 column per
    // choice; text that a spreadsheet would run is quoted.
    let staff = &s.coordinator.0;
    let csv = app.get_with(&format!("/surveys/{}/answers.csv", s.slug), &[("cookie", staff)]).await;
    assert_eq!(csv.status, StatusCode::OK);
    let mut lines = csv.body.trim_start_matches('\u{feff}').lines();
    let header = lines.next().unwrap();
    assert!(header.contains("wanted,wanted/finance,wanted/training"), "{header}");
    let row = lines.next().unwrap();
    assert!(row.contains("finance training,1,1"), "{row}");
    assert!(row.contains("'=Rents rose"), "{row}");
    let labelled = app.get_with(&format!("/surveys/{}/answers.csv?labels=1&lang=ar", s.slug), &[("cookie", staff)]).await;
    assert!(labelled.body.contains("التمويل; التدريب"), "{}", labelled.body);
    let xlsx = app.get_with(&format!("/surveys/{}/answers.xlsx", s.slug), &[("cookie", staff)]).await;
    let book = majlis_xlsform::Workbook::from_xlsx(&xlsx.bytes).expect("a workbook");
    let sheet = book.sheet("answers").expect("the answers sheet");
    assert_eq!(sheet.rows.len(), 1, "one response");
    let refused = app.get_with(&format!("/surveys/{}/answers.csv", s.slug), &[("cookie", cookie)]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "answers are for coordinators");

    // The survey page counts Gaziantep as responding: 1 of 2.
    let res = app.get_with(&format!("/surveys/{}", s.slug), &[("cookie", cookie)]).await;
    assert!(res.body.contains("50% (1/2)"), "{}", res.body);
    let _ = &s.coordinator;
});

db_test!(async fn a_focal_point_cannot_read_or_answer_for_another_municipality(app) {
    let s = setup(app).await;
    let (cookie, csrf) = &s.a;
    let other = format!("/surveys/{}/respond/{}", s.slug, s.b_slug);
    let res = app.get_with(&other, &[("cookie", cookie)]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(&format!("{other}?page=0"), &[("csrf", csrf), ("q.population", "5"), ("q.influx", "no")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let kilis = municipality_id(app, "kilis").await;
    assert!(response_of(app, kilis).await.is_none());
    // A member who is no focal point, and a visitor.
    let m = person(app, "member@example.org", Role::Member).await;
    let (mc, _) = app.session_for(m).await;
    let res = app.get_with(&format!("/surveys/{}/respond/gaziantep", s.slug), &[("cookie", &mc)]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app.get(&format!("/surveys/{}/respond/gaziantep", s.slug)).await;
    assert_ne!(res.status, StatusCode::OK);
    // A municipality the survey does not target.
    let res = app.get_with(&format!("/surveys/{}/respond/adana", s.slug), &[("cookie", &s.coordinator.0)]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
});

db_test!(async fn answers_of_a_closed_campaign_cannot_change(app) {
    let s = setup(app).await;
    let (cookie, csrf) = &s.a;
    let url = format!("/surveys/{}/respond/gaziantep", s.slug);
    for (page, pairs) in [
        (0, vec![("q.population", "90000"), ("q.influx", "no")]),
        (2, vec![("q.wanted", "finance")]),
    ] {
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend(pairs);
        let res = app.post_form(&format!("{url}?page={page}"), &all, cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    let res = app.post_form(&format!("{url}/submit"), &[("csrf", csrf)], cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let before = response_of(app, s.a_id).await.unwrap();

    // The coordinator closes it (the campaign form, saved as it shows, with the status changed).
    let page = app.get_with(&format!("/surveys/{}", s.slug), &[("cookie", &s.coordinator.0)]).await;
    let targets: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse("input[name=target][checked]").unwrap())
        .filter_map(|e| e.value().attr("value").map(str::to_owned))
        .collect();
    assert_eq!(targets.len(), 2, "the form shows the targets it saves");
    let opens = page.attr("#i-opens", "value").unwrap();
    let closes = page.attr("#i-closes", "value").unwrap();
    let mut pairs = vec![
        ("csrf", s.coordinator.1.as_str()),
        ("title", "Test survey"),
        ("description", ""),
        ("status", "closed"),
        ("audience", "members"),
        ("opens", opens.as_str()),
        ("closes", closes.as_str()),
        ("event", ""),
    ];
    for t in &targets {
        pairs.push(("target", t.as_str()));
    }
    let res = app.post_form(&format!("/surveys/{}/campaign", s.slug), &pairs, &s.coordinator.0).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let res = app
        .post_form(&format!("{url}?page=0"), &[("csrf", csrf), ("q.population", "1"), ("q.influx", "yes")], cookie)
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    let res = app.post_form(&format!("{url}/submit"), &[("csrf", csrf)], cookie).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    let after = response_of(app, s.a_id).await.unwrap();
    assert_eq!(before, after, "nothing changed");
    // It can still be read.
    let res = app.get_with(&format!("{url}?review=1"), &[("cookie", cookie)]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("90000"));
});

db_test!(async fn a_changed_form_becomes_a_new_version_once_answered(app) {
    let s = setup(app).await;
    let staff = &s.coordinator;
    let survey_id = survey::Entity::find().filter(survey::Column::Slug.eq(&s.slug)).one(app.db.read()).await.unwrap().unwrap().id;
    let versions = || async {
        form::Entity::find().filter(form::Column::SurveyId.eq(survey_id)).count(app.db.read()).await.unwrap()
    };
    // Not answered yet: replaced in place.
    let support = format!("/surveys/{}/respond/gaziantep?page=2", s.slug);
    let before = app.get_with(&support, &[("cookie", &s.a.0)]).await;
    assert!(before.body.contains("Support wanted"), "{}", before.body);
    let changed = FORM.replace("| Support wanted |", "| Support the municipality wants |");
    let res = upload(app, &format!("/surveys/{}/form", s.slug), &staff.0, &staff.1, changed.as_bytes()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(versions().await, 1);
    // The version parsed before (and kept by this node) is not served again.
    let after = app.get_with(&support, &[("cookie", &s.a.0)]).await;
    assert!(after.body.contains("Support the municipality wants"), "{}", after.body);
    assert!(!after.body.contains("Support wanted"));
    // A bad form: refused with the sheet and row, nothing changed.
    let broken = changed.replace("${influx} = 'yes'", "${influks} = 'yes'");
    let res = upload(app, &format!("/surveys/{}/form", s.slug), &staff.0, &staff.1, broken.as_bytes()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("influks"), "{}", res.body);
    assert!(res.body.to_lowercase().contains("row"), "{}", res.body);
    // Answered: a new version, and the answer keeps its own.
    let (cookie, csrf) = &s.a;
    let url = format!("/surveys/{}/respond/gaziantep", s.slug);
    let res = app.post_form(&format!("{url}?page=0"), &[("csrf", csrf), ("q.population", "10"), ("q.influx", "no")], cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = upload(app, &format!("/surveys/{}/form", s.slug), &staff.0, &staff.1, FORM.as_bytes()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(versions().await, 2);
    let r = response_of(app, s.a_id).await.unwrap();
    let v = form::Entity::find_by_id(r.form_id).one(app.db.read()).await.unwrap().unwrap();
    assert_eq!(v.number, 1);
    // Exported as XLSForm, it reads back as the same form.
    let res = app.get_with(&format!("/surveys/{}/form.xlsx", s.slug), &[("cookie", &staff.0)]).await;
    assert_eq!(res.status, StatusCode::OK);
    let back = majlis_xlsform::Form::from_xlsx(&res.bytes).expect("a valid workbook");
    assert_eq!(back, majlis_xlsform::Form::from_markdown(FORM).unwrap());
});

db_test!(async fn the_demo_reproduces_the_published_figures(app) {
    app.load_demo().await;
    let res = app.get("/api/v1/surveys/amman-2016-challenges/results").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let j = res.json();
    assert_eq!(j["response_rate"], 83);
    assert_eq!(j["targeted"], 12);
    assert_eq!(j["responding"], 10);
    let tensions = j["questions"].as_array().unwrap().iter().find(|q| q["name"] == "tensions").unwrap();
    assert_eq!(tensions["answered"], 7);
    assert_eq!(tensions["not_answered"], 3);
    let choice = |name: &str| tensions["choices"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap().clone();
    assert_eq!(choice("increased")["all"]["percent"], 86);
    assert_eq!(choice("increased")["all"]["count"], 6);
    for small in ["unchanged", "decreased", "dont_know"] {
        assert!(choice(small)["all"]["count"].is_null(), "{small} is suppressed");
    }
    // Broken down by country, the small groups go.
    let res = app.get("/api/v1/surveys/amman-2016-challenges/results?by=country").await;
    let j = res.json();
    for c in j["columns"].as_array().unwrap() {
        if c["key"] != "TR" {
            assert!(c["respondents"].is_null(), "{c}");
        }
    }
    // The page, in English and Arabic, with its chart beside the table.
    for lang in ["en", "ar"] {
        let res = app.get(&format!("/surveys/amman-2016-challenges/results?lang={lang}")).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.contains("86%"));
        assert!(res.body.contains("<svg"));
        assert!(res.queries() <= 8, "{} queries", res.queries());
    }
    let res = app.get("/api/v1/surveys/beirut-2017-challenges/results").await;
    assert_eq!(res.json()["response_rate"], 75);
    // A second load changes nothing.
    let again = app.load_demo().await;
    assert_eq!(again.created, 0);
    // The surveys of municipalities (the cohesion demo adds residents' surveys).
    let municipal = survey::Entity::find().filter(survey::Column::Slug.not_like("cohesion-%"));
    assert_eq!(municipal.count(app.db.read()).await.unwrap(), 2);
});

db_test!(async fn survey_pages_list_and_preview_in_every_language(app) {
    app.load_demo().await;
    let res = app.get("/surveys").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("amman-2016-challenges"));
    assert!(res.queries() <= 6, "{} queries", res.queries());
    let res = app.get("/surveys/amman-2016-challenges?lang=ar").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("/events/amman-2016-peer-workshop"));
    for lang in ["English (en)", "Arabic (ar)", "Turkish (tr)", "French (fr)", "German (de)"] {
        let res = app
            .get(&format!("/surveys/amman-2016-challenges/preview?form_lang={}", lang.replace(' ', "%20").replace('(', "%28").replace(')', "%29")))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{lang}");
    }
    let res = app.get("/surveys/amman-2016-challenges/preview?lang=ar").await;
    assert!(res.body.contains("dir=\"rtl\""));
    // The event it prepared links it; search finds it by a question, in Turkish too.
    let res = app.get("/events/amman-2016-peer-workshop").await;
    assert!(res.body.contains("/surveys/amman-2016-challenges"), "the event links its survey");
    app.index().await;
    let found = app.get("/api/v1/search?q=tensions&type=survey").await.json();
    assert_eq!(found["items"][0]["url"], "/surveys/amman-2016-challenges", "{found}");
    let found = app.get("/api/v1/search?q=gerginlikler&type=survey").await.json();
    assert!(found["total"].as_u64().unwrap() >= 1, "{found}");
    // Drafts are for staff: a visitor gets not found.
    let c = coordinator(app, "c@example.org").await;
    let (cookie, csrf) = app.session_for(c).await;
    let res = upload(app, "/surveys/new", &cookie, &csrf, FORM.as_bytes()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/surveys/test-survey").await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get_with("/surveys/test-survey", &[("cookie", &cookie)]).await.status, StatusCode::OK);
    app.index().await;
    let found = app.get_with("/api/v1/search?q=test&type=survey", &[("cookie", &cookie)]).await.json();
    assert_eq!(found["total"], 0, "a survey in preparation is not in the index: {found}");
});

/// The newest mail to `to`, quoted-printable undone.
async fn newest_mail(app: &TestApp, to: &str) -> String {
    app.deliver_mail().await;
    app.mails()
        .into_iter()
        .rev()
        .find(|m| m.contains(to))
        .unwrap_or_else(|| panic!("no mail to {to}"))
        .replace("=\r\n", "")
        .replace("=3D", "=")
}

db_test!(async fn a_personal_link_takes_one_response_without_an_account(app) {
    let s = setup(app).await;
    let (staff, staff_csrf) = &s.coordinator;
    let links = format!("/surveys/{}/links", s.slug);
    // Refused: a bad address; nothing created, nothing sent.
    let res = app
        .post_form(&links, &[("csrf", staff_csrf), ("link_name", "Leila Haddad"), ("link_email", "not-an-address"), ("link_municipality", "")], staff)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(majlis::surveys::entities::link::Entity::find().count(app.db.read()).await.unwrap(), 0);
    let res = app
        .post_form(&links, &[("csrf", staff_csrf), ("link_name", "Leila Haddad"), ("link_email", "leila@example.org"), ("link_municipality", "")], staff)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mail = newest_mail(app, "leila@example.org").await;
    let start = mail.find("/surveys/test-survey/link/").expect("the link is in the mail");
    let token: String = mail[start + "/surveys/test-survey/link/".len()..].chars().take_while(char::is_ascii_hexdigit).collect();
    assert_eq!(token.len(), 32);
    let stored = majlis::surveys::entities::link::Entity::find().one(app.db.read()).await.unwrap().unwrap();
    assert_ne!(stored.token_hash, token, "only the token's hash is kept");

    // A visitor with the link answers; the page is kept out of Referer.
    let url = format!("/surveys/test-survey/link/{token}");
    let page = app.get(&url).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    let csrf = page.cookie("majlis_csrf").expect("a visitor's anti-forgery cookie");
    let cookie = app.csrf_cookie(&csrf);
    let res = app.post_form(&format!("{url}?page=0"), &[("csrf", &csrf), ("q.population", "5000"), ("q.influx", "no")], &cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = app.post_form(&format!("{url}?page=2"), &[("csrf", &csrf), ("q.wanted", "training")], &cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app.post_form(&format!("{url}/submit"), &[("csrf", &csrf)], &cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Sent again: still one response for the link.
    let res = app.post_form(&format!("{url}/submit"), &[("csrf", &csrf)], &cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let rows = response::Entity::find().filter(response::Column::LinkId.eq(stored.id)).all(app.db.read()).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].submitted_at.is_some() && rows[0].municipality_id.is_none());
    assert_eq!(count(app, "wanted", "training").await, 1);
    // A wrong token finds nothing.
    let res = app.get("/surveys/test-survey/link/0123456789abcdef0123456789abcdef").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // The coordinator sees the link answered.
    let res = app.get_with(&format!("/surveys/{}", s.slug), &[("cookie", staff)]).await;
    assert!(res.body.contains("Leila Haddad"), "{}", res.body);
});

db_test!(async fn reminders_go_to_focal_points_that_have_not_submitted_once_a_day(app) {
    let s = setup(app).await;
    let (staff, staff_csrf) = &s.coordinator;
    let remind = format!("/surveys/{}/remind", s.slug);
    let res = app.post_form(&remind, &[("csrf", staff_csrf)], staff).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.header("location").unwrap().contains("sent=1"), "{:?}", res.header("location"));
    let mail = newest_mail(app, "focal@gaziantep.example").await;
    assert!(mail.contains("/surveys/test-survey/respond/gaziantep"), "{mail}");
    // A second click the same day sends nothing more.
    let res = app.post_form(&remind, &[("csrf", staff_csrf)], staff).await;
    assert!(res.header("location").unwrap().contains("sent=0"));
    app.deliver_mail().await;
    assert_eq!(app.mails().iter().filter(|m| m.contains("focal@gaziantep.example")).count(), 1);
});

db_test!(async fn a_campaign_about_to_close_reminds_those_who_have_not_submitted_once(app) {
    use majlis::surveys::reminders::{AHEAD, tick};
    let s = setup(app).await;
    let url = "https://majlis.example";
    let now = chrono::Utc::now();
    // A week left (the set-up's window): not yet.
    assert_eq!(tick(&app.db, url, now).await.unwrap(), 0);
    // A coordinator's reminder today does not stand for the final one.
    let (staff, staff_csrf) = &s.coordinator;
    let res = app.post_form(&format!("/surveys/{}/remind", s.slug), &[("csrf", staff_csrf)], staff).await;
    assert!(res.header("location").unwrap().contains("sent=1"));
    // Two days left: Gaziantep's focal point is reminded, once.
    let late = now + chrono::Duration::days(7) - AHEAD + chrono::Duration::days(1);
    assert_eq!(tick(&app.db, url, late).await.unwrap(), 1);
    assert_eq!(tick(&app.db, url, late + chrono::Duration::hours(30)).await.unwrap(), 0);
    app.deliver_mail().await;
    let mails: Vec<String> = app.mails().into_iter().filter(|m| m.contains("focal@gaziantep.example")).collect();
    assert_eq!(mails.len(), 2, "the coordinator's reminder and the final one");
    assert!(mails.iter().all(|m| m.contains("/surveys/test-survey/respond/gaziantep")));
    assert!(mails.iter().any(|m| m.contains("https://majlis.example/surveys/test-survey/respond/gaziantep")), "the final one, from the schedule");
    // Closed: nothing.
    assert_eq!(tick(&app.db, url, now + chrono::Duration::days(8)).await.unwrap(), 0);
});

db_test!(async fn the_results_print_as_pdf_in_english_and_arabic(app) {
    app.load_demo().await;
    let res = app.get("/surveys/amman-2016-challenges/results.pdf").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("content-type"), Some("application/pdf"));
    let text = common::pdf_text(&res.bytes);
    assert!(text.contains("86%"), "{text}");
    assert!(text.contains("83% (10/12)"), "{text}");
    let res = app.get("/surveys/amman-2016-challenges/results.pdf?lang=ar").await;
    let text = common::pdf_text(&res.bytes);
    assert!(text.contains("التحديات والإنجازات"), "{text}");
});

/// A personal API token for the person with this email.
async fn token_of(app: &TestApp, email: &str) -> String {
    use majlis::accounts::person;
    let id = person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    let origin = majlis::audit::Origin {
        actor_id: Some(id),
        ip: "127.0.0.1".into(),
    };
    majlis::accounts::tokens::create(&app.db, &origin, id, "survey tool", chrono::Utc::now())
        .await
        .unwrap()
}

/// POST a whole filled form to the one-request API.
async fn send(
    app: &TestApp,
    path: &str,
    auth: &[(&str, &str)],
    body: serde_json::Value,
) -> common::TestResponse {
    let mut req = Request::post(path).header("content-type", "application/json");
    for (k, v) in auth {
        req = req.header(*k, *v);
    }
    app.request(req.body(Body::from(body.to_string())).unwrap())
        .await
}

/// A JSON POST with an API token, to send from a task of its own.
fn bearer_post(path: &str, token: &str, body: &serde_json::Value) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// The test survey's tallies (counts other than zero) and what its stored
/// submitted responses count, recounted from scratch.
async fn tallies_and_recount(
    app: &TestApp,
) -> (
    std::collections::BTreeMap<String, i64>,
    std::collections::BTreeMap<String, i64>,
) {
    use majlis::surveys::rules::{answering::to_answers, tally::contributions};
    let test = survey::Entity::find()
        .filter(survey::Column::Slug.eq("test-survey"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let parsed = majlis_xlsform::Form::from_markdown(FORM).unwrap();
    let mut recount = std::collections::BTreeMap::new();
    for r in response::Entity::find()
        .filter(response::Column::SurveyId.eq(test.id))
        .all(app.db.read())
        .await
        .unwrap()
    {
        let (Some(answers), Some(_)) = (&r.answers, r.submitted_at) else {
            continue;
        };
        for (q, v) in contributions(&parsed, &to_answers(answers)) {
            *recount
                .entry(format!(
                    "{q}={v}@{}/{}/{}",
                    r.country_code, r.population_band, r.refugee_band
                ))
                .or_insert(0) += 1;
        }
    }
    let stored = tally::Entity::find()
        .filter(tally::Column::SurveyId.eq(test.id))
        .all(app.db.read())
        .await
        .unwrap()
        .into_iter()
        .filter(|t| t.count != 0)
        .map(|t| {
            (
                format!(
                    "{}={}@{}/{}/{}",
                    t.question, t.value, t.country_code, t.population_band, t.refugee_band
                ),
                t.count,
            )
        })
        .collect();
    (stored, recount)
}

db_test!(async fn a_survey_tool_submits_a_whole_form_in_one_request(app) {
    let s = setup(app).await;
    let token = token_of(app, "focal@gaziantep.example").await;
    let bearer = format!("Bearer {token}");
    let auth = [("authorization", bearer.as_str())];
    let url = format!("/api/v1/surveys/{}/responses/gaziantep", s.slug);

    // Without a token, or with a session only: not signed in for the API.
    let answers = serde_json::json!({"answers": {"population": "90000", "influx": "no", "wanted": "finance"}, "submit": true});
    let res = send(app, &url, &[], answers.clone()).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    let res = send(app, &url, &[("cookie", &s.a.0)], answers.clone()).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(response_of(app, s.a_id).await.is_none());

    // Refused with the form's own message, in the caller's language; nothing stored.
    let refused = serde_json::json!({"answers": {"population": "-5", "influx": "yes", "colour": "blue"}, "submit": true});
    let res = send(app, &url, &auth, refused.clone()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    let j = res.json();
    assert_eq!(j["code"], "answers-refused");
    let errors = j["errors"].as_array().unwrap();
    let message = |name: &str| errors.iter().find(|e| e["name"] == name).map(|e| e["message"].as_str().unwrap().to_owned());
    assert_eq!(message("population").as_deref(), Some("Residents must be more than zero."), "{j}");
    assert_eq!(message("colour").as_deref(), Some("The form has no question of this name."), "{j}");
    let res = send(app, &format!("{url}?lang=ar"), &auth, refused).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let j = res.json();
    assert!(j["errors"].as_array().unwrap().iter().any(|e| e["message"] == "يجب أن يكون عدد السكان أكبر من الصفر."), "{j}");
    assert_eq!(j["message"], "رُفضت بعض الإجابات. لم يُحفظ أي شيء.");
    // A required answer missing, with the form's message for it.
    let res = send(app, &url, &auth, serde_json::json!({"answers": {"influx": "no"}, "submit": true})).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("How many residents?"), "{}", res.body);
    assert!(response_of(app, s.a_id).await.is_none(), "nothing stored");
    assert_eq!(count(app, "", "").await, 0);

    // Accepted: stored and submitted at once, counted.
    let res = send(app, &url, &auth, answers).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let id = res.json()["id"].as_i64().unwrap();
    let r = response_of(app, s.a_id).await.unwrap();
    assert_eq!(i64::from(r.id), id);
    assert!(r.submitted_at.is_some() && r.draft.is_none());
    assert_eq!(r.answers.as_ref().unwrap()["population"], "90000");
    assert_eq!(count(app, "population", "90000").await, 1);
    assert_eq!(count(app, "wanted", "finance").await, 1);

    // A draft (a required answer may be missing) leaves the submitted answers counted.
    let res = send(app, &url, &auth, serde_json::json!({"answers": {"influx": "yes"}, "submit": false})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let r = response_of(app, s.a_id).await.unwrap();
    assert_eq!(r.draft.as_ref().unwrap()["influx"], "yes");
    assert_eq!(count(app, "population", "90000").await, 1);

    // Submitted again: it replaces the first, counted once, tallies equal to a recount.
    let again = serde_json::json!({"answers": {"population": "120000", "influx": "yes", "tensions": "increased", "why": "Rents rose", "wanted": "training finance"}, "submit": true});
    let res = send(app, &url, &auth, again).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["id"].as_i64(), Some(id), "the same response");
    // The token with its person and focal-point affiliations, the response
    // with its survey, municipality and form version (the parsed form is
    // kept), then the writes (by the group-commit writer, counted for this
    // request): the response, the tallies in one statement, the outbox (and
    // on PostgreSQL its lock) and the audit row.
    let postgres = app.db.backend() == sea_orm::DatabaseBackend::Postgres;
    assert!(res.queries() <= if postgres { 7 } else { 6 }, "{} queries", res.queries());
    assert_eq!(count(app, "population", "90000").await, 0);
    assert_eq!(count(app, "population", "120000").await, 1);
    assert_eq!(count(app, "tensions", "increased").await, 1);
    assert_eq!(count(app, "", "").await, 1, "one respondent");
    let r = response_of(app, s.a_id).await.unwrap();
    assert!(r.draft.is_none());
    assert_eq!(r.answers.as_ref().unwrap()["why"], "Rents rose");
    let (stored, recount) = tallies_and_recount(app).await;
    assert_eq!(stored, recount);
    // The web flow sees the same response.
    let page = app.get_with(&format!("/surveys/{}/respond/gaziantep?review=1", s.slug), &[("cookie", &s.a.0)]).await;
    assert!(page.body.contains("Rents rose"), "{}", page.body);

    // Another municipality's response: refused as on the web, nothing stored.
    let other = format!("/api/v1/surveys/{}/responses/{}", s.slug, s.b_slug);
    let res = send(app, &other, &auth, serde_json::json!({"answers": {"population": "5", "influx": "no"}})).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.json()["code"], "forbidden");
    let kilis = municipality_id(app, "kilis").await;
    assert!(response_of(app, kilis).await.is_none());
    // A member who is no focal point, and a survey that is not there.
    person(app, "member@example.org", Role::Member).await;
    let member = format!("Bearer {}", token_of(app, "member@example.org").await);
    let res = send(app, &url, &[("authorization", &member)], serde_json::json!({"answers": {"population": "5", "influx": "no"}})).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = send(app, "/api/v1/surveys/no-such-survey/responses/gaziantep", &auth, serde_json::json!({"answers": {}})).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Not JSON of the expected shape: a bad request, nothing changed.
    let res = send(app, &url, &auth, serde_json::json!({"answer": {}})).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(response_of(app, s.a_id).await.unwrap(), r);
});

db_test!(async fn a_closed_campaign_refuses_one_request_submissions(app) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let s = setup(app).await;
    let token = token_of(app, "focal@gaziantep.example").await;
    let bearer = format!("Bearer {token}");
    let auth = [("authorization", bearer.as_str())];
    let url = format!("/api/v1/surveys/{}/responses/gaziantep", s.slug);
    let res = send(app, &url, &auth, serde_json::json!({"answers": {"population": "90000", "influx": "no"}, "submit": true})).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let before = response_of(app, s.a_id).await.unwrap();

    let row = survey::Entity::find().filter(survey::Column::Slug.eq(&s.slug)).one(app.db.read()).await.unwrap().unwrap();
    let mut closed: survey::ActiveModel = row.into();
    closed.status = Set("closed".into());
    let tx = app.db.begin_write().await.unwrap();
    closed.update(&tx).await.unwrap();
    tx.commit().await.unwrap();

    for submit in [true, false] {
        let res = send(app, &url, &auth, serde_json::json!({"answers": {"population": "1", "influx": "yes"}, "submit": submit})).await;
        assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
        assert_eq!(res.json()["code"], "not-accepting");
    }
    assert_eq!(response_of(app, s.a_id).await.unwrap(), before, "nothing changed");
    assert_eq!(count(app, "population", "90000").await, 1);
});

/// Gaziantep's focal point and ten more demo municipalities targeted by the
/// test survey, each with a focal point: (municipality slug, API token).
async fn eleven_senders(app: &TestApp) -> Vec<(String, String)> {
    use majlis::directory::entities::municipality;
    use majlis::surveys::entities::target;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, QueryOrder, QuerySelect};
    let test = survey::Entity::find()
        .filter(survey::Column::Slug.eq("test-survey"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let more = municipality::Entity::find()
        .filter(municipality::Column::Slug.is_not_in(["gaziantep", "kilis"]))
        .order_by_asc(municipality::Column::Id)
        .limit(10)
        .all(app.db.read())
        .await
        .unwrap();
    assert_eq!(more.len(), 10, "the demo has enough municipalities");
    let tx = app.db.begin_write().await.unwrap();
    for m in &more {
        target::ActiveModel {
            survey_id: Set(test.id),
            municipality_id: Set(m.id),
            reminded_at: Set(None),
        }
        .insert(&tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let mut senders = vec![(
        "gaziantep".to_owned(),
        token_of(app, "focal@gaziantep.example").await,
    )];
    for m in &more {
        let email = format!("focal@{}.example", m.slug);
        focal_point_of(app, &email, m.id).await;
        senders.push((m.slug.clone(), token_of(app, &email).await));
    }
    senders
}

/// A write that holds the group-commit writer task until told, so that the
/// writes queued meanwhile are taken as one group.
struct HoldWriter {
    started: std::sync::Arc<tokio::sync::Notify>,
    release: std::sync::Arc<tokio::sync::Notify>,
}

impl majlis::db::group_commit::Write for HoldWriter {
    type Output = ();
    type Error = sea_orm::DbErr;
    fn run<'t>(
        &'t self,
        _tx: &'t sea_orm::DatabaseTransaction,
    ) -> majlis::db::group_commit::TxFuture<'t, Result<(), sea_orm::DbErr>> {
        Box::pin(async move {
            self.started.notify_one();
            self.release.notified().await;
            Ok(())
        })
    }
}

/// Send `drafts` (municipality slug, token, population answer) at once to
/// the API as drafts, queued behind a held writer so that they are stored
/// as one group; every answer must be 200.
async fn drafts_at_once(app: &TestApp, slug: &str, drafts: &[(String, String, String)]) {
    // A token's first use in an hour records the time, a write of its own
    // that would wait for the held writer (SQLite has one write connection).
    use sea_orm::sea_query::Expr;
    let tx = app.db.begin_write().await.unwrap();
    majlis::accounts::api_token::Entity::update_many()
        .col_expr(
            majlis::accounts::api_token::Column::LastUsedAt,
            Expr::value(chrono::Utc::now()),
        )
        .exec(&tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let started = std::sync::Arc::new(tokio::sync::Notify::new());
    let release = std::sync::Arc::new(tokio::sync::Notify::new());
    let held = {
        let db = app.db.clone();
        let w = HoldWriter {
            started: started.clone(),
            release: release.clone(),
        };
        tokio::spawn(async move { db.write_grouped(w).await })
    };
    started.notified().await;
    let mut sent = tokio::task::JoinSet::new();
    for (town, token, population) in drafts {
        let body = serde_json::json!({"answers": {
            "population": population,
            "influx": "yes",
        }, "submit": false});
        let req = bearer_post(
            &format!("/api/v1/surveys/{slug}/responses/{town}"),
            token,
            &body,
        );
        let router = app.router.clone();
        let town = town.clone();
        sent.spawn(async move { (town, common::respond(&router, req).await) });
    }
    common::wait_for_queued_writes(app, drafts.len()).await;
    release.notify_one();
    held.await.unwrap().unwrap();
    while let Some(done) = sent.join_next().await {
        let (town, res) = done.unwrap();
        assert_eq!(res.status, StatusCode::OK, "{town}: {}", res.body);
    }
}

db_test!(async fn drafts_saved_at_once_are_stored_together_each_as_sent(app) {
    let s = setup(app).await;
    let senders = eleven_senders(app).await;
    // Kilis answers first, alone: its response exists before the group.
    let kilis = municipality_id(app, "kilis").await;
    focal_point_of(app, "focal@kilis.example", kilis).await;
    let kilis_token = token_of(app, "focal@kilis.example").await;
    drafts_at_once(app, &s.slug, &[("kilis".into(), kilis_token.clone(), "5".into())]).await;
    let kilis_before = response_of(app, kilis).await.unwrap();

    let before = app.db.group_stats();
    let mut drafts: Vec<(String, String, String)> = senders
        .iter()
        .enumerate()
        .map(|(i, (town, token))| (town.clone(), token.clone(), (2000 + i).to_string()))
        .collect();
    drafts.push(("kilis".into(), kilis_token.clone(), "6".into()));
    drafts_at_once(app, &s.slug, &drafts).await;
    let after = app.db.group_stats();
    assert_eq!(after.stored_many - before.stored_many, 12, "{before:?} → {after:?}");
    for (town, _, population) in &drafts {
        let r = response_of(app, municipality_id(app, town).await).await.unwrap();
        let draft = r.draft.as_ref().unwrap();
        assert_eq!(draft["population"].as_str(), Some(population.as_str()), "{town}");
        assert!(r.answers.is_none() && r.submitted_at.is_none(), "{town}");
    }
    // The response that existed is updated in place, one revision more.
    let kilis_after = response_of(app, kilis).await.unwrap();
    assert_eq!(kilis_after.id, kilis_before.id);
    assert_eq!(kilis_after.revision, kilis_before.revision + 1);
    assert_eq!(kilis_after.created_at, kilis_before.created_at);

    // Two drafts of one response at once cannot be one statement: each is
    // stored alone, both acknowledged, one of them last.
    let before = app.db.group_stats();
    let (town, token) = senders[0].clone();
    let twice = vec![
        (town.clone(), token.clone(), "7001".to_owned()),
        (town.clone(), token, "7002".to_owned()),
        ("kilis".to_owned(), kilis_token, "7003".to_owned()),
    ];
    drafts_at_once(app, &s.slug, &twice).await;
    let after = app.db.group_stats();
    assert_eq!(after.stored_many - before.stored_many, 0, "{before:?} → {after:?}");
    assert_eq!(after.grouped_writes - before.grouped_writes, 3, "{before:?} → {after:?}");
    let r = response_of(app, municipality_id(app, &town).await).await.unwrap();
    let population = r.draft.as_ref().unwrap()["population"].as_str().unwrap().to_owned();
    assert!(["7001", "7002"].contains(&population.as_str()), "{population}");
    let k = response_of(app, kilis).await.unwrap();
    assert_eq!(k.draft.as_ref().unwrap()["population"].as_str(), Some("7003"));
    assert_eq!(k.revision, kilis_after.revision + 1);
});

db_test!(async fn concurrent_submissions_are_committed_together_and_counted_exactly(app) {
    let s = setup(app).await;
    let mut senders = eleven_senders(app).await;
    // Gaziantep sends twice at once, with different answers: both are
    // acknowledged, one after the other, and its response counts once.
    senders.push(senders[0].clone());
    let before = app.db.group_stats();
    let mut sent = tokio::task::JoinSet::new();
    for (i, (slug, token)) in senders.iter().enumerate() {
        let body = serde_json::json!({"answers": {
            "population": (1000 + i).to_string(),
            "influx": "yes",
            "tensions": if i % 2 == 0 { "increased" } else { "unchanged" },
            "wanted": "finance training",
        }, "submit": true});
        let req = bearer_post(
            &format!("/api/v1/surveys/{}/responses/{slug}", s.slug),
            token,
            &body,
        );
        let router = app.router.clone();
        let slug = slug.clone();
        sent.spawn(async move { (i, slug, common::respond(&router, req).await) });
    }
    let mut acknowledged = std::collections::BTreeMap::<String, Vec<String>>::new();
    while let Some(done) = sent.join_next().await {
        let (i, slug, res) = done.unwrap();
        assert_eq!(res.status, StatusCode::CREATED, "{slug}: {}", res.body);
        acknowledged.entry(slug).or_default().push((1000 + i).to_string());
    }
    let after = app.db.group_stats();
    let through_writer = (after.grouped_writes + after.single_writes)
        - (before.grouped_writes + before.single_writes);
    assert_eq!(through_writer, senders.len() as u64, "{before:?} → {after:?}");
    // Every acknowledged submission is stored as sent (Gaziantep: one of its two).
    for (slug, populations) in &acknowledged {
        let r = response_of(app, municipality_id(app, slug).await).await.unwrap();
        assert!(r.submitted_at.is_some() && r.draft.is_none(), "{slug}");
        let stored = r.answers.as_ref().unwrap()["population"].as_str().unwrap().to_owned();
        assert!(populations.contains(&stored), "{slug}: {stored} not among {populations:?}");
    }
    assert_eq!(acknowledged.len(), 11);
    assert_eq!(count(app, "", "").await, 11, "one respondent per municipality");
    assert_eq!(count(app, "wanted", "finance").await, 11);
    let (stored, recount) = tallies_and_recount(app).await;
    assert_eq!(stored, recount);
});
