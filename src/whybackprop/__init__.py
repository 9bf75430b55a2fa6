"""whybackprop: numerical gradients, gradient descent and the cost of both, for one lecture chapter."""

from whybackprop.blackbox import BlackBoxProblem, make_problem, predict
from whybackprop.cost import (
    backprop_multiplications,
    forward_multiplications,
    lecture_step_multiplications,
    loss_evaluations,
    loss_multiplications,
    numerical_gradient_multiplications,
    stacked_network_multiplications,
)
from whybackprop.descent import DescentResult, Status, gradient_descent
from whybackprop.gradient import METHODS, CountingFunction, count_calls, numerical_gradient
from whybackprop.mlp import MLP
from whybackprop.timing import predicted_seconds

__all__ = [
    "METHODS",
    "MLP",
    "BlackBoxProblem",
    "CountingFunction",
    "DescentResult",
    "Status",
    "backprop_multiplications",
    "count_calls",
    "forward_multiplications",
    "gradient_descent",
    "lecture_step_multiplications",
    "loss_evaluations",
    "loss_multiplications",
    "make_problem",
    "numerical_gradient",
    "numerical_gradient_multiplications",
    "predict",
    "predicted_seconds",
    "stacked_network_multiplications",
]
