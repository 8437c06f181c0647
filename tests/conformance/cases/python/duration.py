import time
from datetime import timedelta


def poll():
    time.sleep(5)
    return timedelta(minutes=2)
