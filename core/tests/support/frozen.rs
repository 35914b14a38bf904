//! What the frozen-schema tests share: every row of every table of a file, its tables and
//! columns, and its schema as text, so that a migrated file can be compared with what it held
//! and with a freshly created one.

use rusqlite::types::Value;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Every row of every ordinary table, by table, as the frozen file had its columns.
pub fn rows_by_table(conn: &Connection, tables: &BTreeMap<String, Vec<String>>, recomputed: &[(&str, &str)]) -> BTreeMap<String, Vec<Vec<Value>>> {
    tables
        .iter()
        .map(|(table, columns)| {
            let kept: Vec<String> = columns.iter().filter(|c| !recomputed.iter().any(|(t, col)| t == table && col == *c)).map(|c| format!("\"{c}\"")).collect();
            let sql = format!("SELECT {} FROM \"{table}\" ORDER BY {}", kept.join(", "), kept.join(", "));
            let mut stmt = conn.prepare(&sql).unwrap();
            let n = stmt.column_count();
            let rows = stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect()).unwrap().map(Result::unwrap).collect();
            (table.clone(), rows)
        })
        .collect()
}

pub fn tables_and_columns(conn: &Connection) -> BTreeMap<String, Vec<String>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'creator_search%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names
        .into_iter()
        .map(|t| {
            let cols = conn.prepare(&format!("SELECT name FROM pragma_table_info('{t}')")).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            (t, cols)
        })
        .collect()
}

pub fn schema_of(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
