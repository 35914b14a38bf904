//! One pass of an order import (or its preview): the file read on a second thread, each order
//! compared with what is stored as it arrives, counted, and — when writing — stored at once.
//! A file whose orders' rows are not together cannot be streamed: what was stored of it is
//! rolled back to a savepoint and the file is read whole and imported the same way.

use super::write::{SuspendedIndexes, Writer};
use super::{facts_of, forward, load_stored, moving_of, read_options, utc_text, AttributionCounts, MoveCounts, OrderImportOptions, OrderPreview, Stored};
use crate::error::{Error, Result};
use crate::sales::attribution::{keys_of, Attributor, State};
use crate::sales::orders::{self, Format, Order, Source, StreamEnd};
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::Path;

/// Orders handed from the reading thread at a time.
const BATCH: usize = 2048;
/// About this many bytes of an export make one order (a Shopify order of 1.6 rows); used to
/// judge from a file's size whether its import is large.
const BYTES_PER_ORDER: u64 = 600;

/// Reads `path` and compares (and with `writing`, the time to write, stores) its orders.
/// Returns the counts and the orders to book.
pub(super) fn run(conn: &Connection, path: &Path, options: &OrderImportOptions, writing: Option<&str>) -> Result<(OrderPreview, Vec<i64>)> {
    if writing.is_some() {
        conn.execute_batch("SAVEPOINT order_import")?;
    }
    let streamed = streamed(conn, path, options, writing);
    match streamed {
        Ok(Some(done)) => {
            if writing.is_some() {
                conn.execute_batch("RELEASE order_import")?;
            }
            Ok(done)
        }
        Ok(None) => {
            // Scattered rows: start again from the savepoint with the whole file.
            if writing.is_some() {
                conn.execute_batch("ROLLBACK TO order_import; RELEASE order_import")?;
            }
            let read = read_options(conn, options)?;
            let file = orders::read_orders(path, &read)?;
            let mut importer = Importer::new(conn, options.source, writing, file.orders.len() as u64)?;
            for order in file.orders {
                importer.take(order)?;
            }
            importer.finish(path, StreamEnd { format: file.format, encoding: file.encoding, rows: file.rows, scattered: false })
        }
        Err(e) => Err(e), // the caller's transaction rolls back
    }
}

/// The streamed pass; `None` when the file's rows are scattered.
fn streamed(conn: &Connection, path: &Path, options: &OrderImportOptions, writing: Option<&str>) -> Result<Option<(OrderPreview, Vec<i64>)>> {
    let read = read_options(conn, options)?;
    let estimate = std::fs::metadata(path).map_or(0, |m| m.len() / BYTES_PER_ORDER);
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Order>>(8);
        let reading = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let end = orders::stream_orders(path, &read, &mut |order| {
                batch.push(order);
                if batch.len() == BATCH {
                    send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).map_err(|_| Error::BadFile(String::new()))?;
                }
                Ok(())
            })?;
            if !batch.is_empty() {
                let _ = send.send(batch);
            }
            Ok::<_, Error>(end)
        });
        let taken = Importer::new(conn, options.source, writing, estimate).and_then(|mut importer| {
            for batch in receive.iter() {
                for order in batch {
                    importer.take(order)?;
                }
            }
            Ok(importer)
        });
        drop(receive); // a reader still sending stops
        let end = reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        match (end, taken) {
            // The file's own problems come first; a stopped reader's error says nothing.
            (Err(e), _) if !matches!(&e, Error::BadFile(m) if m.is_empty()) => Err(e),
            (_, Err(e)) => Err(e),
            (Err(e), Ok(_)) => Err(e),
            (Ok(end), Ok(_)) if end.scattered => Ok(None),
            (Ok(end), Ok(importer)) => importer.finish(path, end).map(Some),
        }
    })
}

/// Compares orders with the workspace one at a time, counts them, and stores them when writing.
struct Importer<'c> {
    all_stored: HashMap<Source, HashMap<Box<str>, Stored>>,
    /// The stored orders of the file's source, once its first order says which.
    stored: Option<HashMap<Box<str>, Stored>>,
    attributor: Attributor,
    writer: Option<(Writer<'c>, SuspendedIndexes)>,
    counts: OrderPreview,
    to_book: Vec<i64>,
}

impl<'c> Importer<'c> {
    fn new(conn: &'c Connection, source: Option<Source>, writing: Option<&'c str>, estimated_orders: u64) -> Result<Self> {
        let all_stored = load_stored(conn, source)?;
        let attributor = Attributor::load(conn)?;
        let writer = match writing {
            Some(now) => {
                let stored = all_stored.values().map(|m| m.len() as u64).sum::<u64>();
                let suspended = SuspendedIndexes::for_bulk_insert(conn, estimated_orders.saturating_sub(stored))?;
                Some((Writer::new(conn, now)?, suspended))
            }
            None => None,
        };
        let counts = OrderPreview {
            file_name: String::new(),
            format: Format::Mapped,
            source: source.unwrap_or(Source::Csv),
            encoding: "",
            rows: 0,
            orders: 0,
            new: 0,
            changed: 0,
            moves: MoveCounts::default(),
            unchanged: 0,
            older: 0,
            older_examples: Vec::new(),
            attribution: AttributionCounts::default(),
        };
        Ok(Importer { all_stored, stored: None, attributor, writer, counts, to_book: Vec::new() })
    }

    fn take(&mut self, order: Order) -> Result<()> {
        let c = &mut self.counts;
        c.orders += 1;
        let stored = self.stored.get_or_insert_with(|| self.all_stored.remove(&order.source).unwrap_or_default());
        match stored.remove(order.number.as_str()) {
            None => {
                let (keys, utc) = (keys_of(&order.discount_codes), utc_text(&order));
                let d = self.attributor.decide(&facts_of(&order, &keys, &utc));
                c.new += 1;
                match d.state {
                    State::Attributed => c.attribution.attributed += 1,
                    State::Review => c.attribution.review += 1,
                    State::Unattributed => *c.attribution.unattributed.entry(d.reason.as_str()).or_default() += 1,
                }
                if let Some((w, _)) = &mut self.writer {
                    let id = w.insert(order, &d, utc)?;
                    if d.state == State::Attributed {
                        self.to_book.push(id);
                    }
                }
            }
            Some(s) => {
                let (merged, moves) = forward::merge(&s.moving, &moving_of(&order));
                if moves.any() {
                    c.changed += 1;
                    c.moves.refunds += u64::from(moves.refund_up);
                    c.moves.cancellations += u64::from(moves.cancelled);
                    c.moves.statuses += u64::from(moves.status_forward);
                    if let Some((w, _)) = &mut self.writer {
                        w.moved(s.id, &merged)?;
                        if s.attributed {
                            self.to_book.push(s.id);
                        }
                    }
                } else if moves.older {
                    c.older += 1;
                    if c.older_examples.len() < 10 {
                        c.older_examples.push(order.number.clone());
                    }
                } else {
                    c.unchanged += 1;
                }
            }
        }
        Ok(())
    }

    fn finish(self, path: &Path, end: StreamEnd) -> Result<(OrderPreview, Vec<i64>)> {
        let Importer { writer, mut counts, to_book, .. } = self;
        if let Some((mut w, suspended)) = writer {
            w.flush()?;
            let conn = w.conn();
            drop(w);
            suspended.restore(conn)?;
        }
        counts.file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        counts.format = end.format;
        counts.source = end.format.source();
        counts.encoding = end.encoding;
        counts.rows = end.rows;
        Ok((counts, to_book))
    }
}
