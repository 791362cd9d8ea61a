//! The Belfiore table: the four-character *codice catastale* of every Italian comune and
//! foreign state that a codice fiscale can carry, with the days each code was in use.
//!
//! The data (`data/belfiore.tsv`, its source and licence in its header) is not compiled into
//! this crate: whoever needs it reads it once — the server and the tools from the file, the
//! app when the screen that checks a code first needs it — so the citizen's first load does
//! not carry 380 KB of place names.

use chrono::NaiveDate;

/// One code in use over one span of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub code: String,
    pub name: String,
    /// Two-letter sigla of the province, `EE` for a foreign state.
    pub province: String,
    /// First day in use; absent when the source gives none before the code's use began.
    pub from: Option<NaiveDate>,
    /// Last day in use; absent while it is still in use.
    pub to: Option<NaiveDate>,
}

impl Place {
    pub fn in_use_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    pub fn is_foreign(&self) -> bool {
        self.code.starts_with('Z')
    }

    /// How a form writes the place: "Pistoia (PT)"; a foreign state by its name alone.
    pub fn label(&self) -> String {
        if self.is_foreign() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.province)
        }
    }

    /// "Pistoia", "pistoia (PT)", "PISTOIA PT", "Forlì" / "Forli'": all name this place.
    pub fn is_named(&self, typed: &str) -> bool {
        names(&fold(typed), &fold(&self.name), &self.province)
    }
}

/// `typed` (folded) is `name` (folded) alone or followed by its province. The province is
/// folded only when the name matched: [`Table::knows`] asks this of every place per keystroke.
fn names(typed: &str, name: &str, province: &str) -> bool {
    typed
        .strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest == fold(province))
}

/// A name as compared: lower case, accents and anything but letters and digits left out.
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'à' | 'á' | 'À' | 'Á' => Some('a'),
            'è' | 'é' | 'È' | 'É' => Some('e'),
            'ì' | 'í' | 'Ì' | 'Í' => Some('i'),
            'ò' | 'ó' | 'Ò' | 'Ó' => Some('o'),
            'ù' | 'ú' | 'Ù' | 'Ú' => Some('u'),
            c if c.is_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Belfiore table, line {line}: {problem}")]
pub struct TableError {
    pub line: usize,
    pub problem: &'static str,
}

/// Every span of every code, sorted by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    places: Vec<Place>,
    /// Each place's name as compared ([`fold`]), computed once: a birthplace field looks
    /// through all 11,000 at every keystroke.
    folded: Vec<String>,
}

impl Table {
    /// Reads the tab-separated table: `code name province from to`, `#` lines are comments.
    pub fn parse(text: &str) -> Result<Self, TableError> {
        let mut places = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fail = |problem| TableError { line: i + 1, problem };
            let mut cols = line.split('\t');
            let mut next = || cols.next().ok_or(fail("fewer than 5 columns"));
            let (code, name, province, from, to) = (next()?, next()?, next()?, next()?, next()?);
            if code.len() != 4 || !code.is_ascii() {
                return Err(fail("the code is not 4 characters"));
            }
            let day = |s: &str| -> Result<Option<NaiveDate>, TableError> {
                if s.is_empty() {
                    Ok(None)
                } else {
                    s.parse().map(Some).map_err(|_| fail("a date is not YYYY-MM-DD"))
                }
            };
            places.push(Place {
                code: code.to_owned(),
                name: name.to_owned(),
                province: province.to_owned(),
                from: day(from)?,
                to: day(to)?,
            });
        }
        places.sort_by(|a, b| a.code.cmp(&b.code).then(a.from.cmp(&b.from)));
        let folded = places.iter().map(|p| fold(&p.name)).collect();
        Ok(Self { places, folded })
    }

    /// Every span of `code`, oldest first; empty for a code that never existed.
    pub fn spans(&self, code: &str) -> &[Place] {
        let start = self.places.partition_point(|p| p.code.as_str() < code);
        let end = start + self.places[start..].partition_point(|p| p.code == code);
        &self.places[start..end]
    }

    /// The place `code` named on `day`, if it was in use then.
    pub fn on(&self, code: &str, day: NaiveDate) -> Option<&Place> {
        self.spans(code).iter().find(|p| p.in_use_on(day))
    }

    /// The name a code goes by today (or last went by).
    pub fn latest(&self, code: &str) -> Option<&Place> {
        self.spans(code).last()
    }

    /// Some place in the table, now or in the past, goes by the name typed.
    pub fn knows(&self, typed: &str) -> bool {
        let typed = fold(typed);
        self.places
            .iter()
            .zip(&self.folded)
            .any(|(p, name)| names(&typed, name, &p.province))
    }

    /// Places whose name begins with what was typed (two letters at least), as a form
    /// writes them, in alphabetical order with the places still in use first; at most
    /// `limit`. What a birthplace field offers while the citizen types.
    pub fn suggest(&self, typed: &str, limit: usize) -> Vec<String> {
        let typed = fold(typed);
        if typed.chars().count() < 2 {
            return Vec::new();
        }
        let mut found: Vec<(bool, String)> = self
            .places
            .iter()
            .zip(&self.folded)
            .filter(|(_, name)| name.starts_with(&typed))
            .map(|(p, _)| (p.to.is_some(), p.label()))
            .collect();
        found.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, label) in found {
            if !out.contains(&label) {
                out.push(label);
            }
            if out.len() == limit {
                break;
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}
