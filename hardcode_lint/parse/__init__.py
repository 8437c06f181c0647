"""Parsing: source bytes to text, and the cheap ast pre-pass."""
