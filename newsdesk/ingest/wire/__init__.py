"""Agency wire copy: NITF 3.x, NewsML-G2 2.x and ninjs 1.x-3.x, each to `Extracted` items.

`nitf`, `newsml` and `ninjs` read one format each; `xml` parses XML safely
(entity declarations refused before any parser runs, no DTD, no network);
`item` turns what a format states into a finished article, wire fields
(urgency, slugline, version, GUID, embargo, status, subjects) included.
Nothing is imported here, so the sniffer can ask `ninjs.looks_like_ninjs`
without loading lxml.
"""
