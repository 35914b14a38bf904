//! Merging an imported row into a creator that is already on the roster.
//!
//! Contract: the row's non-empty cells replace what is stored; an empty cell never erases
//! anything. A handle of the row that the creator already has (same platform and handle, in any
//! case, with or without `@`) is updated in place; any other handle is added. A rate replaces
//! the stored rate of the same format or is added. Niches and tags in a non-empty cell replace
//! the stored list (so removing a niche in the spreadsheet removes it from Chorus).

use super::fields::Field;
use super::layout::{scalar_mut, Origins};
use crate::roster::model::{ContentFormat, CreatorDraft, HandleDraft, Platform};
use crate::roster::validate::{handle_key, split_handle};

/// The identity of a handle: its platform and its key (lower case, no `@`). `None` when the
/// platform is unknown or the handle empty; validation reports those.
pub(crate) fn identity(h: &HandleDraft) -> Option<(Platform, String)> {
    let platform = Platform::parse_loose(&h.platform)?;
    let key = handle_key(&split_handle(&h.handle).0);
    (!key.is_empty()).then_some((platform, key))
}

const TEXT_FIELDS: &[Field] = &[
    Field::Name,
    Field::Email,
    Field::Phone,
    Field::Manager,
    Field::PostalAddress,
    Field::City,
    Field::Country,
    Field::Language,
    Field::Stage,
    Field::Notes,
    Field::AuthenticityScore,
    Field::AuthenticityNotes,
    Field::PaypalEmail,
    Field::Iban,
    Field::AccountHolder,
    Field::PayoutMethod,
];

/// Lays `row` over `base` (a stored creator, or what earlier rows of the file made of it).
/// `base_origins` says where `base`'s handles and rates came from (`None`: stored).
pub(crate) fn overlay(mut base: CreatorDraft, base_origins: Origins, mut row: CreatorDraft, row_origins: Origins) -> (CreatorDraft, Origins) {
    let mut origins = base_origins;
    origins.handles.resize(base.handles.len(), None);
    origins.rates.resize(base.rates.len(), None);
    for &f in TEXT_FIELDS {
        let value = std::mem::take(scalar_mut(&mut row, f).expect("a text field"));
        if !value.trim().is_empty() {
            *scalar_mut(&mut base, f).expect("a text field") = value;
        }
    }
    if !row.niches.is_empty() {
        base.niches = row.niches;
    }
    if !row.tags.is_empty() {
        base.tags = row.tags;
    }
    // Each handle's identity once (it allocates its key), not once per comparison.
    let mut identities: Vec<Option<(Platform, String)>> = base.handles.iter().map(identity).collect();
    for (h, origin) in row.handles.into_iter().zip(row_origins.handles) {
        let id = identity(&h);
        let existing = id.as_ref().and_then(|id| identities.iter().position(|b| b.as_ref() == Some(id)));
        match existing {
            Some(i) => {
                let b = &mut base.handles[i];
                b.handle = h.handle; // same identity; the file's spelling wins
                if !h.followers.trim().is_empty() {
                    b.followers = h.followers;
                }
                if !h.profile_url.trim().is_empty() {
                    b.profile_url = h.profile_url;
                }
                origins.handles[i] = origin;
            }
            None => {
                base.handles.push(h);
                identities.push(id);
                origins.handles.push(origin);
            }
        }
    }
    for (r, origin) in row.rates.into_iter().zip(row_origins.rates) {
        let format = ContentFormat::parse(&r.format);
        match base.rates.iter().position(|b| format.is_some() && ContentFormat::parse(&b.format) == format) {
            Some(i) => {
                base.rates[i].amount = r.amount;
                origins.rates[i] = origin;
            }
            None => {
                base.rates.push(r);
                origins.rates.push(origin);
            }
        }
    }
    (base, origins)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::model::RateDraft;

    fn handle(p: &str, h: &str, f: &str) -> HandleDraft {
        HandleDraft { platform: p.into(), handle: h.into(), followers: f.into(), profile_url: String::new() }
    }

    #[test]
    fn non_empty_cells_win_empty_cells_keep_and_new_handles_are_added() {
        let stored = CreatorDraft {
            display_name: "Anna de Vries".into(),
            city: "Utrecht".into(),
            email: "anna@example.nl".into(),
            niches: vec!["fitness".into()],
            handles: vec![handle("instagram", "AnnaFit", "52000")],
            rates: vec![RateDraft { format: "reel".into(), amount: "450.00".into() }],
            ..Default::default()
        };
        let row = CreatorDraft {
            city: "Gouda".into(),
            handles: vec![handle("instagram", "@annafit", "53.000"), handle("tiktok", "anna.moves", "8000")],
            rates: vec![RateDraft { format: "reel".into(), amount: "500".into() }, RateDraft { format: "story".into(), amount: "100".into() }],
            ..Default::default()
        };
        let row_origins = Origins { handles: vec![Some(0), Some(1)], rates: vec![Some(0), Some(1)] };
        let (m, o) = overlay(stored, Origins::default(), row, row_origins);
        assert_eq!((m.display_name.as_str(), m.city.as_str(), m.email.as_str()), ("Anna de Vries", "Gouda", "anna@example.nl"));
        assert_eq!(m.niches, vec!["fitness"], "an empty niches cell keeps the niches");
        assert_eq!(m.handles.len(), 2);
        assert_eq!((m.handles[0].handle.as_str(), m.handles[0].followers.as_str()), ("@annafit", "53.000"));
        assert_eq!(m.rates.iter().map(|r| r.amount.as_str()).collect::<Vec<_>>(), vec!["500", "100"]);
        assert_eq!(o.handles, vec![Some(0), Some(1)]);
    }
}
