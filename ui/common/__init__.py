"""Pieces every UI module shares: messages, task runner, icons, forms, theme."""
