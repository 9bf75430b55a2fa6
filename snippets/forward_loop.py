"""전진 차분 수치적 기울기를 코드로: 손실을 N + 1번 호출하는 반복문 하나."""

import numpy as np

from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import START_THETA


def forward_difference(loss, theta, eps=1e-6):
    theta = np.array(theta, dtype=float)
    base = loss(theta)  # 1번: 현재 매개 변수에서의 손실
    gradient = np.zeros_like(theta)
    for i in range(theta.size):  # N번: 매개 변수를 하나씩 ε만큼 옮겨 손실을 다시 계산한다
        moved = theta.copy()
        moved[i] += eps
        gradient[i] = (loss(moved) - base) / eps
    return gradient


loss = make_problem().loss
mine = forward_difference(loss, START_THETA)
package = numerical_gradient(loss, START_THETA, eps=1e-6)
print("반복문으로 구한 기울기          ", mine)
print("numerical_gradient로 구한 기울기", package)
print(f"가장 큰 차이 {np.max(np.abs(mine - package)):.1e}")
# 패키지는 ε 대신 실제로 옮겨 간 거리 (θ_i + ε) − θ_i 로 나눈다. θ_i + ε 가 반올림되므로 그 거리는 ε과 조금 다르다
print(
    f"실제로 옮겨 간 거리 (θ_1 + ε) − θ_1 = {float((START_THETA[0] + 1e-6) - START_THETA[0])!r} (ε = 1e-06)"
)
assert np.allclose(mine, package, rtol=1e-8, atol=0)
