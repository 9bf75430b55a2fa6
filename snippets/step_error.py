# --8<-- [start:lesson]
"""간격 ε을 바꾸며 f(x) = sin x의 수치적 기울기 오차를 잰다 (참값은 cos x)."""

import numpy as np

from whybackprop import numerical_gradient


def relative_error(x, eps, method):
    """x에서의 상대 오차 |수치적 기울기 − cos x| / |cos x|."""
    slope = numerical_gradient(np.sin, x, eps=eps, method=method)
    return abs(slope - np.cos(x)) / abs(np.cos(x))


steps = np.logspace(-15, 0, 61)  # ε = 10⁻¹⁵ … 1 (1 + 10⁻¹⁶은 float64에서 1이다)
errors = {  # x = 1에서의 상대 오차
    method: np.array([relative_error(1.0, h, method) for h in steps]) for method in ["forward", "central"]
}

print("x = 1에서의 상대 오차")
print("        ε       전진 차분        중앙 차분")
rows = zip(steps, errors["forward"], errors["central"])
for h, forward, central in list(rows)[::6]:
    print(
        f"{h:9.1e}",
        f"{forward:14.2e}",
        f"{central:14.2e}",
    )

# 한 점의 격자에서 가장 작은 오차는 운이 좋았을 뿐일 수 있다: 좋은 간격 ε*에서 여러 점의 중앙값을 본다
machine_eps = np.finfo(float).eps
points = np.random.default_rng(0).uniform(-3, 3, 200)
best = {"forward": np.sqrt(machine_eps), "central": np.cbrt(machine_eps)}
median = {method: np.median([relative_error(p, eps, method) for p in points]) for method, eps in best.items()}
print("좋은 간격 ε*에서 무작위 x 200개의 상대 오차")
for method, eps in best.items():
    print(
        f"{method:>7}: ε* = {eps:.1e},",
        f"중앙값 {median[method]:.1e}",
    )
# --8<-- [end:lesson]

# 여기부터는 그림을 그리는 코드다. 페이지에는 위의 lesson 부분만 나온다.
from whybackprop import plotting

CAPTION = "간격 ε에 따른 x = 1에서 수치적 기울기의 상대 오차 (로그-로그)"  # 그림 아래의 짧은 설명
ALT = (
    "로그-로그 그래프: 간격 ε가 작아지면 오차가 처음에는 줄어들다가(전진 차분은 "
    "로그-로그 기울기 1, 중앙 차분은 2), 너무 작아지면 반올림 오차 때문에 다시 커진다. 가장 작은 오차는 "
    "전진 차분이 √기계 엡실론 근처, 중앙 차분이 ∛기계 엡실론 근처에서 나온다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True는 휴대폰용 좁은 그림."""
    return plotting.step_error_figure(
        steps,
        {"전진 차분": errors["forward"], "중앙 차분": errors["central"]},
        machine_eps=machine_eps,
        scheme=scheme,
        narrow=narrow,
    )


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/step_error.png로 저장한다
    plotting.save_png(figure(), "step_error")
