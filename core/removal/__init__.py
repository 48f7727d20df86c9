"""Taking it off safely: the plan, the guard, the runners, the executor, the journal,
resume, verification and secrets.
"""
