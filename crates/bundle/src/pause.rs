//! Reading a long text in steps: the reading awaits its caller's pause now and then, and
//! a browser's caller gives the page a turn there, so that one long body never keeps the
//! reader's input waiting for the whole of it. Read at once, every pause is ready at once.

use std::future::{ready, Future};
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// How many Markdown events are walked between two pauses: a few milliseconds' work.
pub const EVENTS_PER_PAUSE: usize = 4_096;

/// One pause, which the reading awaits. Boxed, and the pause that makes it taken as
/// `&mut dyn FnMut() -> Waiting`, so that the reading is compiled once, whatever pauses it.
pub type Waiting = Pin<Box<dyn Future<Output = ()>>>;

/// A pause that is over at once: reading with it never waits.
pub fn no_pause() -> Waiting {
    Box::pin(ready(()))
}

/// The value of `reading`, run to its end here. For readings whose every pause is
/// [`no_pause`], which never waits, so the first poll finishes it; the loop only stands in
/// for a wait that cannot come.
pub fn at_once<T>(reading: impl Future<Output = T>) -> T {
    let mut reading = std::pin::pin!(reading);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = reading.as_mut().poll(&mut cx) {
            return value;
        }
    }
}
