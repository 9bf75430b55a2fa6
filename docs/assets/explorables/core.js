// The widgets' pure numerics and number formatting: no page, no DOM. Each function recomputes
// what whybackprop computes, in the same float64 operations and order, so the tests can compare
// them with the package (in Node: tests/test_explorables_core.py). The page gets them as
// window.whyBackpropCore; Node gets them with require().
((root, make) => {
  const core = make();
  if (typeof module === "object" && module.exports) module.exports = core;
  else root.whyBackpropCore = root.whyBackpropCore || core;
})(globalThis, () => {
  "use strict";

  // ---- numbers as the widgets print them --------------------------------------------------------

  const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
  const power = (exponent) => `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] || "")}`;

  // x with `digits` significant digits; 1.23×10⁻⁸ outside [0.001, 10000). No digits: all of x's.
  const sci = (x, digits) => {
    if (x === 0) return "0";
    const [mantissa, exponent] = (digits ? x.toExponential(digits - 1) : x.toExponential()).split("e");
    const e = Number(exponent);
    if (e >= -3 && e < 4) return String(Number(digits ? x.toPrecision(digits) : x));
    return `${mantissa}×${power(e)}`;
  };

  // A whole number (Number or BigInt) with thousands separators.
  const grouped = (digits) => String(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

  // A huge integer as a reader takes it in: 1.45 × 10¹⁹ (three significant digits, exact BigInt
  // arithmetic, half to even as Python's format does); below 10⁹ the grouped digits themselves.
  const SHORT_FROM = 10n ** 9n;
  const shortInteger = (value) => {
    const n = BigInt(value);
    if (n < SHORT_FROM) return grouped(n);
    const digits = String(n), exponent = digits.length - 1;
    let head = BigInt(digits.slice(0, 3));
    const rest = digits.slice(3), half = `5${"0".repeat(rest.length - 1)}`;
    if (rest > half || (rest === half && head % 2n === 1n)) head += 1n;
    let mantissa = String(head), e = exponent;
    if (mantissa.length > 3) { mantissa = mantissa.slice(0, 3); e += 1; }
    return `${mantissa[0]}.${mantissa.slice(1)} × ${power(e)}`;
  };

  // Python's f"{x:.{p}g}": correctly rounded, ties to even (JavaScript's toPrecision breaks ties
  // upwards, so exact ties are found and rounded again), trailing zeros dropped, e-notation when
  // the exponent is below -4 or at least p.
  const formatG = (x, p) => {
    if (x === 0) return "0";
    let text = x.toExponential(p - 1);
    // x's decimal expansion (exact for any tie: a tie has few digits): 5 then only zeros is a tie.
    const [all, exact] = x.toExponential(99).split("e");
    const digits = all.replace(".", "");
    if (/^50*$/.test(digits.slice(p))) { // round the digits half to even
      const kept = digits.slice(0, p), last = Number(kept[kept.length - 1]);
      if (last % 2 === 0) text = `${kept[0]}${p > 1 ? `.${kept.slice(1)}` : ""}e${exact}`;
    }
    const [mantissa, exp] = text.split("e"), e = Number(exp);
    if (e < -4 || e >= p) {
      const m = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
      return `${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
    }
    const fixed = Number(text).toFixed(Math.max(0, p - 1 - e));
    return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
  };

  // Python's f"{x:,.0f}": half to even, thousands separators.
  const wholeGrouped = (x) => {
    let k = Math.round(x);
    if (Math.abs(x % 1) === 0.5 && k % 2 !== 0) k -= 1;
    return grouped(k);
  };

  // The prose's rule for numbers and durations (hooks/values/_format.py; a Node test compares the
  // two over many values): large() groups by 만/억/조 or million/billion/trillion, figure() gives
  // a duration's number 2 significant digits below 100 and a whole number from 100 up.
  const UNITS = {
    ko: [[1e12, "조"], [1e8, "억"], [1e4, "만"]],
    en: [[1e12, " trillion"], [1e9, " billion"], [1e6, " million"]],
  };
  const large = (value, lang, digits = 3) => {
    for (const [size, name] of UNITS[lang]) {
      if (Math.abs(value) >= size) {
        const units = value / size;
        return Math.abs(units) >= 10 ** digits ? `${wholeGrouped(units)}${name}` : `${formatG(units, digits)}${name}`;
      }
    }
    return wholeGrouped(value);
  };
  const figure = (value, lang) => {
    const rounded = Number(formatG(value, 2));
    return rounded < 100 ? formatG(rounded, 6) : large(value, lang);
  };

  const TIME_WORDS = {
    ko: { s: "초", min: "분", h: "시간", day: "일", year: "년", about: "약 ", before: "" },
    en: { s: " s", min: " minutes", h: " hours", day: " days", year: " years", about: "about ", before: " " },
  };
  const MINUTE = 60, HOUR = 3600, DAY = 86400, YEAR = 365.25 * DAY;
  const unit = (number, word, lang) => {
    if (lang === "en" && number === "1" && word !== " s") return number + word.replace(/s$/, ""); // "about 1 hour"
    if (lang === "ko" && /[만억조]$/.test(number)) return `${number} ${word}`; // "1,038만 년"
    return number + word;
  };

  // One rule for every duration on the site, prose and widgets: milliseconds below 1 s, seconds
  // below a minute, "N s (about M minutes)" below an hour, then about so many hours (below 2 days),
  // days (below 2 years) or years.
  const duration = (seconds, lang) => {
    const w = TIME_WORDS[lang];
    if (seconds < 1) return `${figure(seconds * 1e3, lang)} ms`;
    if (seconds < MINUTE) return unit(figure(seconds, lang), w.s, lang);
    if (seconds < HOUR) return `${unit(figure(seconds, lang), w.s, lang)}${w.before}(${w.about}${unit(figure(seconds / MINUTE, lang), w.min, lang)})`;
    if (seconds < 2 * DAY) return w.about + unit(figure(seconds / HOUR, lang), w.h, lang);
    if (seconds < 2 * YEAR) return w.about + unit(figure(seconds / DAY, lang), w.day, lang);
    return w.about + unit(figure(seconds / YEAR, lang), w.year, lang);
  };

  // A typed number: "1e-8", "−0.5", "100,000", also "1.3×10⁻⁸" as the widgets print it.
  const parseNumber = (text) => {
    const clean = text
      .replace(/[,\s]/g, "")
      .replace(/[−–]/g, "-")
      .replace(/[×x*]10\^?([-+⁻]?[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/i, (m, e) =>
        `e${e.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => "-0123456789"["⁻⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)])}`);
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean) ? Number(clean) : NaN;
  };

  // ---- Korean particles after numbers and symbols -----------------------------------------------

  // A particle follows how the word before it is read: 0.68 is 영점육팔 (ends in 팔: 0.68로),
  // 3 is 삼 (3으로), ε is 엡실론 (ε으로), 10⁻⁸ is 10의 마이너스 8승 (10⁻⁸으로).
  // The final sound of each reading: "" none, "l" the consonant ㄹ, "c" any other consonant.
  const DIGIT_END = ["c", "l", "", "c", "", "", "c", "l", "l", ""]; // 영 일 이 삼 사 오 육 칠 팔 구
  const POWER_OF_TEN_END = ["c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", "c", ""]; // 십 백 천 만 … 억 … 조
  const SYMBOL_END = {
    ε: "c", η: "", λ: "", θ: "", N: "c", n: "c", L: "l", l: "l", M: "c", m: "c", R: "l", r: "l",
    a: "", b: "", c: "", d: "", x: "", y: "", "%": "", S: "", s: "",
  };
  const PAIRS = { 이: ["이", "가"], 가: ["이", "가"], 은: ["은", "는"], 는: ["은", "는"], 을: ["을", "를"], 를: ["을", "를"], 으로: ["으로", "로"], 로: ["으로", "로"] };

  const finalSound = (word) => {
    const text = word.replace(/[\s)\]’”]+$/, "");
    const last = text[text.length - 1] || "";
    const code = last.charCodeAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) {
      const jong = (code - 0xac00) % 28;
      return jong === 0 ? "" : jong === 8 ? "l" : "c";
    }
    if (/[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(last)) return "c"; // …승
    if (/\d/.test(last)) {
      const number = text.replace(/,/g, "").match(/[\d.]+$/)[0];
      if (number.includes(".") || !/0$/.test(number) || /^0+$/.test(number)) return DIGIT_END[Number(last)];
      const zeros = number.match(/0+$/)[0].length;
      return POWER_OF_TEN_END[Math.min(zeros, 12) - 1];
    }
    if (last in SYMBOL_END) return SYMBOL_END[last];
    throw new Error(`no reading known for the end of ${JSON.stringify(word)}`);
  };

  // word + the particle that fits it: josa("0.68", "로") → "0.68로", josa("ε", "로") → "ε으로".
  const josa = (word, particle) => {
    const pair = PAIRS[particle];
    if (!pair) throw new Error(`unknown particle ${JSON.stringify(particle)}; known: ${Object.keys(PAIRS).join(", ")}`);
    const end = finalSound(word);
    if (pair[0] === "으로") return word + (end === "c" ? "으로" : "로");
    return word + (end === "" ? pair[1] : pair[0]);
  };

  // ---- 1. finite differences -------------------------------------------------------------------

  // whybackprop.numerical_gradient with eps = h: divided by the step actually taken.
  const differences = (f, x, h) => {
    const up = x + h, down = x - h;
    return { forward: (f(up) - f(x)) / (up - x), central: (f(up) - f(down)) / (up - down) };
  };

  // ---- 2. the black box's loss and gradient descent -----------------------------------------------

  // numpy's float64 sum (pairwise: 8 accumulators for blocks up to 128 values), so that the mean
  // is the very same number whybackprop's loss computes.
  const numpySum = (values, start = 0, n = values.length - start) => {
    if (n < 8) {
      let s = 0;
      for (let i = 0; i < n; i++) s += values[start + i];
      return s;
    }
    if (n <= 128) {
      const r = values.slice(start, start + 8);
      let i = 8;
      for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += values[start + i + j];
      let s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) s += values[start + i];
      return s;
    }
    let half = Math.floor(n / 2);
    half -= half % 8;
    return numpySum(values, start, half) + numpySum(values, start + half, n - half);
  };

  // BlackBoxProblem.loss: mean((a tanh(bx + c) + d − y)²).
  const makeLoss = (data) => {
    const squares = new Array(data.x.length);
    return (theta) => {
      for (let i = 0; i < data.x.length; i++) {
        const r = theta[0] * Math.tanh(theta[1] * data.x[i] + theta[2]) + theta[3] - data.y[i];
        squares[i] = r * r;
      }
      return numpySum(squares) / squares.length;
    };
  };

  // BlackBoxProblem.exact_gradient: the chain rule, in the package's order of operations.
  const makeExactGradient = (data) => {
    const n = data.x.length, scale = 2.0 / n;
    const terms = [new Array(n), new Array(n), new Array(n), new Array(n)];
    return (theta) => {
      const [a, b, c, d] = theta;
      for (let i = 0; i < n; i++) {
        const t = Math.tanh(b * data.x[i] + c), residual = a * t + d - data.y[i], dt = a * (1.0 - t * t);
        terms[0][i] = residual * t;
        terms[1][i] = residual * dt * data.x[i];
        terms[2][i] = residual * dt;
        terms[3][i] = residual;
      }
      return terms.map((values) => scale * numpySum(values));
    };
  };

  // A bound on how far a computed loss may be from the exact one (tanh within 4 ulp, every other
  // operation correctly rounded; the same derivation as the browser tests' loss_error_bound).
  const U = 2 ** -53;
  const lossErrorBound = (data, theta) => {
    const [a, b, c, d] = theta, n = data.x.length;
    let squares = 0, loss = 0;
    for (let i = 0; i < n; i++) {
      const bx = b * data.x[i], u = bx + c, at = a * Math.tanh(u), r = at + d - data.y[i];
      const dr = Math.abs(a) * 4 * U + U * (Math.abs(bx) + Math.abs(u) + Math.abs(at) + Math.abs(at + d) + Math.abs(r));
      squares += 2 * Math.abs(r) * dr + U * r * r;
      loss += r * r;
    }
    return squares / n + 11 * U * (loss / n);
  };

  // When does the loss "rise"? Two computed losses may differ from the exact ones by
  // lossErrorBound each, so a computed rise no larger than the sum of the two bounds may be
  // round-off alone (at η = 0.1 the last steps show rises of 7·10⁻¹⁸, against a bound near
  // 10⁻¹⁵): only a larger rise is a real one. Oscillation needs a real rise followed by a fall.
  const realRises = (data, thetas, losses) => {
    let rises = 0;
    for (let k = 1; k < losses.length; k++) {
      const threshold = lossErrorBound(data, thetas[k]) + lossErrorBound(data, thetas[k - 1]);
      if (losses[k] - losses[k - 1] > threshold) rises++;
    }
    return rises;
  };

  // One run of whybackprop.gradient_descent(loss, start, lr=eta, steps=..., grad=...), one update
  // at a time. gradient "exact": grad=problem.exact_gradient (one loss call per step, for the
  // loss after the update); "forward": the numerical gradient by forward differences with
  // h = √ε_mach·max(1, |θᵢ|) (N calls per step, plus the loss after the update; a run that stops
  // by converging has made the N calls of its last gradient too).
  const descentRun = (data, eta, gradient, start = data.start) => {
    if (gradient !== "exact" && gradient !== "forward") throw new Error(`gradient must be "exact" or "forward", got ${gradient}`);
    const loss = makeLoss(data), exact = makeExactGradient(data);
    const run = { theta: start.slice(), thetas: [start.slice()], losses: [loss(start)], status: "running", evaluations: 1, rises: 0 };
    const limit = data.explode * Math.max(Math.abs(run.losses[0]), 1e-300);
    run.step = () => {
      if (run.status !== "running") return;
      const theta = run.theta, f0 = run.losses[run.losses.length - 1];
      let g;
      if (gradient === "exact") g = exact(theta);
      else {
        g = theta.map((value, i) => {
          const up = value + data.step_base * Math.max(1, Math.abs(value));
          const moved = theta.slice();
          moved[i] = up;
          run.evaluations++;
          return (loss(moved) - f0) / (up - value);
        });
      }
      // np.linalg.norm of a float64 vector: the square root of the dot product.
      if (Math.sqrt(g.reduce((s, v) => s + v * v, 0)) <= data.tol) { run.status = "converged"; return; }
      run.theta = theta.map((v, k) => v - eta * g[k]);
      run.thetas.push(run.theta);
      const value = loss(run.theta);
      run.evaluations++;
      run.losses.push(value);
      if (value - f0 > lossErrorBound(data, run.theta) + lossErrorBound(data, theta)) run.rises++; // see realRises
      if (!Number.isFinite(value) || Math.abs(value) > limit) run.status = "diverged";
    };
    return run;
  };

  // gradient_descent(loss, start, lr=eta, steps=..., grad=grad) on the (a, d) plane of the contour
  // figure: b and c fixed at c.best, the loss and the exact gradient's two components there.
  const planeDescentRun = (data, c, eta, start) => {
    const loss = makeLoss(data), exact = makeExactGradient(data);
    const full = (u) => { const theta = c.best.slice(); theta[c.plane[0]] = u[0]; theta[c.plane[1]] = u[1]; return theta; };
    const run = { thetas: [start.slice()], losses: [loss(full(start))], status: "running" };
    const limit = data.explode * Math.max(Math.abs(run.losses[0]), 1e-300);
    run.step = () => {
      if (run.status !== "running") return;
      const u = run.thetas[run.thetas.length - 1], g = exact(full(u));
      const gu = c.plane.map((i) => g[i]);
      if (Math.sqrt(gu[0] * gu[0] + gu[1] * gu[1]) <= data.tol) { run.status = "converged"; return; }
      const next = [u[0] - eta * gu[0], u[1] - eta * gu[1]];
      run.thetas.push(next);
      const value = loss(full(next));
      run.losses.push(value);
      if (!Number.isFinite(value) || Math.abs(value) > limit) run.status = "diverged";
    };
    return run;
  };

  // The contours of the loss on that plane. The model is linear in a and d, so the loss there is
  // exactly quadratic: L(u) = L(u*) + ½ (u − u*)ᵀ H (u − u*), H = 2 [[mean t², mean t], [mean t, 1]]
  // with t = tanh(b x + c). Each level ℓ is the ellipse (u − u*)ᵀ H (u − u*) = 2 (ℓ − L(u*)). The
  // levels are the static figure's: L(best) + (largest L in the frame − L(best))·geomspace(10⁻³, 1, 14).
  const contourEllipses = (data, c) => {
    const [b, cc] = [c.best[1], c.best[2]], n = data.x.length;
    let mtt = 0, mt = 0, mty = 0, my = 0;
    for (let i = 0; i < n; i++) {
      const t = Math.tanh(b * data.x[i] + cc);
      mtt += t * t; mt += t; mty += t * data.y[i]; my += data.y[i];
    }
    [mtt, mt, mty, my] = [mtt / n, mt / n, mty / n, my / n];
    const det = mtt - mt * mt, center = [(mty - mt * my) / det, (mtt * my - mt * mty) / det];
    const loss = makeLoss(data);
    const at = (u) => { const theta = c.best.slice(); theta[c.plane[0]] = u[0]; theta[c.plane[1]] = u[1]; return loss(theta); };
    const low = at(c.plane.map((i) => c.best[i])), lowest = at(center);
    const corners = [[c.xlim[0], c.ylim[0]], [c.xlim[0], c.ylim[1]], [c.xlim[1], c.ylim[0]], [c.xlim[1], c.ylim[1]]];
    const high = Math.max(...corners.map(at));
    // H's eigenvalues and eigenvectors (symmetric 2 × 2).
    const [p, q, r] = [2 * mtt, 2 * mt, 2];
    const mean = (p + r) / 2, spread = Math.hypot((p - r) / 2, q);
    const lambdas = [mean + spread, mean - spread];
    const angle = 0.5 * Math.atan2(2 * q, p - r);
    const axes = [[Math.cos(angle), Math.sin(angle)], [-Math.sin(angle), Math.cos(angle)]];
    const levels = Array.from({ length: 14 }, (_, k) => low + (high - low) * 10 ** (-3 + (3 * k) / 13));
    return levels.filter((level) => level > lowest).map((level) => {
      const radii = lambdas.map((lam) => Math.sqrt((2 * (level - lowest)) / lam));
      return {
        level,
        point: (phi) => [0, 1].map((j) => center[j] + radii[0] * Math.cos(phi) * axes[0][j] + radii[1] * Math.sin(phi) * axes[1][j]),
      };
    });
  };

  // The evaluation count of a run in words' numbers: 1 + (N + 1)·S, plus N when it converged.
  const evaluationCount = (n, steps, converged) => 1 + (n + 1) * steps + (converged ? n : 0);

  // ---- 3. cost -----------------------------------------------------------------------------------

  // whybackprop.timing.stacked_depth: max(1, round(N / (w² + w))), Python's round (half to even).
  const stackedDepth = (n, width) => {
    const per = BigInt(width * width + width);
    let q = BigInt(n) / per;
    const r = BigInt(n) % per;
    if (2n * r > per || (2n * r === per && q % 2n === 1n)) q += 1n;
    return q > 0n ? q : 1n;
  };

  // whybackprop.cost.stacked_network_multiplications, in exact integers.
  const stackedCounts = (width, depth, batch) => {
    const w = BigInt(width), b = BigInt(batch), dep = BigInt(depth);
    const nParams = dep * (w * w + w), weights = dep * w * w;
    const loss = b * weights + b * w + 1n, hidden = (dep - 1n) * w;
    return {
      n_params: nParams,
      numerical: (nParams + 1n) * loss,
      backprop: b * (3n * weights - w * w + w + 2n * hidden) + 1n,
    };
  };

  // The exact count over the lecture's N(N + 1), for the benchmark network nearest N.
  const lectureFactor = (counts) => Number(counts.numerical) / Number(counts.n_params * (counts.n_params + 1n));

  // ---- charts ------------------------------------------------------------------------------------

  // Round ticks (1, 2 or 5 times a power of ten) covering [lo, hi], about `count` of them.
  const niceTicks = (lo, hi, count = 5) => {
    const raw = (hi - lo) / Math.max(1, count - 1);
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) || 10 * magnitude;
    const ticks = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
    return ticks;
  };

  // A log axis' range in decades, padded by a fifth of a decade so a plateau clears the frame.
  const LOG_PAD = 0.2;
  const logRange = (values) => {
    const finite = values.filter((v) => Number.isFinite(v) && v > 0);
    const lo = Math.log10(Math.min(...finite)) - LOG_PAD, hi = Math.log10(Math.max(...finite)) + LOG_PAD;
    return hi - lo < 1 ? [lo - (1 - (hi - lo)) / 2, hi + (1 - (hi - lo)) / 2] : [lo, hi];
  };

  return {
    power, sci, grouped, shortInteger, formatG, large, duration, parseNumber, josa, finalSound,
    differences, numpySum, makeLoss, makeExactGradient, lossErrorBound, realRises, descentRun, planeDescentRun, contourEllipses, evaluationCount,
    stackedDepth, stackedCounts, lectureFactor, niceTicks, logRange, LOG_PAD,
  };
});
