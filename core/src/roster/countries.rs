//! Countries as people write them: the ISO 3166-1 alpha-2 code (`NL`), the alpha-3 code
//! (`NLD`), the English and Dutch names (`Netherlands`, `Nederland`) and the variants people
//! use (`Holland`, `the Netherlands`, `UK`, `Czech Republic`, `België`, `Deutschland`).
//!
//! Contract:
//! - [`code_for`] turns any of those into the alpha-2 code Chorus stores, folding case, accents,
//!   spaces and punctuation (`belgie`, `BELGIË`, `Belgi-e` all read as `BE`), or says `None`.
//!   It never guesses: a text that is not one of the listed names or codes is not a country,
//!   and no two countries share a name (a test proves it).
//! - [`COUNTRIES`] is the list the window's picker searches: every ISO 3166-1 country plus
//!   Kosovo (`XK`, the code the EU and most software use), each with its English and Dutch
//!   display name.
//!
//! The display names are CLDR's (the names operating systems show), lightly adjusted for a
//! list (`Bosnia and Herzegovina`, not `Bosnia & Herzegovina`); the variants come from the ISO
//! names in English and Dutch (Debian's iso-codes) and from how people write them.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One country: the code Chorus stores, its alpha-3 code, its names in the window's
/// languages, and other names it is known by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub alpha3: &'static str,
    pub en: &'static str,
    pub nl: &'static str,
    pub also: &'static [&'static str],
}

impl Country {
    /// Every name and code this country is known by, folded as [`fold`] folds them.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for text in [self.code, self.alpha3, self.en, self.nl].iter().chain(self.also) {
            let k = fold(text);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }
}

/// The alpha-2 code of a country written as a code or a name; `None` when it is not one.
/// `UK` is read as `GB`, as people write it.
pub fn code_for(text: &str) -> Option<&'static str> {
    let t = text.trim();
    // A code is letters only (dots allowed: `U.K.`); a name is compared folded. Short keys are
    // only ever codes, so that `N/A` is not read as Namibia's `NA`.
    let letters: String = t.chars().filter(|&c| c != '.').collect();
    let code_like = (2..=3).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_alphabetic());
    let key = if code_like { letters.to_ascii_lowercase() } else { fold(t) };
    if key.len() <= 3 && !code_like {
        return None;
    }
    index().get(&key).map(|&i| COUNTRIES[i].code)
}

/// The country a stored code stands for.
pub fn by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

/// Lower case, accents folded, the word “the” left out, only letters and digits:
/// `The Netherlands` → `netherlands`, `Côte d'Ivoire` → `cotedivoire`, `U.K.` → `uk`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let w: String = crate::roster::folding::fold(word).chars().filter(|c| c.is_alphanumeric()).collect();
        if w != "the" {
            out.push_str(&w);
        }
    }
    out
}

fn index() -> &'static HashMap<String, usize> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, c) in COUNTRIES.iter().enumerate() {
            for key in c.keys() {
                let previous = map.insert(key, i);
                debug_assert!(previous.is_none_or(|p| p == i), "a country name is claimed twice");
            }
        }
        map
    })
}

