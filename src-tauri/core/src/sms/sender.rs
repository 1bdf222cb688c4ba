//! Which of the agent's numbers a text goes out from: the one asked for, else the primary
//! `SmsSender` number, else the first one that can text.

use crate::api::models::PhoneNumber;
use crate::api::phone_numbers::list_phone_numbers;
use crate::api::Client;

use super::SmsError;

/// The sender: `preferred` if given (RingCentral checks it), else the primary `SmsSender` number,
/// else the first one.
pub async fn choose_sender(client: &Client, preferred: Option<&str>) -> Result<String, SmsError> {
    if let Some(number) = preferred {
        return Ok(number.to_string());
    }
    let numbers = list_phone_numbers(client).await?;
    pick_sender(&numbers).ok_or(SmsError::NoSender)
}

/// The best `SmsSender` number of a list.
pub fn pick_sender(numbers: &[PhoneNumber]) -> Option<String> {
    let senders = || numbers.iter().filter(|n| n.has("SmsSender"));
    senders()
        .find(|n| n.primary)
        .or_else(|| senders().next())
        .map(|n| n.phone_number.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primary_sms_number_is_preferred() {
        let number = |phone: &str, features: &[&str], primary: bool| PhoneNumber {
            phone_number: phone.into(),
            features: features.iter().map(|f| f.to_string()).collect(),
            primary,
            ..Default::default()
        };
        let numbers = [
            number("+16505550100", &["CallerId"], false),
            number("+16505550102", &["SmsSender"], false),
            number("+16505550101", &["CallerId", "SmsSender"], true),
        ];
        assert_eq!(pick_sender(&numbers).as_deref(), Some("+16505550101"));
        assert_eq!(
            pick_sender(&numbers[..1]),
            None,
            "a caller-ID-only number cannot text"
        );
    }
}
