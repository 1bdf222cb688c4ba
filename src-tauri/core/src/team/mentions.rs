//! Mentions the agent writes: the composer shows `@Ana Silva`, RingCentral takes
//! `![:Person](id)`. Only the people the agent picked from the completion become mentions; any
//! other `@` stays text.

use serde::Deserialize;

/// A person the agent picked to mention.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Mentioned {
    /// Their person id.
    pub id: String,
    /// The name the composer shows after `@`.
    pub name: String,
}

/// `text` with each `@name` of `mentioned` written as RingCentral's mention markup (longer
/// names first, so `@Ana Silva` is not taken for `@Ana`). Ids that could break the markup are
/// left as text.
pub fn with_mentions(text: &str, mentioned: &[Mentioned]) -> String {
    let mut picked: Vec<&Mentioned> = mentioned
        .iter()
        .filter(|m| {
            !m.name.trim().is_empty()
                && !m.id.is_empty()
                && m.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .collect();
    picked.sort_by_key(|m| std::cmp::Reverse(m.name.chars().count()));
    // Each name is replaced by a placeholder first, so one mention's markup is never read as
    // another's name.
    let mut out = text.to_string();
    let mut placed = Vec::new();
    for (i, person) in picked.iter().enumerate() {
        let placeholder = format!("\u{0}{i}\u{0}");
        let written = format!("@{}", person.name.trim());
        if out.contains(&written) {
            out = out.replace(&written, &placeholder);
            placed.push((placeholder, format!("![:Person]({})", person.id)));
        }
    }
    for (placeholder, markup) in placed {
        out = out.replace(&placeholder, &markup);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str) -> Mentioned {
        Mentioned {
            id: id.into(),
            name: name.into(),
        }
    }

    #[test]
    fn picked_names_become_markup_other_ats_stay_text() {
        let text = "@Ana Silva and @Ana, mail me@example.com or @Bo";
        let out = with_mentions(text, &[person("1", "Ana"), person("2", "Ana Silva")]);
        assert_eq!(
            out,
            "![:Person](2) and ![:Person](1), mail me@example.com or @Bo"
        );
        assert_eq!(
            with_mentions("hi @x", &[person("1) evil ![:Person](9", "x")]),
            "hi @x",
            "an id that would break the markup is refused"
        );
        assert_eq!(with_mentions("no mentions", &[]), "no mentions");
    }
}
