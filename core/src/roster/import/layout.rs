//! Which column fills which field, once the automatic recognition and the person's choices
//! (a [`ColumnMapping`]) are combined; and how one record becomes a [`CreatorDraft`] that
//! remembers, for every handle and rate, the columns it came from, so that a validation error
//! on `handles.1.followers` can name the `TikTok followers` column. Cells that only say there
//! is nothing in them (`NaN`, `N/A`, `-`, `null`, …) are read as empty.

use super::fields::Field;
use super::problems::row_error;
use super::read::clean_cell;
use super::ColumnMapping;
use crate::error::{FieldError, Result, RowError};
use crate::roster::model::{ContentFormat, CreatorDraft, HandleDraft, Platform, RateDraft};
use crate::roster::validate::split_labels;

/// The columns of one handle: a platform slot (`Instagram`, `Instagram followers`, …) or the
/// generic `Platform` + `Handle` + `Followers` + `Profile URL` set.
#[derive(Debug, Default)]
pub(crate) struct HandleColumns {
    /// Fixed for a platform slot; `None` for the generic set, whose platform is in a column.
    pub platform: Option<Platform>,
    pub platform_col: Option<usize>,
    pub handle: Option<usize>,
    pub followers: Option<usize>,
    pub url: Option<usize>,
}

pub(crate) struct Layout {
    pub headers: Vec<String>,
    /// The field of every column, as [`Layout::fields`] gives it.
    fields: Vec<Option<Field>>,
    scalars: Vec<(Field, usize)>,
    pub handles: Vec<HandleColumns>,
    rates: Vec<(ContentFormat, usize)>,
}

/// Where each handle and rate of a draft came from: an index into [`Layout::handles`] or into
/// the rate columns; `None` for what was already stored (a merge).
#[derive(Debug, Clone, Default)]
pub(crate) struct Origins {
    pub handles: Vec<Option<u16>>,
    pub rates: Vec<Option<u16>>,
}

impl Layout {
    /// Combines recognition and the person's choices, and refuses a layout that cannot be
    /// imported (see [`super::mapping`]).
    pub fn resolve(file_name: &str, headers: Vec<String>, mapping: &ColumnMapping) -> Result<Layout> {
        let layout = Layout::build(file_name, headers, mapping)?;
        super::mapping::check_usable(&layout, file_name)?;
        Ok(layout)
    }

