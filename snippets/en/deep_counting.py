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
print(f"The lecture's estimate for N = {N:,}:")
print(f"  N(N+1) = {lecture:,}")
print(f"         ≈ {lecture / 10**8:.0f} × 10⁸ multiplications")

# 28×28-pixel input, 128 hidden neurons, 10 outputs: a common size for handwritten digits
sizes = [784, 128, 10]
mlp = MLP(sizes)
n = mlp.n_params
print(f"\nMLP {sizes}: N = {n:,}")
print(f"  {mlp.n_weights:,} weights + {mlp.n_biases:,} biases")
print("multiplications")
print(f"{lecture_step_multiplications(n):>17,}  the lecture's N(N+1)")

COUNTS = {  # the name printed on the page: the function that counts
    "forward B(N − N_bias)": forward_multiplications,
    "numerical (N+1 losses)": numerical_gradient_multiplications,
    "backpropagation": backprop_multiplications,
}
for batch in (1, 100):
    print(f"loss on a batch, B = {batch}")
    for name, count in COUNTS.items():
        value = count(sizes, batch)
        print(f"{value:>17,}  {name}")

exact = numerical_gradient_multiplications(sizes, 1)
backprop = backprop_multiplications(sizes, 1)
print(f"\nfor 1 sample: exact count / N(N+1) = {exact / lecture_step_multiplications(n):.4f}")
print(f"numerical / backprop = {exact / backprop:,.0f} times")
