//! Evidence files are addressed by the SHA-256 of their bytes: the same file attached twice
//! is stored once, an upload retry is harmless, and an import can prove a file is intact.

use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut h = ContentHasher::default();
    h.update(bytes);
    h.finish()
}

/// Hashes a file chunk by chunk, so a large file can report progress as it goes.
#[derive(Default)]
pub struct ContentHasher(Sha256);

impl ContentHasher {
    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// Lower-case hex.
    pub fn finish(self) -> String {
        self.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_vectors() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let mut h = super::ContentHasher::default();
        h.update(b"a");
        h.update(b"bc");
        assert_eq!(h.finish(), super::sha256_hex(b"abc"));
    }
}
