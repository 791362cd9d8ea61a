//! The rest of the app: the programme checks, the dote, settings (see `app::App`). `/` starts
//! from `bin/home.rs`, the Libretto from `bin/libretto.rs`.

fn main() {
    sportello::start(sportello::App);
}
