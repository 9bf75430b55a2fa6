"""The goal of learning: find the parameters θ that make the loss L(θ) = mean squared error (MSE) as small as possible."""

import numpy as np

from whybackprop import make_problem, predict
from whybackprop.blackbox import START_THETA, TRUE_THETA

problem = make_problem()  # 50 pairs (x, y) made from the true θ, with noise
print(
    f"{problem.x.size} data pairs, the first three: x = {problem.x[:3].round(3)}, y = {problem.y[:3].round(3)}"
)

for label, theta in [("start", START_THETA), ("true", TRUE_THETA)]:
    by_hand = np.mean((predict(theta, problem.x) - problem.y) ** 2)  # straight from the definition
    print(f"L({label}) = {problem.loss(theta):.6f}  (from the definition: {by_hand:.6f})")
