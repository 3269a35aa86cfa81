//! Calendars and the web: iCalendar (RFC 5545) for one event, for all
//! events, for a series and for a person's registrations; schema.org `Event`
//! as JSON-LD for the event page. Times are written in UTC (`…Z`), which
//! every calendar converts to the reader's zone; the venue's zone is named
//! in the description.

use chrono::{DateTime, SecondsFormat, Utc};
use icalendar::{Calendar, Component, EventLike};
use serde_json::json;

use super::EventStatus;
use super::entities::event;
use super::rules::tz_of;
use crate::directory::entities::organisation;
use crate::directory::reference::Reference;
use crate::i18n::Locale;

/// One event as an iCalendar `VEVENT`. `with_link` adds the online link
/// (only in the feed of a person registered for it).
pub fn vevent(
    e: &event::Model,
    reference: &Reference,
    l: Locale,
    public_url: &str,
    with_link: bool,
) -> icalendar::Event {
    let url = format!("{public_url}/events/{}", e.slug);
    let mut v = icalendar::Event::new();
    // Unique across networks: the platform's host names the id's space.
    let host = url::Url::parse(public_url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "majlis".to_owned());
    v.uid(&format!("event-{}@{host}", e.id))
        .timestamp(e.updated_at)
        .last_modified(e.updated_at)
        .created(e.created_at)
        .summary(e.title.text(l))
        .starts(e.starts_at)
        .ends(e.ends_at)
        .url(&url);
    let mut description = String::new();
    if let Some(s) = &e.summary {
        description.push_str(s.text(l));
        description.push_str("\n\n");
    }
    description.push_str(&format!(
        "{} ({})\n{url}",
        l.t("event-times-in"),
        e.timezone
    ));
    if with_link && let Some(link) = &e.online_url {
        description.push_str(&format!("\n{link}"));
    }
    v.description(&description);
    let mut place: Vec<String> = Vec::new();
    if let Some(a) = &e.address {
        place.push(a.clone());
    }
    if let Some(c) = &e.city {
        place.push(c.clone());
    }
    if let Some(c) = e.country_code.as_deref().and_then(|c| reference.country(c)) {
        place.push(c.name.text(l).to_owned());
    }
    if e.online {
        place.push(l.t("event-online"));
    }
    if !place.is_empty() {
        v.location(&place.join(", "));
    }
    v.status(
        if EventStatus::from_code(&e.status) == Some(EventStatus::Cancelled) {
            icalendar::EventStatus::Cancelled
        } else {
            icalendar::EventStatus::Confirmed
        },
    );
    v.done()
}

/// A calendar of events, as text.
pub fn calendar(name: &str, events: impl IntoIterator<Item = icalendar::Event>) -> String {
    let mut c = Calendar::new();
    c.name(name);
    for e in events {
        c.push(e);
    }
    c.done().to_string()
}

fn iso_at(t: DateTime<Utc>, e: &event::Model) -> String {
    t.with_timezone(&tz_of(e))
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// schema.org `Event` for the event page, ready to sit in a
/// `<script type="application/ld+json">` element (`<` is escaped so the
/// text cannot close the element).
pub fn json_ld(
    e: &event::Model,
    reference: &Reference,
    organisers: &[organisation::Model],
    l: Locale,
    public_url: &str,
) -> String {
    let url = format!("{public_url}/events/{}", e.slug);
    let status = match EventStatus::from_code(&e.status) {
        Some(EventStatus::Cancelled) => "https://schema.org/EventCancelled",
        _ => "https://schema.org/EventScheduled",
    };
    let mode = match (e.online, e.city.is_some()) {
        (true, true) => "https://schema.org/MixedEventAttendanceMode",
        (true, false) => "https://schema.org/OnlineEventAttendanceMode",
        _ => "https://schema.org/OfflineEventAttendanceMode",
    };
    let mut location = Vec::new();
    if let Some(city) = &e.city {
        location.push(json!({
            "@type": "Place",
            "name": city,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": e.address,
                "addressLocality": city,
                "addressCountry": e.country_code,
            }
        }));
    }
    if e.online {
        location.push(json!({ "@type": "VirtualLocation", "url": url }));
    }
    let languages: Vec<String> = super::rules::languages(e);
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title.text(l),
        "url": url,
        "startDate": iso_at(e.starts_at, e),
        "endDate": iso_at(e.ends_at, e),
        "eventStatus": status,
        "eventAttendanceMode": mode,
        "location": location,
        "organizer": organisers.iter().map(|o| json!({
            "@type": "Organization",
            "name": o.name.text(l),
            "url": o.website,
        })).collect::<Vec<_>>(),
        "inLanguage": languages,
    });
    if let Some(s) = &e.summary {
        v["description"] = json!(s.text(l));
    }
    if let Some(c) = e.country_code.as_deref().and_then(|c| reference.country(c))
        && let Some(loc) = v["location"].get_mut(0)
    {
        loc["address"]["addressCountry"] = json!(c.code);
    }
    v.to_string().replace('<', "\\u003c")
}
