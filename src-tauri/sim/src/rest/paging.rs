//! `paging` and `navigation` objects for list responses.

use super::query::Query;
use crate::api_error::ApiError;
use serde_json::{json, Value};

/// Highest page number: the spec's paging models cap `page` at 1000, so deeper history is
/// reached with date windows or sync, as on RingCentral.
pub const MAX_PAGE: i64 = 1000;

/// A requested page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    /// 1-based page number.
    pub page: u64,
    /// Records per page.
    pub per_page: u64,
}

impl PageRequest {
    /// `page` and `perPage` from the query (`perPage` may also be `max` where allowed).
    pub fn from_query(
        q: &Query,
        default_per_page: u64,
        max_per_page: u64,
        allow_max: bool,
    ) -> Result<Self, ApiError> {
        let page = q.int("page", 1, MAX_PAGE)?.unwrap_or(1) as u64;
        let per_page = match q.one("perPage") {
            Some(v) if allow_max && (v == "max" || v == "all") => max_per_page,
            Some(v) => match v.parse::<i64>() {
                Ok(n) if n >= 1 => (n as u64).min(max_per_page),
                _ => return Err(ApiError::invalid_parameter("perPage", Some(v))),
            },
            None => default_per_page,
        };
        Ok(Self { page, per_page })
    }

    /// Records to skip.
    pub fn skip(&self) -> u64 {
        (self.page - 1).saturating_mul(self.per_page)
    }
}

/// The `paging` object for `count` records on this page out of `total`.
pub fn paging(req: PageRequest, count: usize, total: u64) -> Value {
    let mut v = json!({ "page": req.page, "perPage": req.per_page, "totalPages": total.div_ceil(req.per_page), "totalElements": total });
    if count > 0 {
        v["pageStart"] = json!(req.skip());
        v["pageEnd"] = json!(req.skip() + count as u64 - 1);
    }
    v
}

/// The `navigation` object: first/previous/next/last page URIs for `uri` (without query).
pub fn navigation(uri: &str, q: &Query, req: PageRequest, total: u64) -> Value {
    let last = total.div_ceil(req.per_page).max(1);
    let link = |page: u64| {
        let with_page = Query::parse(&q.with("page", &page.to_string()));
        json!({ "uri": format!("{uri}?{}", with_page.with("perPage", &req.per_page.to_string())) })
    };
    let mut v = json!({ "firstPage": link(1), "lastPage": link(last) });
    if req.page > 1 {
        v["previousPage"] = link((req.page - 1).min(last));
    }
    if req.page < last {
        v["nextPage"] = link(req.page + 1);
    }
    v
}
