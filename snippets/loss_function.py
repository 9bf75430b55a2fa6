"""학습 목표: 손실 L(θ) = 평균 제곱 오차(MSE)를 가장 작게 만드는 매개 변수 θ를 찾는다."""

import numpy as np

from whybackprop import make_problem, predict
from whybackprop.blackbox import START_THETA, TRUE_THETA

problem = make_problem()  # 참값 θ로 만든 데이터 (x, y) 50쌍, 잡음 섞임
print(f"데이터 {problem.x.size}쌍, 첫 세 쌍: x = {problem.x[:3].round(3)}, y = {problem.y[:3].round(3)}")

for label, theta in [("시작 값", START_THETA), ("참값", TRUE_THETA)]:
    by_hand = np.mean((predict(theta, problem.x) - problem.y) ** 2)  # 정의 그대로
    print(f"L({label}) = {problem.loss(theta):.6f}  (정의대로 계산: {by_hand:.6f})")
