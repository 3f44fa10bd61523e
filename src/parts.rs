//! Parts of the app fetched the first time a reader asks for them, so that the module every
//! page loads is smaller (ADR 013). A part is a function that builds a view. The release
//! build (the `split` feature, set by `cargo xtask build`) moves each part into a file of
//! its own, which the browser fetches when [`Part::open`] first runs. Every other build,
//! the static pages and the tests among them, links the part into the module as usual.
//!
//! A part that cannot be fetched (no network, a blocked address) is not a panic: the
//! reader is told, and asking again fetches again.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

/// Builds a part's view where it is placed, so it sees that place's contexts.
pub type Build = fn() -> AnyView;

/// A part that could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for PartMissing {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// The future of a part's [`Build`].
pub type Fetch = Pin<Box<dyn Future<Output = Result<Build, PartMissing>>>>;

/// A part: its name, and how it is fetched.
#[derive(Clone, Copy)]
pub struct PartSource {
    /// The splitter's name for it (`split_NAME.wasm` before its hash).
    pub name: &'static str,
    pub fetch: fn() -> Fetch,
}

/// Declares `const $name: PartSource` for `$build`: a part of its own in the release build,
/// fetched on the first call, and a plain call elsewhere.
#[macro_export]
macro_rules! part {
    ($(#[$doc:meta])* $name:ident, $file:ident, $build:path) => {
        $(#[$doc])*
        pub const $name: $crate::parts::PartSource = $crate::parts::PartSource {
            name: stringify!($file),
            fetch: {
                fn fetch() -> $crate::parts::Fetch {
                    #[cfg(feature = "split")]
                    {
                        #[allow(unsafe_code, improper_ctypes_definitions)]
                        #[wasm_split_helpers::wasm_split($file, fallible)]
                        fn fetch_part() -> Result<$crate::parts::Build, $crate::parts::PartMissing> {
                            Ok($build)
                        }
                        Box::pin(fetch_part())
                    }
                    #[cfg(not(feature = "split"))]
                    {
                        Box::pin(std::future::ready(Ok($build as $crate::parts::Build)))
                    }
                }
                fetch
            },
        };
    };
}

thread_local! {
    /// The parts in hand, by name: a part fetched once is there for every later view of
    /// its tool, such as the page drawn again in another language with the panel open.
    static HELD: std::cell::RefCell<Vec<(&'static str, Build)>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn held(name: &str) -> Option<Build> {
    HELD.with(|held| {
        held.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| *b)
    })
}

/// Where a part stands.
#[derive(Clone, Copy, Debug)]
pub enum PartState {
    /// Not asked for yet.
    Unasked,
    /// Being fetched.
    Fetching,
    /// In hand.
    Ready(Build),
    /// The last fetch failed.
    Missing,
}

/// A part where its tool is, and where it stands.
#[derive(Clone, Copy)]
pub struct Part {
    pub state: RwSignal<PartState>,
    source: PartSource,
}

impl Part {
    pub fn new(source: PartSource) -> Part {
        let state = held(source.name).map_or(PartState::Unasked, PartState::Ready);
        Part {
            state: RwSignal::new(state),
            source,
        }
    }

    /// The part's view once it is in hand, for the place it belongs; until then, `waiting`.
    /// Each is drawn once: what they read while being built does not draw them again.
    pub fn view_or(self, waiting: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
        let ready = Memo::new(move |_| matches!(self.state.get(), PartState::Ready(_)));
        move || match (ready.get(), self.state.get_untracked()) {
            (true, PartState::Ready(build)) => untrack(build),
            _ => untrack(&waiting),
        }
    }

    /// Runs `then` once the part is in hand: at once if it is, after fetching it if not.
    /// While a fetch is under way, asking again does nothing.
    pub fn open(self, then: impl FnOnce() + 'static) {
        match self.state.get_untracked() {
            PartState::Ready(_) => then(),
            PartState::Fetching => {}
            PartState::Unasked | PartState::Missing => {
                self.state.set(PartState::Fetching);
                let fetch = (self.source.fetch)();
                let name = self.source.name;
                leptos::task::spawn_local(async move {
                    match fetch.await {
                        Ok(build) => {
                            HELD.with(|held| held.borrow_mut().push((name, build)));
                            self.state.try_set(PartState::Ready(build));
                            // Once its view is drawn.
                            request_animation_frame(then);
                        }
                        Err(PartMissing) => {
                            self.state.try_set(PartState::Missing);
                        }
                    }
                });
            }
        }
    }

    pub fn fetching(self) -> bool {
        matches!(self.state.get(), PartState::Fetching)
    }

    pub fn missing(self) -> bool {
        matches!(self.state.get(), PartState::Missing)
    }
}
