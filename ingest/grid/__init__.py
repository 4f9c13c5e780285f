"""The grid model of a document (model.py) and how paged readers assemble it (assemble.py)."""
