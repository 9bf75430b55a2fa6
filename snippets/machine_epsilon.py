"""부동소수점 수(float64)는 유효 숫자가 유한하다: 기계 엡실론과 그로부터 정해지는 좋은 간격 ε."""

import numpy as np

machine_eps = np.finfo(np.float64).eps  # 1과, 1 다음으로 큰 float64 수의 간격
print(f"기계 엡실론 = {machine_eps:.3e} = 2⁻⁵² ? {machine_eps == 2.0**-52}")
print("1 다음 float64 수 − 1 == 기계 엡실론 ?", np.nextafter(1.0, 2.0) - 1.0 == machine_eps)
print("1 + 0.51 × 기계 엡실론 == 1 ?", 1.0 + 0.51 * machine_eps == 1.0)
print("(가장 가까운 수로 반올림되어 1보다 커진다)")
print(f"전진 차분에 좋은 간격 √기계 엡실론 ≈ {np.sqrt(machine_eps):.2e}")
print(f"중앙 차분에 좋은 간격 ∛기계 엡실론 ≈ {np.cbrt(machine_eps):.2e}")
