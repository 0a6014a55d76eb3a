"""Giấy tờ: the KNĐ forms (Hướng dẫn 12-HD/BTCTW) filled from a case, and scanned attachments.

Sits above cases, people and org and imports nothing from web or api, so the pages, the
`ptdv form` command and any later API render the same documents.
"""
