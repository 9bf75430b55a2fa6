# --8<-- [start:lesson]
"""The results measured by benchmarks/cost_vs_n.py (the repository's JSON file) as a table and a log-log figure. Run it from the repository's top folder."""

import json
from pathlib import Path

results = json.loads(Path("benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))


def row(p):
    """One row of the table: N, numerical gradient (s, * when estimated), backprop (ms), ratio."""
    numerical, backprop = p["numerical"], p["backprop"]
    mark = "*" if numerical["estimated"] else " "
    return (
        f"{p['n_params']:>7,}{numerical['seconds']:>11.4g}{mark}"
        f"{backprop['seconds'] * 1e3:>10.3f}{p['ratio']:>8,.0f}"
    )


print("         numerical   backprop")
print("      N        (s)       (ms)   ratio")
for p in results["points"]:
    print(row(p))
print("* estimated: timed on a few coordinates,")
print("  scaled up to N+1 loss evaluations")
slopes = results["slopes"]
print("log–log slope (empirical order)")
print(f"  numerical gradient {slopes['numerical']:.2f}, backprop {slopes['backprop']:.2f}")
# --8<-- [end:lesson]

# From here on, the code that draws the figure. The page shows only the lesson above.
from whybackprop import plotting

CAPTION = "Time and multiplications of one gradient against the number of parameters N (log-log)"  # shown under the figure
ALT = (
    "Two log-log plots: the time of one gradient (top) and its number of multiplications (bottom) as the "
    f"number of parameters N grows. The time grows with order {slopes['numerical']:.2f} for the numerical "
    f"gradient and {slopes['backprop']:.2f} for backpropagation, so the gap widens as N grows. In the bottom "
    "plot the lecture's estimate N(N+1), dashed, runs parallel to the numerical gradient's multiplications."
)  # for readers who cannot see the figure


def figure(scheme: str = "light", narrow: bool = False):
    """The figure: scheme is "light" or "dark" (the page's colour scheme), narrow=True lays it out for a phone."""
    return plotting.cost_vs_n_figure(results, scheme=scheme, narrow=narrow, lang="en")


if __name__ == "__main__":  # run as a script, it saves the figure as figures/cost_vs_n.png
    plotting.save_png(figure(), "cost_vs_n", lang="en")
