//! Names derived from contract keys, shared by the surfaces.

/// `commerce.charge-create` -> `CommerceChargeCreate`: ASCII letters and digits only, each
/// segment capitalised; a leading digit gets a `T` in front so the name is an identifier.
pub fn pascal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    push_pascal(&mut out, s);
    out
}

/// Appends [`pascal`]`(s)` to `out`.
pub fn push_pascal(out: &mut String, s: &str) {
    let start = out.len();
    // Runs of ASCII letters and digits, found byte by byte: each byte of a non-ASCII
    // character is a separator, as the character is.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let run = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if out.len() == start && bytes[run].is_ascii_digit() {
            out.push('T');
        }
        out.push(char::from(bytes[run].to_ascii_uppercase()));
        out.push_str(&s[run + 1..i]);
    }
    if out.len() == start {
        out.push('T');
    }
}

/// Hands out names, adding `2`, `3`… (after `sep`) to names already taken.
#[derive(Debug, Default)]
pub struct Unique {
    taken: std::collections::HashSet<String>,
}

impl Unique {
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_string());
    }

    /// `name`, or `name{sep}2`, `name{sep}3`… with the whole at most `max` characters.
    pub fn claim(&mut self, name: &str, sep: &str, max: usize) -> String {
        let base: String = name.chars().take(max).collect();
        if self.taken.insert(base.clone()) {
            return base;
        }
        for n in 2.. {
            let suffix = format!("{sep}{n}");
            let keep = max.saturating_sub(suffix.chars().count());
            let head: String = base.chars().take(keep).collect();
            let candidate = format!("{head}{suffix}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
        unreachable!("names run out only after usize::MAX attempts")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_of_keys() {
        assert_eq!(pascal("commerce.charge.create"), "CommerceChargeCreate");
        assert_eq!(pascal("ai-voice-tts.elevenlabs"), "AiVoiceTtsElevenlabs");
        assert_eq!(pascal("3d.model"), "T3dModel");
        assert_eq!(pascal(""), "T");
        assert_eq!(pascal("été.2x-ÿb"), "T2xB");
        assert_eq!(pascal("--"), "T");
        assert_eq!(pascal("a__b9.c"), "AB9C");
    }

    #[test]
    fn unique_names_get_suffixes() {
        let mut u = Unique::default();
        assert_eq!(u.claim("a_b", "_", 64), "a_b");
        assert_eq!(u.claim("a_b", "_", 64), "a_b_2");
        assert_eq!(u.claim("a_b", "_", 64), "a_b_3");
        assert_eq!(u.claim("abcd", "_", 4), "abcd");
        assert_eq!(u.claim("abcd", "_", 4), "ab_2");
    }
}
