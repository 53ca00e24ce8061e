"""Developer tools: translations."""
