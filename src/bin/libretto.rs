//! The Libretto's entry: the drafts, every screen of one draft, sending it and the
//! submissions (see `app::LibrettoApp`). A first visit to a Libretto address downloads this,
//! not the programme checks.

fn main() {
    sportello::start(sportello::LibrettoApp);
}
