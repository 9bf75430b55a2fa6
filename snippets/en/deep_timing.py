"""Time of one gradient of a deep MLP: numerical gradient (forward difference) against backpropagation.

Measured the way the benchmark (benchmarks/cost_vs_n.py) measures: this process's CPU time
(time.process_time), the median of several measurements.
"""

import statistics
from time import process_time

import numpy as np

from whybackprop import MLP, count_calls, numerical_gradient

mlp = MLP([10] * 19)  # width 10, 18 layers: the same network as the N = 1,980 row of the benchmark table
rng = np.random.default_rng(0)
X, Y = rng.normal(size=(16, 10)), rng.normal(size=(16, 10))  # 16 samples
theta = mlp.init(seed=0)
loss = count_calls(lambda t: mlp.loss(t, X, Y))


def cpu_seconds(compute, calls, repeats=5):
    """Measure the CPU time of `calls` calls of compute(), `repeats` times; return the median time per call."""
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
print(f"{loss.calls:,} loss evaluations per gradient")
assert loss.calls == mlp.n_params + 1 and error < 1e-5

numeric_seconds = cpu_seconds(lambda: numerical_gradient(loss, theta), calls=1)
backprop_seconds = cpu_seconds(lambda: mlp.backprop(theta, X, Y), calls=100)
faster = numeric_seconds / backprop_seconds
print("CPU time of one gradient")
print(f"{numeric_seconds * 1e3:9.1f} ms  numerical gradient")
print(f"{backprop_seconds * 1e3:9.3f} ms  backprop ({faster:,.0f} times faster)")
print(f"the gradients' relative difference {error:.1e}")
