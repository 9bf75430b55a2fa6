"""Multiplications of one gradient-descent step: the lecture's estimate N(N+1) and the exact count for a small deep network (MLP)."""

from whybackprop import (
    MLP,
    backprop_multiplications,
    forward_multiplications,
    lecture_step_multiplications,
    numerical_gradient_multiplications,
)

N = 100_000
lecture = lecture_step_multiplications(N)
print(
    f"The lecture's estimate: for N = {N:,}, N(N+1) = {lecture:,} ≈ {lecture / 10**8:.0f} × 10⁸ multiplications"
)

sizes = [
    784,
    128,
    10,
]  # 28×28-pixel input, 128 hidden neurons, 10 outputs: a common size for handwritten digits
mlp = MLP(sizes)
n = mlp.n_params
print(f"\nMLP {sizes}: N = {n:,} ({mlp.n_weights:,} weights + {mlp.n_biases:,} biases)")
print(f"{lecture_step_multiplications(n):>21,}  the lecture's estimate N(N+1)")
for batch in (1, 100):
    print(f"loss over a batch of B = {batch}")
    print(f"{forward_multiplications(sizes, batch):>21,}  one forward pass = B × (N − N_bias)")
    print(f"{numerical_gradient_multiplications(sizes, batch):>21,}  numerical gradient (N+1 losses)")
    print(f"{backprop_multiplications(sizes, batch):>21,}  backpropagation gradient")

exact = numerical_gradient_multiplications(sizes, 1)
print(f"\nfor 1 sample: exact count / N(N+1) = {exact / lecture_step_multiplications(n):.4f}")
print(f"numerical gradient / backpropagation = {exact / backprop_multiplications(sizes, 1):,.0f} times")
