"""손실의 등고선 위의 경사 하강법: 두 매개 변수 a, d만 움직이고 b, c는 학습한 값에 고정한다."""

import numpy as np

from whybackprop import gradient_descent, make_problem, numerical_gradient, plotting
from whybackprop.blackbox import START_THETA

problem = make_problem()
best = gradient_descent(problem.loss, START_THETA, lr=0.5, steps=3000, grad=problem.exact_gradient).theta
PLANE = [0, 3]  # 움직이는 매개 변수: a 와 d


def in_plane(u):
    """평면의 점 (a, d) → 네 매개 변수 (b, c는 학습한 값 그대로)."""
    theta = best.copy()
    theta[PLANE] = u
    return theta


def loss(u):
    return problem.loss(in_plane(u))


def grad(u):
    return problem.exact_gradient(in_plane(u))[PLANE]


# 이 평면에서 손실이 가장 가파르게 휘는 정도: 최솟값에서 헤세 행렬(기울기의 중앙 차분)의 가장 큰 고윳값
hessian = np.array(
    [numerical_gradient(lambda u, j=j: grad(u)[j], best[PLANE], method="central") for j in range(2)]
)
lam_max = np.linalg.eigvalsh((hessian + hessian.T) / 2)[-1]
print(f"이 평면에서 λ_max ≈ {lam_max:.2f}, 안정한 학습률 η < 2/λ_max ≈ {2 / lam_max:.2f}")

runs = {}
for lr in [0.5, 1.2]:
    run = gradient_descent(loss, START_THETA[PLANE], lr=lr, steps=300, grad=grad)
    runs[lr] = run
    if run.status.name == "CONVERGED":
        print(f"η = {lr:g}: 수렴, {run.steps} 스텝 만에 (a, d) = {run.theta.round(3)}")
    elif run.status.name == "DIVERGED":
        print(f"η = {lr:g}: 발산, {run.steps} 스텝째에 손실이 {run.losses[-1]:.3g}로 커짐")
    else:
        print(f"η = {lr:g}: {run.steps} 스텝을 다 돌았지만 아직 수렴 기준에 못 미침")
assert runs[0.5].status.name == "CONVERGED" and runs[1.2].status.name == "DIVERGED"
assert 0.5 < 2 / lam_max < 1.2  # 수렴한 η는 한계 아래, 발산한 η는 한계 위

CAPTION = "a와 d 평면에서 본 손실의 등고선과 두 학습률의 경로"  # 그림 아래의 짧은 설명
ALT = (
    "등고선 그림: 가로축 a, 세로축 d, 가운데 별표가 손실이 가장 작은 점이다. 알맞은 학습률의 경로는 시작점에서 "
    "별표로 곧장 다가가고, 너무 큰 학습률의 경로는 d 방향으로 위아래를 오가며 점점 크게 흔들리다 그림 밖으로 "
    "나간다."
)  # 그림을 볼 수 없는 독자를 위한 설명


# 평면 위의 손실은 한 번만 계산해 둔다: figure()가 밝은·어두운, 넓은·좁은 그림 네 개를 그린다.
surface = plotting.loss_surface(loss, optimum=best[PLANE], xlim=(0.5, 3.5), ylim=(-2.5, 3.0))


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme 은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True 는 휴대폰용 좁은 배치."""
    paths = {
        f"$\\eta$ = {lr:g} ({'수렴' if run.status.name == 'CONVERGED' else '발산'})": run.history
        for lr, run in runs.items()
    }
    return plotting.contour_figure(
        surface,
        paths,
        names=("a", "d"),
        scheme=scheme,
        narrow=narrow,
    )


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/descent_contour.png 로 저장한다
    plotting.save_png(figure(), "descent_contour")
