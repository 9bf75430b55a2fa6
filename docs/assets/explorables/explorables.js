// The chapter's three knobs, to turn by hand: the step ε, the learning rate η and the parameter
// count N. Each widget recomputes what whybackprop computes, in the same float64 operations and
// order, so the browser tests can compare its numbers with the package's. The data they need
// (the black box's samples, the benchmark's rates) is exported from whybackprop at build time by
// hooks/explorables.py. Every visible string is in TEXTS, one object per widget and language; the
// page's <html lang> picks the language ("en" for the English edition, Korean otherwise).
(function () {
  "use strict";
  if (window.whyBackpropExplorables) return; // instant navigation runs this script again

  var TEXTS = {};
  TEXTS.ko = {
    common: {
      clamped: function (typed, used) { return typed + "은(는) 범위 밖이라 " + used + "(으)로 맞췄습니다."; },
      notNumber: function (typed) { return "‘" + typed + "’은(는) 수가 아닙니다. 값을 바꾸지 않았습니다."; },
      rounded: function (typed, used) { return typed + "은(는) 정수가 아니라 " + used + "(으)로 반올림했습니다."; },
      failed: "데이터를 불러오지 못해 이 위젯을 쓸 수 없습니다. 위의 그림과 설명을 참고하세요.",
      typeHint: "직접 입력",
    },
    epsilon: {
      title: "직접 해 보기: 간격 ε 바꾸기",
      intro: "f(x) = sin x의 x = 1에서의 기울기(정답 cos 1)를 간격 ε로 어림합니다. ε를 슬라이더나 화살표 키로 바꿔 보세요.",
      knob: "간격 ε",
      forward: "전진 차분",
      central: "중앙 차분",
      estimate: "어림값",
      error: "상대 오차",
      exact: "정답 cos 1",
      chart: "간격 ε(가로, 로그 눈금)에 따른 상대 오차(세로, 로그 눈금). 점은 지금의 ε입니다.",
      xLabel: "간격 ε",
      yLabel: "상대 오차",
      summary: function (eps, ef, ec) { return "ε = " + eps + ": 전진 차분 상대 오차 " + ef + ", 중앙 차분 상대 오차 " + ec; },
    },
    descent: {
      title: "직접 해 보기: 학습률 η로 경사 하강법",
      intro: "블랙박스 모델을 수치적 기울기(전진 차분)로 학습합니다. η를 바꾸면 처음부터 다시 시작합니다.",
      knob: "학습률 η",
      step: "한 스텝",
      run: "실행",
      pause: "멈춤",
      reset: "처음으로",
      steps: "스텝",
      loss: "손실",
      evaluations: "손실 평가 횟수",
      evaluationsNote: "스텝마다 N + 1 = 5번",
      status: "상태",
      running: "학습 중",
      ready: "시작 전",
      converged: function (k, tol) { return k + "스텝 만에 수렴했습니다(기울기 크기 ≤ " + tol + ")."; },
      diverged: function (k, from, to, eta) {
        return k + "번째 스텝에서 발산했습니다. 손실이 " + from + "에서 " + to + "(으)로 폭발했습니다. 학습률 η = " + eta + "이(가) 너무 큽니다. 더 작은 η로 다시 해 보세요.";
      },
      overflow: "수로 나타낼 수 없을 만큼 커짐",
      stopped: "멈췄습니다. ‘처음으로’를 누르거나 η를 바꾸세요.",
      limit: function (k) { return k + "스텝까지만 실행합니다. 수렴하지 않았습니다."; },
      wiggle: "손실이 줄었다 늘었다 합니다: 학습률이 커서 최솟값을 사이에 두고 진동합니다.",
      chart: "스텝(가로)에 따른 손실(세로, 로그 눈금)",
      summary: function (k, loss, status) { return k + "스텝, 손실 " + loss + ", " + status; },
    },
    cost: {
      title: "직접 해 보기: 매개 변수 개수 N 바꾸기",
      intro: "N을 슬라이더나 화살표 키로 바꿔 보세요. 시간은 이 사이트의 벤치마크에서 잰 곱셈 속도로 어림합니다.",
      knob: "매개 변수 개수 N",
      evaluations: "수치적 기울기 한 번의 손실 평가",
      lecture: "한 스텝의 곱셈(강의의 어림 N(N + 1))",
      network: function (depth, n, width, batch) {
        return "벤치마크의 신경망: 폭 " + width + "인 층 " + depth + "개(매개 변수 " + n + "개), 예제 " + batch + "개";
      },
      numerical: "수치적 기울기",
      backprop: "역전파",
      multiplications: "한 스텝의 곱셈(정확히)",
      perStep: "한 스텝의 예상 시간",
      training: function (steps) { return "학습 " + steps + "스텝의 예상 시간"; },
      source: function (cpu, n) { return "곱셈 속도는 " + cpu + "에서 N = " + n + "일 때 잰 값입니다."; },
      summary: function (n, num, bp) { return "N = " + n + ": 학습 시간 수치적 기울기 " + num + ", 역전파 " + bp; },
      units: { year: "년", day: "일", hour: "시간", minute: "분", second: "초", milli: "밀리초", micro: "마이크로초" },
      big: [[1e12, "조"], [1e8, "억"], [1e4, "만"]],
      gap: "", // between a number and its unit: "38일"
    },
  };
  TEXTS.en = {
    common: {
      clamped: function (typed, used) { return typed + " is out of range, so " + used + " is used."; },
      notNumber: function (typed) { return "‘" + typed + "’ is not a number. The value is unchanged."; },
      rounded: function (typed, used) { return typed + " is not a whole number, so it was rounded to " + used + "."; },
      failed: "The data could not be loaded, so this widget cannot run. See the figure and the text above.",
      typeHint: "(type a value)",
    },
    epsilon: {
      title: "Try it: change the step ε",
      intro: "Estimate the slope of f(x) = sin x at x = 1 (exact: cos 1) with the step ε. Change ε with the slider or the arrow keys.",
      knob: "step ε",
      forward: "forward difference",
      central: "central difference",
      estimate: "estimate",
      error: "relative error",
      exact: "exact cos 1",
      chart: "Relative error (vertical, log scale) against the step ε (horizontal, log scale). The dot is the current ε.",
      xLabel: "step ε",
      yLabel: "relative error",
      summary: function (eps, ef, ec) { return "ε = " + eps + ": forward difference relative error " + ef + ", central difference relative error " + ec; },
    },
    descent: {
      title: "Try it: gradient descent with learning rate η",
      intro: "Train the black-box model with numerical gradients (forward difference). Changing η starts again from the beginning.",
      knob: "learning rate η",
      step: "One step",
      run: "Run",
      pause: "Pause",
      reset: "Reset",
      steps: "steps",
      loss: "loss",
      evaluations: "loss evaluations",
      evaluationsNote: "N + 1 = 5 per step",
      status: "status",
      running: "training",
      ready: "not started",
      converged: function (k, tol) { return "Converged after " + k + " steps (gradient norm ≤ " + tol + ")."; },
      diverged: function (k, from, to, eta) {
        return "Diverged at step " + k + ": the loss exploded from " + from + " to " + to + ". The learning rate η = " + eta + " is too large. Try again with a smaller η.";
      },
      overflow: "too large to represent as a number",
      stopped: "Stopped. Press ‘Reset’ or change η.",
      limit: function (k) { return "Runs for " + k + " steps at most. It has not converged."; },
      wiggle: "The loss goes down and up: the learning rate is large, so the run oscillates around the minimum.",
      chart: "Loss (vertical, log scale) against the step (horizontal)",
      summary: function (k, loss, status) { return k + " steps, loss " + loss + ", " + status; },
    },
    cost: {
      title: "Try it: change the number of parameters N",
      intro: "Change N with the slider or the arrow keys. Times are estimated from the multiplication speed measured by this site's benchmark.",
      knob: "number of parameters N",
      evaluations: "loss evaluations per numerical gradient",
      lecture: "multiplications per step (the lecture's estimate N(N + 1))",
      network: function (depth, n, width, batch) {
        return "The benchmark's network: " + depth + " layers of width " + width + " (" + n + " parameters), " + batch + " samples";
      },
      numerical: "numerical gradient",
      backprop: "backpropagation",
      multiplications: "multiplications per step (exact)",
      perStep: "estimated time per step",
      training: function (steps) { return "estimated time for " + steps + " training steps"; },
      source: function (cpu, n) { return "The multiplication speed was measured on " + cpu + " at N = " + n + "."; },
      summary: function (n, num, bp) { return "N = " + n + ": training time, numerical gradient " + num + ", backpropagation " + bp; },
      units: { year: "years", day: "days", hour: "hours", minute: "minutes", second: "s", milli: "ms", micro: "µs" },
      big: [[1e12, " trillion"], [1e9, " billion"], [1e6, " million"]],
      gap: " ", // "38 days"
    },
  };
  // The strings of the page's language, read when a widget is built (instant navigation may cross editions).
  function texts() {
    return TEXTS[document.documentElement.lang === "en" ? "en" : "ko"];
  }
  var TRAINING_STEPS = 10000;
  var SVG = "http://www.w3.org/2000/svg";

  // ---- shared helpers -------------------------------------------------------------------------

  function el(tag, attributes, children) {
    var node = tag.indexOf("svg:") === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    (children || []).forEach(function (child) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  var SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };
  function power(exponent) {
    return "10" + String(exponent).replace(/./g, function (c) { return SUPERSCRIPT[c] || ""; });
  }

  // x with `digits` significant digits; 1.23×10⁻⁸ outside [0.001, 10000). No digits: all of x's.
  function sci(x, digits) {
    if (x === 0) return "0";
    var parts = (digits ? x.toExponential(digits - 1) : x.toExponential()).split("e");
    var exponent = Number(parts[1]);
    if (exponent >= -3 && exponent < 4) return String(Number(digits ? x.toPrecision(digits) : x));
    return parts[0] + "×" + power(exponent);
  }

  function grouped(digits) {
    return String(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // Polite announcements, at most one a second; the last one always arrives.
  function announcer(region) {
    var last = 0, timer = null, pending = "";
    return function (text) {
      pending = text;
      if (timer) return;
      var wait = Math.max(0, last + 1000 - Date.now());
      timer = setTimeout(function () {
        timer = null;
        last = Date.now();
        region.textContent = pending;
      }, wait);
    };
  }

  // A labelled log-scale slider (its value is log10 of the quantity) with a box to type a value.
  // `fromSlider` maps the slider's exponent to the quantity, `parse` reads a typed value (NaN:
  // not a number), `show` formats the quantity. onChange(value, note) gets a note when the typed
  // value was changed (clamped or rounded).
  var knobCount = 0;
  function knob(options) {
    var id = "explorable-knob-" + ++knobCount;
    var range = el("input", { type: "range", id: id, min: options.min, max: options.max, step: options.step });
    var box = el("input", { type: "text", inputmode: "decimal", id: id + "-typed", autocomplete: "off", spellcheck: "false" });
    var wrap = el("div", { class: "explorable__knob" }, [
      el("label", { for: id }, [options.label]),
      range,
      el("label", { for: id + "-typed", class: "explorable__typed-label" }, [options.label + " " + texts().common.typeHint]),
      box,
    ]);
    var current;
    var plain = options.plain || String;
    function set(value) {
      current = value;
      range.value = String(Math.log10(value));
      range.setAttribute("aria-valuetext", options.label + " " + options.show(value));
      box.value = plain(value);
    }
    function typed() {
      var text = box.value.trim();
      if (text === plain(current)) return; // Enter, then the change event: once is enough
      var value = options.parse(text);
      if (!isFinite(value)) {
        options.onChange(current, texts().common.notNumber(text));
        set(current);
        return;
      }
      var used = options.round ? options.round(value) : value;
      var clamped = Math.min(options.high, Math.max(options.low, used));
      var note = "";
      if (clamped !== used) note = texts().common.clamped(text, options.show(clamped));
      else if (used !== value) note = texts().common.rounded(text, options.show(used));
      set(clamped);
      options.onChange(clamped, note);
    }
    range.addEventListener("input", function () {
      set(options.fromSlider(Number(range.value)));
      options.onChange(current, "");
    });
    box.addEventListener("change", typed);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        typed();
      } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault(); // arrows in the box move the slider one notch
        var notch = Number(range.value) + (event.key === "ArrowUp" ? 1 : -1) * Number(options.step);
        set(options.fromSlider(Math.min(options.max, Math.max(options.min, notch))));
        options.onChange(current, "");
      }
    });
    set(options.initial);
    return { node: wrap, range: range, box: box, value: function () { return current; } };
  }

  // An output line: a label and a value. The value keeps the exact number in data-value.
  function output(label, name) {
    var value = el("dd", { "data-name": name });
    var row = el("div", { class: "explorable__row" }, [el("dt", {}, [label]), value]);
    return {
      node: row,
      set: function (text, exact) {
        value.textContent = text;
        if (exact === undefined) value.removeAttribute("data-value");
        else value.setAttribute("data-value", String(exact));
      },
    };
  }

  // A log-scale chart drawn in SVG: axes with power-of-ten ticks and polylines.
  function chart(options) {
    var W = 600, H = 320, left = 84, right = 16, top = 14, bottom = 56;
    var svg = el("svg:svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": options.label, class: "explorable__chart" });
    var plot = el("svg:g");
    svg.append(plot);
    var scales = {};
    function axis(x0, x1, y0, y1, xLog) {
      scales = {
        x: function (x) { var v = xLog ? Math.log10(x) : x; return left + (v - x0) / (x1 - x0) * (W - left - right); },
        y: function (y) { return top + (y1 - Math.log10(y)) / (y1 - y0) * (H - top - bottom); },
      };
      plot.textContent = "";
      plot.append(el("svg:rect", { x: left, y: top, width: W - left - right, height: H - top - bottom, class: "explorable__frame" }));
      var yStep = Math.max(1, Math.ceil((y1 - y0) / 6));
      for (var e = Math.ceil(y0); e <= y1; e += yStep) {
        var y = scales.y(Math.pow(10, e));
        plot.append(el("svg:line", { x1: left, x2: W - right, y1: y, y2: y, class: "explorable__grid" }));
        plot.append(el("svg:text", { x: left - 8, y: y + 7, "text-anchor": "end" }, [power(e)]));
      }
      var xTicks = xLog ? [] : options.xTicks(x0, x1);
      if (xLog) for (var k = Math.ceil(x0); k <= x1; k += 3) xTicks.push([Math.pow(10, k), power(k)]);
      xTicks.forEach(function (tick) {
        plot.append(el("svg:text", { x: scales.x(tick[0]), y: H - bottom + 24, "text-anchor": "middle" }, [tick[1]]));
      });
      plot.append(el("svg:text", { x: (left + W - right) / 2, y: H - 6, "text-anchor": "middle" }, [options.xLabel]));
      plot.append(el("svg:text", { x: 0, y: 0, "text-anchor": "middle", transform: "translate(20 " + (top + H - bottom) / 2 + ") rotate(-90)" }, [options.yLabel]));
    }
    function line(points, className) {
      var d = points.map(function (p) { return scales.x(p[0]).toFixed(1) + "," + scales.y(p[1]).toFixed(1); }).join(" ");
      var node = el("svg:polyline", { points: d, class: className });
      plot.append(node);
      return node;
    }
    function dot(x, y, className) {
      var node = el("svg:circle", { cx: scales.x(x), cy: scales.y(y), r: 6, class: className });
      plot.append(node);
      return node;
    }
    return { node: svg, axis: axis, line: line, dot: dot, scales: function () { return scales; } };
  }

  function frame(root, title, intro) {
    var live = el("p", { class: "explorable__live", "aria-live": "polite" });
    var note = el("p", { class: "explorable__note", "aria-live": "polite" });
    root.append(el("p", { class: "explorable__title" }, [title]), el("p", {}, [intro]));
    return { live: live, note: note, announce: announcer(live) };
  }

  // ---- 1. ε explorer: f(x) = sin x at x = 1 -------------------------------------------------------

  // whybackprop.numerical_gradient with eps = h: divided by the step actually taken.
  function differences(f, x, h) {
    var up = x + h, down = x - h;
    return { forward: (f(up) - f(x)) / (up - x), central: (f(up) - f(down)) / (up - down) };
  }

  function buildEpsilon(root) {
    var t = texts().epsilon, x = 1, exact = Math.cos(1);
    var parts = frame(root, t.title, t.intro);
    var rows = {
      exact: output(t.exact, "exact"),
      forward: output(t.forward + " " + t.estimate, "forward"),
      forwardError: output(t.forward + " " + t.error, "forward-error"),
      central: output(t.central + " " + t.estimate, "central"),
      centralError: output(t.central + " " + t.error, "central-error"),
    };
    rows.exact.set(exact.toPrecision(16), exact);
    var FLOOR = 1e-13; // errors below this (even 0) sit on the chart's floor
    var plot = chart({ label: t.chart, xLabel: t.xLabel, yLabel: t.yLabel });
    plot.axis(-15, 0, -13, 1, true);
    var curves = { forward: [], central: [] };
    for (var e = -150; e <= 0; e++) {
      var h = Math.pow(10, e / 10), estimates = differences(Math.sin, x, h);
      ["forward", "central"].forEach(function (m) {
        curves[m].push([h, Math.max(FLOOR, Math.abs(estimates[m] - exact) / Math.abs(exact))]);
      });
    }
    plot.line(curves.forward, "explorable__line explorable__line--a");
    plot.line(curves.central, "explorable__line explorable__line--b");
    var legend = el("p", { class: "explorable__legend", "aria-hidden": "true" }, [
      el("span", { class: "explorable__key explorable__key--a" }), t.forward + "  ",
      el("span", { class: "explorable__key explorable__key--b" }), t.central,
    ]);
    var marks = { forward: plot.dot(1, 1, "explorable__dot explorable__dot--a"), central: plot.dot(1, 1, "explorable__dot explorable__dot--b") };

    function update(eps, note) {
      parts.note.textContent = note || "";
      var estimates = differences(Math.sin, x, eps), shown = {};
      ["forward", "central"].forEach(function (m) {
        var error = Math.abs(estimates[m] - exact) / Math.abs(exact);
        rows[m].set(estimates[m].toPrecision(16), estimates[m]);
        rows[m + "Error"].set(sci(error, 3), error);
        var s = plot.scales();
        marks[m].setAttribute("cx", s.x(eps));
        marks[m].setAttribute("cy", s.y(Math.max(FLOOR, error)));
        shown[m] = sci(error, 3);
      });
      parts.announce(t.summary(sci(eps), shown.forward, shown.central));
    }
    var control = knob({
      label: t.knob, min: -15, max: 0, step: 0.1, low: 1e-15, high: 1, initial: 1e-8,
      fromSlider: function (e) { return Number(Math.pow(10, e).toPrecision(2)); },
      parse: parseNumber, show: function (v) { return sci(v); }, onChange: update,
    });
    root.append(control.node, parts.note, el("dl", { class: "explorable__outputs" }, Object.keys(rows).map(function (k) { return rows[k].node; })), plot.node, legend, parts.live);
    update(control.value(), "");
  }

  // A typed number: "1e-8", "0.5", "100,000", also "1.3×10⁻⁸" as the widgets print it.
  function parseNumber(text) {
    var clean = text.replace(/[,\s]/g, "").replace(/[×x*]10\^?([-+⁻]?[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/i, function (m, e) {
      return "e" + e.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]/g, function (c) { return "-0123456789"["⁻⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)]; });
    });
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean) ? Number(clean) : NaN;
  }

  // ---- 2. gradient-descent stepper: the black box y = a tanh(bx + c) + d ---------------------------

  // numpy's float64 sum (pairwise: 8 accumulators for blocks up to 128 values), so that the mean
  // is the very same number whybackprop's loss computes.
  function numpySum(values, start, n) {
    var i, s;
    if (n < 8) {
      s = 0;
      for (i = 0; i < n; i++) s += values[start + i];
      return s;
    }
    if (n <= 128) {
      var r = values.slice(start, start + 8);
      for (i = 8; i < n - (n % 8); i += 8) for (var j = 0; j < 8; j++) r[j] += values[start + i + j];
      s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) s += values[start + i];
      return s;
    }
    var half = Math.floor(n / 2);
    half -= half % 8;
    return numpySum(values, start, half) + numpySum(values, start + half, n - half);
  }

  function makeLoss(data) {
    var squares = new Array(data.x.length);
    return function (theta) {
      for (var i = 0; i < data.x.length; i++) {
        var r = theta[0] * Math.tanh(theta[1] * data.x[i] + theta[2]) + theta[3] - data.y[i];
        squares[i] = r * r;
      }
      return numpySum(squares, 0, squares.length) / squares.length;
    };
  }

  // One run of whybackprop.gradient_descent(loss, start, lr=eta, steps=...), one update at a time.
  function descentRun(data, eta) {
    var loss = makeLoss(data);
    var theta = data.start.slice(), losses = [loss(theta)], evaluations = 1;
    var limit = data.explode * Math.max(Math.abs(losses[0]), 1e-300);
    var run = { theta: theta, losses: losses, status: "running", evaluations: 1 };
    run.step = function () {
      if (run.status !== "running") return;
      var f0 = losses[losses.length - 1], g = [], norm = 0;
      for (var i = 0; i < theta.length; i++) { // forward difference, h = sqrt(eps) max(1, |θi|)
        var up = theta[i] + data.step_base * Math.max(1, Math.abs(theta[i]));
        var moved = theta.slice();
        moved[i] = up;
        g.push((loss(moved) - f0) / (up - theta[i]));
        evaluations++;
        norm += g[i] * g[i];
      }
      run.evaluations = evaluations;
      if (Math.sqrt(norm) <= data.tol) { run.status = "converged"; return; }
      theta = theta.map(function (v, k) { return v - eta * g[k]; });
      var value = loss(theta);
      evaluations++;
      run.theta = theta;
      run.evaluations = evaluations;
      losses.push(value);
      if (!isFinite(value) || Math.abs(value) > limit) run.status = "diverged";
    };
    return run;
  }

  function buildDescent(root, data) {
    var t = texts().descent;
    var parts = frame(root, t.title, t.intro);
    var run, timer = null;
    var rows = { steps: output(t.steps, "steps"), loss: output(t.loss, "loss") };
    data.names.forEach(function (name) { rows[name] = output(name, name); });
    rows.evaluations = output(t.evaluations + " (" + t.evaluationsNote + ")", "evaluations");
    rows.status = output(t.status, "status");
    var wiggle = el("p", { class: "explorable__note", "data-name": "wiggle" });
    var plot = chart({
      label: t.chart, xLabel: t.steps, yLabel: t.loss,
      xTicks: function (x0, x1) { return [0, 0.25, 0.5, 0.75, 1].map(function (f) { var v = Math.round(x0 + f * (x1 - x0)); return [v, String(v)]; }); },
    });
    var button = function (label, name) { return el("button", { type: "button", "data-name": name }, [label]); };
    var stepButton = button(t.step, "step"), runButton = button(t.run, "run"), resetButton = button(t.reset, "reset");
    var MAX_STEPS = 5000;

    function statusText() {
      var k = run.losses.length - 1;
      if (run.status === "converged") return t.converged(k, sci(data.tol));
      if (run.status === "diverged") {
        var last = run.losses[k];
        return t.diverged(k, sci(run.losses[0], 3), isFinite(last) ? sci(last, 3) : t.overflow, sci(eta()));
      }
      if (k >= MAX_STEPS) return t.limit(MAX_STEPS);
      return k ? t.running : t.ready;
    }
    function show() {
      var k = run.losses.length - 1, loss = run.losses[k], done = run.status !== "running" || k >= MAX_STEPS;
      rows.steps.set(String(k), k);
      // A diverged loss may be Infinity or NaN: show the last finite values and say why instead.
      rows.loss.set(isFinite(loss) ? sci(loss, 6) : t.overflow, isFinite(loss) ? loss : undefined);
      data.names.forEach(function (name, i) {
        var v = run.theta[i];
        rows[name].set(isFinite(v) ? sci(v, 6) : t.overflow, isFinite(v) ? v : undefined);
      });
      rows.evaluations.set(grouped(run.evaluations), run.evaluations);
      rows.status.set(statusText());
      rows.status.node.querySelector("dd").setAttribute("data-status", run.status);
      var up = false, down = false;
      for (var i = 1; i < run.losses.length; i++) {
        if (run.losses[i] > run.losses[i - 1]) up = true;
        else if (up && run.losses[i] < run.losses[i - 1]) down = true;
      }
      wiggle.textContent = up && down ? t.wiggle : "";
      [stepButton, runButton].forEach(function (b) { b.setAttribute("aria-disabled", String(done)); });
      draw();
      parts.announce(t.summary(k, isFinite(loss) ? sci(loss, 3) : t.overflow, statusText()));
      return done;
    }
    function draw() {
      var finite = run.losses.filter(function (v) { return isFinite(v) && v > 0; });
      var lo = Math.floor(Math.log10(Math.min.apply(null, finite))), hi = Math.ceil(Math.log10(Math.max.apply(null, finite)));
      if (hi <= lo) hi = lo + 1;
      plot.axis(0, Math.max(50, run.losses.length - 1), lo, hi, false);
      plot.line(run.losses.map(function (v, i) { return [i, v]; }).filter(function (p) { return isFinite(p[1]) && p[1] > 0; }), "explorable__line explorable__line--a");
    }
    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      runButton.textContent = t.run;
    }
    function reset(note) {
      stop();
      run = descentRun(data, eta());
      parts.note.textContent = note || "";
      show();
    }
    function stepOnce() {
      if (run.status !== "running" || run.losses.length - 1 >= MAX_STEPS) {
        parts.note.textContent = statusText() + " " + t.stopped;
        return true;
      }
      run.step();
      return show();
    }
    stepButton.addEventListener("click", function () { stop(); parts.note.textContent = ""; stepOnce(); });
    resetButton.addEventListener("click", function () { reset(""); });
    runButton.addEventListener("click", function () {
      if (timer) return stop();
      parts.note.textContent = "";
      if (stepOnce()) return;
      runButton.textContent = t.pause;
      timer = setInterval(function () {
        for (var i = 0; i < 5; i++) if (stepOnce()) return stop();
      }, 30);
    });
    var control = knob({
      label: t.knob, min: -2, max: 1, step: 0.05, low: 0.01, high: 10, initial: 0.5,
      fromSlider: function (e) { return Number(Math.pow(10, e).toPrecision(2)); },
      parse: parseNumber, show: function (v) { return sci(v); }, onChange: function (v, note) { reset(note); },
    });
    var eta = control.value;
    root.append(
      control.node,
      el("div", { class: "explorable__buttons" }, [stepButton, runButton, resetButton]),
      parts.note,
      el("dl", { class: "explorable__outputs" }, Object.keys(rows).map(function (k) { return rows[k].node; })),
      wiggle, plot.node, parts.live
    );
    reset("");
    // Leaving the page (instant navigation removes the widget) stops a run.
    root.stopRun = stop;
  }

  // ---- 3. cost calculator: N parameters ------------------------------------------------------------

  // whybackprop.timing.stacked_depth: max(1, round(N / (w² + w))), Python's round (half to even).
  function stackedDepth(n, width) {
    var per = BigInt(width * width + width), q = n / per, r = n % per;
    if (2n * r > per || (2n * r === per && q % 2n === 1n)) q += 1n;
    return q > 0n ? q : 1n;
  }

  // whybackprop.cost.stacked_network_multiplications, in exact integers.
  function stackedCounts(width, depth, batch) {
    var w = BigInt(width), b = BigInt(batch);
    var nParams = depth * (w * w + w), weights = depth * w * w;
    var loss = b * weights + b * w + 1n, hidden = (depth - 1n) * w;
    return {
      n_params: nParams,
      numerical: (nParams + 1n) * loss,
      backprop: b * (3n * weights - w * w + w + 2n * hidden) + 1n,
    };
  }

  // A duration in the page's units: "38일", "3.2시간", "1,040만 년" or "38 days", "10.4 million years".
  // One decimal below 10, whole numbers above; many years in 만/억/조 (million/billion/trillion)
  // with three significant digits.
  function duration(seconds) {
    var t = texts().cost, u = t.units, year = 365 * 86400;
    var units = [[year, u.year], [86400, u.day], [3600, u.hour], [60, u.minute], [1, u.second], [1e-3, u.milli], [1e-6, u.micro]];
    var i = 0;
    while (i < units.length - 1 && seconds < units[i][0]) i++;
    var v = seconds / units[i][0], name = units[i][1];
    if (i === 0) {
      var big = t.big.filter(function (b) { return v >= b[0]; })[0];
      if (big) return rounded(v / big[0], v / big[0] < 10 ? 2 : v / big[0] < 100 ? 1 : 0) + big[1] + " " + name;
    }
    return rounded(v, v < 10 ? 1 : 0) + t.gap + name;
  }

  // v rounded half up to `decimals` places, digits grouped by thousands.
  function rounded(v, decimals) {
    var scale = Math.pow(10, decimals), k = Math.floor(v * scale + 0.5);
    var whole = grouped(Math.floor(k / scale));
    return decimals ? whole + "." + String(k % scale).padStart(decimals, "0") : whole;
  }

  function buildCost(root, data) {
    var t = texts().cost;
    var parts = frame(root, t.title, t.intro);
    var rows = {
      evaluations: output(t.evaluations + " (N + 1)", "evaluations"),
      lecture: output(t.lecture, "lecture"),
    };
    var network = el("p", { class: "explorable__subtitle", "data-name": "network" });
    var table = {};
    ["numerical", "backprop"].forEach(function (g) {
      table[g] = {
        multiplications: output(t[g] + ": " + t.multiplications, g + "-multiplications"),
        perStep: output(t[g] + ": " + t.perStep, g + "-seconds"),
        training: output(t[g] + ": " + t.training(grouped(TRAINING_STEPS)), g + "-training"),
      };
    });
    function update(nNumber, note) {
      parts.note.textContent = note || "";
      var n = BigInt(nNumber);
      rows.evaluations.set(grouped(n + 1n), n + 1n);
      rows.lecture.set(grouped(n * (n + 1n)), n * (n + 1n));
      var depth = stackedDepth(n, data.width), counts = stackedCounts(data.width, depth, data.batch);
      network.textContent = t.network(grouped(depth), grouped(counts.n_params), data.width, data.batch);
      network.setAttribute("data-depth", String(depth));
      var said = {};
      ["numerical", "backprop"].forEach(function (g) {
        // whybackprop.timing.predicted_seconds: the exact count over the measured rate.
        var seconds = Number(counts[g]) / data.rates[g], total = TRAINING_STEPS * seconds;
        table[g].multiplications.set(grouped(counts[g]), counts[g]);
        table[g].perStep.set(duration(seconds), seconds);
        table[g].training.set(duration(total), total);
        said[g] = duration(total);
      });
      parts.announce(t.summary(grouped(n), said.numerical, said.backprop));
    }
    var control = knob({
      label: t.knob, min: 2, max: 9, step: 0.05, low: 100, high: 1e9, initial: 1e5,
      fromSlider: function (e) { return Math.round(Math.pow(10, e)); },
      parse: parseNumber, round: Math.round, show: grouped, plain: grouped, onChange: update,
    });
    var list = [rows.evaluations, rows.lecture];
    root.append(
      control.node, parts.note,
      el("dl", { class: "explorable__outputs" }, list.map(function (r) { return r.node; })),
      network,
      el("dl", { class: "explorable__outputs" }, ["numerical", "backprop"].reduce(function (all, g) {
        return all.concat([table[g].multiplications.node, table[g].perStep.node, table[g].training.node]);
      }, [])),
      el("p", { class: "explorable__source" }, [t.source(data.cpu, grouped(data.measured_n))]),
      parts.live
    );
    update(control.value(), "");
  }

  // ---- start-up ------------------------------------------------------------------------------------

  var BUILDERS = { epsilon: buildEpsilon, descent: buildDescent, cost: buildCost };

  // The stylesheet goes into <head> once (it stays there across instant navigation); a <link>
  // in the page body would hold up the rendering of everything after it.
  var styleReady = null;
  function loadStyle(href) {
    if (!styleReady) {
      styleReady = new Promise(function (resolve) {
        var link = el("link", { rel: "stylesheet", href: new URL(href, location.href).href });
        link.onload = link.onerror = resolve; // unstyled still works
        document.head.append(link);
      });
    }
    return styleReady;
  }

  function build(root) {
    root.setAttribute("data-ready", "loading");
    var name = root.getAttribute("data-explorable"), source = root.getAttribute("data-src");
    var data = !source ? Promise.resolve(null) : fetch(source).then(function (response) {
      if (!response.ok) throw new Error(source + ": HTTP " + response.status);
      return response.json();
    });
    Promise.all([data, loadStyle(root.getAttribute("data-style"))])
      .then(function (loaded) { BUILDERS[name](root, loaded[0]); })
      .catch(function (error) {
        console.error("explorable " + name + ":", error);
        root.textContent = "";
        root.append(el("p", { class: "explorable__note" }, [texts().common.failed]));
      })
      .then(function () { root.hidden = false; root.setAttribute("data-ready", "true"); });
  }

  var running = [];
  function start() {
    running.forEach(function (root) { if (!root.isConnected && root.stopRun) root.stopRun(); });
    running = running.filter(function (root) { return root.isConnected; });
    document.querySelectorAll(".explorable[data-explorable]:not([data-ready])").forEach(function (root) {
      if (!BUILDERS[root.getAttribute("data-explorable")]) return;
      running.push(root);
      build(root);
    });
  }

  window.whyBackpropExplorables = { text: TEXTS, start: start };
  // Material's document$ emits on the first load and after every instant navigation.
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
