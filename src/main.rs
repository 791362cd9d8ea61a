//! The whole app: every route. `/` alone starts lighter, from `bin/home.rs`.

fn main() {
    sportello::start(sportello::App);
}
