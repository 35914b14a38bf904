//! Tests of the ECB readers (being written).
