"""numgrad: numerical gradients, gradient descent and the cost of both, for one lecture chapter."""

from numgrad.blackbox import BlackBoxProblem, make_problem, predict
from numgrad.descent import DescentResult, Status, gradient_descent
from numgrad.gradient import METHODS, CountingFunction, count_calls, numerical_gradient

__all__ = [
    "METHODS",
    "BlackBoxProblem",
    "CountingFunction",
    "DescentResult",
    "Status",
    "count_calls",
    "gradient_descent",
    "make_problem",
    "numerical_gradient",
    "predict",
]
