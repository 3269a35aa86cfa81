//! Every UI string exists in all five locales, and every id the code uses exists.

use std::collections::BTreeSet;
use std::path::Path;

use majlis::i18n::Locale;

fn ids(locale: &str) -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{locale}/main.ftl"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

fn source_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            source_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(p);
        }
    }
}

#[test]
fn all_locales_have_the_same_messages() {
    let en = ids("en");
    assert!(en.len() > 50);
    for l in ["ar", "tr", "fr", "de"] {
        let other = ids(l);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "{l} lacks {missing:?}");
        assert!(extra.is_empty(), "{l} has unknown {extra:?}");
    }
}

#[test]
fn every_message_the_code_uses_exists() {
    let mut files = Vec::new();
    source_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut used = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for pat in ["ctx.t(\"", "ctx.t1(\"", "locale.t(\""] {
            for part in text.split(pat).skip(1) {
                if let Some((id, _)) = part.split_once('"') {
                    used.insert(id.to_owned());
                }
            }
        }
    }
    assert!(used.len() > 40, "found only {} ids", used.len());
    // Ids built at run time.
    for l in Locale::ALL {
        used.insert(format!("language-{}", l.code()));
    }
    for k in majlis::directory::MunicipalityKind::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::directory::OrganisationKind::ALL {
        used.insert(k.label_id());
    }
    // The directory forms: messages named in directory/editing.rs, and the
    // fields they name (`field-{field}`).
    for id in [
        "edit-error-figure",
        "edit-error-year",
        "edit-error-orig",
        "edit-error-too-long",
        "edit-error-name-original",
        "edit-error-profile-original",
        "edit-error-description-original",
        "edit-error-theme",
        "edit-error-slug",
        "edit-error-slug-taken",
        "edit-error-kind",
        "edit-error-country",
        "edit-error-website",
        "edit-error-latitude",
        "edit-error-longitude",
        "picture-error-none",
        "picture-error-kind",
        "picture-error-unreadable",
        "picture-error-many",
        "picture-error-alt",
        "picture-error-alt-long",
        "audit-action-picture-added",
        "audit-action-picture-deleted",
    ] {
        used.insert(id.to_owned());
    }
    for f in [
        "orig",
        "name",
        "profile",
        "region",
        "population",
        "population_year",
        "refugees",
        "refugees_year",
        "themes",
        "slug",
        "kind",
        "country",
        "member_since",
        "latitude",
        "longitude",
        "acronym",
        "website",
        "description",
    ] {
        used.insert(format!("field-{f}"));
    }
    for code in ["not-found", "bad-request", "internal", "method-not-allowed"] {
        used.insert(format!("error-{code}"));
        used.insert(format!("error-{code}-title"));
    }
    used.insert("error-bad-request-field".into());
    for code in [
        "sign-in-required",
        "forbidden",
        "csrf",
        "too-many-requests",
        "two-factor-required",
    ] {
        used.insert(format!("error-{code}"));
        used.insert(format!("error-{code}-title"));
    }
    for k in majlis::events::EventKind::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::events::EventStatus::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::events::SessionKind::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::events::SessionRole::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::events::RegistrationStatus::ALL {
        used.insert(k.label_id());
        used.insert(format!("registration-you-{}", k.code()));
    }
    // Action plans: step statuses, form headings by kind, the fields and
    // messages of plans/rules/input.rs.
    for s in majlis::plans::StepStatus::ALL {
        used.insert(s.label_id());
    }
    for k in [
        "steps",
        "milestones",
        "indicators",
        "measurements",
        "events",
    ] {
        used.insert(format!("plan-new-{k}"));
        used.insert(format!("plan-edit-{k}"));
    }
    for f in [
        "title",
        "name",
        "owner_text",
        "owner_municipality",
        "starts_on",
        "due_on",
        "reached_on",
        "status",
        "percent",
        "weight",
        "unit",
        "baseline_value",
        "baseline_on",
        "target_value",
        "target_on",
        "indicator",
        "measured_on",
        "value",
        "source",
        "event",
    ] {
        used.insert(format!("plan-field-{}", f.replace('_', "-")));
    }
    for m in [
        "required",
        "date",
        "date-order",
        "number",
        "percent",
        "weight",
        "target-equals-baseline",
        "choice",
        "too-long",
    ] {
        used.insert(format!("plan-error-{m}"));
    }
    for k in majlis::consultations::DilemmaStatus::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::consultations::DilemmaVisibility::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::consultations::ContributionKind::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::consultations::HelpSought::ALL {
        used.insert(k.label_id());
    }
    for k in majlis::consultations::ParticipantRole::ALL {
        used.insert(k.label_id());
    }
    // Reasons for suggesting a peer, and the messages consultation rules
    // report (named in the code without ctx.t).
    for id in [
        "suggest-reason-municipality",
        "suggest-reason-expert",
        "suggest-reason-practice",
        // Headings of the library pages' backlinks (events/backlinks.rs,
        // consultations/backlinks.rs).
        "practice-presented-at-events",
        "resource-used-at-events",
        "practice-discussed-in",
        "consultation-error-closed",
        "consultation-error-period-over",
        "consultation-error-ideas-not-open",
        "consultation-error-unanswered",
        "consultation-error-not-draft",
        "consultation-error-not-question",
        "consultation-error-not-concluded",
        "consultation-error-question-short",
        "consultation-error-period",
        "consultation-error-municipality",
        "consultation-error-url",
        "consultation-error-link-missing",
        "consultation-error-nobody",
        "clinic-error-joint",
        "affiliations-error-choose",
        "form-error-unknown",
        "mail-consultation-invited-subject",
        "mail-consultation-invited-body",
    ] {
        used.insert(id.to_owned());
    }
    for id in ["received", "existing", "approved", "declined"] {
        used.insert(format!("mail-signup-{id}-subject"));
        used.insert(format!("mail-signup-{id}-body"));
    }
    // Fields the consultation forms report errors on.
    for f in [
        "question",
        "information",
        "city",
        "themes",
        "help",
        "country",
        "municipality",
        "visibility",
        "period",
        "kind",
        "text",
        "practice",
        "resource",
        "url",
        "author-name",
        "answer",
        "result",
        "reason",
        "people",
        "status",
        "key",
        "presenter",
        "affiliation",
        "author",
        "wrapup",
        "with",
    ] {
        used.insert(format!("dilemma-field-{f}"));
    }
    for k in majlis::app::search_catalogue().kinds() {
        used.insert(format!("search-type-{k}"));
    }
    for w in ["upcoming", "past", "all"] {
        used.insert(format!("events-when-{w}"));
    }
    // Fields the event forms report errors on (errors.html labels them).
    for f in [
        "title",
        "summary",
        "context",
        "objectives",
        "expected-results",
        "audience",
        "kind",
        "status",
        "visibility",
        "series",
        "themes",
        "timezone",
        "starts",
        "ends",
        "city",
        "country",
        "address",
        "online-url",
        "languages",
        "capacity",
        "registration-opens",
        "registration-closes",
        "questions",
        "day",
        "position",
        "parent",
        "session",
        "role",
        "name",
        "email",
        "organisation",
        "affiliation",
        "resource",
        "report",
        "takeaways",
        "practices",
        "total",
        "by-country",
        "countries",
        "note",
        "answers",
        "registration",
    ] {
        used.insert(format!("event-field-{f}"));
    }
    for role in ["admin", "coordinator", "member", "expert"] {
        used.insert(format!("role-{role}"));
    }
    // The other locales have the same ids as English (checked above).
    let en = ids("en");
    let missing: Vec<_> = used.difference(&en).collect();
    assert!(missing.is_empty(), "used but not defined: {missing:?}");
    for id in &used {
        let text = Locale::Ar.t_args(
            id,
            &[
                ("field", "x".into()),
                ("count", 2.into()),
                ("language", "x".into()),
                ("page", 1.into()),
                ("status", 404.into()),
            ],
        );
        assert!(!text.is_empty(), "{id} renders empty in Arabic");
    }
}

#[test]
fn arabic_messages_are_arabic_and_isolated() {
    // Bidi isolation stays on: an Arabic sentence with a Latin argument wraps it in FSI/PDI.
    let s = Locale::Ar.t_args("shown-in", &[("language", "English".into())]);
    assert!(s.contains('\u{2068}') && s.contains('\u{2069}'), "{s:?}");
    assert!(
        Locale::Ar
            .t("nav-municipalities")
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    );
    assert_eq!(Locale::Ar.dir(), "rtl");
    assert_eq!(Locale::Tr.dir(), "ltr");
}
