//! The person's own assessments: a book of named, dated responses, and the one reducer through which
//! it changes.
//!
//! Every change is an [`Action`] applied by [`Book::apply`]; the UI applies each action to the latest
//! stored book and saves at once, so that two tabs on the same assessment never lose each other's
//! answers. Stored shapes are versioned ([`BOOK_SCHEMA`]); [`Book::from_stored`] reads every shape ever
//! shipped, guarded by frozen fixtures in `tests/fixtures/storage/`. Pure: no browser crate; the time
//! and new ids come in with the actions.

use serde::{Deserialize, Serialize};

use crate::engine::error::AnswerError;
use crate::engine::instrument::Field;
use crate::engine::response::{AnswerAction, Response};

/// Storage name of the book (the key is namespaced by the storage adapter).
pub const BOOK_NAME: &str = "assessments";
/// The shape written now.
pub const BOOK_SCHEMA: u32 = 1;

/// One self-assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The person's name for it ("Assessment 29 November 2026" unless renamed).
    pub name: String,
    /// ISO 8601 date-time it was started.
    pub created_at: String,
    /// ISO 8601 date-time of the last change.
    pub updated_at: String,
    /// When the person last finished it (all required answers given and results seen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// The slug of the page the person was last on, to resume there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The answers; `response.id` is the assessment's id.
    pub response: Response,
}

impl Assessment {
    /// The assessment's id.
    pub fn id(&self) -> &str {
        &self.response.id
    }
}

/// All the person's assessments, newest last, and which one is open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Book {
    pub assessments: Vec<Assessment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
}

/// A change to the book.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start a new assessment and open it.
    Create {
        id: String,
        name: String,
        now: String,
    },
    /// Open an assessment.
    Open { id: String },
    /// Rename an assessment.
    Rename {
        id: String,
        name: String,
        now: String,
    },
    /// Delete one assessment.
    Delete { id: String },
    /// Delete every assessment.
    DeleteAll,
    /// Change one answer.
    Answer {
        id: String,
        action: AnswerAction,
        now: String,
    },
    /// Tick (`on`) or untick an option of a multiple-choice field; unlike a toggle, applying it twice
    /// is harmless, so a change made in another tab meanwhile is never undone.
    Tick {
        id: String,
        field: Field,
        code: String,
        on: bool,
        now: String,
    },
    /// Remember the page the person is on.
    Visit { id: String, page: String },
    /// Mark the assessment finished (its answers are complete).
    Complete { id: String, now: String },
    /// Add a response brought in from a file (an export from this or another device). It is kept
    /// under its own id; one already in the book is refused as a duplicate. A complete response is
    /// marked finished at `now`.
    Import {
        response: Response,
        name: String,
        now: String,
    },
}

/// Why an action could not be applied; nothing changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BookError {
    #[error("That assessment no longer exists in this browser; it may have been deleted in another tab.")]
    NoSuchAssessment,
    #[error("An assessment with that id already exists.")]
    DuplicateId,
    #[error("A name is needed.")]
    EmptyName,
    #[error("The assessment still has questions to answer.")]
    Incomplete,
    #[error(transparent)]
    Answer(#[from] AnswerError),
}

/// Why stored data could not be read as a book.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoredBookError {
    #[error("it was saved by a newer version of this app (format {0})")]
    Newer(u32),
    #[error("it is not in a format this app knows: {0}")]
    Unreadable(String),
}

impl Book {
    /// Reads a stored book of any shipped shape.
    pub fn from_stored(schema: u32, data: &str) -> Result<Book, StoredBookError> {
        match schema {
            1 => serde_json::from_str(data).map_err(|e| StoredBookError::Unreadable(e.to_string())),
            newer if newer > BOOK_SCHEMA => Err(StoredBookError::Newer(newer)),
            other => Err(StoredBookError::Unreadable(format!(
                "unknown format {other}"
            ))),
        }
    }

