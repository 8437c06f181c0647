def bound(ttl, n):
    return max(ttl, 1), min(n, 100)
