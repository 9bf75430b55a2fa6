"""기울기 검사: 기울기 코드(여기서는 exact_gradient)를 중앙 차분 수치적 기울기와 비교해 검사한다."""

from whybackprop import make_problem, numerical_gradient
from whybackprop.blackbox import PARAMETER_NAMES, START_THETA
from whybackprop.gradcheck import check_gradient, relative_errors

SUSPICIOUS = 1e-4  # 성분별 상대 오차가 이보다 크면 기울기 코드를 의심한다
problem = make_problem()
exact = problem.exact_gradient(START_THETA)  # 검사할 기울기 코드의 값

forward = numerical_gradient(problem.loss, START_THETA)  # 비교용: 전진 차분
print(f"전진 차분과 비교: 가장 큰 상대 오차 {relative_errors(forward, exact).max():.1e}")
check = check_gradient(problem.loss, exact, START_THETA)  # 중앙 차분, 모든 좌표
print(f"중앙 차분과 비교: 가장 큰 상대 오차 {check.errors.max():.1e}")
assert check.errors.max() < SUSPICIOUS, "gradient check failed"


def wrong_gradient(theta):
    """일부러 실수를 넣은 기울기 코드: ∂L/∂d = (2/M)Σ r_i에서 2를 빠뜨렸다."""
    gradient = problem.exact_gradient(theta)
    gradient[3] /= 2
    return gradient


bad = check_gradient(problem.loss, wrong_gradient(START_THETA), START_THETA)
print("실수를 넣은 기울기 코드:")
for name, error in zip(PARAMETER_NAMES, bad.errors):
    print(f"  ∂L/∂{name}: 상대 오차 {error:.1e}" + ("  ← 의심" if error > SUSPICIOUS else ""))
assert bad.errors.max() > SUSPICIOUS
