//! Writing JSON files: pretty-printed as `serde_json::to_string_pretty` does, but faster.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// `value` as `serde_json::to_string_pretty` writes it, and a final newline.
pub(crate) fn to_json_file<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = to_pretty(value);
    out.push('\n');
    out
}

/// `value` as `serde_json::to_string_pretty` writes it (empty if it cannot be serialised).
pub(crate) fn to_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's `PrettyFormatter` (two spaces a level), but writing each line break and its
/// indentation at once: serde_json writes the indentation one level at a time, which cost as
/// much as everything else in writing these large, deeply nested documents.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break and the indentation of the current depth.
    fn new_line<W: ?Sized + io::Write>(&self, w: &mut W) -> io::Result<()> {
        /// A line break and the indentation of the first 64 levels.
        const LINE: [u8; 129] = {
            let mut line = [b' '; 129];
            line[0] = b'\n';
            line
        };
        let mut spaces = 2 * self.depth;
        let first = spaces.min(LINE.len() - 1);
        w.write_all(&LINE[..=first])?;
        spaces -= first;
        while spaces > 0 {
            let n = spaces.min(LINE.len() - 1);
            w.write_all(&LINE[1..=n])?;
            spaces -= n;
        }
        Ok(())
    }

    fn begin<W: ?Sized + io::Write>(&mut self, w: &mut W, open: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(open)
    }

    fn end<W: ?Sized + io::Write>(&mut self, w: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w)?;
        }
        w.write_all(close)
    }

    fn item<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.new_line(w)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.begin(w, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_files_are_written_as_serde_json_writes_them() {
        let mut deep = serde_json::json!({"leaf": [1, {}, []]});
        for i in 0..70 {
            deep = serde_json::json!({ "a": [], "b": {}, "deeper": [deep, i], "s": "x\"y\n" });
        }
        let expected = serde_json::to_string_pretty(&deep).unwrap() + "\n";
        assert_eq!(super::to_json_file(&deep), expected);
    }
}
