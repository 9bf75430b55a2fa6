"""깊은 MLP 하나에서 기울기 한 번의 시간: 수치적 기울기(전진 차분) 대 역전파.

벤치마크(benchmarks/cost_vs_n.py)와 같은 방법으로 잰다: 이 프로세스의 CPU 시간(time.process_time),
여러 번 잰 값의 중앙값.
"""

import statistics
from time import process_time

import numpy as np

from whybackprop import MLP, count_calls, numerical_gradient

mlp = MLP([10] * 19)  # 폭 10, 층 18개: 벤치마크 표의 N = 1,980 행과 같은 신경망
rng = np.random.default_rng(0)
X, Y = rng.normal(size=(16, 10)), rng.normal(size=(16, 10))  # 샘플 16개
theta = mlp.init(seed=0)
loss = count_calls(lambda t: mlp.loss(t, X, Y))


def cpu_seconds(compute, calls, repeats=5):
    """compute()를 calls번 부르는 데 든 CPU 시간을 repeats번 재어, 한 번당 시간의 중앙값을 돌려준다."""
    times = []
    for _ in range(repeats):
        start = process_time()
        for _ in range(calls):
            compute()
        elapsed = process_time() - start
        times.append(elapsed / calls)
    return statistics.median(times)


numeric = numerical_gradient(loss, theta)
exact = mlp.backprop(theta, X, Y)
error = np.linalg.norm(numeric - exact) / np.linalg.norm(exact)
print(f"N = {mlp.n_params:,}")
print(f"기울기 한 번에 손실 평가 {loss.calls:,}번")
assert loss.calls == mlp.n_params + 1 and error < 1e-5

numeric_seconds = cpu_seconds(lambda: numerical_gradient(loss, theta), calls=1)
backprop_seconds = cpu_seconds(lambda: mlp.backprop(theta, X, Y), calls=100)
faster = numeric_seconds / backprop_seconds
print("기울기 한 번의 CPU 시간")
print(f"{numeric_seconds * 1e3:9.1f} ms  수치적 기울기")
print(f"{backprop_seconds * 1e3:9.3f} ms  역전파 ({faster:,.0f}배 빠름)")
print(f"두 기울기의 상대 오차 {error:.1e}")
