"""블랙박스 모델에서 학습률의 영역을 잰다: 같은 시작 값, 해석적 기울기, 스텝 예산 3,000."""

from whybackprop import Status, gradient_descent, make_problem
from whybackprop.blackbox import START_THETA
from whybackprop.regimes import boundary_learning_rate, two_cycle

problem = make_problem()
STEPS = 3000  # 모든 실행의 스텝 예산


def run(lr):
    return gradient_descent(problem.loss, START_THETA, lr=lr, steps=STEPS, grad=problem.exact_gradient)


print(f"시작 손실 {problem.loss(START_THETA):.3g}")
for lr in [0.5, 0.67, 0.68, 0.8, 0.94, 0.95, 0.9512, 1.0]:
    result = run(lr)
    cycle = two_cycle(result.losses)  # 마지막 손실들이 두 값을 번갈아 되풀이하면 그 두 값
    if result.status is Status.CONVERGED:
        what = f"수렴 ({result.steps}스텝), 손실 {result.losses[-1]:.4f}, b = {result.theta[1]:.3g}"
    elif result.status is Status.DIVERGED:
        what = f"발산 ({result.steps}스텝째)"
    elif cycle:
        what = f"두 값 사이를 오감: 손실 {cycle[0]:.3g} ↔ {cycle[1]:.3g}"
    else:
        what = f"{STEPS}스텝 안에 수렴하지 못함, 손실 {result.losses[-1]:.3g}"
    print(f"η = {lr:<6g} {what}")

# 경계는 이분법으로 잰다: 구간의 왼쪽 끝에서는 성질이 성립하고 오른쪽 끝에서는 성립하지 않는다
converge_edge = boundary_learning_rate(lambda lr: run(lr).status is Status.CONVERGED, 0.5, 0.8)
diverge_edge = boundary_learning_rate(lambda lr: run(lr).status is not Status.DIVERGED, 0.8, 1.2)
print(f"수렴하는 가장 큰 η ≈ {converge_edge:.3f} (구간 [0.5, 0.8])")
print(f"발산이 시작되는 η ≈ {diverge_edge:.3f} (구간 [0.8, 1.2])")
