"""Exports for team leads: CSV, the JSON progress file, and the data model of the PDF report.

One module per job: `progress` (progress callbacks and Cancel), `atomic` (write-then-rename),
`filters` (which profiles, dates and pack), `source` (where attempts come from: an agent's store
or a team file), `csv_export`, `progress_file`, `report`. Nothing here opens a dialog or imports
Qt: callers pass a progress callable and a cancel check.
"""
