"""What the database engine keeps of deleted rows, and how we make it let go.

SQLite: deleted rows are zeroed in place (`PRAGMA secure_delete=ON`, settings.py), but the WAL
still holds pages as they were before the delete until a checkpoint writes them back; after an
erase we checkpoint and truncate it. PostgreSQL keeps dead rows until vacuum reuses their space
and its WAL until segments are recycled; nothing of a case is readable there without its key
except the clear columns listed in docs/threat-model.md ("What remains after an erase").
"""

from __future__ import annotations

from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper


def flush_deleted_rows(connection: BaseDatabaseWrapper = default_connection) -> None:
    # A checkpoint cannot run inside a transaction; callers run this once theirs has committed
    # (transaction.on_commit), and inside one there is nothing committed to flush yet.
    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
