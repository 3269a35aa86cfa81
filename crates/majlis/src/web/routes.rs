//! Building the router from a route table: every route is added through
//! [`Routes`], which records its method and path, so tests can enumerate every
//! route (the authorization matrix fails on a route it does not know).
//! Generic over the state, so `web` names no application type: the
//! application's table is `crate::app::Routes`.

use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post};

/// A method and a path template, e.g. `GET /municipalities/{slug}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RouteDef {
    pub method: Method,
    pub path: &'static str,
}

/// A router and the table of what it serves.
pub struct Routes<S> {
    router: Router<S>,
    table: Vec<RouteDef>,
}

impl<S: Clone + Send + Sync + 'static> Default for Routes<S> {
    fn default() -> Self {
        Routes::new()
    }
}

impl<S: Clone + Send + Sync + 'static> Routes<S> {
    pub fn new() -> Self {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    fn add(mut self, method: Method, path: &'static str, route: MethodRouter<S>) -> Self {
        self.table.push(RouteDef { method, path });
        self.router = self.router.route(path, route);
        self
    }

    pub fn get<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.add(Method::GET, path, get(handler))
    }

    pub fn post<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.add(Method::POST, path, post(handler))
    }

    /// A POST whose body is a multipart upload: axum's default body limit
    /// is lifted, because the file checks enforce the upload limit while
    /// streaming and every plain value is capped as it is read.
    pub fn post_upload<H, T>(self, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, S>,
        T: 'static,
    {
        self.add(
            Method::POST,
            path,
            post(handler).layer(axum::extract::DefaultBodyLimit::disable()),
        )
    }

    pub fn merge(mut self, other: Routes<S>) -> Self {
        self.router = self.router.merge(other.router);
        self.table.extend(other.table);
        self
    }

    pub fn table(&self) -> &[RouteDef] {
        &self.table
    }

    pub fn into_router(self) -> Router<S> {
        self.router
    }
}
