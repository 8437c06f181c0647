"""``rules suggest``: rule stubs for unmapped findings, with keys a reviewer would accept.

``keys`` names one site after what its code calls the value, ``unique`` makes rules of sites
and keys and ids unique (linear in the sites), ``sites`` asks each front end what surrounds the
sites and which module they are part of, ``text`` writes the rule files.
"""

from hardcode_lint.rules.suggest.keys import propose_key
from hardcode_lint.rules.suggest.text import appended_text, suggest_files, suggest_rules
from hardcode_lint.rules.suggest.unique import Defaults, DefaultsFor, Stub, keys_of, stubs_for

__all__ = ["Defaults", "DefaultsFor", "Stub", "appended_text", "keys_of", "propose_key",
           "stubs_for", "suggest_files", "suggest_rules"]  # fmt: skip
