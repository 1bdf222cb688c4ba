//! The agent's own posts, edited or deleted from the window or the command line.

use crate::team::{delete_post, edit_post, with_mentions, Mentioned};

use super::chats::{names, post_view};
use super::{ChatsChange, Desk, DeskEvent, Error, PostView};

impl Desk {
    /// Replaces the text of the agent's post `post` in `chat` (each `@name` of `mentioned` as a
    /// mention, as when posting); answers the post as shown now.
    pub async fn edit_chat_post(
        &self,
        chat: &str,
        post: &str,
        text: &str,
        mentioned: &[Mentioned],
    ) -> Result<PostView, Error> {
        let text = &with_mentions(text, mentioned);
        let me = self.me().await?;
        let live = self.live().await?;
        let mut store = self.open_store()?;
        let edited = edit_post(&mut store, live.connection.client(), chat, post, text, &me).await?;
        let names = names(&store, [edited.creator.clone()])?;
        self.emit(DeskEvent::Chats(ChatsChange {
            chat: Some(chat.to_string()),
        }));
        Ok(post_view(&edited, &me, &names))
    }

    /// Deletes the agent's post `post` in `chat`.
    pub async fn delete_chat_post(&self, chat: &str, post: &str) -> Result<(), Error> {
        let me = self.me().await?;
        let live = self.live().await?;
        let mut store = self.open_store()?;
        delete_post(&mut store, live.connection.client(), chat, post, &me).await?;
        self.emit(DeskEvent::Chats(ChatsChange {
            chat: Some(chat.to_string()),
        }));
        Ok(())
    }
}
