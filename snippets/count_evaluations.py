"""블랙박스 모델의 수치적 기울기 한 번에 손실 함수를 몇 번 호출하는지 직접 센다."""

from whybackprop import count_calls, gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA

problem = make_problem()
N = len(PARAMETER_NAMES)

loss = count_calls(problem.loss)  # 호출할 때마다 loss.calls 가 1씩 는다
gradient = numerical_gradient(loss, START_THETA)  # 전진 차분
print(f"매개 변수 N = {N}, 전진 차분 기울기 = {gradient.round(4)}")
print(f"손실 평가 횟수 = {loss.calls}  (N + 1 = {N + 1}: L(θ) 한 번 + 매개 변수마다 한 번)")
assert loss.calls == N + 1

loss.reset()
numerical_gradient(loss, START_THETA, method="central")
print(f"중앙 차분이면 {loss.calls}번  (2N = {2 * N})")

# 경사 하강법 한 번(η = 0.5, 스텝 예산 3,000)의 평가 횟수
loss.reset()
run = gradient_descent(loss, START_THETA, lr=0.5, steps=3000)
if run.status.name == "CONVERGED":  # 수렴을 확인한 마지막 기울기도 N번을 평가했다
    print(f"수렴 ({run.steps}스텝): 손실 평가 {loss.calls:,}번 = 1 + {run.steps} × {N + 1} + {N}")
    assert loss.calls == run.loss_evaluations == 1 + run.steps * (N + 1) + N
