//! Which column fills which field, once the automatic recognition and the person's choices
//! (a [`ColumnMapping`]) are combined; and how one record becomes a [`CreatorDraft`] that
//! remembers, for every handle and rate, the columns it came from, so that a validation error
//! on `handles.1.followers` can name the `TikTok followers` column.

use super::fields::Field;
use super::read::clean_cell;
use super::ColumnMapping;
use crate::error::{Error, FieldError, Result, RowError};
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

/// The automatic field of every column: the first column that names a field gets it, a later
/// column naming the same field (or a repeated header) is left out.
pub(crate) fn auto_fields(headers: &[String]) -> Vec<Option<Field>> {
    let mut taken: Vec<Field> = Vec::new();
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let f = super::fields::recognise(h).filter(|f| !taken.contains(f) && !headers[..i].contains(h))?;
            taken.push(f);
            Some(f)
        })
        .collect()
}

impl Layout {
    /// Combines recognition and the person's choices. Refuses, as a whole-file problem, a choice
    /// that is not a field, two columns chosen for one field, and a file without a handle column.
    pub fn resolve(file_name: &str, headers: Vec<String>, mapping: &ColumnMapping) -> Result<Layout> {
        let mut fields: Vec<Option<Field>> = vec![None; headers.len()];
        let mut chosen = vec![false; headers.len()];
        for (i, h) in headers.iter().enumerate() {
            if headers[..i].contains(h) {
                chosen[i] = true; // a repeated header is always left out: the mapping cannot tell them apart
                continue;
            }
            if let Some(choice) = mapping.0.get(h) {
                chosen[i] = true;
                if let Some(value) = choice.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                    let f = Field::from_value(value).ok_or_else(|| {
                        Error::BadFile(format!("The column ‘{h}’ of {file_name} is set to import as “{value}”, which is not a field Chorus knows. Choose another field or ignore the column."))
                    })?;
                    if let Some(j) = fields.iter().position(|g| *g == Some(f)) {
                        return Err(Error::BadFile(format!(
                            "The columns ‘{}’ and ‘{h}’ of {file_name} are both set to import as {}. Choose one of them and ignore the other.",
                            headers[j],
                            f.label()
                        )));
                    }
                    fields[i] = Some(f);
                }
            }
        }
        for (i, auto) in auto_fields(&headers).into_iter().enumerate() {
            if !chosen[i] {
                fields[i] = auto.filter(|f| !fields.contains(&Some(*f)));
            }
        }
        let layout = Layout::from_fields(headers, fields);
        layout.check_usable(file_name)?;
        Ok(layout)
    }

    fn from_fields(headers: Vec<String>, fields: Vec<Option<Field>>) -> Layout {
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
        // "Name; Instagram; Followers": with one platform's handle column and no platform or
        // handle column of its own, a plain followers or profile column belongs to that platform.
        if generic.platform_col.is_none() && generic.handle.is_none() && handles.len() == 1 {
            let only = &mut handles[0];
            if only.followers.is_none() {
                only.followers = generic.followers.take();
            }
            if only.url.is_none() {
                only.url = generic.url.take();
            }
        }
        if generic.platform_col.is_some() || generic.handle.is_some() || generic.followers.is_some() || generic.url.is_some() {
            handles.push(generic);
        }
        Layout { headers, scalars, handles, rates }
    }

    fn check_usable(&self, file_name: &str) -> Result<()> {
        let has_name = self.column_of(Field::Name).is_some();
        let has_handle = self.handles.iter().any(|h| h.handle.is_some() || h.url.is_some());
        if !has_handle {
            let found = if self.headers.is_empty() { "no columns".to_string() } else { format!("the columns {}", quote_list(&self.headers)) };
            let what = if has_name { "a handle column" } else { "a name or handle column" };
            return Err(Error::BadFile(format!(
                "Chorus cannot find {what} in {file_name} (it found {found}). Every creator needs at least one handle: add a column such as “Instagram” or “TikTok”, or choose which column holds the handles."
            )));
        }
        if let Some(g) = self.handles.iter().find(|h| h.platform.is_none()) {
            if g.platform_col.is_none() && g.handle.is_none() && g.url.is_none() {
                let col = g.followers.map(|c| self.headers[c].as_str()).unwrap_or("Followers");
                return Err(Error::BadFile(format!(
                    "The column ‘{col}’ of {file_name} has follower counts, but Chorus cannot tell which platform's handle they belong to. Choose the platform's own followers field (such as Instagram followers) for ‘{col}’."
                )));
            }
            if g.platform_col.is_none() {
                let col = g.handle.or(g.url).map(|c| self.headers[c].as_str()).unwrap_or("Handle");
                return Err(Error::BadFile(format!(
                    "The column ‘{col}’ of {file_name} holds handles, but no column says which platform they are on. Add a “Platform” column, or choose the platform's own field (such as Instagram) for ‘{col}’."
                )));
            }
            if g.handle.is_none() && g.url.is_none() {
                let col = &self.headers[g.platform_col.unwrap_or(0)];
                return Err(Error::BadFile(format!(
                    "The column ‘{col}’ of {file_name} names platforms, but no column holds the handles on them. Add a “Handle” column or ignore ‘{col}’."
                )));
            }
        }
        Ok(())
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.scalars.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    /// Turns one record into a draft; `None` when every cell is empty (the row is skipped).
    pub fn draft(&self, cells: &csv::StringRecord) -> Option<(CreatorDraft, Origins)> {
        let cell = |col: usize| cells.get(col).map(clean_cell).unwrap_or("");
        if cells.iter().all(|c| c.trim().is_empty()) {
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
        let column = self.column_for(&e.field, origins).to_string();
        row_error(row, column, e.code, e.value, &e.message)
    }
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

/// A problem as a sentence naming the row and the column:
/// “Row 7, column ‘Instagram followers’: followers cannot be negative (“-12”).”
pub(crate) fn row_error(row: u64, column: String, code: &'static str, value: Option<String>, message: &str) -> RowError {
    let message = if column.is_empty() { format!("Row {row}: {}", lower_first(message)) } else { format!("Row {row}, column ‘{column}’: {}", lower_first(message)) };
    RowError { row, column, code, value, message }
}

/// `Followers cannot…` → `followers cannot…`, but `IBAN …` and `PayPal …` stay as they are.
fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            let mut out: String = first.to_lowercase().collect();
            out.push_str(&message[first.len_utf8()..]);
            out
        }
        _ => message.to_string(),
    }
}

