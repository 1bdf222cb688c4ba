//! The login and consent page served by `authorize`.

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page: who signs in, what the app may do, and Allow / Deny buttons that post the
/// original parameters back to `/restapi/oauth/authorize` with `sim_consent`.
pub fn consent(params: &[(String, String)], user: &str, email: &str, company: &str) -> String {
    let hidden: String = params
        .iter()
        .filter(|(k, _)| k != "sim_consent")
        .map(|(k, v)| {
            format!(
                r#"<input type="hidden" name="{}" value="{}">"#,
                escape(k),
                escape(v)
            )
        })
        .collect::<Vec<_>>()
        .join("\n      ");
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in · RingCentral simulator</title>
  <style>
    body {{ font-family: system-ui, sans-serif; background: #f4f6f8; margin: 0; display: grid; place-items: center; min-height: 100vh; }}
    main {{ background: #fff; border-radius: 12px; box-shadow: 0 2px 12px #0002; padding: 2rem; max-width: 26rem; }}
    h1 {{ font-size: 1.3rem; margin-top: 0; }}
    .badge {{ display: inline-block; background: #ff8800; color: #fff; border-radius: 4px; padding: 0 .4rem; font-size: .8rem; }}
    ul {{ padding-left: 1.2rem; }}
    .actions {{ display: flex; gap: .75rem; margin-top: 1.5rem; }}
    button {{ flex: 1; font-size: 1rem; padding: .6rem; border-radius: 6px; border: 1px solid #0066cc; cursor: pointer; }}
    button[value=allow] {{ background: #0066cc; color: #fff; }}
    button[value=deny] {{ background: #fff; color: #0066cc; }}
  </style>
</head>
<body>
  <main>
    <span class="badge">Simulator</span>
    <h1>Sign in to RingCentral</h1>
    <p>Signed in as <strong>{user}</strong> ({email}), {company}.</p>
    <p>The app <strong>ringdesk</strong> asks to:</p>
    <ul>
      <li>read your extension, numbers and presence</li>
      <li>place RingOut calls and send SMS</li>
      <li>read and change your messages, call log and contacts</li>
    </ul>
    <form method="post" action="/restapi/oauth/authorize">
      {hidden}
      <div class="actions">
        <button type="submit" name="sim_consent" value="deny">Deny</button>
        <button type="submit" name="sim_consent" value="allow" autofocus>Allow</button>
      </div>
    </form>
  </main>
</body>
</html>
"#,
        user = escape(user),
        email = escape(email),
        company = escape(company),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_escaped_into_hidden_fields() {
        let page = consent(
            &[("state".into(), r#""><script>x</script>"#.into())],
            "Jordan",
            "j@example.com",
            "Acme",
        );
        assert!(!page.contains("<script>x"), "state cannot inject markup");
        assert!(
            page.contains("&quot;&gt;&lt;script&gt;"),
            "it is escaped instead"
        );
    }
}
