"""Reports people read (DOMAIN.md "Reports people read").

One module per report (progress, structure, totals, review), each a pure builder that reads
the kept summaries and returns plain dataclasses; `render` turns a report into page context,
JSON, CSV, Excel and Word, so the page, the API, the download and `ptdv report` agree.
Nothing here imports from ptdv.web or ptdv.api.
"""
