"""Meter readings (抄表): route-book entry grid, review list, and file import."""
