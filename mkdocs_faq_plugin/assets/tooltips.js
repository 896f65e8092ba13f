/*
 * mkdocs-faq-plugin: glossary term tooltips, on every page of the site.
 *
 * Plain ES2017, no dependencies, no network. A term mark (`.faq-term[data-faq-term]`) carries
 * its definition in `title`; this script shows it in a popup that meets WCAG 1.4.13 (content on
 * hover or focus): it opens on hover and on keyboard focus, stays while the pointer moves onto
 * it, closes with Escape without moving focus, and never covers the element that has focus.
 * While it is open the mark is described by it (`aria-describedby`), so a screen reader reads
 * the definition even though the `title` is parked. On a touch screen the first tap shows the
 * definition and the second follows the link.
 *
 * With Material for MkDocs' `content.tooltips`, Material draws the popup and this script only
 * adds what Material's lacks for our marks: Escape, a popup the pointer can rest on, the
 * focus rule and the touch behaviour. Listeners live on `document`, so Material's instant
 * navigation (which swaps the page without reloading it) needs nothing set up again.
 */
(function () {
  "use strict";

  if (window.__faqTooltipsLoaded) return; // the script was included twice
  window.__faqTooltipsLoaded = true;

  var TERM = ".faq-term[data-faq-term]";
  var LANDMARK = "main, [role='main']";
  var MATERIAL_TIP = "md-tooltip2";
  var MARKED = "faq-md-tooltip"; // class we give Material's popups for our marks
  var DISMISSED = "faq-md-tooltip--dismissed";
  // Ids made by scripts hold "--", which neither faq.yml ids nor heading ids can, so they never
  // clash with an id of the page.
  var TOOLTIP_ID = "faq--tooltip";

  var tip = {
    node: null, // our popup, created once and re-attached if a page swap removed it
    term: null, // the term it describes right now
    visible: false,
    showTimer: 0,
    hideTimer: 0,
    dismissed: null, // a term closed with Escape stays closed until pointer/focus leave it
    touchTerm: null, // the term under the current touch, and whether it was open before it
    touchWasOpen: false,
    material: false // Material's content.tooltips draws the popups
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
    if (term.hasAttribute("title") || term.hasAttribute("data-faq-title")) return term;
    // Material takes the title away while its popup is up, and for 250 ms after it closes.
    return tip.material && term.hasAttribute("data-faq-tip") ? term : null;
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
    }
    var home = (term && term.closest(LANDMARK)) || document.body;
    if (tip.node.parentNode !== home) home.appendChild(tip.node);
    return tip.node;
  }

  function inTooltip(target) {
    return !!(tip.node && target && tip.node.contains(target));
  }

  function definitionOf(term) {
    return term.getAttribute("data-faq-title") || term.getAttribute("title") || "";
  }

  /** A definition nobody translated is in faq.yml's language, not the page's (WCAG 3.1.2). */
  function declareLanguage(node, term) {
    var lang = term.getAttribute("data-faq-lang");
    if (lang) node.setAttribute("lang", lang);
    else node.removeAttribute("lang");
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
      return id && id !== TOOLTIP_ID;
    });
    if (add) ids.push(TOOLTIP_ID);
    if (ids.length) term.setAttribute("aria-describedby", ids.join(" "));
    else term.removeAttribute("aria-describedby");
  }

  /** Below the term, or above it when there is no room below; never over it. */
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
    if (tip.dismissed === term) return;
    var text = definitionOf(term);
    if (!text) return;
    if (tip.term && tip.term !== term) release(tip.term);
    var node = tooltipNode(term);
    parkTitle(term);
    node.textContent = text;
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

  /** Material's popup describing `term`, if one is on the page. */
  function materialNode(term) {
    var ids = (term.getAttribute("aria-describedby") || "").split(/\s+/);
    for (var i = 0; i < ids.length; i += 1) {
      var node = ids[i] && document.getElementById(ids[i]);
      if (node && node.classList.contains(MATERIAL_TIP)) return node;
    }
    return null;
  }

  function materialOpen(term) {
    var node = materialNode(term);
    return !!node && !node.classList.contains(DISMISSED);
  }

  /** Mark Material's popups that describe our terms (CSS makes them hoverable). */
  function markMaterialNodes(records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (node.nodeType !== 1 || !node.classList.contains(MATERIAL_TIP) || !node.id) return;
        var host = document.querySelector('[aria-describedby~="' + node.id + '"]');
        if (host && host.matches(TERM)) {
          node.classList.add(MARKED);
          declareLanguage(node, host);
          uncoverFocus();
        }
      });
    });
  }

  function dismissMaterial() {
    var open = document.querySelectorAll("." + MARKED + ":not(." + DISMISSED + ")");
    Array.prototype.forEach.call(open, function (node) {
      node.classList.add(DISMISSED);
    });
    return open.length > 0;
  }

  // ------------------------------------------------------------------ focus is never covered

  /** WCAG 2.4.11: a popup that would hide the focused element (other than its own term) goes. */
  function uncoverFocus() {
    var focused = document.activeElement;
    if (!focused || focused === document.body || focused.matches(TERM)) return;
    var box = focused.getBoundingClientRect();
    if (tip.visible && tip.node && overlaps(tip.node.getBoundingClientRect(), box)) hide();
    Array.prototype.forEach.call(document.querySelectorAll("." + MARKED), function (node) {
      var inner = node.firstElementChild || node;
      if (overlaps(inner.getBoundingClientRect(), box)) node.classList.add(DISMISSED);
    });
  }

  // ------------------------------------------------------------------ events

  /** Focus or pointer came (back) to a term: popups closed with Escape may show again.
      Material may still be reusing the popup it hides 250 ms after blur, unlinked by then. */
  function undismissMaterial(term) {
    if (!term) return;
    Array.prototype.forEach.call(document.querySelectorAll("." + DISMISSED), function (node) {
      node.classList.remove(DISMISSED);
    });
  }

  function onPointerOver(event) {
    if (tip.material && event.pointerType !== "touch") undismissMaterial(termOf(event.target));
    if (tip.material || event.pointerType === "touch") return;
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
    if (tip.material || event.pointerType === "touch") return;
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
    if (tip.material) {
      if (term) undismissMaterial(term);
      else uncoverFocus();
      return;
    }
    if (term) {
      tip.dismissed = null;
      show(term);
    } else if (!inTooltip(event.target)) {
      uncoverFocus();
    }
  }

  function onFocusOut(event) {
    if (tip.material) return;
    var term = termOf(event.target);
    if (term && term === tip.term && !term.matches(":hover")) hide();
    if (term && tip.dismissed === term) tip.dismissed = null;
  }

  function onKeyDown(event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var closed = false;
    if (tip.material) {
      closed = dismissMaterial();
    } else if (tip.visible) {
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
      tip.touchWasOpen = !!term && (tip.material ? materialOpen(term) : tip.visible && tip.term === term);
      if (!term && !inTooltip(event.target) && !tip.material) hide();
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
      if (!tip.material) hide(); // second tap: follow the link as usual
      return;
    }
    // First tap on a touch screen: show the definition instead of leaving the page.
    event.preventDefault();
    event.stopPropagation(); // Material's instant navigation does not look at defaultPrevented
    tip.dismissed = null;
    if (tip.material) {
      undismissMaterial(term);
      term.focus(); // Material shows its popup for the focused element
    } else {
      show(term);
    }
  }

  var placing = false;
  function onViewportChange() {
    if (placing || (!tip.visible && !tip.material)) return;
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
    tip.material = materialTooltips();
    if (tip.material) {
      Array.prototype.forEach.call(document.querySelectorAll(TERM + "[title]"), function (term) {
        term.setAttribute("data-faq-tip", ""); // it has a definition, whatever Material does
      });
    }
    if (!observer && window.MutationObserver && document.body) {
      observer = new MutationObserver(markMaterialNodes); // Material appends popups to <body>
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
