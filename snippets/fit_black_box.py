# --8<-- [start:lesson]
"""수치적 기울기(전진 차분)만으로 경사 하강법을 돌려 블랙박스 모델을 학습한다."""

import numpy as np

from whybackprop import gradient_descent, make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

problem = make_problem()
N = len(PARAMETER_NAMES)
result = gradient_descent(problem.loss, START_THETA, lr=0.5, steps=200)  # grad 를 주지 않으면 수치적 기울기

# 멈춤 기준: 기울기의 크기가 1e-8 이하이면 '수렴'으로 멈추고, 아니면 steps 번을 모두 돈다
norm = np.linalg.norm(numerical_gradient(problem.loss, result.theta))
if result.status.name == "CONVERGED":
    print(f"수렴: {result.steps} 스텝 만에 기울기의 크기가 1e-8 이하")
else:
    print(f"{result.steps} 스텝을 모두 돌았습니다")
    print(f"기울기의 크기 {norm:.1e}: 멈춤 기준 1e-8보다 큼")
print(f"손실 {result.losses[0]:.6f} → {result.losses[-1]:.6f}")
print(f"마지막 50 스텝 동안 줄어든 손실 {result.losses[-51] - result.losses[-1]:.1e}")
rows = zip(PARAMETER_NAMES, result.theta, TRUE_THETA)
for name, learned, true in rows:
    print(
        f"{name}: 학습 {learned:+.4f}",
        f"  참값 {true:+.4f}",
    )
print(f"손실 평가 횟수 = {result.loss_evaluations}")
print(f"  = 1 + {result.steps} × (N + 1) = 1 + {result.steps} × {N + 1}")
assert result.loss_evaluations == 1 + result.steps * (N + 1)
# --8<-- [end:lesson]

# 여기부터는 그림을 그리는 코드다. 페이지에는 위의 lesson 부분만 나온다.
from whybackprop import plotting

CAPTION = "수치적 기울기로 학습한 블랙박스 모델과 데이터"  # 그림 아래의 짧은 설명
ALT = (
    "데이터 점들과 곡선 세 개: 학습 전 시작 값의 완만한 곡선은 데이터에서 "
    "멀고, 수치적 기울기로 학습한 곡선은 데이터를 만든 참값의 곡선과 거의 겹친다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True는 휴대폰용 좁은 그림."""
    return plotting.fit_figure(problem, result.theta, scheme=scheme, narrow=narrow)


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/fit_black_box.png로 저장한다
    plotting.save_png(figure(), "fit_black_box")
