//! Writing rows as CSV text: comma-separated, a field quoted only when it needs to be.

/// The byte-order mark the CSV starts with, so the import reads it as UTF-8 without guessing.
pub const BOM: &str = "\u{feff}";

/// Appends one field to `out`: as it is, or between double quotes (inner quotes doubled) when
/// it holds a comma, a quote or a line break.
pub fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends one row (its fields separated by commas) and a line break to `out`.
pub fn push_row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field.as_ref());
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r", "\"cr\r\""),
            ("Łódź 北京", "Łódź 北京"),
            ("semi;colon", "semi;colon"),
        ];
        for (field, written) in cases {
            let mut out = String::new();
            push_field(&mut out, field);
            assert_eq!(out, written);
        }
    }

    #[test]
    fn a_row_is_its_fields_with_commas_and_a_line_break() {
        let mut out = String::new();
        push_row(&mut out, &["id", "name, full", ""]);
        push_row::<&str>(&mut out, &[]);
        assert_eq!(out, "id,\"name, full\",\r\n\r\n");
    }
}
