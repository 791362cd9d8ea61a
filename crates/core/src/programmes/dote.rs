//! Rules of the Lombardy *dote* that are not eligibility criteria.

/// A dote ends with an employment result only for a contract of at least 180 days; a
/// shorter one is not a *risultato occupazionale* (lombardia.cisl.it, 15/12/2017) [C].
pub const RESULT_MIN_CONTRACT_DAYS: u32 = 180;

pub fn is_risultato_occupazionale(contract_days: u32) -> bool {
    contract_days >= RESULT_MIN_CONTRACT_DAYS
}
