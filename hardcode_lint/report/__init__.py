"""The per-module progress report: the model (``progress.py``) and its formats."""
