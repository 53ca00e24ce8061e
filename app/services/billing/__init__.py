"""Billing internals shared by reading entry, review, import and reversal (one transaction each)."""
