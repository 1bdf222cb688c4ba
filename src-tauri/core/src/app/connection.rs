//! A profile, connected: the client, its session and (in demo mode) the simulator behind it.
//! This is what the window and the command line hold.

use std::sync::Arc;

use crate::api::extension::read_extension;
use crate::api::{Client, ClientOptions, Transport};
use crate::auth::{OAuthApp, Session, REDIRECT_URI};
use crate::config::{Environment, Profile};
use crate::demo::Demo;
use crate::keychain::{MemoryStore, TokenStore};
use crate::phone::Country;
use crate::secret::Secret;

use super::Error;

/// A connected profile.
#[derive(Debug)]
pub struct Connection {
    profile: Profile,
    client: Client,
    session: Arc<Session>,
    demo: Option<Demo>,
}

impl Connection {
    /// Connects `profile` to an already started demo simulator.
    pub async fn open_demo(
        profile: &Profile,
        demo: Demo,
        options: ClientOptions,
    ) -> Result<Self, Error> {
        let credentials = demo.credentials().clone();
        let app = OAuthApp {
            server: credentials.server_url.clone(),
            client_id: credentials.client_id.clone(),
            client_secret: Some(Secret::new(credentials.client_secret.clone())),
            redirect_uri: REDIRECT_URI.into(),
        };
        let transport = Arc::new(Transport::new(&app.server, options)?);
        let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::default());
        let session =
            Arc::new(Session::open(&profile.name, app, transport.clone(), store, None).await?);
        session
            .sign_in_with_jwt(&Secret::new(credentials.jwt), false)
            .await?;
        Ok(Self {
            profile: profile.clone(),
            client: Client::new(transport, session.clone()),
            session,
            demo: Some(demo),
        })
    }

    /// Connects `profile` to RingCentral with its tokens from `store` (the keychain); signed
    /// out when there are none.
    pub async fn open_live(
        profile: &Profile,
        env: &Environment,
        store: Arc<dyn TokenStore>,
        options: ClientOptions,
    ) -> Result<Self, Error> {
        let client_id = profile
            .client_id
            .clone()
            .ok_or_else(|| Error::NotConfigured {
                profile: profile.name.clone(),
            })?;
        let app = OAuthApp {
            server: profile.server.url().to_string(),
            client_id,
            client_secret: env.get("RINGCENTRAL_CLIENT_SECRET").map(Secret::new),
            redirect_uri: REDIRECT_URI.into(),
        };
        let jwt = env.get("RINGCENTRAL_JWT").map(Secret::new);
        let transport = Arc::new(Transport::new(&app.server, options)?);
        let session =
            Arc::new(Session::open(&profile.name, app, transport.clone(), store, jwt).await?);
        Ok(Self {
            profile: profile.clone(),
            client: Client::new(transport, session.clone()),
            session,
            demo: None,
        })
    }

    /// The client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The session.
    pub fn session(&self) -> &Arc<Session> {
        &self.session
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The demo simulator, in demo mode.
    pub fn demo(&self) -> Option<&Demo> {
        self.demo.as_ref()
    }

    /// The country for numbers typed without a country code: the profile's `country`, else the
    /// account's home country, else the US.
    pub async fn country(&self) -> Result<Country, Error> {
        if let Some(code) = self.profile.settings.country.as_deref() {
            return Ok(Country::from_iso_code(code)?);
        }
        let extension = read_extension(&self.client).await?;
        let home = extension.home_country().unwrap_or("US");
        Ok(Country::from_iso_code(home).or_else(|_| Country::from_iso_code("US"))?)
    }
}
