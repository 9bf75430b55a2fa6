"""How far the widgets' numbers (docs/assets/explorables/core.js) may honestly be from whybackprop's.

The widgets repeat the package's float64 operations in the same order. Where the two can still
differ (JavaScript's Math.sin / Math.tanh against the C library's and NumPy's), the tolerance is
derived here from how far a last-bit difference can travel, never picked to make a run pass.
Used by the Node tests of core.js and by the browser tests.
"""

from __future__ import annotations

import math

import numpy as np

from whybackprop import make_problem, numerical_gradient

U = 2.0**-53  # unit roundoff of float64: a correctly rounded operation errs by at most U relative
PROBLEM = make_problem()
# NumPy's SIMD tanh and V8's Math.tanh are each a few ulp from the exact tanh (we measured them up to
# 3 ulp apart); we allow 4 ulp on each side. |tanh| < 1, so its ulp is at most 2U.
TANH_DIFFERENCE = 2 * 4 * 2 * U


def ulp(x: float) -> float:
    return math.ulp(abs(x))


def epsilon_tolerance(eps: float, method: str) -> tuple[float, float]:
    """How far the widget's estimate may be from whybackprop's, and its relative error.

    JavaScript's Math.sin and the C library's sin are each faithfully rounded (error < 1 ulp),
    so they may return neighbouring floats: each sin value may differ by 1 ulp. The steps,
    x ± ε, and the step actually taken are the same IEEE operations on both sides, hence equal.
    So the difference of the two sin values may differ by ulp(sin up) + ulp(sin down), which the
    division by the step magnifies by 1/step (at ε = 10⁻¹⁵ that is about 0.2 of the estimate:
    the estimate itself is mostly round-off there). The subtraction and the division may then
    round differently: 1 ulp of the estimate each.
    """
    x = 1.0
    up = x + eps
    down = x if method == "forward" else x - eps
    taken = up - down
    estimate = float(numerical_gradient(np.sin, x, eps=eps, method=method))
    d_estimate = (ulp(math.sin(up)) + ulp(math.sin(down))) / taken + 2 * ulp(estimate)
    # relative error |estimate - cos 1| / |cos 1|: cos 1 itself may differ by 1 ulp
    d_error = (d_estimate + ulp(math.cos(x))) / abs(math.cos(x)) + 2 * ulp(abs(estimate - math.cos(x)))
    return d_estimate, d_error


def loss_error_bound(theta: np.ndarray) -> float:
    """A bound on |computed L(θ) − exact L(θ)| for either side (the widget's or NumPy's).

    r_i = a·tanh(b x_i + c) + d − y_i: tanh within 4 ulp of the exact one, and |tanh| < 1 makes
    an ulp at most U (of |a|·tanh: |a|·4U). The four other operations round by U of their result.
    Squaring doubles the relative error and rounds once more. The mean adds 50 squares in
    NumPy's pairwise order (which the widget copies: an addition chain at most 10 deep), each
    addition erring by U of its partial sum, and divides once.
    """
    a, b, c, d = theta
    u = b * PROBLEM.x + c
    t = np.tanh(u)
    r = a * t + d - PROBLEM.y
    d_r = abs(a) * 4 * U + U * (
        np.abs(b * PROBLEM.x) + np.abs(u) + np.abs(a * t) + np.abs(a * t + d) + np.abs(r)
    )
    d_squares = 2 * np.abs(r) * d_r + U * r**2
    loss = float(np.mean(r**2))
    return float(np.mean(d_squares)) + 11 * U * loss


