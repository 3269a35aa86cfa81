//! Outgoing email: SMTP through lettre when `smtp_url` is set; otherwise each
//! message is written as an `.eml` file under `data_dir/mail/` and its path is
//! logged, so a laptop installation works with no mail server.

use std::path::PathBuf;

use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Settings;

pub mod queue;

/// A message to one person.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub to_email: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    /// A stable identity for the message (the mail queue's row): it becomes
    /// the `Message-ID`, and with the file transport the file's name, so a
    /// message sent again after a crash replaces its file instead of adding one.
    pub key: Option<String>,
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// Sends the platform's messages.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("cannot build the message: {0}")]
    Build(String),
    #[error("cannot send the message: {0}")]
    Send(String),
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> Result<Mailer, MailError> {
        let from: Mailbox = settings
            .mail_from
            .parse()
            .map_err(|e| MailError::Address(format!("mail_from: {e}")))?;
        let transport = match &settings.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| MailError::Address(format!("smtp_url {url}: {e}")))?
                    .build(),
            ),
            None => Transport::Files(settings.data_dir.join("mail")),
        };
        Ok(Mailer { from, transport })
    }

    /// Send a message; with the file transport, return the file written.
    pub async fn send(&self, msg: &Outgoing) -> Result<Option<PathBuf>, MailError> {
        self.send_with(msg, None).await
    }

    /// Send a message, with a one-click unsubscribe address if given
    /// (`List-Unsubscribe` and `List-Unsubscribe-Post`, RFC 8058).
    pub async fn send_with(
        &self,
        msg: &Outgoing,
        unsubscribe: Option<&str>,
    ) -> Result<Option<PathBuf>, MailError> {
        let to = Mailbox::new(
            Some(msg.to_name.clone()),
            msg.to_email
                .parse()
                .map_err(|e| MailError::Address(format!("{}: {e}", msg.to_email)))?,
        );
        // Fluent's bidi isolation marks help on screen but break links in
        // plain-text mail: leave them out of messages.
        let plain = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
        let mut builder = Message::builder();
        if let Some(key) = &msg.key {
            let domain = self.from.email.domain();
            builder = builder.message_id(Some(format!("<{key}@{domain}>")));
        }
        if let Some(url) = unsubscribe {
            use lettre::message::header::{HeaderName, HeaderValue};
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let email = builder
            .from(self.from.clone())
            .to(to)
            .subject(plain(&msg.subject))
            .header(ContentType::TEXT_PLAIN)
            // Quoted-printable keeps links and Latin text legible in the raw
            // message (and in `.eml` files) while carrying any script.
            .header(lettre::message::header::ContentTransferEncoding::QuotedPrintable)
            .body(plain(&msg.body))
            .map_err(|e| MailError::Build(e.to_string()))?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(email)
                    .await
                    .map_err(|e| MailError::Send(e.to_string()))?;
                tracing::info!(to = %msg.to_email, subject = %msg.subject, "mail sent");
                Ok(None)
            }
            Transport::Files(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Send(format!("{}: {e}", dir.display())))?;
                let name = match &msg.key {
                    Some(key) => format!("{key}.eml"),
                    None => format!(
                        "{}-{}.eml",
                        chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"),
                        crate::token::random_token()
                    ),
                };
                let path = dir.join(name);
                tokio::fs::write(&path, email.formatted())
                    .await
                    .map_err(|e| MailError::Send(format!("{}: {e}", path.display())))?;
                tracing::info!(to = %msg.to_email, path = %path.display(), "mail written to a file (no smtp_url set)");
                Ok(Some(path))
            }
        }
    }
}
