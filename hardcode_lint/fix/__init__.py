"""Fixing: the codemod that turns pending rules into config reads, and writing it safely."""
