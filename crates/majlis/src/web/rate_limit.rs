//! Rate limits of the JSON API (`/api/`), kept by each node in memory
//! (`governor`, GCRA): a request with `Authorization: Bearer …` counts
//! against its token, any other against its address (as [`client_ip`] sees
//! it). A quota of N a minute allows a burst of N and then one request every
//! 60/N seconds. With several nodes each keeps its own count, so the
//! network-wide limit is the per-node one times the nodes.
//!
//! Every answer carries the quota and what is left of it, in the fields of
//! the IETF draft "RateLimit header fields for HTTP"
//! (`RateLimit-Policy: "token";q=1200;w=60` and `RateLimit: "token";r=1199;t=1`,
//! `t` being the seconds until the quota is whole again). A request over the
//! limit is answered 429 with `Retry-After` (whole seconds) before any other
//! work, the database included.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use sha2::{Digest, Sha256};

use super::ErrorInfo;
use super::extract::client_ip;
use crate::config::Settings;
use crate::i18n::Locale;

type Limiter =
    RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock, StateInformationMiddleware>;

/// One kind of caller's quota and the counts kept under it.
struct Policy {
    name: &'static str,
    per_minute: u32,
    limiter: Limiter,
}

impl Policy {
    fn new(name: &'static str, per_minute: u32) -> Option<Policy> {
        let n = NonZeroU32::new(per_minute)?;
        Some(Policy {
            name,
            per_minute,
            limiter: RateLimiter::hashmap(Quota::per_minute(n))
                .with_middleware::<StateInformationMiddleware>(),
        })
    }

    /// Seconds until `remaining` has grown back to the whole quota.
    fn whole_again(&self, remaining: u32) -> u64 {
        let missing = u64::from(self.per_minute.saturating_sub(remaining));
        (missing * 60).div_ceil(u64::from(self.per_minute))
    }
}

/// What a check decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Decision {
    /// Not limited (not the API, or no quota set).
    Free,
    /// Within the quota: the policy's headers to add.
    Allowed { headers: Vec<(HeaderName, String)> },
    /// Over it: wait this many whole seconds.
    Refused {
        retry_after: u64,
        headers: Vec<(HeaderName, String)>,
    },
}

/// The API's limits on this node.
pub struct ApiLimits {
    token: Option<Policy>,
    address: Option<Policy>,
    checks: AtomicU64,
}

/// Forget callers idle long enough to have their whole quota back, every
/// this many checks (the maps would otherwise keep every address seen).
const SWEEP_EVERY: u64 = 4096;

const RATELIMIT: HeaderName = HeaderName::from_static("ratelimit");
const RATELIMIT_POLICY: HeaderName = HeaderName::from_static("ratelimit-policy");

impl ApiLimits {
    pub fn new(settings: &Settings) -> ApiLimits {
        ApiLimits {
            token: Policy::new("token", settings.api_token_per_minute),
            address: Policy::new("address", settings.api_address_per_minute),
            checks: AtomicU64::new(0),
        }
    }

    /// Count one request of a caller: by the token when it has one, else by
    /// its address.
    pub fn check(&self, token: Option<&str>, address: &str) -> Decision {
        let (policy, key) = match token {
            Some(t) => (&self.token, format!("{:x}", Sha256::digest(t.as_bytes()))),
            None => (&self.address, address.to_owned()),
        };
        let Some(policy) = policy else {
            return Decision::Free;
        };
        if self.checks.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            // Both maps: a quiet one would otherwise never be swept.
            for p in [&self.token, &self.address].into_iter().flatten() {
                p.limiter.retain_recent();
                p.limiter.shrink_to_fit();
            }
        }
        let policy_header = (
            RATELIMIT_POLICY,
            format!("\"{}\";q={};w=60", policy.name, policy.per_minute),
        );
        match policy.limiter.check_key(&key) {
            Ok(state) => {
                let r = state.remaining_burst_capacity();
                Decision::Allowed {
                    headers: vec![
                        policy_header,
                        (
                            RATELIMIT,
                            format!("\"{}\";r={r};t={}", policy.name, policy.whole_again(r)),
                        ),
                    ],
                }
            }
            Err(not_until) => {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                let retry_after = seconds_up(wait);
                Decision::Refused {
                    retry_after,
                    headers: vec![
                        policy_header,
                        (
                            RATELIMIT,
                            format!("\"{}\";r=0;t={retry_after}", policy.name),
                        ),
                    ],
                }
            }
        }
    }
}

