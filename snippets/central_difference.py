"""전진 차분 O(ε) 와 중앙 차분 O(ε²): ε를 절반으로 줄이면 오차가 각각 약 1/2, 1/4 이 된다."""

import numpy as np

from whybackprop import numerical_gradient

x, exact = 1.0, np.cos(1.0)  # f(x) = sin x, f'(x) = cos x
for method in ["forward", "central"]:
    error = {h: abs(numerical_gradient(np.sin, x, eps=h, method=method) - exact) for h in [1e-4, 0.5e-4]}
    print(
        f"{method:>7}: ε = 1e-4 → 절대 오차 {error[1e-4]:.2e}, ε = 5e-5 → 절대 오차 {error[0.5e-4]:.2e}, "
        f"비율 {error[1e-4] / error[0.5e-4]:.2f}"
    )
