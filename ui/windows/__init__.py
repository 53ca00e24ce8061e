"""Customer-facing windows for a second screen: ticket kiosk, display board, rating pad."""
