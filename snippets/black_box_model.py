"""블랙박스 모델 y = a·tanh(b·x + c) + d: 매개 변수 θ = (a, b, c, d)에 따라 출력이 달라진다."""

import numpy as np

from whybackprop import plotting, predict
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA, TRUE_THETA

print("매개 변수:", ", ".join(PARAMETER_NAMES), f"(N = {len(PARAMETER_NAMES)})")

x = np.array([-2.0, 0.0, 2.0])
for label, theta in [("참값", TRUE_THETA), ("시작 값", START_THETA)]:
    print(f"{label:>4} θ = {theta} → y({x}) = {predict(theta, x).round(3)}")

if __name__ == "__main__":  # 스크립트로 실행하면 그림을 parameter_effects.png 로 저장한다
    figure = plotting.parameter_effects_figure()
    plotting.show(figure, "parameter_effects", "네 개의 그래프: a는 곡선을 세로로 늘이고, b는 가운데 기울기를 "
                  "가파르게 하고, c는 곡선을 가로로 옮기고, d는 곡선 전체를 위아래로 옮긴다.")
