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
print(f"강의의 어림: N = {N:,}일 때")
print(f"  N(N+1) = {lecture:,}")
print(f"         ≈ {lecture / 10**8:.0f}억 번")

# 28×28 픽셀 입력, 은닉 뉴런 128개, 출력 10개: 손글씨 숫자 분류에 흔한 크기
sizes = [784, 128, 10]
mlp = MLP(sizes)
n = mlp.n_params
print(f"\nMLP {sizes}: N = {n:,}")
print(f"  가중치 {mlp.n_weights:,} + 편향 {mlp.n_biases:,}")
print("곱셈 수")
print(f"{lecture_step_multiplications(n):>17,}  강의의 어림 N(N+1)")

COUNTS = {  # 페이지에 찍는 이름: 곱셈 수를 세는 함수
    "순전파 B(N − N_bias)": forward_multiplications,
    "수치적 기울기 (손실 N+1번)": numerical_gradient_multiplications,
    "역전파 기울기": backprop_multiplications,
}
for batch in (1, 100):
    print(f"샘플 B = {batch}개로 잰 손실")
    for name, count in COUNTS.items():
        value = count(sizes, batch)
        print(f"{value:>17,}  {name}")

exact = numerical_gradient_multiplications(sizes, 1)
backprop = backprop_multiplications(sizes, 1)
print(f"\n샘플 1개: 정확한 수 / N(N+1) = {exact / lecture_step_multiplications(n):.4f}")
print(f"수치적 기울기 / 역전파 = {exact / backprop:,.0f}배")
