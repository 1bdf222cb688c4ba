//! ringcentral-sim: a RingCentral platform simulator.
#![deny(missing_docs)]
