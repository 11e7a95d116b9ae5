// The worker's page, made live. Without this script the form posts to the server and the
// answer is the page with its problems and preview; with it, the same request is sent in the
// background shortly after typing stops, and the answer's problems and preview are put in place.
// The case goes only to this page's own server. Nothing is kept in the browser but the access
// token, in this tab's session storage (gone when the tab closes).
"use strict";

(() => {
  const form = document.getElementById("case-form");
  const caseText = document.getElementById("case");
  const fileInput = document.getElementById("files");
  const chosen = document.getElementById("chosen");
  const tokenInput = document.getElementById("token");
  const progress = document.getElementById("progress");
  const note = document.getElementById("preview-note");
  const preview = document.getElementById("preview");
  const pictures = new Map();
  const caseFileName = /\.(ya?ml|json)$/i;
  const tokenKey = "kinpress-token";
  let latest = 0;
  let timer;

  document.getElementById("live-actions").hidden = false;

  if (tokenInput) {
    tokenInput.value = sessionStorage.getItem(tokenKey) || "";
    tokenInput.addEventListener("change", () => {
      sessionStorage.setItem(tokenKey, tokenInput.value);
      refresh();
    });
  }

  /** The token as a header too, so the server's log can name the caller. */
  function headers() {
    return tokenInput && tokenInput.value ? { Authorization: "Bearer " + tokenInput.value } : {};
  }

  /** The form as the server reads it; the case file is already in the text area. */
  function formData(action) {
    const data = new FormData();
    data.append("case", caseText.value);
    for (const name of ["document", "reader", "theme"]) data.append(name, form.elements[name].value);
    if (tokenInput) data.append("token", tokenInput.value);
    data.append("action", action);
    for (const file of pictures.values()) data.append("files", file, file.name);
    return data;
  }

  function busy(on, words) {
    progress.hidden = !on;
    progress.lastChild.textContent = " " + (words || "Making the document…");
    if (on) preview.setAttribute("aria-busy", "true");
    else preview.removeAttribute("aria-busy");
  }

  /** Says in words why nothing came back; the answer is JSON {"error": …} or the page. */
  async function failure(response) {
    if (response.status === 401) {
      sessionStorage.removeItem(tokenKey);
      return "The access token is not right. Type the token you were given into Access token.";
    }
    const type = response.headers.get("Content-Type") || "";
    if (type.startsWith("application/json")) {
      const answer = await response.json().catch(() => ({}));
      if (answer.error) return "Kinpress could not make it: " + answer.error + ".";
    }
    return "Kinpress could not make it (the server answered " + response.status + "). Try again in a moment.";
  }

  /** Puts the answer page's problems, note, preview and withheld list into this page. */
  function adopt(html) {
    const page = new DOMParser().parseFromString(html, "text/html");
    for (const id of ["problems", "withheld-area"]) {
      const source = page.getElementById(id);
      if (source) document.getElementById(id).innerHTML = source.innerHTML;
    }
    note.textContent = page.getElementById("preview-note").textContent;
    const made = page.getElementById("preview").getAttribute("srcdoc");
    if (made) preview.srcdoc = made;
    else if (preview.getAttribute("srcdoc")) note.textContent += " Until then the preview shows the document as it was before your last change.";
    preview.classList.toggle("stale", !made && Boolean(preview.getAttribute("srcdoc")));
  }

  /** Whether the page can send: a case to send, and the token when the server asks for one. */
  function ready() {
    if (!caseText.value.trim()) return false;
    if (tokenInput && !tokenInput.value) {
      note.textContent = "Type your access token into Access token to see the document.";
      return false;
    }
    return true;
  }

  async function refresh() {
    const mine = ++latest;
    clearTimeout(timer);
    if (!ready()) {
      busy(false);
      return;
    }
    busy(true);
    try {
      const response = await fetch("/", { method: "POST", body: formData("show"), headers: headers(), cache: "no-store" });
      const type = response.headers.get("Content-Type") || "";
      const text = type.startsWith("text/html") && response.status !== 401 ? await response.text() : null;
      const words = text === null ? await failure(response) : null;
      if (mine !== latest) return;
      if (text !== null) adopt(text);
      else note.textContent = words;
    } catch (error) {
      if (mine === latest) note.textContent = "Kinpress did not answer. Check that it is still running, then change something to try again.";
    } finally {
      if (mine === latest) busy(false);
    }
  }

  function later() {
    // An answer still on its way is for older text: it must not land after this edit.
    latest++;
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }

  /** Fetches the document as a file, then saves it or prints it. */
  async function fetchFile(action, event) {
    event.preventDefault();
    if (!caseText.value.trim()) {
      note.textContent = "Choose a case file first.";
      return;
    }
    if (!ready()) {
      tokenInput.focus();
      return;
    }
    const mine = ++latest;
    clearTimeout(timer);
    busy(true, action === "print" ? "Getting the document ready to print…" : "Making the file…");
    try {
      const response = await fetch("/", { method: "POST", body: formData(action), headers: headers(), cache: "no-store" });
      const disposition = response.headers.get("Content-Disposition") || "";
      if (!response.ok || !disposition) {
        const type = response.headers.get("Content-Type") || "";
        const text = type.startsWith("text/html") && response.status !== 401 ? await response.text() : null;
        const words = text === null ? await failure(response) : null;
        if (mine !== latest) return;
        if (text !== null) {
          adopt(text);
          if (response.status === 422) note.textContent = "The file could not be made. Fix the errors under Problems first.";
        } else {
          note.textContent = words;
          if (response.status === 401 && tokenInput) tokenInput.focus();
        }
        return;
      }
      if (mine !== latest) return;
      const url = URL.createObjectURL(await response.blob());
      if (action === "print") {
        printFile(url);
      } else {
        const link = document.createElement("a");
        link.href = url;
        link.download = (disposition.match(/filename="([^"]+)"/) || [])[1] || "document";
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
        note.textContent = "Saved " + link.download + ".";
      }
    } catch (error) {
      if (mine === latest) note.textContent = "Kinpress did not answer. Check that it is still running, then try again.";
    } finally {
      if (mine === latest) busy(false);
    }
  }

  /** Prints the PDF from a frame of this page; where the browser will not, saves it to print. */
  function printFile(url) {
    document.querySelectorAll(".print-frame").forEach((frame) => frame.remove());
    const frame = document.createElement("iframe");
    frame.className = "print-frame";
    frame.title = "The document, for printing";
    frame.tabIndex = -1;
    frame.addEventListener("load", () => {
      try {
        frame.contentWindow.focus();
        frame.contentWindow.print();
      } catch (error) {
        const link = document.createElement("a");
        link.href = url;
        link.download = "document-to-print.pdf";
        document.body.append(link);
        link.click();
        link.remove();
        note.textContent = "Your browser would not print from this page, so the PDF is saved instead. Open it and print it.";
      }
    });
    frame.src = url;
    document.body.append(frame);
    note.textContent = "The document is ready to print.";
  }

  /** Puts the cursor on line `line` of the case text, with that line selected and in view. */
  function goToLine(line) {
    const lines = caseText.value.split("\n");
    let start = 0;
    for (let index = 0; index < line - 1 && index < lines.length; index++) start += lines[index].length + 1;
    const end = start + (lines[line - 1] || "").length;
    caseText.focus();
    caseText.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(caseText).lineHeight) || 20;
    caseText.scrollTop = Math.max(0, (line - 3) * lineHeight);
    caseText.scrollLeft = 0;
  }

  fileInput.addEventListener("change", async () => {
    // A new case file starts afresh: another case's pictures must never reach this one.
    if ([...fileInput.files].some((file) => caseFileName.test(file.name))) pictures.clear();
    for (const file of fileInput.files) {
      if (caseFileName.test(file.name)) caseText.value = await file.text();
      else pictures.set(file.name, file);
    }
    chosen.textContent = pictures.size ? "Pictures chosen: " + [...pictures.keys()].join(", ") : "";
    refresh();
  });
  caseText.addEventListener("input", later);
  for (const name of ["document", "reader", "theme"]) form.elements[name].addEventListener("change", refresh);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });
  document.getElementById("download-pdf").addEventListener("click", (event) => fetchFile("pdf", event));
  document.getElementById("download-html").addEventListener("click", (event) => fetchFile("html", event));
  document.getElementById("print").addEventListener("click", (event) => fetchFile("print", event));
  document.getElementById("problems").addEventListener("click", (event) => {
    const link = event.target.closest("a[data-line]");
    if (!link || !link.dataset.line) return;
    event.preventDefault();
    goToLine(Number(link.dataset.line));
  });
  if (caseText.value.trim()) refresh();
})();
