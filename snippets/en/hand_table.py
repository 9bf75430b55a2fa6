"""An example you can do by hand: the slope of f(x) = x² at x = 3 (exact answer f'(3) = 6)."""

from whybackprop import numerical_gradient


def f(t):
    return t[0] ** 2


def slope(eps, method):
    """The numerical slope of f at x = 3."""
    return numerical_gradient(f, [3.0], eps=eps, method=method)[0]


print("     ε     forward     central")
for eps in [0.1, 0.01, 0.001]:
    forward = slope(eps, "forward")
    central = slope(eps, "central")
    print(
        f"{eps:6g}",
        f"{forward:11.6f}",
        f"{central:11.6f}",
    )
