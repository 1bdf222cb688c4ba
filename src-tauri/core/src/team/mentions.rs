//! Mentions the agent writes: the composer shows `@Ana Silva`, RingCentral takes
//! `![:Person](id)` (`![:Team](id)` for a whole team). Only the people (or teams) the agent
//! picked become mentions, and only where their `@name` stands as a whole name — `@Ana` in
//! `@Anabel` is not Ana; any other `@` stays text.

use serde::Deserialize;

/// Someone (or a team) the agent picked to mention.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Mentioned {
    /// Their person id (a team's chat id).
    pub id: String,
    /// The name the composer shows after `@`.
    pub name: String,
    /// `Person` (when absent) or `Team`.
    #[serde(default)]
    pub kind: Option<String>,
}

impl Mentioned {
    /// A person to mention.
    pub fn person(id: &str, name: &str) -> Self {
        Self {
            id: id.to_string(),
            name: name.to_string(),
            kind: None,
        }
    }

    /// The markup RingCentral takes, or `None` for an id or kind that could break it.
    fn markup(&self) -> Option<String> {
        let kind = match self.kind.as_deref() {
            None | Some("Person") => "Person",
            Some("Team") => "Team",
            Some(_) => return None,
        };
        let safe = !self.id.is_empty()
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        safe.then(|| format!("![:{kind}]({})", self.id))
    }
}

/// `text` with each `@name` of `mentioned` written as RingCentral's mention markup where it
/// stands as a whole name (longer names first, so `@Ana Silva` is not taken for `@Ana`).
pub fn with_mentions(text: &str, mentioned: &[Mentioned]) -> String {
    let mut picked: Vec<(String, String)> = mentioned
        .iter()
        .filter(|m| !m.name.trim().is_empty())
        .filter_map(|m| Some((format!("@{}", m.name.trim()), m.markup()?)))
        .collect();
    picked.sort_by_key(|(written, _)| std::cmp::Reverse(written.chars().count()));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'text: while !rest.is_empty() {
        for (written, markup) in &picked {
            if let Some(after) = rest.strip_prefix(written.as_str()) {
                if !after.chars().next().is_some_and(continues_a_name) {
                    out.push_str(markup);
                    rest = after;
                    continue 'text;
                }
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// Whether `c` right after `@name` makes it part of a longer name (a letter, a digit).
fn continues_a_name(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picked_names_become_markup_other_ats_stay_text() {
        let text = "@Ana Silva and @Ana, mail me@example.com or @Bo";
        let out = with_mentions(
            text,
            &[
                Mentioned::person("1", "Ana"),
                Mentioned::person("2", "Ana Silva"),
            ],
        );
        assert_eq!(
            out,
            "![:Person](2) and ![:Person](1), mail me@example.com or @Bo"
        );
        assert_eq!(
            with_mentions("@Ana ask @Anabel", &[Mentioned::person("1", "Ana")]),
            "![:Person](1) ask @Anabel",
            "a longer name is not the one picked"
        );
        assert_eq!(
            with_mentions("hi @x", &[Mentioned::person("1) evil ![:Person](9", "x")]),
            "hi @x",
            "an id that would break the markup is refused"
        );
        let team = Mentioned {
            kind: Some("Team".into()),
            ..Mentioned::person("55", "Support")
        };
        assert_eq!(with_mentions("@Support look", &[team]), "![:Team](55) look");
        let odd = Mentioned {
            kind: Some("File".into()),
            ..Mentioned::person("55", "doc")
        };
        assert_eq!(
            with_mentions("@doc", &[odd]),
            "@doc",
            "only people and teams"
        );
        assert_eq!(with_mentions("no mentions", &[]), "no mentions");
    }
}
