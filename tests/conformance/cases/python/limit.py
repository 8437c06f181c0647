import collections

queue = collections.deque(maxlen=1000)
MAX_RETRIES = 3
