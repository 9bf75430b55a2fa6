"""손으로도 할 수 있는 예: f(x) = x²의 x = 3에서의 기울기 (참값 f'(3) = 6)."""

from whybackprop import numerical_gradient


def f(t):
    return t[0] ** 2


print("      ε    전진 차분   중앙 차분")
for eps in [0.1, 0.01, 0.001]:
    forward = numerical_gradient(f, [3.0], eps=eps)[0]
    central = numerical_gradient(f, [3.0], eps=eps, method="central")[0]
    print(f"  {eps:6g}   {forward:9.6f}   {central:9.6f}")
