//! The running app's state: the person's book of assessments, kept in a signal and saved to storage
//! on every change, plus what the person must be told about storage.
//!
//! Every change goes through [`Session::dispatch`], which applies the action to the latest stored book
//! (so a change made in another tab meanwhile is kept), saves it at once, and falls back to memory when
//! storage is disabled or full, saying so. A `storage` event from another tab reloads the book.

use leptos::prelude::*;

use crate::model::book::{
    set_aside_summary, Action, Book, BookError, SetAside, StoredBookError, BOOK_NAME, BOOK_SCHEMA,
    SET_ASIDE_NAME,
};
use crate::web::browser::{new_id, now};
use crate::web::stores::storage::{self, StorageError, Store};

/// How answers are being kept.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Keeping {
    /// Saved in this browser's storage.
    Saved,
    /// Kept only in this page: storage is disabled or blocked.
    MemoryOnly,
}

/// The app-wide state, provided as context.
#[derive(Clone, Copy)]
pub struct Session {
    /// The person's assessments.
    pub book: RwSignal<Book>,
    /// Whether answers reach storage.
    pub keeping: RwSignal<Keeping>,
    /// The latest storage problem to show (corrupt data set aside, storage full …).
    pub storage_notice: RwSignal<Option<StorageError>>,
    /// True while the book in memory holds changes storage has not taken (storage full).
    unsaved: RwSignal<bool>,
    /// True when the stored book needs repairs this build does not make: the whole app must start.
    pub needs_app: bool,
    store: StoredValue<Store>,
    read: ReadBook,
    apply: ApplyAction,
}

/// How a build applies actions to the book: [`Book::apply`] in the whole app, [`Book::answer`] (the
/// questionnaire's actions only, and only their code) in the questionnaire build.
pub type ApplyAction = fn(&mut Book, Action) -> Result<(), BookError>;

/// A session as the questionnaire leaves it when the whole app takes over the page (see
/// [`crate::web::handoff`]): what is in memory may be more than storage holds (storage disabled or full),
/// so it is handed over rather than read again.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Handover {
    book: Book,
    keeping: Keeping,
    notice: Option<StorageError>,
    unsaved: bool,
    /// True when the questionnaire left the stored book for the whole app to read (and repair).
    #[serde(default)]
    reread: bool,
}

impl Handover {
    /// True when the questionnaire left the stored book unread, for the whole app to read.
    pub fn rereads(&self) -> bool {
        self.reread
    }
}

