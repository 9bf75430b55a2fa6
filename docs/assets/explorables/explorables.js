// The chapter's knobs, to turn by hand: the step ε, the learning rate η, the starting point on the
// loss contours and the parameter count N. The numbers come from core.js (the same float64
// operations as whybackprop, tested against it in Node), the words from texts.js; this file only
// builds the page's widgets and keeps them alive across Material's instant navigation. The data
// they need (the black box's samples, the benchmark's rates, the chart colours) is exported from
// whybackprop at build time by hooks/explorables.py.
(() => {
  "use strict";
  if (window.whyBackpropExplorables) return; // instant navigation runs this script again

  const SVG = "http://www.w3.org/2000/svg";
  const HERE = document.currentScript ? document.currentScript.src : location.href;
  const TRAINING_STEPS = 10000;
  const CHART_FONT_PX = 12; // the static figures' text size on the page (plotting.py: 9 pt at 96 dpi ≈ 12 px)

  const lang = () => (document.documentElement.lang === "en" ? "en" : "ko");
  let core, TEXTS;
  const texts = () => TEXTS[lang()];

  // ---- loading: the numerics, the words and the stylesheet ------------------------------------------

  const loadScript = (name, global) => {
    if (window[global]) return Promise.resolve(window[global]);
    return new Promise((resolve, reject) => {
      const script = el("script", { src: new URL(name, HERE).href });
      script.onload = () => (window[global] ? resolve(window[global]) : reject(new Error(`${name} defined nothing`)));
      script.onerror = () => reject(new Error(`${name} did not load`));
      document.head.append(script);
    });
  };

  // Material re-syncs <head> on instant navigation, even for a link to the same page, and drops a
  // stylesheet it did not put there. So <head> is checked at every mount, never trusted from before.
  const loadStyle = (href) => {
    const url = new URL(href, location.href).href;
    const present = document.head.querySelector(`link[data-explorables="${url}"]`);
    if (present) return present.ready || Promise.resolve();
    const link = el("link", { rel: "stylesheet", href: url, "data-explorables": url });
    link.ready = new Promise((resolve) => { link.onload = link.onerror = resolve; }); // unstyled still works
    document.head.append(link);
    return link.ready;
  };

  // ---- DOM helpers ----------------------------------------------------------------------------------

  function el(tag, attributes = {}, children = []) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children) node.append(typeof child === "string" ? document.createTextNode(child) : child);
    return node;
  }

  // Polite announcements, at most one a second; the last one always arrives.
  const announcer = (region) => {
    let last = 0, timer = null, pending = "";
    return (text) => {
      pending = text;
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        region.textContent = pending;
      }, Math.max(0, last + 1000 - Date.now()));
    };
  };

  // The particle helper for Korean sentences; English sentences ignore it.
  const josa = (word, particle) => (lang() === "ko" ? core.josa(word, particle) : word);

  // A labelled log-scale slider (its value is log10 of the quantity) with a box to type a value
  // and the range printed under it. `fromSlider` maps the slider's exponent to the quantity,
  // `show` formats it. onChange(value, note) gets a note when a typed value was changed.
  let knobCount = 0;
  const knob = (options) => {
    const id = `explorable-knob-${++knobCount}`, common = texts().common;
    const range = el("input", { type: "range", id, min: options.min, max: options.max, step: options.step });
    // inputmode "text": a phone keyboard with "e" and "−" (decimal pads lack both), for 1e-8.
    const box = el("input", { type: "text", inputmode: "text", enterkeyhint: "done", id: `${id}-typed`, autocomplete: "off", spellcheck: "false" });
    const wrap = el("div", { class: "explorable__knob" }, [
      el("label", { for: id }, [options.label]),
      range,
      el("p", { class: "explorable__range", "aria-hidden": "true" }, [common.range(options.show(options.low), options.show(options.high))]),
      el("label", { for: `${id}-typed`, class: "explorable__typed-label" }, [`${options.label} ${common.typeHint}`]),
      box,
    ]);
    let current;
    const plain = options.plain || String;
    const set = (value) => {
      current = value;
      range.value = String(Math.log10(value));
      range.setAttribute("aria-valuetext", `${options.label} ${options.show(value)}`);
      box.value = plain(value);
    };
    const typed = () => {
      const text = box.value.trim();
      if (text === plain(current)) return; // Enter, then the change event: once is enough
      const value = core.parseNumber(text);
      if (!Number.isFinite(value)) {
        options.onChange(current, texts().common.notNumber(text));
        set(current);
        return;
      }
      const used = options.round ? options.round(value) : value;
      const clamped = Math.min(options.high, Math.max(options.low, used));
      let note = "";
      if (clamped !== used) note = texts().common.clamped(text, options.show(clamped), josa);
      else if (used !== value) note = texts().common.rounded(text, options.show(used), josa);
      set(clamped);
      options.onChange(clamped, note);
    };
    const moveTo = (exponent) => {
      set(options.fromSlider(Math.min(options.max, Math.max(options.min, exponent))));
      options.onChange(current, "");
    };
    range.addEventListener("input", () => moveTo(Number(range.value)));
    box.addEventListener("change", typed);
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter") typed();
      else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault(); // arrows in the box move the slider one notch
        moveTo(Number(range.value) + (event.key === "ArrowUp" ? 1 : -1) * Number(options.step));
      }
    });
    set(options.initial);
    return { node: wrap, range, box, value: () => current, set, moveTo };
  };

  // An output line: a label and a value. The value keeps the exact number in data-value.
  const output = (label, name) => {
    const value = el("dd", { "data-name": name });
    return {
      node: el("div", { class: "explorable__row" }, [el("dt", {}, [label]), value]),
      value,
      set(text, exact) {
        value.textContent = text;
        if (exact === undefined) value.removeAttribute("data-value");
        else value.setAttribute("data-value", String(exact));
      },
    };
  };

  // A huge integer shown short (1.45 × 10¹⁹), the exact digits one tap away.
  const integerOutput = (label, name) => {
    const row = output(label, name);
    row.value.classList.add("explorable__integer");
    const common = texts().common;
    let short = true, exact = 0n;
    const toggle = el("button", { type: "button", class: "explorable__exact", "aria-pressed": "false" });
    const show = () => {
      const tooLong = exact >= 10n ** 9n;
      row.value.textContent = "";
      row.value.setAttribute("data-value", String(exact));
      row.value.append(short && tooLong ? core.shortInteger(exact) : core.grouped(exact));
      if (tooLong) {
        toggle.textContent = short ? common.exactValue : common.shortValue;
        toggle.setAttribute("aria-pressed", String(!short));
        row.value.append(" ", toggle);
      }
    };
    toggle.addEventListener("click", () => { short = !short; show(); toggle.focus(); });
    return { node: row.node, set(value) { exact = BigInt(value); show(); } };
  };

  // A chart drawn in SVG whose text stays the static figures' size at any width: the viewBox is
  // 600 wide, so the font size in its units is 12 px × 600 / the drawn width.
  const chart = (options) => {
    // The y label sits above the frame, read horizontally; ticks at the left need ~5 characters.
    const W = 600, H = options.height || 360, left = 96, right = 22, top = 44, bottom = 64;
    const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": options.label, class: "explorable__chart" });
    const plot = el("svg:g");
    svg.append(plot);
    const fit = () => { if (svg.clientWidth) svg.style.fontSize = `${(CHART_FONT_PX * W) / svg.clientWidth}px`; };
    if (window.ResizeObserver) new ResizeObserver(fit).observe(svg);
    let scales = {};
    const box = { left, right: W - right, top, bottom: H - bottom };
    // x and y ranges: [lo, hi] in data units, or in decades for a log axis.
    const axis = (x, y, xLog, yLog) => {
      const tx = (v) => (xLog ? Math.log10(v) : v), ty = (v) => (yLog ? Math.log10(v) : v);
      scales = {
        x: (v) => left + ((tx(v) - x[0]) / (x[1] - x[0])) * (box.right - left),
        y: (v) => top + ((y[1] - ty(v)) / (y[1] - y[0])) * (box.bottom - top),
        invertX: (px) => { const v = x[0] + ((px - left) / (box.right - left)) * (x[1] - x[0]); return xLog ? 10 ** v : v; },
        invertY: (py) => { const v = y[1] - ((py - top) / (box.bottom - top)) * (y[1] - y[0]); return yLog ? 10 ** v : v; },
      };
      plot.textContent = "";
      plot.append(el("svg:rect", { x: left, y: top, width: box.right - left, height: box.bottom - top, class: "explorable__frame" }));
      const logTicks = (r) => {
        const all = [];
        for (let e = Math.ceil(r[0]); e <= r[1]; e++) all.push(e);
        const every = Math.max(1, Math.ceil(all.length / 6));
        return all.filter((e) => e % every === 0).map((e) => [10 ** e, core.power(e)]);
      };
      const linearTicks = (r) => core.niceTicks(r[0], r[1], 5).map((v) => [v, core.grouped(v)]);
      for (const [v, text] of yLog ? logTicks(y) : linearTicks(y)) {
        const py = scales.y(v);
        plot.append(el("svg:line", { x1: left, x2: box.right, y1: py, y2: py, class: "explorable__grid" }));
        plot.append(el("svg:text", { x: left - 8, y: py, "dominant-baseline": "middle", "text-anchor": "end" }, [text]));
      }
      for (const [v, text] of xLog ? logTicks(x) : linearTicks(x)) {
        plot.append(el("svg:text", { x: scales.x(v), y: box.bottom + 8, "dominant-baseline": "hanging", "text-anchor": "middle" }, [text]));
      }
      plot.append(el("svg:text", { x: (left + box.right) / 2, y: H - 4, "text-anchor": "middle" }, [options.xLabel]));
      plot.append(el("svg:text", { x: 4, y: top - 14, "text-anchor": "start" }, [options.yLabel]));
    };
    const line = (points, className) => {
      const node = el("svg:polyline", { points: points.map(([px, py]) => `${scales.x(px).toFixed(1)},${scales.y(py).toFixed(1)}`).join(" "), class: className });
      plot.append(node);
      return node;
    };
    // The static figures' markers: a circle for the first series, a square for the second.
    const marker = (shape, className) => {
      const node = shape === "square" ? el("svg:rect", { width: 13, height: 13, class: className }) : el("svg:circle", { r: 7, class: className });
      plot.append(node);
      return {
        node,
        moveTo(px, py) {
          const cx = scales.x(px), cy = scales.y(py);
          if (shape === "square") { node.setAttribute("x", cx - 6.5); node.setAttribute("y", cy - 6.5); }
          else { node.setAttribute("cx", cx); node.setAttribute("cy", cy); }
        },
      };
    };
    const text = (content, px, py, className, anchor = "middle") => {
      const node = el("svg:text", { x: px, y: py, "text-anchor": anchor, class: className }, [content]);
      plot.append(node);
      return node;
    };
    // The pointer's position in the viewBox.
    const pointer = (event) => {
      const r = svg.getBoundingClientRect();
      return [((event.clientX - r.left) / r.width) * W, ((event.clientY - r.top) / r.height) * H];
    };
    return { node: svg, plot, axis, line, marker, text, pointer, box, scales: () => scales };
  };

  const frame = (root, title, intro) => {
    const live = el("p", { class: "explorable__live", "aria-live": "polite" });
    const note = el("p", { class: "explorable__note", "aria-live": "polite" });
    root.append(el("p", { class: "explorable__title" }, [title]), el("p", {}, [intro]));
    return { live, note, announce: announcer(live) };
  };

  const legend = (entries) => el("p", { class: "explorable__legend", "aria-hidden": "true" }, entries.flatMap(([key, label]) => [
    el("span", { class: `explorable__key explorable__key--${key}` }), label,
  ]));

  // ---- 1. ε explorer: f(x) = sin x at x = 1 -------------------------------------------------------

  // Where the page's lesson shows: central differences far ahead of forward ones. Smaller steps
  // (the reader is invited to go left) show round-off taking over.
  const INITIAL_EPS = 1e-4;

  const buildEpsilon = (root, data, state) => {
    const t = texts().epsilon, x = 1, exact = Math.cos(1);
    const parts = frame(root, t.title, t.intro);
    const rows = {
      forwardError: output(`${t.forward} ${t.error}`, "forward-error"),
      centralError: output(`${t.central} ${t.error}`, "central-error"),
      forward: output(`${t.forward} ${t.estimate}`, "forward"),
      central: output(`${t.central} ${t.estimate}`, "central"),
      exact: output(t.exact, "exact"),
    };
    rows.exact.set(exact.toPrecision(16), exact);
    const FLOOR = 1e-13; // errors below this (even 0) sit on the chart's floor
    const plot = chart({ label: t.chart, xLabel: t.xLabel, yLabel: t.yLabel });
    plot.axis([-15.2, 0.2], [-13.2, 1.2], true, true);
    const curves = { forward: [], central: [] };
    for (let e = -150; e <= 0; e++) {
      const h = 10 ** (e / 10), estimates = core.differences(Math.sin, x, h);
      for (const m of ["forward", "central"]) curves[m].push([h, Math.max(FLOOR, Math.abs(estimates[m] - exact) / Math.abs(exact))]);
    }
    // The steps that balance truncation against round-off, marked as in the static figure.
    const s = plot.scales();
    [[Math.sqrt(Number.EPSILON), t.sqrtMark, "a", "end"], [Math.cbrt(Number.EPSILON), t.cbrtMark, "b", "start"]].forEach(([h, label, key, anchor]) => {
      plot.plot.append(el("svg:line", { x1: s.x(h), x2: s.x(h), y1: plot.box.top, y2: plot.box.bottom, class: `explorable__mark explorable__mark--${key}` }));
      plot.text(label, s.x(h) + (anchor === "end" ? -4 : 4), plot.box.bottom - 8, `explorable__mark-label explorable__mark-label--${key}`, anchor);
    });
    plot.line(curves.forward, "explorable__line explorable__line--a");
    plot.line(curves.central, "explorable__line explorable__line--b");
    const marks = { forward: plot.marker("circle", "explorable__dot explorable__dot--a"), central: plot.marker("square", "explorable__dot explorable__dot--b") };

    const update = (eps, note) => {
      state.eps = eps;
      parts.note.textContent = note || "";
      const estimates = core.differences(Math.sin, x, eps), shown = {};
      for (const m of ["forward", "central"]) {
        const error = Math.abs(estimates[m] - exact) / Math.abs(exact);
        rows[m].set(estimates[m].toPrecision(16), estimates[m]);
        rows[`${m}Error`].set(core.sci(error, 3), error);
        marks[m].moveTo(eps, Math.max(FLOOR, error));
        shown[m] = core.sci(error, 3);
      }
      const summary = t.summary(core.sci(eps), shown.forward, shown.central);
      plot.node.setAttribute("aria-valuetext", summary);
      parts.announce(summary);
    };
    const STEP = 0.1, LOW = -15, HIGH = 0;
    const control = knob({
      label: t.knob, min: LOW, max: HIGH, step: STEP, low: 10 ** LOW, high: 10 ** HIGH, initial: state.eps || INITIAL_EPS,
      fromSlider: (e) => Number((10 ** e).toPrecision(2)),
      show: (v) => core.sci(v), onChange: update,
    });
    // The chart is a second handle on ε: drag a dot along the curve, or use the arrow keys on it.
    Object.entries({ role: "slider", tabindex: "0", "aria-valuemin": LOW, "aria-valuemax": HIGH }).forEach(([k, v]) => plot.node.setAttribute(k, v));
    const setFromChart = (exponent) => {
      const snapped = Math.round(exponent / STEP) * STEP;
      control.moveTo(snapped);
      plot.node.setAttribute("aria-valuenow", Math.log10(control.value()).toFixed(1));
    };
    let dragging = false;
    plot.node.addEventListener("pointerdown", (event) => {
      dragging = true;
      plot.node.setPointerCapture(event.pointerId);
      setFromChart(Math.log10(plot.scales().invertX(plot.pointer(event)[0])));
      event.preventDefault();
    });
    plot.node.addEventListener("pointermove", (event) => { if (dragging) setFromChart(Math.log10(plot.scales().invertX(plot.pointer(event)[0]))); });
    const release = () => { dragging = false; };
    plot.node.addEventListener("pointerup", release);
    plot.node.addEventListener("pointercancel", release);
    plot.node.addEventListener("keydown", (event) => {
      const now = Math.log10(control.value());
      const moves = { ArrowLeft: -STEP, ArrowDown: -STEP, ArrowRight: STEP, ArrowUp: STEP, PageDown: -1, PageUp: 1, Home: LOW - now, End: HIGH - now };
      if (!(event.key in moves)) return;
      event.preventDefault();
      setFromChart(now + moves[event.key]);
    });
    root.append(
      control.node, parts.note,
      el("dl", { class: "explorable__outputs" }, Object.values(rows).map((r) => r.node)),
      plot.node,
      legend([["a", t.forward], ["b", t.central]]),
      parts.live,
    );
    update(control.value(), "");
    plot.node.setAttribute("aria-valuenow", Math.log10(control.value()).toFixed(1));
  };

  // ---- 2. gradient-descent stepper: the black box y = a tanh(bx + c) + d ---------------------------

  const buildDescent = (root, data, state) => {
    const t = texts().descent, gradient = root.getAttribute("data-gradient") || "exact";
    const budget = data.budget, counted = gradient === "forward";
    const parts = frame(root, counted ? t.titleForward : t.titleExact, (counted ? t.introForward : t.introExact)(core.grouped(budget)));
    let run, timer = null;
    const rows = { status: output(t.status, "status"), steps: output(t.steps, "steps"), loss: output(t.loss, "loss") };
    if (counted) rows.evaluations = output(`${t.evaluations}: ${t.evaluationsRule(data.names.length, data.names.length + 1)}`, "evaluations");
    for (const name of data.names) rows[name] = output(name, name);
    const wiggle = el("p", { class: "explorable__note", "data-name": "wiggle", "aria-live": "polite" });
    const plot = chart({ label: t.chart, xLabel: t.steps, yLabel: t.loss });
    const empty = el("p", { class: "explorable__empty" }, [t.empty]);
    const button = (label, name) => el("button", { type: "button", "data-name": name }, [label]);
    const stepButton = button(t.step, "step"), runButton = button(t.run, "run"), resetButton = button(t.reset, "reset");

    const statusText = () => {
      const k = run.losses.length - 1;
      if (run.status === "converged") return t.converged(core.grouped(k), core.sci(data.tol));
      if (run.status === "diverged") {
        const last = run.losses[k];
        return Number.isFinite(last) ? t.diverged(core.grouped(k), core.sci(run.losses[0], 3), core.sci(last, 3)) : t.overflowed(core.grouped(k), core.sci(run.losses[0], 3));
      }
      if (k >= budget) return t.limit(core.grouped(budget));
      return k ? t.running : t.ready;
    };
    const show = () => {
      const k = run.losses.length - 1, loss = run.losses[k], done = run.status !== "running" || k >= budget;
      state.steps = k;
      rows.steps.set(core.grouped(k), k);
      // A diverged loss may be Infinity or NaN: show the last finite values and say why instead.
      rows.loss.set(Number.isFinite(loss) ? core.sci(loss, 6) : t.overflow, Number.isFinite(loss) ? loss : undefined);
      data.names.forEach((name, i) => {
        const v = run.theta[i];
        rows[name].set(Number.isFinite(v) ? core.sci(v, 6) : t.overflow, Number.isFinite(v) ? v : undefined);
      });
      if (counted) rows.evaluations.set(core.grouped(run.evaluations), run.evaluations);
      rows.status.set(statusText());
      rows.status.value.setAttribute("data-status", run.status);
      // Only a rise larger than round-off is a rise (core.realRises), and a diverged run is not
      // oscillating: it has left.
      const oscillating = run.status !== "diverged" && run.rises > 0;
      wiggle.textContent = oscillating ? t.wiggle : "";
      for (const b of [stepButton, runButton]) b.setAttribute("aria-disabled", String(done));
      draw();
      parts.announce(t.summary(core.grouped(k), Number.isFinite(loss) ? core.sci(loss, 3) : t.overflow, statusText()));
      return done;
    };
    const draw = () => {
      const k = run.losses.length - 1;
      empty.hidden = k > 0;
      plot.axis([0, Math.max(50, k)], core.logRange(run.losses), false, true);
      if (k > 0) plot.line(run.losses.map((v, i) => [i, v]).filter(([, v]) => Number.isFinite(v) && v > 0), "explorable__line explorable__line--a");
    };
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = null;
      runButton.textContent = t.run;
    };
    const reset = (note, steps = 0) => {
      stop();
      state.eta = eta();
      run = core.descentRun(data, eta(), gradient);
      for (let i = 0; i < steps && run.status === "running"; i++) run.step();
      parts.note.textContent = note || "";
      show();
    };
    const stepOnce = () => {
      if (run.status !== "running" || run.losses.length - 1 >= budget) {
        parts.note.textContent = `${statusText()} ${t.stopped}`;
        return true;
      }
      run.step();
      return show();
    };
    stepButton.addEventListener("click", () => { stop(); parts.note.textContent = ""; stepOnce(); });
    resetButton.addEventListener("click", () => reset(""));
    runButton.addEventListener("click", () => {
      if (timer) return stop();
      parts.note.textContent = "";
      if (stepOnce()) return;
      runButton.textContent = t.pause;
      timer = setInterval(() => {
        for (let i = 0; i < 10; i++) if (stepOnce()) return stop();
      }, 30);
    });
    const control = knob({
      label: t.knob, min: -2, max: 1, step: 0.05, low: 0.01, high: 10, initial: state.eta || 0.5,
      fromSlider: (e) => Number((10 ** e).toPrecision(2)),
      show: (v) => core.sci(v), onChange: (v, note) => reset(note),
    });
    const eta = control.value;
    const chartBox = el("div", { class: "explorable__chart-box" }, [plot.node, empty]);
    // The run the reader drives sits right under the buttons: the chart, then its numbers.
    root.append(
      control.node,
      el("div", { class: "explorable__buttons" }, [stepButton, runButton, resetButton]),
      parts.note, wiggle, chartBox,
      el("dl", { class: "explorable__outputs explorable__outputs--parameters" }, Object.values(rows).map((r) => r.node)),
      parts.live,
    );
    reset("", state.steps || 0);
    root.stopRun = stop; // leaving the page (instant navigation removes the widget) stops a run
  };

  // ---- 3. contour: gradient descent in the (a, d) plane, from where the reader clicks ---------------

  const buildContour = (root, data, state) => {
    const t = texts().contour, c = data.contour, plane = c.plane;
    const parts = frame(root, t.title, t.intro);
    const [ax, ay] = [c.xlim, c.ylim];
    const plot = chart({ label: t.chart, xLabel: data.names[plane[0]], yLabel: data.names[plane[1]], height: 420 });
    plot.axis(ax, ay, false, false);
    const s = plot.scales();
    const full = (u) => { const theta = c.best.slice(); theta[plane[0]] = u[0]; theta[plane[1]] = u[1]; return theta; };
    // The loss on this plane is a quadratic in (a, d) (the model is linear in both): its contours
    // are ellipses, drawn at the static figure's levels (core.contourEllipses).
    const clip = el("svg:clipPath", { id: `explorable-clip-${++knobCount}` }, [el("svg:rect", { x: plot.box.left, y: plot.box.top, width: plot.box.right - plot.box.left, height: plot.box.bottom - plot.box.top })]);
    plot.plot.append(clip);
    const layer = el("svg:g", { "clip-path": `url(#${clip.id})` });
    plot.plot.append(layer);
    for (const e of core.contourEllipses(data, c)) {
      const points = [];
      for (let i = 0; i <= 96; i++) {
        const angle = (2 * Math.PI * i) / 96;
        const [u, v] = e.point(angle);
        points.push(`${s.x(u).toFixed(1)},${s.y(v).toFixed(1)}`);
      }
      layer.append(el("svg:polyline", { points: points.join(" "), class: "explorable__contour" }));
    }
    const path = el("svg:polyline", { class: "explorable__line explorable__line--a explorable__path" });
    layer.append(path);
    const dots = el("svg:g", { class: "explorable__path-dots" });
    layer.append(dots);
    const star = el("svg:text", { x: s.x(c.best[plane[0]]), y: s.y(c.best[plane[1]]), "text-anchor": "middle", "dominant-baseline": "central", class: "explorable__star" }, ["★"]);
    layer.append(star);
    const cursor = plot.marker("circle", "explorable__dot explorable__dot--b explorable__cursor");
    const rows = { status: output(t.status, "status"), start: output(t.start, "start"), steps: output(t.steps, "steps"), end: output(t.end, "end") };
    rows.status.set(t.hint);
    const two = (v) => core.formatG(v, 3);
    let start = state.start || c.start.slice(), timer = null;

    const place = (u) => { start = u; state.start = u; cursor.moveTo(u[0], u[1]); };
    const descend = () => {
      if (timer) clearInterval(timer);
      const run = core.planeDescentRun(data, c, eta(), start);
      while (run.status === "running" && run.losses.length - 1 < c.budget) run.step();
      const k = run.losses.length - 1;
      const status = run.status === "converged" ? t.converged(core.grouped(k)) : run.status === "diverged" ? t.diverged(core.grouped(k)) : t.limit(core.grouped(c.budget));
      rows.status.set(status);
      rows.status.value.setAttribute("data-status", run.status);
      rows.start.set(`(${two(start[0])}, ${two(start[1])})`);
      rows.steps.set(core.grouped(k), k);
      const last = run.thetas[run.thetas.length - 1];
      rows.end.set(`(${two(last[0])}, ${two(last[1])})`, JSON.stringify(last));
      parts.announce(t.summary(two(start[0]), two(start[1]), status));
      // Watch the path grow, a few steps a frame (at once with reduced motion).
      const points = run.thetas.filter((u) => u.every(Number.isFinite) && Math.abs(u[0]) < 1e6 && Math.abs(u[1]) < 1e6);
      const all = points.map((u) => `${s.x(u[0]).toFixed(1)},${s.y(u[1]).toFixed(1)}`);
      dots.textContent = "";
      let shown = matchMedia("(prefers-reduced-motion: reduce)").matches ? all.length : 1;
      const grow = () => {
        path.setAttribute("points", all.slice(0, shown).join(" "));
        dots.textContent = "";
        for (const u of points.slice(0, Math.min(shown, 60))) dots.append(el("svg:circle", { cx: s.x(u[0]), cy: s.y(u[1]), r: 3.5 }));
        if (shown >= all.length) { clearInterval(timer); timer = null; }
        shown += 2;
      };
      grow();
      if (timer === null && shown < all.length) timer = setInterval(grow, 30);
      state.ran = true;
    };
    plot.node.setAttribute("tabindex", "0");
    plot.node.addEventListener("click", (event) => {
      const [px, py] = plot.pointer(event);
      if (px < plot.box.left || px > plot.box.right || py < plot.box.top || py > plot.box.bottom) return;
      place([Number(two(s.invertX(px))), Number(two(s.invertY(py)))]);
      descend();
    });
    plot.node.addEventListener("keydown", (event) => {
      const dx = (ax[1] - ax[0]) / 30, dy = (ay[1] - ay[0]) / 30;
      const moves = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); descend(); return; }
      if (!(event.key in moves)) return;
      event.preventDefault();
      const [mx, my] = moves[event.key];
      place([Math.min(ax[1], Math.max(ax[0], Number(two(start[0] + mx)))), Math.min(ay[1], Math.max(ay[0], Number(two(start[1] + my))))]);
      parts.announce(t.cursor(two(start[0]), two(start[1])));
    });
    const control = knob({
      label: t.knob, min: -2, max: 0.3, step: 0.05, low: 0.01, high: 2, initial: state.eta || c.eta,
      fromSlider: (e) => Number((10 ** e).toPrecision(2)),
      show: (v) => core.sci(v), onChange: (v, note) => { state.eta = v; parts.note.textContent = note || ""; if (state.ran) descend(); },
    });
    const eta = control.value;
    root.append(control.node, parts.note, plot.node, el("dl", { class: "explorable__outputs" }, Object.values(rows).map((r) => r.node)), parts.live);
    place(start);
    if (state.ran) descend();
    root.stopRun = () => { if (timer) clearInterval(timer); };
  };

  // ---- 4. cost calculator: N parameters ------------------------------------------------------------

  const buildCost = (root, data, state) => {
    const t = texts().cost, l = lang();
    const parts = frame(root, t.title, t.intro);
    const training = {};
    for (const g of ["numerical", "backprop"]) training[g] = output(`${t[g]}: ${t.training(core.grouped(TRAINING_STEPS))}`, `${g}-training`);
    const rows = { evaluations: integerOutput(t.evaluations, "evaluations"), lecture: integerOutput(t.lecture, "lecture") };
    const network = el("p", { class: "explorable__subtitle", "data-name": "network" });
    const factor = el("p", { class: "explorable__source", "data-name": "factor" });
    const table = {};
    for (const g of ["numerical", "backprop"]) {
      table[g] = {
        multiplications: integerOutput(`${t[g]}: ${t.multiplications}`, `${g}-multiplications`),
        perStep: output(`${t[g]}: ${t.perStep}`, `${g}-seconds`),
      };
    }
    const update = (nNumber, note) => {
      state.n = nNumber;
      parts.note.textContent = note || "";
      const n = BigInt(nNumber);
      rows.evaluations.set(n + 1n);
      rows.lecture.set(n * (n + 1n));
      const depth = core.stackedDepth(n, data.width), counts = core.stackedCounts(data.width, depth, data.batch);
      network.textContent = t.network(core.grouped(depth), core.grouped(counts.n_params), data.width, data.batch);
      network.setAttribute("data-depth", String(depth));
      const ratio = core.lectureFactor(counts);
      factor.textContent = t.factor(data.batch, core.formatG(ratio, 3));
      factor.setAttribute("data-value", String(ratio));
      const said = {};
      for (const g of ["numerical", "backprop"]) {
        // whybackprop.timing.predicted_seconds: the exact count over the measured rate.
        const seconds = Number(counts[g]) / data.rates[g], total = TRAINING_STEPS * seconds;
        table[g].multiplications.set(counts[g]);
        table[g].perStep.set(core.duration(seconds, l), seconds);
        training[g].set(core.duration(total, l), total);
        said[g] = core.duration(total, l);
      }
      parts.announce(t.summary(core.grouped(n), said.numerical, said.backprop));
    };
    const control = knob({
      label: t.knob, min: 2, max: 9, step: 0.05, low: 100, high: 1e9, initial: state.n || 1e5,
      fromSlider: (e) => Math.round(10 ** e),
      round: Math.round, show: core.grouped, plain: core.grouped, onChange: update,
    });
    // The result the reader is changing sits right under the slider; the detail follows.
    root.append(
      control.node, parts.note,
      el("dl", { class: "explorable__outputs explorable__outputs--key" }, [training.numerical.node, training.backprop.node]),
      network,
      el("dl", { class: "explorable__outputs" }, [rows.evaluations.node, rows.lecture.node]),
      el("dl", { class: "explorable__outputs" }, ["numerical", "backprop"].flatMap((g) => [table[g].multiplications.node, table[g].perStep.node])),
      factor, // right under the two counts it compares
      el("p", { class: "explorable__source" }, [t.source(data.cpu, core.grouped(data.measured_n))]),
      parts.live,
    );
    update(control.value(), "");
  };

  // ---- start-up ------------------------------------------------------------------------------------

  const BUILDERS = { epsilon: buildEpsilon, descent: buildDescent, contour: buildContour, cost: buildCost };
  // The reader's values per page and widget, kept when Material swaps the article in again (a link
  // to a heading of the same page does that).
  const saved = new Map();
  const key = (root) => `${location.pathname}|${[...document.querySelectorAll(".explorable[data-explorable]")].indexOf(root)}`;

  const build = (root) => {
    root.setAttribute("data-ready", "loading");
    const name = root.getAttribute("data-explorable"), source = root.getAttribute("data-src");
    const data = !source ? Promise.resolve(null) : fetch(source).then((response) => {
      if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
      return response.json();
    });
    const stateKey = key(root);
    if (!saved.has(stateKey)) saved.set(stateKey, {});
    const draw = (loaded) => {
      const state = saved.get(stateKey);
      // Inside a closed fold (<details>): drawn when the reader opens it, not before.
      const fold = root.closest("details");
      if (fold && !fold.open) {
        fold.addEventListener("toggle", () => { if (fold.open && !root.firstChild) BUILDERS[name](root, loaded, state); });
        return;
      }
      BUILDERS[name](root, loaded, state);
    };
    return Promise.all([data, loadStyle(root.getAttribute("data-style")), loadScript("core.js", "whyBackpropCore"), loadScript("texts.js", "whyBackpropTexts")])
      .then(([loaded, , c, w]) => {
        core = c;
        TEXTS = w;
        draw(loaded);
      })
      .catch((error) => {
        console.error(`explorable ${name}:`, error);
        root.textContent = "";
        root.append(el("p", { class: "explorable__note" }, [TEXTS ? texts().common.failed : "⚠"]));
      })
      .then(() => { root.hidden = false; root.setAttribute("data-ready", "true"); });
  };

  // The heading the address points at, if any: it must stay where the browser put it while the
  // widgets above it grow from nothing to their size.
  const hashTarget = () => {
    if (!location.hash) return null;
    try { return document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch { return null; }
  };

  let running = [], shownPath = location.pathname;
  const start = () => {
    // Values are kept across a link within the page, not after leaving it.
    if (location.pathname !== shownPath) saved.clear();
    shownPath = location.pathname;
    for (const root of running) if (!root.isConnected && root.stopRun) root.stopRun();
    running = running.filter((root) => root.isConnected);
    const fresh = [...document.querySelectorAll(".explorable[data-explorable]:not([data-ready])")].filter((root) => BUILDERS[root.getAttribute("data-explorable")]);
    // Even a page without new widgets gets its stylesheet back if <head> lost it.
    document.querySelectorAll(".explorable[data-ready]").forEach((root) => loadStyle(root.getAttribute("data-style")));
    if (!fresh.length) return;
    // The address's heading: the widgets above it grow from nothing to their size, which would
    // push it out of view. Unless the reader moved the page meanwhile, bring it back to the top.
    const target = hashTarget();
    let readerMoved = false;
    const moved = () => { readerMoved = true; };
    const inputs = ["wheel", "touchmove", "keydown", "pointerdown"];
    for (const type of inputs) addEventListener(type, moved, { passive: true, once: true });
    running.push(...fresh);
    Promise.all(fresh.map(build)).then(() => {
      for (const type of inputs) removeEventListener(type, moved);
      if (!target || !target.isConnected || readerMoved) return;
      const box = target.getBoundingClientRect();
      if (box.top < 0 || box.bottom > innerHeight) target.scrollIntoView();
    });
  };

  window.whyBackpropExplorables = { start };
  // Material's document$ emits on the first load and after every instant navigation. On a full
  // load this script runs before Material's (both deferred, this one earlier in the page), so it
  // waits for DOMContentLoaded, which comes after every deferred script.
  const begin = () => (typeof document$ !== "undefined" ? document$.subscribe(start) : start());
  if (typeof document$ !== "undefined" || document.readyState === "complete") begin();
  else document.addEventListener("DOMContentLoaded", begin, { once: true });
})();
