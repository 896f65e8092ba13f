/*
 * mkdocs-faq-plugin: glossary tooltips, FAQ filter and collapsing, glossary filter.
 *
 * Plain ES2017, no dependencies, no network. Every feature enhances markup that already works
 * without JavaScript (links, headings, anchors), and everything is set up again after Material
 * for MkDocs' instant navigation swaps the page content (`document$`). Listeners live on
 * `document` (event delegation), so setting a page up twice costs nothing.
 */
(function () {
  "use strict";

  if (window.__faqPluginLoaded) return; // the script was included twice
  window.__faqPluginLoaded = true;

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
    letters: "Letters"
  };

  var TERM = ".faq-term[data-faq-term]";
  var HEADING = /^H[1-6]$/;
  // Our own wrappers end any block: they replace the headings they contain.
  var WRAPPERS = ["faq-tools", "faq-section", "faq-item", "faq-all-tags-section", "faq-letter-group", "faq-glossary-entry"];
  var STORAGE_PREFIX = "faq-plugin:collapsed:";
  var SUPPORTS_UNTIL_FOUND = "onbeforematch" in document.documentElement;
  var uid = 0;

  // ------------------------------------------------------------------ helpers

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

  /** Labels the templates hand over as JSON in `data-faq-labels`, else English. */
  function readLabels() {
    var labels = Object.assign({}, ENGLISH);
    var holder = document.querySelector("[data-faq-labels]");
    var script = document.getElementById("faq-labels");
    var sources = [];
    if (script) sources.push(script.textContent);
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

  /** Material for MkDocs' own tooltips (`content.tooltips`) take over when enabled. */
  function materialTooltips() {
    var config = document.getElementById("__config");
    if (!config) return false;
    try {
      var features = JSON.parse(config.textContent).features || [];
      return features.indexOf("content.tooltips") !== -1;
    } catch (error) {
      return false;
    }
  }

  var storage = {
    get: function (key) {
      try {
        return JSON.parse(window.localStorage.getItem(STORAGE_PREFIX + key) || "null");
      } catch (error) {
        return null;
      }
    },
    set: function (key, value) {
      try {
        if (value == null) window.localStorage.removeItem(STORAGE_PREFIX + key);
        else window.localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
      } catch (error) {
        /* storage disabled: the state just is not remembered */
      }
    }
  };

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

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

  // ------------------------------------------------------------------ tooltips

  var tip = {
    node: null, // the popup, created once and re-attached if a page swap removed it
    term: null, // the term it describes right now
    visible: false,
    showTimer: 0,
    hideTimer: 0,
    dismissed: null, // a term closed with Escape stays closed until pointer/focus leave it
    touchTerm: null, // the term under the current touch, and whether it was open before it
    touchWasOpen: false,
    disabled: false
  };

  function tooltipNode() {
    if (!tip.node) {
      tip.node = el("div", { id: "faq-tooltip", class: "faq-tooltip", role: "tooltip" });
      tip.node.hidden = true;
    }
    if (!tip.node.isConnected) document.body.appendChild(tip.node);
    return tip.node;
  }

  function termOf(target) {
    if (!target || !target.closest) return null;
    var term = target.closest(TERM);
    if (!term) return null;
    return term.hasAttribute("title") || term.hasAttribute("data-faq-title") ? term : null;
  }

  function inTooltip(target) {
    return !!(tip.node && target && tip.node.contains(target));
  }

  function definitionOf(term) {
    return term.getAttribute("data-faq-title") || term.getAttribute("title") || "";
  }

  /** Park the native tooltip text so the browser does not show it on top of ours. */
  function parkTitle(term) {
    if (term.hasAttribute("title")) {
      term.setAttribute("data-faq-title", term.getAttribute("title"));
      term.removeAttribute("title");
    }
  }

  function restoreTitle(term) {
    if (term.hasAttribute("data-faq-title")) {
      term.setAttribute("title", term.getAttribute("data-faq-title"));
      term.removeAttribute("data-faq-title");
    }
  }

  function describedBy(term, add) {
    var ids = (term.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== "faq-tooltip";
    });
    if (add) ids.push("faq-tooltip");
    if (ids.length) term.setAttribute("aria-describedby", ids.join(" "));
    else term.removeAttribute("aria-describedby");
  }

  function place() {
    var term = tip.term;
    var node = tip.node;
    if (!term || !node || !term.isConnected) return;
    var rects = term.getClientRects();
    var box = rects.length ? rects[0] : term.getBoundingClientRect();
    var margin = 8;
    var gap = 8;
    var viewWidth = document.documentElement.clientWidth || window.innerWidth;
    var viewHeight = window.innerHeight;
    node.style.maxWidth = Math.min(320, viewWidth - 2 * margin) + "px";
    var width = node.offsetWidth;
    var height = node.offsetHeight;
    var left = box.left + box.width / 2 - width / 2;
    left = Math.max(margin, Math.min(left, viewWidth - width - margin));
    var below = box.bottom + gap;
    var above = box.top - gap - height;
    var top = below + height <= viewHeight - margin || above < margin ? below : above;
    node.setAttribute("data-placement", top === below ? "bottom" : "top");
    node.style.left = Math.round(left) + "px";
    node.style.top = Math.round(top) + "px";
    var arrow = box.left + box.width / 2 - left;
    node.style.setProperty("--faq-arrow-x", Math.round(Math.max(12, Math.min(arrow, width - 12))) + "px");
  }

  function show(term) {
    clearTimeout(tip.showTimer);
    clearTimeout(tip.hideTimer);
    if (tip.disabled || tip.dismissed === term) return;
    var text = definitionOf(term);
    if (!text) return;
    if (tip.term && tip.term !== term) release(tip.term);
    var node = tooltipNode();
    parkTitle(term);
    node.textContent = text;
    tip.term = term;
    describedBy(term, true);
    node.hidden = false;
    place();
    tip.visible = true;
    node.classList.add("faq-tooltip--visible");
  }

  function release(term) {
    describedBy(term, false);
    // While the pointer still rests on the term, the native tooltip would pop up at once.
    if (!term.matches(":hover")) restoreTitle(term);
  }

  function hide() {
    clearTimeout(tip.showTimer);
    clearTimeout(tip.hideTimer);
    if (tip.term) release(tip.term);
    tip.term = null;
    tip.visible = false;
    if (tip.node) {
      tip.node.classList.remove("faq-tooltip--visible");
      tip.node.hidden = true;
    }
  }

  function scheduleShow(term, delay) {
    clearTimeout(tip.hideTimer);
    clearTimeout(tip.showTimer);
    if (tip.visible && tip.term === term) return;
    tip.showTimer = setTimeout(function () {
      show(term);
    }, delay);
  }

  function scheduleHide(delay) {
    clearTimeout(tip.showTimer);
    clearTimeout(tip.hideTimer);
    tip.hideTimer = setTimeout(hide, delay);
  }

  function onPointerOver(event) {
    if (tip.disabled || event.pointerType === "touch") return;
    if (inTooltip(event.target)) {
      clearTimeout(tip.hideTimer); // the popup itself can be hovered (WCAG 1.4.13)
      return;
    }
    var term = termOf(event.target);
    if (term) {
      parkTitle(term);
      scheduleShow(term, 120);
    }
  }

  function onPointerOut(event) {
    if (tip.disabled || event.pointerType === "touch") return;
    var term = termOf(event.target);
    var leavingTip = inTooltip(event.target);
    if (!term && !leavingTip) return;
    var to = event.relatedTarget;
    if (to && ((term && term.contains(to)) || inTooltip(to) || (tip.term && tip.term.contains(to)))) return;
    if (term) {
      if (tip.dismissed === term) tip.dismissed = null;
      if (term !== tip.term) {
        clearTimeout(tip.showTimer);
        restoreTitle(term);
        return;
      }
    }
    if (tip.term && tip.term === document.activeElement) return; // focus keeps it open
    scheduleHide(200);
    if (term && !tip.visible) restoreTitle(term);
  }

  function onFocusIn(event) {
    if (tip.disabled) return;
    var term = termOf(event.target);
    if (term) {
      tip.dismissed = null;
      show(term);
    }
  }

  function onFocusOut(event) {
    if (tip.disabled) return;
    var term = termOf(event.target);
    if (term && term === tip.term && !term.matches(":hover")) hide();
    if (term && tip.dismissed === term) tip.dismissed = null;
  }

  function onKeyDown(event) {
    if (event.key === "Escape" || event.key === "Esc") {
      if (tip.visible) {
        tip.dismissed = tip.term;
        hide();
      }
    }
  }

  function onPointerDown(event) {
    if (tip.disabled) return;
    if (event.pointerType === "touch" || event.pointerType === "pen") {
      var term = termOf(event.target);
      tip.touchTerm = term;
      tip.touchWasOpen = !!(term && tip.visible && tip.term === term);
      if (!term && !inTooltip(event.target)) hide();
    } else {
      tip.touchTerm = null;
      if (!termOf(event.target) && !inTooltip(event.target)) tip.dismissed = null;
    }
  }

  function onClick(event) {
    if (tip.disabled) return;
    var term = termOf(event.target);
    if (!term) return;
    var touch = event.pointerType ? event.pointerType === "touch" || event.pointerType === "pen" : tip.touchTerm === term;
    if (!touch || tip.touchTerm !== term) return;
    tip.touchTerm = null;
    if (tip.touchWasOpen) {
      hide(); // second tap: follow the link as usual
      return;
    }
    // First tap on a touch screen: show the definition instead of leaving the page.
    event.preventDefault();
    event.stopPropagation(); // Material's instant navigation does not look at defaultPrevented
    tip.dismissed = null;
    show(term);
  }

  var placing = false;
  function onViewportChange() {
    if (!tip.visible || placing) return;
    placing = true;
    window.requestAnimationFrame(function () {
      placing = false;
      if (tip.term && !tip.term.isConnected) hide();
      else place();
    });
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

  // ------------------------------------------------------------------ filter toolbar

  /** The labelled search box, count and empty message shared by FAQ and glossary pages. */
  function buildToolbar(kind, labels) {
    var n = ++uid;
    var isFaq = kind === "faq";
    var tools = el("div", { class: "faq-tools faq-tools--" + kind + " no-glossary", "data-faq-tools": kind });
    var field = el("div", { class: "faq-filter" });
    var input = el("input", {
      id: "faq-filter-" + n,
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
    tools.appendChild(field);
    var row = el("div", { class: "faq-tools__row" });
    var count = el("span", { class: "faq-count", role: "status", "aria-live": "polite" });
    row.appendChild(count);
    tools.appendChild(row);
    var empty = el("p", { class: "faq-empty" }, isFaq ? labels.no_results : labels.glossary_no_results);
    empty.hidden = true;
    tools.appendChild(empty);
    return { root: tools, input: input, row: row, count: count, empty: empty };
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
    }
  }

  // ------------------------------------------------------------------ FAQ pages

  var faq = null; // state of the FAQ widgets on the current page

  function setupFaq(labels) {
    var headings = Array.prototype.filter.call(document.querySelectorAll(".faq-question[id]"), function (h) {
      return headingLevel(h) > 0 && !h.closest(".faq-item");
    });
    var categories = Array.prototype.filter.call(document.querySelectorAll(".faq-category"), function (h) {
      return headingLevel(h) > 0 && !h.closest(".faq-section");
    });
    if (!headings.length && !categories.length) return null;
    var first = headings[0] || categories[0];
    var container = first.parentNode;
    if (container.hasAttribute("data-faq-ready")) return null;
    container.setAttribute("data-faq-ready", "");

    var state = {
      container: container,
      items: [],
      sections: [],
      collapsible: [],
      allTags: null,
      tag: "",
      storageKey: window.location.pathname
    };

    // Tags of every question, from the index's "All tags" list (its links name the questions).
    var tagsByHref = {};
    var allTags = container.querySelector(".faq-all-tags");
    if (allTags && headingLevel(allTags)) {
      var tagNodes = blockAfter(allTags);
      var tagSection = wrap([allTags].concat(tagNodes), el("div", { class: "faq-all-tags-section" }), allTags);
      state.allTags = tagSection;
      Array.prototype.forEach.call(tagSection.querySelectorAll(".faq-tag-entry"), function (entry) {
        var name = entry.querySelector("strong");
        var tag = name ? name.textContent.trim() : "";
        Array.prototype.forEach.call(entry.querySelectorAll("a[href]"), function (link) {
          var key = link.href;
          (tagsByHref[key] = tagsByHref[key] || []).push(tag);
        });
      });
    }

    // Category sections of the index: heading, description and the list of question links.
    categories.forEach(function (heading) {
      var nodes = blockAfter(heading, null, ["faq-question", "faq-all-tags", "faq-tools"]);
      var section = wrap([heading].concat(nodes), el("div", { class: "faq-section" }), heading);
      var links = section.querySelectorAll("li.faq-question-link");
      if (!links.length) {
        var lists = section.querySelectorAll(":scope > ul, :scope > ol");
        var list = lists[lists.length - 1];
        links = list ? list.querySelectorAll(":scope > li") : [];
      }
      var entry = { node: section, items: [] };
      Array.prototype.forEach.call(links, function (li) {
        var link = li.querySelector("a[href]");
        if (!link) return;
        var tags = tagsByHref[link.href] || [];
        var item = {
          node: li,
          tags: tags.map(fold),
          text: fold(li.textContent + " " + tags.join(" "))
        };
        entry.items.push(item);
        state.items.push(item);
      });
      state.sections.push(entry);
    });

    // Questions in full: wrap heading + answer, turn the heading text into a toggle button.
    headings.forEach(function (heading) {
      var id = heading.id;
      var nodes = blockAfter(heading, "faq-meta", ["faq-question", "faq-category", "faq-all-tags", "faq-tools"]);
      var item = el("div", { class: "faq-item", "data-faq-question": id });
      heading.parentNode.insertBefore(item, heading);
      item.appendChild(heading);
      var answer = el("div", { class: "faq-answer", id: id + "--answer" });
      item.appendChild(answer);
      nodes.forEach(function (node) {
        answer.appendChild(node);
      });
      var button = el("button", {
        type: "button",
        class: "faq-toggle",
        "aria-expanded": "true",
        "aria-controls": answer.id
      });
      Array.prototype.slice.call(heading.childNodes).forEach(function (child) {
        if (!hasClass(child, "headerlink")) button.appendChild(child);
      });
      // Keep the visible text ending without the whitespace the permalink left behind.
      if (button.lastChild && button.lastChild.nodeType === 3) {
        button.lastChild.textContent = button.lastChild.textContent.replace(/\s+$/, "");
      }
      button.insertBefore(el("span", { class: "faq-toggle__icon", "aria-hidden": "true" }), button.firstChild);
      heading.insertBefore(button, heading.firstChild);
      heading.classList.add("faq-question--toggle");
      var tags = Array.prototype.map.call(answer.querySelectorAll(".faq-meta-tags a"), function (a) {
        a.classList.add("faq-tag-chip");
        return a.textContent.trim();
      });
      // Chips need no commas between them (without JavaScript the links keep theirs).
      Array.prototype.forEach.call(answer.querySelectorAll(".faq-meta-tags"), function (span) {
        Array.prototype.slice.call(span.childNodes).forEach(function (child) {
          if (child.nodeType === 3 && /^\s*,\s*$/.test(child.textContent)) child.textContent = " ";
        });
      });
      var record = {
        id: id,
        node: item,
        heading: heading,
        button: button,
        answer: answer,
        tags: tags.map(fold),
        text: fold(
          button.textContent + " " + textOf(answer, ".faq-meta") + " " + tags.join(" ")
        )
      };
      answer.addEventListener("beforematch", function () {
        setExpanded(record, true, true); // the browser's find-in-page opens a collapsed answer
      });
      state.items.push(record);
      state.collapsible.push(record);
    });

    // Toolbar: filter, count, active tag, expand/collapse all.
    var toolbar = buildToolbar("faq", labels);
    state.toolbar = toolbar;
    var activeTag = el("span", { class: "faq-active-tag" });
    activeTag.hidden = true;
    var tagName = el("span", { class: "faq-active-tag__label" });
    var clear = el("button", { type: "button", class: "faq-active-tag__clear" });
    clear.appendChild(tagName);
    clear.appendChild(el("span", { class: "faq-active-tag__x", "aria-hidden": "true" }, "×"));
    activeTag.appendChild(clear);
    toolbar.row.insertBefore(activeTag, toolbar.count);
    state.activeTag = activeTag;
    state.activeTagLabel = tagName;
    state.activeTagButton = clear;
    clear.addEventListener("click", function () {
      setTag("");
      toolbar.input.focus();
    });
    if (state.collapsible.length) {
      var buttons = el("span", { class: "faq-bulk" });
      var expandAll = el("button", { type: "button", class: "faq-bulk__button", "data-faq-action": "expand" }, labels.expand_all);
      var collapseAll = el("button", { type: "button", class: "faq-bulk__button", "data-faq-action": "collapse" }, labels.collapse_all);
      buttons.appendChild(expandAll);
      buttons.appendChild(collapseAll);
      toolbar.row.appendChild(buttons);
      expandAll.addEventListener("click", function () {
        state.collapsible.forEach(function (item) {
          setExpanded(item, true, false);
        });
        saveCollapsed();
      });
      collapseAll.addEventListener("click", function () {
        state.collapsible.forEach(function (item) {
          setExpanded(item, false, false);
        });
        saveCollapsed();
      });
    }
    var anchor = state.sections.length ? state.sections[0].node : state.collapsible.length ? state.collapsible[0].node : state.allTags;
    placeToolbar(container, toolbar, anchor);
    toolbar.input.addEventListener("input", applyFaqFilter);

    faq = state;
    state.labels = labels;

    var collapsed = storage.get(state.storageKey) || [];
    state.collapsible.forEach(function (item) {
      if (collapsed.indexOf(item.id) !== -1) {
        setExpanded(item, false, false);
        state.restoredCollapsed = true; // the page got shorter above the #target, maybe
      }
    });
    applyFaqFilter();
    return state;
  }

  function setExpanded(item, expanded, persist) {
    item.button.setAttribute("aria-expanded", String(expanded));
    item.node.classList.toggle("faq-item--collapsed", !expanded);
    if (expanded) {
      item.answer.removeAttribute("hidden");
    } else {
      // "until-found" keeps collapsed answers findable with the browser's find-in-page.
      item.answer.setAttribute("hidden", SUPPORTS_UNTIL_FOUND ? "until-found" : "");
    }
    if (persist) saveCollapsed();
  }

  function saveCollapsed() {
    if (!faq) return;
    var ids = faq.collapsible
      .filter(function (item) {
        return item.button.getAttribute("aria-expanded") === "false";
      })
      .map(function (item) {
        return item.id;
      });
    storage.set(faq.storageKey, ids.length ? ids : null);
  }

  function setTag(tag) {
    if (!faq) return;
    faq.tag = tag;
    faq.activeTag.hidden = !tag;
    faq.activeTagLabel.textContent = tag ? faq.labels.tags + ": " + tag : "";
    faq.activeTagButton.setAttribute("aria-label", faq.labels.remove_tag + ": " + tag);
    var folded = fold(tag);
    Array.prototype.forEach.call(faq.container.querySelectorAll("a.faq-tag-chip"), function (chip) {
      chip.classList.toggle("faq-tag-chip--active", !!folded && fold(chip.textContent) === folded);
    });
    applyFaqFilter();
  }

  function applyFaqFilter() {
    var state = faq;
    if (!state) return;
    var query = words(state.toolbar.input.value);
    var tag = fold(state.tag);
    var active = query.length > 0 || !!tag;
    var shown = 0;
    state.items.forEach(function (item) {
      var match =
        (!tag || item.tags.indexOf(tag) !== -1) &&
        query.every(function (word) {
          return item.text.indexOf(word) !== -1;
        });
      item.node.hidden = !match;
      if (match) shown += 1;
    });
    state.sections.forEach(function (section) {
      section.node.hidden =
        active &&
        section.items.length > 0 &&
        section.items.every(function (item) {
          return item.node.hidden;
        });
    });
    if (state.allTags) state.allTags.hidden = active;
    state.container.classList.toggle("faq-filtered", active);
    state.toolbar.count.textContent = format(state.labels.filter_count, {
      shown: shown,
      total: state.items.length
    });
    state.toolbar.empty.hidden = shown > 0;
  }

  /** Clicking a tag chip of a question filters this page by that tag (JavaScript on). */
  function onTagClick(event) {
    if (!faq || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest(".faq-meta-tags a[href]");
    if (!link || !faq.container.contains(link)) return;
    event.preventDefault();
    event.stopPropagation(); // keep Material's instant navigation out of it
    var tag = link.textContent.trim();
    setTag(fold(faq.tag) === fold(tag) ? "" : tag);
    var top = faq.toolbar.root.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight) {
      faq.toolbar.root.scrollIntoView({ block: "start", behavior: reducedMotion() ? "auto" : "smooth" });
    }
  }

  function onToggleClick(event) {
    var button = event.target.closest && event.target.closest(".faq-toggle");
    if (!button || !faq) return;
    var item = null;
    faq.collapsible.forEach(function (candidate) {
      if (candidate.button === button) item = candidate;
    });
    if (!item) return;
    setExpanded(item, button.getAttribute("aria-expanded") !== "true", true);
  }

  // ------------------------------------------------------------------ glossary page

  var glossary = null;

  function setupGlossary(labels) {
    var entries = Array.prototype.filter.call(document.querySelectorAll(".faq-term-entry[id]"), function (h) {
      return headingLevel(h) > 0 && !h.closest(".faq-glossary-entry");
    });
    if (!entries.length) return null;
    var container = entries[0].parentNode;
    if (container.hasAttribute("data-faq-ready")) return null;
    container.setAttribute("data-faq-ready", "");

    var state = { container: container, items: [], groups: [], labels: labels };
    // Letter groups first (a letter heading and every entry under it), then the entries.
    var groups = [];
    Array.prototype.forEach.call(document.querySelectorAll(".faq-letter[id]"), function (letter) {
      if (!headingLevel(letter) || letter.parentNode !== container) return;
      var nodes = blockAfter(letter);
      var group = wrap([letter].concat(nodes), el("div", { class: "faq-letter-group" }), letter);
      groups.push({ node: group, link: letterLink(container, letter.id), items: [] });
    });
    entries.forEach(function (heading) {
      var nodes = blockAfter(heading, null, ["faq-letter", "faq-term-entry"]);
      var node = wrap([heading].concat(nodes), el("div", { class: "faq-glossary-entry", "data-faq-term-entry": heading.id }), heading);
      var aliases = node.querySelector(".faq-term-aliases");
      var definition = node.querySelector(".faq-term-definition");
      var details = nodes.filter(function (n) {
        return n.nodeType === 1 && !/faq-term-aliases|faq-term-definition|faq-see-also|faq-used-in/.test(n.className);
      });
      var text = [
        textOf(heading, ".headerlink"),
        aliases ? textOf(aliases, "strong") : "",
        definition ? definition.textContent : "",
        details.map(function (n) {
          return n.textContent;
        }).join(" ")
      ].join(" ");
      var item = { id: heading.id, node: node, text: fold(text) };
      state.items.push(item);
      groups.forEach(function (group) {
        if (group.node.contains(node)) group.items.push(item);
      });
    });
    state.groups = groups;

    var toolbar = buildToolbar("glossary", labels);
    state.toolbar = toolbar;
    var letters = container.querySelector(".faq-letters");
    if (letters) {
      // Letters become evenly spaced buttons-like links; the " · " separators are for no-JS.
      Array.prototype.slice.call(letters.childNodes).forEach(function (child) {
        if (child.nodeType === 3 && /^[\s·•|,]*$/.test(child.textContent)) child.textContent = " ";
      });
      letters.classList.add("faq-letters--enhanced");
      letters.setAttribute("role", "navigation");
      letters.setAttribute("aria-label", labels.letters);
    }
    var anchor = letters ? letters.nextSibling : state.groups.length ? state.groups[0].node : state.items[0].node;
    if (letters && !anchor) container.appendChild(toolbar.root);
    else placeToolbar(container, toolbar, anchor);
    toolbar.input.addEventListener("input", applyGlossaryFilter);
    glossary = state;
    applyGlossaryFilter();
    return state;
  }

  /** The letter navigation's link to a letter (Material's instant mode makes hrefs absolute). */
  function letterLink(container, id) {
    var links = container.querySelectorAll(".faq-letters a[href]");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].hash === "#" + id && links[i].pathname === window.location.pathname) return links[i];
    }
    return null;
  }

  function applyGlossaryFilter() {
    var state = glossary;
    if (!state) return;
    var query = words(state.toolbar.input.value);
    var shown = 0;
    state.items.forEach(function (item) {
      var match = query.every(function (word) {
        return item.text.indexOf(word) !== -1;
      });
      item.node.hidden = !match;
      if (match) shown += 1;
    });
    state.groups.forEach(function (group) {
      var empty = group.items.every(function (item) {
        return item.node.hidden;
      });
      group.node.hidden = empty;
      if (group.link) {
        group.link.classList.toggle("faq-letter--empty", empty);
        if (empty) group.link.setAttribute("aria-disabled", "true");
        else group.link.removeAttribute("aria-disabled");
      }
    });
    state.container.classList.toggle("faq-filtered", query.length > 0);
    state.toolbar.count.textContent = format(state.labels.filter_count, {
      shown: shown,
      total: state.items.length
    });
    state.toolbar.empty.hidden = shown > 0;
  }

  // ------------------------------------------------------------------ permalinks

  /** Make the element the URL's #fragment points at visible: unfilter, expand, scroll. */
  function revealHash(scroll) {
    var target = hashTarget();
    if (!target) return;
    var revealed = false;
    if (faq) {
      var item = null;
      faq.items.forEach(function (candidate) {
        if (candidate.node.contains(target)) item = candidate;
      });
      if (item && item.node.hidden) {
        faq.toolbar.input.value = "";
        setTag("");
        revealed = true;
      }
      if (item && item.button && item.button.getAttribute("aria-expanded") === "false") {
        setExpanded(item, true, true);
        revealed = true;
      }
    }
    if (glossary && target.closest(".faq-letter-group[hidden], .faq-glossary-entry[hidden]")) {
      glossary.toolbar.input.value = "";
      applyGlossaryFilter();
      revealed = true;
    }
    if (scroll || revealed) {
      window.requestAnimationFrame(function () {
        target.scrollIntoView({ block: "start" });
      });
    }
  }

  // ------------------------------------------------------------------ start

  function setupPage() {
    hide();
    tip.dismissed = null;
    tip.disabled = materialTooltips();
    var labels = readLabels();
    var faqState = setupFaq(labels);
    var glossaryState = setupGlossary(labels);
    if (faqState === null && faq && !faq.container.isConnected) faq = null;
    if (glossaryState === null && glossary && !glossary.container.isConnected) glossary = null;
    // The browser scrolled to the #target before the answers above it were collapsed again.
    if (window.location.hash) revealHash(!!(faqState && faqState.restoredCollapsed));
  }

  document.addEventListener("pointerover", onPointerOver);
  document.addEventListener("pointerout", onPointerOut);
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  document.addEventListener("keydown", onKeyDown);
  document.addEventListener("pointerdown", onPointerDown, true);
  document.addEventListener("click", onClick, true);
  document.addEventListener("click", onTagClick, true);
  document.addEventListener("click", onToggleClick);
  window.addEventListener("scroll", onViewportChange, { passive: true, capture: true });
  window.addEventListener("resize", onViewportChange, { passive: true });
  window.addEventListener("hashchange", function () {
    revealHash(false);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      setupPage();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupPage);
  } else {
    setupPage();
  }
})();
