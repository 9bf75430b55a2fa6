"""간격 ε을 바꾸며 f(x) = sin x의 수치적 기울기 오차를 잰다 (참값은 cos x)."""

import numpy as np

from whybackprop import numerical_gradient, plotting

x, exact = 1.0, np.cos(1.0)
steps = np.logspace(-15, 0, 61)  # ε = 10⁻¹⁵ … 1 (1 + 10⁻¹⁶은 float64에서 1이다)
errors = {  # 상대 오차 |수치적 기울기 − cos 1| / |cos 1|
    method: np.array(
        [abs(numerical_gradient(np.sin, x, eps=h, method=method) - exact) / abs(exact) for h in steps]
    )
    for method in ["forward", "central"]
}

print("x = 1에서의 상대 오차")
print("      ε      전진 차분      중앙 차분")
for h, e_forward, e_central in list(zip(steps, errors["forward"], errors["central"]))[::6]:
    print(f"  {h:8.1e}   {e_forward:12.2e}   {e_central:12.2e}")

# 한 점의 격자에서 가장 작은 오차는 운이 좋았을 뿐일 수 있다: 좋은 간격 ε*에서 여러 점의 중앙값을 본다
machine_eps = np.finfo(float).eps
points = np.random.default_rng(0).uniform(-3, 3, 200)
for method, best in [("forward", np.sqrt(machine_eps)), ("central", np.cbrt(machine_eps))]:
    error = [
        abs(numerical_gradient(np.sin, p, eps=best, method=method) - np.cos(p)) / abs(np.cos(p))
        for p in points
    ]
    print(f"{method:>7}: ε* = {best:.1e}에서 x 200개의 상대 오차 중앙값 {np.median(error):.1e}")

CAPTION = "간격 ε에 따른 x = 1에서 수치적 기울기의 상대 오차 (로그-로그)"  # 그림 아래의 짧은 설명
ALT = (
    "로그-로그 그래프: 간격 ε가 작아지면 오차가 처음에는 줄어들다가(전진 차분은 "
    "로그-로그 기울기 1, 중앙 차분은 2), 너무 작아지면 반올림 오차 때문에 다시 커진다. 가장 작은 오차는 "
    "전진 차분이 √기계 엡실론 근처, 중앙 차분이 ∛기계 엡실론 근처에서 나온다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme 은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True 는 휴대폰용 좁은 배치."""
    return plotting.step_error_figure(
        steps,
        {"전진 차분": errors["forward"], "중앙 차분": errors["central"]},
        machine_eps=machine_eps,
        scheme=scheme,
        narrow=narrow,
    )


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/step_error.png 로 저장한다
    plotting.save_png(figure(), "step_error")
