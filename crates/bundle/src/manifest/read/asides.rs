//! Sidebars and notices: the boxed asides and the notices to readers.

use crate::diagnostic::{Report, Rule};
use crate::json::Obj;
use crate::limits;
use crate::manifest::{Notice, NoticeKind, Sidebar};

use super::addresses::link;
use super::id_field;
use super::media::{duplicate_ids, figure, DeclaredMedia};

/// The sidebars, each sidebar id unique.
pub(super) fn sidebar_list(
    o: &Obj<'_, '_>,
    report: &mut Report,
    declared: &DeclaredMedia,
) -> Vec<Sidebar> {
    let sidebars = o.list(report, "sidebars", limits::SIDEBARS, |item, r| {
        let s = item.object(r)?;
        let id = id_field(&s, r, "id");
        let title = s.req_text(r, "title", "every sidebar needs a title");
        let figure = s.opt_obj(r, "figure").and_then(|f| figure(&f, r, declared));
        let teaser = s.req(r, "teaser", "the sidebar's text in Markdown", |s, r| {
            s.opt_str_max(r, "teaser", limits::INLINE_MARKDOWN_BYTES)
        });
        let more = s.opt_obj(r, "more").and_then(|l| link(&l, r));
        Some(Sidebar {
            id,
            title: title?,
            figure,
            teaser: teaser?,
            more,
        })
    });
    for (i, id) in duplicate_ids(o, "sidebars") {
        o.problem(
            report,
            Rule::DuplicateId,
            &format!("sidebars[{i}].id"),
            format!("{id:?} is used by an earlier sidebar"),
        );
    }
    sidebars
}

/// One notice to readers.
pub(super) fn notice(o: &Obj<'_, '_>, report: &mut Report) -> Option<Notice> {
    let kind = o.req(
        report,
        "kind",
        "one of legal, safety, correction, editors-note",
        |o, r| {
            let name = o.opt_text(r, "kind")?;
            let kind = NoticeKind::ALL
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, k)| *k);
            if kind.is_none() {
                o.problem(
                    r,
                    Rule::BadValue,
                    "kind",
                    format!("{name:?} is not one of legal, safety, correction, editors-note"),
                );
            }
            kind
        },
    );
    let text = o.req(report, "text", "the notice in Markdown", |o, r| {
        o.opt_str_max(r, "text", limits::INLINE_MARKDOWN_BYTES)
    });
    let links = o.list(report, "links", limits::NOTICE_LINKS, |item, r| {
        link(&item.object(r)?, r)
    });
    Some(Notice {
        kind: kind?,
        text: text?,
        links,
    })
}
