#ifndef LORE_RANK_H
#define LORE_RANK_H

/// Registers the `lore_bm25` FTS5 ranking function on every SQLite connection the process opens from now on
/// (through SQLite's auto-extension list). Returns an SQLite result code; calling it again is harmless.
int lore_rank_install(void);

#endif
