"""Project performance tables (项目支出绩效目标表): segmented (segment), their header (labels, header, funding,
goals) and indicator grid (indicators, indicator_cells for TAB cells, indicator_text for pdftotext) read into
records (table)."""
