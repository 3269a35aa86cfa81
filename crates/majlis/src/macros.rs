//! Small macros shared by the activities.

/// An enum stored and sent as a stable kebab-case code, with `ALL`,
/// `code()` and `from_code()`.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in URLs.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parse a stored or submitted code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

/// A rule error that refuses through the policy: `From<Denied>` so that
/// `policy::authorize(..)?` works in the rule, keeping its `Forbidden` and
/// its `SecondFactorRequired` (staff without two-step sign-in) apart.
macro_rules! refused_by_policy {
    ($error:ty) => {
        impl From<$crate::policy::Denied> for $error {
            fn from(d: $crate::policy::Denied) -> Self {
                use $crate::policy::Denied;
                match d {
                    Denied::SecondFactor => <$error>::SecondFactorRequired,
                    Denied::SignIn | Denied::Forbidden => <$error>::Forbidden,
                }
            }
        }
    };
}
