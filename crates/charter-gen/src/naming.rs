//! Names derived from contract keys, shared by the surfaces.

/// `commerce.charge-create` -> `CommerceChargeCreate`: ASCII letters and digits only, each
/// segment capitalised; a leading digit gets a `T` in front so the name is an identifier.
pub fn pascal(s: &str) -> String {
    let mut out = String::new();
    for part in s.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    out
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
