"""Rule files: loading and validating them, matching findings, suggesting new ones."""
