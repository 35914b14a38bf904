//! Names as people compare them: lower case and without accents, so that "Émile" sorts with
//! the e's (before "Zoë") and a short search for "emi" finds her. [`fold`] is the stored
//! `creators.sort_name` and what the short prefix search compares with it.
//!
//! Letters of the Latin script lose their marks (é → e, ř → r, ễ → e); the letters that are
//! not a base letter plus a mark become the letters people write instead (ß → ss, æ → ae,
//! ø → o, ł → l, đ → d, þ → th); separate combining marks are dropped; every other character
//! (digits, punctuation, other scripts) stays as it is, in lower case.

/// The base letter of every code point from U+00C0 to U+024F (Latin-1 Supplement, Latin
/// Extended-A and -B), read after lower-casing: `.` keeps the character, `*` has a longer
/// replacement in [`two_letters`].
const LATIN: &str = concat!(
    "aaaaaa*ceeeeiiiidnooooo.ouuuuy**aaaaaa*ceeeeiiiidnooooo.ouuuuy*y", // U+00C0
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll", // U+0100
    "lllnnnnnnnnnoooooo**rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs", // U+0140
    "bb.....cc.ddd....ffg...ikkl.....oo**pp......tttuu..yyzz........w", // U+0180
    "....*********aaiioouuuuuuuuuu.aaaa..ggggkkoooo..j***gg.wnnaa....", // U+01C0
    "aaaaeeeeiiiioooorrrruuuusstt..hh....zzaaeeooooooooyy.......ccl.s", // U+0200
    "z..bu.eejj..rryy",                                                 // U+0240
);

/// The same for U+1E00 to U+1EFF (Latin Extended Additional: Vietnamese, Welsh, …).
const LATIN_ADDITIONAL: &str = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm", // U+1E00
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv", // U+1E40
    "wwwwwwwwwwxxxxyyzzzzzzhtwy....*.aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee", // U+1E80
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......", // U+1EC0
);

/// Letters written as two: the `*` entries of the tables.
fn two_letters(c: char) -> &'static str {
    match c {
        'æ' | 'Æ' => "ae",
        'þ' | 'Þ' => "th",
        'ß' | 'ẞ' => "ss",
        'ĳ' | 'Ĳ' => "ij",
        'œ' | 'Œ' => "oe",
        'ƣ' | 'Ƣ' => "oi",
        'ǆ' | 'ǅ' | 'Ǆ' | 'ǳ' | 'ǲ' | 'Ǳ' => "dz",
        'ǉ' | 'ǈ' | 'Ǉ' => "lj",
        'ǌ' | 'ǋ' | 'Ǌ' => "nj",
        _ => "",
    }
}

/// Marks that sit on the letter before them when text comes decomposed (`e` + U+0301).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// `text` in lower case without accents: "Émile Ørsted-Łukasz" → "emile orsted-lukasz".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let (table, start) = match c as u32 {
            0xC0..=0x24F => (LATIN, 0xC0),
            0x1E00..=0x1EFF => (LATIN_ADDITIONAL, 0x1E00),
            _ if is_combining_mark(c) => continue,
            _ => {
                out.push(c);
                continue;
            }
        };
        match table.as_bytes()[(c as u32 - start) as usize] {
            b'.' => out.push(c),
            b'*' => out.push_str(two_letters(c)),
            base => out.push(char::from(base)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_are_folded() {
        assert_eq!(fold("Émile"), "emile");
        assert_eq!(fold("Zoë Martin"), "zoe martin");
        assert_eq!(fold("ÇAĞLA Şahin"), "cagla sahin");
        assert_eq!(fold("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(fold("Søren Ærø"), "soren aero");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Nguyễn Thị Ánh"), "nguyen thi anh");
        assert_eq!(fold("Dvořák"), "dvorak");
        assert_eq!(fold("Þóra Đorđević"), "thora dordevic");
        assert_eq!(fold("Ĳsselmeer"), "ijsselmeer");
        assert_eq!(fold("e\u{301}mile"), "emile", "a decomposed accent");
        assert_eq!(fold("İpek"), "ipek");
    }

    /// The header, country and slug folding and the generator's slugs each had a partial copy
    /// of this table; they use `fold` now, and every letter those copies folded folds the same.
    #[test]
    fn the_letters_the_earlier_partial_copies_folded_fold_the_same() {
        let copies = [
            ("àáâäãåāą", 'a'), ("èéêëēęě", 'e'), ("ìíîïīı", 'i'), ("òóôöõøōő", 'o'), ("ùúûüūűů", 'u'),
            ("çčć", 'c'), ("ñń", 'n'), ("ýÿ", 'y'), ("šśșş", 's'), ("žźż", 'z'), ("ř", 'r'), ("ł", 'l'), ("ğ", 'g'), ("țţ", 't'), ("đ", 'd'),
        ];
        for (letters, base) in copies {
            for c in letters.chars().chain(letters.chars().flat_map(char::to_uppercase)) {
                assert_eq!(fold(&c.to_string()), base.to_string(), "{c}");
            }
        }
        assert_eq!(fold("ß"), "ss", "as the generator's slugs wrote it");
    }

    #[test]
    fn what_is_not_a_latin_letter_stays() {
        assert_eq!(fold("Anna de Vries"), "anna de vries");
        assert_eq!(fold("'t Hooft & Co. 2"), "'t hooft & co. 2");
        assert_eq!(fold("Ελένη"), "ελένη");
        assert_eq!(fold("Дмитрий"), "дмитрий");
        assert_eq!(fold("王芳"), "王芳");
        assert_eq!(fold("× ÷ ©"), "× ÷ ©");
    }

    #[test]
    fn the_tables_cover_their_ranges() {
        assert_eq!(LATIN.len(), 0x250 - 0xC0);
        assert_eq!(LATIN_ADDITIONAL.len(), 0x1F00 - 0x1E00);
        for (table, start) in [(LATIN, 0xC0u32), (LATIN_ADDITIONAL, 0x1E00)] {
            for (i, b) in table.bytes().enumerate() {
                let c = char::from_u32(start + i as u32).unwrap();
                if b == b'*' {
                    assert!(!two_letters(c).is_empty(), "{c} needs two letters");
                }
            }
        }
    }

    #[test]
    fn names_sort_as_people_expect() {
        let mut names = vec!["Zoë", "Émile", "anna", "Bram", "Çağla", "Ömer", "ellen"];
        names.sort_by_key(|n| fold(n));
        assert_eq!(names, vec!["anna", "Bram", "Çağla", "ellen", "Émile", "Ömer", "Zoë"]);
    }
}
