/* The in-page checker on Step 2-2: the widget's behaviour on the page.
 *
 * The Python checker runs in a Web Worker (worker.js) with Pyodide. The worker is started
 * lazily, when the widget comes into view or is touched, and is kept for the whole visit,
 * so that coming back to the page through Material's instant navigation finds it ready.
 * The widget says how much its first boot downloads before it starts, and shows the bytes
 * arriving; on a connection that asks to save data it waits for a tap on a button instead.
 * Everything the customer enters is shown back with textContent only, never as HTML.
 */
(function () {
  "use strict";

  const TYPING_PAUSE_MS = 300;
  // Chromium lays out all of a textarea's text on the main thread: a paste or file of many
  // megabytes would freeze the page, so the field shows only its beginning.
  const FIELD_CHARS = 100000;
  const FIELD_NOTE = "長い内容のため、欄には最初の部分だけを表示しています。調べるのは受け取った内容の全体です（長すぎる場合は先頭から一定量まで）。";
  const HIGHLIGHT_MS = 2500;
  // The writers' sample bounces on the page (see pageSamples) carry this title.
  const SAMPLE_TITLE = "エラーメールの例";

  // `size` is the first download ("約 4.6 MB"); the offline copy downloads nothing.
  const STATUS_TEXT = {
    idle: (size) => "チェッカーは、このあたりまでスクロールするか操作を始めると準備を始めます"
      + (size ? `（初回は${size} をダウンロードします）。` : "。"),
    waiting: () => "通信量を節約する設定か低速な回線をお使いのため、チェッカーは自動では準備を始めません。"
      + "お使いになるときは、下のボタンを押してください。貼り付けた内容は、準備ができしだい調べます。",
    loading: (size) => "チェッカーを準備しています"
      + (size ? `（初回は${size} をダウンロードします）` : "") + "。貼り付けた内容は、準備ができしだい調べます。",
    ready: () => "準備ができました。貼り付けると、すぐに結果が表示されます。",
  };
  // Beside the progress bar; not a live region, so that screen readers hear the status once.
  const PROGRESS_TEXT = {
    before: (size) => `ダウンロード前（${size}）`,
    downloading: (loaded, total) => `ダウンロード中: ${loaded} / ${total}`,
    starting: (total) => (total ? `準備中（ダウンロード済み: ${total}）` : "準備中"),
    done: () => "完了",
  };
  const START_BUTTON_TEXT = (size) => `チェッカーを準備する（ダウンロード ${size}）`;
  // navigator.connection.effectiveType values slow enough to ask before downloading.
  const SLOW_CONNECTIONS = ["slow-2g", "2g", "3g"];
  const ERROR_TEXT = {
    unsupported: "お使いのブラウザーは WebAssembly または Web Worker に対応していないため、チェッカーを使えません。下の説明をお読みください。",
    offlineIncomplete: "このページをファイルとして開いているため、チェッカーを起動できません。オフライン版（ダウンロード用の zip）をお使いください。",
    boot: "チェッカーを起動できませんでした。ページを再読み込みしてお試しください。下の説明は、そのままお読みいただけます。",
  };

  /* ---- the runtime: one worker for the whole visit ---- */

  const runtime = {
    state: "idle",
    errorText: "",
    progress: null, // { loaded, total, downloaded } from the worker, over HTTP
    worker: null,
    start: null,
    retried: false,
    nextId: 1,
    waiting: new Map(),
    widgets: new Set(),
  };

  // What the browser says about the connection: the customer asked to save data, or it is slow.
  function savesData() {
    const connection = navigator.connection;
    return Boolean(connection && (connection.saveData
      || SLOW_CONNECTIONS.includes(connection.effectiveType)));
  }

  // byTap: the customer pressed the button that states the size (the only way to start on
  // a connection that saves data).
  function startRuntime(assetsUrl, wheelName, version, embed, byTap) {
    if (runtime.state !== "idle" && runtime.state !== "waiting") return;
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      setRuntimeState("error", ERROR_TEXT.unsupported);
      return;
    }
    const fromFile = location.protocol === "file:";
    if (!fromFile && !byTap && savesData()) {
      if (runtime.state === "idle") setRuntimeState("waiting");
      return;
    }
    setRuntimeState("loading");
    performance.mark("checker-boot"); // read by benchmarks/bench_widget.py
    const indexURL = new URL("pyodide/", assetsUrl).href;
    if (fromFile && !embed.worker) {
      // Only the offline copy carries the runtime in a form a file:// page can load.
      setRuntimeState("error", ERROR_TEXT.offlineIncomplete);
      return;
    }
    runtime.start = () => (fromFile
      ? startEmbeddedWorker(assetsUrl, embed, indexURL, wheelName)
      : startHttpWorker(assetsUrl, indexURL, wheelName, version, embed)).catch(bootFailed);
    runtime.start();
  }

  // A boot now and then fails for passing reasons (seen about once in 25 cold boots from
  // file://): one fresh worker before the reader is told; what they pasted stays in the field.
  function bootFailed(error) {
    console.error(error);
    if (runtime.state === "loading" && !runtime.retried) {
      runtime.retried = true;
      if (runtime.worker) runtime.worker.terminate();
      runtime.worker = null;
      runtime.progress = null;
      runtime.start();
      return;
    }
    setRuntimeState("error", ERROR_TEXT.boot);
  }

  async function startHttpWorker(assetsUrl, indexURL, wheelName, version, embed) {
    const versioned = (name) => new URL(`${name}?v=${version}`, assetsUrl);
    const worker = attachWorker(new Worker(versioned("worker.js"), { type: "module" }));
    worker.postMessage({ type: "boot", mode: "http", indexURL, lock: embed.lock,
      sizes: embed.sizes, wheelURL: versioned(wheelName).href,
      stdlibURL: versioned("pyodide/python_stdlib.zip").href });
  }

  // From file:// a page may load classic scripts but neither fetch() nor start a worker
  // from a file URL, and (Chromium 156 on) a blob: worker may not importScripts() a file
  // URL either. So this page loads the worker's source and the packed runtime as classic
  // scripts and hands the packed text to a blob: worker, which unpacks it off this thread.
  async function startEmbeddedWorker(assetsUrl, embed, indexURL, wheelName) {
    const scripts = [embed.worker, ...embed.scripts];
    await Promise.all(scripts.map((path) => loadClassicScript(new URL(path, assetsUrl).href)));
    const source = window.checkerWorkerSource;
    const packed = window.checkerEmbedded;
    delete window.checkerWorkerSource;
    delete window.checkerEmbedded;
    const blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const RealWorker = workerConstructorForFiles();
    // Classic: Chromium runs no module worker from a blob: URL made on a file:// page.
    const worker = attachWorker(new RealWorker(blobUrl));
    worker.postMessage({ type: "boot", mode: "embedded", indexURL, wheelName, packed,
      lock: embed.lock });
  }

  // The offline copy loads Material's iframe-worker shim, which replaces window.Worker on
  // file:// (for the search) with one that runs the script in a frame. A blank frame of this page
  // still has the browser's own Worker; the frame stays so the worker it owns lives on.
  function workerConstructorForFiles() {
    if (!window.IFrameWorker || window.Worker !== window.IFrameWorker) return window.Worker;
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    document.body.append(frame);
    return frame.contentWindow.Worker;
  }

  function loadClassicScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error("cannot load " + src));
      document.head.appendChild(script);
    });
  }

  function attachWorker(worker) {
    runtime.worker = worker;
    worker.onmessage = (event) => onWorkerMessage(event.data);
    worker.onerror = (event) => bootFailed(event.message || event);
    return worker;
  }

  function onWorkerMessage(message) {
    if (message.type === "ready") {
      // The worker's resource timings ride along for tests and benchmarks/bench_widget.py.
      performance.mark("checker-ready", { detail: { resources: message.resources || [] } });
      setRuntimeState("ready");
    } else if (message.type === "progress") {
      runtime.progress = message;
      for (const widget of runtime.widgets) widget.showProgress();
    } else if (message.type === "boot-error") {
      bootFailed(message.detail);
    } else if (message.type === "result") {
      const resolve = runtime.waiting.get(message.id);
      runtime.waiting.delete(message.id);
      if (resolve) resolve(JSON.parse(message.json));
    }
  }

  function setRuntimeState(state, errorText) {
    runtime.state = state;
    runtime.errorText = errorText || "";
    for (const widget of runtime.widgets) widget.showState();
  }

  function ask(kind, data) {
    const id = runtime.nextId++;
    return new Promise((resolve) => {
      runtime.waiting.set(id, resolve);
      runtime.worker.postMessage({ type: "analyse", id, kind, data });
    });
  }

  /* ---- one widget on one page ---- */

  function setUpWidget(root) {
    if (root.checkerWidget) return;
    root.checkerWidget = createWidget(root);
  }

  function createWidget(root) {
    const find = (selector) => root.querySelector(selector);
    const parts = {
      status: find("[data-checker-status]"),
      bounceInput: find('[data-checker-input="bounce"]'),
      addressInput: find('[data-checker-input="address"]'),
      bounceOutput: find('[data-checker-output="bounce"]'),
      addressOutput: find('[data-checker-output="address"]'),
      fileInput: find("[data-checker-file]"),
      fieldNote: find("[data-checker-field-note]"),
      progress: find("[data-checker-progress]"),
      progressBar: find("[data-checker-progress-bar]"),
      progressText: find("[data-checker-progress-text]"),
      startButton: find("[data-checker-start]"),
    };
    const fromFile = location.protocol === "file:";
    const sizes = JSON.parse(root.dataset.sizes || "{}");
    // What the first boot downloads, as the build measured it with gzip.
    const firstDownload = Object.values(sizes).reduce((sum, size) => sum + size[1], 0);
    const sizeText = fromFile ? "" : "約 " + megabytes(firstDownload);
    const latest = { bounce: 0, address: 0 };
    const typingTimers = {};
    let pastedInto = null;
    // What the paste area stands for while it is unchanged: an opened file as bytes (its
    // charset may not be UTF-8), or all of a paste too long to show in full.
    let held = null;

    const widget = {
      showState() {
        if (!root.isConnected) {
          runtime.widgets.delete(widget);
          return;
        }
        root.dataset.state = runtime.state;
        const text = runtime.state === "error"
          ? runtime.errorText : STATUS_TEXT[runtime.state](sizeText);
        // The status is a live region: it is set once per state, so it is heard once.
        if (parts.status.textContent !== text) parts.status.textContent = text;
        parts.status.classList.toggle("checker__status--error", runtime.state === "error");
        parts.startButton.hidden = runtime.state !== "waiting";
        parts.startButton.textContent = START_BUTTON_TEXT(sizeText);
        widget.showProgress();
        if (runtime.state === "ready") analyseWhatIsThere();
      },
      // The bar and its figures: what has arrived of the first download, then 「準備中」.
      showProgress() {
        const { progressBar: bar, progressText: label } = parts;
        const state = runtime.state;
        const shown = ["idle", "loading", "ready"].includes(state);
        parts.progress.classList.toggle("checker__progress--hidden", !shown);
        const progress = runtime.progress;
        if (state === "ready") {
          bar.max = 1;
          bar.value = 1;
          label.textContent = PROGRESS_TEXT.done();
        } else if (state === "loading" && (fromFile || (progress && progress.downloaded))) {
          bar.removeAttribute("value"); // Python is starting: no figure to show
          label.textContent = PROGRESS_TEXT.starting(progress ? megabytes(progress.total) : "");
        } else if (state === "loading" && progress) {
          bar.max = progress.total;
          bar.value = progress.loaded;
          label.textContent = PROGRESS_TEXT.downloading(megabytes(progress.loaded),
            megabytes(progress.total));
        } else if (state === "loading") {
          bar.max = firstDownload;
          bar.value = 0;
          label.textContent = PROGRESS_TEXT.downloading(megabytes(0), megabytes(firstDownload));
        } else {
          bar.max = 1;
          bar.value = 0;
          label.textContent = fromFile ? "" : PROGRESS_TEXT.before(sizeText);
        }
      },
    };

    function boot(byTap) {
      startRuntime(new URL(root.dataset.assets, document.baseURI), root.dataset.wheel,
        root.dataset.version, {
        worker: root.dataset.embedWorker,
        scripts: (root.dataset.embed || "").split(/\s+/).filter(Boolean),
        lock: root.dataset.lock,
        sizes,
      }, byTap === true);
    }

    function analyseWhatIsThere() {
      if (held && held.shown === parts.bounceInput.value) {
        analyse("bounce", held.data);
      } else if (parts.bounceInput.value.trim()) {
        analyse("bounce", parts.bounceInput.value);
      }
      if (parts.addressInput.value.trim()) analyse("address", parts.addressInput.value);
    }

    function analyse(kind, data) {
      const output = kind === "bounce" ? parts.bounceOutput : parts.addressOutput;
      const isEmpty = typeof data === "string" && !data.trim();
      if (isEmpty) {
        latest[kind] = -1;
        output.replaceChildren();
        return;
      }
      boot();
      if (runtime.state !== "ready") return; // kept in the field; analysed once ready
      const id = runtime.nextId;
      latest[kind] = id;
      ask(kind, data).then((view) => {
        if (latest[kind] !== id) return; // a newer input has been sent since
        if (kind === "bounce") renderBounce(parts.bounceOutput, view);
        else renderAddress(parts.addressOutput, view);
        root.dispatchEvent(new CustomEvent("checker:result", { detail: { kind } }));
      });
    }

    function scheduleAnalysis(kind, input) {
      clearTimeout(typingTimers[kind]);
      const pause = pastedInto === input ? 0 : TYPING_PAUSE_MS;
      pastedInto = null;
      typingTimers[kind] = setTimeout(() => analyse(kind, input.value), pause);
    }

    // Puts a bounce in the paste area (its beginning only, when long) and analyses all of it.
    function takeBounce(data, text) {
      const shown = text.length > FIELD_CHARS ? text.slice(0, FIELD_CHARS) : text;
      held = { data, shown };
      parts.bounceInput.value = shown;
      parts.fieldNote.textContent = shown.length < text.length ? FIELD_NOTE : "";
      analyse("bounce", data);
    }

    function forgetHeld() {
      held = null;
      parts.fieldNote.textContent = "";
    }

    function analyseFile(file) {
      file.arrayBuffer().then((buffer) => {
        const bytes = new Uint8Array(buffer);
        takeBounce(bytes, new TextDecoder().decode(bytes));
      });
    }

    parts.bounceInput.addEventListener("paste", (event) => {
      const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
      if (text.length > FIELD_CHARS) {
        event.preventDefault();
        takeBounce(text, text);
      } else {
        pastedInto = parts.bounceInput;
      }
    });
    parts.addressInput.addEventListener("paste", () => { pastedInto = parts.addressInput; });
    parts.bounceInput.addEventListener("input", () => {
      if (held && held.shown !== parts.bounceInput.value) forgetHeld();
      scheduleAnalysis("bounce", parts.bounceInput);
    });
    parts.addressInput.addEventListener("input", () => scheduleAnalysis("address", parts.addressInput));
    parts.fileInput.addEventListener("change", () => {
      if (parts.fileInput.files.length) analyseFile(parts.fileInput.files[0]);
      parts.fileInput.value = "";
    });
    parts.bounceInput.addEventListener("dragover", (event) => {
      if (event.dataTransfer && [...event.dataTransfer.types].includes("Files")) event.preventDefault();
    });
    parts.bounceInput.addEventListener("drop", (event) => {
      const files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) {
        event.preventDefault();
        analyseFile(files[0]);
      }
    });
    setUpSampleButton(find("[data-checker-sample]"), (text) => takeBounce(text, text));
    root.querySelectorAll("[data-checker-clear]").forEach((button) => {
      button.addEventListener("click", () => {
        const kind = button.dataset.checkerClear;
        const input = kind === "bounce" ? parts.bounceInput : parts.addressInput;
        input.value = "";
        if (kind === "bounce") forgetHeld();
        analyse(kind, "");
        input.focus();
      });
    });
    setUpTabs(root);

    // Boot when the widget comes near the screen or is touched, not on page load (on a
    // connection that saves data, only from the button that states the size).
    for (const type of ["focusin", "pointerdown", "touchstart", "dragenter"]) {
      root.addEventListener(type, () => boot(), { passive: true });
    }
    parts.startButton.addEventListener("click", () => {
      boot(true);
      // The button is gone: the keyboard goes on from the status that now says what happens.
      parts.status.focus({ preventScroll: true });
    });
    if ("IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          boot();
        }
      }, { rootMargin: "200px" });
      observer.observe(root);
    } else {
      boot();
    }

    find("[data-checker-fallback]").hidden = true;
    find("[data-checker-body]").hidden = false;
    runtime.widgets.add(widget);
    widget.showState();
    return widget;
  }

  // 「サンプルを試す」 offers the guide's own examples, one after the other on repeated
  // clicks: there is no second set of samples here to drift from the guide's.
  function setUpSampleButton(button, tryText) {
    const samples = pageSamples();
    if (!samples.length) {
      button.remove();
      return;
    }
    let shown = 0;
    button.addEventListener("click", () => tryText(samples[shown++ % samples.length]));
  }

  // The 「エラーメールの例」 blocks the writers put in the bounce sections (`??? example` or
  // `!!! example`); the build checks that the checker sends each to its own section.
  function pageSamples() {
    return [...document.querySelectorAll("details.example, div.admonition.example")]
      .filter((block) => {
        const title = block.querySelector(":scope > summary, :scope > .admonition-title");
        return title && title.textContent.trim().startsWith(SAMPLE_TITLE);
      })
      .map((block) => block.querySelector("pre code"))
      .filter((code) => code && code.textContent.trim())
      .map((code) => code.textContent);
  }

  function setUpTabs(root) {
    const tabs = [...root.querySelectorAll("[data-checker-tab]")];
    const select = (chosen) => {
      for (const tab of tabs) {
        const selected = tab === chosen;
        tab.setAttribute("aria-selected", String(selected));
        tab.tabIndex = selected ? 0 : -1;
        root.querySelector(`[data-checker-panel="${tab.dataset.checkerTab}"]`).hidden = !selected;
      }
    };
    tabs.forEach((tab, index) => {
      tab.addEventListener("click", () => select(tab));
      tab.addEventListener("keydown", (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        const next = tabs[(index + step + tabs.length) % tabs.length];
        select(next);
        next.focus();
      });
    });
  }

  /* ---- drawing results (textContent only) ---- */

  function megabytes(bytes) {
    return (bytes / 1e6).toFixed(1) + " MB";
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function renderBounce(output, view) {
    if (!view.ok) {
      output.replaceChildren(el("p", "checker__error", view.error));
      return;
    }
    const nodes = [el("p", "checker__kind", view.kind_label)];
    if (view.notices.length) {
      const list = el("ul", "checker__notices");
      for (const notice of view.notices) list.append(el("li", null, notice));
      nodes.push(list);
    }
    for (const result of view.recipients) {
      nodes.push(result.failed ? recipientCard(result) : otherRecipient(result));
    }
    if (view.recipients.some((result) => result.failed)) nodes.push(supportCopy(view));
    output.replaceChildren(...nodes);
  }

  function otherRecipient(result) {
    return el("p", "checker__other", `${result.heading}: ${result.reason_label}`);
  }

  // Every text of a card comes from the checker (checker.bounce.present): the heading, the
  // state's headline, the facts as [term, value] pairs, the label of the server's answer.
  function recipientCard(result) {
    const card = el("section", "checker__card");
    card.dataset.reason = result.reason;
    card.dataset.recipient = result.recipient;
    card.dataset.status = result.status;
    card.dataset.state = result.state;
    card.append(el("h3", "checker__recipient", result.heading));
    card.append(el("p", "checker__headline", result.headline));
    const facts = el("dl", "checker__facts");
    for (const [term, value] of result.facts) {
      facts.append(el("dt", null, term), el("dd", null, value));
    }
    card.append(facts);
    if (result.diagnostic) {
      card.append(el("p", "checker__answer-label", result.answer_label));
      const pre = el("pre", "checker__answer");
      pre.append(el("code", null, result.diagnostic));
      card.append(pre);
    }
    const guide = guideSection(result.guide_keys || [result.reason]);
    if (guide) {
      card.dataset.section = guide.id;
      card.append(guide.node);
    }
    return card;
  }

  // The guide's own section for a result: the writers mark it in Markdown with
  // data-reasons on its heading, so no table here says which section answers what. The
  // keys come from the engine, most specific first (a state such as "delayed", then the reason).
  function guideSection(keys) {
    const heading = keys
      .map((key) => document.querySelector(`[data-reasons~="${CSS.escape(key)}"]`))
      .find((found) => found);
    if (!heading) return null;
    const box = el("div", "checker__guide");
    box.append(el("p", "checker__guide-title", "このガイドの説明: " + headingText(heading)));
    const paragraph = firstParagraphAfter(heading);
    // innerText keeps the paragraph's line breaks (<br>), which Japanese text relies on.
    if (paragraph) box.append(el("p", "checker__guide-text", paragraph.innerText.trim()));
    const link = el("a", "checker__guide-link", "説明の場所へ移動する");
    link.href = "#" + heading.id;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      showSection(heading);
    });
    box.append(link);
    return { id: heading.id, node: box };
  }

  function headingText(heading) {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((anchor) => anchor.remove());
    return copy.textContent.trim();
  }

  function firstParagraphAfter(heading) {
    for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return null;
      if (node.tagName === "P") return node;
    }
    return null;
  }

  function showSection(heading) {
    heading.scrollIntoView({ behavior: "smooth", block: "start" });
    heading.classList.add("checker-highlight");
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    setTimeout(() => heading.classList.remove("checker-highlight"), HIGHLIGHT_MS);
  }

  function supportCopy(view) {
    const labels = view.support_labels;
    const box = el("div", "checker__support");
    const maskLabel = el("label", "checker__mask");
    const mask = el("input");
    mask.type = "checkbox";
    mask.checked = true;
    maskLabel.append(mask, " " + labels.mask);
    const button = el("button", "checker__button", labels.copy);
    button.type = "button";
    const done = el("span", "checker__copied");
    done.setAttribute("role", "status");
    button.addEventListener("click", () => {
      const text = mask.checked ? view.support_text_masked : view.support_text;
      copyText(text).then((ok) => {
        done.textContent = ok ? labels.copied : labels.copy_failed;
      });
    });
    box.append(button, maskLabel, done);
    return box;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyBySelection(text));
    }
    return Promise.resolve(copyBySelection(text));
  }

  function copyBySelection(text) {
    const area = el("textarea", "checker__offscreen");
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }

  function renderAddress(output, view) {
    const box = el("div", "checker__address");
    box.dataset.valid = String(Boolean(view.valid));
    box.dataset.problems = view.problems.map((problem) => problem.code).join(" ");
    box.append(el("p", "checker__verdict", view.verdict));
    if (view.problems.length) {
      const list = el("ul", "checker__problems");
      for (const problem of view.problems) list.append(el("li", null, problem.message));
      box.append(list);
    }
    if (view.suggestion) {
      const line = el("p", "checker__suggestion");
      line.append("もしかして: ");
      const value = el("code", "checker__suggested", view.suggestion);
      const button = el("button", "checker__button", "コピー");
      button.type = "button";
      const done = el("span", "checker__copied");
      done.setAttribute("role", "status");
      button.addEventListener("click", () => copyText(view.suggestion).then((ok) => {
        done.textContent = ok ? "コピーしました。" : "コピーできませんでした。";
      }));
      line.append(value, " ", button, done);
      box.append(line);
    }
    output.replaceChildren(box);
  }

  /* ---- wiring into the page, with and without instant navigation ---- */

  function setUpPage() {
    document.querySelectorAll("[data-checker]").forEach(setUpWidget);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    // On file:// Material's document$ completes without emitting, hence `complete`.
    window.document$.subscribe({ next: setUpPage, complete: setUpPage });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }
})();
