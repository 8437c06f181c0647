"""Config defaults: every rule key with the value of the literal it replaces.

"Backward compatible: every default value stays exactly what the literal was" is the migration's
first rule; this package computes those defaults and merges them into the project's config file
without touching its comments or order.
"""
