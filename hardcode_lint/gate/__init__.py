"""The CI / pre-commit gate: baselines that survive line shifts, and the checks of ``check``."""