impl Session {
    /// Continues from a handed-over session when there is one, else reads the book from storage under
    /// `namespace` with `read`, dealing with every storage fault; then listens for changes made in
    /// other tabs.
    pub fn resume(
        namespace: &str,
        handover: Option<Handover>,
        read: ReadBook,
        apply: ApplyAction,
    ) -> Session {
        let store = Store::new(namespace);
        let loaded = match handover {
            Some(h) if !h.reread => Loaded {
                book: h.book,
                keeping: h.keeping,
                notice: h.notice,
                unsaved: h.unsaved,
                needs_app: false,
            },
            _ => load(&store, read),
        };
        let session = Session {
            book: RwSignal::new(loaded.book),
            keeping: RwSignal::new(loaded.keeping),
            storage_notice: RwSignal::new(loaded.notice),
            unsaved: RwSignal::new(loaded.unsaved),
            needs_app: loaded.needs_app,
            store: StoredValue::new(store),
            read,
            apply,
        };
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            let ours = session.store.with_value(|s| s.key(BOOK_NAME));
            // `key` is null when another tab cleared all storage.
            if event.key().is_none_or(|k| k == ours) && !session.unsaved.get_untracked() {
                session.reload();
            }
        });
        on_cleanup(move || listener.remove());
        session
    }

    /// The session provided by the app shell ([`crate::web::shell`]).
    pub fn get() -> Session {
        expect_context::<Session>()
    }

    /// Everything the whole app needs to go on from where this session is.
    pub fn handover(&self) -> Handover {
        Handover {
            book: self.book.get_untracked(),
            keeping: self.keeping.get_untracked(),
            notice: self.storage_notice.get_untracked(),
            unsaved: self.unsaved.get_untracked(),
            reread: self.needs_app,
        }
    }

    fn stored_book(&self) -> Option<Book> {
        let envelope = self.store.with_value(|s| s.load(BOOK_NAME)).ok()??;
        // What another tab stored may hold something this one cannot read: the reader keeps it
        // aside before the book is used without it.
        match self
            .store
            .with_value(|s| (self.read)(s, envelope.schema, envelope.data.get()))
        {
            Read::Book { book, notice, .. } => {
                if notice.is_some() {
                    self.storage_notice.set(notice);
                }
                Some(book)
            }
            _ => None,
        }
    }

    /// What was set aside from the stored book over time (nothing is ever dropped).
    pub fn set_aside(&self) -> Vec<SetAside> {
        self.store
            .with_value(|s| s.load_as::<Vec<SetAside>>(SET_ASIDE_NAME, BOOK_SCHEMA))
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Brings back what can be restored of what was set aside; returns how many assessments came
    /// back and how many items stay set aside.
    pub fn restore_set_aside(&self) -> Result<(usize, usize), String> {
        let items = self.set_aside();
        let before = items.len();
        let mut restored = 0;
        let mut left = Vec::new();
        let result = self.dispatch_with(|book| {
            let n = book.assessments.len();
            left = book.restore(items.clone(), &now(), || new_id("a"));
            restored = book.assessments.len() - n;
        });
        result.map_err(|e| e.to_string())?;
        if restored > 0 {
            self.store
                .with_value(|s| s.save(SET_ASIDE_NAME, BOOK_SCHEMA, &left))
                .map_err(|e| e.to_string())?;
        }
        debug_assert_eq!(before, restored + left.len());
        Ok((restored, left.len()))
    }

    /// Removes what was set aside (after the person has downloaded it or no longer wants it).
    pub fn forget_set_aside(&self) {
        self.store.with_value(|s| s.remove(SET_ASIDE_NAME));
    }

    fn reload(&self) {
        if self.keeping.get_untracked() != Keeping::Saved {
            return;
        }
        let book = self.stored_book().unwrap_or_default();
        if book != self.book.get_untracked() {
            self.book.set(book);
        }
    }

    /// Applies a change and saves it at once. Storage problems do not lose the change: it stays in
    /// memory and [`Session::storage_notice`] says what happened.
    pub fn dispatch(&self, action: Action) -> Result<(), BookError> {
        self.dispatch_with(|book| (self.apply)(book, action))?
    }

    /// Applies `change` to the latest book and saves it, as [`Session::dispatch`] does.
    fn dispatch_with<T>(&self, change: impl FnOnce(&mut Book) -> T) -> Result<T, BookError> {
        // A book left for the whole app to repair is never written over by this build.
        let saving = self.keeping.get_untracked() == Keeping::Saved && !self.needs_app;
        let mut book = if saving && !self.unsaved.get_untracked() {
            // Another tab may have saved since this one last looked.
            self.stored_book()
                .unwrap_or_else(|| self.book.get_untracked())
        } else {
            self.book.get_untracked()
        };
        let out = change(&mut book);
        if saving {
            match self
                .store
                .with_value(|s| s.save(BOOK_NAME, BOOK_SCHEMA, &book))
            {
                Ok(()) => {
                    self.unsaved.set(false);
                    if self.storage_notice.get_untracked() == Some(StorageError::Full) {
                        self.storage_notice.set(None);
                    }
                }
                Err(StorageError::Unavailable) => {
                    self.keeping.set(Keeping::MemoryOnly);
                    self.storage_notice.set(Some(StorageError::Unavailable));
                }
                Err(error) => {
                    self.unsaved.set(true);
                    self.storage_notice.set(Some(error));
                }
            }
        }
        self.book.set(book);
        Ok(out)
    }
}

/// What reading the stored book gave.
pub enum Read {
    /// The book, what the person must be told about it, and whether memory holds more than storage.
    Book {
        book: Book,
        notice: Option<StorageError>,
        unsaved: bool,
    },
    /// Saved by a newer version of the app: left untouched.
    Newer,
    /// Not a book at all.
    Unreadable,
    /// Not in good order, and this build does not repair books: the whole app must read it.
    NeedsRepair,
}

/// How a build reads the stored book. Given by each build's entry point, so that the questionnaire's
/// first load carries no repairing code ([`read_in_good_order`]); the whole app repairs
/// ([`read_repairing`]).
pub type ReadBook = fn(&Store, u32, &str) -> Read;

