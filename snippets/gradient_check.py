"""기울기 검사: 수치적 기울기를 식을 미분해 얻은 해석적 기울기와 비교한다."""

import numpy as np

from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA

TOLERANCE = 1e-6  # 허용하는 상대 오차
problem = make_problem()

exact = problem.exact_gradient(START_THETA)
print(f"해석적 기울기  {exact.round(8)}")
for method, name in [("forward", "전진"), ("central", "중앙")]:
    numeric = numerical_gradient(problem.loss, START_THETA, method=method)
    rel_err = np.linalg.norm(numeric - exact) / np.linalg.norm(exact)
    print(f"{name} 차분     {numeric.round(8)}, 상대 오차 {rel_err:.1e}")
    assert rel_err < TOLERANCE, f"gradient check failed ({method}): relative error {rel_err:.2e}"
print(f"상대 오차 < {TOLERANCE:g}: 통과")
