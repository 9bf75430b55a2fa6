"""할선과 접선: 전진 차분과 중앙 차분은 할선의 기울기로 접선의 기울기(미분)를 근사한다."""

import numpy as np

from whybackprop import plotting

x, eps = 1.0, 0.8  # 그림에서 잘 보이도록 간격을 크게 잡았다
tangent = np.cos(x)  # f(x) = sin x의 참값 f'(x) = cos x
forward = (np.sin(x + eps) - np.sin(x)) / eps
central = (np.sin(x + eps) - np.sin(x - eps)) / (2 * eps)
print(f"접선의 기울기 cos 1 = {tangent:.3f}")
print(f"전진 차분 (ε = {eps}) = {forward:.3f}, 차이 {forward - tangent:+.3f}")
print(f"중앙 차분 (ε = {eps}) = {central:.3f}, 차이 {central - tangent:+.3f}")

CAPTION = "f(x) = sin x의 접선과 두 할선: 중앙 차분의 할선이 접선과 거의 나란하다"  # 그림 아래의 짧은 설명
ALT = (
    "사인 곡선 위의 세 점 x − ε, x, x + ε와 직선 세 개. 실선은 x에서의 접선, 파선은 x와 x + ε를 잇는 전진 차분의 "
    "할선, 점선은 x − ε와 x + ε를 잇는 중앙 차분의 할선이다. 전진 차분의 할선은 접선보다 눈에 띄게 완만하고, "
    "중앙 차분의 할선은 접선과 거의 나란하다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme 은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True 는 휴대폰용 좁은 배치."""
    return plotting.secant_figure(np.sin, tangent, x, eps, scheme=scheme, narrow=narrow)


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/secant_tangent.png 로 저장한다
    plotting.save_png(figure(), "secant_tangent")
