//! What one Markdown text may cost a reader: elements (in all, and in one block), table
//! cells and footnotes, counted
//! as the walker meets them, and the table cells that parsing itself would add, estimated
//! before the parser runs. Past a cap the text is refused with a `too-large` error.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::limits;

/// The running count of what a text has made so far.
#[derive(Default)]
pub(super) struct Budget {
    elements: usize,
    /// Elements since the last block started or ended: what one block holds.
    in_block: usize,
    cells: usize,
    footnotes: usize,
    /// Whether the last event was text: the walker joins consecutive pieces into one.
    after_text: bool,
}

/// Whether `tag` opens a block rather than an inline element.
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

impl Budget {
    /// Counts `event`; past a cap, says which in the words of the error.
    pub(super) fn spend(&mut self, event: &Event<'_>) -> Result<(), String> {
        let joined = self.after_text && matches!(event, Event::Text(_));
        self.after_text = matches!(event, Event::Text(_));
        if joined {
            return Ok(());
        }
        match event {
            Event::End(end) => {
                if is_block_end(end) {
                    self.in_block = 0;
                }
                return Ok(());
            }
            Event::Start(Tag::TableCell) => self.cells += 1,
            Event::Start(Tag::FootnoteDefinition(_)) => self.footnotes += 1,
            _ => {}
        }
        match event {
            Event::Start(tag) if is_block(tag) => self.in_block = 0,
            _ => self.in_block += 1,
        }
        self.elements += 1;
        if self.in_block > limits::BLOCK_ELEMENTS {
            return Err(format!(
                "one paragraph, heading, list item or table cell holds more than {} elements \
                 (links, emphasis, footnote references, pieces of text\u{2026})",
                limits::BLOCK_ELEMENTS
            ));
        }
        if self.elements > limits::MARKDOWN_ELEMENTS {
            Err(format!(
                "the Markdown makes more than {} elements (paragraphs, links, pieces of text\u{2026}), \
                 more than a reader\u{2019}s device can be asked to show",
                limits::MARKDOWN_ELEMENTS
            ))
        } else if self.cells > limits::TABLE_CELLS {
            Err(too_many_cells(self.cells))
        } else if self.footnotes > limits::FOOTNOTES {
            Err(format!(
                "more than {} footnotes are defined",
                limits::FOOTNOTES
            ))
        } else {
            Ok(())
        }
    }
}

/// Whether `end` closes a block rather than an inline element.
fn is_block_end(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn too_many_cells(cells: usize) -> String {
    format!(
        "the tables hold {cells} or more cells (short rows are filled to the header\u{2019}s width), \
         more than the {} allowed",
        limits::TABLE_CELLS
    )
}

/// Refuses, before parsing, a text whose tables would hold more cells than allowed once
/// every row is filled to its header's width, which the parser does in its first pass.
pub(super) fn check_tables(text: &str) -> Result<(), String> {
    let bound = table_cells_at_most(text);
    if bound > limits::TABLE_CELLS {
        Err(too_many_cells(bound))
    } else {
        Ok(())
    }
}

/// An upper bound of the table cells in `text`: for each delimiter row (`|---|:--:|`), its
/// columns times the lines from the header to the next blank line.
pub(super) fn table_cells_at_most(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().map(unquoted).collect();
    let mut total: usize = 0;
    for (i, line) in lines.iter().enumerate() {
        let columns = delimiter_columns(line);
        if columns == 0 {
            continue;
        }
        let rows = lines[i + 1..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .count();
        // The header row, then the body rows.
        total = total.saturating_add(columns.saturating_mul(rows + 1));
    }
    total
}

/// A line without its indentation and block-quote markers.
fn unquoted(line: &str) -> &str {
    line.trim_start_matches(['>', ' ', '\t'])
}

/// The columns of a table delimiter row, or 0 when `line` is not one.
fn delimiter_columns(line: &str) -> usize {
    let line = line.trim();
    let only_delimiters = line
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
    if !only_delimiters || !line.contains('-') || !line.contains('|') {
        return 0;
    }
    line.trim_matches('|')
        .split('|')
        .filter(|cell| cell.contains('-'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spend_all(text: &str) -> Result<(), String> {
        let mut budget = Budget::default();
        pulldown_cmark::Parser::new_ext(text, crate::markdown::options())
            .try_for_each(|event| budget.spend(&event))
    }

    #[test]
    fn one_block_may_hold_its_cap_of_elements_and_no_more() {
        let refs = |n: usize| "[^a]".repeat(n) + "\n\n[^a]: Note.\n";
        // The paragraph's own text piece is not there: only the references count.
        assert_eq!(spend_all(&refs(limits::BLOCK_ELEMENTS)), Ok(()));
        let refused = spend_all(&refs(limits::BLOCK_ELEMENTS + 1)).unwrap_err();
        assert!(refused.starts_with("one paragraph, heading"), "{refused}");
        // The same number over many paragraphs is fine: the count starts again in each.
        let many = "[^a]".repeat(limits::BLOCK_ELEMENTS / 2) + "\n\n";
        assert_eq!(spend_all(&(many.repeat(4) + "[^a]: Note.\n")), Ok(()));
    }

    #[test]
    fn a_small_table_counts_its_cells() {
        let text = "| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |\n\nAfter.";
        assert_eq!(table_cells_at_most(text), 6);
    }

    #[test]
    fn short_rows_count_at_the_header_width() {
        let header = "|a".repeat(1_000) + "|\n" + &"|-".repeat(1_000) + "|\n";
        let text = header + &"|x|\n".repeat(50);
        assert_eq!(table_cells_at_most(&text), 51_000);
        assert!(check_tables(&text).is_err());
    }

    #[test]
    fn tables_in_quotes_are_counted_and_rules_are_not_tables() {
        assert_eq!(table_cells_at_most("> |a|b|\n> |--|--|\n> |1|2|\n"), 4);
        assert_eq!(table_cells_at_most("Text\n\n---\n\nMore\n- - -\n"), 0);
    }
}
