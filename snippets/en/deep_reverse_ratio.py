"""One backprop's multiplications as a multiple of one forward pass: nearly the same when N grows tenfold."""

from whybackprop import MLP, backprop_multiplications, forward_multiplications

for sizes, batch in (([10] * 92, 16), ([10] * 910, 16), ([784, 128, 10], 1)):
    forward = forward_multiplications(sizes, batch)
    backprop = backprop_multiplications(sizes, batch)
    n = MLP(sizes).n_params
    name = f"{len(sizes) - 1} layers of width 10" if sizes[0] == 10 else f"MLP {sizes}"
    print(f"{name}, N = {n:,}")
    print(f"  backprop / forward = {backprop / forward:.2f}, numerical: N + 1 = {n + 1:,} forward passes")
