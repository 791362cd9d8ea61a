//! What an evidence file may be: PDF, PNG or JPEG, recognised by its bytes, up to 10 MB each.
//!
//! The declared type (a browser's `File.type`, an HTTP `Content-Type`, a name ending in
//! `.pdf`) is whatever the sender says; only the first bytes tell what a file is. The attach
//! screen, the import and the CPI server all ask this module, so the three agree.

/// The largest evidence file accepted, in bytes.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The largest total of evidence files in one submission, in bytes.
pub const MAX_SUBMISSION_BYTES: u64 = 50 * 1024 * 1024;

/// The most evidence files in one submission.
pub const MAX_FILES_PER_SUBMISSION: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Pdf,
    Png,
    Jpeg,
}

impl EvidenceKind {
    pub const fn mime_type(self) -> &'static str {
        match self {
            EvidenceKind::Pdf => "application/pdf",
            EvidenceKind::Png => "image/png",
            EvidenceKind::Jpeg => "image/jpeg",
        }
    }

    pub fn from_mime_type(mime: &str) -> Option<Self> {
        match mime {
            "application/pdf" => Some(EvidenceKind::Pdf),
            "image/png" => Some(EvidenceKind::Png),
            "image/jpeg" => Some(EvidenceKind::Jpeg),
            _ => None,
        }
    }
}

/// The kind of file these bytes start like, if it is one Sportello accepts.
///
/// PDF: `%PDF-` (readers tolerate up to 1 KB of junk before it, so do we); PNG: its 8-byte
/// signature; JPEG: SOI followed by a marker.
pub fn sniff(bytes: &[u8]) -> Option<EvidenceKind> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(PNG) {
        return Some(EvidenceKind::Png);
    }
    if bytes.len() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF {
        return Some(EvidenceKind::Jpeg);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(EvidenceKind::Pdf);
    }
    None
}

/// A lower-case hex SHA-256, as evidence files are addressed.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_three_kinds_by_their_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(EvidenceKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(EvidenceKind::Png));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some(EvidenceKind::Jpeg)
        );
    }

    #[test]
    fn refuses_what_only_claims_to_be_one() {
        assert_eq!(sniff(b"<html><script>alert(1)</script>"), None);
        assert_eq!(sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"\x89PNG"), None);
        let mut late = vec![b' '; 2000];
        late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(sniff(&late), None);
    }

    #[test]
    fn hashes_are_lower_case_hex_of_64() {
        assert!(is_sha256_hex(&"a".repeat(64)));
        assert!(!is_sha256_hex(&"A".repeat(64)));
        assert!(!is_sha256_hex(&"a".repeat(63)));
        assert!(!is_sha256_hex(&format!("{}/", "a".repeat(63))));
    }
}
