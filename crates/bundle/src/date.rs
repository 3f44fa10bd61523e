//! Publication dates: a calendar date, or a date and time with its UTC offset (RFC 3339).

use std::fmt;

/// A moment of publication as the publisher wrote it.
///
/// Either `2007-10-13` (the day only, no time zone implied) or
/// `2007-10-13T14:05:00+04:00` (RFC 3339, the offset required).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Year, such as 2007.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
    /// Time of day and offset, when the publisher gave them.
    pub time: Option<TimeOfDay>,
}

/// A time of day with its offset from UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    /// Hour, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
    /// Second, 0 to 59 (a leap second 60 is accepted).
    pub second: u8,
    /// Offset from UTC in minutes; `0` for `Z`.
    pub offset_minutes: i16,
}

/// Why a date could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDate;

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a date like 2007-10-13 or 2007-10-13T14:05:00+04:00")
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Timestamp {
    /// Reads `2007-10-13` or an RFC 3339 date-time with an offset.
    pub fn parse(text: &str) -> Result<Self, BadDate> {
        let cut = text.len().min(10);
        if !text.is_char_boundary(cut) {
            return Err(BadDate);
        }
        let (date, rest) = text.split_at(cut);
        let mut parts = date.split('-');
        let (y, m, d) = (
            parts.next().and_then(|p| digits(p, 4)),
            parts.next().and_then(|p| digits(p, 2)),
            parts.next().and_then(|p| digits(p, 2)),
        );
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(BadDate);
        };
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || y < 1800 {
            return Err(BadDate);
        }
        let time = if rest.is_empty() {
            None
        } else {
            Some(parse_time(rest)?)
        };
        Ok(Self {
            year: y as u16,
            month: m as u8,
            day: d as u8,
            time,
        })
    }

    /// Days since 1970-01-01 of the calendar date, ignoring the time.
    pub fn days_since_epoch(&self) -> i64 {
        // Proleptic Gregorian days-from-civil arithmetic over 400-year eras.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Seconds since the Unix epoch in UTC; a date alone counts from its midnight UTC.
    pub fn unix_seconds(&self) -> i64 {
        let day = self.days_since_epoch() * 86_400;
        match self.time {
            None => day,
            Some(t) => {
                day + i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second)
                    - i64::from(t.offset_minutes) * 60
            }
        }
    }
}

fn parse_time(rest: &str) -> Result<TimeOfDay, BadDate> {
    let rest = rest.strip_prefix(['T', 't']).ok_or(BadDate)?;
    if rest.len() < 9 || !rest.is_char_boundary(8) {
        return Err(BadDate);
    }
    let (clock, mut zone) = rest.split_at(8);
    let mut fields = clock.split(':').map(|p| digits(p, 2));
    let (Some(Some(h)), Some(Some(mi)), Some(Some(s))) =
        (fields.next(), fields.next(), fields.next())
    else {
        return Err(BadDate);
    };
    if h > 23 || mi > 59 || s > 60 {
        return Err(BadDate);
    }
    if let Some(frac) = zone.strip_prefix('.') {
        let end = frac
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(frac.len());
        if end == 0 {
            return Err(BadDate);
        }
        zone = &frac[end..];
    }
    let offset_minutes = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return Err(BadDate),
            };
            let (oh, om) = zone[1..].split_once(':').ok_or(BadDate)?;
            let (Some(oh), Some(om)) = (digits(oh, 2), digits(om, 2)) else {
                return Err(BadDate);
            };
            if oh > 23 || om > 59 {
                return Err(BadDate);
            }
            sign * (oh * 60 + om) as i16
        }
    };
    Ok(TimeOfDay {
        hour: h as u8,
        minute: mi as u8,
        second: s as u8,
        offset_minutes,
    })
}

impl fmt::Display for Timestamp {
    /// Writes the timestamp back in the form it was read: `2007-10-13` or RFC 3339.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second)?;
            if t.offset_minutes == 0 {
                f.write_str("Z")?;
            } else {
                let sign = if t.offset_minutes < 0 { '-' } else { '+' };
                let m = t.offset_minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)?;
            }
        }
        Ok(())
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("2007-10-13", true)]
    #[case("2007-10-13T14:05:00Z", true)]
    #[case("2007-10-13T14:05:00+04:00", true)]
    #[case("2007-10-13T14:05:00.250-05:30", true)]
    #[case("2008-02-29", true)]
    #[case("2007-02-29", false)]
    #[case("2007-13-01", false)]
    #[case("2007-10-32", false)]
    #[case("13 October 2007", false)]
    #[case("2007-10-13T14:05:00", false)]
    #[case("2007-10-13T25:00:00Z", false)]
    #[case("2007-10-13 14:05:00Z", false)]
    #[case("2007-10-13T14:05:00+4:00", false)]
    #[case("", false)]
    #[case("2007-10-1é", false)]
    #[case("2007-10-13T14:05:0é+04:00", false)]
    fn dates_are_read_only_in_the_documented_forms(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(Timestamp::parse(text).is_ok(), ok, "{text}");
    }

    #[rstest]
    #[case("2007-10-13")]
    #[case("2007-10-13T14:05:00Z")]
    #[case("2007-10-13T14:05:00-05:30")]
    fn timestamps_print_as_they_were_written(#[case] text: &str) {
        assert_eq!(Timestamp::parse(text).unwrap().to_string(), text);
    }

    #[test]
    fn unix_seconds_apply_the_offset() {
        assert_eq!(Timestamp::parse("1970-01-01").unwrap().unix_seconds(), 0);
        assert_eq!(
            Timestamp::parse("2007-10-13").unwrap().unix_seconds(),
            1_192_233_600
        );
        assert_eq!(
            Timestamp::parse("1970-01-01T01:00:00+01:00")
                .unwrap()
                .unix_seconds(),
            0
        );
    }
}