    /// Combines recognition and the person's choices without judging the result (the preview
    /// shows it as it is). Refuses a choice naming a column the file does not have, a choice
    /// that is not a field, and two columns chosen for one field.
    pub fn build(file_name: &str, headers: Vec<String>, mapping: &ColumnMapping) -> Result<Layout> {
        let mut fields: Vec<Option<Field>> = vec![None; headers.len()];
        let mut chosen = vec![false; headers.len()];
        for (i, h) in headers.iter().enumerate() {
            // A repeated header is always left out: a choice cannot tell the two apart.
            chosen[i] = headers[..i].contains(h);
        }
        let mut names: Vec<(&String, &Option<String>)> = mapping.0.iter().collect();
        names.sort();
        for (name, choice) in names {
            let col = super::mapping::column_named(file_name, &headers, name)?;
            chosen[col] = true;
            fields[col] = None;
            if let Some(value) = choice.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                let f = super::mapping::field_named(file_name, &headers[col], value)?;
                if let Some(j) = fields.iter().position(|g| *g == Some(f)) {
                    return Err(super::mapping::field_twice(file_name, &headers[j], &headers[col], f));
                }
                fields[col] = Some(f);
            }
        }
        for (i, h) in headers.iter().enumerate() {
            if !chosen[i] {
                fields[i] = super::fields::recognise(h).filter(|f| !fields.contains(&Some(*f)));
            }
        }
        Ok(Layout::from_fields(headers, fields))
    }

    fn from_fields(headers: Vec<String>, mut fields: Vec<Option<Field>>) -> Layout {
        let mut scalars = Vec::new();
        let mut handles: Vec<HandleColumns> = Vec::new();
        let mut generic = HandleColumns::default();
        let mut rates = Vec::new();
        // Platform slots in the order the file first mentions them.
        let mut slot_index: Vec<(Platform, u8)> = Vec::new();
        for (col, f) in fields.iter().enumerate() {
            let Some(f) = *f else { continue };
            match f {
                Field::Handle(p, n) => slot_of(&mut handles, &mut slot_index, p, n).handle = Some(col),
                Field::Followers(p, n) => slot_of(&mut handles, &mut slot_index, p, n).followers = Some(col),
                Field::Url(p, n) => slot_of(&mut handles, &mut slot_index, p, n).url = Some(col),
                Field::Platform => generic.platform_col = Some(col),
                Field::AnyHandle => generic.handle = Some(col),
                Field::AnyFollowers => generic.followers = Some(col),
                Field::AnyUrl => generic.url = Some(col),
                Field::Rate(format) => rates.push((format, col)),
                other => scalars.push((other, col)),
            }
        }
        // Without a platform or handle column of their own, a plain followers or profile column
        // belongs to a platform: the one whose columns it comes right after (“Instagram;
        // Volgers; TikTok; TikTok volgers”), or the file's only platform (“Naam; Instagram;
        // Plaats; Volgers”). Anything else stays generic, and is refused as ambiguous.
        if generic.platform_col.is_none() && generic.handle.is_none() {
            let mut loose: Vec<(usize, bool)> = generic.url.map(|c| (c, false)).into_iter().chain(generic.followers.map(|c| (c, true))).collect();
            loose.sort_unstable();
            for (col, followers) in loose {
                let free = |h: &HandleColumns| if followers { h.followers.is_none() } else { h.url.is_none() };
                let left = col.checked_sub(1).and_then(|left| handles.iter().position(|h| [h.handle, h.url, h.followers].contains(&Some(left))));
                let owner = left.filter(|&i| free(&handles[i])).or_else(|| (handles.len() == 1 && free(&handles[0])).then_some(0));
                let Some(i) = owner else { continue };
                let (h, (p, n)) = (&mut handles[i], slot_index[i]);
                if followers {
                    h.followers = generic.followers.take();
                    fields[col] = Some(Field::Followers(p, n));
                } else {
                    h.url = generic.url.take();
                    fields[col] = Some(Field::Url(p, n));
                }
            }
        }
        if generic.platform_col.is_some() || generic.handle.is_some() || generic.followers.is_some() || generic.url.is_some() {
            handles.push(generic);
        }
        Layout { headers, fields, scalars, handles, rates }
    }

    /// The field each column fills, once a plain followers or profile column has found its
    /// platform; `None` for a column that is left out.
    pub fn fields(&self) -> &[Option<Field>] {
        &self.fields
    }

    /// Whether the file names its creators; if not, a new creator is named after its first
    /// handle ([`name_from_handle`]).
    pub fn has_name_column(&self) -> bool {
        self.column_of(Field::Name).is_some()
    }

    /// The column whose handle becomes a new creator's name when the file has no name column:
    /// the first handle column.
    pub fn name_source(&self) -> Option<usize> {
        if self.has_name_column() {
            return None;
        }
        self.handles.iter().find_map(|h| h.handle.or(h.url))
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.scalars.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    /// Turns one record into a draft; `None` when every cell is empty or blank-like (the row is
    /// skipped).
    pub fn draft(&self, cells: &csv::StringRecord) -> Option<(CreatorDraft, Origins)> {
        let cell = |col: usize| cells.get(col).map(read_cell).unwrap_or("");
        if row_is_empty(cells) {
            return None;
        }
        let mut d = CreatorDraft::default();
        for &(f, col) in &self.scalars {
            let v = cell(col);
            if v.is_empty() {
                continue;
            }
            match f {
                Field::Niches => d.niches = split_labels(v),
                Field::Tags => d.tags = split_labels(v),
                _ => *scalar_mut(&mut d, f).expect("every scalar field has a slot in the draft") = v.to_string(),
            }
        }
        let mut origins = Origins::default();
        for (i, h) in self.handles.iter().enumerate() {
            let get = |c: Option<usize>| c.map(cell).unwrap_or("");
            let (platform_text, handle, followers, url) = (get(h.platform_col), get(h.handle), get(h.followers), get(h.url));
            if handle.is_empty() && followers.is_empty() && url.is_empty() && (h.platform.is_some() || platform_text.is_empty()) {
                continue;
            }
            // A pasted profile link, in the handle column or only in the URL column, gives both
            // the handle and the link: the form does the same.
            let source = if handle.is_empty() { url } else { handle };
            let (handle, link) = crate::roster::validate::split_handle(source);
            let profile_url = if url.is_empty() { link.unwrap_or_default() } else { url.to_string() };
            d.handles.push(HandleDraft {
                platform: h.platform.map(|p| p.as_str().to_string()).unwrap_or_else(|| platform_text.to_string()),
                handle,
                profile_url,
                followers: followers.to_string(),
            });
            origins.handles.push(Some(i as u16)); // at most 8 platforms × 99 slots + 1
        }
        for (i, &(format, col)) in self.rates.iter().enumerate() {
            let v = cell(col);
            if !v.is_empty() {
                d.rates.push(RateDraft { format: format.as_str().to_string(), amount: v.to_string() });
                origins.rates.push(Some(i as u16));
            }
        }
        Some((d, origins))
    }

    /// The column header a draft field came from, empty when it names no single column.
    pub fn column_for(&self, field: &str, origins: &Origins) -> &str {
        let col = self.column_index_for(field, origins);
        col.map(|c| self.headers[c].as_str()).unwrap_or("")
    }

    fn column_index_for(&self, field: &str, origins: &Origins) -> Option<usize> {
        let mut parts = field.split('.');
        match (parts.next()?, parts.next().and_then(|i| i.parse::<usize>().ok()), parts.next()) {
            ("handles", Some(i), Some(part)) => {
                let h = &self.handles[usize::from((*origins.handles.get(i)?)?)];
                match part {
                    "handle" => h.handle.or(h.url).or(h.followers),
                    "profile_url" => h.url.or(h.handle),
                    "followers" => h.followers,
                    "platform" => h.platform_col,
                    _ => None,
                }
            }
            ("rates", Some(i), _) => Some(self.rates[usize::from((*origins.rates.get(i)?)?)].1),
            (name, None, None) => {
                let f = super::fields::Field::from_value(name)?;
                self.column_of(f).or_else(|| {
                    // Payout details missing for a payout method set in this row.
                    matches!(f, Field::PaypalEmail | Field::Iban | Field::AccountHolder).then(|| self.column_of(Field::PayoutMethod)).flatten()
                })
            }
            _ => None,
        }
    }

    /// A validation error of a draft as a problem of a row and column.
    pub fn row_error(&self, row: u64, origins: &Origins, e: FieldError) -> RowError {
        row_error(row, self.column_for(&e.field, origins), e.code, e.value, &e.message)
    }
}

