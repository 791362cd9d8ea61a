//! The EQF/QNQ levels with the Italian titles at each (domain-libretto §4.2), for the ILA
//! questions and the Libretto's titles alike. Level 0 is "no title".

use crate::I18n;
use crate::i18n::t_string;

pub fn eqf_label(i18n: I18n, level: u8) -> String {
    match level {
        0 => t_string!(i18n, eqf_0),
        1 => t_string!(i18n, eqf_1),
        2 => t_string!(i18n, eqf_2),
        3 => t_string!(i18n, eqf_3),
        4 => t_string!(i18n, eqf_4),
        5 => t_string!(i18n, eqf_5),
        6 => t_string!(i18n, eqf_6),
        7 => t_string!(i18n, eqf_7),
        _ => t_string!(i18n, eqf_8),
    }
    .to_string()
}
