"""One conformance suite for every front end (see ``cases.py``)."""