/// Names a new creator after its first handle, for a file without a name column.
pub(crate) fn name_from_handle(d: &mut CreatorDraft) {
    if d.display_name.trim().is_empty() {
        if let Some(h) = d.handles.iter().map(|h| h.handle.trim().trim_start_matches('@')).find(|h| !h.is_empty()) {
            d.display_name = h.to_string();
        }
    }
}

/// What spreadsheets and other tools write for “nothing here”. Such a cell is read as empty.
/// (Not `NA`: that is Namibia's country code.)
const BLANK_LIKE: &[&str] = &["nan", "n/a", "#n/a", "#n/b", "n.v.t.", "-", "--", "–", "—", "null", "none"];

/// Whether a cell only says that there is nothing in it (`NaN`, `N/A`, `-`, `null`, …).
pub(crate) fn is_blank_like(cell: &str) -> bool {
    let t = cell.trim();
    // Every cell of a large import passes here: most are turned away by their first byte
    // (`–` and `—` start with 0xE2 in UTF-8).
    matches!(t.as_bytes().first(), Some(b'n' | b'N' | b'-' | b'#' | 0xE2)) && t.len() <= 6 && BLANK_LIKE.iter().any(|b| b.eq_ignore_ascii_case(t))
}

/// A cell as the import reads it: [`clean_cell`], and empty when it is blank-like.
pub(crate) fn read_cell(cell: &str) -> &str {
    let c = clean_cell(cell);
    if is_blank_like(c) {
        ""
    } else {
        c
    }
}

/// Whether every cell of a record is empty or blank-like.
pub(crate) fn row_is_empty(cells: &csv::StringRecord) -> bool {
    cells.iter().all(|c| read_cell(c).is_empty())
}

/// The columns of a platform slot, added on first mention.
fn slot_of<'h>(handles: &'h mut Vec<HandleColumns>, index: &mut Vec<(Platform, u8)>, p: Platform, n: u8) -> &'h mut HandleColumns {
    let i = match index.iter().position(|k| *k == (p, n)) {
        Some(i) => i,
        None => {
            index.push((p, n));
            handles.push(HandleColumns { platform: Some(p), ..Default::default() });
            handles.len() - 1
        }
    };
    &mut handles[i]
}

