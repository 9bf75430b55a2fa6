"""깊은 MLP 하나에서 기울기 한 번의 시간: 수치적 기울기(전진 차분) 대 역전파."""

import time

import numpy as np

from whybackprop import MLP, count_calls, numerical_gradient

mlp = MLP([10] * 19)  # 폭 10, 층 18개
rng = np.random.default_rng(0)
X, Y = rng.normal(size=(16, 10)), rng.normal(size=(16, 10))  # 예제 16개
theta = mlp.init(seed=0)
loss = count_calls(lambda t: mlp.loss(t, X, Y))

start = time.perf_counter()
numeric = numerical_gradient(loss, theta)
numeric_seconds = time.perf_counter() - start

start = time.perf_counter()
exact = mlp.backprop(theta, X, Y)
backprop_seconds = time.perf_counter() - start

error = np.linalg.norm(numeric - exact) / np.linalg.norm(exact)
print(f"N = {mlp.n_params:,}, 손실 평가 {loss.calls:,}번")
print(f"수치적 기울기 {numeric_seconds * 1e3:8.1f} ms")
print(f"역전파       {backprop_seconds * 1e3:8.3f} ms  ({numeric_seconds / backprop_seconds:,.0f}배 빠름)")
print(f"두 기울기의 상대 오차 {error:.1e}")
assert loss.calls == mlp.n_params + 1 and error < 1e-5
