"""역전파 한 번의 곱셈은 순전파 한 번의 몇 배인가: N이 10배가 되어도 거의 그대로다."""

from whybackprop import MLP, backprop_multiplications, forward_multiplications

for sizes, batch in (([10] * 92, 16), ([10] * 910, 16), ([784, 128, 10], 1)):
    forward = forward_multiplications(sizes, batch)
    backprop = backprop_multiplications(sizes, batch)
    n = MLP(sizes).n_params
    name = f"층 {len(sizes) - 1}개(폭 10)" if sizes[0] == 10 else f"MLP {sizes}"
    print(f"{name}, N = {n:,}")
    print(f"  역전파 / 순전파 = {backprop / forward:.2f}배, 수치적 기울기는 순전파 N + 1 = {n + 1:,}번")
