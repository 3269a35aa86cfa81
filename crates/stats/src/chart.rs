//! Charts (to come).
