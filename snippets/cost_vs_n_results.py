# --8<-- [start:lesson]
"""benchmarks/cost_vs_n.py 가 잰 결과(저장소의 JSON 파일)를 표와 로그-로그 그림으로 본다. 저장소 최상위 폴더에서 실행한다."""

import json
from pathlib import Path

results = json.loads(Path("benchmarks/results/cost_vs_n.json").read_text(encoding="utf-8"))


def row(p):
    """표의 한 줄: N, 수치적 기울기(초, 추정값에는 *), 역전파(ms), 비율."""
    numerical, backprop = p["numerical"], p["backprop"]
    mark = "*" if numerical["estimated"] else " "
    return (
        f"{p['n_params']:>7,}{numerical['seconds']:>11.4g}{mark}"
        f"{backprop['seconds'] * 1e3:>10.3f}{p['ratio']:>8,.0f}"
    )


print("       수치적 기울기      역전파")
print("      N       (초)       (ms)     비율")
for p in results["points"]:
    print(row(p))
print("* 추정값: 좌표 일부만으로 잰 시간을")
print("  손실 평가 N+1번으로 늘린 값")
slopes = results["slopes"]
print("증가 차수(로그-로그 기울기)")
print(f"  수치적 기울기 {slopes['numerical']:.2f}, 역전파 {slopes['backprop']:.2f}")
# --8<-- [end:lesson]

# 여기부터는 그림을 그리는 코드다. 페이지에는 위의 lesson 부분만 나온다.
from whybackprop import plotting

CAPTION = "매개 변수 개수 N에 따른 기울기 한 번의 시간과 곱셈 수 (로그-로그)"  # 그림 아래의 짧은 설명
ALT = (
    "로그-로그 그래프 두 개: 매개 변수 개수 N이 늘 때 기울기 한 번에 드는 시간(위)과 "
    f"곱셈 수(아래). 시간의 증가 차수는 수치적 기울기 {slopes['numerical']:.2f}, 역전파 "
    f"{slopes['backprop']:.2f}로, N이 클수록 둘의 간격이 벌어진다. 아래 그래프에서 강의의 어림 N(N+1) 점선은 "
    "수치적 기울기의 곱셈 수와 나란하다."
)  # 그림을 볼 수 없는 독자를 위한 설명


def figure(scheme: str = "light", narrow: bool = False):
    """그림: scheme은 "light"(밝은 화면) 또는 "dark"(어두운 화면), narrow=True는 휴대폰용 좁은 그림."""
    return plotting.cost_vs_n_figure(results, scheme=scheme, narrow=narrow)


if __name__ == "__main__":  # 스크립트로 실행하면 그림을 figures/cost_vs_n.png로 저장한다
    plotting.save_png(figure(), "cost_vs_n")
