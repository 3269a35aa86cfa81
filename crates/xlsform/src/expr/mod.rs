//! The XLSForm expression language (the XPath subset that `relevant`,
//! `constraint`, `calculation`, `required`, `choice_filter` and `default`
//! use), parsed once and evaluated on the server.
//!
//! Supported: numbers, strings (`'…'` or `"…"`), `${name}`, `.` (the
//! question's own answer), parentheses, `+ - * div mod = != < <= > >= and or`
//! and unary minus, and the functions of [`Func`]. In a `choice_filter` a bare
//! name (`state`, `name`) is a column of the choice being filtered. XPath
//! paths, predicates, unions and other functions are refused as "not
//! supported".

pub mod eval;
mod parse;

use std::fmt;

pub use eval::{Env, Value, evaluate};
pub use parse::{ParseMode, parse};

/// A parsed expression with its source text.
#[derive(Debug, Clone)]
pub struct Expr {
    pub source: String,
    pub node: Node,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Expr) -> bool {
        self.source == other.source
    }
}

impl Eq for Expr {}

impl Expr {
    /// The names of the questions `${…}` refers to, in order, once each.
    pub fn references(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.node.collect_refs(&mut out);
        out
    }

    /// Whether the expression reads the question's own answer (`.`).
    pub fn uses_current(&self) -> bool {
        self.node.any(&|n| matches!(n, Node::Current))
    }
}

/// The expression tree.
#[derive(Debug, Clone)]
pub enum Node {
    Num(f64),
    Str(String),
    /// `${name}`
    Ref(String),
    /// `.`
    Current,
    /// A column of the choice being filtered (choice filters only).
    Prop(String),
    Neg(Box<Node>),
    Bin(BinOp, Box<Node>, Box<Node>),
    Call(Func, Vec<Node>),
    /// `regex(s, 'literal pattern')`, the pattern compiled once.
    Regex(Box<Node>, Box<regex::Regex>),
}

impl Node {
    fn collect_refs(&self, out: &mut Vec<String>) {
        match self {
            Node::Ref(n) => {
                if !out.contains(n) {
                    out.push(n.clone());
                }
            }
            Node::Neg(a) | Node::Regex(a, _) => a.collect_refs(out),
            Node::Bin(_, a, b) => {
                a.collect_refs(out);
                b.collect_refs(out);
            }
            Node::Call(f, args) => {
                for (i, a) in args.iter().enumerate() {
                    // jr:choice-name(value, '${q}') names its question in a string.
                    if *f == Func::ChoiceName
                        && i == 1
                        && let Node::Str(s) = a
                        && let Some(name) = quoted_reference(s)
                        && !out.iter().any(|o| o == name)
                    {
                        out.push(name.to_owned());
                    }
                    a.collect_refs(out);
                }
            }
            Node::Num(_) | Node::Str(_) | Node::Current | Node::Prop(_) => {}
        }
    }

    fn any(&self, pred: &dyn Fn(&Node) -> bool) -> bool {
        if pred(self) {
            return true;
        }
        match self {
            Node::Neg(a) | Node::Regex(a, _) => a.any(pred),
            Node::Bin(_, a, b) => a.any(pred) || b.any(pred),
            Node::Call(_, args) => args.iter().any(|a| a.any(pred)),
            _ => false,
        }
    }
}

/// `${name}` alone in a string (as `jr:choice-name` takes its question).
pub fn quoted_reference(s: &str) -> Option<&str> {
    s.trim()
        .strip_prefix("${")
        .and_then(|r| r.strip_suffix('}'))
        .filter(|n| !n.is_empty() && !n.contains(['{', '}']))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
}

/// The functions of the subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Selected,
    CountSelected,
    SelectedAt,
    StringLength,
    Regex,
    If,
    Coalesce,
    Concat,
    Round,
    Int,
    Number,
    Today,
    ChoiceName,
    Not,
    True,
    False,
    Boolean,
    String,
    Contains,
    StartsWith,
    EndsWith,
    Substr,
    SubstringBefore,
    SubstringAfter,
    NormalizeSpace,
    Floor,
    Ceiling,
    Abs,
    Pow,
    Min,
    Max,
    Date,
}

impl Func {
    /// The function of this XPath name, if the subset has it.
    pub fn from_name(name: &str) -> Option<Func> {
        Some(match name {
            "selected" => Func::Selected,
            "count-selected" => Func::CountSelected,
            "selected-at" => Func::SelectedAt,
            "string-length" => Func::StringLength,
            "regex" => Func::Regex,
            "if" => Func::If,
            "coalesce" => Func::Coalesce,
            "concat" => Func::Concat,
            "round" => Func::Round,
            "int" => Func::Int,
            "number" => Func::Number,
            "today" => Func::Today,
            "jr:choice-name" => Func::ChoiceName,
            "not" => Func::Not,
            "true" => Func::True,
            "false" => Func::False,
            "boolean" => Func::Boolean,
            "string" => Func::String,
            "contains" => Func::Contains,
            "starts-with" => Func::StartsWith,
            "ends-with" => Func::EndsWith,
            "substr" => Func::Substr,
            "substring-before" => Func::SubstringBefore,
            "substring-after" => Func::SubstringAfter,
            "normalize-space" => Func::NormalizeSpace,
            "floor" => Func::Floor,
            "ceiling" => Func::Ceiling,
            "abs" => Func::Abs,
            "pow" => Func::Pow,
            "min" => Func::Min,
            "max" => Func::Max,
            "date" => Func::Date,
            _ => return None,
        })
    }

    /// How many arguments it takes: at least, at most.
    pub fn arity(self) -> (usize, usize) {
        match self {
            Func::Today | Func::True | Func::False => (0, 0),
            Func::CountSelected
            | Func::Int
            | Func::Not
            | Func::Boolean
            | Func::Floor
            | Func::Ceiling
            | Func::Abs
            | Func::Date => (1, 1),
            Func::StringLength | Func::Number | Func::String | Func::NormalizeSpace => (0, 1),
            Func::Round => (1, 2),
            Func::Selected
            | Func::SelectedAt
            | Func::Regex
            | Func::ChoiceName
            | Func::Contains
            | Func::StartsWith
            | Func::EndsWith
            | Func::SubstringBefore
            | Func::SubstringAfter
            | Func::Pow => (2, 2),
            Func::Substr => (2, 3),
            Func::If => (3, 3),
            Func::Coalesce => (2, usize::MAX),
            Func::Concat | Func::Min | Func::Max => (1, usize::MAX),
        }
    }
}

/// Why an expression was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprError {
    /// Outside the subset (a path, another function…).
    NotSupported(String),
    /// Not an expression.
    Syntax(String),
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExprError::NotSupported(w) => write!(f, "not supported: {w}"),
            ExprError::Syntax(w) => f.write_str(w),
        }
    }
}
