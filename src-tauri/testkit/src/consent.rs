//! The browser's part of an OAuth sign-in against the simulator: open the authorize address,
//! read the consent form's hidden fields, press Allow (or Deny), and return where the browser
//! is sent.

use crate::http::no_redirects;

/// The simulator's login and consent page, as a browser shows it.
#[derive(Debug)]
pub struct ConsentPage {
    browser: reqwest::Client,
    action: String,
    fields: Vec<(String, String)>,
}

impl ConsentPage {
    /// Opens `authorize_url`; panics unless the page is shown.
    pub async fn open(authorize_url: &str) -> Self {
        let browser = no_redirects();
        let page = browser
            .get(authorize_url)
            .send()
            .await
            .expect("authorize page");
        assert_eq!(page.status(), 200, "the login and consent page is shown");
        let html = page.text().await.expect("html");
        let fields = html
            .split("<input type=\"hidden\" ")
            .skip(1)
            .filter_map(|input| {
                let name = input.split("name=\"").nth(1)?.split('"').next()?;
                let value = input.split("value=\"").nth(1)?.split('"').next()?;
                Some((unescape(name), unescape(value)))
            })
            .collect();
        let action = authorize_url.split('?').next().expect("base").to_owned();
        Self {
            browser,
            action,
            fields,
        }
    }

    /// The form's hidden fields (the authorize request's parameters), in page order.
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// Submits the form with `answer` (`allow` or `deny`); returns the redirect's `Location`.
    pub async fn answer(&self, answer: &str) -> String {
        let mut form = self.fields.clone();
        form.push(("sim_consent".into(), answer.into()));
        let redirect = self
            .browser
            .post(&self.action)
            .form(&form)
            .send()
            .await
            .expect("consent posts");
        assert_eq!(redirect.status(), 302, "consent redirects to the app");
        redirect.headers()["location"]
            .to_str()
            .expect("ascii")
            .to_string()
    }
}

/// What a person does in the browser: open the page, press Allow; returns the redirect
/// (`ringdesk://oauth/callback?code=…&state=…`).
pub async fn allow(authorize_url: &str) -> String {
    ConsentPage::open(authorize_url).await.answer("allow").await
}

/// The HTML entities the page escapes attribute values with, decoded.
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
