//! One simulated RingCentral operation: method, path, handler, rate-limit group, operation id
//! and access, together. Only [`crate::endpoints::ENDPOINTS`] makes them, and the router serves
//! each behind the gate with its own entry, so no route can lack a group or an access rule.

use crate::access::Access;
use crate::rate_limit::Group;
use crate::sim::Sim;
use axum::routing::{MethodFilter, MethodRouter};
use std::sync::Arc;

/// The HTTP methods the simulated API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    /// `GET` (axum answers `HEAD` with it too).
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
}

impl Verb {
    fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Put => "PUT",
            Verb::Patch => "PATCH",
            Verb::Delete => "DELETE",
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Verb::Get => MethodFilter::GET,
            Verb::Post => MethodFilter::POST,
            Verb::Put => MethodFilter::PUT,
            Verb::Patch => MethodFilter::PATCH,
            Verb::Delete => MethodFilter::DELETE,
        }
    }
}

/// Routes a handler for the given method (`|method| on(method, handler)`).
pub(crate) type Handler = fn(MethodFilter) -> MethodRouter<Arc<Sim>>;

/// One API operation.
#[derive(Clone, Copy, Debug)]
pub struct Endpoint {
    method: Verb,
    path: &'static str,
    handler: Handler,
    operation: &'static str,
    group: Group,
    access: Access,
}

impl Endpoint {
    /// An entry of the table; the handler is routed for `method` only.
    pub(crate) const fn new(
        method: Verb,
        path: &'static str,
        handler: Handler,
        operation: &'static str,
        group: Group,
        access: Access,
    ) -> Self {
        Self {
            method,
            path,
            handler,
            operation,
            group,
            access,
        }
    }

    /// HTTP method.
    pub fn method(&self) -> &'static str {
        self.method.as_str()
    }

    /// Path template as in the spec (and axum): `{param}` segments.
    pub fn path(&self) -> &'static str {
        self.path
    }

    /// The spec's `operationId`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// Rate-limit group.
    pub fn group(&self) -> Group {
        self.group
    }

    /// What a caller must present.
    pub fn access(&self) -> Access {
        self.access
    }

    /// The handler, routed for this endpoint's method only.
    pub(crate) fn route(&self) -> MethodRouter<Arc<Sim>> {
        (self.handler)(self.method.filter())
    }
}
