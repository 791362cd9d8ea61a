//! What changed between two versions of a Libretto, item by item: the orientatore reading a
//! resubmitted version looks at these first. Compared on the document (`document.rs`), so a
//! change is exactly a difference the reader of the Libretto could see.

use super::document::{Field, document};
use super::{ItemId, Libretto, Section};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    /// The fields whose shown value differs, in the document's order (a field emptied or
    /// filled counts).
    Changed(Vec<Field>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub section: Section,
    /// The entry; `None` for a single-form section.
    pub item: Option<ItemId>,
    /// The entry's title in the version that has it (the newer one when both do).
    pub title: String,
    pub kind: ChangeKind,
}

/// Every item that was added, removed or changed from `before` to `after`, in the order of
/// `after`'s document, removed items after the items of their section.
pub fn changes(before: &Libretto, after: &Libretto) -> Vec<Change> {
    let old = blocks(before);
    let new = blocks(after);
    let mut out = Vec::new();
    for section in Section::ALL {
        for (key, title, rows) in new.iter().filter(|(k, _, _)| k.0 == section) {
            let kind = match old.iter().find(|(k, _, _)| k == key) {
                None => ChangeKind::Added,
                Some((_, _, before_rows)) => {
                    let mut fields: Vec<Field> = Vec::new();
                    let all = rows.iter().chain(before_rows).map(|r| r.field);
                    for field in all {
                        let now = rows.iter().find(|r| r.field == field).map(|r| &r.value);
                        let was = before_rows.iter().find(|r| r.field == field).map(|r| &r.value);
                        if now != was && !fields.contains(&field) {
                            fields.push(field);
                        }
                    }
                    if fields.is_empty() {
                        continue;
                    }
                    ChangeKind::Changed(fields)
                }
            };
            out.push(Change {
                section,
                item: key.1.clone(),
                title: title.clone(),
                kind,
            });
        }
        for (key, title, _) in old.iter().filter(|(k, _, _)| k.0 == section) {
            if !new.iter().any(|(k, _, _)| k == key) {
                out.push(Change {
                    section,
                    item: key.1.clone(),
                    title: title.clone(),
                    kind: ChangeKind::Removed,
                });
            }
        }
    }
    out
}

type Key = (Section, Option<ItemId>);

fn blocks(l: &Libretto) -> Vec<(Key, String, Vec<super::document::Row>)> {
    document(l, crate::Lang::It)
        .into_blocks()
        .map(|(section, b)| ((section, b.item), b.title, b.rows))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::libretto::{EsperienzaLavorativa, TitoloIstruzione};

    fn anna() -> Libretto {
        serde_json::from_str(include_str!("../../tests/fixtures/libretto-anna.json")).expect("fixture")
    }

    #[test]
    fn the_same_libretto_has_no_changes() {
        let l = anna();
        assert_eq!(changes(&l, &l.clone()), vec![]);
    }

    #[test]
    fn added_removed_and_changed_items_are_named_with_their_fields() {
        let mut before = anna();
        before.add_entry::<EsperienzaLavorativa>();
        before.esperienze_lavorative[0].datore = "Trattoria Da Gino".into();
        before.add_entry::<TitoloIstruzione>();
        before.titoli_istruzione[0].istituto = "ITC Pacini".into();
        let job = before.esperienze_lavorative[0].id.clone();
        let title = before.titoli_istruzione[0].id.clone();

        let mut after = before.clone();
        after.esperienze_lavorative[0].datore = "Osteria Da Gino".into();
        after.esperienze_lavorative[0].mansioni = "Cucina".into();
        after.titoli_istruzione.clear();
        after.add_entry::<EsperienzaLavorativa>();
        after.esperienze_lavorative[1].datore = "Bar Roma".into();
        let new_job = after.esperienze_lavorative[1].id.clone();
        after.dati_personali.telefono = "0573 123456".into();

        let found = changes(&before, &after);
        let summary: Vec<(Section, Option<ItemId>, ChangeKind)> =
            found.into_iter().map(|c| (c.section, c.item, c.kind)).collect();
        assert_eq!(
            summary,
            vec![
                (
                    Section::DatiPersonali,
                    None,
                    ChangeKind::Changed(vec![Field::Telefono])
                ),
                (
                    Section::EsperienzeLavorative,
                    Some(job),
                    ChangeKind::Changed(vec![Field::Datore, Field::Mansioni])
                ),
                (Section::EsperienzeLavorative, Some(new_job), ChangeKind::Added),
                (Section::TitoliIstruzione, Some(title), ChangeKind::Removed),
            ]
        );
    }
}
