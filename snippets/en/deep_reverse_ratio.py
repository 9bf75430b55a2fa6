"""One backprop's multiplications as a multiple of one forward pass: nearly the same when N grows tenfold."""

from whybackprop import MLP, backprop_multiplications, forward_multiplications

NETWORKS = [  # (layer sizes, B samples): the benchmark's network at two sizes, and a one-hidden-layer MLP
    ([10] * 92, 16),
    ([10] * 910, 16),
    ([784, 128, 10], 1),
]


def describe(sizes, batch):
    """A network's N, and one gradient's multiplications as a multiple of one forward pass (three lines)."""
    n = MLP(sizes).n_params
    if sizes[0] == 10:  # the benchmark's stack of width-10 layers
        name = f"{len(sizes) - 1} layers of width 10"
    else:
        name = f"MLP {sizes}"
    backprop = backprop_multiplications(sizes, batch)
    forward = forward_multiplications(sizes, batch)
    return (
        f"{name}, N = {n:,}\n"
        f"  backprop / forward = {backprop / forward:.2f}\n"
        f"  numerical: N + 1 = {n + 1:,} forward passes"
    )


for sizes, batch in NETWORKS:
    print(describe(sizes, batch))
