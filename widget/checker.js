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
  // An address is checked once typing pauses this long (or at once on Enter and on leaving
  // the field), so that a half-typed address is not judged, nor announced, at every key.
  const ADDRESS_PAUSE_MS = 700;
  // The worker answers in well under a second; one that says nothing for this long is stuck
  // or gone (a phone may end a worker to free memory). The widget's data-request-timeout-ms
  // may set a shorter time (tests do).
  const REQUEST_TIMEOUT_MS = 30000;
  // A boot that reports nothing (no progress, no ready) for this long has failed.
  const BOOT_SILENCE_MS = 60000;
  // Fresh workers started after a failure, before the widget gives up for this visit; the
  // count starts again with every answer.
  const MAX_RESTARTS = 3;
  // The result's place in the page and in the history (see markResultEntry).
  const RESULT_ANCHOR = "checker-result";
  // What was pasted stays in this tab's sessionStorage (never sent anywhere), so that coming
  // back to the page (Back from another page, a reload) finds it again; 「消去」 removes it.
  const KEEP_KEY = "mail-guide-checker";
  const KEEP_CHARS = 1000000;
  // Chromium lays out all of a textarea's text on the main thread: a paste or file of many
  // megabytes would freeze the page, so the field shows only its beginning.
  const FIELD_CHARS = 100000;
  const FIELD_NOTE = "長い内容のため、欄には最初の部分だけを表示しています。調べるのは受け取った内容の全体です（長すぎる場合は先頭から一定量まで）。";
  const HIGHLIGHT_MS = 2500;
  // The writers' sample bounces on the page (see pageSamples) carry this title.
  const SAMPLE_TITLE = "エラーメールの例";
  // Several files or an mbox become one table, read a batch of messages at a time: each batch
  // should keep the worker busy about this long (so the progress moves), the first is small.
  const BATCH_MS = 200;
  const FIRST_BATCH = 5;
  const MAX_BATCH = 100;
  // The table's progress is heard at most this often (and at the end), not at every batch.
  const BATCH_ANNOUNCE_MS = 5000;
  // Rows drawn per frame: laying out a row of Japanese text takes about 0.7 ms (measured),
  // so a frame stays well under 50 ms however many rows a batch brings.
  const ROWS_PER_FRAME = 25;
  // Rows per <tbody>: a box is laid out by walking all its children, so a frame that adds
  // rows walks the rows of the last group only, not the whole table's (thousands for 20 MB).
  const ROWS_PER_GROUP = 200;

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
  // The texts of a checker that stopped after it was ready are in widget.html
  // (data-text-* on the widget), read by widgetText().

  /* ---- the runtime: one worker for the whole visit ---- */

  const runtime = {
    state: "idle", // idle, waiting, loading, ready, restarting, error
    errorKey: "", // which text explains the state "error" (ERROR_TEXT or widget.html)
    progress: null, // { loaded, total, downloaded } from the worker, over HTTP
    worker: null,
    start: null,
    retried: false, // the current boot has been tried a second time
    restarts: 0, // fresh workers since the last answer
    bootTimer: 0,
    nextId: 1,
    waiting: new Map(), // request id -> { kind, data, resolve, reject, timer }
    // The input whose request went unanswered once: a second time, it is given up.
    suspect: null,
    givenUp: null, // { kind, data } not sent again after a restart
    // The bounce result drawn last: { kept, nodes }. A widget built again for the same page
    // (instant navigation replaces the page) shows it at once instead of an empty space
    // until the kept paste is analysed again.
    shownBounce: null,
    // The table's CSV download (a blob: URL made in this page), released with the table.
    csvUrl: "",
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
      setRuntimeState("error", "unsupported");
      return;
    }
    const fromFile = location.protocol === "file:";
    if (!fromFile && !byTap && savesData()) {
      if (runtime.state === "idle") setRuntimeState("waiting");
      return;
    }
    setRuntimeState("loading");
    armBootTimer();
    performance.mark("checker-boot"); // read by benchmarks/bench_widget.py
    const indexURL = new URL("pyodide/", assetsUrl).href;
    if (fromFile && !embed.worker) {
      // Only the offline copy carries the runtime in a form a file:// page can load.
      setRuntimeState("error", "offlineIncomplete");
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
    clearTimeout(runtime.bootTimer);
    const booting = runtime.state === "loading" || runtime.state === "restarting";
    if (!booting) return;
    stopWorker();
    runtime.progress = null;
    if (!runtime.retried) {
      runtime.retried = true;
      armBootTimer();
      runtime.start();
      return;
    }
    setRuntimeState("error", runtime.state === "restarting" ? "stopped" : "boot");
  }

  // The worker failed after it was ready: it reported an error, or a request went
  // unanswered. Its requests are asked again of a fresh worker (the widgets keep what was
  // pasted and send it once the new one is ready), up to MAX_RESTARTS times in a row.
  function workerFailed(error) {
    if (runtime.state !== "ready") {
      bootFailed(error);
      return;
    }
    console.error(error);
    stopWorker();
    for (const request of runtime.waiting.values()) {
      clearTimeout(request.timer);
      request.reject({ reason: "restart" });
    }
    runtime.waiting.clear();
    runtime.restarts += 1;
    if (runtime.restarts > MAX_RESTARTS) {
      setRuntimeState("error", "stopped");
      return;
    }
    runtime.progress = null;
    runtime.retried = false;
    setRuntimeState("restarting");
    armBootTimer();
    runtime.start();
  }

  function stopWorker() {
    const worker = runtime.worker;
    runtime.worker = null;
    if (worker) worker.terminate();
  }

  function armBootTimer() {
    clearTimeout(runtime.bootTimer);
    runtime.bootTimer = setTimeout(() => bootFailed(new Error("the checker sent nothing for "
      + BOOT_SILENCE_MS + " ms while starting")), BOOT_SILENCE_MS);
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

  // Messages and errors of a worker that has been replaced are ignored.
  function attachWorker(worker) {
    runtime.worker = worker;
    const current = () => runtime.worker === worker;
    worker.onmessage = (event) => {
      if (current()) onWorkerMessage(event.data);
    };
    worker.onerror = (event) => {
      if (current()) workerFailed(event.message || event);
    };
    worker.onmessageerror = (event) => {
      if (current()) workerFailed(event);
    };
    return worker;
  }

  function onWorkerMessage(message) {
    if (message.type === "ready") {
      clearTimeout(runtime.bootTimer);
      runtime.retried = false;
      // The worker's resource timings ride along for tests and benchmarks/bench_widget.py.
      performance.mark("checker-ready", { detail: { resources: message.resources || [] } });
      setRuntimeState("ready");
    } else if (message.type === "progress") {
      armBootTimer();
      runtime.progress = message;
      for (const widget of runtime.widgets) widget.showProgress();
    } else if (message.type === "boot-error") {
      bootFailed(message.detail);
    } else if (message.type === "fatal") {
      // Pyodide itself failed (out of memory, a crash): this worker can answer no more.
      const request = runtime.waiting.get(message.id);
      if (request) requestFailed(message.id, request, "broken", message.detail);
      else workerFailed(message.detail);
    } else if (message.type === "result") {
      const request = runtime.waiting.get(message.id);
      if (!request) return;
      runtime.waiting.delete(message.id);
      clearTimeout(request.timer);
      runtime.restarts = 0;
      if (runtime.suspect && sameInput(runtime.suspect, request)) runtime.suspect = null;
      let view;
      try {
        view = JSON.parse(message.json);
      } catch (error) {
        console.error(error);
        request.reject({ reason: "broken" });
        return;
      }
      request.resolve(view);
    }
  }

  function setRuntimeState(state, errorKey) {
    runtime.state = state;
    runtime.errorKey = errorKey || "";
    for (const widget of runtime.widgets) widget.showState();
  }

  // One request to the worker: resolves with the view, or rejects with { reason } —
  // "restart" (the worker failed; the widget sends its input again once a fresh one is
  // ready), "slow" (this input went unanswered twice), "broken" (an answer that is no JSON).
  function ask(kind, data, timeoutMs) {
    const id = runtime.nextId++;
    return new Promise((resolve, reject) => {
      const request = { kind, data, resolve, reject, timer: 0 };
      request.timer = setTimeout(() => requestFailed(id, request, "slow",
        `no answer to a ${kind} request in ${timeoutMs} ms`), timeoutMs);
      runtime.waiting.set(id, request);
      try {
        runtime.worker.postMessage({ type: "analyse", id, kind, data });
      } catch (error) {
        workerFailed(error); // e.g. a worker that is already gone
      }
    });
  }

  // No answer in time (the worker is stuck or gone), or the runtime failed on it: a fresh
  // worker takes over. The input is asked again once; if it fails that time too, it is the
  // input, and it is given up (reason "slow" or "broken") until it changes.
  function requestFailed(id, request, reason, detail) {
    if (!runtime.waiting.has(id)) return;
    clearTimeout(request.timer);
    if (runtime.suspect && sameInput(runtime.suspect, request)) {
      runtime.waiting.delete(id);
      runtime.suspect = null;
      runtime.givenUp = { kind: request.kind, data: request.data };
      request.reject({ reason });
    } else {
      runtime.suspect = { kind: request.kind, data: request.data };
    }
    workerFailed(new Error(detail));
  }

  function sameInput(a, b) {
    return a.kind === b.kind && a.data === b.data;
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
      addressAnnounce: find("[data-checker-announce]"),
    };
    const fromFile = location.protocol === "file:";
    const sizes = JSON.parse(root.dataset.sizes || "{}");
    // What the first boot downloads, as the build measured it with gzip.
    const firstDownload = Object.values(sizes).reduce((sum, size) => sum + size[1], 0);
    const sizeText = fromFile ? "" : "約 " + megabytes(firstDownload);
    const latest = { bounce: 0, address: 0 };
    const sent = { bounce: null, address: null }; // the last input sent to the worker
    const typingTimers = {};
    let pastedInto = null;
    // What the paste area stands for while it is unchanged: an opened file as bytes (its
    // charset may not be UTF-8), or all of a paste too long to show in full.
    let held = null;
    // Files opened or dropped together (or an mbox) before the checker was ready.
    let pendingFiles = null;
    // Scroll back to the result once it is drawn (Back to #checker-result on a new page).
    let returnPending = location.hash === "#" + RESULT_ANCHOR;
    // widget.html's texts for the states after ready: data-text-<key> on the widget.
    const widgetText = (key) => root.dataset["text" + key[0].toUpperCase() + key.slice(1)] || "";

    const widget = {
      showState() {
        if (!root.isConnected) {
          runtime.widgets.delete(widget);
          return;
        }
        root.dataset.state = runtime.state;
        let text;
        if (runtime.state === "error") {
          text = ERROR_TEXT[runtime.errorKey] || widgetText(runtime.errorKey);
        } else if (runtime.state === "restarting") {
          text = widgetText("restarting");
        } else {
          text = STATUS_TEXT[runtime.state](sizeText);
        }
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
        const shown = ["idle", "loading", "restarting", "ready"].includes(state);
        parts.progress.classList.toggle("checker__progress--hidden", !shown);
        const progress = runtime.progress;
        if (state === "ready") {
          bar.max = 1;
          bar.value = 1;
          label.textContent = PROGRESS_TEXT.done();
        } else if (state === "restarting"
          || (state === "loading" && (fromFile || (progress && progress.downloaded)))) {
          bar.removeAttribute("value"); // Python is starting: no figure to show
          // A fresh worker after a failure takes the runtime from the browser's cache.
          const total = progress && state === "loading" ? megabytes(progress.total) : "";
          label.textContent = PROGRESS_TEXT.starting(total);
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
      // Back to the entry of the result (#checker-result): bring the card in view again.
      returnToResult() {
        if (!root.isConnected) return;
        const card = resultCard();
        if (card) scrollBelowHeader(card, true);
        else returnPending = true;
      },
      // For tests (issue 5, test contract): the worker that answers now.
      currentWorker: () => runtime.worker,
    };

    function requestTimeout() {
      return Number(root.dataset.requestTimeoutMs) || REQUEST_TIMEOUT_MS;
    }

    // The card (or the table's row) the reader left from (kept with the jump), else the first one.
    function resultCard() {
      const section = keptInput().section;
      const cards = [...parts.bounceOutput.querySelectorAll(".checker__card, .checker__table tr[data-section]")];
      return cards.find((card) => card.dataset.section === section) || cards[0] || null;
    }

    function boot(byTap) {
      startRuntime(new URL(root.dataset.assets, document.baseURI), root.dataset.wheel,
        root.dataset.version, {
        worker: root.dataset.embedWorker,
        scripts: (root.dataset.embed || "").split(/\s+/).filter(Boolean),
        lock: root.dataset.lock,
        sizes,
      }, byTap === true);
    }

    // What the fields hold, sent again once the (perhaps fresh) worker is ready; an input
    // the worker could not answer in time, twice, is not sent again until it changes.
    function analyseWhatIsThere() {
      if (pendingFiles) {
        startBatch(pendingFiles);
        pendingFiles = null;
      }
      const bounce = held && held.shown === parts.bounceInput.value
        ? held.data : parts.bounceInput.value;
      const givenUp = (kind, data) => runtime.givenUp && sameInput(runtime.givenUp, { kind, data });
      if ((typeof bounce !== "string" || bounce.trim()) && !givenUp("bounce", bounce)) {
        analyse("bounce", bounce);
      }
      const address = parts.addressInput.value;
      if (address.trim() && !givenUp("address", address)) analyse("address", address);
    }

    function analyse(kind, data) {
      const output = kind === "bounce" ? parts.bounceOutput : parts.addressOutput;
      clearTimeout(typingTimers[kind]);
      typingTimers[kind] = 0;
      sent[kind] = data;
      keepInput(kind, data);
      const isEmpty = typeof data === "string" && !data.trim();
      if (isEmpty) {
        latest[kind] = -1;
        output.replaceChildren();
        output.classList.remove("checker__output--stale");
        if (kind === "address") parts.addressAnnounce.textContent = "";
        return;
      }
      boot();
      if (runtime.state !== "ready") return; // kept in the field; analysed once ready
      const id = runtime.nextId;
      latest[kind] = id;
      ask(kind, data, requestTimeout()).then((view) => {
        if (latest[kind] !== id) return; // a newer input has been sent since
        if (kind === "bounce") {
          releaseCsv();
          parts.bounceOutput.setAttribute("aria-live", "polite");
          renderBounce(parts.bounceOutput, view);
          runtime.shownBounce = { kept: keptKey(data), nodes: [...parts.bounceOutput.childNodes] };
          if (returnPending) {
            returnPending = false; // the first result only, not a later paste's
            const card = resultCard();
            if (card) scrollBelowHeader(card, true);
          }
        } else {
          announce(renderAddress(parts.addressOutput, view));
        }
        output.classList.remove("checker__output--stale");
        root.dispatchEvent(new CustomEvent("checker:result", { detail: { kind } }));
      }, (failure) => {
        // "restart": asked again of the fresh worker once it is ready.
        if (latest[kind] !== id || failure.reason === "restart") return;
        const text = widgetText(failure.reason === "slow" ? "slow" : "broken");
        output.replaceChildren(el("p", "checker__error", text));
        output.classList.remove("checker__output--stale");
        if (kind === "address") announce(text);
        root.dispatchEvent(new CustomEvent("checker:result", { detail: { kind, failed: true } }));
      });
    }

    // The address tab's verdict, heard once: the visible result is no live region, this
    // one is, and it changes only when a settled check says something new.
    function announce(text) {
      if (parts.addressAnnounce.textContent !== text) parts.addressAnnounce.textContent = text;
    }

    function scheduleAnalysis(kind, input) {
      clearTimeout(typingTimers[kind]);
      const typed = pastedInto !== input;
      const pause = !typed ? 0 : kind === "address" ? ADDRESS_PAUSE_MS : TYPING_PAUSE_MS;
      pastedInto = null;
      if (kind === "address" && typed) parts.addressOutput.classList.add("checker__output--stale");
      typingTimers[kind] = setTimeout(() => analyse(kind, input.value), pause);
    }

    // Enter or leaving the field: check the address now, if it changed since it was sent.
    function checkAddressNow() {
      const value = parts.addressInput.value;
      if (typingTimers.address || value !== sent.address) analyse("address", value);
    }

    function keepInput(kind, data) {
      if (kind === "address") {
        keep({ address: data || null });
      } else if (typeof data !== "string") {
        keep({ bounce: data.length * 4 / 3 < KEEP_CHARS ? { bytes: toBase64(data) } : null });
      } else {
        keep({ bounce: data.trim() && data.length < KEEP_CHARS ? { text: data } : null });
      }
    }

    function keptKey(data) {
      return typeof data === "string" ? "text:" + data : "bytes:" + data.length + ":" + toBase64(data.subarray(0, 4096));
    }

    // What this tab kept from an earlier page (Back from another page, a reload).
    function restoreKept() {
      const kept = keptInput();
      let restored = false;
      if (kept.bounce && kept.bounce.batch) {
        restoreTable(kept.bounce);
      } else if (kept.bounce && !parts.bounceInput.value) {
        const data = kept.bounce.bytes ? fromBase64(kept.bounce.bytes) : kept.bounce.text;
        if (typeof data === "string" || data.length) {
          showBounce(data, typeof data === "string" ? data : fileText(data));
          restored = true;
          const shown = runtime.shownBounce;
          if (shown && shown.kept === keptKey(data)) parts.bounceOutput.replaceChildren(...shown.nodes);
        }
      }
      if (kept.address && !parts.addressInput.value) {
        parts.addressInput.value = kept.address;
        restored = true;
      }
      if (restored) boot();
    }

    // The table of many files cannot be read again (the files are not kept): a widget built
    // again in this visit (instant navigation on Back) takes over the one drawn, even while it
    // fills; after a reload there is none, and the files must be opened again.
    function restoreTable(kept) {
      const shown = runtime.shownBounce;
      if (!shown || shown.kept !== "batch:" + kept.batch) return;
      parts.fieldNote.textContent = kept.note;
      parts.bounceOutput.setAttribute("aria-live", "off");
      parts.bounceOutput.replaceChildren(...shown.nodes);
      if (returnPending) {
        returnPending = false;
        // After the browser's own scroll restoration of the page built again.
        setTimeout(() => {
          const row = resultCard();
          if (row) scrollBelowHeader(row, true);
        });
      }
    }

    // Puts a bounce in the paste area (its beginning only, when long) and analyses all of it.
    function takeBounce(data, text) {
      showBounce(data, text);
      analyse("bounce", data);
    }

    function showBounce(data, text) {
      const shown = text.length > FIELD_CHARS ? text.slice(0, FIELD_CHARS) : text;
      held = { data, shown };
      parts.bounceInput.value = shown;
      parts.fieldNote.textContent = shown.length < text.length ? FIELD_NOTE : "";
    }

    function forgetHeld() {
      held = null;
      parts.fieldNote.textContent = "";
    }

    // One file is a card, as a paste is; several files, or an mbox, are one table.
    function analyseFiles(fileList) {
      const files = [...fileList];
      if (!files.length) return;
      opensMailbox(files[0]).then((mailbox) => {
        if (files.length === 1 && !mailbox) analyseFile(files[0]);
        else readFiles(files, Number(root.dataset.mailboxBytes)).then(startBatch);
      });
    }

    // The table of many bounces (checker.web batch_start, then batch_next for each batch):
    // the worker reads the messages, this page appends each batch's rows as they arrive.
    function startBatch(files) {
      clearTimeout(typingTimers.bounce);
      forgetHeld();
      parts.bounceInput.value = "";
      sent.bounce = null;
      keep({ bounce: null, section: null });
      parts.fieldNote.textContent = widgetText("batchFiles")
        .replace("{names}", files.map((file) => file.name).join("、"));
      boot();
      if (runtime.state !== "ready") {
        pendingFiles = files; // read once ready
        return;
      }
      const id = runtime.nextId;
      latest.bounce = id;
      const current = () => latest.bounce === id; // no newer paste, file or 「消去」 since
      ask("batch-start", files.map((file) => [file.name, file.bytes]), requestTimeout()).then((start) => {
        if (!current()) return;
        releaseCsv();
        if (!start.ok) {
          parts.bounceOutput.setAttribute("aria-live", "polite");
          parts.bounceOutput.replaceChildren(el("p", "checker__error", start.error));
          return;
        }
        // The rows would each be heard: the table's own status says the progress instead.
        parts.bounceOutput.setAttribute("aria-live", "off");
        const table = batchTable(start, parts.bounceOutput, (url) => {
          runtime.csvUrl = url;
          root.dispatchEvent(new CustomEvent("checker:result", { detail: { kind: "bounce" } }));
        });
        runtime.shownBounce = { kept: "batch:" + id, nodes: [...parts.bounceOutput.childNodes] };
        keep({ bounce: { batch: id, note: parts.fieldNote.textContent } });
        nextBatch(start.batch, FIRST_BATCH, table, current);
      }, (failure) => {
        if (current()) parts.bounceOutput.replaceChildren(el("p", "checker__error", failureText(failure)));
      });
    }

    // The next batch is asked for before this one is drawn, so the worker is not idle meanwhile.
    function nextBatch(batch, count, table, current) {
      const asked = performance.now();
      ask("batch-next", [batch, count], requestTimeout()).then((view) => {
        if (!current()) return;
        if (!view.ok) {
          table.fail(view.error);
          return;
        }
        if (!view.done) nextBatch(batch, batchSize(count, performance.now() - asked), table, current);
        table.add(view);
      }, (failure) => {
        if (current()) table.fail(failureText(failure));
      });
    }

    function failureText(failure) {
      return widgetText(failure.reason === "slow" ? "slow" : "broken");
    }

    function releaseCsv() {
      if (runtime.csvUrl) URL.revokeObjectURL(runtime.csvUrl);
      runtime.csvUrl = "";
    }

    // The file is analysed as bytes; the field shows them decoded as the checker would.
    function analyseFile(file) {
      file.arrayBuffer().then((buffer) => {
        const bytes = new Uint8Array(buffer);
        takeBounce(bytes, fileText(bytes));
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
      pendingFiles = null;
      if (!held || held.shown !== parts.bounceInput.value) forgetHeld();
      scheduleAnalysis("bounce", parts.bounceInput);
    });
    parts.addressInput.addEventListener("input", () => scheduleAnalysis("address", parts.addressInput));
    parts.addressInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) checkAddressNow();
    });
    parts.addressInput.addEventListener("blur", checkAddressNow);
    parts.fileInput.addEventListener("change", () => {
      analyseFiles(parts.fileInput.files);
      parts.fileInput.value = "";
    });
    parts.bounceInput.addEventListener("dragover", (event) => {
      if (event.dataTransfer && [...event.dataTransfer.types].includes("Files")) event.preventDefault();
    });
    parts.bounceInput.addEventListener("drop", (event) => {
      const files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) {
        event.preventDefault();
        analyseFiles(files);
      }
    });
    setUpSampleButton(find("[data-checker-sample]"), (text) => takeBounce(text, text));
    root.querySelectorAll("[data-checker-clear]").forEach((button) => {
      button.addEventListener("click", () => {
        const kind = button.dataset.checkerClear;
        const input = kind === "bounce" ? parts.bounceInput : parts.addressInput;
        input.value = "";
        if (kind === "bounce") {
          forgetHeld();
          pendingFiles = null;
          releaseCsv();
          keep({ section: null });
        }
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
    restoreKept();
    runtime.widgets.add(widget);
    widget.showState();
    return widget;
  }

  /* ---- what this tab keeps (sessionStorage: this tab only, never sent) ---- */

  function keptInput() {
    try {
      return JSON.parse(sessionStorage.getItem(KEEP_KEY) || "{}") || {};
    } catch {
      return {}; // storage blocked (a privacy setting) or spoilt: the page still has it
    }
  }

  function keep(changes) {
    try {
      const kept = { ...keptInput(), ...changes };
      for (const key of Object.keys(kept)) if (kept[key] === null) delete kept[key];
      if (Object.keys(kept).length) sessionStorage.setItem(KEEP_KEY, JSON.stringify(kept));
      else sessionStorage.removeItem(KEEP_KEY);
    } catch {
      // full or blocked: what was pasted stays in the page, just not across pages
    }
  }

  function toBase64(bytes) {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function fromBase64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  // The text of a file for the paste area, decoded the way the checker decodes text whose
  // charset it does not know (checker/bounce/mime.py guess_decode): ISO-2022-JP when 7-bit
  // with its escape sequences, else UTF-8, else the better of Shift_JIS and EUC-JP.
  function fileText(bytes) {
    const decode = (label, fatal) => new TextDecoder(label, { fatal: Boolean(fatal) }).decode(bytes);
    let ascii = true;
    let jisEscape = false;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] >= 0x80) {
        ascii = false;
        break;
      }
      if (bytes[i] === 0x1b && bytes[i + 1] === 0x24) jisEscape = true;
    }
    if (ascii) return jisEscape ? decode("iso-2022-jp") : decode("utf-8");
    try {
      return decode("utf-8", true);
    } catch {
      // not UTF-8: one of the Japanese 8-bit charsets
    }
    let best = "";
    let bestBad = -1;
    for (const label of ["shift_jis", "euc-jp"]) {
      const text = decode(label);
      const bad = text.split("\ufffd").length - 1;
      if (bestBad < 0 || bad < bestBad) {
        best = text;
        bestBad = bad;
      }
    }
    return bestBad * 20 > bytes.length ? decode("utf-8") : best;
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
      .filter(isSample)
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

  /* ---- many bounces as one table ---- */

  // An mbox opens with its "From " separator line (RFC 4155); a message never does (its
  // header is "From:"). The checker splits the file; this only chooses table or card.
  function opensMailbox(file) {
    return file.slice(0, 5).text().then((start) => start === "From ");
  }

  // The files' bytes in order, at most limit + 1 of all together: the checker reads no more
  // than the limit, and the byte over it tells that the rest was left unread.
  async function readFiles(files, limit) {
    const read = [];
    let room = limit + 1;
    for (const file of files) {
      if (room <= 0) break;
      const bytes = new Uint8Array(await file.slice(0, room).arrayBuffer());
      room -= bytes.length;
      read.push({ name: file.name, bytes });
    }
    return read;
  }

  // Messages for the next batch: as many as the worker reads in about BATCH_MS, judged by the
  // last batch, growing at most twofold.
  function batchSize(count, elapsedMs) {
    const fitting = Math.round(count * BATCH_MS / Math.max(elapsedMs, 1));
    return Math.max(1, Math.min(MAX_BATCH, count * 2, fitting));
  }

  // The table's frame (progress, counts, the table with its heads); returns what fills it.
  // Every text comes from the checker (checker.bounce.present BATCH_LABELS_JA). `finished`
  // gets the CSV's URL once the last row is drawn.
  function batchTable(start, output, finished) {
    const labels = start.labels;
    const box = el("div", "checker__batch");
    const progress = el("div", "checker__batch-progress");
    const bar = el("progress");
    bar.max = Math.max(start.total, 1);
    bar.value = 0;
    const progressText = el("p", "checker__batch-status", start.progress);
    // Seen at every batch; heard from its copy below, at most every BATCH_ANNOUNCE_MS and at the end.
    progressText.setAttribute("aria-hidden", "true");
    bar.setAttribute("aria-label", labels.progress_bar);
    progress.append(progressText, bar);
    const heard = el("p", "checker__sr-only", start.progress);
    heard.setAttribute("role", "status");
    const download = el("p", "checker__download");
    download.hidden = true;
    box.append(progress, heard, download);
    if (start.notices.length) {
      const list = el("ul", "checker__notices");
      for (const notice of start.notices) list.append(el("li", null, notice));
      box.append(list);
    }
    const counts = el("table", "checker__counts");
    const countsBody = el("tbody");
    counts.append(el("caption", null, labels.counts),
      headRow([labels.reason, labels.count]), countsBody);
    const table = el("table", "checker__table");
    let rowsBody = el("tbody");
    table.append(el("caption", null, start.caption),
      headRow([labels.source, labels.recipient, labels.what, labels.retry, labels.guide]), rowsBody);
    // Where the page is narrower than the table's columns (but not a phone's width, where
    // rows stack), the table scrolls sideways in its own box, reachable by keyboard.
    const scroller = el("div", "checker__table-scroll");
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", start.caption);
    scroller.append(table);
    scroller.addEventListener("click", (event) => {
      const row = event.target.closest("tr[data-section]");
      if (row) followFromResult(event, row.dataset.section);
    });
    box.append(counts, scroller);
    output.replaceChildren(box);

    const headings = new Map(); // guide keys -> the section's heading, looked up once
    const headingFor = (keys) => {
      const key = keys.join(" ");
      if (!headings.has(key)) headings.set(key, guideHeading(keys));
      return headings.get(key);
    };
    let announced = performance.now();
    const waiting = []; // rows received, not drawn yet
    let drawing = false;
    let last = null; // the last batch's view, shown once its rows are drawn
    const drawSome = () => {
      if (rowsBody.rows.length >= ROWS_PER_GROUP) {
        rowsBody = el("tbody");
        table.append(rowsBody);
      }
      const rows = document.createDocumentFragment();
      const room = Math.min(ROWS_PER_FRAME, ROWS_PER_GROUP - rowsBody.rows.length);
      for (const row of waiting.splice(0, room)) rows.append(batchRow(row, labels, headingFor));
      rowsBody.append(rows);
      drawing = waiting.length > 0;
      if (drawing) requestAnimationFrame(drawSome);
      else if (last) finish();
    };
    const finish = () => {
      progressText.textContent = last.summary;
      heard.textContent = last.summary;
      progress.classList.add("checker__batch-progress--done");
      download.replaceChildren(csvLink(last.csv, labels, finished));
      download.hidden = false;
    };
    return {
      add(view) {
        waiting.push(...view.rows);
        if (!drawing && waiting.length) {
          drawing = true;
          requestAnimationFrame(drawSome);
        }
        countsBody.replaceChildren(...view.counts.map((count) => countRow(count)));
        bar.value = view.read;
        progressText.textContent = view.progress;
        if (performance.now() - announced >= BATCH_ANNOUNCE_MS) {
          heard.textContent = view.progress;
          announced = performance.now();
        }
        if (view.done) {
          last = view;
          if (!drawing) finish();
        }
      },
      fail(text) {
        const error = el("p", "checker__error", text);
        box.insertBefore(error, download);
        heard.textContent = text;
      },
    };
  }

  function headRow(heads) {
    const head = el("thead");
    const row = el("tr");
    for (const text of heads) {
      const cell = el("th", null, text);
      cell.scope = "col";
      row.append(cell);
    }
    head.append(row);
    return head;
  }

  // One failed recipient of one message, or a message that could not be read. Each cell
  // carries its column's head for the stacked rows at a phone's width (checker.css).
  function batchRow(row, labels, headingFor) {
    const tr = el("tr");
    tr.dataset.file = row.file;
    if (row.message !== null) tr.dataset.message = String(row.message);
    const source = el("th", "checker__source", row.source);
    source.scope = "row";
    tr.append(source);
    if (row.error) {
      tr.dataset.error = "";
      const cell = el("td", "checker__row-error", row.error);
      cell.colSpan = 4;
      tr.append(cell);
      return tr;
    }
    tr.dataset.reason = row.reason;
    tr.dataset.recipient = row.recipient;
    tr.dataset.state = row.state;
    const cell = (text, label) => {
      const node = el("td", null, text);
      node.dataset.label = label;
      return node;
    };
    tr.append(cell(row.heading, labels.recipient), cell(row.what, labels.what), cell(row.retry, labels.retry));
    const guide = cell(null, labels.guide);
    const heading = headingFor(row.guide_keys);
    if (heading) {
      tr.dataset.section = heading.id;
      const link = el("a", "checker__guide-link", headingText(heading));
      link.href = "#" + heading.id;
      guide.append(link);
    }
    tr.append(guide);
    return tr;
  }

  function countRow(count) {
    const row = el("tr");
    if (count.reason) row.dataset.reason = count.reason;
    const label = el("th", null, count.label);
    label.scope = "row";
    row.append(label, el("td", "checker__count", String(count.count)));
    return row;
  }

  // Made in this page from the checker's CSV text: nothing is sent anywhere.
  function csvLink(csv, labels, finished) {
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = el("a", "checker__button checker__csv", labels.csv);
    link.href = url;
    link.download = labels.csv_file;
    finished(url);
    return link;
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
    const heading = guideHeading(keys);
    if (!heading) return null;
    const box = el("div", "checker__guide");
    box.append(el("p", "checker__guide-title", "このガイドの説明: " + headingText(heading)));
    box.append(sectionCopy(heading));
    const link = el("a", "checker__guide-link", "説明の場所へ移動する");
    link.href = "#" + heading.id;
    box.append(link);
    // Any link followed from the card (the jump, or a link in the copied section) leaves
    // from the result: Back comes back to it.
    box.addEventListener("click", (event) => followFromResult(event, heading.id));
    return { id: heading.id, node: box };
  }

  function guideHeading(keys) {
    return keys
      .map((key) => document.querySelector(`[data-reasons~="${CSS.escape(key)}"]`))
      .find((found) => found) || null;
  }

  // A link followed from a result (a card's jump or copied section, a row of the table)
  // leaves from it: Back comes back to it; a link into this page is the widget's own jump.
  function followFromResult(event, sectionId) {
    const anchor = event.target.closest("a[href]");
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || anchor.target) return;
    markResultEntry(sectionId);
    const target = samePageTarget(anchor);
    if (target) {
      event.preventDefault();
      event.stopPropagation(); // see jumpTo
      jumpTo(target);
    }
  }

  // The element an anchor points to on this page, if it points into this page.
  function samePageTarget(anchor) {
    const url = new URL(anchor.href, document.baseURI);
    const here = new URL(location.href);
    if (!url.hash || url.origin + url.pathname + url.search !== here.origin + here.pathname + here.search) {
      return null;
    }
    return document.getElementById(decodeURIComponent(url.hash.slice(1)));
  }

  // To a section of this page, with a history entry of its own (Back returns to the result),
  // below the sticky header. Material's instant navigation does not see the click: for the
  // first link it follows it fetches the page again and replaces it, card and all.
  function jumpTo(target) {
    history.pushState(null, "", "#" + target.id);
    ownEntries.add("#" + target.id);
    scrollBelowHeader(target);
    showSection(target);
  }

  function headingText(heading) {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((anchor) => anchor.remove());
    return copy.textContent.trim();
  }

  // The section's whole text, from its heading to the next heading of the same or a higher
  // level: paragraphs, lists, notes and links as the guide has them (copies of its nodes,
  // made safe by safeCopy), without the sample bounces and without the checker itself.
  function sectionCopy(heading) {
    const level = Number(heading.tagName.slice(1));
    const body = el("div", "checker__guide-body");
    for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      const sub = /^H([1-6])$/.exec(node.tagName);
      if (sub && Number(sub[1]) <= level) break;
      if (sub) {
        // A subheading of the section: its text, not a heading inside the card.
        body.append(el("p", "checker__guide-subheading", headingText(node)));
      } else if (!isLeftOut(node)) {
        const copy = safeCopy(node);
        if (copy) body.append(copy);
      }
    }
    return body;
  }

  function isLeftOut(node) {
    return isSample(node) || node.matches("[data-checker], script, style, template")
      || Boolean(node.querySelector("[data-checker]"));
  }

  // A 「エラーメールの例」 block (see pageSamples): the reader has the real one in the card.
  function isSample(node) {
    if (!node.matches("details.example, div.admonition.example")) return false;
    const title = node.querySelector(":scope > summary, :scope > .admonition-title");
    return Boolean(title && title.textContent.trim().startsWith(SAMPLE_TITLE));
  }

  const UNSAFE_ELEMENTS = "script, style, template, iframe, frame, object, embed, link, meta, base,"
    + " form, input, button, select, textarea, noscript, .headerlink, .md-clipboard";
  // Attributes that point at other elements by id: the copy has no ids.
  const ID_REFERENCES = ["for", "form", "list", "headers", "aria-labelledby", "aria-describedby",
    "aria-controls", "aria-owns", "aria-activedescendant", "aria-details", "aria-errormessage",
    "popovertarget", "commandfor"];
  const SAFE_URL_SCHEMES = ["http:", "https:", "file:", "mailto:"];

  // A copy of a node of the guide that can sit in the card: no scripts or form controls, no
  // event handler attributes, no ids (each stays unique on the page), no id references, no
  // links but to pages, anchors and mail. Content tabs become their titles and panels.
  function safeCopy(node) {
    const copy = node.cloneNode(true);
    const tabs = copy.matches(".tabbed-set") ? [copy] : [...copy.querySelectorAll(".tabbed-set")];
    tabs.forEach(unfoldTabs);
    copy.querySelectorAll(UNSAFE_ELEMENTS).forEach((unsafe) => unsafe.remove());
    copy.querySelectorAll("details, .admonition").forEach((block) => {
      if (isSample(block)) block.remove();
    });
    for (const element of [copy, ...copy.querySelectorAll("*")]) {
      for (const { name } of [...element.attributes]) {
        const lower = name.toLowerCase();
        if (lower.startsWith("on") || lower === "id" || lower === "name" || lower === "srcdoc"
            || ID_REFERENCES.includes(lower)) {
          element.removeAttribute(name);
        } else if (["href", "src", "action", "formaction", "xlink:href", "poster"].includes(lower)
            && !safeUrl(element.getAttribute(name))) {
          element.removeAttribute(name);
        }
      }
    }
    return copy.matches(UNSAFE_ELEMENTS) ? null : copy;
  }

  function safeUrl(value) {
    try {
      return SAFE_URL_SCHEMES.includes(new URL(value, document.baseURI).protocol);
    } catch {
      return false;
    }
  }

  // pymdownx.tabbed: radio inputs, labels that point at them, one block per tab. In the copy
  // each tab's title goes before its block, all shown.
  function unfoldTabs(set) {
    const titles = [...set.querySelectorAll(":scope > .tabbed-labels > label")];
    const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
    const unfolded = el("div", "checker__guide-tabs");
    blocks.forEach((block, index) => {
      if (titles[index]) unfolded.append(el("p", "checker__guide-subheading", titles[index].textContent.trim()));
      unfolded.append(...block.childNodes);
    });
    set.replaceWith(unfolded);
  }

  // Before the reader leaves the result (a jump to the guide's section, or a link in the
  // copy), the current history entry becomes #checker-result: Back returns to it, on this
  // page (popstate) or on the page built again (Material's instant navigation, which fetches
  // the page again on the first Back; file://; a reload), where the kept paste is analysed
  // again and the card brought in view. The section is kept to find the card left from.
  function markResultEntry(sectionId) {
    if (location.hash !== "#" + RESULT_ANCHOR) {
      history.replaceState(history.state, "", "#" + RESULT_ANCHOR);
    }
    keep({ section: sectionId });
  }

  // Marks the section's heading for a moment and moves the keyboard there.
  function showSection(heading) {
    heading.classList.add("checker-highlight");
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    setTimeout(() => heading.classList.remove("checker-highlight"), HIGHLIGHT_MS);
  }

  // Material's header stays at the top while the page scrolls under it.
  function headerBottom() {
    const header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  // upward: the page scrolls up (back to the result), which makes Material show its
  // 「ページトップへ戻る」 button under the header; the element goes below that too.
  function scrollBelowHeader(element, upward) {
    const button = upward ? document.querySelector(".md-top") : null;
    const room = button ? button.getBoundingClientRect().height + 16 : 0;
    const top = element.getBoundingClientRect().top + window.scrollY - headerBottom() - 8 - room;
    window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
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

  // Draws the address view; returns what the live region says (the verdict and the problems).
  function renderAddress(output, view) {
    if (!view.ok) {
      output.replaceChildren(el("p", "checker__error", view.error));
      return view.error;
    }
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
    const heard = [view.verdict, ...view.problems.map((problem) => problem.message)];
    if (view.suggestion) heard.push("もしかして: " + view.suggestion);
    return heard.join(" ");
  }

  /* ---- wiring into the page, with and without instant navigation ---- */

  // The page shown now (instant navigation changes it without loading this script again),
  // and the fragments of the history entries the widget made on it (see markResultEntry and
  // jumpTo).
  let shownPage = "";
  const ownEntries = new Set(["#" + RESULT_ANCHOR]);

  function setUpPage() {
    shownPage = location.pathname + location.search;
    document.querySelectorAll("[data-checker]").forEach(setUpWidget);
  }

  // Back (or Forward) between the widget's own entries of the page shown: the widget
  // scrolls (to the card, or to the section), after the browser's own scroll restoration,
  // hence the task. (Material's instant navigation hears of it first and, on the first
  // history move of a visit, fetches this very page again and replaces it: the new widget
  // then takes the result over, see restoreKept.)
  window.addEventListener("popstate", () => {
    if (location.pathname + location.search !== shownPage || !ownEntries.has(location.hash)) return;
    const hash = location.hash;
    setTimeout(() => {
      if (hash === "#" + RESULT_ANCHOR) {
        for (const widget of runtime.widgets) widget.returnToResult();
      } else {
        const target = document.getElementById(decodeURIComponent(hash.slice(1)));
        if (target) scrollBelowHeader(target);
      }
    });
  });

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