fn seconds_up(d: Duration) -> u64 {
    let s = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    s.max(1)
}

fn add_headers(res: &mut Response, headers: Vec<(HeaderName, String)>) {
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            res.headers_mut().insert(name, v);
        }
    }
}

/// The middleware: limits requests under `/api/`, leaves the rest alone.
pub async fn limit_api(
    State((limits, settings)): State<(Arc<ApiLimits>, Arc<Settings>)>,
    req: Request,
    next: Next,
) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let address = client_ip(&settings, req.extensions(), req.headers());
    match limits.check(token, &address) {
        Decision::Free => next.run(req).await,
        Decision::Allowed { headers } => {
            let mut res = next.run(req).await;
            add_headers(&mut res, headers);
            res
        }
        Decision::Refused {
            retry_after,
            headers,
        } => {
            let locale = req
                .extensions()
                .get::<Locale>()
                .copied()
                .unwrap_or_default();
            let info = ErrorInfo {
                code: "too-many-requests",
                field: None,
            };
            let mut res = super::error_response(
                locale,
                req.uri(),
                None,
                &info,
                StatusCode::TOO_MANY_REQUESTS,
            );
            add_headers(&mut res, headers);
            add_headers(
                &mut res,
                vec![(header::RETRY_AFTER, retry_after.to_string())],
            );
            res
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(token: u32, address: u32) -> ApiLimits {
        ApiLimits::new(&Settings {
            api_token_per_minute: token,
            api_address_per_minute: address,
            ..Settings::default()
        })
    }

    fn remaining(d: &Decision) -> Option<String> {
        match d {
            Decision::Allowed { headers } => headers
                .iter()
                .find(|(n, _)| *n == RATELIMIT)
                .map(|(_, v)| v.clone()),
            _ => None,
        }
    }

    #[test]
    fn a_burst_of_the_quota_then_refused_with_a_wait() {
        let l = limits(0, 3);
        assert_eq!(
            remaining(&l.check(None, "10.0.0.1")).as_deref(),
            Some("\"address\";r=2;t=20")
        );
        assert_eq!(
            remaining(&l.check(None, "10.0.0.1")).as_deref(),
            Some("\"address\";r=1;t=40")
        );
        assert_eq!(
            remaining(&l.check(None, "10.0.0.1")).as_deref(),
            Some("\"address\";r=0;t=60")
        );
        match l.check(None, "10.0.0.1") {
            Decision::Refused { retry_after, .. } => assert!((1..=20).contains(&retry_after)),
            other => panic!("{other:?}"),
        }
        // Another address has its own quota.
        assert!(matches!(
            l.check(None, "10.0.0.2"),
            Decision::Allowed { .. }
        ));
        // No token quota set: tokens are not limited.
        assert_eq!(l.check(Some("majlis_x"), "10.0.0.1"), Decision::Free);
    }

    #[test]
    fn tokens_count_apart_from_addresses() {
        let l = limits(2, 1);
        assert!(matches!(l.check(None, "a"), Decision::Allowed { .. }));
        assert!(matches!(l.check(None, "a"), Decision::Refused { .. }));
        for _ in 0..2 {
            assert!(matches!(l.check(Some("t1"), "a"), Decision::Allowed { .. }));
        }
        assert!(matches!(l.check(Some("t1"), "a"), Decision::Refused { .. }));
        assert!(matches!(l.check(Some("t2"), "a"), Decision::Allowed { .. }));
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(seconds_up(Duration::from_millis(1)), 1);
        assert_eq!(seconds_up(Duration::from_millis(1500)), 2);
        assert_eq!(seconds_up(Duration::from_secs(3)), 3);
        assert_eq!(seconds_up(Duration::ZERO), 1);
    }
}
