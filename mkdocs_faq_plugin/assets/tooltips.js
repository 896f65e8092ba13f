/*
 * mkdocs-faq-plugin: glossary term tooltips, on every page of the site.
 *
 * Plain ES2017, no dependencies, no network. A term mark (`.faq-term[data-faq-term]`) carries
 * its definition in `title`; this script shows it in a popup that meets WCAG 1.4.13 (content on
 * hover or focus): it opens on hover and on keyboard focus, stays while the pointer moves onto
 * it, closes with Escape without moving focus, and never covers the element that has focus.
 * The popup shows the term's name, linking to its glossary entry, above the definition. While
 * it is open the mark is described by the definition (`aria-describedby`), so a screen reader
 * reads it even though the `title` is parked; the name and its link are for the pointer (the
 * mark itself is that link for the keyboard). On a touch screen the first tap shows the
 * definition and the second follows the link.
 *
 * With Material for MkDocs' `content.tooltips`, Material would draw its own popup for every
 * element with a `title` (10 px bold, no edge in dark mode, never flipped); this popup is shown
 * instead (see "Material's popups" below). Listeners live on `document` and `window`, so
 * Material's instant navigation (which swaps the page without reloading it) needs nothing set
 * up again.
 */
(function () {
  "use strict";

  if (window.__faqTooltipsLoaded) return; // the script was included twice
  window.__faqTooltipsLoaded = true;

  var TERM = ".faq-term[data-faq-term]";
  var LANDMARK = "main, [role='main']";
  // Ids made by scripts hold "--", which neither faq.yml ids nor heading ids can, so they never
  // clash with an id of the page.
  var TOOLTIP_ID = "faq--tooltip";
  var DEFINITION_ID = "faq--tooltip-definition";

  var tip = {
    node: null, // our popup, created once and re-attached if a page swap removed it
    definition: null, // the popup's definition, which describes the term
    term: null, // the term it describes right now
    visible: false,
    showTimer: 0,
    hideTimer: 0,
    dismissed: null, // a term closed with Escape stays closed until pointer/focus leave it
    touchTerm: null, // the term under the current touch, and whether it was open before it
    touchWasOpen: false,
    material: false // Material's content.tooltips is on: keep its popup off our marks
  };

  /** Material for MkDocs' own tooltips (`content.tooltips`) are on for this site. */
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

  function termOf(target) {
    if (!target || !target.closest) return null;
    var term = target.closest(TERM);
    if (!term) return null;
    return term.hasAttribute("title") || term.hasAttribute("data-faq-title") ? term : null;
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // ------------------------------------------------------------------ our popup

  /** The popup lives in the term's main landmark, so every part of the page is in one. */
  function tooltipNode(term) {
    if (!tip.node) {
      tip.node = document.createElement("div");
      tip.node.id = TOOLTIP_ID;
      tip.node.className = "faq-tooltip";
      tip.node.setAttribute("role", "tooltip");
      tip.node.hidden = true;
      tip.definition = document.createElement("span");
      tip.definition.id = DEFINITION_ID;
      tip.definition.className = "faq-tooltip__definition";
    }
    var home = (term && term.closest(LANDMARK)) || document.body;
    if (tip.node.parentNode !== home) home.appendChild(tip.node);
    return tip.node;
  }

  function inTooltip(target) {
    return !!(tip.node && target && tip.node.contains(target));
  }

  // Each mark's definition, as first read: Material puts back an empty `title` when its popup
  // for a mark closes, having read it while ours had it parked.
  var definitions = new WeakMap();

  function definitionOf(term) {
    return term.getAttribute("data-faq-title") || term.getAttribute("title") || definitions.get(term) || "";
  }

  /** A definition nobody translated is in faq.yml's language, not the page's (WCAG 3.1.2). */
  function declareLanguage(node, term) {
    var lang = term.getAttribute("data-faq-lang");
    if (lang) node.setAttribute("lang", lang);
    else node.removeAttribute("lang");
  }

  /** Park the native tooltip text so the browser does not show it on top of ours. */
  function parkTitle(term) {
    var title = term.getAttribute("title");
    if (title) {
      definitions.set(term, title);
      term.setAttribute("data-faq-title", title);
    }
    term.removeAttribute("title");
  }

  function restoreTitle(term) {
    var title = term.getAttribute("data-faq-title") || definitions.get(term);
    if (title) term.setAttribute("title", title);
    term.removeAttribute("data-faq-title");
  }

  function describedBy(term, add) {
    var ids = (term.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (id) {
      return id && id !== DEFINITION_ID;
    });
    if (add) ids.push(DEFINITION_ID);
    if (ids.length) term.setAttribute("aria-describedby", ids.join(" "));
    else term.removeAttribute("aria-describedby");
  }

  /** The term as the page names it, a link to its entry when the mark is one, then its
      definition. */
  function fill(node, term, text) {
    var href = term.getAttribute("href");
    var name = document.createElement(href ? "a" : "strong");
    name.className = "faq-tooltip__name";
    name.textContent = term.textContent;
    if (href) {
      name.setAttribute("href", href);
      name.tabIndex = -1; // the mark is this link for the keyboard
      name.setAttribute("aria-hidden", "true"); // and for screen readers
    }
    tip.definition.textContent = text;
    node.textContent = "";
    node.appendChild(name);
    node.appendChild(tip.definition);
  }

  /** Below the term, or above it when there is no room below; never over it, and shifted to
      stay inside the window when neither fits. */
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
    top = Math.max(margin, Math.min(top, viewHeight - height - margin));
    node.style.left = Math.round(left) + "px";
    node.style.top = Math.round(top) + "px";
    var arrow = box.left + box.width / 2 - left;
    node.style.setProperty("--faq-arrow-x", Math.round(Math.max(12, Math.min(arrow, width - 12))) + "px");
  }

  function show(term) {
    clearTimeout(tip.showTimer);
    clearTimeout(tip.hideTimer);
    if (tip.dismissed === term) return;
    var text = definitionOf(term);
    if (!text) return;
    if (tip.term && tip.term !== term) release(tip.term);
    var node = tooltipNode(term);
    parkTitle(term);
    fill(node, term, text);
    declareLanguage(node, term);
    tip.term = term;
    describedBy(term, true);
    node.hidden = false;
    place();
    tip.visible = true;
    node.classList.add("faq-tooltip--visible");
    uncoverFocus();
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

  // ------------------------------------------------------------------ Material's popups

  /* Material picks the elements with a `title` once per page, when it sets the page up, and
     shows its popup on `mouseenter` (listened to on the element) or when the element has
     focus. On the first page our marks' titles are parked until Material has picked (this
     script runs before it sets up); on a page swapped in by instant navigation it has picked
     them already: there `mouseenter` is stopped on its way to our marks, and the popups it
     draws for a focused mark are hidden (`.faq-md-tooltip`), empty as they are, since ours
     has parked the title by then. */

  function parkForMaterial() {
    Array.prototype.forEach.call(document.querySelectorAll(TERM + "[title]"), parkTitle);
  }

  function keepFromMaterial(event) {
    var target = event.target;
    if (tip.material && target && target.matches && target.matches(TERM)) event.stopPropagation();
  }

  function hideMaterialPopups(records) {
    var focused = document.activeElement;
    if (!focused || !focused.matches || !focused.matches(TERM)) return;
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.nodeType === 1 && node.classList.contains("md-tooltip2")) node.classList.add("faq-md-tooltip");
      });
    });
  }

  // ------------------------------------------------------------------ focus is never covered

  /** WCAG 2.4.11: a popup that would hide the focused element (other than its own term) goes. */
  function uncoverFocus() {
    var focused = document.activeElement;
    if (!focused || focused === document.body || focused.matches(TERM)) return;
    var box = focused.getBoundingClientRect();
    if (tip.visible && tip.node && overlaps(tip.node.getBoundingClientRect(), box)) hide();
  }

  // ------------------------------------------------------------------ events

  function onPointerOver(event) {
    if (event.pointerType === "touch") return;
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
    if (event.pointerType === "touch") return;
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
    var term = termOf(event.target);
    if (term) {
      tip.dismissed = null;
      show(term);
    } else if (!inTooltip(event.target)) {
      uncoverFocus();
    }
  }

  function onFocusOut(event) {
    var term = termOf(event.target);
    if (term && term === tip.term && !term.matches(":hover")) hide();
    if (term && tip.dismissed === term) tip.dismissed = null;
  }

  function onKeyDown(event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var closed = false;
    if (tip.visible) {
      tip.dismissed = tip.term;
      hide();
      closed = true;
    }
    // The popup was the thing to close: keep the theme from also acting on this Escape.
    if (closed) event.stopPropagation();
  }

  function onPointerDown(event) {
    if (event.pointerType === "touch" || event.pointerType === "pen") {
      var term = termOf(event.target);
      tip.touchTerm = term;
      tip.touchWasOpen = !!term && tip.visible && tip.term === term;
      if (!term && !inTooltip(event.target)) hide();
    } else {
      tip.touchTerm = null;
      if (!termOf(event.target) && !inTooltip(event.target)) tip.dismissed = null;
    }
  }

  function onClick(event) {
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
    if (placing || !tip.visible) return;
    placing = true;
    window.requestAnimationFrame(function () {
      placing = false;
      if (tip.term && !tip.term.isConnected) hide();
      else place();
      uncoverFocus();
    });
  }

  var observer = null;
  function setupPage() {
    hide();
    tip.dismissed = null;
    if (!tip.material) return;
    // Material has picked its elements: our marks may have their titles back.
    Array.prototype.forEach.call(document.querySelectorAll(TERM + "[data-faq-title]"), restoreTitle);
    if (!observer && window.MutationObserver && document.body) {
      observer = new MutationObserver(hideMaterialPopups); // Material appends popups to <body>
      observer.observe(document.body, { childList: true });
    }
  }

  document.addEventListener("pointerover", onPointerOver);
  document.addEventListener("pointerout", onPointerOut);
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("pointerdown", onPointerDown, true);
  document.addEventListener("click", onClick, true);
  tip.material = materialTooltips(); // Material's configuration, the same on every page
  if (tip.material) parkForMaterial();
  window.addEventListener("mouseenter", keepFromMaterial, true);
  window.addEventListener("mouseleave", keepFromMaterial, true);
  window.addEventListener("scroll", onViewportChange, { passive: true, capture: true });
  window.addEventListener("resize", onViewportChange, { passive: true });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setupPage); // Material: every page, instant navigation included
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupPage);
  } else {
    setupPage();
  }
})();
