"""학습 목표: 손실 L(θ) = 평균 제곱 오차(MSE)를 가장 작게 만드는 매개 변수 θ를 찾는다."""

import numpy as np

from whybackprop import make_problem, predict
from whybackprop.blackbox import START_THETA, TRUE_THETA

problem = make_problem()  # 참값 θ로 만든 데이터 (x, y) 50쌍, 잡음 섞임
x, y = problem.x, problem.y
print(f"데이터 {x.size}쌍, 첫 세 쌍:")
print(f"x = {x[:3].round(3)}")
print(f"y = {y[:3].round(3)}")

cases = [("시작 값", START_THETA), ("참값", TRUE_THETA)]
for label, theta in cases:
    # 정의 그대로: 잔차 제곱의 평균
    residual = predict(theta, x) - y
    by_hand = np.mean(residual**2)
    loss = problem.loss(theta)
    print(f"L({label}) = {loss:.6f}")
    print(f"  정의대로 계산: {by_hand:.6f}")
