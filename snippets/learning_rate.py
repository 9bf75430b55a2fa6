"""학습률 η가 하는 일: 수렴한다 / 진동하며 수렴한다 / 발산한다."""

from whybackprop import gradient_descent, make_problem, plotting
from whybackprop.blackbox import START_THETA

# 1) 이차 함수 L(θ) = ½λθ², 기울기 λθ: 한 스텝은 θ ← θ − ηλθ = (1 − ηλ)θ
lam = 4.0
WORDS = {
    "CONVERGED": "수렴",
    "DIVERGED": "발산",
    "MAX_STEPS": "최대 스텝 도달",
}  # run.status 를 페이지의 말로
quadratic = {}
for lr in [0.075, 0.45, 0.525]:
    run = gradient_descent(lambda t: 0.5 * lam * t[0] ** 2, [1.0], lr=lr, steps=100, grad=lambda t: lam * t)
    quadratic[f"$\\eta\\lambda$ = {lr * lam:g}"] = run.history[:, 0]
    first = ", ".join(f"{t:+.3f}" for t in run.history[:5, 0])
    print(f"η = {lr:g}, ηλ = {lr * lam:g}: θ = {first}, ... → {WORDS[run.status.name]} ({run.steps} 스텝)")

# 2) 블랙박스 모델: 같은 데이터, 같은 시작 값, 학습률만 다르게 (스텝 예산 3,000)
problem = make_problem()
black_box, runs = {}, {}
for lr in [0.1, 0.5, 1.0]:
    run = gradient_descent(problem.loss, START_THETA, lr=lr, steps=3000, grad=problem.exact_gradient)
    black_box[f"$\\eta$ = {lr:g}"] = run.losses
    runs[lr] = run
    if run.status.name == "CONVERGED":  # 기울기의 크기가 1e-8 이하
        print(f"블랙박스 η = {lr:g}: 수렴, {run.steps} 스텝 만에 손실 {run.losses[-1]:.6f}")
    elif run.status.name == "DIVERGED":  # 손실이 시작 값의 1e8배를 넘음
        print(
            f"블랙박스 η = {lr:g}: 발산, {run.steps} 스텝째에 손실이 {run.losses[0]:.3g}에서 {run.losses[-1]:.3g}로 커짐"
        )
    else:
        print(
            f"블랙박스 η = {lr:g}: {run.steps} 스텝을 다 돌았지만 아직 수렴 기준에 못 미침, 손실 {run.losses[-1]:.6f}"
        )

# 손실이 같아 보여도 빠르기는 다르다: 가장 작은 손실 L*와의 차 L − L*로 비교한다 (그림의 오른쪽도 이 차)
lowest = min(losses.min() for losses in black_box.values())
excess = {label: losses - lowest for label, losses in black_box.items()}
for lr in [0.1, 0.5]:  # 수렴한 두 실행
    print(f"블랙박스 η = {lr:g}: L − L* < 1e-4가 되는 데 {(runs[lr].losses - lowest < 1e-4).argmax()} 스텝")

CAPTION = "학습률에 따른 경사 하강법: 이차 함수와 블랙박스 모델"  # 그림 아래의 짧은 설명
ALT = (
    "그래프 두 개 (넓은 화면에서는 나란히, 휴대폰에서는 위아래로). 첫째: 이차 함수에서 ηλ가 1보다 작으면 θ가 한쪽에서 0으로 "
    "다가가고, 1과 2 사이면 부호를 바꾸며 진동하면서 0으로 가고, 2보다 크면 진동이 점점 커진다. "
    "둘째: 블랙박스 모델에서 손실과 최솟값의 차 L − L*(로그 눈금)가 수렴하는 두 학습률에서 줄어드는데, η = 0.5에서가 "
    "η = 0.1에서보다 몇 배 빠르고, η = 1에서는 폭발한다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme 은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True 는 휴대폰용 좁은 배치."""
    return plotting.learning_rate_figure(quadratic, excess, excess=True, scheme=scheme, narrow=narrow)


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/learning_rate.png 로 저장한다
    plotting.save_png(figure(), "learning_rate")
