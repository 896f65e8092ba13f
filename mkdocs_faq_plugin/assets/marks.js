/*
 * mkdocs-faq-plugin: what the FAQ and glossary pages add for reading — the filter's matches
 * marked with <mark> (and an answer's matching passage shown under an index link), and a
 * "Copy link" button for each question and term. Extends `window.faqPlugin` (widgets.js).
 */
(function () {
  "use strict";

  var faqPlugin = window.faqPlugin;
  if (!faqPlugin || faqPlugin.marksLoaded) return;
  faqPlugin.marksLoaded = true;

  var el = faqPlugin.el;
  var SKIP = "script, style, svg, button.faq-copy-link, .faq-permalink, .headerlink, .faq-toggle__icon, mark.faq-mark";
  var SNIPPET_RADIUS = 60;

  // ------------------------------------------------------------------ marking matches

  /** `text` folded like `faqPlugin.fold`, with each folded character's index in `text`. */
  function foldedWithOrigins(text) {
    var folded = "";
    var origins = [];
    for (var i = 0; i < text.length; i += 1) {
      var part = text[i]
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/\s/g, " ");
      for (var j = 0; j < part.length; j += 1) origins.push(i);
      folded += part;
    }
    return { folded: folded, origins: origins };
  }

  /** [start, end) ranges of `text` where a query word occurs, sorted and merged. */
  function ranges(text, words) {
    var map = foldedWithOrigins(text);
    var found = [];
    words.forEach(function (word) {
      if (!word) return;
      var at = map.folded.indexOf(word);
      while (at !== -1) {
        found.push([map.origins[at], map.origins[at + word.length - 1] + 1]);
        at = map.folded.indexOf(word, at + word.length);
      }
    });
    found.sort(function (a, b) {
      return a[0] - b[0];
    });
    var merged = [];
    found.forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range.slice());
    });
    return merged;
  }

  /** Wrap every occurrence of the (folded) query words in the text under `root` in <mark>. */
  function highlight(root, words) {
    words = words.filter(function (word) {
      return word.length > 1; // a lone letter would mark half the page
    });
    if (!words.length) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      var node = walker.currentNode;
      if (node.parentElement && !node.parentElement.closest(SKIP)) nodes.push(node);
    }
    nodes.forEach(function (node) {
      var found = ranges(node.data, words);
      for (var i = found.length - 1; i >= 0; i -= 1) {
        node.splitText(found[i][1]);
        var middle = node.splitText(found[i][0]);
        var mark = el("mark", { class: "faq-mark" });
        middle.parentNode.replaceChild(mark, middle);
        mark.appendChild(middle);
      }
    });
  }

  /** Undo `highlight` and remove the passages `snippet` added. */
  function unhighlight(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".faq-snippet"), function (snippet) {
      snippet.remove();
    });
    Array.prototype.forEach.call(root.querySelectorAll("mark.faq-mark"), function (mark) {
      var parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    });
  }

  /** The passage of `text` around its first match, marked, as a `.faq-snippet` element. */
  function snippet(text, words) {
    var found = ranges(text, words);
    if (!found.length) return null;
    var start = Math.max(0, found[0][0] - SNIPPET_RADIUS);
    var end = Math.min(text.length, found[0][1] + SNIPPET_RADIUS * 2);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start; // whole words only
    var cut = end < text.length ? text.lastIndexOf(" ", end) : -1;
    if (cut > found[0][1]) end = cut;
    var node = el("span", { class: "faq-snippet" });
    node.textContent = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    highlight(node, words);
    return node;
  }

  // ------------------------------------------------------------------ copying a link

  var status = null; // one polite live region per page announces "Link copied"

  function announce(text) {
    if (!status || !status.isConnected) {
      status = el("span", { class: "faq-visually-hidden", role: "status", "aria-live": "polite" });
      // Inside the page's main landmark: nothing of ours outside one (axe's `region`).
      (document.querySelector("main, [role='main']") || document.body).appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  /** The page's URL with `#id` and without the filter's or any other query. */
  function linkTo(id) {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = id;
    return url.href;
  }

  function copyWithSelection(text) {
    var area = el("textarea", { class: "faq-visually-hidden", readonly: "" });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    area.remove();
    return copied;
  }

  /** Copy `text`: the Clipboard API, else the older selection command; resolves to success. */
  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(
        function () {
          return true;
        },
        function () {
          return copyWithSelection(text);
        }
      );
    }
    return Promise.resolve(copyWithSelection(text));
  }

  /** Where copying is impossible, the link is shown selected in a read-only field. */
  function showLink(button, url, labels) {
    var holder = button.parentNode.querySelector(".faq-copy-manual");
    if (!holder) {
      var id = button.getAttribute("data-faq-copy") + "--link";
      holder = el("span", { class: "faq-copy-manual" });
      holder.appendChild(el("label", { for: id }, labels.copy_link_manual));
      holder.appendChild(el("input", { id: id, type: "text", readonly: "", class: "faq-copy-manual__url" }));
      button.parentNode.insertBefore(holder, button.nextSibling);
    }
    var field = holder.querySelector("input");
    field.value = url;
    field.focus();
    field.select();
  }

  /** A "Copy link" button for the entry whose heading has `id` (described by that heading). */
  function copyLinkButton(id, labels) {
    var button = el("button", {
      type: "button",
      class: "faq-copy-link",
      "data-faq-copy": id,
      "aria-describedby": id
    });
    var text = el("span", { class: "faq-copy-link__text" }, labels.copy_link);
    button.appendChild(text);
    var timer = 0;
    button.addEventListener("click", function () {
      var url = linkTo(id);
      copyText(url).then(function (copied) {
        if (!copied) {
          showLink(button, url, labels);
          return;
        }
        text.textContent = labels.link_copied;
        button.classList.add("faq-copy-link--done");
        announce(labels.link_copied);
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          text.textContent = labels.copy_link;
          button.classList.remove("faq-copy-link--done");
        }, 2500);
      });
    });
    return button;
  }

  faqPlugin.highlight = highlight;
  faqPlugin.unhighlight = unhighlight;
  faqPlugin.snippet = snippet;
  faqPlugin.copyLinkButton = copyLinkButton;
})();