/// The text field of a draft that a plain field fills.
pub(crate) fn scalar_mut(d: &mut CreatorDraft, f: Field) -> Option<&mut String> {
    Some(match f {
        Field::Name => &mut d.display_name,
        Field::Email => &mut d.email,
        Field::Phone => &mut d.phone,
        Field::Manager => &mut d.manager,
        Field::PostalAddress => &mut d.postal_address,
        Field::City => &mut d.city,
        Field::Country => &mut d.country,
        Field::Language => &mut d.language,
        Field::Stage => &mut d.stage,
        Field::Notes => &mut d.notes,
        Field::AuthenticityScore => &mut d.authenticity_score,
        Field::AuthenticityNotes => &mut d.authenticity_notes,
        Field::PaypalEmail => &mut d.paypal_email,
        Field::Iban => &mut d.iban,
        Field::AccountHolder => &mut d.account_holder,
        Field::PayoutMethod => &mut d.payout_method,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(headers: &[&str], mapping: &[(&str, Option<&str>)]) -> Result<Layout> {
        let mapping = ColumnMapping(mapping.iter().map(|(h, v)| (h.to_string(), v.map(str::to_string))).collect());
        Layout::resolve("f.csv", headers.iter().map(|h| h.to_string()).collect(), &mapping)
    }

    #[test]
    fn the_first_column_naming_a_field_wins_and_a_choice_overrides() {
        let headers = ["Name", "Naam", "Instagram", "Favourite colour"];
        let l = layout(&headers, &[]).unwrap();
        assert_eq!(l.fields(), [Some(Field::Name), None, Some(Field::Handle(Platform::Instagram, 1)), None]);
        assert_eq!((l.column_of(Field::Name), l.column_of(Field::Notes), l.handles[0].handle), (Some(0), None, Some(2)));
        let l = layout(&headers, &[("Naam", Some("display_name")), ("Favourite colour", Some("notes"))]).unwrap();
        assert_eq!((l.column_of(Field::Name), l.column_of(Field::Notes)), (Some(1), Some(3)), "a choice overrides, the other name column is left out");
        let l = layout(&["Name", "Instagram", "City"], &[("City", None)]).unwrap();
        assert_eq!(l.column_of(Field::City), None, "a column can be ignored");
    }

    fn refusal(r: Result<Layout>) -> (&'static str, String, std::collections::BTreeMap<&'static str, String>) {
        match r {
            Err(crate::Error::ImportLayout { code, message, params, .. }) => (code, message, params),
            Err(e) => panic!("expected a layout problem, got {e:?}"),
            Ok(_) => panic!("expected a layout problem, got a layout"),
        }
    }

    #[test]
    fn whole_file_problems_are_sentences_with_a_code() {
        let (code, msg, _) = refusal(layout(&["Name", "Instagram"], &[("Name", Some("shoe_size"))]));
        assert_eq!(code, "unknown_field");
        assert!(msg.contains("“shoe_size”, which is not a field") && msg.contains("display_name, email,") && msg.contains("instagram_followers"), "{msg}");
        let (code, msg, _) = refusal(layout(&["A", "B", "Instagram"], &[("A", Some("email")), ("B", Some("email"))]));
        assert_eq!(code, "field_twice");
        assert!(msg.contains("‘A’ and ‘B’"), "{msg}");
        assert!(refusal(layout(&["Name", "City"], &[])).1.contains("cannot find a handle column"));
        assert!(refusal(layout(&["Foo", "Bar"], &[])).1.contains("cannot find a name or handle column"));
        let (code, msg, params) = refusal(layout(&["Name", "Handle"], &[]));
        assert_eq!(code, "handles_without_platform");
        assert!(msg.contains("no column says which platform"), "{msg}");
        assert!(params["fields"].starts_with("instagram,tiktok,"), "{params:?}");
    }

    #[test]
    fn a_plain_followers_column_right_after_a_handle_column_belongs_to_that_platform() {
        // Regression: “Instagram; Volgers; TikTok; TikTok volgers” was refused as ambiguous.
        let ig = |f| Some(Field::Followers(Platform::Instagram, 1)) == f;
        let l = layout(&["Naam", "Instagram", "Volgers", "TikTok", "TikTok volgers"], &[]).unwrap();
        assert!(ig(l.fields()[2]), "{:?}", l.fields());
        assert_eq!((l.handles[0].followers, l.handles[1].followers), (Some(2), Some(4)));
        let l = layout(&["Naam", "TikTok", "TikTok volgers", "Instagram", "Profiel", "Volgers"], &[]).unwrap();
        assert_eq!(l.fields()[4], Some(Field::Url(Platform::Instagram, 1)), "a profile column after Instagram is Instagram's");
        assert!(ig(l.fields()[5]), "and the followers after it too: {:?}", l.fields());
        let l = layout(&["Name", "Instagram", "TikTok", "Followers"], &[]).unwrap();
        assert_eq!(l.fields()[3], Some(Field::Followers(Platform::Tiktok, 1)));
        let l = layout(&["Name", "Instagram", "City", "Followers"], &[]).unwrap();
        assert!(ig(l.fields()[3]), "the only platform of the file");
        let l = layout(&["Name", "Instagram", "Followers"], &[("Followers", Some("followers"))]).unwrap();
        assert!(ig(l.fields()[2]), "also when the person chose the plain field");

        // Truly ambiguous: the message lists the fields that can be chosen.
        for headers in [&["Name", "Followers", "Instagram", "TikTok"][..], &["Name", "Instagram", "Instagram followers", "Followers", "TikTok"]] {
            let (code, msg, params) = refusal(layout(headers, &[]));
            assert_eq!(code, "followers_without_platform", "{headers:?}");
            assert!(msg.contains("‘Followers’") && msg.contains("instagram_followers or tiktok_followers"), "{msg}");
            assert_eq!(params["fields"], "instagram_followers,tiktok_followers");
        }
    }

    #[test]
    fn a_choice_naming_a_column_the_file_does_not_have_is_refused_and_lists_the_headers() {
        let (code, msg, params) = refusal(layout(&["Naam", "Insta-naam"], &[("Instgram", Some("instagram"))]));
        assert_eq!(code, "unknown_column");
        assert_eq!(msg, "f.csv has no column ‘Instgram’. Its columns are ‘Naam’, ‘Insta-naam’.");
        assert_eq!(params["columns"], "Naam\nInsta-naam");
        let (code, _, _) = refusal(layout(&["Naam", "Instagram"], &[("Opmerking intern", None)]));
        assert_eq!(code, "unknown_column", "an ignored column must exist too");
        // Case, accents, spaces and punctuation do not matter, as in recognition.
        let l = layout(&["Naam", "Insta-naam", "Stad"], &[("insta naam", Some("instagram")), ("STAD", None)]).unwrap();
        assert_eq!((l.handles[0].handle, l.column_of(Field::City)), (Some(1), None));
        let l = layout(&["Name", "Insta"], &[("insta", Some("Instagram followers"))]);
        assert!(l.is_err(), "followers without a handle column");
        let (code, _, _) = refusal(layout(&["E-mail", "Email", "Instagram"], &[("e mail", None)]));
        assert_eq!(code, "ambiguous_column");
    }

    #[test]
    fn blank_like_cells_are_read_as_empty() {
        let l = layout(&["Name", "Instagram", "Instagram followers", "Land", "E-mail"], &[]).unwrap();
        for blank in ["NaN", "N/A", "n/a", "-", "—", "null", "none", "#N/A", "NULL"] {
            let rec = csv::StringRecord::from(vec!["Anna", "annafit", blank, blank, blank]);
            let (d, _) = l.draft(&rec).unwrap();
            assert_eq!((d.handles[0].followers.as_str(), d.country.as_str(), d.email.as_str()), ("", "", ""), "{blank}");
        }
        assert!(l.draft(&csv::StringRecord::from(vec!["N/A", "-", "", "null", ""])).is_none(), "a row of blanks is an empty row");
        assert!(!is_blank_like("NA"), "Namibia");
        assert!(!is_blank_like("-1"));
    }

    #[test]
    fn a_record_becomes_a_draft_and_errors_name_their_column() {
        let l = layout(&["Name", "IG", "IG volgers", "TikTok URL", "Tarief reel", "Niches"], &[]).unwrap();
        let rec = csv::StringRecord::from(vec!["Anna", "@annafit", "-12", "https://www.tiktok.com/@anna.moves", "", "fitness; food"]);
        let (d, o) = l.draft(&rec).unwrap();
        assert_eq!(d.handles.len(), 2);
        assert_eq!((d.handles[1].handle.as_str(), d.handles[1].profile_url.as_str()), ("anna.moves", "https://www.tiktok.com/@anna.moves"));
        assert!(d.rates.is_empty(), "an empty cell is no rate");
        assert_eq!(d.niches, vec!["fitness", "food"]);
        assert_eq!(l.column_for("handles.0.followers", &o), "IG volgers");
        assert_eq!(l.column_for("handles.1.handle", &o), "TikTok URL");
        assert_eq!(l.column_for("display_name", &o), "Name");
        assert_eq!(l.column_for("handles", &o), "");
        let e = l.row_error(7, &o, FieldError::new("handles.0.followers", "negative_number", "Followers cannot be negative (“-12”).").with_value("-12"));
        assert_eq!((e.row, e.column.as_str(), e.message.as_str()), (7, "IG volgers", "Followers cannot be negative (“-12”)."));
        assert!(l.draft(&csv::StringRecord::from(vec!["", " ", "", "", "", ""])).is_none(), "an empty row is skipped");
    }
}
