//! The Europass XML inside a Europass PDF. The Europass editor's PDFs carry the CV they print
//! as an embedded file (`attachment.xml` in the 2020+ editor, §9.3); reading that file is
//! exact, where reading the printed text would be guessing. Only embedded-file streams are
//! looked at: no PDF object is interpreted, nothing is rendered.

use super::export::ImportError;

/// A Europass PDF with a photo is a few MB; past this it is not one.
pub const MAX_PDF_BYTES: usize = 20 * 1024 * 1024;
/// An embedded CV inflates to at most this (a Europass XML with photo and attachments).
const MAX_XML_BYTES: usize = super::europass::MAX_BYTES;

pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// The first embedded file of `pdf` that is a Europass CV's XML.
pub fn xml_in_pdf(pdf: &[u8]) -> Result<String, ImportError> {
    if !is_pdf(pdf) {
        return Err(ImportError::NotAnExport);
    }
    if pdf.len() > MAX_PDF_BYTES {
        return Err(ImportError::TooLarge);
    }
    let mut from = 0;
    while let Some(at) = find(&pdf[from..], b"/EmbeddedFile").map(|i| i + from) {
        from = at + 1;
        // `/EmbeddedFiles` is the catalog's name tree, not a file.
        if pdf
            .get(at + b"/EmbeddedFile".len())
            .is_some_and(|b| b.is_ascii_alphanumeric())
        {
            continue;
        }
        let Some(data) = stream_after(pdf, at) else {
            continue;
        };
        let text = String::from_utf8_lossy(&data);
        let text = text.trim_start_matches('\u{feff}').trim_start();
        let root_is_europass = ["<SkillsPassport", "<Candidate"]
            .iter()
            .any(|root| text.contains(root));
        if text.starts_with('<') && root_is_europass {
            return Ok(text.to_owned());
        }
    }
    Err(ImportError::PdfWithoutCv)
}

/// The decoded bytes of the stream whose dictionary holds the byte at `at`; `None` when it is
/// not one (another object comes first), uses a filter other than Flate, or does not decode.
fn stream_after(pdf: &[u8], at: usize) -> Option<Vec<u8>> {
    let keyword = find(&pdf[at..], b"stream").map(|i| i + at)?;
    let dict = &pdf[at..keyword];
    if find(dict, b"endobj").is_some() || find(dict, b"endstream").is_some() {
        return None;
    }
    // The whole dictionary: back to its object's start.
    let start = rfind(&pdf[..at], b"obj").unwrap_or(0);
    let dict = &pdf[start..keyword];
    let mut data_start = keyword + b"stream".len();
    if pdf.get(data_start) == Some(&b'\r') {
        data_start += 1;
    }
    if pdf.get(data_start) == Some(&b'\n') {
        data_start += 1;
    }
    let end = match length(pdf, dict) {
        Some(n) if data_start.checked_add(n).is_some_and(|e| e <= pdf.len()) => data_start + n,
        _ => find(&pdf[data_start..], b"endstream").map(|i| i + data_start)?,
    };
    let raw = &pdf[data_start..end];
    let filters = [
        "/ASCIIHexDecode",
        "/ASCII85Decode",
        "/LZWDecode",
        "/RunLengthDecode",
        "/DCTDecode",
        "/Crypt",
    ];
    if filters.iter().any(|f| find(dict, f.as_bytes()).is_some()) {
        return None;
    }
    if find(dict, b"/FlateDecode").is_some() {
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(raw, MAX_XML_BYTES).ok()
    } else {
        (raw.len() <= MAX_XML_BYTES).then(|| raw.to_vec())
    }
}

/// `/Length n`, or `/Length n g R` resolved to the number its object holds.
fn length(pdf: &[u8], dict: &[u8]) -> Option<usize> {
    let at = find(dict, b"/Length")? + b"/Length".len();
    let mut words = std::str::from_utf8(&dict[at..]).ok()?.split_whitespace();
    let n: usize = words.next()?.trim_end_matches(['/', '>']).parse().ok()?;
    let rest: Vec<&str> = words.take(2).collect();
    if let [generation, "R"] = rest.as_slice() {
        let header = format!("{n} {generation} obj");
        let obj = find(pdf, header.as_bytes())? + header.len();
        let value = std::str::from_utf8(&pdf[obj..pdf.len().min(obj + 32)]).ok()?;
        return value.split_whitespace().next()?.parse().ok();
    }
    Some(n)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = "<?xml version=\"1.0\"?><Candidate xmlns=\"http://www.europass.eu/1.0\"><CandidatePerson/></Candidate>";

    /// A PDF as the Europass editor makes one: the XML as an embedded, Flate-compressed file
    /// whose length is an indirect object.
    fn pdf(body: &[u8], flate: bool, indirect_length: bool) -> Vec<u8> {
        let data = if flate {
            miniz_oxide::deflate::compress_to_vec_zlib(body, 6)
        } else {
            body.to_vec()
        };
        let filter = if flate { " /Filter /FlateDecode" } else { "" };
        let length = if indirect_length {
            "5 0 R".to_owned()
        } else {
            data.len().to_string()
        };
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        out.extend_from_slice(
            b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(attachment.xml) 3 0 R] >> >> >>\nendobj\n",
        );
        out.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        out.extend_from_slice(b"3 0 obj\n<< /Type /Filespec /F (attachment.xml) /UF (attachment.xml) /EF << /F 4 0 R >> >>\nendobj\n");
        out.extend_from_slice(
            format!(
                "4 0 obj\n<< /Type /EmbeddedFile /Subtype /text#2Fxml /Length {length}{filter} >>\nstream\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(&data);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        out.extend_from_slice(format!("5 0 obj\n{}\nendobj\n", data.len()).as_bytes());
        out.extend_from_slice(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
        out
    }

    #[test]
    fn finds_the_cv_however_it_is_stored() {
        for (flate, indirect) in [(true, true), (true, false), (false, true), (false, false)] {
            assert_eq!(
                xml_in_pdf(&pdf(XML.as_bytes(), flate, indirect)).as_deref(),
                Ok(XML),
                "{flate} {indirect}"
            );
        }
    }

    #[test]
    fn a_pdf_without_a_cv_is_said_to_be_one() {
        assert_eq!(
            xml_in_pdf(&pdf(b"<note>not a CV</note>", true, true)),
            Err(ImportError::PdfWithoutCv)
        );
        assert_eq!(
            xml_in_pdf(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF"),
            Err(ImportError::PdfWithoutCv)
        );
        let mut cut = pdf(XML.as_bytes(), true, true);
        cut.truncate(cut.len() / 2);
        assert!(xml_in_pdf(&cut).is_err());
        assert_eq!(xml_in_pdf(b"<html>"), Err(ImportError::NotAnExport));
    }

    #[test]
    fn a_bomb_is_refused() {
        let bomb = vec![b' '; MAX_XML_BYTES + 10];
        assert_eq!(
            xml_in_pdf(&pdf(&bomb, true, false)),
            Err(ImportError::PdfWithoutCv)
        );
    }
}
