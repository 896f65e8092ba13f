/*
 * mkdocs-faq-plugin: the glossary page — filter box with a live count, and the letter
 * navigation, whose letters with no matching term are marked unavailable and skipped by Tab.
 */
(function () {
  "use strict";

  var faqPlugin = window.faqPlugin;
  if (!faqPlugin || faqPlugin.glossaryLoaded) return;
  faqPlugin.glossaryLoaded = true;

  var el = faqPlugin.el;
  var headingLevel = faqPlugin.headingLevel;
  var blockAfter = faqPlugin.blockAfter;
  var wrap = faqPlugin.wrap;
  var textOf = faqPlugin.textOf;

  var glossary = null;

  /** The letter navigation's link to a letter (Material's instant mode makes hrefs absolute). */
  function letterLink(container, id) {
    var links = container.querySelectorAll(".faq-letters a[href]");
    for (var i = 0; i < links.length; i += 1) {
      if (links[i].hash === "#" + id && links[i].pathname === window.location.pathname) return links[i];
    }
    return null;
  }

  /** Letter groups first (a letter heading and every entry under it), then the entries. */
  function setupEntries(state, entries) {
    Array.prototype.forEach.call(document.querySelectorAll(".faq-letter[id]"), function (letter) {
      if (!headingLevel(letter) || letter.parentNode !== state.container) return;
      var group = wrap([letter].concat(blockAfter(letter)), el("div", { class: "faq-letter-group" }), letter);
      state.groups.push({ node: group, link: letterLink(state.container, letter.id), items: [] });
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
        details
          .map(function (n) {
            return n.textContent;
          })
          .join(" ")
      ].join(" ");
      var item = { id: heading.id, node: node, text: faqPlugin.fold(text) };
      var copy = el("p", { class: "faq-copy-row" });
      copy.appendChild(faqPlugin.copyLinkButton(heading.id, state.labels));
      node.appendChild(copy);
      state.items.push(item);
      state.groups.forEach(function (group) {
        if (group.node.contains(node)) group.items.push(item);
      });
    });
  }

  /** Letters become evenly spaced, button-like links; the " · " separators are for no-JS. */
  function setupLetters(letters, labels) {
    Array.prototype.slice.call(letters.childNodes).forEach(function (child) {
      if (child.nodeType === 3 && /^[\s·•|,]*$/.test(child.textContent)) child.textContent = " ";
    });
    letters.classList.add("faq-letters--enhanced");
    letters.setAttribute("role", "navigation");
    letters.setAttribute("aria-label", labels.letters);
  }

  function setup(labels) {
    var entries = Array.prototype.filter.call(document.querySelectorAll(".faq-term-entry[id]"), function (h) {
      return headingLevel(h) > 0 && !h.closest(".faq-glossary-entry");
    });
    if (!entries.length) {
      if (glossary && !glossary.container.isConnected) glossary = null; // instant navigation
      return false;
    }
    var container = faqPlugin.claim(entries[0]);
    if (!container) return false;

    var state = { container: container, items: [], groups: [], labels: labels };
    setupEntries(state, entries);
    var toolbar = faqPlugin.buildToolbar("glossary", labels);
    state.toolbar = toolbar;
    var letters = container.querySelector(".faq-letters");
    if (letters) setupLetters(letters, labels);
    var anchor = letters ? letters.nextSibling : state.groups.length ? state.groups[0].node : state.items[0].node;
    faqPlugin.placeToolbar(container, toolbar, anchor);
    toolbar.input.addEventListener("input", applyFilter);
    glossary = state;
    applyFilter();
    return false;
  }

  function applyFilter() {
    var state = glossary;
    if (!state) return;
    var query = faqPlugin.words(state.toolbar.input.value);
    var shown = 0;
    state.items.forEach(function (item) {
      var match = faqPlugin.matches(item.text, query);
      item.node.hidden = !match;
      if (match) shown += 1;
    });
    state.groups.forEach(function (group) {
      var empty = group.items.every(function (item) {
        return item.node.hidden;
      });
      group.node.hidden = empty;
      var link = group.link;
      if (!link) return;
      link.classList.toggle("faq-letter--empty", empty);
      if (empty) {
        // Nothing to jump to: unavailable to every reader, and not a Tab stop.
        link.setAttribute("aria-disabled", "true");
        link.setAttribute("tabindex", "-1");
      } else {
        link.removeAttribute("aria-disabled");
        link.removeAttribute("tabindex");
      }
    });
    state.container.classList.toggle("faq-filtered", query.length > 0);
    faqPlugin.unhighlight(state.container);
    state.items.forEach(function (item) {
      if (!item.node.hidden) faqPlugin.highlight(item.node, query);
    });
    state.toolbar.report(shown, state.items.length);
  }

  /** A letter with no matching term leads nowhere while the filter is on. */
  function onLetterClick(event) {
    var link = event.target.closest && event.target.closest(".faq-letters a[aria-disabled='true']");
    if (!link) return;
    event.preventDefault();
    event.stopPropagation(); // Material's instant navigation would follow it
  }

  /** A permalink to a term hidden by the filter: clear the filter. */
  function reveal(target) {
    if (!glossary || !target.closest(".faq-letter-group[hidden], .faq-glossary-entry[hidden]")) return false;
    glossary.toolbar.input.value = "";
    glossary.toolbar.input.dispatchEvent(new Event("input")); // refilters, and clears ?filter=
    return true;
  }

  document.addEventListener("click", onLetterClick, true);
  faqPlugin.register({ setup: setup, reveal: reveal });
})();
