//! Serving the router over HTTP/1.1 with limits a slow or greedy client
//! cannot exhaust: a client has `header_timeout_secs` to send its headers
//! (an idle kept-alive connection is closed after as long), at most
//! `max_connections` are held open at once and at most
//! `max_connections_per_address` from one address. A connection over a limit
//! is closed as soon as it is accepted, so the node keeps answering others.
//! The whole-request time-out is a layer of the router (`app::router`).

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::config::Settings;

/// Open files kept for the database, the search index, uploads and logs
/// besides client connections.
const RESERVED_FILES: u64 = 256;

/// How long connections may take to finish once the node is asked to stop.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// The limits on clients' connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub header_timeout: Duration,
    pub max_connections: usize,
    /// 0: no limit per address.
    pub max_per_address: usize,
}

impl Limits {
    /// The limits the settings ask for.
    pub fn from_settings(s: &Settings) -> Limits {
        Limits {
            header_timeout: Duration::from_secs(s.header_timeout_secs.max(1)),
            max_connections: s.max_connections.max(1),
            max_per_address: s.max_connections_per_address,
        }
    }

    /// Keep `max_connections` below what the process may open: the soft
    /// limit on open files is first raised to the hard one.
    pub fn within_open_file_limit(mut self) -> Limits {
        let limit = match rlimit::increase_nofile_limit(u64::MAX) {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read or raise the open-file limit");
                return self;
            }
        };
        let room =
            usize::try_from(limit.saturating_sub(RESERVED_FILES).max(16)).unwrap_or(usize::MAX);
        if self.max_connections > room {
            tracing::warn!(
                max_connections = self.max_connections,
                open_file_limit = limit,
                using = room,
                "max_connections is above the open-file limit; lowered"
            );
            self.max_connections = room;
        }
        self
    }
}

/// The connections a node holds open, in total and per address.
#[derive(Debug, Default)]
pub struct Connections {
    state: Mutex<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    total: usize,
    per_address: HashMap<IpAddr, usize>,
    refused: u64,
}

/// One admitted connection; its place is given back when it is dropped.
#[derive(Debug)]
struct Slot {
    connections: Arc<Connections>,
    ip: IpAddr,
}

impl Connections {
    fn counts(&self) -> std::sync::MutexGuard<'_, Counts> {
        // The counts stay consistent even if a holder panicked.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Connections open now.
    pub fn open(&self) -> usize {
        self.counts().total
    }

    /// Connections closed at once because a limit was reached, since start.
    pub fn refused(&self) -> u64 {
        self.counts().refused
    }

    fn admit(self: &Arc<Self>, ip: IpAddr, limits: &Limits) -> Option<Slot> {
        let mut c = self.counts();
        let from_ip = c.per_address.get(&ip).copied().unwrap_or(0);
        if c.total >= limits.max_connections
            || (limits.max_per_address > 0 && from_ip >= limits.max_per_address)
        {
            c.refused += 1;
            return None;
        }
        c.total += 1;
        c.per_address.insert(ip, from_ip + 1);
        Some(Slot {
            connections: self.clone(),
            ip,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = self.connections.counts();
        c.total = c.total.saturating_sub(1);
        if let Some(n) = c.per_address.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                c.per_address.remove(&self.ip);
            }
        }
    }
}

/// The HTTP server of a node.
#[derive(Debug)]
pub struct Server {
    limits: Limits,
    connections: Arc<Connections>,
}

impl Server {
    pub fn new(limits: Limits) -> Server {
        Server {
            limits,
            connections: Arc::default(),
        }
    }

    /// The counts of this server's connections.
    pub fn connections(&self) -> Arc<Connections> {
        self.connections.clone()
    }

    /// Answer connections on `listener` until `shutdown` completes, then let
    /// the open ones finish (for at most 30 seconds). Handlers see the
    /// client's address as `ConnectInfo<SocketAddr>`.
    pub async fn run(
        self,
        listener: TcpListener,
        app: Router,
        shutdown: impl Future<Output = ()> + Send,
    ) -> std::io::Result<()> {
        // `stop` asks every connection to finish its request and close;
        // each holds a `done` receiver until it has.
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let (done_tx, done_rx) = tokio::sync::watch::channel(());
        let mut shutdown = pin!(shutdown);
        loop {
            let accepted = tokio::select! {
                a = listener.accept() => a,
                () = &mut shutdown => break,
            };
            let (stream, peer) = match accepted {
                Ok(a) => a,
                Err(e) if is_connection_error(&e) => continue,
                Err(e) => {
                    // Out of open files, most likely: wait rather than spin.
                    tracing::error!(error = %e, "accept error");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Some(slot) = self.connections.admit(peer.ip(), &self.limits) else {
                metrics::counter!("majlis_http_connections_refused_total").increment(1);
                tracing::debug!(%peer, "connection over the limit closed");
                drop(stream);
                continue;
            };
            let _ = stream.set_nodelay(true);
            let service = app.clone().map_request(move |mut req: Request<Incoming>| {
                req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
                req.map(Body::new)
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(self.limits.header_timeout)
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                .with_upgrades();
            let mut stop = stop_rx.clone();
            let done = done_rx.clone();
            tokio::spawn(async move {
                let mut conn = pin!(conn);
                let ended = tokio::select! {
                    r = conn.as_mut() => r,
                    () = async {
                        let _ = stop.wait_for(|s| *s).await;
                    } => {
                        conn.as_mut().graceful_shutdown();
                        conn.await
                    }
                };
                if let Err(e) = ended {
                    tracing::trace!(%peer, error = %e, "connection ended with an error");
                }
                drop(slot);
                drop(done);
            });
        }
        drop(listener);
        let _ = stop_tx.send(true);
        drop(done_rx);
        if tokio::time::timeout(SHUTDOWN_GRACE, done_tx.closed())
            .await
            .is_err()
        {
            tracing::warn!("connections still open after 30 seconds; stopping anyway");
        }
        Ok(())
    }
}

/// Errors of one connection (the client left before it was accepted), not of the listener.
fn is_connection_error(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionRefused | ConnectionAborted | ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_counted_per_address_and_given_back() {
        let limits = Limits {
            header_timeout: Duration::from_secs(1),
            max_connections: 3,
            max_per_address: 2,
        };
        let c = Arc::new(Connections::default());
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        let a1 = c.admit(a, &limits).unwrap();
        let _a2 = c.admit(a, &limits).unwrap();
        assert!(c.admit(a, &limits).is_none(), "third from one address");
        let _b1 = c.admit(b, &limits).unwrap();
        assert!(c.admit(b, &limits).is_none(), "over the total");
        assert_eq!((c.open(), c.refused()), (3, 2));
        drop(a1);
        assert_eq!(c.open(), 2);
        assert!(c.admit(a, &limits).is_some(), "a place was given back");
        let unlimited = Limits {
            max_per_address: 0,
            ..limits
        };
        let d = Arc::new(Connections::default());
        let held: Vec<_> = (0..3).map(|_| d.admit(a, &unlimited).unwrap()).collect();
        assert_eq!(held.len(), 3);
        assert!(d.admit(b, &unlimited).is_none());
    }
}
