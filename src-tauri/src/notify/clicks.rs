//! What a click on a notification, or one of its buttons, asks for.

use crate::window::Navigate;

use super::{ABOUT, CALL_BACK, CHAT, CONTACT, NUMBER, TEXT_BACK};

/// What a performed notification action asks for.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Act {
    /// Bring the window forward there.
    Open(Navigate),
    /// Call this number back (per the link action).
    CallBack(String),
}

/// What the action `action_id` on a notification with these extras asks for.
pub(super) fn act(
    action_id: &str,
    extra: &std::collections::HashMap<String, serde_json::Value>,
) -> Option<Act> {
    let number = || {
        extra
            .get(NUMBER)
            .and_then(|n| n.as_str())
            .map(str::to_string)
    };
    let about = extra.get(ABOUT).and_then(|a| a.as_str());
    match action_id {
        // A follow-up's reminder is clicked to make the promised call.
        "tap" if about == Some("follow-up") => number().map(Act::CallBack),
        "tap" => Some(Act::Open(destination(extra))),
        CALL_BACK => number().map(Act::CallBack),
        TEXT_BACK => Some(Act::Open(Navigate {
            view: "messages",
            number: Some(number()?),
            contact: None,
            chat: None,
        })),
        _ => None,
    }
}

/// Where a click on a notification with these extras goes.
fn destination(extra: &std::collections::HashMap<String, serde_json::Value>) -> Navigate {
    let number = extra
        .get(NUMBER)
        .and_then(|n| n.as_str())
        .map(str::to_string);
    match extra.get(ABOUT).and_then(|a| a.as_str()) {
        Some("incoming") => Navigate {
            view: "contacts",
            contact: extra.get(CONTACT).and_then(serde_json::Value::as_i64),
            number,
            chat: None,
        },
        Some("chat") => Navigate {
            view: "chats",
            chat: extra.get(CHAT).and_then(|c| c.as_str()).map(str::to_string),
            ..Navigate::default()
        },
        Some("missed") => Navigate {
            view: "history",
            number: None,
            contact: None,
            chat: None,
        },
        _ => Navigate {
            view: "messages",
            number,
            contact: None,
            chat: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_opens_what_the_notification_is_about() {
        let extra = |pairs: &[(&str, serde_json::Value)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect::<std::collections::HashMap<_, _>>()
        };
        let number = serde_json::json!("+14155550188");
        let incoming = destination(&extra(&[
            (NUMBER, number.clone()),
            (ABOUT, "incoming".into()),
            (CONTACT, 7.into()),
        ]));
        assert_eq!((incoming.view, incoming.contact), ("contacts", Some(7)));
        let missed = destination(&extra(&[
            (NUMBER, number.clone()),
            (ABOUT, "missed".into()),
        ]));
        assert_eq!(missed.view, "history");
        let text = destination(&extra(&[(NUMBER, number.clone())]));
        assert_eq!(
            (text.view, text.number.as_deref()),
            ("messages", Some("+14155550188"))
        );
        let chat = destination(&extra(&[(ABOUT, "chat".into()), (CHAT, "77".into())]));
        assert_eq!((chat.view, chat.chat.as_deref()), ("chats", Some("77")));
    }

    #[test]
    fn a_missed_calls_buttons_call_back_and_open_the_conversation() {
        let extra: std::collections::HashMap<String, serde_json::Value> = [
            (NUMBER.to_owned(), serde_json::json!("+14155550188")),
            (ABOUT.to_owned(), serde_json::json!("missed")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            act(CALL_BACK, &extra),
            Some(Act::CallBack("+14155550188".into()))
        );
        assert_eq!(
            act(TEXT_BACK, &extra),
            Some(Act::Open(Navigate {
                view: "messages",
                number: Some("+14155550188".into()),
                contact: None,
                chat: None,
            }))
        );
        assert!(
            matches!(
                act("tap", &extra),
                Some(Act::Open(Navigate {
                    view: "history",
                    ..
                }))
            ),
            "a click on the notification itself opens History"
        );
        let follow_up: std::collections::HashMap<String, serde_json::Value> = [
            (NUMBER.to_owned(), serde_json::json!("+14155550188")),
            (ABOUT.to_owned(), serde_json::json!("follow-up")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            act("tap", &follow_up),
            Some(Act::CallBack("+14155550188".into())),
            "a follow-up's reminder calls back"
        );
        assert_eq!(act("dismissed", &extra), None);
        assert_eq!(
            act(CALL_BACK, &Default::default()),
            None,
            "no number, no call"
        );
    }
}
