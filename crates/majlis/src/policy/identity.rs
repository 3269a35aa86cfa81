//! Who is asking, and from where, as plain facts. The session middleware
//! (accounts' logic) resolves the session cookie and leaves a [`SignedIn`]
//! (or a [`PendingSession`]) in the request; the extractors of `web` and
//! every activity read them from there, without knowing accounts' records.

use super::Actor;

/// The signed-in person of a request: who they are, their session, and how
/// the policy sees them.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub person_id: i32,
    pub display_name: String,
    pub session_id: i64,
    /// The session's anti-forgery token, which its forms must carry.
    pub csrf_token: String,
    /// Municipalities the person is affiliated with (focal point or not).
    pub municipalities: Vec<i32>,
    /// The person as the policy sees them (staff without a second factor
    /// act as members).
    pub actor: Actor,
    /// Notifications the person has not read (the header shows the count).
    pub unread_notifications: i32,
    /// The person's own time zone (IANA name), if chosen.
    pub time_zone: Option<String>,
}

impl SignedIn {
    /// The person as the policy sees them.
    pub fn actor(&self) -> Actor {
        self.actor.clone()
    }
}

/// A session half-way through signing in: the password was right, the
/// second factor is still to come. It signs nobody in; its forms carry its
/// anti-forgery token.
#[derive(Clone, Debug)]
pub struct PendingSession {
    pub csrf_token: String,
}

/// Where a request comes from.
#[derive(Clone, Debug)]
pub struct Client {
    pub ip: String,
    pub user_agent: String,
}
