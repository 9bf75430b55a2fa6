"""Floating-point numbers (float64) carry finitely many significant digits: machine epsilon, and the good step sizes ε it sets."""

import numpy as np

machine_eps = np.finfo(np.float64).eps  # the gap between 1 and the next larger float64 number
print(f"machine epsilon = {machine_eps:.3e} = 2⁻⁵² ? {machine_eps == 2.0**-52}")
print("nextafter(1) − 1 == machine epsilon ?", np.nextafter(1.0, 2.0) - 1.0 == machine_eps)
print("1 + 0.51 × machine epsilon == 1 ?", 1.0 + 0.51 * machine_eps == 1.0)
print("(it rounds to the nearest float64, above 1)")
print(f"good forward ε: √machine epsilon ≈ {np.sqrt(machine_eps):.2e}")
print(f"good central ε: ∛machine epsilon ≈ {np.cbrt(machine_eps):.2e}")
