# the case folders hold sources as data (some named like tests), never tests to collect
collect_ignore = ["cases"]
