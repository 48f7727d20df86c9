import cProfile, pstats
from core.scan import scan, live_target

scan(live_target())
cProfile.run("scan(live_target())", "/tmp/p5")
pstats.Stats("/tmp/p5").sort_stats("cumtime").print_stats(25)