    /// The assessment with this id.
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.id() == id)
    }

    /// The open assessment.
    pub fn current(&self) -> Option<&Assessment> {
        self.current.as_deref().and_then(|id| self.get(id))
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Assessment, BookError> {
        self.assessments
            .iter_mut()
            .find(|a| a.id() == id)
            .ok_or(BookError::NoSuchAssessment)
    }

    /// Applies one action; on error nothing changes.
    pub fn apply(&mut self, action: Action) -> Result<(), BookError> {
        match action {
            Action::Create { id, name, now } => {
                if self.get(&id).is_some() {
                    return Err(BookError::DuplicateId);
                }
                let name = name.trim();
                if name.is_empty() {
                    return Err(BookError::EmptyName);
                }
                self.assessments.push(Assessment {
                    name: name.to_string(),
                    created_at: now.clone(),
                    updated_at: now,
                    completed_at: None,
                    page: None,
                    response: Response::new(id.clone()),
                });
                self.current = Some(id);
            }
            Action::Open { id } => {
                self.get_mut(&id)?;
                self.current = Some(id);
            }
            Action::Rename { id, name, now } => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return Err(BookError::EmptyName);
                }
                let a = self.get_mut(&id)?;
                a.name = name;
                a.updated_at = now;
            }
            Action::Delete { id } => {
                self.get_mut(&id)?;
                self.assessments.retain(|a| a.id() != id);
                if self.current.as_deref() == Some(id.as_str()) {
                    self.current = None;
                }
            }
            Action::DeleteAll => *self = Book::default(),
            Action::Answer { id, action, now } => {
                let a = self.get_mut(&id)?;
                let mut response = a.response.clone();
                response.apply(action)?;
                if response != a.response {
                    a.response = response;
                    a.updated_at = now;
                }
            }
            Action::Tick {
                id,
                field,
                code,
                on,
                now,
            } => {
                let a = self.get_mut(&id)?;
                let ticked = a.response.answers().is_stored(field)
                    && matches!(
                        a.response.answers().stored(field),
                        Some(crate::engine::response::AnswerRef::Choices(ref options))
                            if options.iter().any(|o| o.code == code)
                    );
                if ticked != on {
                    a.response.toggle(field, &code)?;
                    a.updated_at = now;
                }
            }
            Action::Visit { id, page } => {
                self.get_mut(&id)?.page = Some(page);
            }
            Action::Import {
                response,
                name,
                now,
            } => {
                if self.get(&response.id).is_some() {
                    return Err(BookError::DuplicateId);
                }
                let name = name.trim();
                if name.is_empty() {
                    return Err(BookError::EmptyName);
                }
                let created = response.submitted_at.clone().unwrap_or_else(|| now.clone());
                let completed_at = response.is_complete().then(|| now.clone());
                self.assessments.push(Assessment {
                    name: name.to_string(),
                    created_at: created,
                    updated_at: now,
                    completed_at,
                    page: None,
                    response,
                });
            }
            Action::Complete { id, now } => {
                let a = self.get_mut(&id)?;
                if !a.response.is_complete() {
                    return Err(BookError::Incomplete);
                }
                a.completed_at = Some(now);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::instrument::{Factor, Measure};

    const NOW: &str = "2026-11-29T10:00:00Z";
    const LATER: &str = "2026-11-29T11:00:00Z";

    fn book_with(id: &str) -> Book {
        let mut book = Book::default();
        book.apply(Action::Create {
            id: id.into(),
            name: "Mine".into(),
            now: NOW.into(),
        })
        .unwrap();
        book
    }

    fn answer(id: &str, field: Field, code: &str) -> Action {
        Action::Answer {
            id: id.into(),
            action: AnswerAction::Choose {
                field,
                code: code.into(),
            },
            now: LATER.into(),
        }
    }

    #[test]
    fn creating_opens_the_new_assessment() {
        let book = book_with("a");
        assert_eq!(book.current().unwrap().name, "Mine");
        assert_eq!(book.current().unwrap().created_at, NOW);
    }

    #[test]
    fn actions_that_cannot_apply_change_nothing() {
        let book = book_with("a");
        let cases = [
            (
                Action::Create {
                    id: "a".into(),
                    name: "x".into(),
                    now: NOW.into(),
                },
                BookError::DuplicateId,
            ),
            (
                Action::Create {
                    id: "b".into(),
                    name: "  ".into(),
                    now: NOW.into(),
                },
                BookError::EmptyName,
            ),
            (
                Action::Open { id: "zz".into() },
                BookError::NoSuchAssessment,
            ),
            (
                Action::Rename {
                    id: "a".into(),
                    name: "".into(),
                    now: NOW.into(),
                },
                BookError::EmptyName,
            ),
            (
                Action::Delete { id: "zz".into() },
                BookError::NoSuchAssessment,
            ),
            (answer("zz", Field::Q1, "yes"), BookError::NoSuchAssessment),
            (
                Action::Complete {
                    id: "a".into(),
                    now: NOW.into(),
                },
                BookError::Incomplete,
            ),
        ];
        for (action, error) in cases {
            let mut changed = book.clone();
            assert_eq!(changed.apply(action.clone()), Err(error), "{action:?}");
            assert_eq!(changed, book, "{action:?} changed the book");
        }
        let mut changed = book.clone();
        assert!(matches!(
            changed.apply(answer("a", Field::Q1, "maybe")),
            Err(BookError::Answer(_))
        ));
        assert_eq!(changed, book);
    }

    #[test]
    fn answers_change_the_response_and_its_date() {
        let mut book = book_with("a");
        book.apply(answer("a", Field::Q1, "yes")).unwrap();
        let a = book.get("a").unwrap();
        assert!(a.response.answers().is_answered(Field::Q1));
        assert_eq!(a.updated_at, LATER);
    }

    #[test]
    fn ticks_are_idempotent_so_a_second_tab_cannot_undo_them() {
        let mut book = book_with("a");
        let tick = |on| Action::Tick {
            id: "a".into(),
            field: Field::Q17,
            code: "housing".into(),
            on,
            now: LATER.into(),
        };
        book.apply(tick(true)).unwrap();
        book.apply(tick(true)).unwrap();
        assert!(
            book.get("a")
                .unwrap()
                .response
                .answers()
                .q17()
                .iter()
                .count()
                == 1
        );
        book.apply(tick(false)).unwrap();
        book.apply(tick(false)).unwrap();
        assert!(book.get("a").unwrap().response.answers().q17().is_empty());
    }

    #[test]
    fn changes_from_two_tabs_applied_to_the_latest_book_are_all_kept() {
        // Tab A and tab B each apply their change to what is stored at that moment.
        let mut stored = book_with("a");
        stored.apply(answer("a", Field::Q1, "yes")).unwrap(); // tab A
        stored
            .apply(answer(
                "a",
                Field::Score(Measure::Importance, Factor::Places),
                "3",
            ))
            .unwrap(); // tab B
        let answers = stored.get("a").unwrap().response.answers();
        assert!(answers.is_answered(Field::Q1));
        assert!(answers.is_answered(Field::Score(Measure::Importance, Factor::Places)));
    }

    #[test]
    fn deleting_the_open_assessment_closes_it_and_delete_all_empties_the_book() {
        let mut book = book_with("a");
        book.apply(Action::Create {
            id: "b".into(),
            name: "Second".into(),
            now: NOW.into(),
        })
        .unwrap();
        book.apply(Action::Delete { id: "b".into() }).unwrap();
        assert_eq!(book.current, None);
        assert_eq!(book.assessments.len(), 1);
        book.apply(Action::DeleteAll).unwrap();
        assert_eq!(book, Book::default());
    }

    #[test]
    fn imported_responses_keep_their_id_and_are_refused_twice() {
        let v1 = include_str!("../tests/fixtures/storage/book-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        let stored = Book::from_stored(1, &envelope["data"].to_string()).unwrap();
        let complete = stored.assessments[1].response.clone();
        let partial = stored.assessments[0].response.clone();

        let mut book = Book::default();
        let import = |r: &Response| Action::Import {
            response: r.clone(),
            name: "From a file".into(),
            now: NOW.into(),
        };
        book.apply(import(&complete)).unwrap();
        book.apply(import(&partial)).unwrap();
        assert_eq!(
            book.get(&complete.id).unwrap().completed_at.as_deref(),
            Some(NOW)
        );
        assert_eq!(book.get(&partial.id).unwrap().completed_at, None);
        assert_eq!(book.current, None, "importing does not change what is open");
        let before = book.clone();
        assert_eq!(book.apply(import(&complete)), Err(BookError::DuplicateId));
        assert_eq!(book, before);
    }

    #[test]
    fn stored_books_of_every_shipped_schema_load() {
        let v1 = include_str!("../tests/fixtures/storage/book-v1.json");
        let envelope: serde_json::Value = serde_json::from_str(v1).unwrap();
        let book = Book::from_stored(
            envelope["schema"].as_u64().unwrap() as u32,
            &envelope["data"].to_string(),
        )
        .unwrap();
        assert_eq!(book.assessments.len(), 2);
        let first = &book.assessments[0];
        assert_eq!(first.name, "Team away day");
        assert_eq!(first.page.as_deref(), Some("involvement"));
        assert!(first.response.answers().is_answered(Field::Q1));
        assert!(book.assessments[1].completed_at.is_some());
        assert!(book.assessments[1].response.is_complete());
        assert_eq!(book.current.as_deref(), Some(first.id()));
    }

    #[test]
    fn stored_data_of_a_newer_or_unknown_shape_is_refused_not_guessed() {
        assert_eq!(
            Book::from_stored(BOOK_SCHEMA + 1, "null"),
            Err(StoredBookError::Newer(BOOK_SCHEMA + 1))
        );
        assert!(matches!(
            Book::from_stored(0, "null"),
            Err(StoredBookError::Unreadable(_))
        ));
        assert!(matches!(
            Book::from_stored(1, r#"{"assessments": "nope"}"#),
            Err(StoredBookError::Unreadable(_))
        ));
    }
}
