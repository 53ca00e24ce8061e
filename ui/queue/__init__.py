"""Queue module (排队叫号): queue setup and statistics for managers, the counter's queue panel."""
