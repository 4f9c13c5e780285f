"""Department budget tables: found by their titles (find), read into amount cells (tables, overall)."""
