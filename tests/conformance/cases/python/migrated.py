import time

from conf import settings

time.sleep(settings.poll)
