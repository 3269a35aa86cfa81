//! Storage records of the social-cohesion self-assessment.

pub mod evidence;
pub mod framework;
pub mod link;
pub mod municipal;
pub mod plan;
pub mod setting;
pub mod wave;
