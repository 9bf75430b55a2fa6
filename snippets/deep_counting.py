"""경사 하강법 한 스텝의 곱셈 수: 강의의 어림 N(N+1)과 작은 심층 신경망(MLP)의 정확한 수."""

from whybackprop import (
    MLP,
    backprop_multiplications,
    forward_multiplications,
    lecture_step_multiplications,
    numerical_gradient_multiplications,
)

N = 100_000
lecture = lecture_step_multiplications(N)
print(f"강의의 어림: N = {N:,} 이면 N(N+1) = {lecture:,} ≈ {lecture / 10**8:.0f}억 번")

sizes = [784, 128, 10]  # 28×28 픽셀 입력, 은닉 뉴런 128개, 출력 10개: 손글씨 숫자 분류에 흔한 크기
mlp = MLP(sizes)
n = mlp.n_params
print(f"\nMLP {sizes}: N = {n:,} (가중치 {mlp.n_weights:,} + 편향 {mlp.n_biases:,})")
print(f"{lecture_step_multiplications(n):>21,}  강의의 어림 N(N+1)")
for batch in (1, 100):
    print(f"샘플 B = {batch}개로 손실을 잴 때")
    print(f"{forward_multiplications(sizes, batch):>21,}  순전파 한 번 = B × (N − N_bias)")
    print(f"{numerical_gradient_multiplications(sizes, batch):>21,}  수치적 기울기 (손실 N+1번)")
    print(f"{backprop_multiplications(sizes, batch):>21,}  역전파 기울기")

exact = numerical_gradient_multiplications(sizes, 1)
print(f"\n샘플 1개: 정확한 수 / N(N+1) = {exact / lecture_step_multiplications(n):.4f}")
print(f"수치적 기울기 / 역전파 = {exact / backprop_multiplications(sizes, 1):,.0f}배")
