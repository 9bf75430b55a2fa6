"""역전파 한 번의 곱셈은 순전파 한 번의 몇 배인가: N이 10배가 되어도 거의 그대로다."""

from whybackprop import MLP, backprop_multiplications, forward_multiplications

NETWORKS = [  # (층의 크기, 샘플 수 B): 벤치마크의 신경망 두 크기와 은닉층이 하나인 MLP
    ([10] * 92, 16),
    ([10] * 910, 16),
    ([784, 128, 10], 1),
]


def describe(sizes, batch):
    """신경망의 N과, 기울기 한 번의 곱셈이 순전파 한 번의 몇 배인지 (세 줄)."""
    n = MLP(sizes).n_params
    if sizes[0] == 10:  # 폭이 10인 층을 쌓은 벤치마크 신경망
        name = f"층 {len(sizes) - 1}개(폭 10)"
    else:
        name = f"MLP {sizes}"
    backprop = backprop_multiplications(sizes, batch)
    forward = forward_multiplications(sizes, batch)
    return (
        f"{name}, N = {n:,}\n"
        f"  역전파 / 순전파 = {backprop / forward:.2f}배\n"
        f"  수치적 기울기: 순전파 N + 1 = {n + 1:,}번"
    )


for sizes, batch in NETWORKS:
    print(describe(sizes, batch))
