//! SMS templates: the company's (read by every user) and the user's own (at most 25, names
//! unique per user), as `…/message-store-templates` serves them.

/// Whose template it is (`VisibilityType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The account's, for everyone.
    Company,
    /// The user's own.
    Personal,
}

impl Scope {
    /// The spec's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Company => "Company",
            Scope::Personal => "Personal",
        }
    }
}

/// One template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// String id.
    pub id: String,
    /// `displayName`.
    pub name: String,
    /// `body.text`.
    pub text: String,
    /// Whose.
    pub scope: Scope,
}

/// Why a template cannot be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Another personal template has that name.
    NameTaken,
    /// 25 personal templates already.
    TooMany,
}

/// The most personal templates a user may keep.
pub const MOST_PERSONAL: usize = 25;

/// The templates of the account and its user.
#[derive(Debug)]
pub struct Templates {
    all: Vec<Template>,
    next_id: u64,
}

impl Templates {
    /// Two company templates, as an account that uses Business SMS has.
    pub fn seeded() -> Self {
        let company = |id: &str, name: &str, text: &str| Template {
            id: id.to_owned(),
            name: name.to_owned(),
            text: text.to_owned(),
            scope: Scope::Company,
        };
        Self {
            all: vec![
                company(
                    "1001",
                    "Appointment reminder",
                    "Hi, this is a reminder of your appointment tomorrow. Reply C to confirm.",
                ),
                company(
                    "1002",
                    "Thanks for calling",
                    "Thanks for calling us today. Reply to this text if you have any questions.",
                ),
            ],
            next_id: 2000,
        }
    }

    /// The templates of `scope` (both when `None`), company ones first.
    pub fn list(&self, scope: Option<Scope>) -> Vec<&Template> {
        let mut found: Vec<&Template> = self
            .all
            .iter()
            .filter(|t| scope.is_none_or(|s| s == t.scope))
            .collect();
        found.sort_by_key(|t| t.scope == Scope::Personal);
        found
    }

    /// A template by id, if it is of `scope`.
    pub fn get(&self, id: &str, scope: Scope) -> Option<&Template> {
        self.all.iter().find(|t| t.id == id && t.scope == scope)
    }

    /// Adds a personal template.
    pub fn create(&mut self, name: &str, text: &str) -> Result<Template, Refusal> {
        self.check_name(name, None)?;
        if self.list(Some(Scope::Personal)).len() >= MOST_PERSONAL {
            return Err(Refusal::TooMany);
        }
        self.next_id += 1;
        let template = Template {
            id: self.next_id.to_string(),
            name: name.to_owned(),
            text: text.to_owned(),
            scope: Scope::Personal,
        };
        self.all.push(template.clone());
        Ok(template)
    }

    /// Replaces a personal template's name and text; `None` when there is no such template.
    pub fn update(
        &mut self,
        id: &str,
        name: &str,
        text: &str,
    ) -> Option<Result<Template, Refusal>> {
        self.get(id, Scope::Personal)?;
        if let Err(refusal) = self.check_name(name, Some(id)) {
            return Some(Err(refusal));
        }
        let template = self
            .all
            .iter_mut()
            .find(|t| t.id == id && t.scope == Scope::Personal)?;
        template.name = name.to_owned();
        template.text = text.to_owned();
        Some(Ok(template.clone()))
    }

    /// Deletes a personal template; whether it existed.
    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.all.len();
        self.all
            .retain(|t| !(t.id == id && t.scope == Scope::Personal));
        self.all.len() != before
    }

    fn check_name(&self, name: &str, except: Option<&str>) -> Result<(), Refusal> {
        let taken = self
            .all
            .iter()
            .any(|t| t.scope == Scope::Personal && Some(t.id.as_str()) != except && t.name == name);
        if taken {
            Err(Refusal::NameTaken)
        } else {
            Ok(())
        }
    }
}
