"""전진 차분 O(ε) 와 중앙 차분 O(ε²): ε를 절반으로 줄이면 오차가 각각 약 1/2, 1/4 이 된다."""

import numpy as np

from whybackprop import numerical_gradient

x, exact = 1.0, np.cos(1.0)  # f(x) = sin x, f'(x) = cos x


def error(method, eps):
    """간격 eps로 구한 수치적 기울기의 절대 오차."""
    return abs(numerical_gradient(np.sin, x, eps=eps, method=method) - exact)


print("절대 오차   ε = 1e-4   ε = 5e-5   비율")
for method in ["forward", "central"]:
    big = error(method, 1e-4)
    small = error(method, 0.5e-4)
    print(
        f"{method:>7}",
        f"{big:10.2e}",
        f"{small:10.2e}",
        f"{big / small:6.2f}",
    )
