/*
 * mkdocs-faq-plugin: the FAQ pages — filter box with a live count, tag chips that filter,
 * collapsible answers (remembered per page), Expand all / Collapse all.
 *
 * Each question heading keeps its id and level; its text moves into a `<button
 * aria-expanded aria-controls>` inside the heading, so the heading still names the section
 * and the button toggles the answer with Enter or Space. Collapsed answers are
 * `hidden="until-found"` where the browser supports it: find-in-page still opens them.
 * The filter searches answers too (on the index, each link's `data-faq-text`), marks what
 * matches, and keeps its words in the URL (`?filter=`). The template's `data-faq-collapse`
 * ("small-screens", "always" or "never") says whether answers start collapsed; without
 * JavaScript every answer is shown.
 */
(function () {
  "use strict";

  var faqPlugin = window.faqPlugin;
  if (!faqPlugin || faqPlugin.questionsLoaded) return;
  faqPlugin.questionsLoaded = true;

  var fold = faqPlugin.fold;
  var el = faqPlugin.el;
  var headingLevel = faqPlugin.headingLevel;
  var hasClass = faqPlugin.hasClass;
  var blockAfter = faqPlugin.blockAfter;
  var wrap = faqPlugin.wrap;

  var STORAGE_PREFIX = "faq-plugin:collapsed:";
  var SMALL_SCREEN = "(max-width: 44.9375em)"; // Material's phones and small tablets
  var SUPPORTS_UNTIL_FOUND = "onbeforematch" in document.documentElement;

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

  var faq = null; // state of the FAQ widgets on the current page

  /** Tags of every question, from the index's "All tags" list (its links name the questions). */
  function collectTags(state) {
    var tagsByHref = {};
    var allTags = state.container.querySelector(".faq-all-tags");
    if (!allTags || !headingLevel(allTags)) return tagsByHref;
    var tagSection = wrap([allTags].concat(blockAfter(allTags)), el("div", { class: "faq-all-tags-section" }), allTags);
    state.allTags = tagSection;
    Array.prototype.forEach.call(tagSection.querySelectorAll(".faq-tag-entry"), function (entry) {
      var name = entry.querySelector("strong");
      var tag = name ? name.textContent.trim() : "";
      Array.prototype.forEach.call(entry.querySelectorAll("a[href]"), function (link) {
        (tagsByHref[link.href] = tagsByHref[link.href] || []).push(tag);
      });
    });
    return tagsByHref;
  }

  /** Category sections of the index: heading, description and the list of question links. */
  function setupSection(state, heading, tagsByHref) {
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
      var answer = li.getAttribute("data-faq-text") || "";
      var item = {
        node: li,
        link: link,
        answer: answer,
        tags: tags.map(fold),
        title: fold(link.textContent + " " + tags.join(" ")),
        text: fold(li.textContent + " " + tags.join(" ") + " " + answer)
      };
      entry.items.push(item);
      state.items.push(item);
    });
    state.sections.push(entry);
  }

  /** A question in full: wrap heading + answer, turn the heading text into a toggle button. */
  function setupQuestion(state, heading) {
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
      button: button,
      answer: answer,
      tags: tags.map(fold),
      text: fold(button.textContent + " " + faqPlugin.textOf(answer, ".faq-meta") + " " + tags.join(" "))
    };
    answer.addEventListener("beforematch", function () {
      setExpanded(record, true, true); // the browser's find-in-page opens a collapsed answer
    });
    var meta = answer.querySelector(".faq-meta");
    (meta || answer).appendChild(faqPlugin.copyLinkButton(id, state.labels));
    state.items.push(record);
    state.collapsible.push(record);
  }

  /** Toolbar: filter, count, active tag, expand/collapse all. */
  function setupToolbar(state, labels) {
    var toolbar = faqPlugin.buildToolbar("faq", labels);
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
      toolbar.input.focus(); // the button just disappeared: focus goes where it is useful
    });
    if (state.collapsible.length) {
      var buttons = el("span", { class: "faq-bulk" });
      [["expand", labels.expand_all, true], ["collapse", labels.collapse_all, false]].forEach(function (spec) {
        var button = el("button", { type: "button", class: "faq-bulk__button", "data-faq-action": spec[0] }, spec[1]);
        button.addEventListener("click", function () {
          state.collapsible.forEach(function (item) {
            setExpanded(item, spec[2], false);
          });
          saveCollapsed();
        });
        buttons.appendChild(button);
      });
      toolbar.row.appendChild(buttons);
    }
    var slot = state.container.querySelector(".faq-tools:not([data-faq-tools])");
    state.collapse = (slot && slot.getAttribute("data-faq-collapse")) || "never";
    var anchor = state.sections.length ? state.sections[0].node : state.collapsible.length ? state.collapsible[0].node : state.allTags;
    faqPlugin.placeToolbar(state.container, toolbar, anchor);
    toolbar.input.addEventListener("input", applyFilter);
  }

  function setup(labels) {
    var headings = Array.prototype.filter.call(document.querySelectorAll(".faq-question[id]"), function (h) {
      return headingLevel(h) > 0 && !h.closest(".faq-item");
    });
    var categories = Array.prototype.filter.call(document.querySelectorAll(".faq-category"), function (h) {
      return headingLevel(h) > 0 && !h.closest(".faq-section");
    });
    if (!headings.length && !categories.length) {
      if (faq && !faq.container.isConnected) faq = null; // instant navigation left the page
      return false;
    }
    var container = faqPlugin.claim(headings[0] || categories[0]);
    if (!container) return false;

    var state = {
      container: container,
      items: [],
      sections: [],
      collapsible: [],
      allTags: null,
      tag: "",
      labels: labels,
      storageKey: window.location.pathname
    };
    var tagsByHref = collectTags(state);
    categories.forEach(function (heading) {
      setupSection(state, heading, tagsByHref);
    });
    headings.forEach(function (heading) {
      setupQuestion(state, heading);
    });
    setupToolbar(state, labels);
    faq = state;

    var restored = false; // the page got shorter above the #target, maybe
    var collapsed = storage.get(state.storageKey);
    if (!collapsed && collapsedByDefault(state.collapse)) {
      collapsed = state.collapsible.map(function (item) {
        return item.id;
      });
    }
    state.collapsible.forEach(function (item) {
      if ((collapsed || []).indexOf(item.id) !== -1) {
        setExpanded(item, false, false);
        restored = true;
      }
    });
    applyFilter();
    return restored;
  }

  /** Do answers start collapsed on this screen, when the reader has not chosen yet? */
  function collapsedByDefault(mode) {
    if (mode === "always") return true;
    return mode === "small-screens" && !!window.matchMedia && window.matchMedia(SMALL_SCREEN).matches;
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
    storage.set(faq.storageKey, ids); // [] too: the reader's choice wins over the default
  }

  function setTag(tag) {
    if (!faq) return;
    faq.tag = tag;
    faq.activeTag.hidden = !tag;
    faq.activeTagLabel.textContent = tag ? faq.labels.tags + faq.labels.colon + " " + tag : "";
    faq.activeTagButton.setAttribute("aria-label", faq.labels.remove_tag + faq.labels.colon + " " + tag);
    var folded = fold(tag);
    Array.prototype.forEach.call(faq.container.querySelectorAll("a.faq-tag-chip"), function (chip) {
      var active = !!folded && fold(chip.textContent) === folded;
      chip.classList.toggle("faq-tag-chip--active", active);
      if (active) chip.setAttribute("aria-current", "true");
      else chip.removeAttribute("aria-current");
    });
    applyFilter();
  }

  function applyFilter() {
    var state = faq;
    if (!state) return;
    var query = faqPlugin.words(state.toolbar.input.value);
    var tag = fold(state.tag);
    var active = query.length > 0 || !!tag;
    var shown = 0;
    state.items.forEach(function (item) {
      var match = (!tag || item.tags.indexOf(tag) !== -1) && faqPlugin.matches(item.text, query);
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
    mark(state, query);
    state.toolbar.report(shown, state.items.length);
  }

  /** Mark the query's words in what is shown; an index link found by its answer gets the
      answer's matching passage under it. */
  function mark(state, query) {
    faqPlugin.unhighlight(state.container);
    if (!query.length) return;
    state.items.forEach(function (item) {
      if (item.node.hidden) return;
      faqPlugin.highlight(item.node, query);
      if (item.link && item.answer && !faqPlugin.matches(item.title, query)) {
        var passage = faqPlugin.snippet(item.answer, query);
        if (passage) item.node.appendChild(passage);
      }
    });
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
    // Below a fixed header (Material's) the toolbar's scroll-margin keeps it in view.
    var margin = parseFloat(window.getComputedStyle(faq.toolbar.root).scrollMarginTop) || 0;
    var top = faq.toolbar.root.getBoundingClientRect().top;
    if (top < margin || top > window.innerHeight) {
      faq.toolbar.root.scrollIntoView({ block: "start", behavior: faqPlugin.reducedMotion() ? "auto" : "smooth" });
    }
  }

  function onToggleClick(event) {
    var button = event.target.closest && event.target.closest(".faq-toggle");
    if (!button || !faq) return;
    faq.collapsible.forEach(function (item) {
      if (item.button === button) setExpanded(item, button.getAttribute("aria-expanded") !== "true", true);
    });
  }

  /** A permalink to a question hidden by the filter or collapsed: show it. */
  function reveal(target) {
    if (!faq) return false;
    var revealed = false;
    faq.items.forEach(function (item) {
      if (!item.node.contains(target)) return;
      if (item.node.hidden) {
        faq.toolbar.input.value = "";
        faq.toolbar.input.dispatchEvent(new Event("input")); // the URL's ?filter= goes too
        setTag("");
        revealed = true;
      }
      if (item.button && item.button.getAttribute("aria-expanded") === "false") {
        setExpanded(item, true, true);
        revealed = true;
      }
    });
    return revealed;
  }

  document.addEventListener("click", onTagClick, true);
  document.addEventListener("click", onToggleClick);
  faqPlugin.register({ setup: setup, reveal: reveal });
})();
