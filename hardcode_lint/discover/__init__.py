"""Discovery: which files a run looks at."""
