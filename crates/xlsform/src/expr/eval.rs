//! Evaluation with XPath 1.0 conversions, and the date handling of
//! ODK/JavaRosa (a date compares with a `YYYY-MM-DD` text as a date; in
//! arithmetic a date is its number of days since 1970-01-01).

use chrono::NaiveDate;

use super::{BinOp, Func, Node, quoted_reference};

/// A value during evaluation.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Num(f64),
    Bool(bool),
    Date(NaiveDate),
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Reads `YYYY-MM-DD` (a time part after `T` is ignored).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.split('T').next().unwrap_or(s);
    if day.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// XPath `number()` of a text: optional minus, digits, optional fraction;
/// anything else (including "") is NaN.
fn text_number(s: &str) -> f64 {
    let t = s.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let valid = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|&c| c == '.').count() <= 1
        && body != ".";
    if valid {
        t.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// A number as XPath writes it: whole numbers without a fraction.
pub fn number_string(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if n == n.trunc() && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl Value {
    pub fn to_bool(&self) -> bool {
        match self {
            Value::Str(s) => !s.is_empty(),
            Value::Num(n) => *n != 0.0 && !n.is_nan(),
            Value::Bool(b) => *b,
            Value::Date(_) => true,
        }
    }

    pub fn to_num(&self) -> f64 {
        match self {
            Value::Str(s) => text_number(s),
            Value::Num(n) => *n,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Date(d) => (*d - EPOCH).num_days() as f64,
        }
    }

    pub fn to_text(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Num(n) => number_string(*n),
            Value::Bool(b) => if *b { "true" } else { "false" }.into(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    fn to_date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            Value::Str(s) => parse_date(s),
            Value::Num(n) if n.is_finite() && n.abs() < 3_000_000.0 => {
                EPOCH.checked_add_signed(chrono::Duration::days(n.floor() as i64))
            }
            _ => None,
        }
    }
}

/// What an expression can read.
pub trait Env {
    /// The answer to the question `${name}` ("" when none or not relevant).
    fn reference(&self, name: &str) -> Value;
    /// The answer being checked (`.`).
    fn current(&self) -> Value;
    /// A column of the choice being filtered.
    fn property(&self, name: &str) -> Value;
    /// The label of choice `choice` of question `question`, in the
    /// evaluation's language.
    fn choice_label(&self, question: &str, choice: &str) -> Option<String>;
    fn today(&self) -> NaiveDate;
}

/// Evaluates a node; never fails (XPath yields NaN or "" instead).
pub fn evaluate(node: &Node, env: &dyn Env) -> Value {
    match node {
        Node::Num(n) => Value::Num(*n),
        Node::Str(s) => Value::Str(s.clone()),
        Node::Ref(r) => env.reference(r),
        Node::Current => env.current(),
        Node::Prop(p) => env.property(p),
        Node::Neg(a) => Value::Num(-evaluate(a, env).to_num()),
        Node::Bin(op, a, b) => binary(*op, a, b, env),
        Node::Regex(subject, re) => Value::Bool(re.is_match(&evaluate(subject, env).to_text())),
        Node::Call(f, args) => call(*f, args, env),
    }
}

fn binary(op: BinOp, a: &Node, b: &Node, env: &dyn Env) -> Value {
    match op {
        BinOp::Or => {
            return Value::Bool(evaluate(a, env).to_bool() || evaluate(b, env).to_bool());
        }
        BinOp::And => {
            return Value::Bool(evaluate(a, env).to_bool() && evaluate(b, env).to_bool());
        }
        _ => {}
    }
    let (x, y) = (evaluate(a, env), evaluate(b, env));
    let num = |f: fn(f64, f64) -> f64| Value::Num(f(x.to_num(), y.to_num()));
    match op {
        BinOp::Add => num(|p, q| p + q),
        BinOp::Sub => num(|p, q| p - q),
        BinOp::Mul => num(|p, q| p * q),
        BinOp::Div => num(|p, q| p / q),
        BinOp::Mod => num(|p, q| p % q),
        BinOp::Eq | BinOp::Ne => {
            let equal = equals(&x, &y);
            Value::Bool(if op == BinOp::Eq { equal } else { !equal })
        }
        _ => {
            let (p, q) = if matches!(x, Value::Date(_)) || matches!(y, Value::Date(_)) {
                let day = |v: &Value| {
                    v.to_date()
                        .map_or(f64::NAN, |d| (d - EPOCH).num_days() as f64)
                };
                (day(&x), day(&y))
            } else {
                (x.to_num(), y.to_num())
            };
            Value::Bool(match op {
                BinOp::Lt => p < q,
                BinOp::Le => p <= q,
                BinOp::Gt => p > q,
                _ => p >= q,
            })
        }
    }
}

fn equals(x: &Value, y: &Value) -> bool {
    match (x, y) {
        (Value::Bool(_), _) | (_, Value::Bool(_)) => x.to_bool() == y.to_bool(),
        (Value::Date(_), _) | (_, Value::Date(_)) => match (x.to_date(), y.to_date()) {
            (Some(p), Some(q)) => p == q,
            _ => false,
        },
        (Value::Num(_), _) | (_, Value::Num(_)) => x.to_num() == y.to_num(),
        _ => x.to_text() == y.to_text(),
    }
}

fn tokens(v: &Value) -> Vec<String> {
    v.to_text().split_whitespace().map(str::to_owned).collect()
}

fn round_to(n: f64, digits: f64) -> f64 {
    if !n.is_finite() || !digits.is_finite() {
        return n;
    }
    let d = digits.trunc().clamp(-15.0, 15.0);
    let f = 10f64.powf(d);
    (n * f).round() / f
}

fn call(f: Func, args: &[Node], env: &dyn Env) -> Value {
    let arg = |i: usize| {
        args.get(i)
            .map_or(Value::Str(String::new()), |a| evaluate(a, env))
    };
    match f {
        Func::Selected => {
            let wanted = arg(1).to_text();
            let wanted = wanted.trim();
            Value::Bool(tokens(&arg(0)).iter().any(|t| t == wanted))
        }
        Func::CountSelected => Value::Num(tokens(&arg(0)).len() as f64),
        Func::SelectedAt => {
            let i = arg(1).to_num();
            let list = tokens(&arg(0));
            let picked = (i.is_finite() && i >= 0.0)
                .then(|| list.get(i as usize).cloned())
                .flatten();
            Value::Str(picked.unwrap_or_default())
        }
        Func::StringLength => {
            let s = if args.is_empty() {
                env.current()
            } else {
                arg(0)
            };
            Value::Num(s.to_text().chars().count() as f64)
        }
        Func::Regex => {
            // A pattern that is not a literal is compiled here; an invalid one matches nothing.
            let pattern = arg(1).to_text();
            Value::Bool(
                regex::RegexBuilder::new(&pattern)
                    .size_limit(1 << 20)
                    .build()
                    .is_ok_and(|re| re.is_match(&arg(0).to_text())),
            )
        }
        Func::If => {
            if arg(0).to_bool() {
                arg(1)
            } else {
                arg(2)
            }
        }
        Func::Coalesce => args
            .iter()
            .map(|a| evaluate(a, env))
            .find(|v| !v.to_text().is_empty())
            .unwrap_or(Value::Str(String::new())),
        Func::Concat => Value::Str(
            args.iter()
                .map(|a| evaluate(a, env).to_text())
                .collect::<String>(),
        ),
        Func::Round => {
            let digits = if args.len() > 1 { arg(1).to_num() } else { 0.0 };
            Value::Num(round_to(arg(0).to_num(), digits))
        }
        Func::Int => Value::Num(arg(0).to_num().trunc()),
        Func::Number => {
            let v = if args.is_empty() {
                env.current()
            } else {
                arg(0)
            };
            Value::Num(v.to_num())
        }
        Func::Today => Value::Date(env.today()),
        Func::ChoiceName => {
            let choice = arg(0).to_text();
            let question = match args.get(1) {
                Some(Node::Str(s)) => quoted_reference(s).map(str::to_owned),
                _ => None,
            };
            Value::Str(
                question
                    .and_then(|q| env.choice_label(&q, choice.trim()))
                    .unwrap_or_default(),
            )
        }
        Func::Not => Value::Bool(!arg(0).to_bool()),
        Func::True => Value::Bool(true),
        Func::False => Value::Bool(false),
        Func::Boolean => Value::Bool(arg(0).to_bool()),
        Func::String => {
            let v = if args.is_empty() {
                env.current()
            } else {
                arg(0)
            };
            Value::Str(v.to_text())
        }
        Func::Contains => Value::Bool(arg(0).to_text().contains(&arg(1).to_text())),
        Func::StartsWith => Value::Bool(arg(0).to_text().starts_with(&arg(1).to_text())),
        Func::EndsWith => Value::Bool(arg(0).to_text().ends_with(&arg(1).to_text())),
        Func::Substr => {
            let s: Vec<char> = arg(0).to_text().chars().collect();
            let len = s.len() as f64;
            let clamp = |x: f64| if x.is_nan() { 0.0 } else { x.clamp(0.0, len) } as usize;
            let start = clamp(arg(1).to_num());
            let end = if args.len() > 2 {
                clamp(arg(2).to_num())
            } else {
                s.len()
            };
            Value::Str(if start < end {
                s[start..end].iter().collect()
            } else {
                String::new()
            })
        }
        Func::SubstringBefore => {
            let (s, sep) = (arg(0).to_text(), arg(1).to_text());
            Value::Str(s.find(&sep).map(|i| s[..i].to_owned()).unwrap_or_default())
        }
        Func::SubstringAfter => {
            let (s, sep) = (arg(0).to_text(), arg(1).to_text());
            Value::Str(
                s.find(&sep)
                    .map(|i| s[i + sep.len()..].to_owned())
                    .unwrap_or_default(),
            )
        }
        Func::NormalizeSpace => {
            let v = if args.is_empty() {
                env.current()
            } else {
                arg(0)
            };
            Value::Str(v.to_text().split_whitespace().collect::<Vec<_>>().join(" "))
        }
        Func::Floor => Value::Num(arg(0).to_num().floor()),
        Func::Ceiling => Value::Num(arg(0).to_num().ceil()),
        Func::Abs => Value::Num(arg(0).to_num().abs()),
        Func::Pow => Value::Num(arg(0).to_num().powf(arg(1).to_num())),
        Func::Min | Func::Max => {
            let nums = args.iter().map(|a| evaluate(a, env).to_num());
            let mut out: Option<f64> = None;
            for n in nums {
                if n.is_nan() {
                    return Value::Num(f64::NAN);
                }
                out = Some(match out {
                    None => n,
                    Some(o) if f == Func::Min => o.min(n),
                    Some(o) => o.max(n),
                });
            }
            Value::Num(out.unwrap_or(f64::NAN))
        }
        Func::Date => match arg(0).to_date() {
            Some(d) => Value::Date(d),
            None => Value::Str(String::new()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{ParseMode, parse};
    use std::collections::HashMap;

    struct Answers(HashMap<&'static str, Value>, Value);

    impl Env for Answers {
        fn reference(&self, name: &str) -> Value {
            self.0
                .get(name)
                .cloned()
                .unwrap_or(Value::Str(String::new()))
        }
        fn current(&self) -> Value {
            self.1.clone()
        }
        fn property(&self, _: &str) -> Value {
            Value::Str(String::new())
        }
        fn choice_label(&self, q: &str, c: &str) -> Option<String> {
            (q == "fruit" && c == "apple").then(|| "Apple".to_owned())
        }
        fn today(&self) -> NaiveDate {
            NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or(NaiveDate::MIN)
        }
    }

    fn env() -> Answers {
        let mut m = HashMap::new();
        m.insert("age", Value::Num(34.0));
        m.insert("name", Value::Str("Amal".into()));
        m.insert("langs", Value::Str("ar tr".into()));
        m.insert("fruit", Value::Str("apple".into()));
        m.insert("empty", Value::Str(String::new()));
        m.insert(
            "dob",
            Value::Date(NaiveDate::from_ymd_opt(2000, 1, 2).unwrap_or(NaiveDate::MIN)),
        );
        Answers(m, Value::Str("2027-01-01".into()))
    }

    fn run(s: &str) -> String {
        let e = parse(s, ParseMode::Plain).unwrap_or_else(|e| panic!("{s}: {e}"));
        evaluate(&e.node, &env()).to_text()
    }

    #[test]
    fn operators_and_functions() {
        let cases = [
            ("${age} + 1", "35"),
            ("${age} div 4", "8.5"),
            ("${age} mod 5", "4"),
            ("-${age} * 2", "-68"),
            ("${age} >= 18 and ${name} != ''", "true"),
            ("${empty} > 3 or ${empty} < 3", "false"),
            ("not(${age} = 34)", "false"),
            ("selected(${langs}, 'tr')", "true"),
            ("selected(${langs}, 'en')", "false"),
            ("count-selected(${langs})", "2"),
            ("selected-at(${langs}, 1)", "tr"),
            ("selected-at(${langs}, 5)", ""),
            ("string-length(${name})", "4"),
            ("regex(${name}, '^A[a-z]+$')", "true"),
            ("if(${age} > 40, 'old', 'young')", "young"),
            ("coalesce(${empty}, ${name})", "Amal"),
            ("concat(${name}, '-', ${age})", "Amal-34"),
            ("round(2.567, 2)", "2.57"),
            ("round(2.5)", "3"),
            ("int(-3.7)", "-3"),
            ("number('12.5') * 2", "25"),
            ("number('abc')", "NaN"),
            ("today()", "2026-12-05"),
            ("jr:choice-name(${fruit}, '${fruit}')", "Apple"),
            (". > today()", "true"),
            ("${dob} < '2001-01-01'", "true"),
            ("today() - ${dob}", "9834"),
            ("substr('abcdef', 1, 3)", "bc"),
            ("max(1, 7, 3)", "7"),
            ("1 = '1'", "true"),
            ("'a' = 'a' = true()", "true"),
        ];
        for (src, want) in cases {
            assert_eq!(run(src), want, "{src}");
        }
    }
}
