"""Use cases: one service per area; each owns its transactions and returns DTOs."""
