//! A compact byte form of `lopdf` objects, for the objects of a document
//! that wait while other pages are extracted. A parsed dictionary costs
//! `lopdf` about a kilobyte (an index map of 100-byte enums, a heap string
//! per key); written here it costs about what it did in the file.
//!
//! Stream objects keep only their dictionary: their content is read back
//! from the file when needed. Only this module writes the form, so reading
//! it back cannot fail on a document, only on a bug; it still returns
//! `None` rather than panicking.

use pdf_extract::{Dictionary, Object, Stream, StringFormat};

/// Deepest nesting written or read (`lopdf` parses at most 100 levels).
const MAX_DEPTH: usize = 128;

const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INTEGER: u8 = 3;
const REAL: u8 = 4;
const NAME: u8 = 5;
const LITERAL: u8 = 6;
const HEX: u8 = 7;
const ARRAY: u8 = 8;
const DICTIONARY: u8 = 9;
const STREAM: u8 = 10;
const REFERENCE: u8 = 11;

/// Appends `object` to `out`; false (with `out` as it was) when it nests
/// deeper than [`MAX_DEPTH`].
pub(super) fn write(object: &Object, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    let ok = write_at(object, out, 0);
    if !ok {
        out.truncate(start);
    }
    ok
}

fn write_at(object: &Object, out: &mut Vec<u8>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match object {
        Object::Null => out.push(NULL),
        Object::Boolean(false) => out.push(FALSE),
        Object::Boolean(true) => out.push(TRUE),
        Object::Integer(i) => {
            out.push(INTEGER);
            varint(((i << 1) ^ (i >> 63)) as u64, out);
        }
        Object::Real(r) => {
            out.push(REAL);
            out.extend_from_slice(&r.to_le_bytes());
        }
        Object::Name(name) => {
            out.push(NAME);
            bytes(name, out);
        }
        Object::String(s, StringFormat::Literal) => {
            out.push(LITERAL);
            bytes(s, out);
        }
        Object::String(s, StringFormat::Hexadecimal) => {
            out.push(HEX);
            bytes(s, out);
        }
        Object::Array(items) => {
            out.push(ARRAY);
            varint(items.len() as u64, out);
            return items.iter().all(|item| write_at(item, out, depth + 1));
        }
        Object::Dictionary(dict) => {
            out.push(DICTIONARY);
            return write_dict(dict, out, depth);
        }
        Object::Stream(stream) => {
            out.push(STREAM);
            return write_dict(&stream.dict, out, depth);
        }
        Object::Reference((number, generation)) => {
            out.push(REFERENCE);
            varint(u64::from(*number), out);
            varint(u64::from(*generation), out);
        }
    }
    true
}

fn write_dict(dict: &Dictionary, out: &mut Vec<u8>, depth: usize) -> bool {
    varint(dict.len() as u64, out);
    dict.iter().all(|(key, value)| {
        bytes(key, out);
        write_at(value, out, depth + 1)
    })
}

fn bytes(b: &[u8], out: &mut Vec<u8>) {
    varint(b.len() as u64, out);
    out.extend_from_slice(b);
}

/// LEB128.
fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads back one object written by [`write`]; a stream comes back with
/// its dictionary and no content.
pub(super) fn read(mut input: &[u8]) -> Option<Object> {
    read_at(&mut input, 0)
}

fn read_at(input: &mut &[u8], depth: usize) -> Option<Object> {
    if depth > MAX_DEPTH {
        return None;
    }
    let (&tag, rest) = input.split_first()?;
    *input = rest;
    Some(match tag {
        NULL => Object::Null,
        FALSE => Object::Boolean(false),
        TRUE => Object::Boolean(true),
        INTEGER => {
            let z = read_varint(input)?;
            Object::Integer(((z >> 1) as i64) ^ -((z & 1) as i64))
        }
        REAL => {
            let (raw, rest) = input.split_first_chunk::<4>()?;
            *input = rest;
            Object::Real(f32::from_le_bytes(*raw))
        }
        NAME => Object::Name(read_bytes(input)?),
        LITERAL => Object::String(read_bytes(input)?, StringFormat::Literal),
        HEX => Object::String(read_bytes(input)?, StringFormat::Hexadecimal),
        ARRAY => {
            let n = read_varint(input)?;
            // Every item takes at least a byte: a count beyond what is left is a bug.
            if n > input.len() as u64 {
                return None;
            }
            let mut items = Vec::with_capacity(n as usize);
            for _ in 0..n {
                items.push(read_at(input, depth + 1)?);
            }
            Object::Array(items)
        }
        DICTIONARY => Object::Dictionary(read_dict(input, depth)?),
        STREAM => Object::Stream(Stream::new(read_dict(input, depth)?, Vec::new())),
        REFERENCE => {
            let number = u32::try_from(read_varint(input)?).ok()?;
            let generation = u16::try_from(read_varint(input)?).ok()?;
            Object::Reference((number, generation))
        }
        _ => return None,
    })
}

fn read_dict(input: &mut &[u8], depth: usize) -> Option<Dictionary> {
    let n = read_varint(input)?;
    let mut dict = Dictionary::new();
    for _ in 0..n {
        let key = read_bytes(input)?;
        let value = read_at(input, depth + 1)?;
        dict.set(key, value);
    }
    Some(dict)
}

fn read_bytes(input: &mut &[u8]) -> Option<Vec<u8>> {
    let n = usize::try_from(read_varint(input)?).ok()?;
    if n > input.len() {
        return None;
    }
    let (b, rest) = input.split_at(n);
    *input = rest;
    Some(b.to_vec())
}

fn read_varint(input: &mut &[u8]) -> Option<u64> {
    let mut n: u64 = 0;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = input.split_first()?;
        *input = rest;
        n |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_round_trip() {
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set(
            "Widths",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(-1),
                Object::Integer(i64::MAX),
                Object::Integer(i64::MIN),
                Object::Real(0.5),
            ]),
        );
        font.set("ToUnicode", Object::Reference((12, 3)));
        font.set(
            "Name",
            Object::String(b"(x)".to_vec(), StringFormat::Literal),
        );
        font.set(
            "Id",
            Object::String(vec![0, 255], StringFormat::Hexadecimal),
        );
        font.set(
            "Flags",
            Object::Array(vec![
                Object::Null,
                Object::Boolean(true),
                Object::Boolean(false),
            ]),
        );
        font.set("Nested", Object::Dictionary(Dictionary::new()));
        let object = Object::Dictionary(font);
        let mut out = Vec::new();
        assert!(write(&object, &mut out));
        assert!(read(&out) == Some(object));

        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let stream = Object::Stream(Stream::new(dict, b"content".to_vec()));
        out.clear();
        assert!(write(&stream, &mut out));
        let Some(Object::Stream(back)) = read(&out) else {
            panic!("not a stream");
        };
        assert!(back.content.is_empty());
        assert_eq!(
            back.dict.get(b"Filter").and_then(Object::as_name).ok(),
            Some(&b"FlateDecode"[..])
        );
    }

    #[test]
    fn too_deep_is_refused_and_bad_bytes_read_as_none() {
        let mut object = Object::Null;
        for _ in 0..=MAX_DEPTH + 1 {
            object = Object::Array(vec![object]);
        }
        let mut out = vec![7];
        assert!(!write(&object, &mut out));
        assert_eq!(out, vec![7]);
        assert!(read(&[ARRAY, 200, 1]).is_none());
        assert!(read(&[NAME, 5, b'a']).is_none());
        assert!(read(&[99]).is_none());
        assert!(read(&[]).is_none());
    }
}
