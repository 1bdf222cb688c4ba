//! Every assumption the SuiteDash connector makes about the Secure API, in one place.
//!
//! SuiteDash is closed source and its live Swagger page could not be read. Only the base URL,
//! the two auth headers and the monthly quotas come from SuiteDash's own help article; the rest
//! comes from third-party integrations (Pipedream, Fivetran, an MCP server, Make.com) as digested
//! in `docs/ringcentral/NEXT-APIS.md` §5. [`UNVERIFIED`] lists what has not been checked against a
//! live account; the README repeats it (a test keeps the two in step).

/// The header carrying the account's Public ID. (SuiteDash help; Pipedream, Fivetran.)
pub const PUBLIC_ID_HEADER: &str = "X-Public-ID";
/// The header carrying a secret key. (SuiteDash help; Pipedream, Fivetran.)
pub const SECRET_KEY_HEADER: &str = "X-Secret-Key";

/// Lists contacts, `?page=N` from 1. (Pipedream, Fivetran: unverified.)
pub const CONTACTS_PATH: &str = "/contacts";
/// Lists companies, `?page=N` from 1. (Pipedream, Fivetran: unverified.)
pub const COMPANIES_PATH: &str = "/companies";
/// Creates a contact (POST). (Pipedream, MCP: unverified.)
pub const CREATE_CONTACT_PATH: &str = "/contact";
/// Updates a contact (PUT `/contact/{uid}`): only the fields sent change; `tags` is replaced
/// whole. (MCP only: unverified.)
pub const UPDATE_CONTACT_PATH: &str = "/contact/";
/// The page query parameter, 1-based. (Pipedream, Fivetran: unverified.)
pub const PAGE_PARAM: &str = "page";
/// The role a contact created from a call or text gets: a Lead needs no e-mail address.
/// (Pipedream, MCP: unverified.)
pub const NEW_CONTACT_ROLE: &str = "Lead";
/// The phone fields a contact or company carries; every one is matched. (Fivetran: unverified.)
pub const PHONE_FIELDS: [(&str, &str); 4] = [
    ("phone", "phone"),
    ("work_phone", "work"),
    ("home_phone", "home"),
    ("shop_phone", "shop"),
];
/// The most pages one pull reads per list (a guard against a server that never ends).
pub const MOST_PAGES: u32 = 1_000;

/// What is assumed and not verified against a live SuiteDash account: `(topic, assumption)`.
pub const UNVERIFIED: [(&str, &str); 8] = [
    (
        "list endpoints",
        "GET /contacts and GET /companies, 1-based ?page=N",
    ),
    (
        "list envelope",
        "{success, message?, data: [...], meta: {pagination: {totalPages, currentPageNumber, nextPage}}}",
    ),
    (
        "record fields",
        "uid, first_name, last_name, email, phone, work_phone, home_phone, shop_phone, tags, companies[{uid, name}] (contacts); uid, name and the same phone fields (companies)",
    ),
    (
        "create contact",
        "POST /contact {first_name, last_name, role: \"Lead\", send_welcome_email: false, phone, email?, company_name?, tags?} answers {success, data: {uid}}",
    ),
    (
        "update tags",
        "PUT /contact/{uid} {tags: [...]} replaces the tags",
    ),
    (
        "errors",
        "an error answers a non-2xx status and/or {success: false, message}; no 429 or Retry-After is documented",
    ),
    (
        "quota",
        "every request counts against the monthly quota, successful or not; SuiteDash does not report what is left",
    ),
    (
        "account",
        "no endpoint names the account: Test connection shows the Public ID and the contact count",
    ),
];
