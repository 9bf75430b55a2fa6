"""A snippet used by the harness's control page."""

print(sum(range(5)))
