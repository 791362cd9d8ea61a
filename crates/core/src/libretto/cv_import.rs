//! A CV read into a new Libretto, whatever its format (JSON Resume, Europass), and what it
//! holds that the Libretto has no place for: listed to the citizen before the import, so
//! nothing is dropped silently.

use super::Libretto;

/// What reading a CV gives: a Libretto for a new draft, and everything it could not use.
#[derive(Debug, Clone, PartialEq)]
pub struct CvImport {
    pub libretto: Libretto,
    /// The person's name, to name the new draft after.
    pub name: String,
    pub left_out: Vec<LeftOut>,
}

/// Where in a CV a value was, in words every format shares (the app names each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CvSection {
    Personal,
    Work,
    Volunteer,
    Education,
    Awards,
    Certificates,
    Publications,
    Skills,
    Languages,
    Interests,
    References,
    Projects,
    Attachments,
    Other,
}

/// Values are shown cut to this many characters.
pub const PREVIEW_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// Where it is in the file, in the format's own names: `work[1].highlights[0]`.
    pub path: String,
    pub section: CvSection,
    /// Which entry of the section, counted from 1 as people count.
    pub item: Option<usize>,
    /// The field's own name in the file (`url`), or "" for a whole value.
    pub field: String,
    /// The value, cut to [`PREVIEW_CHARS`] characters.
    pub text: String,
}

impl LeftOut {
    /// `None` for an empty value: nothing to tell.
    pub fn new(
        path: String,
        section: CvSection,
        item: Option<usize>,
        field: &str,
        text: &str,
    ) -> Option<Self> {
        let text = text.trim();
        (!text.is_empty()).then(|| Self {
            path,
            section,
            item,
            field: field.to_owned(),
            text: text.chars().take(PREVIEW_CHARS).collect(),
        })
    }
}