/// Reads a book in good order only; anything else is left to the whole app, untouched.
pub fn read_in_good_order(_: &Store, schema: u32, data: &str) -> Read {
    match Book::from_stored(schema, data) {
        Ok(book) => Read::Book {
            book,
            notice: None,
            unsaved: false,
        },
        Err(StoredBookError::Newer(_)) => Read::Newer,
        Err(StoredBookError::Unreadable(_)) => Read::NeedsRepair,
    }
}

/// Reads the stored book keeping every assessment that reads; what does not is kept aside (added to
/// what was set aside before), then the book is saved without it, so that the next read is clean.
pub fn read_repairing(store: &Store, schema: u32, data: &str) -> Read {
    let read = match Book::read_stored(schema, data, || new_id("a")) {
        Ok(read) => read,
        Err(StoredBookError::Newer(_)) => return Read::Newer,
        Err(StoredBookError::Unreadable(_)) => return Read::Unreadable,
    };
    if !read.changed() {
        return Read::Book {
            book: read.book,
            notice: None,
            unsaved: false,
        };
    }
    if keep_set_aside(store, &read.set_aside).is_err() {
        // Saving the book now would lose what could not be kept aside: storage is left as it is.
        return Read::Book {
            book: read.book,
            notice: Some(StorageError::CorruptNotBackedUp),
            unsaved: true,
        };
    }
    let notice = (!read.set_aside.is_empty())
        .then(|| StorageError::PartlySetAside(set_aside_summary(&read.set_aside)));
    match store.save(BOOK_NAME, BOOK_SCHEMA, &read.book) {
        Ok(()) => Read::Book {
            book: read.book,
            notice,
            unsaved: false,
        },
        Err(error) => Read::Book {
            book: read.book,
            notice: Some(error),
            unsaved: true,
        },
    }
}

/// Adds what could not be read to what was set aside before.
fn keep_set_aside(store: &Store, items: &[SetAside]) -> Result<(), StorageError> {
    if items.is_empty() {
        return Ok(());
    }
    let mut kept = store
        .load_as::<Vec<SetAside>>(SET_ASIDE_NAME, BOOK_SCHEMA)?
        .unwrap_or_default();
    kept.extend_from_slice(items);
    store.save(SET_ASIDE_NAME, BOOK_SCHEMA, &kept)
}

/// The session as loaded from storage.
struct Loaded {
    book: Book,
    keeping: Keeping,
    notice: Option<StorageError>,
    unsaved: bool,
    needs_app: bool,
}

impl Loaded {
    fn new(book: Book, keeping: Keeping, notice: Option<StorageError>) -> Loaded {
        Loaded {
            book,
            keeping,
            notice,
            unsaved: false,
            needs_app: false,
        }
    }
}

/// Reads the stored book with `read`. A book from a newer version is left untouched and the app
/// works in memory; data that is not a book is kept aside and reported; disabled storage means
/// memory; a book only the whole app can repair is left for it.
fn load(store: &Store, read: ReadBook) -> Loaded {
    let unavailable = || {
        Loaded::new(
            Book::default(),
            Keeping::MemoryOnly,
            Some(StorageError::Unavailable),
        )
    };
    if !storage::available() {
        return unavailable();
    }
    match store.load(BOOK_NAME) {
        Ok(None) => Loaded::new(Book::default(), Keeping::Saved, None),
        Ok(Some(envelope)) => match read(store, envelope.schema, envelope.data.get()) {
            Read::Book {
                book,
                notice,
                unsaved,
            } => Loaded {
                unsaved,
                ..Loaded::new(book, Keeping::Saved, notice)
            },
            Read::Newer => Loaded::new(
                Book::default(),
                Keeping::MemoryOnly,
                Some(StorageError::Newer),
            ),
            Read::Unreadable => Loaded::new(
                Book::default(),
                Keeping::Saved,
                Some(store.keep_aside(BOOK_NAME)),
            ),
            Read::NeedsRepair => Loaded {
                needs_app: true,
                ..Loaded::new(Book::default(), Keeping::Saved, None)
            },
        },
        Err(StorageError::Unavailable) => unavailable(),
        Err(error) => Loaded::new(Book::default(), Keeping::Saved, Some(error)),
    }
}
