"""Detection: which literals are hardcoded durations, clamp bounds and limits."""
