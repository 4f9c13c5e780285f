"""Form parsers: each knows a form of the budget disclosures and nothing of file formats. They read the grid model
(ingest.grid.model.Document: its line view, where a table row reads as TAB cells) and return one result type
(ingest.forms.result.ParseResult). `ingest.forms.document.parse_document` runs them all over one document."""