fn quote_list(headers: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut list: Vec<String> = headers.iter().take(SHOWN).map(|h| format!("‘{h}’")).collect();
    if headers.len() > SHOWN {
        list.push(format!("and {} more", headers.len() - SHOWN));
    }
    list.join(", ")
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
        assert_eq!(auto_fields(&headers.map(String::from)), vec![Some(Field::Name), None, Some(Field::Handle(Platform::Instagram, 1)), None]);
        let l = layout(&headers, &[]).unwrap();
        assert_eq!((l.column_of(Field::Name), l.column_of(Field::Notes), l.handles[0].handle), (Some(0), None, Some(2)));
        let l = layout(&headers, &[("Naam", Some("display_name")), ("Favourite colour", Some("notes"))]).unwrap();
        assert_eq!((l.column_of(Field::Name), l.column_of(Field::Notes)), (Some(1), Some(3)), "a choice overrides, the other name column is left out");
        let l = layout(&["Name", "Instagram", "City"], &[("City", None)]).unwrap();
        assert_eq!(l.column_of(Field::City), None, "a column can be ignored");
    }

    #[test]
    fn whole_file_problems_are_sentences() {
        let msg = |r: Result<Layout>| match r {
            Err(Error::BadFile(m)) => m,
            _ => panic!("expected a bad file"),
        };
        assert!(msg(layout(&["Name", "Instagram"], &[("Name", Some("shoe_size"))])).contains("“shoe_size”, which is not a field"));
        assert!(msg(layout(&["A", "B", "Instagram"], &[("A", Some("email")), ("B", Some("email"))])).contains("‘A’ and ‘B’"));
        assert!(msg(layout(&["Name", "City"], &[])).contains("cannot find a handle column"));
        assert!(msg(layout(&["Foo", "Bar"], &[])).contains("cannot find a name or handle column"));
        assert!(msg(layout(&["Name", "Handle"], &[])).contains("no column says which platform"));
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
        assert_eq!(e.message, "Row 7, column ‘IG volgers’: followers cannot be negative (“-12”).");
        assert!(l.draft(&csv::StringRecord::from(vec!["", " ", "", "", "", ""])).is_none(), "an empty row is skipped");
    }
}
