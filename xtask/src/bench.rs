pub fn run() -> crate::cmd::Result {
    Err("todo".into())
}
