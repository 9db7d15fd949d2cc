//! The crate's error type: opaque, with a kind to match on.

use std::fmt;

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input has no letters or digits at all.
    Empty,
    /// The input is longer than [`crate::MAX_NAME_LEN`] bytes.
    TooLong,
    /// A language code canonym has no convention for.
    UnknownLang,
    /// A kind other than `person`, `place`, `org` or `any`.
    UnknownKind,
}

/// An error of canonym: bad input is a value, never a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    detail: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, detail: impl Into<String>) -> Error {
        Error { kind, detail: detail.into() }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::Empty => "empty name",
            ErrorKind::TooLong => "name too long",
            ErrorKind::UnknownLang => "unknown language",
            ErrorKind::UnknownKind => "unknown kind",
        };
        if self.detail.is_empty() {
            f.write_str(what)
        } else {
            write!(f, "{what}: {}", self.detail)
        }
    }
}

impl std::error::Error for Error {}
