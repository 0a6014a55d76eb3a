"""Trao đổi dữ liệu với bảng tính: the sheets PTĐV reads (import) and writes (exports)."""
