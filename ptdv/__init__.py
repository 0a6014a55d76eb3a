"""PTĐV — Quản lý công tác phát triển đảng viên (party member development)."""
