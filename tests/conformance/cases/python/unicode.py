import time

# délai de grâce, 等待
café_timeout = 30
label = "naïve 时间"; time.sleep(4)
