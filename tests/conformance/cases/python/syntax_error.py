import time

time.sleep(5)
def broken(:
    pass
