"""The goal of learning: find the parameters θ that make the loss L(θ) = mean squared error (MSE) as small as possible."""

import numpy as np

from whybackprop import make_problem, predict
from whybackprop.blackbox import START_THETA, TRUE_THETA

problem = make_problem()  # 50 pairs (x, y) made from the true θ, with noise
x, y = problem.x, problem.y
print(f"{x.size} data pairs, the first three:")
print(f"x = {x[:3].round(3)}")
print(f"y = {y[:3].round(3)}")

cases = [("start", START_THETA), ("true", TRUE_THETA)]
for label, theta in cases:
    # straight from the definition
    residual = predict(theta, x) - y
    by_hand = np.mean(residual**2)
    loss = problem.loss(theta)
    print(f"L({label}) = {loss:.6f}")
    print(f"  by hand: {by_hand:.6f}")
