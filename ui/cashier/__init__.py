"""The cash desk (收费): payments with call-out confirmation, receipts, sessions, daily close."""
