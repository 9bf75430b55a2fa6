# --8<-- [start:lesson]
"""블랙박스 모델 y = a·tanh(b·x + c) + d:
매개 변수 θ = (a, b, c, d)에 따라
출력이 달라진다."""

import numpy as np

from whybackprop import predict
from whybackprop.blackbox import (
    PARAMETER_NAMES,
    START_THETA,
    TRUE_THETA,
)

names = ", ".join(PARAMETER_NAMES)
N = len(PARAMETER_NAMES)
print(f"매개 변수: {names} (N = {N})")

x = np.array([-2.0, 0.0, 2.0])
print(f"       x = {x}")
cases = [
    ("참값", TRUE_THETA),
    ("시작 값", START_THETA),
]
for label, theta in cases:
    y = predict(theta, x).round(3)
    print(f"{label:>5} θ = {theta}")
    print(f"       y = {y}")
# --8<-- [end:lesson]

# 여기부터는 그림을 그리는 코드다. 페이지에는 위의 lesson 부분만 나온다.
from whybackprop import plotting

CAPTION = "매개 변수 a, b, c, d를 하나씩 바꿀 때 블랙박스 모델의 출력"  # 그림 아래의 짧은 설명
ALT = (
    "네 개의 그래프: a는 곡선을 세로로 늘이고, b는 가운데 기울기를 "
    "가파르게 하고, c는 곡선을 가로로 옮기고, d는 곡선 전체를 위아래로 옮긴다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True는 휴대폰용 좁은 그림."""
    return plotting.parameter_effects_figure(scheme=scheme, narrow=narrow)


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/parameter_effects.png로 저장한다
    plotting.save_png(figure(), "parameter_effects")
