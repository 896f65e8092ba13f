/*
 * mkdocs-faq-plugin: "Was this helpful?" buttons under each answer.
 *
 * Loaded only when the plugin's `feedback` option is on, by the FAQ pages. They carry an empty
 * `<span class="faq-feedback" data-faq-feedback="QUESTION-ID" ...>` per question, with the
 * words and the values to send in data attributes; this script turns it into two buttons.
 *
 * A click sends the analytics event Material for MkDocs sends for its page feedback
 * (`event` / `feedback` with `page` and `data`), with `page` naming the question
 * (`/faq/basics/#question-id`). It goes to `gtag` when the site defines one, else to the
 * `dataLayer` Material's Google Analytics integration sets up; when neither exists (no
 * analytics, or no consent yet) nothing is sent. A `faq:feedback` DOM event is dispatched
 * on the document either way, for custom analytics providers.
 *
 * Plain ES2017, no dependencies; set up again after Material's instant navigation.
 */
(function () {
  "use strict";

  if (window.__faqFeedbackLoaded) return;
  window.__faqFeedbackLoaded = true;

  var SELECTOR = ".faq-feedback[data-faq-feedback]";

  // Default looks with the weight of a bare element selector (`:where` counts for nothing):
  // enough to beat a theme's `button` reset, while any class rule in pages.css or a theme wins.
  var STYLE =
    ":where(.faq-feedback){display:block;margin:.4em 0 0}" +
    ":where(.faq-feedback) button{font:inherit;color:inherit;background:none;cursor:pointer;" +
    "border:1px solid currentColor;border-radius:.2em;padding:0 .6em;margin:0 .15em;opacity:.8}" +
    ":where(.faq-feedback) button:where(:hover,:focus-visible){opacity:1}";

  function addStyle() {
    if (document.getElementById("faq--feedback-style")) return;
    var style = document.createElement("style");
    style.id = "faq--feedback-style";
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  function send(question, value) {
    var params = {
      page: window.location.pathname + "#" + question,
      data: value,
      faq_question: question
    };
    if (typeof window.gtag === "function") {
      window.gtag("event", "feedback", params);
    } else if (window.dataLayer && typeof window.dataLayer.push === "function") {
      // gtag.js reads commands as `arguments` objects, which is what gtag() itself pushes.
      (function () {
        window.dataLayer.push(arguments);
      })("event", "feedback", params);
    }
    var detail = { question: question, value: value, page: params.page };
    document.dispatchEvent(new CustomEvent("faq:feedback", { detail: detail }));
  }

  function button(holder, kind) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "faq-feedback__button faq-feedback__button--" + kind;
    node.setAttribute("data-faq-feedback-value", holder.getAttribute("data-faq-feedback-" + kind + "-value") || "");
    node.textContent = holder.getAttribute("data-faq-feedback-" + kind) || kind;
    return node;
  }

  function setUp(holder) {
    if (holder.getAttribute("data-faq-feedback-ready")) return;
    holder.setAttribute("data-faq-feedback-ready", "true");
    var group = document.createElement("span");
    group.className = "faq-feedback__inner";
    group.setAttribute("role", "group");
    var title = document.createElement("span");
    title.className = "faq-feedback__title";
    title.id = "faq--feedback-" + holder.getAttribute("data-faq-feedback");
    title.textContent = holder.getAttribute("data-faq-feedback-title") || "";
    group.setAttribute("aria-labelledby", title.id);
    group.appendChild(title);
    group.appendChild(document.createTextNode(" "));
    group.appendChild(button(holder, "yes"));
    group.appendChild(document.createTextNode(" "));
    group.appendChild(button(holder, "no"));
    var thanks = document.createElement("span");
    thanks.className = "faq-feedback__thanks";
    thanks.setAttribute("role", "status");
    thanks.hidden = true;
    thanks.textContent = holder.getAttribute("data-faq-feedback-thanks") || "";
    holder.appendChild(group);
    holder.appendChild(thanks);
  }

  function setUpAll() {
    addStyle();
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), setUp);
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var clicked = target && target.closest && target.closest(".faq-feedback__button");
    if (!clicked) return;
    var holder = clicked.closest(SELECTOR);
    if (!holder || holder.getAttribute("data-faq-feedback-sent")) return;
    holder.setAttribute("data-faq-feedback-sent", "true");
    send(holder.getAttribute("data-faq-feedback"), clicked.getAttribute("data-faq-feedback-value"));
    var group = holder.querySelector(".faq-feedback__inner");
    var thanks = holder.querySelector(".faq-feedback__thanks");
    if (group) group.hidden = true;
    if (thanks) thanks.hidden = false;
  });

  // In the page content, before Material's script: look for `document$` once parsing is done.
  function follow() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUpAll); // Material: every page, instant navigation included
    } else {
      setUpAll();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();
})();