/// Every country, by code.
pub const COUNTRIES: &[Country] = &[
    Country { code: "AD", alpha3: "AND", en: "Andorra", nl: "Andorra", also: &["Principality of Andorra", "Vorstendom Andorra"] },
    Country { code: "AE", alpha3: "ARE", en: "United Arab Emirates", nl: "Verenigde Arabische Emiraten", also: &["UAE", "VAE", "Emirates", "Emiraten"] },
    Country { code: "AF", alpha3: "AFG", en: "Afghanistan", nl: "Afghanistan", also: &["Islamic Republic of Afghanistan", "Islamitische Republiek Afghanistan"] },
    Country { code: "AG", alpha3: "ATG", en: "Antigua and Barbuda", nl: "Antigua en Barbuda", also: &["Antigua & Barbuda"] },
    Country { code: "AI", alpha3: "AIA", en: "Anguilla", nl: "Anguilla", also: &[] },
    Country { code: "AL", alpha3: "ALB", en: "Albania", nl: "Albanië", also: &["Republic of Albania", "Republiek Albanië"] },
    Country { code: "AM", alpha3: "ARM", en: "Armenia", nl: "Armenië", also: &["Republic of Armenia", "Republiek Armenië"] },
    Country { code: "AO", alpha3: "AGO", en: "Angola", nl: "Angola", also: &["Republic of Angola", "Republiek Angola"] },
    Country { code: "AQ", alpha3: "ATA", en: "Antarctica", nl: "Antarctica", also: &[] },
    Country { code: "AR", alpha3: "ARG", en: "Argentina", nl: "Argentinië", also: &["Argentine Republic", "Argentijnse Republiek"] },
    Country { code: "AS", alpha3: "ASM", en: "American Samoa", nl: "Amerikaans-Samoa", also: &[] },
    Country { code: "AT", alpha3: "AUT", en: "Austria", nl: "Oostenrijk", also: &["Republic of Austria", "Republiek Oostenrijk", "Österreich"] },
    Country { code: "AU", alpha3: "AUS", en: "Australia", nl: "Australië", also: &[] },
    Country { code: "AW", alpha3: "ABW", en: "Aruba", nl: "Aruba", also: &[] },
    Country { code: "AX", alpha3: "ALA", en: "Åland Islands", nl: "Åland", also: &["Ålandseilanden"] },
    Country { code: "AZ", alpha3: "AZE", en: "Azerbaijan", nl: "Azerbeidzjan", also: &["Republic of Azerbaijan", "Republiek Azerbeidzjan"] },
    Country { code: "BA", alpha3: "BIH", en: "Bosnia and Herzegovina", nl: "Bosnië en Herzegovina", also: &["Bosnia & Herzegovina", "Republic of Bosnia and Herzegovina", "Republiek Bosnië en Herzegovina"] },
    Country { code: "BB", alpha3: "BRB", en: "Barbados", nl: "Barbados", also: &[] },
    Country { code: "BD", alpha3: "BGD", en: "Bangladesh", nl: "Bangladesh", also: &["People's Republic of Bangladesh", "Volksrepubliek Bangladesh"] },
    Country { code: "BE", alpha3: "BEL", en: "Belgium", nl: "België", also: &["Kingdom of Belgium", "Koninkrijk België", "Belgique", "Belgien"] },
    Country { code: "BF", alpha3: "BFA", en: "Burkina Faso", nl: "Burkina Faso", also: &[] },
    Country { code: "BG", alpha3: "BGR", en: "Bulgaria", nl: "Bulgarije", also: &["Republic of Bulgaria", "Republiek Bulgarije"] },
    Country { code: "BH", alpha3: "BHR", en: "Bahrain", nl: "Bahrein", also: &["Kingdom of Bahrain", "Koninkrijk Bahrein"] },
    Country { code: "BI", alpha3: "BDI", en: "Burundi", nl: "Burundi", also: &["Republic of Burundi", "Republiek Burundi"] },
    Country { code: "BJ", alpha3: "BEN", en: "Benin", nl: "Benin", also: &["Republic of Benin", "Republiek Benin"] },
    Country { code: "BL", alpha3: "BLM", en: "Saint Barthélemy", nl: "Saint-Barthélemy", also: &["St. Barthélemy"] },
    Country { code: "BM", alpha3: "BMU", en: "Bermuda", nl: "Bermuda", also: &[] },
    Country { code: "BN", alpha3: "BRN", en: "Brunei", nl: "Brunei", also: &["Brunei Darussalam"] },
    Country { code: "BO", alpha3: "BOL", en: "Bolivia", nl: "Bolivia", also: &["Bolivia, Plurinational State of", "Plurinational State of Bolivia", "Bolivia, Multinationale Staat", "Multinationale Staat Bolivia"] },
    Country { code: "BQ", alpha3: "BES", en: "Caribbean Netherlands", nl: "Caribisch Nederland", also: &["Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius en Saba", "Bonaire", "Saba", "Sint Eustatius", "Bonaire, Saba en Sint Eustatius"] },
    Country { code: "BR", alpha3: "BRA", en: "Brazil", nl: "Brazilië", also: &["Federative Republic of Brazil", "Federale Republiek Brazilië", "Brasil"] },
    Country { code: "BS", alpha3: "BHS", en: "Bahamas", nl: "Bahama’s", also: &["Commonwealth of the Bahamas", "Gemenebest van de Bahama's"] },
    Country { code: "BT", alpha3: "BTN", en: "Bhutan", nl: "Bhutan", also: &["Kingdom of Bhutan", "Koninkrijk Bhutan"] },
    Country { code: "BV", alpha3: "BVT", en: "Bouvet Island", nl: "Bouveteiland", also: &[] },
    Country { code: "BW", alpha3: "BWA", en: "Botswana", nl: "Botswana", also: &["Republic of Botswana", "Republiek Botswana"] },
    Country { code: "BY", alpha3: "BLR", en: "Belarus", nl: "Belarus", also: &["Republic of Belarus", "Wit-Rusland", "Republiek Belarus"] },
    Country { code: "BZ", alpha3: "BLZ", en: "Belize", nl: "Belize", also: &[] },
    Country { code: "CA", alpha3: "CAN", en: "Canada", nl: "Canada", also: &[] },
    Country { code: "CC", alpha3: "CCK", en: "Cocos (Keeling) Islands", nl: "Cocoseilanden", also: &["Cocoseilanden (Keelingeilanden)"] },
    Country { code: "CD", alpha3: "COD", en: "Congo-Kinshasa", nl: "Congo-Kinshasa", also: &["Congo, The Democratic Republic of the", "Congo, Democratische Republiek", "DR Congo", "DRC", "Democratic Republic of the Congo", "Democratische Republiek Congo"] },
    Country { code: "CF", alpha3: "CAF", en: "Central African Republic", nl: "Centraal-Afrikaanse Republiek", also: &[] },
    Country { code: "CG", alpha3: "COG", en: "Congo-Brazzaville", nl: "Congo-Brazzaville", also: &["Congo", "Republic of the Congo", "Republiek Congo"] },
    Country { code: "CH", alpha3: "CHE", en: "Switzerland", nl: "Zwitserland", also: &["Swiss Confederation", "Zwitserse Bondsstaat", "Schweiz", "Suisse", "Svizzera"] },
    Country { code: "CI", alpha3: "CIV", en: "Côte d’Ivoire", nl: "Ivoorkust", also: &["Republic of Côte d'Ivoire", "Republiek Ivoorkust", "Ivory Coast"] },
    Country { code: "CK", alpha3: "COK", en: "Cook Islands", nl: "Cookeilanden", also: &[] },
    Country { code: "CL", alpha3: "CHL", en: "Chile", nl: "Chili", also: &["Republic of Chile", "Republiek Chili"] },
    Country { code: "CM", alpha3: "CMR", en: "Cameroon", nl: "Kameroen", also: &["Republic of Cameroon", "Republiek Kameroen"] },
    Country { code: "CN", alpha3: "CHN", en: "China", nl: "China", also: &["People's Republic of China", "Volksrepubliek China"] },
    Country { code: "CO", alpha3: "COL", en: "Colombia", nl: "Colombia", also: &["Republic of Colombia", "Republiek Colombia"] },
    Country { code: "CR", alpha3: "CRI", en: "Costa Rica", nl: "Costa Rica", also: &["Republic of Costa Rica", "Republiek Costa Rica"] },
    Country { code: "CU", alpha3: "CUB", en: "Cuba", nl: "Cuba", also: &["Republic of Cuba", "Republiek Cuba"] },
    Country { code: "CV", alpha3: "CPV", en: "Cape Verde", nl: "Kaapverdië", also: &["Cabo Verde", "Republic of Cabo Verde", "Republiek Kaapverdië"] },
    Country { code: "CW", alpha3: "CUW", en: "Curaçao", nl: "Curaçao", also: &[] },
    Country { code: "CX", alpha3: "CXR", en: "Christmas Island", nl: "Christmaseiland", also: &[] },
    Country { code: "CY", alpha3: "CYP", en: "Cyprus", nl: "Cyprus", also: &["Republic of Cyprus", "Republiek Cyprus"] },
    Country { code: "CZ", alpha3: "CZE", en: "Czechia", nl: "Tsjechië", also: &["Czech Republic", "Tsjechische Republiek", "Česko", "Česká republika"] },
    Country { code: "DE", alpha3: "DEU", en: "Germany", nl: "Duitsland", also: &["Federal Republic of Germany", "Bondsrepubliek Duitsland", "Deutschland", "Allemagne"] },
    Country { code: "DJ", alpha3: "DJI", en: "Djibouti", nl: "Djibouti", also: &["Republic of Djibouti", "Republiek Djibouti"] },
    Country { code: "DK", alpha3: "DNK", en: "Denmark", nl: "Denemarken", also: &["Kingdom of Denmark", "Koninkrijk Denemarken", "Danmark"] },
    Country { code: "DM", alpha3: "DMA", en: "Dominica", nl: "Dominica", also: &["Commonwealth of Dominica", "Gemenebest van Dominica"] },
    Country { code: "DO", alpha3: "DOM", en: "Dominican Republic", nl: "Dominicaanse Republiek", also: &[] },
    Country { code: "DZ", alpha3: "DZA", en: "Algeria", nl: "Algerije", also: &["People's Democratic Republic of Algeria", "Democratische Volksrepubliek Algerije"] },
    Country { code: "EC", alpha3: "ECU", en: "Ecuador", nl: "Ecuador", also: &["Republic of Ecuador", "Republiek Ecuador"] },
    Country { code: "EE", alpha3: "EST", en: "Estonia", nl: "Estland", also: &["Republic of Estonia", "Republiek Estland"] },
    Country { code: "EG", alpha3: "EGY", en: "Egypt", nl: "Egypte", also: &["Arab Republic of Egypt", "Arabische Republiek Egypte"] },
    Country { code: "EH", alpha3: "ESH", en: "Western Sahara", nl: "Westelijke Sahara", also: &[] },
    Country { code: "ER", alpha3: "ERI", en: "Eritrea", nl: "Eritrea", also: &["the State of Eritrea", "Staat Eritrea"] },
    Country { code: "ES", alpha3: "ESP", en: "Spain", nl: "Spanje", also: &["Kingdom of Spain", "Koninkrijk Spanje", "España"] },
    Country { code: "ET", alpha3: "ETH", en: "Ethiopia", nl: "Ethiopië", also: &["Federal Democratic Republic of Ethiopia", "Federale Democratische Republiek Ethiopië"] },
    Country { code: "FI", alpha3: "FIN", en: "Finland", nl: "Finland", also: &["Republic of Finland", "Republiek Finland", "Suomi"] },
    Country { code: "FJ", alpha3: "FJI", en: "Fiji", nl: "Fiji", also: &["Republic of Fiji", "Republiek Fiji"] },
    Country { code: "FK", alpha3: "FLK", en: "Falkland Islands", nl: "Falklandeilanden", also: &["Falkland Islands (Malvinas)", "Falklandeilanden (Malvinas)"] },
    Country { code: "FM", alpha3: "FSM", en: "Micronesia", nl: "Micronesia", also: &["Micronesia, Federated States of", "Federated States of Micronesia", "Federale Staten van Micronesia"] },
    Country { code: "FO", alpha3: "FRO", en: "Faroe Islands", nl: "Faeröer", also: &["Faroer", "Faeroe Islands"] },
    Country { code: "FR", alpha3: "FRA", en: "France", nl: "Frankrijk", also: &["French Republic", "Franse Republiek", "Frankreich"] },
    Country { code: "GA", alpha3: "GAB", en: "Gabon", nl: "Gabon", also: &["Gabonese Republic", "Republiek Gabon"] },
    Country { code: "GB", alpha3: "GBR", en: "United Kingdom", nl: "Verenigd Koninkrijk", also: &["United Kingdom of Great Britain and Northern Ireland", "Verenigd Koninkrijk van Groot-Brittannië en Noord-Ierland", "UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland", "Engeland", "Schotland", "Noord-Ierland", "Groot-Brittannië", "Brittannië"] },
    Country { code: "GD", alpha3: "GRD", en: "Grenada", nl: "Grenada", also: &[] },
    Country { code: "GE", alpha3: "GEO", en: "Georgia", nl: "Georgië", also: &[] },
    Country { code: "GF", alpha3: "GUF", en: "French Guiana", nl: "Frans-Guyana", also: &[] },
    Country { code: "GG", alpha3: "GGY", en: "Guernsey", nl: "Guernsey", also: &[] },
    Country { code: "GH", alpha3: "GHA", en: "Ghana", nl: "Ghana", also: &["Republic of Ghana", "Republiek Ghana"] },
    Country { code: "GI", alpha3: "GIB", en: "Gibraltar", nl: "Gibraltar", also: &[] },
    Country { code: "GL", alpha3: "GRL", en: "Greenland", nl: "Groenland", also: &[] },
    Country { code: "GM", alpha3: "GMB", en: "Gambia", nl: "Gambia", also: &["Republic of the Gambia", "Republiek Gambia"] },
    Country { code: "GN", alpha3: "GIN", en: "Guinea", nl: "Guinee", also: &["Republic of Guinea", "Republiek Guinee"] },
    Country { code: "GP", alpha3: "GLP", en: "Guadeloupe", nl: "Guadeloupe", also: &[] },
    Country { code: "GQ", alpha3: "GNQ", en: "Equatorial Guinea", nl: "Equatoriaal-Guinea", also: &["Republic of Equatorial Guinea", "Republiek Equatoriaal-Guinea"] },
    Country { code: "GR", alpha3: "GRC", en: "Greece", nl: "Griekenland", also: &["Hellenic Republic", "Helleense Republiek", "Hellas"] },
    Country { code: "GS", alpha3: "SGS", en: "South Georgia and South Sandwich Islands", nl: "Zuid-Georgia en Zuidelijke Sandwicheilanden", also: &["South Georgia & South Sandwich Islands", "Zuid-Georgia en de Zuidelijke Sandwicheilanden"] },
    Country { code: "GT", alpha3: "GTM", en: "Guatemala", nl: "Guatemala", also: &["Republic of Guatemala", "Republiek Guatemala"] },
    Country { code: "GU", alpha3: "GUM", en: "Guam", nl: "Guam", also: &[] },
    Country { code: "GW", alpha3: "GNB", en: "Guinea-Bissau", nl: "Guinee-Bissau", also: &["Republic of Guinea-Bissau", "Republiek Guinee-Bissau"] },
    Country { code: "GY", alpha3: "GUY", en: "Guyana", nl: "Guyana", also: &["Republic of Guyana", "Republiek Guyana"] },
    Country { code: "HK", alpha3: "HKG", en: "Hong Kong", nl: "Hongkong", also: &["Hong Kong SAR China", "Hongkong SAR van China", "Hong Kong Special Administrative Region of China", "Speciale Administratieve Regio Hongkong van de Volksrepubliek China"] },
    Country { code: "HM", alpha3: "HMD", en: "Heard and McDonald Islands", nl: "Heard en McDonaldeilanden", also: &["Heard & McDonald Islands", "Heard Island and McDonald Islands", "Heardeiland en McDonaldeilanden"] },
    Country { code: "HN", alpha3: "HND", en: "Honduras", nl: "Honduras", also: &["Republic of Honduras", "Republiek Honduras"] },
    Country { code: "HR", alpha3: "HRV", en: "Croatia", nl: "Kroatië", also: &["Republic of Croatia", "Republiek Kroatië"] },
    Country { code: "HT", alpha3: "HTI", en: "Haiti", nl: "Haïti", also: &["Republic of Haiti", "Republiek Haïti"] },
    Country { code: "HU", alpha3: "HUN", en: "Hungary", nl: "Hongarije", also: &["Magyarország"] },
    Country { code: "ID", alpha3: "IDN", en: "Indonesia", nl: "Indonesië", also: &["Republic of Indonesia", "Republiek Indonesië"] },
    Country { code: "IE", alpha3: "IRL", en: "Ireland", nl: "Ierland", also: &["Éire", "Republic of Ireland"] },
    Country { code: "IL", alpha3: "ISR", en: "Israel", nl: "Israël", also: &["State of Israel", "Staat Israël"] },
    Country { code: "IM", alpha3: "IMN", en: "Isle of Man", nl: "Isle of Man", also: &["Eiland Man"] },
    Country { code: "IN", alpha3: "IND", en: "India", nl: "India", also: &["Republic of India", "Republiek India"] },
    Country { code: "IO", alpha3: "IOT", en: "British Indian Ocean Territory", nl: "Brits Indische Oceaanterritorium", also: &[] },
    Country { code: "IQ", alpha3: "IRQ", en: "Iraq", nl: "Irak", also: &["Republic of Iraq", "Republiek Irak"] },
    Country { code: "IR", alpha3: "IRN", en: "Iran", nl: "Iran", also: &["Iran, Islamic Republic of", "Islamic Republic of Iran", "Islamitische Republiek Iran"] },
    Country { code: "IS", alpha3: "ISL", en: "Iceland", nl: "IJsland", also: &["Republic of Iceland", "Republiek IJsland"] },
    Country { code: "IT", alpha3: "ITA", en: "Italy", nl: "Italië", also: &["Italian Republic", "Italiaanse Republiek", "Italia"] },
    Country { code: "JE", alpha3: "JEY", en: "Jersey", nl: "Jersey", also: &[] },
    Country { code: "JM", alpha3: "JAM", en: "Jamaica", nl: "Jamaica", also: &[] },
    Country { code: "JO", alpha3: "JOR", en: "Jordan", nl: "Jordanië", also: &["Hashemite Kingdom of Jordan", "Hasjemitisch Koninkrijk Jordanië"] },
    Country { code: "JP", alpha3: "JPN", en: "Japan", nl: "Japan", also: &[] },
    Country { code: "KE", alpha3: "KEN", en: "Kenya", nl: "Kenia", also: &["Republic of Kenya", "Republiek Kenia"] },
    Country { code: "KG", alpha3: "KGZ", en: "Kyrgyzstan", nl: "Kirgizië", also: &["Kyrgyz Republic", "Kirgizische Republiek"] },
    Country { code: "KH", alpha3: "KHM", en: "Cambodia", nl: "Cambodja", also: &["Kingdom of Cambodia", "Koninkrijk Cambodja"] },
    Country { code: "KI", alpha3: "KIR", en: "Kiribati", nl: "Kiribati", also: &["Republic of Kiribati", "Republiek Kiribati"] },
    Country { code: "KM", alpha3: "COM", en: "Comoros", nl: "Comoren", also: &["Union of the Comoros", "Unie van de Comoren"] },
    Country { code: "KN", alpha3: "KNA", en: "Saint Kitts and Nevis", nl: "Saint Kitts en Nevis", also: &["St. Kitts & Nevis"] },
    Country { code: "KP", alpha3: "PRK", en: "North Korea", nl: "Noord-Korea", also: &["Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", "Korea, Democratische Volksrepubliek", "Democratische Volksrepubliek Korea", "DPRK"] },
    Country { code: "KR", alpha3: "KOR", en: "South Korea", nl: "Zuid-Korea", also: &["Korea, Republic of", "Korea, Republiek", "Republic of Korea"] },
    Country { code: "KW", alpha3: "KWT", en: "Kuwait", nl: "Koeweit", also: &["State of Kuwait", "Staat Koeweit"] },
    Country { code: "KY", alpha3: "CYM", en: "Cayman Islands", nl: "Kaaimaneilanden", also: &[] },
    Country { code: "KZ", alpha3: "KAZ", en: "Kazakhstan", nl: "Kazachstan", also: &["Republic of Kazakhstan", "Republiek Kazachstan"] },
    Country { code: "LA", alpha3: "LAO", en: "Laos", nl: "Laos", also: &["Lao People's Democratic Republic", "Laos Democratische Volksrepubliek"] },
    Country { code: "LB", alpha3: "LBN", en: "Lebanon", nl: "Libanon", also: &["Lebanese Republic", "Republiek Libanon"] },
    Country { code: "LC", alpha3: "LCA", en: "Saint Lucia", nl: "Saint Lucia", also: &["St. Lucia"] },
    Country { code: "LI", alpha3: "LIE", en: "Liechtenstein", nl: "Liechtenstein", also: &["Principality of Liechtenstein", "Vorstendom Liechtenstein"] },
    Country { code: "LK", alpha3: "LKA", en: "Sri Lanka", nl: "Sri Lanka", also: &["Democratic Socialist Republic of Sri Lanka", "Democratische Socialistische Republiek Sri Lanka"] },
    Country { code: "LR", alpha3: "LBR", en: "Liberia", nl: "Liberia", also: &["Republic of Liberia", "Republiek Liberia"] },
    Country { code: "LS", alpha3: "LSO", en: "Lesotho", nl: "Lesotho", also: &["Kingdom of Lesotho", "Koninkrijk Lesotho"] },
    Country { code: "LT", alpha3: "LTU", en: "Lithuania", nl: "Litouwen", also: &["Republic of Lithuania", "Republiek Litouwen"] },
    Country { code: "LU", alpha3: "LUX", en: "Luxembourg", nl: "Luxemburg", also: &["Grand Duchy of Luxembourg", "Groothertogdom Luxemburg", "Lëtzebuerg"] },
    Country { code: "LV", alpha3: "LVA", en: "Latvia", nl: "Letland", also: &["Republic of Latvia", "Republiek Letland"] },
    Country { code: "LY", alpha3: "LBY", en: "Libya", nl: "Libië", also: &[] },
    Country { code: "MA", alpha3: "MAR", en: "Morocco", nl: "Marokko", also: &["Kingdom of Morocco", "Koninkrijk Marokko"] },
    Country { code: "MC", alpha3: "MCO", en: "Monaco", nl: "Monaco", also: &["Principality of Monaco", "Vorstendom Monaco"] },
    Country { code: "MD", alpha3: "MDA", en: "Moldova", nl: "Moldavië", also: &["Moldova, Republic of", "Republic of Moldova", "Moldavië, Republiek", "Republiek Moldavië"] },
    Country { code: "ME", alpha3: "MNE", en: "Montenegro", nl: "Montenegro", also: &[] },
    Country { code: "MF", alpha3: "MAF", en: "Saint Martin", nl: "Saint-Martin", also: &["St. Martin", "Saint Martin (French part)", "Sint-Maarten (Frans deel)"] },
    Country { code: "MG", alpha3: "MDG", en: "Madagascar", nl: "Madagaskar", also: &["Republic of Madagascar", "Republiek Madagaskar"] },
    Country { code: "MH", alpha3: "MHL", en: "Marshall Islands", nl: "Marshalleilanden", also: &["Republic of the Marshall Islands", "Republiek der Marshalleilanden"] },
    Country { code: "MK", alpha3: "MKD", en: "North Macedonia", nl: "Noord-Macedonië", also: &["Republic of North Macedonia", "Republiek Noord-Macedonië", "Macedonia", "Macedonië"] },
    Country { code: "ML", alpha3: "MLI", en: "Mali", nl: "Mali", also: &["Republic of Mali", "Republiek Mali"] },
    Country { code: "MM", alpha3: "MMR", en: "Myanmar (Burma)", nl: "Myanmar (Birma)", also: &["Myanmar", "Republic of Myanmar", "Republiek Myanmar", "Burma", "Birma"] },
    Country { code: "MN", alpha3: "MNG", en: "Mongolia", nl: "Mongolië", also: &[] },
    Country { code: "MO", alpha3: "MAC", en: "Macao", nl: "Macau", also: &["Macao SAR China", "Macau SAR van China", "Macao Special Administrative Region of China", "Speciale Administratieve Regio Macau van de Volksrepubliek China"] },
    Country { code: "MP", alpha3: "MNP", en: "Northern Mariana Islands", nl: "Noordelijke Marianen", also: &["Commonwealth of the Northern Mariana Islands", "Gemenebest van de Noordelijke Marianen"] },
    Country { code: "MQ", alpha3: "MTQ", en: "Martinique", nl: "Martinique", also: &[] },
    Country { code: "MR", alpha3: "MRT", en: "Mauritania", nl: "Mauritanië", also: &["Islamic Republic of Mauritania", "Islamitische Republiek Mauritanië"] },
    Country { code: "MS", alpha3: "MSR", en: "Montserrat", nl: "Montserrat", also: &[] },
    Country { code: "MT", alpha3: "MLT", en: "Malta", nl: "Malta", also: &["Republic of Malta", "Republiek Malta"] },
    Country { code: "MU", alpha3: "MUS", en: "Mauritius", nl: "Mauritius", also: &["Republic of Mauritius", "Republiek Mauritius"] },
    Country { code: "MV", alpha3: "MDV", en: "Maldives", nl: "Maldiven", also: &["Republic of Maldives", "Republiek der Maldiven"] },
    Country { code: "MW", alpha3: "MWI", en: "Malawi", nl: "Malawi", also: &["Republic of Malawi", "Republiek Malawi"] },
    Country { code: "MX", alpha3: "MEX", en: "Mexico", nl: "Mexico", also: &["United Mexican States", "Verenigde Mexicaanse Staten"] },
    Country { code: "MY", alpha3: "MYS", en: "Malaysia", nl: "Maleisië", also: &[] },
    Country { code: "MZ", alpha3: "MOZ", en: "Mozambique", nl: "Mozambique", also: &["Republic of Mozambique", "Republiek Mozambique"] },
    Country { code: "NA", alpha3: "NAM", en: "Namibia", nl: "Namibië", also: &["Republic of Namibia", "Republiek Namibië"] },
    Country { code: "NC", alpha3: "NCL", en: "New Caledonia", nl: "Nieuw-Caledonië", also: &[] },
    Country { code: "NE", alpha3: "NER", en: "Niger", nl: "Niger", also: &["Republic of the Niger", "Republiek Niger"] },
    Country { code: "NF", alpha3: "NFK", en: "Norfolk Island", nl: "Norfolk", also: &[] },
    Country { code: "NG", alpha3: "NGA", en: "Nigeria", nl: "Nigeria", also: &["Federal Republic of Nigeria", "Federale Republiek Nigeria"] },
    Country { code: "NI", alpha3: "NIC", en: "Nicaragua", nl: "Nicaragua", also: &["Republic of Nicaragua", "Republiek Nicaragua"] },
    Country { code: "NL", alpha3: "NLD", en: "Netherlands", nl: "Nederland", also: &["Kingdom of the Netherlands", "Koninkrijk der Nederlanden", "Holland", "Netherland", "Nederlân", "Pays-Bas", "Niederlande"] },
    Country { code: "NO", alpha3: "NOR", en: "Norway", nl: "Noorwegen", also: &["Kingdom of Norway", "Koninkrijk Noorwegen", "Norge"] },
    Country { code: "NP", alpha3: "NPL", en: "Nepal", nl: "Nepal", also: &["Federal Democratic Republic of Nepal", "Federale Democratische Republiek van Nepal"] },
    Country { code: "NR", alpha3: "NRU", en: "Nauru", nl: "Nauru", also: &["Republic of Nauru", "Republiek Nauru"] },
    Country { code: "NU", alpha3: "NIU", en: "Niue", nl: "Niue", also: &[] },
    Country { code: "NZ", alpha3: "NZL", en: "New Zealand", nl: "Nieuw-Zeeland", also: &[] },
    Country { code: "OM", alpha3: "OMN", en: "Oman", nl: "Oman", also: &["Sultanate of Oman", "Sultanaat Oman"] },
    Country { code: "PA", alpha3: "PAN", en: "Panama", nl: "Panama", also: &["Republic of Panama", "Republiek Panama"] },
    Country { code: "PE", alpha3: "PER", en: "Peru", nl: "Peru", also: &["Republic of Peru", "Republiek Peru"] },
    Country { code: "PF", alpha3: "PYF", en: "French Polynesia", nl: "Frans-Polynesië", also: &[] },
    Country { code: "PG", alpha3: "PNG", en: "Papua New Guinea", nl: "Papoea-Nieuw-Guinea", also: &["Independent State of Papua New Guinea", "Onafhankelijke Staat Papua Nieuw Guinea"] },
    Country { code: "PH", alpha3: "PHL", en: "Philippines", nl: "Filipijnen", also: &["Republic of the Philippines", "Republiek der Filipijnen"] },
    Country { code: "PK", alpha3: "PAK", en: "Pakistan", nl: "Pakistan", also: &["Islamic Republic of Pakistan", "Islamitische Republiek Pakistan"] },
    Country { code: "PL", alpha3: "POL", en: "Poland", nl: "Polen", also: &["Republic of Poland", "Republiek Polen", "Polska"] },
    Country { code: "PM", alpha3: "SPM", en: "Saint Pierre and Miquelon", nl: "Saint-Pierre en Miquelon", also: &["St. Pierre & Miquelon"] },
    Country { code: "PN", alpha3: "PCN", en: "Pitcairn Islands", nl: "Pitcairneilanden", also: &["Pitcairn"] },
    Country { code: "PR", alpha3: "PRI", en: "Puerto Rico", nl: "Puerto Rico", also: &[] },
    Country { code: "PS", alpha3: "PSE", en: "Palestine", nl: "Palestina", also: &["Palestinian Territories", "Palestijnse gebieden", "Palestine, State of", "the State of Palestine", "Palestina, Staat", "Staat Palestina"] },
    Country { code: "PT", alpha3: "PRT", en: "Portugal", nl: "Portugal", also: &["Portuguese Republic", "Portugese Republiek"] },
    Country { code: "PW", alpha3: "PLW", en: "Palau", nl: "Palau", also: &["Republic of Palau", "Republiek Palau"] },
    Country { code: "PY", alpha3: "PRY", en: "Paraguay", nl: "Paraguay", also: &["Republic of Paraguay", "Republiek Paraguay"] },
    Country { code: "QA", alpha3: "QAT", en: "Qatar", nl: "Qatar", also: &["State of Qatar", "Staat Qatar"] },
    Country { code: "RE", alpha3: "REU", en: "Réunion", nl: "Réunion", also: &[] },
    Country { code: "RO", alpha3: "ROU", en: "Romania", nl: "Roemenië", also: &[] },
    Country { code: "RS", alpha3: "SRB", en: "Serbia", nl: "Servië", also: &["Republic of Serbia", "Republiek Servië"] },
    Country { code: "RU", alpha3: "RUS", en: "Russia", nl: "Rusland", also: &["Russian Federation"] },
    Country { code: "RW", alpha3: "RWA", en: "Rwanda", nl: "Rwanda", also: &["Rwandese Republic", "Republiek Rwanda"] },
    Country { code: "SA", alpha3: "SAU", en: "Saudi Arabia", nl: "Saoedi-Arabië", also: &["Kingdom of Saudi Arabia", "Koninkrijk Saudi-Arabië"] },
    Country { code: "SB", alpha3: "SLB", en: "Solomon Islands", nl: "Salomonseilanden", also: &[] },
    Country { code: "SC", alpha3: "SYC", en: "Seychelles", nl: "Seychellen", also: &["Republic of Seychelles", "Republiek Seychellen"] },
    Country { code: "SD", alpha3: "SDN", en: "Sudan", nl: "Soedan", also: &["Republic of the Sudan", "Republiek Soedan"] },
    Country { code: "SE", alpha3: "SWE", en: "Sweden", nl: "Zweden", also: &["Kingdom of Sweden", "Koninkrijk Zweden", "Sverige"] },
    Country { code: "SG", alpha3: "SGP", en: "Singapore", nl: "Singapore", also: &["Republic of Singapore", "Republiek Singapore"] },
    Country { code: "SH", alpha3: "SHN", en: "Saint Helena", nl: "Sint-Helena", also: &["St. Helena", "Saint Helena, Ascension and Tristan da Cunha", "Sint-Helena, Ascension en Tristan da Cunha"] },
    Country { code: "SI", alpha3: "SVN", en: "Slovenia", nl: "Slovenië", also: &["Republic of Slovenia", "Republiek Slovenië"] },
    Country { code: "SJ", alpha3: "SJM", en: "Svalbard and Jan Mayen", nl: "Spitsbergen en Jan Mayen", also: &["Svalbard & Jan Mayen"] },
    Country { code: "SK", alpha3: "SVK", en: "Slovakia", nl: "Slowakije", also: &["Slovak Republic", "Slovaakse Republiek"] },
    Country { code: "SL", alpha3: "SLE", en: "Sierra Leone", nl: "Sierra Leone", also: &["Republic of Sierra Leone", "Republiek Sierra Leone"] },
    Country { code: "SM", alpha3: "SMR", en: "San Marino", nl: "San Marino", also: &["Republic of San Marino", "Republiek San Marino"] },
    Country { code: "SN", alpha3: "SEN", en: "Senegal", nl: "Senegal", also: &["Republic of Senegal", "Republiek Senegal"] },
    Country { code: "SO", alpha3: "SOM", en: "Somalia", nl: "Somalië", also: &["Federal Republic of Somalia", "Federale Republiek Somalië"] },
    Country { code: "SR", alpha3: "SUR", en: "Suriname", nl: "Suriname", also: &["Republic of Suriname", "Republiek Suriname"] },
    Country { code: "SS", alpha3: "SSD", en: "South Sudan", nl: "Zuid-Soedan", also: &["Republic of South Sudan", "Republiek Zuid-Soedan"] },
    Country { code: "ST", alpha3: "STP", en: "São Tomé and Príncipe", nl: "Sao Tomé en Principe", also: &["São Tomé & Príncipe", "Democratic Republic of Sao Tome and Principe", "Democratische Republiek Sao Tomé en Principe"] },
    Country { code: "SV", alpha3: "SLV", en: "El Salvador", nl: "El Salvador", also: &["Republic of El Salvador", "Republiek El Salvador"] },
    Country { code: "SX", alpha3: "SXM", en: "Sint Maarten", nl: "Sint-Maarten", also: &["Sint Maarten (Dutch part)", "Sint Maarten (Nederlands deel)"] },
    Country { code: "SY", alpha3: "SYR", en: "Syria", nl: "Syrië", also: &["Syrian Arab Republic"] },
    Country { code: "SZ", alpha3: "SWZ", en: "Eswatini", nl: "Eswatini", also: &["Kingdom of Eswatini", "Koninkrijk Eswatini", "Swaziland"] },
    Country { code: "TC", alpha3: "TCA", en: "Turks and Caicos Islands", nl: "Turks- en Caicoseilanden", also: &["Turks & Caicos Islands"] },
    Country { code: "TD", alpha3: "TCD", en: "Chad", nl: "Tsjaad", also: &["Republic of Chad", "Republiek Tsjaad"] },
    Country { code: "TF", alpha3: "ATF", en: "French Southern Territories", nl: "Franse Gebieden in de zuidelijke Indische Oceaan", also: &["Franse Zuidelijke Gebieden"] },
    Country { code: "TG", alpha3: "TGO", en: "Togo", nl: "Togo", also: &["Togolese Republic", "Republiek Togo"] },
    Country { code: "TH", alpha3: "THA", en: "Thailand", nl: "Thailand", also: &["Kingdom of Thailand", "Koninkrijk Thailand"] },
    Country { code: "TJ", alpha3: "TJK", en: "Tajikistan", nl: "Tadzjikistan", also: &["Republic of Tajikistan", "Republiek Tadzjikistan"] },
    Country { code: "TK", alpha3: "TKL", en: "Tokelau", nl: "Tokelau", also: &[] },
    Country { code: "TL", alpha3: "TLS", en: "Timor-Leste", nl: "Oost-Timor", also: &["Democratic Republic of Timor-Leste", "Democratische Republiek Oost-Timor", "East Timor"] },
    Country { code: "TM", alpha3: "TKM", en: "Turkmenistan", nl: "Turkmenistan", also: &[] },
    Country { code: "TN", alpha3: "TUN", en: "Tunisia", nl: "Tunesië", also: &["Republic of Tunisia", "Republiek Tunesië"] },
    Country { code: "TO", alpha3: "TON", en: "Tonga", nl: "Tonga", also: &["Kingdom of Tonga", "Koninkrijk Tonga"] },
    Country { code: "TR", alpha3: "TUR", en: "Türkiye", nl: "Turkije", also: &["Republic of Türkiye", "Republiek Turkije", "Turkey", "Türkei"] },
    Country { code: "TT", alpha3: "TTO", en: "Trinidad and Tobago", nl: "Trinidad en Tobago", also: &["Trinidad & Tobago", "Republic of Trinidad and Tobago", "Republiek Trinidad en Tobago"] },
    Country { code: "TV", alpha3: "TUV", en: "Tuvalu", nl: "Tuvalu", also: &[] },
    Country { code: "TW", alpha3: "TWN", en: "Taiwan", nl: "Taiwan", also: &["Taiwan, Province of China"] },
    Country { code: "TZ", alpha3: "TZA", en: "Tanzania", nl: "Tanzania", also: &["Tanzania, United Republic of", "United Republic of Tanzania", "Verenigde Republiek Tanzania"] },
    Country { code: "UA", alpha3: "UKR", en: "Ukraine", nl: "Oekraïne", also: &[] },
    Country { code: "UG", alpha3: "UGA", en: "Uganda", nl: "Oeganda", also: &["Republic of Uganda", "Republiek Oeganda"] },
    Country { code: "UM", alpha3: "UMI", en: "U.S. Outlying Islands", nl: "Kleine afgelegen eilanden van de Verenigde Staten", also: &["United States Minor Outlying Islands"] },
    Country { code: "US", alpha3: "USA", en: "United States", nl: "Verenigde Staten", also: &["United States of America", "Verenigde Staten van Amerika", "America", "Amerika"] },
    Country { code: "UY", alpha3: "URY", en: "Uruguay", nl: "Uruguay", also: &["Eastern Republic of Uruguay", "Oostelijke Republiek Uruguay"] },
    Country { code: "UZ", alpha3: "UZB", en: "Uzbekistan", nl: "Oezbekistan", also: &["Republic of Uzbekistan", "Republiek Oezbekistan"] },
    Country { code: "VA", alpha3: "VAT", en: "Vatican City", nl: "Vaticaanstad", also: &["Holy See (Vatican City State)", "Vaticaanstad, Staat", "Vatican", "Vaticaan", "Holy See", "Heilige Stoel"] },
    Country { code: "VC", alpha3: "VCT", en: "Saint Vincent and Grenadines", nl: "Saint Vincent en de Grenadines", also: &["St. Vincent & Grenadines"] },
    Country { code: "VE", alpha3: "VEN", en: "Venezuela", nl: "Venezuela", also: &["Venezuela, Bolivarian Republic of", "Bolivarian Republic of Venezuela", "Venezuela, Bolivariaanse Republiek", "Bolivariaanse Republiek Venezuela"] },
    Country { code: "VG", alpha3: "VGB", en: "British Virgin Islands", nl: "Britse Maagdeneilanden", also: &["Virgin Islands, British", "Maagdeneilanden, Britse"] },
    Country { code: "VI", alpha3: "VIR", en: "U.S. Virgin Islands", nl: "Amerikaanse Maagdeneilanden", also: &["Virgin Islands, U.S.", "Virgin Islands of the United States", "Maagdeneilanden, Amerikaanse"] },
    Country { code: "VN", alpha3: "VNM", en: "Vietnam", nl: "Vietnam", also: &["Socialist Republic of Viet Nam", "Socialistische Republiek Vietnam"] },
    Country { code: "VU", alpha3: "VUT", en: "Vanuatu", nl: "Vanuatu", also: &["Republic of Vanuatu", "Republiek Vanuatu"] },
    Country { code: "WF", alpha3: "WLF", en: "Wallis and Futuna", nl: "Wallis en Futuna", also: &["Wallis & Futuna"] },
    Country { code: "WS", alpha3: "WSM", en: "Samoa", nl: "Samoa", also: &["Independent State of Samoa", "Onafhankelijke Staat Samoa"] },
    Country { code: "XK", alpha3: "XKX", en: "Kosovo", nl: "Kosovo", also: &[] },
    Country { code: "YE", alpha3: "YEM", en: "Yemen", nl: "Jemen", also: &["Republic of Yemen", "Republiek Jemen"] },
    Country { code: "YT", alpha3: "MYT", en: "Mayotte", nl: "Mayotte", also: &[] },
    Country { code: "ZA", alpha3: "ZAF", en: "South Africa", nl: "Zuid-Afrika", also: &["Republic of South Africa", "Republiek Zuid-Afrika", "RSA"] },
    Country { code: "ZM", alpha3: "ZMB", en: "Zambia", nl: "Zambia", also: &["Republic of Zambia", "Republiek Zambia"] },
    Country { code: "ZW", alpha3: "ZWE", en: "Zimbabwe", nl: "Zimbabwe", also: &["Republic of Zimbabwe", "Republiek Zimbabwe"] },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_understood_as_people_write_them() {
        let cases = [
            ("NL", "NL"),
            ("nl", "NL"),
            ("NLD", "NL"),
            ("Nederland", "NL"),
            ("nederland", "NL"),
            ("Holland", "NL"),
            ("the Netherlands", "NL"),
            ("The Netherlands", "NL"),
            ("Netherlands", "NL"),
            ("België", "BE"),
            ("Belgie", "BE"),
            ("BELGIË", "BE"),
            ("Belgium", "BE"),
            ("Brazil", "BR"),
            ("Brazilië", "BR"),
            ("Czech Republic", "CZ"),
            ("Tsjechië", "CZ"),
            ("Czechia", "CZ"),
            ("UK", "GB"),
            ("U.K.", "GB"),
            ("Great Britain", "GB"),
            ("England", "GB"),
            ("Verenigd Koninkrijk", "GB"),
            ("USA", "US"),
            ("United States of America", "US"),
            ("Deutschland", "DE"),
            ("Duitsland", "DE"),
            ("Côte d'Ivoire", "CI"),
            ("Ivoorkust", "CI"),
            ("Curaçao", "CW"),
            ("Curacao", "CW"),
            ("Bonaire", "BQ"),
            ("  Frankrijk ", "FR"),
            ("Kosovo", "XK"),
        ];
        for (text, code) in cases {
            assert_eq!(code_for(text), Some(code), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_country_is_not_guessed() {
        for text in ["", "NE land", "Nederlnd", "XX", "HO", "Europe", "NaN", "N/A", "EU", "Congo Kinshasa Brazzaville", "Hollandd"] {
            assert_eq!(code_for(text), None, "{text}");
        }
    }

    #[test]
    fn every_iso_country_is_listed_once_with_both_names_and_no_name_is_shared() {
        assert_eq!(COUNTRIES.len(), 250, "the 249 countries of ISO 3166-1 and Kosovo");
        let mut owner: HashMap<String, &str> = HashMap::new();
        for c in COUNTRIES {
            assert_eq!(c.code.len(), 2, "{}", c.code);
            assert!(c.code.chars().all(|ch| ch.is_ascii_uppercase()), "{}", c.code);
            assert_eq!(c.alpha3.len(), 3, "{}", c.code);
            assert!(!c.en.is_empty() && !c.nl.is_empty(), "{}", c.code);
            assert_eq!(by_code(c.code), Some(c));
            for key in c.keys() {
                if let Some(other) = owner.insert(key.clone(), c.code) {
                    panic!("“{key}” names both {other} and {}", c.code);
                }
            }
        }
        assert!(COUNTRIES.windows(2).all(|w| w[0].code < w[1].code), "sorted by code, each once");
    }
}
