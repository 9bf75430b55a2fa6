# --8<-- [start:lesson]
"""블랙박스 모델의 계산 그래프에서 역방향 모드: 순전파 한 번, 역전파 한 번으로 편미분 네 개를 모두 구한다."""

import numpy as np

from whybackprop import BlackBoxProblem, make_problem
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.reverse import reverse_sweep

problem = make_problem()
i = int(np.argmin(abs(problem.x - 1.0)))  # 데이터에서 x가 1에 가장 가까운 샘플 하나
x, t = problem.x[i], problem.y[i]
sweep = reverse_sweep(START_THETA, x, t)
gradient = dict(zip(PARAMETER_NAMES, sweep.gradient))
print(f"샘플 (x, t) = ({x:.3f}, {t:.3f})")
print(f"시작 값 θ = {START_THETA}")
print(f"순전파 (곱셈 {sweep.forward_multiplications}번):")
print(f"  손실 ℓ = {sweep.values['loss']:.4f}")
print(f"역전파 한 번 (곱셈 {sweep.backward_multiplications}번):")
for name, partial in gradient.items():
    print(f"  ∂ℓ/∂{name} = {partial:8.4f}")

# 이 샘플 하나만 가진 문제의 해석적 기울기와 같은지 확인한다.
one_sample = BlackBoxProblem(x=problem.x[i : i + 1], y=problem.y[i : i + 1])
assert np.allclose(sweep.gradient, one_sample.exact_gradient(START_THETA), rtol=1e-12)
print("exact_gradient와 같습니다.")
# --8<-- [end:lesson]

# 여기부터는 그림을 그리는 코드다. 페이지에는 위의 lesson 부분만 나온다.
from whybackprop import plotting

CAPTION = (
    "블랙박스 모델의 계산 그래프: 샘플 하나의 순전파 값과 역전파 한 번이 구한 편미분"  # 그림 아래의 짧은 설명
)
ALT = (
    "y = a·tanh(bx + c) + d와 손실 (y − t)²를 일곱 단계로 나눈 계산 그래프. 상자마다 순전파의 값과, "
    "역전파가 손실에서 거꾸로 내려오며 구한 ∂ℓ/∂(노드)가 적혀 있다. 매개 변수 a, b, c, d의 상자에 "
    "네 편미분 "
    + ", ".join(f"{name} {partial:.3g}" for name, partial in gradient.items())
    + "이 한 번에 모인다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True는 휴대폰용 좁은 그림."""
    return plotting.sweep_figure(sweep, scheme=scheme, narrow=narrow)


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/deep_reverse.png로 저장한다
    plotting.save_png(figure(), "deep_reverse")
