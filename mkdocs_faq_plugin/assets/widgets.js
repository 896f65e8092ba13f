/*
 * mkdocs-faq-plugin: what the FAQ and glossary pages share — text matching, block collection,
 * the filter toolbar, permalinks, and setting up each page — as `window.faqPlugin`.
 *
 * The page features (`questions.js`, `glossary.js`) register with `faqPlugin.register`. The
 * plugin serves the three files as one script (`faq-pages.js`) on the generated pages only, so
 * they always run in this order, also when Material's instant navigation inserts the script.
 *
 * Plain ES2017, no dependencies, no network. Every feature enhances markup that already works
 * without JavaScript (links, headings, anchors), and everything is set up again after Material
 * for MkDocs' instant navigation swaps the page content (`document$`).
 */
(function () {
  "use strict";

  if (window.faqPlugin) return; // the script was included twice

  var ENGLISH = {
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    filter_label: "Filter questions",
    filter_placeholder: "Type to filter questions…",
    filter_count: "{shown} of {total}",
    no_results: "No question matches your filter.",
    tags: "Tags",
    glossary_filter_label: "Filter terms",
    glossary_filter_placeholder: "Type to filter terms…",
    glossary_no_results: "No term matches your filter.",
    remove_tag: "Remove tag filter",
    letters: "Letters",
    search_site: "Search the whole site",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_link_manual: "Copy this link:",
    colon: ":"
  };

  var HEADING = /^H[1-6]$/;
  // Our own wrappers end any block: they replace the headings they contain.
  var WRAPPERS = ["faq-tools", "faq-section", "faq-item", "faq-all-tags-section", "faq-letter-group", "faq-glossary-entry"];
  var features = [];
  var uid = 0;

  /** Case- and accent-insensitive text for matching ("Émile" finds "emile"). */
  function fold(text) {
    return String(text || "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  function words(query) {
    var folded = fold(query);
    return folded ? folded.split(" ") : [];
  }

  /** Does `text` (already folded) contain every word of the query? */
  function matches(text, query) {
    return query.every(function (word) {
      return text.indexOf(word) !== -1;
    });
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text != null) node.textContent = text;
    return node;
  }

  function headingLevel(node) {
    return node && node.nodeType === 1 && HEADING.test(node.tagName) ? Number(node.tagName[1]) : 0;
  }

  function hasClass(node, name) {
    return node && node.nodeType === 1 && node.classList.contains(name);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  /** Labels the templates hand over as JSON in `data-faq-labels`, else English. */
  function readLabels() {
    var labels = Object.assign({}, ENGLISH);
    var holder = document.querySelector("[data-faq-labels]");
    var sources = [];
    if (holder) sources.push(holder.getAttribute("data-faq-labels"));
    sources.forEach(function (json) {
      try {
        var parsed = JSON.parse(json || "{}");
        Object.keys(parsed).forEach(function (key) {
          if (typeof parsed[key] === "string" && parsed[key]) labels[key] = parsed[key];
        });
      } catch (error) {
        /* malformed labels: keep the English defaults */
      }
    });
    return labels;
  }

  // ------------------------------------------------------------------ collecting blocks

  /**
   * The nodes that belong to a heading: its following siblings up to the next heading of the
   * same or a higher level. With `stopAfter`, the block also ends after an element of that class
   * (a question's `.faq-meta` paragraph closes its answer).
   */
  function blockAfter(heading, stopAfter, stopAt) {
    var level = headingLevel(heading);
    var stops = (stopAt || []).concat(WRAPPERS);
    var isStop = function (name) {
      return hasClass(node, name);
    };
    var nodes = [];
    var node = heading.nextSibling;
    while (node) {
      var nodeLevel = headingLevel(node);
      if (nodeLevel && nodeLevel <= level) break;
      if (node.nodeType === 1 && stops.some(isStop)) break;
      nodes.push(node);
      if (stopAfter && hasClass(node, stopAfter)) break;
      node = node.nextSibling;
    }
    return nodes;
  }

  function wrap(nodes, wrapper, before) {
    before.parentNode.insertBefore(wrapper, before);
    nodes.forEach(function (node) {
      wrapper.appendChild(node);
    });
    return wrapper;
  }

  function textOf(node, skipSelector) {
    if (!skipSelector) return node.textContent;
    var copy = node.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(skipSelector), function (skip) {
      skip.remove();
    });
    return copy.textContent;
  }

  /** The element holding a page's generated content, claimed once (null if already set up). */
  function claim(first) {
    var container = first.parentNode;
    if (container.hasAttribute("data-faq-ready")) return null;
    container.setAttribute("data-faq-ready", "");
    return container;
  }

  // ------------------------------------------------------------------ filter toolbar

  /** The labelled search box, count and empty message shared by FAQ and glossary pages. */
  function buildToolbar(kind, labels) {
    var n = ++uid;
    var isFaq = kind === "faq";
    var tools = el("div", { class: "faq-tools faq-tools--" + kind + " no-glossary", "data-faq-tools": kind });
    var field = el("div", { class: "faq-filter" });
    var input = el("input", {
      id: "faq--filter-" + n,
      class: "faq-filter__input",
      type: "search",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: isFaq ? labels.filter_placeholder : labels.glossary_filter_placeholder
    });
    var label = el(
      "label",
      { for: input.id, class: "faq-filter__label" },
      isFaq ? labels.filter_label : labels.glossary_filter_label
    );
    field.appendChild(label);
    field.appendChild(input);
    input.addEventListener("keydown", function (event) {
      // Escape empties the box in every browser (Chromium and Safari do it for search fields).
      if ((event.key === "Escape" || event.key === "Esc") && input.value) {
        event.preventDefault();
        input.value = "";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
    tools.appendChild(field);
    input.value = readQuery();
    input.addEventListener("input", function () {
      writeQuery(input.value);
    });
    var row = el("div", { class: "faq-tools__row" });
    var count = el("span", { class: "faq-count", id: "faq--count-" + n });
    row.appendChild(count);
    tools.appendChild(row);
    var empty = el("p", { class: "faq-empty" }, isFaq ? labels.no_results : labels.glossary_no_results);
    empty.hidden = true;
    var search = siteSearch();
    if (search) {
      var more = el("button", { type: "button", class: "faq-search-site" }, labels.search_site);
      more.addEventListener("click", function () {
        search(input.value.trim());
      });
      empty.appendChild(document.createTextNode(" "));
      empty.appendChild(more);
    }
    tools.appendChild(empty);
    return {
      root: tools,
      input: input,
      row: row,
      count: count,
      empty: empty,
      /** Show "5 of 19"; the count turns into a live region after its first text, so only a
          reader's own filtering is announced, not the page load. */
      report: function (shown, total) {
        count.textContent = format(labels.filter_count, { shown: shown, total: total });
        empty.hidden = shown > 0;
        if (!count.hasAttribute("role")) {
          count.setAttribute("role", "status");
          count.setAttribute("aria-live", "polite");
        }
      }
    };
  }

  // ------------------------------------------------------------------ the filter in the URL

  /** The filter's words live in `?filter=` (not `?q=`: Material and both built-in themes
      open their site search for a `q` parameter). */
  var QUERY_PARAM = "filter";

  function readQuery() {
    try {
      return new URL(window.location.href).searchParams.get(QUERY_PARAM) || "";
    } catch (error) {
      return "";
    }
  }

  function writeQuery(value) {
    var url = new URL(window.location.href);
    if (value.trim()) url.searchParams.set(QUERY_PARAM, value);
    else url.searchParams.delete(QUERY_PARAM);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
  }

  // ------------------------------------------------------------------ the site's own search

  function keyup(input) {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /**
   * How to search the whole site for a query, or null when the theme shows no search:
   * Material's search dialog, the mkdocs theme's search modal, else a search form's page
   * (readthedocs' `search.html?q=`).
   */
  function siteSearch() {
    var toggle = document.querySelector('input[data-md-toggle="search"]');
    var material = document.querySelector("input.md-search__input");
    if (toggle && material) {
      return function (query) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
        material.value = query;
        material.focus();
        keyup(material);
      };
    }
    var modal = document.getElementById("mkdocs-search-query");
    var opener = document.querySelector('[data-bs-target="#mkdocs_search_modal"]');
    if (modal && opener) {
      return function (query) {
        modal.value = query;
        opener.click();
        keyup(modal);
      };
    }
    var field = document.querySelector('form[action] input[name="q"]');
    if (field && field.form) {
      return function (query) {
        var url = new URL(field.form.getAttribute("action"), window.location.href);
        url.searchParams.set("q", query);
        window.location.assign(url.href);
      };
    }
    return null;
  }

  /** Put the toolbar where the template left a `.faq-tools` placeholder, else before `anchor`. */
  function placeToolbar(container, toolbar, anchor) {
    var slot = container.querySelector(".faq-tools:not([data-faq-tools])");
    if (slot) {
      if (slot.hasAttribute("data-faq-labels")) {
        toolbar.root.setAttribute("data-faq-labels", slot.getAttribute("data-faq-labels"));
      }
      slot.replaceWith(toolbar.root);
    } else if (anchor && anchor.parentNode) {
      anchor.parentNode.insertBefore(toolbar.root, anchor);
    } else {
      container.appendChild(toolbar.root);
    }
  }

  // ------------------------------------------------------------------ permalinks

  function hashTarget() {
    var id = window.location.hash.slice(1);
    if (!id) return null;
    try {
      id = decodeURIComponent(id);
    } catch (error) {
      /* keep it as written */
    }
    return document.getElementById(id);
  }

  /** Make the element the URL's #fragment points at visible: unfilter, expand, scroll. */
  function revealHash(scroll) {
    var target = hashTarget();
    if (!target) return;
    var revealed = false;
    features.forEach(function (feature) {
      if (feature.reveal(target)) revealed = true;
    });
    if (scroll || revealed) {
      window.requestAnimationFrame(function () {
        target.scrollIntoView({ block: "start" });
      });
    }
  }

  // ------------------------------------------------------------------ start

  var ready = false; // the first page was set up: features registered later start at once

  function setupPage() {
    ready = true;
    var labels = readLabels();
    var scroll = false;
    features.forEach(function (feature) {
      // A feature reports whether it shortened the page above the #target (collapsed answers).
      if (feature.setup(labels)) scroll = true;
    });
    // The browser scrolled to the #target before the answers above it were collapsed again.
    if (window.location.hash) revealHash(scroll);
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    window.addEventListener("hashchange", function () {
      revealHash(false);
    });
    // This script sits in the page content, before Material's own script has run: only once
    // the document is parsed can we tell whether Material's `document$` is there to follow.
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
    else follow();
  }

  function follow() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setupPage); // replays the current page, then every swap
    } else {
      setupPage();
    }
  }

  window.faqPlugin = {
    fold: fold,
    words: words,
    matches: matches,
    el: el,
    headingLevel: headingLevel,
    hasClass: hasClass,
    reducedMotion: reducedMotion,
    blockAfter: blockAfter,
    wrap: wrap,
    textOf: textOf,
    claim: claim,
    buildToolbar: buildToolbar,
    placeToolbar: placeToolbar,
    /**
     * Add a page feature: `setup(labels)` enhances the current page if it is one of its kind
     * (and is called again on every page); `reveal(target)` unhides the #target, returning
     * whether it had to. Features start once the page is ready.
     */
    register: function (feature) {
      features.push(feature);
      if (ready) {
        feature.setup(readLabels());
        if (window.location.hash) revealHash(false);
      } else if (!started) {
        window.setTimeout(start, 0); // the other features of the same script register first
      }
    }
  };
})();
