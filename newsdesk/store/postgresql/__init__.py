"""The PostgreSQL backend of `StoreBackend`: one shared desk for several editors (issue 16)."""

from newsdesk.store.postgresql.connections import safe_url
from newsdesk.store.postgresql.store import PostgresStore

__all__ = ["PostgresStore", "safe_url"]
