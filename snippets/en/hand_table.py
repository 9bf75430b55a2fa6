"""An example you can do by hand: the slope of f(x) = x² at x = 3 (exact answer f'(3) = 6)."""

from whybackprop import numerical_gradient


def f(t):
    return t[0] ** 2


print("      ε      forward     central")
for eps in [0.1, 0.01, 0.001]:
    forward = numerical_gradient(f, [3.0], eps=eps)[0]
    central = numerical_gradient(f, [3.0], eps=eps, method="central")[0]
    print(f"  {eps:6g}   {forward:9.6f}   {central:9.6f}")
