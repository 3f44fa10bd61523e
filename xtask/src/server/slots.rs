//! A bound on the connections handled at once. The accepting thread takes a slot before it
//! accepts; when all are taken it waits, and new connections wait in the kernel's listen
//! queue, read and held by nobody, until a handler ends and gives its slot back.

use std::sync::{Arc, Condvar, Mutex, PoisonError};

/// The most connections handled at once.
pub const MAX_CONNECTIONS: usize = 64;

/// A count of slots in use, shared by the accepting thread and the handlers.
#[derive(Debug)]
pub struct Slots {
    in_use: Mutex<usize>,
    freed: Condvar,
    max: usize,
}

/// One slot, given back when dropped, however its handler ends.
#[derive(Debug)]
pub struct Slot(Arc<Slots>);

impl Slots {
    /// `max` slots, none in use.
    pub fn new(max: usize) -> Arc<Slots> {
        Arc::new(Slots {
            in_use: Mutex::new(0),
            freed: Condvar::new(),
            max: max.max(1),
        })
    }

    /// Waits for a free slot and takes it.
    pub fn take(self: &Arc<Self>) -> Slot {
        let mut in_use = self.in_use.lock().unwrap_or_else(PoisonError::into_inner);
        while *in_use >= self.max {
            in_use = self
                .freed
                .wait(in_use)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *in_use += 1;
        Slot(Arc::clone(self))
    }

    /// How many slots are in use now.
    #[cfg(test)]
    pub fn in_use(&self) -> usize {
        *self.in_use.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut in_use = self.0.in_use.lock().unwrap_or_else(PoisonError::into_inner);
        *in_use = in_use.saturating_sub(1);
        self.0.freed.notify_one();
    }
}
