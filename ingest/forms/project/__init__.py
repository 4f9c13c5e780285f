"""Project performance tables (项目支出绩效目标表, 填报表, 申报表): segmented (segment), their header (labels, header,
funding, goals) and indicator grid (indicators; indicator_columns where a heading row names each column once, as in
PDF grids and workbooks; indicator_cells for the TAB cells of DOCX exports; indicator_text for pdftotext) read into
records (table)."""
