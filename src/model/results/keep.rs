//! Keep, share and print: the words around the downloads and the share link, and the line a
//! printout ends with.

use crate::engine::instrument::INSTRUMENT;
use crate::model::results::Reader;

/// The paragraph above the download buttons.
pub fn download_intro(reader: Reader) -> &'static str {
    match reader {
        Reader::Owner => {
            "Download your answers to keep them, to open them on another device (with Import on the Your \
             assessments page), or to give them to a facilitator who is putting together a group report."
        }
        Reader::Shared => {
            "Download these answers to keep them, to open them on another device (with Import on the Your \
             assessments page), or to give them to a facilitator who is putting together a group report."
        }
    }
}

/// The paragraph above the share link.
pub fn share_intro(reader: Reader) -> String {
    format!(
        "This link carries {} answers in the part of the address after the # sign, which browsers never \
         send to a server. Anyone with the link can see these results.",
        match reader {
            Reader::Owner => "your",
            Reader::Shared => "the",
        }
    )
}

/// Whether the section offers the comparison of two assessments: only on the person's own results,
/// once two of their assessments are finished.
pub fn offers_comparison(reader: Reader, completed: usize) -> bool {
    reader == Reader::Owner && completed >= 2
}

/// The line at the foot of a printout: which questionnaire, in which version.
pub fn print_line() -> String {
    format!(
        "{} \u{2014} {} version {}. Printed from Collaboration Readiness.",
        INSTRUMENT.title, INSTRUMENT.id, INSTRUMENT.version
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_owner_of_two_finished_assessments_is_offered_the_comparison() {
        for (reader, completed, offered) in [
            (Reader::Owner, 0, false),
            (Reader::Owner, 1, false),
            (Reader::Owner, 2, true),
            (Reader::Owner, 5, true),
            (Reader::Shared, 2, false),
            (Reader::Shared, 5, false),
        ] {
            assert_eq!(
                offers_comparison(reader, completed),
                offered,
                "{reader:?} {completed}"
            );
        }
    }

    #[test]
    fn a_printout_names_the_questionnaire_and_its_version() {
        assert_eq!(
            print_line(),
            format!(
                "{} \u{2014} state-of-collaboration version 1. Printed from Collaboration Readiness.",
                INSTRUMENT.title
            )
        );
    }
}
