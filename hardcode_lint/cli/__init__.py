"""The command line: thin click commands over ``hardcode_lint.api``."""
