//! Dates in words for the languages Folio knows by heart (English, Russian, and Persian in
//! the Solar Hijri calendar), the same natively and in the browser, so a static page and
//! the app that takes it over show the same text. Times are given in UTC, as the
//! publisher's own offset means nothing to most readers.

use folio_bundle::Timestamp;

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Russian month names in the genitive, as a date is written: "13 октября".
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// The months of the Solar Hijri calendar, which Persian dates are written in.
const FA_MONTHS: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// `n` in Persian digits, with at least `width` of them.
pub fn persian_digits(n: i64, width: usize) -> String {
    format!("{n:0width$}")
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x06F0 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// The Solar Hijri (year, month, day) of a Gregorian date, by the arithmetic 33-year
/// cycle, which agrees with the astronomical calendar for centuries either side of now.
fn solar_hijri(year: i64, month: u8, day: u8) -> (i64, usize, i64) {
    const BEFORE_MONTH: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap_year = if month > 2 { year + 1 } else { year };
    let mut days = 355_666 + 365 * year + (leap_year + 3) / 4 - (leap_year + 99) / 100
        + (leap_year + 399) / 400
        + i64::from(day)
        + BEFORE_MONTH[usize::from(month.clamp(1, 12) - 1)];
    let mut sh_year = -1595 + 33 * (days / 12_053);
    days %= 12_053;
    sh_year += 4 * (days / 1461);
    days %= 1461;
    if days > 365 {
        sh_year += (days - 1) / 365;
        days = (days - 1) % 365;
    }
    if days < 186 {
        (sh_year, (days / 31) as usize, 1 + days % 31)
    } else {
        (
            sh_year,
            (6 + (days - 186) / 30) as usize,
            1 + (days - 186) % 30,
        )
    }
}

/// The primary language subtag, lower-case: `en` of `en-GB`.
fn primary(language: &str) -> String {
    language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A calendar day and a time of day in UTC.
struct Utc {
    year: i64,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
}

/// The UTC day and time of `ts`; a date without a time stays the day it names.
fn utc(ts: &Timestamp) -> Utc {
    if ts.time.is_none() {
        return Utc {
            year: i64::from(ts.year),
            month: ts.month,
            day: ts.day,
            hour: 0,
            minute: 0,
        };
    }
    let seconds = ts.unix_seconds();
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Utc {
        year,
        month,
        day,
        hour: (of_day / 3600) as u8,
        minute: (of_day % 3600 / 60) as u8,
    }
}

/// `ts` in words in `language`, with its UTC time if `with_time` and it has one; `None`
/// for a language this table does not know.
pub fn in_words(ts: &Timestamp, language: &str, with_time: bool) -> Option<String> {
    let t = utc(ts);
    let month = usize::from(t.month.clamp(1, 12) - 1);
    let timed = with_time && ts.time.is_some();
    match primary(language).as_str() {
        "en" => {
            let date = format!("{} {}, {}", EN_MONTHS[month], t.day, t.year);
            Some(if timed {
                let (h12, half) = match t.hour {
                    0 => (12, "AM"),
                    1..=11 => (t.hour, "AM"),
                    12 => (12, "PM"),
                    _ => (t.hour - 12, "PM"),
                };
                format!("{date} at {h12}:{:02} {half} UTC", t.minute)
            } else {
                date
            })
        }
        "ru" => {
            let date = format!("{} {} {} г.", t.day, RU_MONTHS[month], t.year);
            Some(if timed {
                format!("{date} в {:02}:{:02} UTC", t.hour, t.minute)
            } else {
                date
            })
        }
        "fa" => {
            let (year, month, day) = solar_hijri(t.year, t.month, t.day);
            let date = format!(
                "{} {} {}",
                persian_digits(day, 1),
                FA_MONTHS[month.min(11)],
                persian_digits(year, 1)
            );
            Some(if timed {
                let (h, m) = (i64::from(t.hour), i64::from(t.minute));
                format!(
                    "{date}، ساعت {}:{} UTC",
                    persian_digits(h, 2),
                    persian_digits(m, 2)
                )
            } else {
                date
            })
        }
        _ => None,
    }
}

/// A language's name in that language, for the languages Folio knows by heart.
pub fn own_name(tag: &str) -> Option<&'static str> {
    match primary(tag).as_str() {
        "en" => Some("English"),
        "ru" => Some("русский"),
        "fa" => Some("فارسی"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).expect("a valid date")
    }

    #[test]
    fn dates_are_written_as_readers_of_each_language_write_them() {
        for (date, language, time, words) in [
            ("2007-10-13", "en", true, Some("October 13, 2007")),
            ("2007-10-13", "en-GB", false, Some("October 13, 2007")),
            (
                "2026-11-02T09:00:00Z",
                "en",
                true,
                Some("November 2, 2026 at 9:00 AM UTC"),
            ),
            (
                "2026-11-02T09:00:00Z",
                "en",
                false,
                Some("November 2, 2026"),
            ),
            (
                "2026-11-02T00:05:00Z",
                "en",
                true,
                Some("November 2, 2026 at 12:05 AM UTC"),
            ),
            (
                "2026-11-02T12:30:00Z",
                "en",
                true,
                Some("November 2, 2026 at 12:30 PM UTC"),
            ),
            (
                "2026-11-10T12:00:00+03:00",
                "ru",
                true,
                Some("10 ноября 2026 г. в 09:00 UTC"),
            ),
            (
                "2026-01-01T01:00:00+03:00",
                "ru",
                true,
                Some("31 декабря 2025 г. в 22:00 UTC"),
            ),
            ("2007-10-13", "ru", false, Some("13 октября 2007 г.")),
            (
                "2026-12-05T12:00:00+03:30",
                "fa",
                true,
                Some("۱۴ آذر ۱۴۰۵، ساعت ۰۸:۳۰ UTC"),
            ),
            // Nowruz, the first day of the year, and the last day of a leap year.
            ("2025-03-21", "fa", false, Some("۱ فروردین ۱۴۰۴")),
            ("2025-03-20", "fa", false, Some("۳۰ اسفند ۱۴۰۳")),
            ("2007-10-13", "fa", false, Some("۲۱ مهر ۱۳۸۶")),
            ("2007-10-13", "de", false, None),
        ] {
            assert_eq!(
                in_words(&ts(date), language, time).as_deref(),
                words,
                "{date} {language}"
            );
        }
    }

    #[test]
    fn leap_days_and_year_ends_convert_to_utc() {
        assert_eq!(
            in_words(&ts("2024-02-29T23:30:00-01:00"), "en", true).as_deref(),
            Some("March 1, 2024 at 12:30 AM UTC")
        );
    }
}
