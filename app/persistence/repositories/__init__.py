"""Queries that need more than the ORM gives for free."""
