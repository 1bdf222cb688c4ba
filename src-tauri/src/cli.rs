//! The command line: `ringdesk [--profile NAME] [--demo] [LINK]`.

use clap::Parser;

/// ringdesk — click-to-call and SMS for RingCentral.
///
/// With no arguments, opens the window. With a tel:, callto:, sms: or ringdesk:// link,
/// hands the link to the running window (or starts one).
#[derive(Debug, Parser)]
#[command(name = "ringdesk", version)]
pub struct Cli {
    /// The profile (RingCentral account) to use.
    #[arg(long, global = true, env = "RINGDESK_PROFILE", default_value = ringdesk_core::config::DEFAULT_PROFILE)]
    pub profile: String,

    /// Use the built-in RingCentral simulator instead of a real account.
    #[arg(long, global = true)]
    pub demo: bool,

    /// Start hidden in the tray (for start at login).
    #[arg(long)]
    pub minimized: bool,

    /// A tel:, callto:, sms: or ringdesk:// link to open.
    #[arg(value_name = "LINK")]
    pub link: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_link_is_a_positional_argument() {
        let cli = Cli::try_parse_from(["ringdesk", "--demo", "tel:+16505550100"]).expect("parses");
        assert_eq!(cli.link.as_deref(), Some("tel:+16505550100"));
        assert!(cli.demo);
        assert_eq!(
            cli.profile, "default",
            "no --profile means the default profile"
        );
    }
}
