"""경사 하강법으로 블랙박스 모델을 학습한다 (기울기는 식을 미분한 해석적 기울기 exact_gradient)."""

from whybackprop import gradient_descent, make_problem
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

problem = make_problem()
result = gradient_descent(problem.loss, START_THETA, lr=0.5, steps=3000, grad=problem.exact_gradient)

# 결과는 result 의 필드(status, steps, losses)에서 읽는다. 멈춤 기준: 기울기의 크기 ≤ 1e-8
if result.status.name == "CONVERGED":
    print(f"수렴: {result.steps} 스텝 만에 기울기의 크기가 1e-8 이하가 되어 멈췄습니다.")
else:
    print(f"{result.steps} 스텝에서 멈췄습니다 (상태: {result.status.name}).")
print(f"손실: {result.losses[0]:.6f} (시작) → {result.losses[-1]:.6f} ({result.steps} 스텝 후)")
print(f"참고: 참값에서의 손실 L(참값) = {problem.loss(TRUE_THETA):.6f}")
for name, learned, true in zip(PARAMETER_NAMES, result.theta, TRUE_THETA):
    print(f"  {name}: 학습 {learned:+.4f}   참값 {true:+.4f}")