def exact_gradient_error_bound(theta: np.ndarray) -> np.ndarray:
    """A bound on |widget's exact_gradient(θ) − whybackprop's|, per component.

    Both sides make the same operations except tanh, whose values may differ by TANH_DIFFERENCE.
    Each further operation may round differently on the two sides: 2U of its result. A product's
    difference is the sum of each factor's difference times the other factor; the pairwise sums
    of 50 terms (an addition chain at most 10 deep) differ by at most 2·10U of the sum of |terms|.
    """
    a, b, c, d = theta
    x = PROBLEM.x
    t = np.tanh(b * x + c)
    r = a * t + d - PROBLEM.y
    one_minus = 1.0 - t**2
    dt = a * one_minus
    d_t = TANH_DIFFERENCE
    d_r = abs(a) * d_t + 2 * U * (np.abs(a * t) + np.abs(a * t + d) + np.abs(r))
    d_one_minus = 2 * np.abs(t) * d_t + 2 * U * (t**2 + np.abs(one_minus))
    d_dt = abs(a) * d_one_minus + 2 * U * np.abs(dt)
    terms = [r * t, r * dt * x, r * dt, r]
    d_terms = [
        np.abs(r) * d_t + np.abs(t) * d_r + 2 * U * np.abs(r * t),
        (np.abs(r) * d_dt + np.abs(dt) * d_r) * np.abs(x) + 4 * U * np.abs(r * dt * x),
        np.abs(r) * d_dt + np.abs(dt) * d_r + 2 * U * np.abs(r * dt),
        d_r,
    ]
    scale = 2.0 / x.size
    sums = np.array(
        [float(np.sum(d)) + 20 * U * float(np.sum(np.abs(term))) for d, term in zip(d_terms, terms)]
    )
    gradient = PROBLEM.exact_gradient(theta)
    return scale * sums + 2 * U * np.abs(gradient)


def hessian(theta: np.ndarray) -> np.ndarray:
    """∂²L by central differences of the exact gradient (only used to bound how errors grow)."""
    h = 1e-5
    columns = []
    for j in range(4):
        step = np.zeros(4)
        step[j] = h
        columns.append(
            (PROBLEM.exact_gradient(theta + step) - PROBLEM.exact_gradient(theta - step)) / (2 * h)
        )
    matrix = np.array(columns)
    return (matrix + matrix.T) / 2


def gradient_difference(theta: np.ndarray, gradient: str) -> np.ndarray:
    """How far the two sides' gradients at the same θ may be apart.

    "forward": g_j = (L(θ + h_j e_j) − L(θ)) / h_j with h_j = √eps·max(1, |θ_j|) ≈ 1.5·10⁻⁸. Each L
    may err by e = loss_error_bound(θ) on either side, so each g_j may differ by 2·2e / h_j (the
    forward difference magnifies a last-bit difference of L by 1/h), plus the rounding of the
    quotient. "exact": exact_gradient_error_bound.
    """
    if gradient == "exact":
        return exact_gradient_error_bound(theta)
    steps = math.sqrt(float(np.finfo(float).eps)) * np.maximum(1.0, np.abs(theta))
    return 4 * loss_error_bound(theta) / steps + 2 * U * np.abs(PROBLEM.exact_gradient(theta))


def descent_tolerance(lr: float, history: np.ndarray, gradient: str = "forward") -> float:
    """A first-order bound on |θ_widget − θ_whybackprop| after the run in `history`.

    At step s the gradients may differ by δg_s (gradient_difference). A difference δ in θ already
    present is carried to the next step by the update map θ − η∇L(θ), whose Jacobian is I − ηH;
    ‖I − ηH_s‖₂ (H from the exact gradient) bounds how much it can grow. So
        B_{s+1} = ‖I − ηH_s‖₂·B_s + η·‖δg_s‖₂ + U·‖θ_{s+1}‖₂,   B_0 = 0.
    """
    bound = 0.0
    for theta, following in zip(history[:-1], history[1:]):
        d_g = gradient_difference(theta, gradient)
        growth = float(np.linalg.norm(np.eye(4) - lr * hessian(theta), 2))
        bound = growth * bound + lr * float(np.linalg.norm(d_g)) + U * float(np.linalg.norm(following))
    return bound
