//! Tokens and a precedence-climbing parser for the expression subset.

use super::{BinOp, Expr, ExprError, Func, Node};

/// Longest expression accepted (characters).
pub const MAX_LEN: usize = 10_000;
/// Deepest nesting accepted (parentheses, calls, unary minus).
pub const MAX_DEPTH: usize = 64;

/// Where the expression stands: bare names mean a choice's columns only in
/// a `choice_filter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseMode {
    Plain,
    ChoiceFilter,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Str(String),
    Ref(String),
    Name(String),
    Dot,
    LParen,
    RParen,
    Comma,
    Op(&'static str),
    /// Something of XPath outside the subset: `/`, `..`, `[`, `@`, `|`, `::`.
    Path(&'static str),
}

pub fn parse(source: &str, mode: ParseMode) -> Result<Expr, ExprError> {
    if source.chars().count() > MAX_LEN {
        return Err(ExprError::Syntax(format!(
            "longer than {MAX_LEN} characters"
        )));
    }
    let toks = lex(source)?;
    if toks.is_empty() {
        return Err(ExprError::Syntax("it is empty".into()));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
        mode,
    };
    let node = p.expr(0)?;
    if let Some(t) = p.toks.get(p.pos) {
        return Err(p.unexpected(t.clone()));
    }
    Ok(Expr {
        source: source.to_owned(),
        node,
    })
}

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_name_char(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c.is_numeric() || matches!(c, '-' | '.' | '\u{b7}')
}

fn lex(s: &str) -> Result<Vec<Tok>, ExprError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                out.push(Tok::RParen);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '+' | '-' | '*' | '=' => {
                out.push(Tok::Op(match c {
                    '+' => "+",
                    '-' => "-",
                    '*' => "*",
                    _ => "=",
                }));
                i += 1;
            }
            '!' if chars.get(i + 1) == Some(&'=') => {
                out.push(Tok::Op("!="));
                i += 2;
            }
            '<' | '>' => {
                let eq = chars.get(i + 1) == Some(&'=');
                out.push(Tok::Op(match (c, eq) {
                    ('<', true) => "<=",
                    ('<', false) => "<",
                    (_, true) => ">=",
                    _ => ">",
                }));
                i += if eq { 2 } else { 1 };
            }
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&d| d == c)
                    .ok_or_else(|| ExprError::Syntax("a quoted text is not closed".into()))?;
                out.push(Tok::Str(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            '$' => {
                if chars.get(i + 1) != Some(&'{') {
                    return Err(ExprError::Syntax(
                        "`$` must start a `${name}` reference".into(),
                    ));
                }
                let end = chars[i + 2..]
                    .iter()
                    .position(|&d| d == '}')
                    .ok_or_else(|| ExprError::Syntax("a `${` reference is not closed".into()))?;
                let name: String = chars[i + 2..i + 2 + end].iter().collect();
                if name.starts_with("last-saved#") {
                    return Err(ExprError::NotSupported(
                        "`${last-saved#…}` references".into(),
                    ));
                }
                if !super::super::form::is_xml_name(&name) {
                    return Err(ExprError::Syntax(format!(
                        "`${{{name}}}` is not a reference"
                    )));
                }
                out.push(Tok::Ref(name));
                i += end + 3;
            }
            '.' if chars.get(i + 1) == Some(&'.') => {
                out.push(Tok::Path(".."));
                i += 2;
            }
            '.' if !chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                out.push(Tok::Dot);
                i += 1;
            }
            '/' => {
                out.push(Tok::Path("/"));
                i += 1;
            }
            '[' | ']' => {
                out.push(Tok::Path("["));
                i += 1;
            }
            '@' => {
                out.push(Tok::Path("@"));
                i += 1;
            }
            '|' => {
                out.push(Tok::Path("|"));
                i += 1;
            }
            c if c.is_ascii_digit() || c == '.' => {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i < chars.len() && chars[i] == '.' {
                    i += 1;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                let text: String = chars[start..i].iter().collect();
                let n = text
                    .parse::<f64>()
                    .map_err(|_| ExprError::Syntax(format!("`{text}` is not a number")))?;
                out.push(Tok::Num(n));
            }
            c if is_name_start(c) => {
                let start = i;
                while i < chars.len() && is_name_char(chars[i]) {
                    i += 1;
                }
                // One namespace prefix (`jr:choice-name`); `::` is an XPath axis.
                if i + 1 < chars.len() && chars[i] == ':' {
                    if chars[i + 1] == ':' {
                        out.push(Tok::Path("::"));
                        i += 2;
                        continue;
                    }
                    if is_name_start(chars[i + 1]) {
                        i += 1;
                        while i < chars.len() && is_name_char(chars[i]) {
                            i += 1;
                        }
                    }
                }
                out.push(Tok::Name(chars[start..i].iter().collect()));
            }
            other => {
                return Err(ExprError::Syntax(format!("`{other}` has no meaning here")));
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
    mode: ParseMode,
}

/// Binding strength of an infix operator (higher binds tighter).
fn infix(t: &Tok) -> Option<(BinOp, u8)> {
    Some(match t {
        Tok::Name(n) if n == "or" => (BinOp::Or, 1),
        Tok::Name(n) if n == "and" => (BinOp::And, 2),
        Tok::Op("=") => (BinOp::Eq, 3),
        Tok::Op("!=") => (BinOp::Ne, 3),
        Tok::Op("<") => (BinOp::Lt, 4),
        Tok::Op("<=") => (BinOp::Le, 4),
        Tok::Op(">") => (BinOp::Gt, 4),
        Tok::Op(">=") => (BinOp::Ge, 4),
        Tok::Op("+") => (BinOp::Add, 5),
        Tok::Op("-") => (BinOp::Sub, 5),
        Tok::Op("*") => (BinOp::Mul, 6),
        Tok::Name(n) if n == "div" => (BinOp::Div, 6),
        Tok::Name(n) if n == "mod" => (BinOp::Mod, 6),
        _ => return None,
    })
}

impl Parser {
    fn unexpected(&self, t: Tok) -> ExprError {
        match t {
            Tok::Path(p) => ExprError::NotSupported(format!("XPath paths and predicates (`{p}`)")),
            Tok::RParen => ExprError::Syntax("a `)` has no matching `(`".into()),
            Tok::Comma => ExprError::Syntax("a `,` outside a function's arguments".into()),
            other => ExprError::Syntax(format!(
                "{} where an operator was expected",
                describe(&other)
            )),
        }
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::Syntax(format!(
                "nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(())
    }

    fn expr(&mut self, min: u8) -> Result<Node, ExprError> {
        self.enter()?;
        let mut lhs = self.unary()?;
        while let Some((op, prec)) = self.peek().and_then(infix) {
            if prec < min {
                break;
            }
            self.pos += 1;
            let rhs = self.expr(prec + 1)?;
            lhs = Node::Bin(op, Box::new(lhs), Box::new(rhs));
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if self.peek() == Some(&Tok::Op("-")) {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Node::Neg(Box::new(inner)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        let Some(t) = self.next() else {
            return Err(ExprError::Syntax(
                "it ends where a value was expected".into(),
            ));
        };
        let node = match t {
            Tok::Num(n) => Node::Num(n),
            Tok::Str(s) => Node::Str(s),
            Tok::Ref(r) => Node::Ref(r),
            Tok::Dot => Node::Current,
            Tok::LParen => {
                let inner = self.expr(0)?;
                if self.next() != Some(Tok::RParen) {
                    return Err(ExprError::Syntax("a `(` is not closed".into()));
                }
                inner
            }
            Tok::Name(name) if self.peek() == Some(&Tok::LParen) => {
                self.pos += 1;
                return self.call(&name);
            }
            Tok::Name(name) => match self.mode {
                ParseMode::ChoiceFilter if !name.contains(':') => Node::Prop(name),
                _ => {
                    return Err(ExprError::NotSupported(format!(
                        "XPath paths (`{name}`); refer to a question as `${{name}}`"
                    )));
                }
            },
            Tok::Op("*") | Tok::Path(_) => {
                return Err(ExprError::NotSupported("XPath paths and predicates".into()));
            }
            other => {
                return Err(ExprError::Syntax(format!(
                    "{} where a value was expected",
                    describe(&other)
                )));
            }
        };
        if let Some(Tok::Path(p)) = self.peek() {
            return Err(ExprError::NotSupported(format!(
                "XPath paths and predicates (`{p}`)"
            )));
        }
        Ok(node)
    }

    fn call(&mut self, name: &str) -> Result<Node, ExprError> {
        let Some(func) = Func::from_name(name) else {
            return Err(ExprError::NotSupported(format!("function `{name}()`")));
        };
        let mut args = Vec::new();
        if self.peek() == Some(&Tok::RParen) {
            self.pos += 1;
        } else {
            loop {
                args.push(self.expr(0)?);
                match self.next() {
                    Some(Tok::Comma) => continue,
                    Some(Tok::RParen) => break,
                    _ => {
                        return Err(ExprError::Syntax(format!(
                            "the arguments of `{name}()` are not closed by `)`"
                        )));
                    }
                }
            }
        }
        let (lo, hi) = func.arity();
        if args.len() < lo || args.len() > hi {
            let wanted = if lo == hi {
                format!("{lo}")
            } else if hi == usize::MAX {
                format!("at least {lo}")
            } else {
                format!("{lo} to {hi}")
            };
            return Err(ExprError::Syntax(format!(
                "`{name}()` takes {wanted} argument(s), not {}",
                args.len()
            )));
        }
        if func == Func::Regex
            && let Some(Node::Str(pattern)) = args.get(1)
        {
            let re = regex::Regex::new(pattern).map_err(|_| {
                ExprError::Syntax(format!("`{pattern}` is not a regular expression"))
            })?;
            let subject = args.swap_remove(0);
            return Ok(Node::Regex(Box::new(subject), Box::new(re)));
        }
        Ok(Node::Call(func, args))
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("the number {n}"),
        Tok::Str(s) => format!("the text '{s}'"),
        Tok::Ref(r) => format!("`${{{r}}}`"),
        Tok::Name(n) => format!("`{n}`"),
        Tok::Dot => "`.`".into(),
        Tok::LParen => "`(`".into(),
        Tok::RParen => "`)`".into(),
        Tok::Comma => "`,`".into(),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Path(p) => format!("`{p}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Expr {
        parse(s, ParseMode::Plain).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn precedence_and_references() {
        let e = ok("${a} + 2 * 3 > 4 and not(${b} = 'x') or .");
        assert_eq!(e.references(), ["a", "b"]);
        assert!(e.uses_current());
        match e.node {
            Node::Bin(BinOp::Or, lhs, _) => assert!(matches!(*lhs, Node::Bin(BinOp::And, _, _))),
            other => panic!("{other:?}"),
        }
        assert_eq!(ok("jr:choice-name(${c}, '${c}')").references(), ["c"]);
        assert!(matches!(
            ok("7 mod 2 div 1").node,
            Node::Bin(BinOp::Div, _, _)
        ));
    }

    #[test]
    fn outside_the_subset_is_not_supported() {
        for s in [
            "/data/q1 = 2",
            "../q1",
            "pulldata('a', 'b', 'c', 'd')",
            "instance('x')/root/item[name = 1]",
            "${a} | ${b}",
            "${last-saved#a}",
            "q1 > 3",
        ] {
            assert!(
                matches!(parse(s, ParseMode::Plain), Err(ExprError::NotSupported(_))),
                "{s}"
            );
        }
        assert!(parse("state = ${s}", ParseMode::ChoiceFilter).is_ok());
    }

    #[test]
    fn syntax_errors() {
        for s in [
            "",
            "(1 + 2",
            "1 +",
            "'open",
            "${a",
            "if(1, 2)",
            "1 2",
            "regex(., '[')",
            "${a b}",
        ] {
            assert!(
                matches!(parse(s, ParseMode::Plain), Err(ExprError::Syntax(_))),
                "{s}"
            );
        }
        let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        assert!(parse(&deep, ParseMode::Plain).is_err());
    }
}
